### Courtside's pages in English (en-GB).
### One message per string a person reads on the pages. Keys are
### `<page>-<what>`; the Welsh file has the same keys (a test checks).
### See docs/translating.md, "The pages' catalogue".

## Layout and menu

layout-error-prefix = Error:
layout-skip-link = Skip to main content
layout-sign-out = Sign out
layout-main-menu = Main menu
layout-language-switch = Language
layout-email-off-label = Email is not set up
layout-email-off-heading = Email is not set up, so no emailed notice is being sent
layout-email-off-body = Notices to supporters and agencies wait unsent until your administrator sets the mail server (COURTSIDE_SMTP_URL) and restarts Courtside. Tell people by phone or in person in the meantime.
layout-footer-purpose = Courtside helps get a victim's independent adviser beside them at court. Times are UK time (Europe/London).
layout-footer-privacy = Never share what you see here with anyone who does not need it. Victims' addresses are never shown.
language-name = English
nav-home = Home
nav-week = My week
nav-week-ahead = The week ahead
nav-cases = Cases
nav-victims = Victims
nav-calendar-feed = Calendar feed
nav-tasks = To do
nav-requests = Requests
nav-court-lists = Court lists
nav-parole = Parole
nav-failed-messages = Failed messages
nav-partnership-report = Partnership report
nav-settings = Settings
nav-reminders = Your reminders
nav-directory = Directory

## Forms
form-date-hint = For example, 27 3 2026

form-back = Back
form-cancel = Cancel
form-skipped-time = { $time } on { $date } does not exist in UK time: the clocks go forward from 1am to 2am that night. Enter a time before 1am or from 2am.
form-enter-date = Enter { $what }
form-enter-time = Enter { $what }
form-date-not-real = { $what } must be a real date
form-date-missing-part = { $what } must include a { $part }
form-date-part-day = day
form-date-part-month = month
form-date-part-year = year
form-time-not-real = { $what } must be a time on the 24-hour clock, for example 14:30
form-warning = Warning
form-error-prefix = Error:
form-date-day = Day
form-date-month = Month
form-date-year = Year
form-error-summary-title = There is a problem
form-stale-heading = Someone else changed this { $what } while you were working on it
form-stale-body = Nothing you entered has been saved yet. The details now stored are shown below. Check them, change your answers if you need to, and save again.

## Sign in

sign-in-title = Sign in
sign-in-signed-out = You have signed out.
sign-in-heading = Sign in to Courtside
sign-in-intro = Use the email address and password your organisation gave you.
sign-in-button = Sign in
sign-in-oidc-heading = Or use your organisation's account
sign-in-oidc-button = Sign in with your organisation's account
sign-in-email = Email address
sign-in-password = Password
sign-in-error-email = Enter your email address
sign-in-error-password = Enter your password
sign-in-error-no-match = Enter the email address and password you were given: they do not match an account

## Home
home-summary-unit-tasks = Your unit has { $count } open { $count ->
    [one] task
   *[other] tasks
}.
home-summary-requests = { $count ->
    [0] No requests are waiting for you to confirm.
    [one] 1 request is waiting for you to confirm.
   *[other] { $count } requests are waiting for you to confirm.
}
home-summary-failed = { $count ->
    [0] No messages have failed.
    [one] 1 message has failed or could not be delivered.
   *[other] { $count } messages have failed or could not be delivered.
}

