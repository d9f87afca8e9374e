# The records kept on a case and their forms (issue #18).
# Keys here must not repeat a key in pages.ftl or service.ftl.

## To do (tasks)

tasks-title = To do
tasks-done = Task marked as done.
tasks-stale = Someone else changed that task first. Check it below and try again.
tasks-intro = Which supporters must be told what, and by when. Times are UK time.
tasks-time-limits = Time limits running
tasks-what-must-happen = What must happen
tasks-by = By
tasks-no-time-limits = No time limits are running.
tasks-to-supporters = Notices waiting to go to supporters
tasks-your-open-tasks = Your open tasks
tasks-task = Task
tasks-due = Due
tasks-action = Action
tasks-reconstructed = (a step reconstructed from the guidance)
tasks-mark-done = Mark as done
tasks-no-open-tasks = You have no open tasks.
tasks-victim = Victim { $victim }
tasks-unconfirmed = The time limit is reported but unconfirmed
tasks-no-date = No date set

## Requests to confirm

requests-title = Requests
requests-summary = { $count ->
    [0] Nothing is waiting for you to confirm.
    [one] 1 request is waiting for you to confirm.
   *[other] { $count } requests are waiting for you to confirm.
}
requests-done = Receipt confirmed. The sender can see that you have it in hand.
requests-confirmed = Confirmed { $when }
requests-passed-on = Overdue: passed on for follow-up
requests-waiting = Waiting for you
requests-not-sent = Not sent yet
requests-sent = Sent
requests-confirm-by = Confirm by
requests-of = { " " }of { $what }

## Confirming receipt from a message's link

acknowledge-kind-supporter-in-place = a supporter is in place and will attend court
acknowledge-kind-companion-request = a request to raise the supporter's attendance with the court
acknowledge-kind-witness-service-request = a request to the Witness Service for a pre-trial visit
acknowledge-kind-pre-trial-visit-request = a request for a pre-trial visit
acknowledge-kind-advance-identification = a supporter's advance identification to the court
acknowledge-kind-on-the-day-checklist = the hearing-day checklist
acknowledge-kind-other = a message that needs action
acknowledge-heading-supporter-in-place = A supporter is in place and will attend court
acknowledge-heading-companion-request = A request to raise the supporter's attendance with the court
acknowledge-heading-witness-service-request = A request to the Witness Service for a pre-trial visit
acknowledge-heading-pre-trial-visit-request = A request for a pre-trial visit
acknowledge-heading-advance-identification = A supporter's advance identification to the court
acknowledge-heading-on-the-day-checklist = The hearing-day checklist
acknowledge-heading-other = A message that needs action
acknowledge-title = Confirm you have received this message
acknowledge-about = The message was about { $what }.
acknowledge-please-confirm = Please confirm that you have received it and will act on it, by { $by }. If it is not confirmed by then, it will be passed to someone else to follow up.
acknowledge-confirm-receipt = Confirm receipt
acknowledge-thank-you = Thank you: receipt confirmed
acknowledge-already = Receipt already confirmed
acknowledge-confirmed-on = Confirmed on { $when }. You do not need to do anything else on this page.

## Stopping all messages (shown in both languages)

stop-title = Stop all messages?
stop-intro-what = If you confirm, this service will not send you any more messages: no emails about dates, changes, visits or outcomes.
stop-intro-still = Your supporter and your witness care officer will still see your case, and can still contact you in other ways.
stop-submit = Stop all messages
stop-done-title = Messages stopped
stop-already-title = Messages already stopped
stop-done-when = You will not get any more messages from this service (stopped on { $when }).
stop-done-change-mind = If you change your mind, tell your supporter or your witness care officer. They can still contact you in other ways.

## One notice

notice-page-back = Back to the case
notice-page-the-text = The text
notice-page-marking = NOT FOR PUBLIC DISCLOSURE
notice-page-print = To print this notice, use your browser's print command: only the notice is printed. Your reading of it has been recorded.
notice-page-not-shown = The text names the people concerned, so it is not shown to your role.
notice-page-state = State
notice-page-to = To
notice-page-when = When
notice-page-basis = Basis for sending
notice-page-sending = Sending
notice-page-why-cancelled = Why it was cancelled
notice-page-not-before = Not before { $when }
notice-page-caption-case = Notice · case { $case } · victim { $victim }
notice-page-caption-victim = Notice · victim { $victim }

## A notice's basis for sending

basis-data-subject = The victim's own information
basis-consent = Consent
basis-consent-to = Consent: { $scope }
basis-spoc-agreement = Single point of contact agreement
basis-spoc-agreement-of = Single point of contact agreement of { $date }
basis-lawful = { $basis } (recorded reason, not consent)
basis-not-recorded = Not recorded

## Warnings on a case and in the inbox