home-title = Home
home-hello = Hello, { $name }
home-nothing-for-role = There is nothing for your role in these pages yet. Your organisation's work is done through the Courtside API.
home-inbox-text = { $count ->
    [0] Nothing needs your attention: no messages failed and no recent warnings on your cases.
    [one] 1 thing needs your attention: a failed message or a warning on one of your cases.
   *[other] { $count } things need your attention: failed messages and warnings across your cases, each saying what to do.
}
home-week-label = My week
home-week-text = Your hearings, pre-trial visits, parole milestones and tasks for the next 7 days, with clashes flagged.
home-cases-supporter-label = Cases
home-cases-supporter-text = The cases of the victims you support: hearings, consents, attendance requests and every notice.
home-victims-supporter-label = Victims
home-victims-supporter-text = Add a victim you support, or change their reference, language and rights.
home-reminders-label = Your reminders
home-reminders-text = Have each reminder of a hearing or visit as its own message, or a day's reminders in your 07:30 daily message.
home-cases-wco-label = Your unit's cases
home-cases-wco-text = Add or move hearings, record special-measures discussions, and mark the court's decisions.
home-tasks-label = To do
home-tasks-text = Which supporters must be told what, and by when.
home-victims-wco-label = Victims
home-victims-wco-text = Add a victim, or change their reference, language and rights.
home-requests-wco-label = Requests
home-requests-wco-text = Requests addressed to your unit: confirm each one you have in hand.
home-court-lists-label = Court lists
home-court-lists-text = Upload the court's published list and see which hearings moved and who was told.
home-parole-label = Parole
home-parole-text = Log parole milestones and see which were shared with the supporter, and on what basis.
home-failed-messages-label = Failed messages
home-failed-messages-text = Notices that could not be delivered.
home-cases-manager-label = Cases
home-cases-manager-text = Your organisation's caseload.
home-requests-court-label = Requests
home-requests-court-text = Supporters identified to the court and requests about hearings: confirm each one you have in hand.
home-lead-time-label = Booking lead time for needs at court
home-lead-time-text = How many working days' notice your court needs to book interpreters, intermediaries and rooms.
home-requests-ws-label = Requests
home-requests-ws-text = Requests for pre-trial visits and support on the day: confirm each one you have in hand.
home-inbox-label = Needs your attention
home-directory-people-label = People
home-directory-people-text = Add the people who sign in, change their role or organisation, and stop someone signing in when they leave.
home-directory-organisations-label = Organisations
home-directory-organisations-text = The support services, witness care units, Witness Services, courts' listing offices and probation regions that work together, and where their notices go.
home-directory-courts-label = Courts
home-directory-courts-text = The courts hearings are listed at, their Crown Court codes, and which are in Wales.

## My week

week-bad-date = That date could not be read, so this is the week from today. Use a date written like 2026-03-30.
week-uk-time = All times are UK time.
week-nav-label = Weeks
week-previous = Previous 7 days
week-from-today = From today
week-next = Next 7 days
week-overdue-heading = Past their deadline
week-was-due = Was due
week-by-when = by { $due }
week-open-case = Open the case
week-today = Today
week-safety-plan-heading = Safety plan for the day
week-open-safety-plan = Open the safety plan
week-for-entry = for { $title } at { $time }
week-updates-title = Updates on the day
week-no-updates = No updates yet.
week-record-update = Record an update
week-open-updates = Open the updates
week-nothing = Nothing on this day.
week-open-tasks = Open tasks
week-task-overdue = Overdue
week-task-due = Due
week-task-case = Case { $case }
week-no-tasks = You have no open tasks.
week-all-day = All day
week-entry-at-place = { $title } at { $place }
week-clash-overlap = Clash: overlaps with { $what } ({ $when })
week-clash-travel = Clash: only { $gap } minutes to get to or from { $what } ({ $when }); allow at least { $least } minutes between courts
week-hearing-named = { $kind } at { $court }, { $when }
week-hearing = Hearing
week-service-plan-detail = Victim { $victim } · safety plan for the day
week-on-the-day = On the day
week-victim = Victim { $victim }
week-range = { $from } to { $to }
week-sitting-day = { $title } (day { $day } of { $days })
week-hearing-detail = Case { $case } · victim { $victim }
week-hearing-detail-evidence = Case { $case } · victim { $victim } · the victim gives evidence
week-visit = Pre-trial visit
week-visit-detail-attend = Case { $case } · victim { $victim } · you attend
week-parole-detail = Parole · victim { $victim }
week-risk-meeting-detail = Risk meeting · victim { $victim } · paperwork due by { $due }
week-tag-risk-meeting = Risk meeting
week-statement-part-supporter = You are booked for before and after (not in the room)
week-statement-part-alternative = You are the alternative supporter, in case the booked supporter is away
week-statement-part-officer = You are the officer
week-statement-detail = { $part } · victim { $victim }
week-tag-statement = Statement
week-deadline = Deadline
week-deadline-for = for the { $hearing }
week-deadline-case = case { $case }
week-deadline-victim = victim { $victim }
week-deadline-unconfirmed = figure unconfirmed
week-deadline-due = Due: { $what }
week-tag-deadline = Deadline
week-no-date = No date set
week-clash-list-overlap = Overlapping on { $day } at { $first_time } and { $second } at { $second_time }
week-clash-list-travel = Too little time between courts: on { $day } at { $first_time } and { $second } at { $second_time }
week-clash-heading = { $count ->
    [one] 1 clash this week
   *[other] { $count } clashes this week
}
week-note-clocks-forward = The clocks go forward one hour at 01:00 GMT on { $day }. Times here are already adjusted.
week-note-clocks-back = The clocks go back one hour at 01:00 GMT on { $day }. Times here are already adjusted.