warnings-no-date = a date not recorded
warnings-need-interpreter = an interpreter
warnings-need-bsl-interpreter = a British Sign Language interpreter
warnings-need-registered-intermediary = a registered intermediary
warnings-need-disability-access = disability access
warnings-need-separate-waiting-room = a separate waiting room
warnings-need-other = a need at court
warnings-no-responsible-adult = She is under 18 and no parent, guardian or appropriate adult who may be told is recorded, so what was sent to her went to nobody else. Record a safe adult on her page (never one she or the court has excluded).
warnings-supporter-at-statement-and-court = The same supporter was with the victim for her witness statement (sat in on it, or booked for before and after it) and is to support her at court, so the defence may say her evidence was coached. Arrange another supporter for court.
warnings-no-consent-withdrawn = Not sent: { $what }. She withdrew the consent it needs. Record her consent, or a lawful basis to share without it, if it should go.
warnings-no-consent-not-given = Not sent: { $what }. She has not given the consent it needs. Record her consent, or a lawful basis to share without it, if it should go.
warnings-court-need-short-notice = { $need } was recorded { $days } working days before the hearing on { $date }; the court asks for { $wanted }. Book it with the court at once.
warnings-hearing-soon-for-needs = The hearing on { $date } is { $days } working days away; the court asks for { $wanted } to book her needs at court ({ $needs }). Book them with the court at once.
warnings-notice-too-late = Not sent: { $what }, because its moment had passed. Tell them another way if it still matters.
warnings-wish-not-recorded = The victim's wish to be accompanied at court is not recorded yet. Ask her, and record it.

## Words the records' forms share

records-date-hint = For example, 27 3 2026
records-time-hint = UK time, 24-hour clock, for example 14:30
records-yes = Yes
records-no = No
records-stale = Someone else changed this { $what } after you opened this page. Check the details now stored, then choose again

## Pre-trial visits

visits-choose-a-court = Choose a court
visits-court = Court
visits-date = Date
visits-start-time = Start time
visits-attends-yes = Yes
visits-attends-no = No
visits-supporter-attends = Will the supporter attend the visit?
visits-arrange-title = Arrange a pre-trial visit
visits-arrange-intro = Enter the date and time in UK time. The visit must be in the future.
visits-arrange-submit = Arrange visit
visits-error-court = Choose the court
visits-error-date-missing = Enter the date of the visit
visits-error-date-part = Date of the visit must include a { $part }
visits-error-date-invalid = Date of the visit must be a real date
visits-error-time-missing = Enter the start time
visits-error-time-invalid = Start time must be a time on the 24-hour clock, for example 14:30
visits-error-supporter = Say whether the supporter will attend
visits-error-future = The visit must be in the future
visits-error-took-place-future = A visit that took place cannot be in the future: enter the day it happened
visits-error-state = Say whether the visit is arranged or took place
visits-when = When
visits-the-supporter = The supporter
visits-attends = attends
visits-does-not-attend = does not attend
visits-state-arranged = Arranged for this date and time
visits-state-attended = It took place
visits-change-title = Change a pre-trial visit
visits-change-heading = Change the pre-trial visit
visits-change-intro = Enter the visit's date and time in UK time. If it moves, the victim's supporter and anyone else told of it are told of the new time, and the reminders follow it.
visits-save-changes = Save changes
visits-where-does-it-stand = Where does the visit stand?
visits-not-changeable = this visit has taken place or been cancelled, so it can no longer be changed; arrange a new one from the case page
visits-what = visit
visits-cancel-title = Cancel a pre-trial visit
visits-cancel-heading = Cancel this pre-trial visit?
visits-cancel-intro = The victim's supporter, and anyone else who was told of the visit, will be told it is cancelled, and its reminders stop. The visit stays on the case as cancelled.
visits-cancel-submit = Cancel the visit

## Victims

victim-language-en = English
victim-language-cy = Welsh (Cymraeg)
victims-reference = Reference
victims-reference-hint = The pseudonymous reference used instead of the victim's name, for example V-2040. Never use a name.
victims-language-question = Which language does the victim prefer for letters and messages?
victims-enhanced-question = Is the victim entitled to enhanced rights under the Victims' Code?
victims-enhanced-yes = Yes
victims-enhanced-no = No
victims-enhanced-hint = All victims of domestic abuse and of the most serious crimes are.
victims-child-question = Is the victim under 18?
victims-child-yes = Yes
victims-child-no = No
victims-add-title = Add a victim
victims-add-intro = Record the victim under a reference. Contact details are kept separately and shown only to those who need them.
victims-add-submit = Add victim
victims-preferred-language = Preferred language
victims-enhanced-rights = Enhanced rights
victims-under-18 = Under 18
victims-change-title = Change a victim's details
victims-change-heading = Change the victim's details
victims-error-reference = Enter the victim's reference
victims-error-language = Choose the language the victim prefers
victims-error-enhanced = Say whether the victim is entitled to enhanced rights
victims-error-child = Say whether the victim is under 18
victims-done-added = Victim added. You can now open a case for them.
victims-done-changed = The victim's details have been saved.
victims-done-messages-resumed = Messages will go to the victim again from now on.
victims-count = { $count ->
    [one] 1 victim
   *[other] { $count } victims
}
victims-stopped-warning = The victim stopped all messages from this service on { $when }, by the link in a message. Nothing is sent to her until she asks for messages again (page: { $page }).
victims-messages-title = Messages to the victim
victims-messages-as-usual = Messages go to the victim as usual
victims-messages-not-stopped = Victim { $victim } has not stopped messages from this service.
victims-resume-title = Start messages to the victim again
victims-resume-heading = Start messages to the victim again?
victims-resume-stopped-on = She stopped all messages from this service on { $when }, by the link in a message.
victims-resume-only-if = Only do this if she has asked for messages again. Messages stopped in the meantime will not be sent; new ones will.
victims-resume-submit = Start messages again
victims-what = victim
victims-stale = Someone else changed this victim's details after you opened this page. Check the details now stored, then save again
victims-find-label = Find a victim by reference
victims-find-hint = All or part of it, for example 1002. Names are not searched: they are kept sealed.
victims-find = Find
victims-holding = { " " }with a reference holding “{ $q }”
victims-caption = Victims you work with ({ $total })
victims-actions = Actions
victims-change = Change
victims-hidden-victim = { " " }victim { $victim }
victims-needs-at-court = Needs at court
victims-hidden-for-victim = { " " }for victim { $victim }
victims-contact-details = Contact details
victims-hidden-of-victim = { " " }of victim { $victim }
victims-parents-and-guardians = Parents and guardians
victims-no-match = No victim's reference holds “{ $q }”. Check it, or search with less of it.
victims-none-yet = There are no victims for you yet.

## Adding and moving a hearing

hearings-courtroom = Courtroom (optional)
hearings-courtroom-hint = For example, Court 4
hearings-length = Expected length, in minutes
hearings-length-hint = For a hearing over several days, the total court time: 6 hours (360 minutes) a day
hearings-error-date-missing = Enter the date of the hearing
hearings-error-date-part = Date of the hearing must include a { $part }
hearings-error-date-invalid = Date of the hearing must be a real date
hearings-error-length-missing = Enter the expected length in minutes
hearings-error-length-invalid = The expected length must be a whole number of minutes, for example 90
hearings-kind-question = What kind of hearing is it?
hearings-victim-at = The victim at this hearing
hearings-select-all = Select all that apply
hearings-add-title = Add a hearing
hearings-add-intro = Enter the date and time in UK time. The supporter and the victim will be told as the rules require.
hearings-add-submit = Add hearing
hearings-error-kind = Choose the kind of hearing
hearings-expected-length = Expected length
hearings-move-title = Move a hearing
hearings-move-intro = Enter where and when the hearing now takes place, in UK time. Everyone who was told of the old date will be told of the change.
hearings-move-submit = Move hearing
hearings-not-movable = only a listed or moved hearing can be moved
hearings-error-nothing-changed = Change the date, time, court, courtroom or length, or cancel
hearings-what = hearing
hearings-stale = Someone else changed this hearing after you opened this page. Check the details now stored, then save again

## Consents: recording one, withdrawing it, undoing a withdrawal