## Needs your attention (the inbox)
inbox-not-delivered-retrying = Not delivered: { $what }. It will be tried again
inbox-not-delivered-given-up = Not delivered: { $what }. It will not be tried again: tell them another way

inbox-needs-your-attention = Needs your attention
inbox-nothing-needs-your-attention-no = Nothing needs your attention: no requests waiting, no messages failed, and no warnings on your cases in the last { $warning_days } days.
inbox-messages-not-delivered = Messages not delivered
inbox-every-message-about-your-cases = Every message about your cases has been delivered or is on its way.
inbox-warnings-on-your-cases = Warnings on your cases
inbox-no-warnings-on-your-cases = No warnings on your cases in the last { $warning_days } days.
inbox-see-and-confirm = See and confirm them
inbox-due = due { $when }
inbox-each-says = Each says what to do; older ones stay on their case's page.
inbox-raised = raised { $when }
inbox-requests = Requests
inbox-case-victim = Case { $case } · victim { $victim }
inbox-requests-waiting = { $count ->
    [0] No requests are waiting for you to confirm.
    [one] 1 request is waiting for you to confirm.
   *[other] { $count } requests are waiting for you to confirm.
}
inbox-warning-count = { $warnings ->
    [one] 1 warning
   *[other] { $warnings } warnings
} in the last { $days } days, on { $cases ->
    [one] 1 case
   *[other] { $cases } cases
}.
inbox-more = Only the newest { $most } warnings and { $most } failed messages are read here; see each case's page for the rest.

## Cases

cases-open-a-case = Open a case
cases-find-a-case = Find a case
cases-find-cases = Find cases
cases-clear-the-search = Clear the search
cases-case = Case
cases-victim = Victim
cases-court = Court
cases-next-hearing = Next hearing
cases-previous-page = Previous page
cases-next-page = Next page
cases-no-case-matches-check-the = No case matches. Check the reference, or search with fewer details.
cases-there-are-no-cases-for = There are no cases for you yet.
cases-cases = Cases
cases-pages = Pages
cases-closed = closed
cases-not-set = Not set
cases-none-listed = None listed
cases-count = { $count ->
    [one] 1 case
   *[other] { $count } cases
}
cases-count-found = { $count ->
    [one] 1 case found
   *[other] { $count } cases found
}
cases-showing = Showing { $first } to { $last } of { $total }
cases-page-of = Page { $page } of { $pages }
cases-heading-unit = Your unit's cases
cases-heading-supporter = Cases you support
cases-all-courts = All courts
cases-open-and-closed = Open and closed
cases-any-kind = Any kind
cases-civil-protective-order = Civil (protective order)
cases-search-reference = Case or victim reference
cases-search-reference-hint = All or part of it, for example 13AB or V-2026
cases-open-or-closed = Open or closed
cases-kind-of-case = Kind of case
cases-with-a-hearing-on = With a hearing on
cases-hearing-on-hint = For example, 27 3 2026

## A case and its hearings
case-discussion-supporter-present = The supporter was present
case-discussion-supporter-absent = The supporter was not present, and is to be told of the discussion