consents-record-title = Record a consent
consents-record-heading = Record what the victim agreed may be shared
consents-record-intro = Record one consent at a time. The victim can withdraw it at any time, and withdrawal stops future sharing at once.
consents-record-submit = Record consent
consents-scope-question = What may be shared?
consents-basis-question = On what basis?
consents-basis-hint = Choose consent when the victim agreed. Another basis needs a recorded reason, and where it is safe the victim is told what was shared.
consents-reason-question = Why is sharing lawful without consent? (only if the basis is not consent)
consents-given-question = When was it given?
consents-error-scope = Choose what may be shared
consents-error-basis = Choose the basis for sharing
consents-error-reason = Enter why sharing is lawful without consent
consents-error-given-missing = Enter the date it was given
consents-error-given-part = Date it was given must include a { $part }
consents-error-given-invalid = Date it was given must be a real date
consents-error-given-future = The date it was given must be today or in the past
consents-supporter-only = only the supporter records a withdrawal from the pages
consents-withdrawn = Withdrawn
consents-minutes = { $minutes } minutes
consents-not-in-force-title = This consent is not in force
consents-not-in-force-heading = This consent is not in force, so there is nothing to withdraw
consents-already-withdrawn = It has already been withdrawn. If that was a mistake, the case page offers to undo it for { $window } after the withdrawal; after that, record a new consent if the victim agrees again.
consents-go-back = Go back to the case page to see its consents as they are now.
consents-withdraw-from-now = From the moment you confirm, nothing more is shared on this consent.
consents-withdraw-will-stop = { $count ->
    [0] No notices waiting to be sent rely on it, so none will stop. Notices planned later will not use it.
    [one] These 1 notice waiting to be sent rely on it and will stop:
   *[other] These { $count } notices waiting to be sent rely on it and will stop:
}
consents-withdraw-title = Withdraw this consent?
consents-withdraw-heading = Are you sure the victim has withdrawn this consent?
consents-withdraw-undo-for = If you withdraw it by mistake, you can undo it for { $window } afterwards.
consents-withdraw-submit = Yes, withdraw this consent
consents-withdraw-leave = No, keep it
consents-withdrawn-title = Consent withdrawn
consents-withdrawn-stopped = { $count ->
    [0] No notices waiting to be sent relied on it, so none stopped.
    [one] These 1 notice stopped and will not be sent:
   *[other] These { $count } notices stopped and will not be sent:
}
consents-withdrawn-undo-until = If this was a mistake, you can undo it until { $until } ({ $window } after the withdrawal). Undo records the consent again from that moment and plans these notices again.
consents-too-late-title = Too late to undo
consents-too-late-heading = The time to undo this withdrawal has passed
consents-too-late-ended = A withdrawal can be undone for { $window } after it was made; that ended at { $ended }.
consents-too-late-record-new = If the victim agrees again, record a new consent: { $page }.
consents-nothing-to-undo = Nothing to undo
consents-not-withdrawn-heading = This consent has not been withdrawn, so there is nothing to undo
consents-already-in-force-heading = A consent to share this is already in force again
consents-already-in-force = The withdrawal was undone already, or a new consent was recorded. Go back to the case page to see it.
consents-undo-title = Undo the withdrawal?
consents-undo-heading = Undo the withdrawal of this consent?
consents-undo-until = You can undo it until { $until } ({ $window } after the withdrawal). Undo records the consent again from now: sharing on it starts again, and the notices the withdrawal stopped are planned again. The time between counts as without consent.

## Special-measures discussions

measures-date = Date of the discussion
measures-time = Time of the discussion
measures-where = Where did it take place?
measures-which = Which measures were discussed?
measures-supporter-present = Was the victim's supporter present?
measures-present-yes = Yes
measures-present-no = No
measures-supporter-told = The supporter will be told that the discussion took place
measures-title = Record a special-measures discussion
measures-intro = Record the discussion once it has taken place. Times are UK time.
measures-submit = Record discussion
measures-error-date-missing = Enter the date of the discussion
measures-error-date-part = Date of the discussion must include a { $part }
measures-error-date-invalid = Date of the discussion must be a real date
measures-error-time-missing = Enter the time of the discussion
measures-error-time-invalid = Time of the discussion must be a time on the 24-hour clock, for example 14:30
measures-error-setting = Choose where the discussion took place
measures-error-measures = Select at least one measure that was discussed
measures-error-supporter = Say whether the supporter was present
special-measure-screens = Screens
special-measure-live-link = Live link
special-measure-evidence-in-private = Evidence given in private
special-measure-removal-of-wigs-and-gowns = Removal of wigs and gowns
special-measure-video-recorded-evidence-in-chief = Video-recorded evidence in chief
special-measure-pre-recorded-cross-examination = Pre-recorded cross-examination (section 28)
special-measure-intermediary = Intermediary
special-measure-communication-aids = Communication aids
discussion-setting-statement-taking = While the statement was taken
discussion-setting-needs-assessment = In the needs assessment
discussion-setting-other = Somewhere else

## An agency's update for the victim

agency-updates-topic-case-progress = Progress in the case (for example a charge, bail or a court date to come)
agency-updates-topic-urgent-safeguarding = Urgent safeguarding: she must be told at once
agency-updates-topic-evidence = About her evidence (only the police or prosecutor may discuss it with her)
agency-updates-topic-medical = Medical information
agency-updates-topic-no-further-action = No further action: the case will not go ahead
agency-updates-title = Record an update for the victim
agency-updates-intro = Say what the update is about; do not write its content here. Courtside tells her supporter and her as the rules and her consents allow: through her single point of contact if she has one, or directly when it is urgent, about her evidence, medical or no further action.
agency-updates-submit = Record the update
agency-updates-question = What is the update about?
agency-updates-error-topic = Choose what the update is about

## Opening, changing and closing a case

offence-group-rape-or-serious-sexual-offence = Rape or another serious sexual offence
offence-group-domestic-abuse = Domestic abuse
offence-group-other = Another offence
case-forms-kind-question = What type of case is it?
case-forms-kind-criminal-hint = A prosecution: the police give it a URN.
case-forms-kind-family-hint = Family court proceedings, for example a child arrangements case.
case-forms-kind-civil-hint = For example, a non-molestation or occupation order.
case-forms-urn = Police Unique Reference Number (URN)
case-forms-urn-hint = For a criminal case, for example 01AB2345678. Leave empty for a family or civil case.
case-forms-case-number = Court case number
case-forms-case-number-hint = Needed for a family or civil case, for example T20260042. Optional for a criminal case.
case-forms-court-question = Which court is dealing with the case?
case-forms-not-known-yet = Not known yet
case-forms-offence-question = For a criminal case: what is the offence?
case-forms-offence-hint = In a rape or serious sexual offence case, the CPS offers an adult victim a meeting before trial once a not-guilty plea is entered; Courtside reminds her supporter. Leave as not recorded for a family or civil case.
case-forms-victim-question = Which victim is the case for?
case-forms-choose-a-victim = Choose a victim
case-forms-victim-hint = Only victims you support or your unit handles are listed. Add the victim first if they are not here.
case-forms-open-intro = Record the case a victim is involved in, so that hearings and visits can be added to it.
case-forms-open-submit = Open case
case-forms-none = None
case-forms-type = Type
case-forms-urn-short = URN
case-forms-offence = Offence
case-forms-change-title = Change a case
case-forms-change-heading = Change the case's details
case-forms-change-intro = The victim a case belongs to cannot be changed. If the case was opened for the wrong victim, close it and open another.
case-forms-close-title = Close a case
case-forms-close-heading = Are you sure you want to close this case?
case-forms-close-warning = Closing the case marks it as finished. Its hearings, visits and audit history are kept; nothing is deleted.
case-forms-close-submit = Yes, close the case
case-forms-error-kind = Choose the type of case
case-forms-error-victim = Choose the victim the case is for
case-forms-error-offence = Leave the offence as not recorded for a family or civil case
case-forms-error-urn = Enter the police URN (or the court's case number)
case-forms-error-case-number = Enter the court's case number for a family or civil case
case-forms-what = case
case-forms-stale-save = Someone else changed this case after you opened this page. Check the details now stored, then save again
case-forms-stale-confirm = Someone else changed this case after you opened this page. Check the details now stored, then confirm again

## A supporter's assignment to a victim

supporter-role-idva = IDVA
supporter-role-isva = ISVA
supporter-role-chidva = CHIDVA
supporter-role-chisva = CHISVA
supporter-role-court-idva = Court IDVA
supporter-role-other-adviser = Independent adviser
assignments-spoc-yes = Yes: she chose this supporter as her single point of contact
assignments-spoc-no = No
assignments-spoc-question = Is this supporter the victim's single point of contact?
assignments-spoc-hint = Agencies then update the supporter, who tells the victim. A victim has one single point of contact at a time.
assignments-spoc-agreed = Date the client contact agreement was signed
assignments-spoc-agreed-hint = Only for a single point of contact. For example, 14/09/2026
assignments-role-question = Their role for this victim
assignments-error-role = Choose the supporter's role for this victim
assignments-error-first-day-missing = Enter the first day of support
assignments-error-first-day-part = First day of support must include a { $part }
assignments-error-first-day-invalid = First day of support must be a real date
assignments-error-last-day-missing = Enter the last day of support
assignments-error-last-day-part = Last day of support must include a { $part }
assignments-error-last-day-invalid = Last day of support must be a real date
assignments-error-agreed-missing = Enter the date the client contact agreement was signed
assignments-error-agreed-part = Date the client contact agreement was signed must include a { $part }
assignments-error-agreed-invalid = Date the client contact agreement was signed must be a real date
assignments-error-supporter = Choose the supporter to assign
assignments-first-day-of-support = First day of support
assignments-assign-intro = The supporter sees this victim's cases, hearings and messages from the first day of support.
assignments-assign-submit = Assign the supporter
assignments-role = Role
assignments-first-day = First day
assignments-last-day = Last day
assignments-spoc-signed = Yes, agreement signed { $date }
assignments-last-day-optional = Last day of support (optional)
assignments-last-day-hint = Leave empty while support goes on. For example, 27 3 2026
assignments-change-title = Change the assignment
assignments-change-heading = Change { $who }'s assignment
assignments-change-heading-yours = Change your assignment
assignments-change-submit = Save the assignment
assignments-end-you-no-longer = You will no longer see this victim's cases, hearings and messages after the last day.
assignments-end-supporter-no-longer = The supporter will no longer see this victim's cases, hearings and messages after the last day.
assignments-end-spoc = The single point of contact arrangement ends with it: the court, the Witness Service and the witness care unit of upcoming hearings are told who to contact now, and agencies update the victim directly again.
assignments-end-title = End the assignment
assignments-end-heading = End { $who }'s support for this victim?
assignments-end-heading-yours = End your support for this victim?
assignments-end-intro = If you end this assignment:
assignments-end-warning = To hand over to another supporter: end this assignment on its last day, then assign the new supporter from the next day on the case page. Ending your service's only assignment on a past day means nobody in your service sees this victim any more.
assignments-last-day-of-support = Last day of support
assignments-what = assignment

## Parole

parole-format-paper = On the papers
parole-format-oral = Oral hearing
parole-decision-release = Release
parole-decision-no-release = No release
parole-decision-open-conditions = Move to open conditions
parole-month-only = { $month } (month only)
parole-log-title = Log a parole milestone
parole-scheme = Victim Contact Scheme
parole-log-intro = The supporter is told only while the victim's consent to share parole information with them stands. Outside probation a release date is shown by its month only.
parole-log-submit = Log milestone
parole-victim-hint = By their reference
parole-kind-question = What happened, or is due?
parole-format-question = Hearing format (only for a listed parole hearing)
parole-decision-question = The decision (only when a decision was made)
parole-error-victim = Choose the victim
parole-error-kind = Choose the milestone
parole-error-date-missing = Enter the date
parole-error-date-part = Date must include a { $part }
parole-error-date-invalid = Date must be a real date
parole-done = Milestone logged. Where the victim consented, the supporter will be told.
parole-intro = Milestones for victims in the Victim Contact Scheme, and what was shared with their supporter.
parole-supporter = Supporter: { $role }
parole-no-supporter = No supporter in place: offer a referral to support.
parole-consent-in-force = Consent in force
parole-consent-in-force-rest = to share parole information with the supporter
parole-no-consent = No consent
parole-no-consent-rest = to share parole information with the supporter: nothing is shared
parole-log-a-milestone = Log a milestone
parole-milestones = Milestones
parole-logged = Logged { $when }
parole-none-logged = None logged.
parole-shared = Shared with the supporter
parole-no-victims = No victims are in your region's Victim Contact Scheme.

## A victim's contact details

victim-details-channel-phone = Phone call
victim-details-channel-sms = Text message
victim-details-channel-email = Email
victim-details-channel-letter = Letter
victim-details-channel-in-person = In person
victim-details-name = Her name
victim-details-name-hint = As she wants to be addressed. Shown only on this page.
victim-details-phone = Telephone (optional)
victim-details-email = Email address (optional)
victim-details-address = Address (optional)
victim-details-address-hint = Kept sealed. It never goes into any message, calendar or export to another agency.
victim-details-channels = Which ways is it safe to contact her?
victim-details-channels-hint = Choose none until she has said: then only her supporter makes contact.
victim-details-hours = When is it safe to contact her? (optional)
victim-details-hours-hint = For example "weekdays 09:30-12:00; sat 10-14": days, then from and to in 24-hour UK time, each window separated by ;. Messages to her wait for these hours.
victim-details-voicemail = Is it safe to leave a voicemail?
victim-details-voicemail-yes = Yes
victim-details-voicemail-no = No
victim-details-interpreter = Interpreter language (optional)
victim-details-interpreter-hint = For example Polish, or BSL.
victim-details-guardian = Safe parent or guardian to contact (optional)
victim-details-guardian-hint = For a victim under 18.
victim-details-needs = Anything else that helps her take part (optional)
victim-details-intro = Opening this page is recorded, as is every change. Only those who support her, or whose unit has her case, can see it.
victim-details-saved = Her contact details have been saved.
victim-details-heading = How to reach her safely
victim-details-save = Save
victim-details-error-name = Enter her name
victim-details-error-channels = Choose the safe ways from the list
victim-details-error-voicemail = Say whether it is safe to leave a voicemail
victim-details-what = contact details
victim-details-safe-ways = Safe ways
victim-details-none-yet = None yet

## The safety plan for a court day

safety-plan-basis-spoc = Yes: her single point of contact agreement with you
safety-plan-basis-nobody = Not yet: keep the plan to our service
safety-plan-entrance-question = Which entrance does she use?
safety-plan-entrance-hint = For example, the side door on Oxford Row, not the main doors.
safety-plan-exit-question = Which exit does she leave by?
safety-plan-waits-question = Where does she wait?
safety-plan-waits-hint = For example, the Witness Service's separate waiting room.
safety-plan-met-by-question = Who meets her? (optional)
safety-plan-met-by-hint = A name or a role, for example a Witness Service volunteer.
safety-plan-meet-date-question = Which day is she met? (optional)
safety-plan-meet-date-hint = Leave blank for the hearing's first day. For example, 27 3 2026
safety-plan-meet-time-question = What time is she met? (optional)
safety-plan-meet-place-question = Where is she met? (optional)
safety-plan-avoid-question = What are the arrangements to avoid the defendant's family? (optional)
safety-plan-agreed-question = Has the plan been agreed with the Witness Service?
safety-plan-agreed-yes = Yes
safety-plan-agreed-no = No
safety-plan-agreed-on-question = When was it agreed? (if it was)
safety-plan-agreed-with-question = Who at the Witness Service agreed it? (optional)
safety-plan-basis-question = May the Witness Service at the court read this plan?
safety-plan-basis-hint = Record her consent to the Witness Service referral first if it is not listed.
safety-plan-email-question = Has she agreed that the plan may be written in an email?
safety-plan-email-yes = Yes
safety-plan-email-no = No
safety-plan-email-hint = Courtside never puts the plan in an email without her agreement.
safety-plan-entrance = Entrance
safety-plan-exit = Exit
safety-plan-waits-in = Waits in
safety-plan-met-at = { $who }, at { $time }
safety-plan-met-by = Met by
safety-plan-avoid = To avoid the defendant's family
safety-plan-agreed-with-ws = Agreed with the Witness Service
safety-plan-not-yet = Not yet
safety-plan-marked-agreed-by = Yes, marked agreed by { $who } on { $on }
safety-plan-agreed-with-on = Yes, with { $who } on { $on }
safety-plan-agreed-on = Yes, on { $on }
safety-plan-reads-spoc = The Witness Service at the court may read it, under her single point of contact agreement.
safety-plan-reads-consent = The Witness Service at the court may read it, under her consent record.
safety-plan-reads-nobody = Only your service reads it: no consent or agreement lets the Witness Service read it yet.
safety-plan-done-saved = The safety plan has been saved.
safety-plan-done-withdrawn = The safety plan has been withdrawn. Nobody will read it any more.
safety-plan-done-agreed = The plan is marked agreed with the Witness Service.
safety-plan-caption = { $hearing } at { $court }, { $when }
safety-plan-title = Safety plan for the court day
safety-plan-change = Change the plan
safety-plan-record = Record the plan
safety-plan-save = Save the plan
safety-plan-error-meet-time = The time she is met must be a time on the 24-hour clock, for example 09:15
safety-plan-error-meet-date-part = Day she is met must include a { $part }
safety-plan-error-meet-date-invalid = Day she is met must be a real date
safety-plan-error-agreed-missing = Enter the date the plan was agreed
safety-plan-error-agreed-part = Date it was agreed must include a { $part }
safety-plan-error-agreed-invalid = Date it was agreed must be a real date
safety-plan-stale = The plan was changed by someone else while you had it open. What is stored now is shown below the form: check it, then save again
safety-plan-withdraw-title = Withdraw the safety plan?
safety-plan-withdraw-intro = Once it is withdrawn, the plan is no longer shown on your week or the Witness Service's, and the Witness Service can no longer read it.
safety-plan-withdraw-kept = The record of it is kept, marked withdrawn, for the audit.
safety-plan-withdraw-warning = This cannot be undone. To have a plan again, record a new one.
safety-plan-withdraw-submit = Withdraw the plan
safety-plan-intro = How she arrives, waits and leaves safely, agreed with the Witness Service. The plan is never put in an email unless she agreed to it.
safety-plan-the-plan = The plan
safety-plan-mark-agreed = Mark the plan agreed with the Witness Service
safety-plan-none = No safety plan is recorded for this hearing.

## Vacating, adjourning, and a hearing's outcome

sentence-type-immediate-custody = Immediate custody (prison)
sentence-type-suspended = Suspended sentence
sentence-type-community-order = Community order
sentence-type-hospital-order = Hospital order
sentence-type-discharge = Discharge
sentence-type-fine = Fine
hearing-changes-note = Note (optional)
hearing-changes-message-due = { $what }, due { $due }
hearing-changes-already-vacate = this hearing is already { $status }, so it cannot be vacated
hearing-changes-already-adjourn = this hearing is already { $status }, so it cannot be adjourned
hearing-changes-already-outcome = this hearing is already { $status }, so it cannot be given an outcome
hearing-changes-vacate-if = If you vacate this hearing:
hearing-changes-vacate-no-messages = No messages about this date are waiting to be sent.
hearing-changes-vacate-messages = { $count ->
    [one] This message about this date, not sent yet, is cancelled: { $list }.
   *[other] These { $count } messages about this date, not sent yet, are cancelled: { $list }.
}
hearing-changes-vacate-reminders = Reminders, tasks and deadlines planned for this date are cancelled with them.
hearing-changes-vacate-victim-told = The victim (or their supporter, where the supporter is the single point of contact) and the supporter are told that the hearing will not go ahead, within the time the rules allow.
hearing-changes-vacate-partners-told = Any court, Witness Service or partner already told of this date is told it is vacated.
hearing-changes-vacate-open-requests = { $count ->
    [one] 1 open request is to accompany the victim at this hearing: the supporter is asked to move it to the new hearing or withdraw it.
   *[other] { $count } open requests are to accompany the victim at this hearing: the supporter is asked to move them to the new hearing or withdraw them.
}
hearing-changes-vacate-title = Vacate a hearing
hearing-changes-vacate-heading = Are you sure you want to vacate this hearing?
hearing-changes-vacate-warning = A vacated hearing cannot be listed again from these pages: if the court lists it again, add it as a new hearing.
hearing-changes-vacate-submit = Yes, vacate this hearing
hearing-changes-vacate-note-hint = Why it was vacated, for the case file. It is not sent to anyone.
hearing-changes-adjourn-to-date = To a new date and time
hearing-changes-adjourn-no-date = With no new date yet
hearing-changes-adjourn-title = Adjourn a hearing
hearing-changes-adjourn-intro-date = To a new date: the hearing keeps its court, courtroom and length and moves to the new date and time. Everyone who was told of this date is told of the new one, and messages about this date that have not been sent are cancelled.
hearing-changes-adjourn-intro-none = With no new date: everyone who was told of this date is told it will not go ahead. When the court fixes a date, add it as a new hearing.
hearing-changes-adjourn-intro-uk = Enter the date and time in UK time.
hearing-changes-adjourn-submit = Adjourn hearing
hearing-changes-adjourn-question = Is the hearing adjourned to a new date?
hearing-changes-new-date = New date (if adjourned to a date)
hearing-changes-new-time = New start time (if adjourned to a date)
hearing-changes-adjourn-note-hint = Why it was adjourned, for the case file. It is not sent to anyone.
hearing-changes-error-date-missing = Enter the new date
hearing-changes-error-date-part = New date must include a { $part }
hearing-changes-error-date-invalid = New date must be a real date
hearing-changes-error-time-missing = Enter the new start time
hearing-changes-error-time-invalid = New start time must be a time on the 24-hour clock, for example 14:30
hearing-changes-error-when = Choose whether the hearing is adjourned to a new date or with no date yet
hearing-changes-error-past = The new date and time must be in the future: enter the date and time the hearing is adjourned to
hearing-changes-error-same = That is the hearing's date and time now: enter the date and time it is adjourned to
hearing-changes-outcome-guilty-plea = Guilty plea
hearing-changes-outcome-not-guilty-plea = Not-guilty plea
hearing-changes-outcome-trial-listed = Listed for trial
hearing-changes-outcome-convicted = Convicted
hearing-changes-outcome-acquitted = Acquitted
hearing-changes-outcome-sentenced = Sentenced
hearing-changes-outcome-order-made = Order made
hearing-changes-outcome-discontinued = Case discontinued
hearing-changes-outcome-adjourned = Adjourned
hearing-changes-outcome-vacated = Vacated (did not go ahead)
hearing-changes-specified-yes = Yes
hearing-changes-specified-no = No
hearing-changes-outcome = Outcome
hearing-changes-hint-sentenced = Give the sentence below
hearing-changes-hint-adjourned = You will be asked for the new date next
hearing-changes-hint-vacated = You will be asked to confirm first
hearing-changes-sentence-type = If sentenced: the sentence
hearing-changes-sentence-months = If sentenced: its length in months
hearing-changes-sentence-months-hint = For immediate custody, a suspended sentence or a community order. For example, 18
hearing-changes-specified-question = If sentenced: is the offence a specified violent or sexual offence?
hearing-changes-specified-hint = Sentencing Act 2020, Schedule 18. Ask the court or the CPS if you are not sure.
hearing-changes-outcome-note-hint = Anything else about the outcome, for the case file. It is not sent to anyone.
hearing-changes-outcome-intro-criminal = The victim and the supporter are told the outcome as the rules require. A sentence decides whether the victim is referred to the Victim Contact Scheme.
hearing-changes-outcome-intro-other = Those who must be told of the outcome are told as the rules require.
hearing-changes-outcome-title = Record the outcome of a hearing
hearing-changes-outcome-heading = What happened at this hearing?
hearing-changes-outcome-submit = Save the outcome
hearing-changes-error-not-sentenced = You gave a sentence: choose Sentenced, or clear the sentence and its length
hearing-changes-error-sentence-type = Choose the type of sentence
hearing-changes-error-specified = Say whether the offence is a specified violent or sexual offence
hearing-changes-error-months-missing = Enter the length of the sentence in whole months, for example 18
hearing-changes-error-months-invalid = The length must be a whole number of months from 1 to 1200, for example 18
hearing-changes-error-no-length = A { $sentence } has no length in months: clear the length, or choose another type of sentence
hearing-changes-error-result = Choose what happened at the hearing