case-all-cases = All cases
case-record-an-update-for-the = Record an update for the victim
case-change-details = Change the case's details
case-close-the-case = Close the case
case-supporter = Supporter
case-single-point-of-contact = Single point of contact
case-change-the-assignment = Change the assignment
case-end-the-assignment = End the assignment
case-no-supporter-is-assigned-to = No supporter is assigned to this victim.
case-assign-a-supporter = Assign a supporter
case-statements-and-abe-interviews = Statements and ABE interviews
case-statement-and-abe-interview-appointments = Statement and ABE interview appointments
case-risk-meetings = Risk meetings
case-marac-and-mappa-meetings = MARAC and MAPPA meetings
case-hearings = Hearings
case-add-a-hearing = Add a hearing
case-warning = Warning
case-outcome = Outcome:
case-requests-to-accompany-the-victim = Requests to accompany the victim
case-record-the-court-s-decision = Record the court's decision
case-update-your-request = Update your request
case-ask-to-accompany-the-victim = Ask to accompany the victim
case-safety-plan-for-the-day = Safety plan for the day
case-updates-on-the-day = Updates on the day
case-record-the-outcome = Record the outcome
case-move-this-hearing = Move this hearing
case-adjourn-this-hearing = Adjourn this hearing
case-vacate-this-hearing = Vacate this hearing
case-no-hearings-are-listed-for = No hearings are listed for this case.
case-pre-trial-visits = Pre-trial visits
case-arrange-a-pre-trial-visit = Arrange a pre-trial visit
case-no-pre-trial-visits-are = No pre-trial visits are recorded.
case-special-measures-discussions = Special-measures discussions
case-record-a-special-measures-discussion = Record a special-measures discussion
case-none-recorded = None recorded.
case-warnings = Warnings
case-protective-orders-and-after-the = Protective orders and after the outcome
case-in-force-ends = , in force, ends { $ends }.
case-no-protective-order-in-force = No protective order in force is recorded.
case-protective-orders-reviews-and-compensation = Protective orders, reviews and compensation
case-the-cps-meeting-before-trial = The CPS meeting before trial
case-record-the-cps-meeting = Record the CPS meeting
case-consents = Consents
case-record-a-consent = Record a consent
case-what-may-be-shared = What may be shared
case-basis = Basis
case-given = Given
case-now = Now
case-in-force = In force
case-record-that-the-victim-withdrew = Record that the victim withdrew this
case-consent = consent ({ $scope })
case-not-in-force = Not in force
case-withdrawn = Withdrawn { $withdrawn }
case-undo-the-withdrawal = Undo the withdrawal
case-of-this-consent = of this consent ({ $scope })
case-until = until { $until }
case-no-consents-are-recorded-nothing = No consents are recorded. Nothing is shared with the supporter without consent or another recorded lawful basis.
case-open-tasks = Open tasks
case-overdue = Overdue
case-notices-planned-and-sent = Notices planned and sent
case-expected-to-last = Expected to last { $length }
case-note = Note:
case-task-due = due { $due }
case-case = Case
case-title = Case { $reference }
case-you = You
case-victims-supporter = The victim's { $role }
case-spoc-signed = Single point of contact (client contact agreement signed { $date })
case-spoc-no-date = Single point of contact (no agreement date recorded)
case-not-spoc = Not the single point of contact: agencies update the victim directly, and the supporter too where the victim consented
case-conditions = Conditions: { $conditions }
case-court-reason = Court's reason: { $reason }
case-a-supporter = A supporter
case-victim-gives-evidence = The victim gives evidence
case-victim-gives-evidence-live-link = The victim gives evidence by live link
case-victim-attends = The victim attends
case-victim-attends-live-link = The victim attends by live link
case-by-live-link = By live link
case-no-time-yet = No time yet
case-visit-change = Change
case-visit-on = the visit on { $when }
case-supporter-attends = The supporter attends
case-supporter-does-not-attend = The supporter does not attend
case-kind-and-reference = { $kind } case { $reference }
case-victim-enhanced = { $reference } (enhanced rights)
case-status = Status
case-status-open = Open
case-status-closed = Closed
length-court-days = about { $days } court days
length-minutes = { $minutes } minutes
length-hours = { $hours ->
    [one] 1 hour
   *[other] { $hours } hours
}
length-hours-minutes = { $hours ->
    [one] 1 hour
   *[other] { $hours } hours
} { $minutes } minutes

## The notices table

notices-what = What
notices-to = To
notices-send-from = Send from
notices-basis = Basis
notices-state = State
notices-no-notices = No notices.
notices-notices = Notices

## Confirmations after a form

done-hearing-added = Hearing added. The people who must be told have been planned notices.
done-hearing-moved = Hearing moved. Everyone told of the old date will be told of the change.
done-hearing-vacated = Hearing vacated. Messages about its date that had not gone are cancelled, and those who must be told will be.
done-hearing-adjourned = Hearing adjourned. Everyone told of the old date will be told of the change.
done-outcome-recorded = Outcome recorded. The victim and the supporter will be told as the rules require.
done-attendance-requested = Attendance request sent. The witness care unit will be told.
done-decision-recorded = The court's decision has been recorded.
done-request-updated = Your request has been updated.
done-consent-recorded = Consent recorded.
done-consent-withdrawn = Consent withdrawn. Nothing more will be shared on it.
done-consent-restored = Withdrawal undone: the consent is recorded again from now, and sharing on it starts again.
done-consent-restored-notices = Withdrawal undone: the consent is recorded again from now, and the notices the withdrawal stopped are planned again.
done-discussion-recorded = Special-measures discussion recorded.
done-visit-arranged = Pre-trial visit recorded.
done-visit-changed = The pre-trial visit has been saved. Anyone told of it is told of a new time, and its reminders follow.
done-visit-cancelled = The pre-trial visit has been cancelled. Anyone told of it is told, and its reminders have stopped.
done-case-added = Case opened. You can now add its hearings.
done-case-changed = The case's details have been saved.
done-case-closed = Case closed. Its history is kept.
done-supporter-assigned = Supporter assigned.
done-assignment-changed = The supporter's assignment has been saved.
done-assignment-ended = The assignment has been ended. Anyone who needs to know who to contact now is told.
done-update-recorded = Update recorded. Her supporter and she are told as the rules and her consents allow: see the notices below.
done-update-recorded-none = Update recorded, but nobody could be told: she has no supporter or has not agreed to share it. See the warnings below.
done-cps-meeting-saved = The CPS meeting has been saved. The CPS is told of any change in what she wants.
done-cps-meeting-saved-not-told = The CPS meeting has been saved, but her wish was not passed to the CPS: she has not agreed that her supporter may be identified to the prosecution. Record that consent, then save the meeting again.

## Asking to accompany the victim

attendance-case-victim = { $case } · victim { $victim }
attendance-hearing = Hearing
attendance-starts = Starts
attendance-where = Where
attendance-ask-title = Ask to accompany the victim
attendance-ask-heading = Ask to accompany the victim at this hearing
attendance-ask-intro-unit = The witness care unit will be told that a supporter is in place and will attend. They tell the CPS, who raise it with the court; the court decides.
attendance-ask-intro-at-court = At court you support the victim: you do not discuss the evidence, speak for them, or give legal advice.
attendance-ask-submit = Send request
attendance-ask-wish = The victim's wish
attendance-ask-wish-yes = { $victim } has told me they want me beside them at this hearing
attendance-ask-wish-hint = The request is made only when the victim wants it.
attendance-ask-error-wish = Confirm that the victim wants you beside them: ask only when they do


## Updating an attendance request
attendance-update-now = Request now
attendance-update-state-yours = Your request's state
attendance-update-state = The request's state
attendance-update-hint-conditions = Enter the conditions below
attendance-update-hint-reason = Enter the court's reason below
attendance-update-hint-direction = Family court direction. Enter the reason below
attendance-update-hint-attended = You were beside the victim at this hearing
attendance-update-hint-withdrawn = You or the victim no longer want you to attend
attendance-update-conditions = Conditions the court set (if any)
attendance-update-conditions-hint = For example, sit behind the screen in the live-link room
attendance-update-reason = The court's reason (if refused or directed)
attendance-update-reason-kind = Kind of reason (counted in reports; the words above never are)
attendance-update-title-yours = Update your request
attendance-update-heading-yours = Where does your request stand?
attendance-update-intro-yours = Record each step as it happens: when you told the witness care unit, when the court knew you would be there, and that you attended. If you will no longer go, withdraw the request so that nobody waits for you.
attendance-update-title = Record the court's decision
attendance-update-heading = Where does the supporter's request stand?
attendance-update-intro = Record each step: when you have told the CPS, and what the court decided. The supporter and the victim are told as the rules require.
attendance-update-submit = Save
attendance-update-error-state = Choose where the request stands
attendance-update-error-reason-kind = Choose a kind of reason from the list
attendance-update-error-conditions = Enter the conditions the court set
attendance-update-error-reason = Enter the court's reason
attendance-update-error-stale = Someone else changed this request after you opened this page. Check where it stands now, then save again
attendance-update-stale-what = request

## Coded values: role
role-supporter = Supporter
role-witness-care-officer = Witness care officer
role-victim-liaison-officer = Victim liaison officer
role-court-staff = Court staff
role-witness-service-staff = Witness Service
role-manager = Manager
role-admin = Administrator

## Coded values: case-kind
case-kind-criminal = Criminal
case-kind-family = Family
case-kind-civil = Civil

## Coded values: hearing-kind
hearing-kind-first-appearance = First appearance
hearing-kind-plea-and-trial-preparation = Plea and trial preparation hearing
hearing-kind-mention = Mention
hearing-kind-ground-rules = Ground rules hearing
hearing-kind-trial = Trial
hearing-kind-sentencing = Sentencing
hearing-kind-appeal = Appeal
hearing-kind-first-hearing-dispute-resolution = First hearing dispute resolution appointment
hearing-kind-dispute-resolution-appointment = Dispute resolution appointment
hearing-kind-directions = Directions hearing
hearing-kind-fact-finding = Fact-finding hearing
hearing-kind-final-hearing = Final hearing
hearing-kind-protective-order-return = Return date (protective order)
hearing-kind-other = Other hearing

## Coded values: hearing-status
hearing-status-listed = Listed
hearing-status-moved = Moved
hearing-status-adjourned = Adjourned
hearing-status-vacated = Vacated
hearing-status-concluded = Concluded

## Coded values: attendance-state
attendance-state-requested = Requested
attendance-state-wcu-informed = Witness care unit informed
attendance-state-cps-informed = CPS informed
attendance-state-identified-to-court = Identified to the court
attendance-state-allowed = Allowed by the court
attendance-state-allowed-with-conditions = Allowed with conditions
attendance-state-refused = Refused by the court
attendance-state-directed-should-not-attend = Court directed: should not attend
attendance-state-directed-need-not-attend = Court directed: need not attend
attendance-state-attended = Attended
attendance-state-withdrawn = Withdrawn

## Coded values: visit-state
visit-state-requested = Requested
visit-state-arranged = Arranged
visit-state-attended = Attended
visit-state-cancelled = Cancelled

## Coded values: parole-kind
parole-kind-review-started = Parole review started
parole-kind-victim-personal-statement-due = Victim personal statement due
parole-kind-hearing-listed = Parole hearing listed
parole-kind-hearing-deferred = Parole hearing deferred or adjourned
parole-kind-decision-expected = Decision expected
parole-kind-decision-made = Decision made
parole-kind-reconsideration-window = Reconsideration window (decision provisional)
parole-kind-release-date = Release date
parole-kind-licence-conditions = Licence conditions relevant to the victim

## Coded values: risk-meeting-kind
risk-meeting-kind-marac = MARAC meeting
risk-meeting-kind-mappa = MAPPA meeting

## Coded values: statement-appointment-kind
statement-appointment-kind-statement = Witness statement
statement-appointment-kind-abe-interview = ABE (video-recorded) interview

## Coded values: task-kind
task-kind-record-wish-to-accompany = Record the victim's wish to be accompanied
task-kind-record-supporter-in-needs-assessment = Record the supporter in the needs assessment
task-kind-raise-companion-with-court = Raise the companion with the court
task-kind-arrange-pre-trial-visit = Arrange a pre-trial visit
task-kind-tell-victim-of-attendance-decision = Tell the victim the court's decision
task-kind-review-attendance-request = Review the attendance request
task-kind-tell-party-of-direction = Tell the party of the court's direction
task-kind-update-victim-of-outcome = Tell the victim the outcome
task-kind-apply-for-special-measures = Apply for special measures
task-kind-refer-to-victim-contact-scheme = Refer to the Victim Contact Scheme
task-kind-offer-support-referral = Offer a referral to support
task-kind-contact-victim-directly = Contact the victim directly
task-kind-tell-victim-what-was-shared = Tell the victim what was shared
task-kind-send-risk-meeting-paperwork = Send the referral form or update for a risk meeting
task-kind-carry-risk-meeting-action = Carry out an action from a risk meeting
task-kind-remind-of-statement-appointment = Statement or ABE interview coming up
task-kind-discuss-order-renewal = Talk to the victim about renewing or extending the order
task-kind-discuss-right-to-review = Talk to the victim about asking for a review
task-kind-discuss-compensation = Talk to the victim about criminal injuries compensation
task-kind-ask-about-cps-meeting = Ask her about the CPS meeting
task-kind-attend-cps-meeting = Go with her to the CPS meeting
task-kind-offer-victim-personal-statement = Offer a victim personal statement

## Coded values: deadline-kind
deadline-kind-victim-told-of-hearing = Victim told of the hearing
deadline-kind-supporter-told-of-hearing = Supporter told of the hearing
deadline-kind-victim-told-of-outcome = Victim told of the outcome
deadline-kind-supporter-told-of-outcome = Supporter told of the outcome
deadline-kind-wco-updates-victim-of-outcome = Witness care tells the victim the outcome
deadline-kind-cps-informed-of-supporter = CPS told a supporter will attend
deadline-kind-attendance-raised-with-court = Supporter's attendance raised with the court
deadline-kind-pre-trial-visit-arranged = Pre-trial visit arranged
deadline-kind-special-measures-application = Special-measures application made
deadline-kind-victim-contact-scheme-referral = Referral to the Victim Contact Scheme
deadline-kind-vlo-contacts-victim = Victim liaison officer contacts the victim
deadline-kind-parole-decision-due = Parole decision due
deadline-kind-reconsideration-window-ends = Reconsideration window ends
deadline-kind-risk-meeting-paperwork = Referral form or update due for a risk meeting
deadline-kind-protective-order-renewal-discussed = Renewing the protective order discussed
deadline-kind-right-to-review-prompt-request = Review asked for promptly (Victims' Right to Review)
deadline-kind-right-to-review-request = Last day to ask for a review (Victims' Right to Review)
deadline-kind-compensation-application = Criminal injuries compensation application due
deadline-kind-cps-meeting-wish-recorded = Her wish about the CPS meeting recorded
deadline-kind-victim-personal-statement-offered = Victim personal statement offered

## Coded values: consent-scope
consent-scope-court-dates-to-supporter = Share court dates with the supporter
consent-scope-simultaneous-updates = Send the supporter the same updates as the victim
consent-scope-special-measures-to-supporter = Share special-measures discussions with the supporter
consent-scope-parole-to-supporter = Share parole information with the supporter
consent-scope-witness-service-referral = Refer to the Witness Service
consent-scope-identify-supporter-to-court = Identify the supporter to the court
consent-scope-trial-progress-to-contact = Tell a contact she chose how her trial is going on the day
consent-scope-responsible-adult-updates = While she is under 18, send her parent, guardian or appropriate adult what she is sent

## Coded values: lawful-basis
lawful-basis-consent = Consent
lawful-basis-legal-obligation = Legal obligation
lawful-basis-vital-interests = Vital interests
lawful-basis-public-task = Public task
lawful-basis-legitimate-interests = Legitimate interests

## Coded values: notice-template
notice-template-hearing-details-victim = Hearing details, to the victim
notice-template-hearing-details-supporter = Hearing details, to the supporter
notice-template-hearing-change-victim = Hearing change, to the victim
notice-template-hearing-change-supporter = Hearing change, to the supporter
notice-template-hearing-change-agency = Hearing change, to an agency
notice-template-hearing-fixed-victim = Warned trial fixed at short notice, to the victim
notice-template-hearing-fixed-supporter = Warned trial fixed at short notice, to the supporter
notice-template-hearing-outcome-victim = Hearing outcome, to the victim
notice-template-hearing-outcome-supporter = Hearing outcome, to the supporter
notice-template-criminal-supporter-in-place = A supporter is in place
notice-template-criminal-companion-request = Request for the supporter to accompany the witness
notice-template-criminal-witness-service-request = Request to the Witness Service
notice-template-criminal-attendance-decision = The court's decision on attendance
notice-template-criminal-attendance-withdrawn = Attendance request withdrawn
notice-template-criminal-advisor-notice = Adviser's notice to the court (r.3.8(7))
notice-template-criminal-pre-trial-visit-request = Pre-trial visit request
notice-template-criminal-pre-trial-visit-arranged-victim = Pre-trial visit arranged, to the victim
notice-template-criminal-pre-trial-visit-arranged-supporter = Pre-trial visit arranged, to the supporter
notice-template-criminal-pre-trial-visit-cancelled-victim = Pre-trial visit cancelled, to the victim
notice-template-criminal-pre-trial-visit-cancelled-supporter = Pre-trial visit cancelled, to the supporter
notice-template-routing-contact-changed = New supporter or single point of contact, to an agency
notice-template-family-advance-identification = Adviser identified to the family court in advance
notice-template-family-on-the-day-checklist = On-the-day checklist
notice-template-special-measures-discussion-held = Special-measures discussion held
notice-template-court-needs-update = Needs at court updated, to a partner
notice-template-trial-progress-victim = Trial-progress update, to the victim
notice-template-trial-progress-contact = Trial-progress update, to her chosen contact
notice-template-responsible-adult-preface = Why her responsible adult is sent a copy
notice-template-cps-meeting-wish = Her wish about the CPS meeting, to the prosecutor
notice-template-parole-milestone = Parole milestone
notice-template-update-victim = Case update, to the victim
notice-template-update-supporter = Case update, to the supporter
notice-template-update-direct-contact-made = The victim was contacted directly
notice-template-reminder-hearing-supporter = Reminder of the hearing, to the supporter
notice-template-reminder-visit-supporter = Reminder of the pre-trial visit, to the supporter
notice-template-deadline-alert = Alert: a deadline not yet met
notice-template-digest-supporter = Daily digest, to the supporter
notice-template-escalation-unacknowledged = Not acknowledged in time: escalated
notice-template-account-sign-in-failures = Warning: repeated failed sign-ins to your account

## Coded values: recipient-kind
recipient-kind-supporter = Supporter
recipient-kind-victim = Victim
recipient-kind-witness-care-unit = Witness care unit
recipient-kind-prosecutor = CPS
recipient-kind-witness-service = Witness Service
recipient-kind-court = Court
recipient-kind-victim-liaison-officer = Victim liaison officer
recipient-kind-victim-contact = Her chosen contact
recipient-kind-responsible-adult = Her parent, guardian or appropriate adult

## Coded values: notice-state
notice-state-pending = Planned
notice-state-sending = Sending
notice-state-sent = Sent
notice-state-failed = Failed, will retry
notice-state-dead = Not delivered
notice-state-cancelled = Cancelled

## Coded values: channel
channel-email = Email
channel-victim-preferred = The victim's safe channel
channel-in-person = In person

## The notices table's rows

notices-sent = Sent { $when }
notices-attempts = { $count ->
    [one] 1 attempt
   *[other] { $count } attempts
}
notices-unsendable = Will not be sent: email is not set up on this service

## Calendar feeds
feed-name = Courtside hearings and visits
feed-day-of = { $kind } (day { $day } of { $days })
feed-visit = Pre-trial visit
feed-status = Status: { $status }
feed-case = Case { $case }
feed-victim = Victim reference { $victim }
feed-court-unknown = Court not in the directory

## Error pages
error-start-page = Go to the start page
error-bad-form = This form could not be accepted
error-bad-form-why = The form was out of date or did not come from a Courtside page, so nothing was saved.
error-bad-form-next = Go back, reload the page, and try again.
error-validation = Some answers were not accepted
error-validation-next = Go back, correct the answers, and save again.
error-malformed = This form could not be read
error-malformed-next = Go back, reload the page, and fill in the form again.
error-too-large = What you sent is too large
error-too-large-next = What you sent is larger than { $limit } bytes. Go back and send a smaller file or shorter text.
error-paused = Sign-in is paused
error-method = This page cannot be used that way
error-method-next = Go back and use the links and buttons on the page.
error-conflict = This could not be done
error-conflict-next = Go back and reload the page to see the record as it is now; try again only if it still applies.
error-stale = Someone else changed this record
error-stale-next = Go back and reload the page to see the latest details.
error-sign-in = You need to sign in
error-sign-in-next = Sign in again, then go back to what you were doing.
error-forbidden = You cannot use this page
error-forbidden-next = Your role does not allow this. If you think it should, ask your manager.
error-not-found = Page not found
error-not-found-typed = If you typed the web address, check it is correct.
error-not-found-record = The record may not exist, or it may not be one you work with.
error-busy = Sorry, the service is busy
error-busy-next = Try again in a few moments.
error-internal = Sorry, there is a problem with the service
error-internal-next = Try again later. If it keeps happening, tell your administrator.
