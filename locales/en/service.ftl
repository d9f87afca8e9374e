# The service's own pages (issue #18).
# Keys here must not repeat a key in pages.ftl or records.ftl.

## Updates on the day

trial-updates-yes = Yes
trial-updates-no = No
trial-updates-caption = { $kind } at { $place }, { $when } · victim { $victim }
trial-updates-intro = Short updates on how the hearing is going. All times are UK time.
trial-updates-kind = What is happening?
trial-updates-told = Who have you told in person? (optional)
trial-updates-note = Note for the team (optional)
trial-updates-note-hint = A few words at most. The note is never sent in a message to anyone.
trial-updates-to-victim = Does she want a message herself when there is an update?
trial-updates-to-victim-hint = It goes by her own safe channel, within her safe hours.
trial-updates-contact-name = Who else does she want told? (optional)
trial-updates-contact-name-hint = A name she chose, for example her sister Sam.
trial-updates-contact-email = Their email address
trial-updates-why-not-asked = No message was sent: she has not asked for trial-progress messages. Record who she wants told below.
trial-updates-why-victim-did-not-ask = She was not sent a message herself: she did not ask for one.
trial-updates-why-no-contact = No contact was sent a message: she has not named one.
trial-updates-why-no-contact-consent = Her chosen contact was not sent a message: her consent to tell them is not in force. Record her consent first.
trial-updates-done-recorded = The update has been recorded.
trial-updates-done-preference = Who she wants told has been saved.
trial-updates-nobody-yet = Nobody yet
trial-updates-no-message = No message sent
trial-updates-message-victim = Message to the victim
trial-updates-message-contact = Message to her chosen contact
trial-updates-message-both = Message to the victim and her chosen contact
trial-updates-her-contact = her chosen contact
trial-updates-when-nobody = When you record an update, nobody is sent a message.
trial-updates-when-victim = When you record an update, she is sent a message herself.
trial-updates-when-contact = When you record an update, { $contact } is sent an email.
trial-updates-when-both = When you record an update, she is sent a message herself and { $contact } is sent an email.
trial-updates-error-kind = Select what is happening
trial-updates-error-told = Select who was told from the list
trial-updates-record-button = Record the update
trial-updates-not-today = Updates are recorded on a day the hearing sits. Today is not one of its court days.
trial-updates-so-far = Updates so far, newest first
trial-updates-told-in-person = Told in person: { $told }
trial-updates-none = No updates have been recorded for this hearing.
trial-updates-who-heading = Who she wants told
trial-updates-who-intro = Record this with her. A message says only what is happening and the time: never the note, never where she is.
trial-updates-consent-needed = Her chosen contact is sent a message only while her consent to tell them is in force.
trial-updates-record-consent = Record her consent
trial-updates-consent-named = (“Tell a contact she chose how her trial is going on the day”).
trial-updates-save-who = Save who she wants told

## Coded values: trial-update-kind

trial-update-kind-started = The hearing has started
trial-update-kind-giving-evidence = She is giving evidence
trial-update-kind-finished-giving-evidence = She has finished giving evidence
trial-update-kind-break = The court has taken a break
trial-update-kind-adjourned-to-next-day = Adjourned to the next court day
trial-update-kind-finished-for-the-day = Finished for the day
trial-update-kind-jury-out = The jury is out
trial-update-kind-verdict = The verdict has been given

## Coded values: trial-update-audience

trial-update-audience-victim = The victim
trial-update-audience-chosen-contact = Her chosen contact
trial-update-audience-supporter = Her supporter
trial-update-audience-witness-service = The Witness Service

## Your reminders

reminders-intro-when = Courtside reminds you of the hearings and pre-trial visits of the victims you support, at the times your organisation has set (for example 7 days before and the day before).
reminders-intro-how = You can have each reminder as its own message, or have a day's reminders listed in your daily message at 07:30 (UK time) instead. You never get both.
reminders-saved-separately = Saved: each reminder will come as its own message.
reminders-saved-in-digest = Saved: your reminders will be listed in your daily message, starting with the one on { $day }.
reminders-save = Save
reminders-how = How do you want your reminders?
reminders-separately = A message for each reminder
reminders-in-digest = All of a day's reminders in my daily message at 07:30
reminders-separately-hint = Each reminder comes at its own time, for example 09:00 a week before a hearing.
reminders-in-digest-hint = A reminder planned after that day's 07:30 message has gone still comes on its own.
reminders-error-choose = Choose a message for each reminder, or a day's reminders in your daily message

## Calendar feed

calendar-feed-revoked = Calendar address revoked. Calendar apps using it will stop updating.
calendar-feed-new-heading = Your new calendar address
calendar-feed-new-copy = Copy it now: it will not be shown again. Add it to your calendar app as a subscription ("add calendar from URL").
calendar-feed-address = Calendar address
calendar-feed-intro = See your hearings and pre-trial visits in your own calendar app, in UK time. Events show case and victim references only, never names or addresses.
calendar-feed-keep-private = Anyone who has the address can see your court diary. Keep it to yourself, and revoke it if it may have been shared, for example on a lost phone.
calendar-feed-make = Make a new calendar address
calendar-feed-yours = Your calendar addresses
calendar-feed-made = Made
calendar-feed-status = Status
calendar-feed-action = Action
calendar-feed-revoked-tag = Revoked
calendar-feed-active = Active
calendar-feed-revoke = Revoke
calendar-feed-revoke-which = the address made { $made }
calendar-feed-none = You have no calendar addresses yet.

## Failed messages

messages-retried = The notice will be sent again at the next delivery pass (within a minute).
messages-intro = Notices that failed and will be tried again, and notices that could not be delivered at all. Undelivered notices are listed first. Once the cause is fixed (a corrected address, the mail server back), send one again.
messages-what = What
messages-to = To
messages-send-from = Send from
messages-state = State
messages-send-again = Send again
messages-none-failed = No failed messages.
messages-none-failed-more = Every notice so far has been sent, or is waiting for its time.
messages-escalated-heading = Not acknowledged in time
messages-escalated-intro = Notices that asked for action and were not acknowledged by their time: each was escalated (to the supporter's manager, or to the agency's inbox).
messages-escalated-label = Notices escalated
messages-acknowledge-by = Acknowledge by
messages-escalated = Escalated
messages-none-escalated = Nothing has been escalated.
messages-overdue-heading = Time limits missed or overdue
messages-overdue-intro = Statutory and operational time limits for your organisation's victims that passed before what they require was done.
messages-what-must-happen = What must happen
messages-by = By
messages-done-late = Done late: { $when }
messages-none-overdue = No time limit has been missed.
messages-missed = Missed
messages-overdue = Overdue

## Settings

settings-heading = Settings for your organisation
settings-done-reminders-saved = Your reminders have been saved. Reminders already planned stay as they are; hearings and visits planned from now on use the new ones.
settings-done-reminders-defaults = Your organisation now uses the service's default reminders.
settings-done-webhook-revoked = The webhook has been switched off. Notices for your organisation go by email again.
settings-reminder-on-the-day = On the day
settings-reminder-working-days = { $count ->
    [one] 1 working day before
   *[other] { $count } working days before
}
settings-reminder-calendar-days = { $count ->
    [one] 1 calendar day before
   *[other] { $count } calendar days before
}
settings-reminder-of-hearings = hearings
settings-reminder-of-visits = pre-trial visits
settings-reminder-of-hearings-and-visits = hearings and pre-trial visits
settings-reminder-of-visits-and-hearings = pre-trial visits and hearings
settings-reminder-sentence = { $when }, at { $time }, for { $what }
settings-of-hearings = Hearings
settings-of-visits = Pre-trial visits
settings-error-days-missing = Enter how many days before reminder { $n } is sent
settings-error-days-range = Reminder { $n }: enter a whole number of days from 0 to { $most }
settings-error-time-missing = Enter the time reminder { $n } is sent, for example 09:00
settings-error-time-wrong = Reminder { $n }: enter a time on the 24-hour clock, for example 09:00
settings-error-of = Choose what reminder { $n } is for: hearings, pre-trial visits or both
settings-error-not-saved = The reminders could not be saved: { $why }. Check them and save again
settings-working-days = Working days
settings-calendar-days = Calendar days
settings-reminder-n = Reminder { $n }
settings-reminder-n-new = Reminder { $n } (new)
settings-row-days = { $which }: how many days before
settings-row-days-hint = 0 sends it on the day itself
settings-row-unit = { $which }: counted in
settings-row-time = { $which }: at what time
settings-row-of = { $which }: before what
settings-row-remove = { $which }: remove it
settings-row-remove-yes = Remove this reminder
settings-reminders-heading = Reminders for your supporters
settings-reminders-intro = Your supporters are reminded of each hearing and pre-trial visit they support, at UK time. Change, remove or add reminders below; a reminder left blank is not kept.
settings-reminders-own = These are your organisation's own reminders.
settings-reminders-defaults = Your organisation uses the service's default reminders; saving this form makes them your own.
settings-reminders-save = Save the reminders
settings-reminders-list-own = Your organisation's own reminders, before each hearing and pre-trial visit a supporter supports (UK time):
settings-reminders-list-defaults = The service's default reminders, before each hearing and pre-trial visit a supporter supports (UK time):
settings-reminders-none = None: your supporters get no reminders before hearings or visits.
settings-reminders-change = Change the reminders
settings-reminders-use-defaults = Use the service's defaults instead
settings-webhook-intro = Courtside can send your organisation's notices to your own system as signed messages (a webhook) instead of by email. Each message carries a signature made with a secret key, shown once when you save.
settings-webhook-now = Notices now go to { $url }. Saving a new address replaces it.
settings-webhook-heading = Send notices to your system
settings-webhook-save = Save and show the secret key
settings-webhook-url = The address notices are sent to
settings-webhook-url-hint = It must start with https://, for example https://partner.example/courtside
settings-webhook-error-missing = Enter the address notices are sent to
settings-webhook-error-not-saved = The address could not be saved. Check it and save again
settings-webhook-error-url = The address { $why }
settings-webhook-saved = Webhook saved
settings-created = Notices for your organisation now go to { $url }.
settings-created-replaced = Notices for your organisation now go to { $url }, instead of the address used before.
settings-copy-key = Copy your secret key
settings-key-checks-before = Your system checks each message's
settings-key-checks-after = with this key. Copy it now and keep it safe: it is shown only this once. If it is lost, save the address again to get a new key.
settings-back = Back to settings
settings-revoke-title = Switch off the webhook
settings-revoke-heading = Switch off the webhook?
settings-revoke-now = Notices for your organisation now go to { $url }.
settings-revoke-then = If you switch it off, they go by email to your organisation's address again, from the next one sent. You can set up a webhook again at any time, with a new secret key.
settings-webhook-section = Notices to your own system
settings-webhook-goes-before = Your organisation's notices go to
settings-webhook-goes-after = as signed messages, since { $since }.
settings-webhook-change = Change the address
settings-webhook-switch-off = Switch it off
settings-webhook-by-email = Your organisation's notices go by email.
settings-webhook-send-instead = Send them to your own system instead
settings-inbox-heading = Court-list inbox
settings-inbox-watching = The service is watching a folder for court lists.
settings-inbox-waiting = Waiting to be imported
settings-inbox-processing = Being imported now
settings-inbox-failed = Refused
settings-inbox-done = Imported
settings-inbox-refused = Some lists were refused.
settings-inbox-refused-before = Each has a note beside it in the inbox's
settings-inbox-refused-after = folder saying why; ask whoever looks after the service to correct and resend them. What each import did is on the
settings-inbox-court-lists-link = court lists page
settings-inbox-unreadable = The court-list inbox folder cannot be read.
settings-inbox-unreadable-more = Lists left there are not being imported. Ask whoever looks after the service to check the folder.
settings-inbox-none = No inbox folder is set up, so court lists come in only when someone uploads them on the

## The directory

directory-done-user-added = Person added. They can sign in now, or with single sign-on if your service uses it.
directory-done-user-changed = The person's details have been saved.
directory-done-organisation-added = Organisation added.
directory-done-organisation-changed = The organisation's details have been saved.
directory-done-court-added = Court added.
directory-done-court-changed = The court's details have been saved.
directory-intro = The organisations that work together, the people who sign in, and the courts. You see no victim or case here: administrators keep the directory only.
directory-organisations-count = Organisations ({ $count })
directory-people-count = People ({ $count })
directory-people-count-inactive = People ({ $count }, of whom { $inactive } cannot sign in)
directory-courts-count = Courts ({ $count })
directory-add-organisation = Add an organisation
directory-add-person = Add a person
directory-add-court = Add a court
directory-name = Name
directory-kind = Kind
directory-court-it-serves = Court it serves
directory-none = None
directory-email = Email address
directory-role = Role
directory-organisation = Organisation
directory-can-sign-in = Can sign in
directory-yes = Yes
directory-no = No
directory-town = Town
directory-in-wales = In Wales
directory-crown-court-code = Crown Court code
directory-change = Change

## Coded values: organisation-kind

organisation-kind-support-service = Support service (IDVA, ISVA)
organisation-kind-witness-care-unit = Witness care unit
organisation-kind-cps-area = Crown Prosecution Service area
organisation-kind-witness-service = Witness Service
organisation-kind-court = Court (listing office)
organisation-kind-probation-region = Probation region (victim liaison)

## Coded values: court-kind

court-kind-crown = Crown Court
court-kind-magistrates = Magistrates' court
court-kind-family = Family court
court-kind-combined = Combined court centre


## The directory's forms

directory-stale-problem = Someone else changed this { $what } after you opened this page. Check the details now stored, then choose again
directory-what-person = person
directory-what-organisation = organisation
directory-what-court = court
directory-error-role-fit = This role does not fit the organisation: supporters work in a support service, witness care officers in a witness care unit, victim liaison officers in a probation region, court staff in a court's listing office and Witness Service staff in a Witness Service
directory-error-name-taken = An organisation of this kind already has this name: choose another name, or change the one in the directory
directory-error-email-taken = This email address is already used by another person
directory-error-organisation-taken = An organisation of this kind already has this name
directory-error-court-taken = A court with this name or Crown Court code is already in the directory
directory-user-name-hint = As colleagues know them. Shown to the people they work with.
directory-user-email-hint = Their work address: they sign in with it, and Courtside's messages to them go there.
directory-choose-organisation = Choose an organisation
directory-user-role = What do they do?
directory-user-role-hint = The role must fit the organisation: a supporter works in a support service, a witness care officer in a witness care unit, and so on. Managers and administrators may be in any.
directory-user-manager = Manager (optional)
directory-no-manager = No manager
directory-user-manager-hint = Someone in the same organisation.
directory-user-active = Can they sign in?
directory-user-active-hint = Choose no when someone leaves: their past work stays on record under their name.
directory-user-password = First password (optional)
directory-user-password-hint = At least { $least } characters; give it to them in person. Leave empty if they sign in with your single sign-on.
directory-error-user-name = Enter the person's name
directory-error-user-email = Enter the person's email address
directory-error-user-organisation = Choose the organisation they work in
directory-error-user-role = Choose what they do
directory-error-user-active = Say whether they can sign in
directory-add-person-submit = Add the person
directory-change-person-title = Change a person's details
directory-change-person-heading = Change their details
directory-save-changes = Save changes
directory-organisation-kind = What kind of organisation is it?
directory-choose-kind = Choose a kind
directory-organisation-name-hint = For example Leeds Witness Care Unit.
directory-organisation-address = Postal address (optional)
directory-organisation-address-hint = A support service's address goes on the notices it sends to courts. Never a victim's address.
directory-organisation-email = Email address for notices (optional)
directory-organisation-email-hint = Where Courtside sends this organisation's notices, unless it has a webhook.
directory-organisation-phone = Telephone (optional)
directory-organisation-language = Which language does it read Courtside's messages in?
directory-organisation-no-language = None chosen
directory-organisation-language-hint = With none chosen, messages about a hearing at a court in Wales go in Welsh and English, and others in English.
directory-language-en = English
directory-language-cy = Welsh (Cymraeg)
directory-organisation-court = The court it serves (optional)
directory-organisation-court-hint = For a Witness Service or a court's listing office: the court its requests are about.
directory-error-organisation-kind = Choose what kind of organisation it is
directory-error-organisation-name = Enter the organisation's name
directory-add-organisation-submit = Add the organisation
directory-change-organisation-title = Change an organisation
directory-change-organisation-heading = Change the organisation's details
directory-court-name-hint = As the court lists give it, for example Cardiff Crown Court.
directory-court-kind = What kind of court is it?
directory-court-town = Town or city
directory-court-nation = Is it in England or Wales?
directory-court-nation-hint = For a court in Wales, people who chose no language get notices in Welsh and English.
directory-court-code = Crown Court code (optional)
directory-court-code-hint = The court's number in the published lists, for example 453. Lists are matched to the court by it.
directory-error-court-name = Enter the court's name
directory-error-court-kind = Choose what kind of court it is
directory-error-court-town = Enter the town or city
directory-error-court-nation = Say whether the court is in England or Wales
directory-add-court-submit = Add the court
directory-change-court-title = Change a court
directory-change-court-heading = Change the court's details

## Coded values: nation

nation-england = England
nation-wales = Wales (notices may be in Welsh)

## Protective orders and after the outcome

after-outcome-title = Protective orders and after the outcome
after-outcome-back = Back to the case
after-outcome-intro = What the victim may need after a court order or a decision in her case: reminders before a protective order ends, the time to ask for a review of a decision not to charge or to stop the case, and the time to apply for criminal injuries compensation. Nothing here is sent to anyone else; the reminders are yours.
after-outcome-ending-ended = Ended early
after-outcome-ending-discharged = Discharged by the court
after-outcome-not-known = Not known
after-outcome-order-kind = What kind of order is it?
after-outcome-made-on = When was the order made?
after-outcome-ends-on = When does the order end?
after-outcome-ends-on-hint = Leave this empty if the order lasts until further order. You will be reminded before it ends.
after-outcome-court = Which court made the order?
after-outcome-note = Note for the team (optional)
after-outcome-note-hint = At most 500 characters. It is kept sealed and never sent to anyone. Do not write the victim's address.
after-outcome-decided-by = Who made the decision?
after-outcome-decision = What did they decide?
after-outcome-told-on = When was the victim told of the decision?
after-outcome-told-on-hint = The time to ask for a review counts from this day.
after-outcome-incident-on = When did the incident happen?
after-outcome-incident-on-hint = Compensation must normally be applied for within two years of the incident.
after-outcome-done-order-added = The protective order has been recorded. You will be reminded before it ends.
after-outcome-done-order-changed = The protective order has been changed.
after-outcome-done-order-ended = The protective order has been recorded as ended. Its reminders have stopped.
after-outcome-done-decision-added = The decision has been recorded, with the time the victim has to ask for a review.
after-outcome-done-claim-saved = The incident date has been saved, with the last day to apply for compensation.
after-outcome-ended-on = { $how } on { $day }
after-outcome-in-force = In force
after-outcome-expired = Expired
after-outcome-until-further-order = Until further order
after-outcome-until-further-order-lower = until further order
after-outcome-claim-change = Change the incident date
after-outcome-claim-save = Save the incident date
after-outcome-error-kind = Choose what kind of order it is
after-outcome-error-decided-by = Choose who made the decision
after-outcome-error-decision = Choose what they decided
after-outcome-error-stale = Someone else changed this after you opened this page. Check what is now stored, then save again
after-outcome-error-order-stale = Someone else changed this order after you opened this page. Check the details now stored, then try again
after-outcome-error-how = Choose how the order ended
after-outcome-what-order = protective order
after-outcome-order = Order
after-outcome-made = Made
after-outcome-ends = Ends
after-outcome-now = Now
after-outcome-edit-title = Change a protective order
after-outcome-edit-heading = Change the protective order
after-outcome-edit-intro = A new end date moves the reminders to talk to the victim about renewing or extending it.
after-outcome-edit-save = Save the changes
after-outcome-end-title = End a protective order
after-outcome-end-heading = Are you sure this order has ended?
after-outcome-end-warning = The reminders to talk to the victim about renewing it will stop. The order stays on the case's record.
after-outcome-end-submit = Yes, record that it has ended
after-outcome-end-how = How did it end?
after-outcome-end-when = When did it end?
after-outcome-orders = Protective orders
after-outcome-record-ended = Record that it ended
after-outcome-no-orders = No protective orders are recorded on this case.
after-outcome-add-order = Add a protective order
after-outcome-add-order-submit = Add the order
after-outcome-review = Right to review a decision
after-outcome-review-intro = After a decision not to charge, or to stop the case, the victim may ask for it to be reviewed. The time counts from the day she was told.
after-outcome-told = She was told on { $day }.
after-outcome-prompt = For a prompt review, ask by { $day }.
after-outcome-latest = Last day to ask: { $day }.
after-outcome-closed = The case was closed when this was recorded.
after-outcome-no-decisions = No decisions are recorded.
after-outcome-record-decision = Record a decision
after-outcome-record-decision-submit = Record the decision
after-outcome-compensation = Criminal injuries compensation
after-outcome-claim = The incident was on { $incident }. The last day to apply is { $apply_by }; you will be reminded before then.
after-outcome-no-claim = After a crime of violence, the victim may apply for compensation, as a rule within two years of the incident. Record the incident date to be reminded.

## Coded values: protective-order-kind

protective-order-kind-non-molestation = Non-molestation order
protective-order-kind-occupation = Occupation order
protective-order-kind-restraining = Restraining order
protective-order-kind-prohibited-steps = Prohibited steps order

## Coded values: review-decision-maker

review-decision-maker-police = The police
review-decision-maker-cps = The Crown Prosecution Service (CPS)

## Coded values: reviewable-decision

reviewable-decision-not-to-charge = Not to charge (no further action)
reviewable-decision-discontinued = To stop the case (discontinued)
reviewable-decision-no-evidence-offered = To stop the case (no evidence offered)

## The CPS meeting before trial

cps-meeting-status-none-entitled = Nothing recorded yet. After a not-guilty plea the CPS offers her a meeting with the prosecution team before trial: ask whether she wants you there.
cps-meeting-status-none = Nothing recorded. The CPS offers this meeting to adult victims of rape and other serious sexual offences; you can still record one it offered.
cps-meeting-status-declined = She does not want the meeting.
cps-meeting-status-wanted = She wants her supporter invited.
cps-meeting-status-not-wanted = She does not want her supporter invited.
cps-meeting-status-undecided = She has not decided whether she wants her supporter invited.
cps-meeting-status-on = The meeting is on { $when }.
cps-meeting-status-no-date = No meeting date yet.
cps-meeting-status-told = The CPS is told.
cps-meeting-status-not-told = The CPS has not been told: her consent to identify her supporter is missing.
cps-meeting-offered-on = Offered on
cps-meeting-not-recorded = Not recorded
cps-meeting-now-recorded = Now recorded
cps-meeting-intro-entitled = Once a not-guilty plea is entered, the CPS offers an adult victim of rape or another serious sexual offence a meeting with the prosecution team before trial: next steps, what to expect at court, special measures. It asks her whether she wants her supporter there. Courtside tells the CPS what she wants.
cps-meeting-intro = The CPS offers this meeting to adult victims of rape and other serious sexual offences after a not-guilty plea. If it offered one to this victim, record it here.
cps-meeting-title = The CPS meeting before trial
cps-meeting-invited = Does she want you (her supporter) invited?
cps-meeting-itself = The meeting itself
cps-meeting-declined = She does not want the meeting
cps-meeting-offered-label = When did the CPS offer the meeting?
cps-meeting-offered-hint = For example 27/11/2026. Leave empty if not known.
cps-meeting-date = Meeting date
cps-meeting-date-hint = If arranged, for example 15/12/2026.
cps-meeting-time = Meeting time
cps-meeting-time-hint = UK time, on the 24-hour clock, for example 14:30.
cps-meeting-error-invited = Choose whether she wants you invited, or that she has not decided yet
cps-meeting-error-time = Enter the time on the 24-hour clock, for example 14:30
cps-meeting-error-time-too = Enter the meeting's time as well as its date
cps-meeting-error-date-too = Enter the meeting's date as well as its time
cps-meeting-error-declined = Leave the meeting's date and time empty when she does not want the meeting
cps-meeting-error-stale = Someone else saved this meeting after you opened this page. Check what is now recorded, then save again
cps-meeting-what = CPS meeting

## Coded values: supporter-invitation

supporter-invitation-undecided = She has not decided yet
supporter-invitation-wanted = Yes, she wants her supporter invited
supporter-invitation-not-wanted = No, she does not want her supporter invited

## Risk meetings

risk-meetings-intro = Only you and other supporters handling her record see risk meetings. Courtside never sends anything about them to the court, the defendant's side or another agency.
risk-meetings-done-added = The meeting has been added. Its paperwork deadline is on your week and in your To do list.
risk-meetings-done-changed = The meeting has been changed.
risk-meetings-done-action = The action has been recorded.
risk-meetings-done-cancelled = The meeting has been cancelled. Its paperwork deadline and task are withdrawn.
risk-meetings-kind = What kind of meeting is it?
risk-meetings-date = What day is the meeting?
risk-meetings-date-hint = For example, 29/10/2026
risk-meetings-time = What time does it start?
risk-meetings-time-hint = UK time, on the 24-hour clock, for example 10:00
risk-meetings-panel = Which area or panel holds it?
risk-meetings-panel-hint = For example, Leeds MARAC. Never an address.
risk-meetings-choose-agency = Choose an agency
risk-meetings-owner = Who carries the action?
risk-meetings-agency = Which agency? (if another agency carries it)
risk-meetings-text = What is to be done?
risk-meetings-text-hint = Briefly. It stays in Courtside and is never sent to anyone.
risk-meetings-due = When is it due?
risk-meetings-due-hint = For example, 05/11/2026
risk-meetings-cancelled-on = Cancelled on { $when }: no paperwork is due
risk-meetings-due-marac = Your referral form or update is due by { $when }
risk-meetings-was-due-marac = Your referral form or update was due by { $when }
risk-meetings-due-mappa = Your update is due by { $when }
risk-meetings-was-due-mappa = Your update was due by { $when }
risk-meetings-error-kind = Choose MARAC or MAPPA
risk-meetings-error-owner = Choose who carries the action
risk-meetings-error-stale = Someone saved this meeting first, while you had it open. What is stored now is shown: check it, then save again
risk-meetings-add-heading = Add a MARAC or MAPPA meeting
risk-meetings-add-submit = Add the meeting
risk-meetings-action-heading = Record an action agreed at the meeting
risk-meetings-action-submit = Record the action
risk-meetings-change-heading = Change the meeting
risk-meetings-change-submit = Save the meeting
risk-meetings-when = When
risk-meetings-area = Area or panel
risk-meetings-your-paperwork = Your paperwork
risk-meetings-why-then = Why then
risk-meetings-actions-heading = Actions agreed
risk-meetings-no-actions-cancelled = The meeting was cancelled, so no actions were agreed at it.
risk-meetings-no-actions = No actions are recorded yet.
risk-meetings-no-actions-yet = Actions can be recorded once the meeting has taken place.
risk-meetings-cancel-title = Cancel the meeting
risk-meetings-cancel-heading-marac = Cancel the MARAC meeting?
risk-meetings-cancel-heading-mappa = Cancel the MAPPA meeting?
risk-meetings-cancel-withdrawn = Your paperwork deadline and task for it are withdrawn, and it leaves your week and your morning digest. It stays on her record as cancelled.
risk-meetings-cancel-moved = If the meeting has only moved, change its date instead; if a new one is called, add it.
risk-meetings-cancel-this = Cancel this meeting
risk-meetings-due-on = due { $day }

## Coded values: risk-action-owner

risk-action-owner-supporter = You (the victim's supporter)
risk-action-owner-agency = Another agency

## Statements and ABE interviews

statements-intro = A supporter must not be in the room while the police take her statement or record her ABE interview, but can be with her before and after. Book one of her supporters for before and after, and another in case they are away. Reminders go to both supporters and the officer in Courtside; nothing is sent to anyone else.
statements-done-added = The appointment has been booked. Reminders are on the supporters' and the officer's weeks.
statements-done-changed = The appointment has been changed, and its reminders with it.
statements-done-cancelled = The appointment has been withdrawn, and its reminders cancelled.
statements-kind = What is the appointment for?
statements-date = What day is it?
statements-date-hint = For example, 30/03/2026
statements-place = Where is it?
statements-place-hint = The police station or venue, for example Elland Road Police Station. Never the victim's address.
statements-officer = Which officer is it with?
statements-choose-officer = Choose an officer
statements-officer-hint = A witness care officer of the case's unit. Their reminder goes to their Courtside week.
statements-supporter = Which supporter is booked for before and after?
statements-choose-supporter = Choose a supporter
statements-supporter-hint = The supporter must not be in the room while the statement is taken or the interview recorded.
statements-alternative = Which supporter can go instead if they are away?
statements-choose-alternative = Choose a different supporter
statements-error-kind = Choose a witness statement or an ABE interview
statements-error-officer = Choose the officer
statements-error-supporter = Choose the supporter booked for before and after
statements-error-alternative = Choose the alternative supporter
statements-error-stale = Someone saved this appointment first, while you had it open. What is stored now is shown: check it, then save again
statements-people = { $supporter } before and after (not in the room); { $alternative } if they are away
statements-add-heading = Book a statement or ABE interview
statements-add-submit = Book the appointment
statements-change-heading = Change the appointment
statements-change-submit = Save the appointment
statements-withdraw = Withdraw the appointment
statements-officer-key = Officer
statements-before-after = Before and after
statements-not-in-room = { $name } (not in the room)
statements-if-away = If they are away
statements-reminders = Reminders
statements-none-left = None left to send
statements-withdrawn-none = Withdrawn: no reminders
statements-withdrawn-tag = Withdrawn

## Parents, guardians and appropriate adults

responsible-adults-title = Parents, guardians and appropriate adults
responsible-adults-intro = While she is under 18, each adult here whom nobody has excluded is sent a copy of every message she is sent, by email, with her consent or a recorded lawful basis. Her address is never in a message. Someone she or the court has excluded is never told anything.
responsible-adults-excluded-by-her = Excluded by her: never told anything
responsible-adults-excluded-by-court = Excluded by the court: never told anything
responsible-adults-name = Their name
responsible-adults-relationship = How do they stand to her?
responsible-adults-email-hint = Copies of her notices go here while she is under 18. Never record someone she or the court has excluded.
responsible-adults-language = Language for their messages (optional)
responsible-adults-language-hint = A code such as en or cy. English if left blank.
responsible-adults-done-added = The responsible adult has been recorded.
responsible-adults-done-excluded = They are excluded: they will not be told anything, and messages planned for them have been cancelled.
responsible-adults-done-ended = Their role has been ended: they will not be sent anything more.
responsible-adults-role-ended = Role ended
responsible-adults-sent-copies = Sent copies of her notices
responsible-adults-no-email = Not sent anything: no email address
responsible-adults-not-yet = Not sent anything yet: see above
responsible-adults-not-child = She is not recorded as under 18, so nobody here is sent copies of her notices.
responsible-adults-no-basis = Nobody here is sent anything yet: record her consent to send her responsible adults what she is sent (or a lawful basis under that heading) on her consents page.
responsible-adults-add-submit = Add the adult
responsible-adults-error-relationship = Choose whether they are her parent, guardian or appropriate adult
responsible-adults-error-excluded-by = Choose who excluded them: her or the court
responsible-adults-relationship-heading = Relationship
responsible-adults-actions = Actions
responsible-adults-who-excluded = Who excluded { $name }?
responsible-adults-she-did = She did
responsible-adults-the-court = The court (an order)
responsible-adults-reason = Reason or order reference (optional)
responsible-adults-exclude = Exclude
responsible-adults-end = End their role
responsible-adults-none = No parent, guardian or appropriate adult is recorded for this victim.
responsible-adults-add-heading = Add a parent, guardian or appropriate adult

## Coded values: responsible-adult-relationship

responsible-adult-relationship-parent = Parent
responsible-adult-relationship-guardian = Guardian
responsible-adult-relationship-appropriate-adult = Appropriate adult

## Booking lead time for needs at court

court-settings-now-own = Your court asks for { $days } working days' notice.
court-settings-now-default = Your court has not set its own figure, so the service's default of { $default } working days applies.
court-settings-intro = When a victim's need at court (an interpreter, a registered intermediary, disability access or a separate waiting room) is recorded closer to her hearing than this, the witness care officer is warned that the booking is short notice.
court-settings-saved = Saved.
court-settings-days = How many working days' notice does your court need?
court-settings-days-hint = From 1 to { $most }. Leave empty to use the service's default of { $default } working days.
court-settings-error-days = Enter a whole number of working days from 1 to { $most }, or leave it empty

## Needs at court

court-needs-title = Needs at court
court-needs-intro = What the victim needs to give evidence. A need recorded with her consent goes to the court (through the prosecutor, for listing and interpreter booking) and to the Witness Service with the attendance request, and again if the hearing moves.
court-needs-kind-interpreter = An interpreter (say the language below)
court-needs-kind-bsl-interpreter = A British Sign Language interpreter
court-needs-kind-registered-intermediary = A registered intermediary
court-needs-kind-disability-access = Disability access
court-needs-kind-separate-waiting-room = A separate waiting room
court-needs-kind-other = Another need
court-needs-words-interpreter = An interpreter ({ $language })
court-needs-words-bsl-interpreter = A British Sign Language interpreter
court-needs-words-registered-intermediary = A registered intermediary
court-needs-words-disability-access = Disability access
court-needs-words-separate-waiting-room = A separate waiting room
court-needs-referral-consent = Yes: her Witness Service referral consent of { $given }
court-needs-not-yet = Not yet: keep the need, but do not pass it on
court-needs-kind = What does the victim need at court?
court-needs-language = Language (for an interpreter only)
court-needs-language-hint = The language's name only, for example Polish or Brazilian Portuguese.
court-needs-consent = Has the victim agreed that this is passed to the court and the Witness Service?
court-needs-consent-hint = Record her consent to the Witness Service referral first if it is not listed.
court-needs-passed-on = Yes, with her consent
court-needs-not-passed-on = No: no consent recorded
court-needs-done-added = The need has been recorded.
court-needs-done-withdrawn = The need has been withdrawn. It will not be passed on again.
court-needs-add-submit = Add the need
court-needs-error-kind = Choose what the victim needs at court
court-needs-withdraw-told = It was passed on with her consent, so the court (through the prosecutor) and the Witness Service, for each hearing still to come where they had it, are sent her needs as they now stand, or told none are left so they can cancel bookings made only for it.
court-needs-withdraw-not-told = It was never passed on (no consent was recorded), so no one else is told.
court-needs-withdraw-title = Withdraw a need at court
court-needs-withdraw-heading = Withdraw this need at court?
court-needs-need = Need
court-needs-withdraw-again = A withdrawn need is not passed on again. If she needs it after all, add it again.
court-needs-withdraw-submit = Withdraw the need
court-needs-passed-on-heading = Passed on
court-needs-withdraw = Withdraw
court-needs-none = No needs at court are recorded for this victim.
court-needs-add-heading = Add a need

## Court lists

court-lists-intro = Courts publish their lists every day. Upload a list and Courtside checks it against the hearings it tracks: it confirms the ones listed as planned, moves the ones listed at another time or room (and tells everyone who knew the old date), and asks you to check any hearing missing from a daily list. It never vacates a hearing by itself. Times are UK time.
court-lists-type-crown-daily-pdda-list = Crown daily list
court-lists-type-crown-firm-pdda-list = Crown firm list
court-lists-type-crown-warned-pdda-list = Crown warned list
court-lists-type-magistrates-standard-list = magistrates standard list
court-lists-type-magistrates-public-list = magistrates public list
court-lists-type-family-daily-cause-list = family daily cause list
court-lists-type-civil-and-family-daily-cause-list = civil and family daily cause list
court-lists-recognise = Recognise it from the document
court-lists-court-named = The court the list names
court-lists-court-list = Court list
court-lists-kind-daily = daily
court-lists-kind-firm = firm
court-lists-kind-warned = warned
court-lists-error-invalid = { $count ->
    [one] The file is not a valid { $list } (1 problem found, e.g. { $examples })
   *[other] The file is not a valid { $list } ({ $count } problems found, e.g. { $examples })
}
court-lists-error-type = Choose a list type from the list
court-lists-error-too-large = The file is larger than { $mb } MB; a published court list is smaller
court-lists-error-no-file = Choose the court list file to upload
court-lists-change-moved = Moved
court-lists-change-absent = Not on the list
court-lists-change-warned = Warned
court-lists-change-new = New sitting
court-lists-change-unapplied = Moved on the list, not applied
court-lists-change-confirmed = Confirmed
court-lists-change-other = Changed
court-lists-note-moved = The hearing was moved to the listed time; everyone told of the old date is told of the new one.
court-lists-note-absent = Missing from the daily list for its court and day: check with the court. Nothing was vacated.
court-lists-note-warned = On a warned list: it may be called at short notice within the window.
court-lists-note-new = The list has a sitting for this case that Courtside does not track: a task asks to add it.
court-lists-note-unapplied = Nobody is responsible for this case (no witness care unit, no current supporter), so the move was not made.
court-lists-note-confirmed = Listed as Courtside has it.
court-lists-no-reference = (no reference)
court-lists-import-title = Court list import
court-lists-upload-heading = Upload a list
court-lists-file = The published list (a JSON file)
court-lists-file-hint = As downloaded from HMCTS's court and tribunal hearings service, up to { $mb } MB. Names of defendants and parties in it are never read or kept.
court-lists-type = Type of list
court-lists-type-hint = HMCTS sends it beside the file. If you do not know it, Courtside recognises it from the document.
court-lists-court-hint = Only needed for a list that does not name its court.
court-lists-upload-submit = Upload and check
court-lists-imported-heading = Lists imported
court-lists-list = List
court-lists-published = Published
court-lists-imported = Imported
court-lists-new = New
court-lists-mine = Uploaded by you
court-lists-pages = Pages of imports
court-lists-newer = Newer imports
court-lists-older = Older imports
court-lists-none = No court lists have been imported yet.
court-lists-again = This list had been imported already, so nothing changed. Here is what it did the first time.
court-lists-all = All court lists
court-lists-version = (version { $version })
court-lists-on-the-list = On the list
court-lists-sittings = { $sittings } sittings; { $ignored } ignored: for cases Courtside does not track, or already past (not kept)
court-lists-whole-list = Whole list
court-lists-whole-counts = { $confirmed } confirmed, { $moved } moved, { $absent } not on the list, { $warned } warned, { $new } new
court-lists-unmatched = Courts not in the directory
court-lists-attention = Needs attention
court-lists-attention-label = Hearings that need attention
court-lists-change = Change
court-lists-court-time = Court and time now
court-lists-supporters-told = Supporters told
court-lists-no-notice-needed = No notice to a supporter was needed (no consent or no supporter)
court-lists-tasks-ask = Tasks ask the unit and the supporter to check
court-lists-nothing = Nothing on this list needs your attention.
court-lists-confirmed-heading = Confirmed as planned
court-lists-none-confirmed = None of your hearings was confirmed by this list.
court-lists-not-shown = { $count } other change(s) concern cases outside your relationships and are not shown.

## Partnership report

reports-intro = Anonymised figures for your organisation's victims: whether supporters reach court beside them, and whether Victims' Code duties are met in time. Only counts leave the report; small counts are hidden.
reports-error-to-before-from = The last day must be the same as or after the first day
reports-error-from = Enter the first day, or choose a quarter or a month
reports-error-to = Enter the last day, or choose a quarter or a month
reports-error-to-other = The last day: { $why }
reports-error-from-other = The first day: { $why }
reports-error-court = Choose a court from the list
reports-error-court-kind = Choose a kind of court from the list
reports-error-case-kind = Choose criminal, family, or both
reports-error-period = Choose a quarter, a month, or from and to dates
reports-error-unread = The filters could not be read: choose them again and show the figures
reports-period-quarter = Quarter
reports-period-month = Month
reports-period-custom = From and to dates
reports-from = A day in the quarter or month, or the first day
reports-from-hint = For example, 1 1 2026 for January to March 2026
reports-to = Last day (from and to dates only)
reports-to-hint = For example, 31 3 2026
reports-period = Period
reports-court-kind = Kind of court
reports-all-kinds = All kinds
reports-case-kind = Case type
reports-criminal-and-family = Criminal and family
reports-show = Show figures
reports-glance = At a glance
reports-glance-caption = The main figure of each measure
reports-measure = Measure
reports-main-figure = Main figure
reports-value = Value
reports-hidden = { $count } figures are hidden because the counts behind them are small.
reports-none-hidden = No figure is hidden.
reports-download = Download these figures (CSV)
reports-each = Each measure
reports-measure-hidden = { $count } of these figures are hidden (small counts).
reports-figures-label = { $title }: figures
reports-figure = Figure

## Report measures
report-m-attendance-outcomes-title = Supporter-attendance requests by outcome
report-m-attendance-outcomes-definition = Requests for a supporter to attend a hearing that starts in the period, by where they stand now; a request still undecided when its hearing started counts as not decided by the hearing day.
report-f-attendance-outcomes-allowed = Allowed (including attended)
report-f-attendance-outcomes-allowed-with-conditions = Allowed with conditions
report-f-attendance-outcomes-refused = Refused, or directed not to attend
report-f-attendance-outcomes-withdrawn = Withdrawn
report-f-attendance-outcomes-not-decided-by-hearing = Not decided by the hearing day
report-f-attendance-outcomes-awaiting-decision = Undecided, hearing ahead
report-f-attendance-outcomes-total = Requests
report-m-refusal-reasons-title = Reasons for refusals
report-m-refusal-reasons-definition = Refusals and directions not to attend, tallied by the category of the court's reason recorded with the decision; the reason's words are never counted or shown.
report-f-refusal-reasons-not-in-interests-of-justice = Not in the interests of justice
report-f-refusal-reasons-not-necessary = Not necessary in the interests of justice
report-f-refusal-reasons-supporter-is-witness = Supporter is a witness, or saw the statement
report-f-refusal-reasons-room-or-facilities = Room or live-link facilities
report-f-refusal-reasons-request-too-late = The request came too late
report-f-refusal-reasons-other = Another reason
report-f-refusal-reasons-not-categorised = Not categorised
report-f-refusal-reasons-total = Refusals and directions
report-m-request-notice-title = Notice given before the hearing
report-m-request-notice-definition = Working days (England and Wales, bank holidays excluded) from the day a request was made to the hearing day, over the requests above; worked out row by row outside the database.
report-f-request-notice-median-working-days = Median
report-f-request-notice-p90-working-days = 90th percentile
report-m-evidence-with-supporter-title = Giving evidence with a supporter beside them
report-m-evidence-with-supporter-definition = Hearings in the period, already started and not vacated, at which the victim was to give evidence; with a supporter present means a request for that hearing is recorded as attended.
report-f-evidence-with-supporter-with-supporter = With a supporter present
report-f-evidence-with-supporter-without-supporter = Without a supporter
report-f-evidence-with-supporter-total = Hearings where the victim gave evidence
report-f-evidence-with-supporter-share-with-supporter = Share with a supporter
report-m-pre-trial-visits-title = Pre-trial visits before trials
report-m-pre-trial-visits-definition = Trials listed in the period (not vacated) with a pre-trial visit for the case arranged or attended on a date before the trial; days before are calendar days from the latest such visit to the trial.
report-f-pre-trial-visits-visit-before-trial = Pre-trial visit before the trial
report-f-pre-trial-visits-no-visit = No visit before the trial
report-f-pre-trial-visits-total = Trials
report-f-pre-trial-visits-share-with-visit = Share with a visit
report-f-pre-trial-visits-median-days-before = Median days between visit and trial
report-m-special-measures-title = Special-measures discussions
report-m-special-measures-definition = Special-measures discussions held in the period, by whether the supporter was there.
report-f-special-measures-supporter-present = Supporter present
report-f-special-measures-without-supporter = Held without the supporter
report-f-special-measures-total = Special-measures discussions
report-m-special-measures-informed-title = Supporters told of discussions held without them
report-m-special-measures-informed-definition = Of the discussions held without the supporter, those followed by a sent notice telling the supporter (for the same case, on or after the discussion), and the working days it took.
report-f-special-measures-informed-informed = Supporter told
report-f-special-measures-informed-not-informed = Supporter not told
report-f-special-measures-informed-total = Held without the supporter
report-f-special-measures-informed-share-informed = Share where the supporter was told
report-f-special-measures-informed-median-working-days = Median working days to tell them
report-m-right8-hearing-dates-title = Victims' Code Right 8: hearing dates passed on
report-m-right8-hearing-dates-definition = Duties to tell the supporter (with the victim's consent) of a hearing's date counted from a day in the period and now met or missed: on time when done within 1 working day of the unit learning it.
report-f-right8-hearing-dates-on-time = On time
report-f-right8-hearing-dates-late = Late or not done
report-f-right8-hearing-dates-total = Duties
report-f-right8-hearing-dates-share-on-time = Share on time
report-m-right8-outcomes-title = Victims' Code Right 8: hearing outcomes passed on
report-m-right8-outcomes-definition = Duties to tell the supporter (with consent) of a hearing's outcome, counted from a day in the period: on time within 1 working day for victims entitled to enhanced rights, otherwise 5.
report-f-right8-outcomes-on-time = On time
report-f-right8-outcomes-late = Late or not done
report-f-right8-outcomes-total = Duties
report-f-right8-outcomes-share-on-time = Share on time
report-m-right8-late-by-agency-title = Late Right 8 duties by agency
report-m-right8-late-by-agency-definition = The late or undone duties of the two measures above, by the agency responsible: the case's witness care unit.
report-f-right8-late-by-agency-total = Late duties
report-m-parole-title = Parole milestones and the supporter
report-m-parole-definition = Parole milestones planned for sharing with the supporter in the period (not cancelled) against those withheld because the victim had not consented; filtered by period and organisation only.
report-f-parole-shared = Shared with the supporter
report-f-parole-withheld = Withheld: no consent
report-f-parole-total = Parole milestones
report-f-parole-share-shared = Share shared
report-m-notices-title = Notices
report-m-notices-definition = Notices the flows planned in the period, by delivery state now.
report-f-notices-sent = Sent
report-f-notices-failed = Failed, to be retried
report-f-notices-escalated = Escalated: could not be delivered, handed to a manager
report-f-notices-pending = Waiting to be sent
report-f-notices-cancelled = Cancelled (no longer wanted)
report-f-notices-total = Notices
report-m-deadlines-title = Deadlines
report-m-deadlines-definition = Deadlines the flows started that fall due in the period, by state: met on time, missed (due and not met in time), still running, or cancelled.
report-f-deadlines-met = Met on time
report-f-deadlines-missed = Missed
report-f-deadlines-running = Still running
report-f-deadlines-cancelled = Cancelled
report-f-deadlines-total = Deadlines
report-shown-fewer-than-5 = fewer than 5
report-shown-suppressed = suppressed
report-shown-not-available = not available
report-shown-days = { $days } days

## Date and time fields
form-field-made-on = the day the order was made
form-field-ends-on = The end date
form-field-told-on = the day the victim was told
form-field-incident-on = the day of the incident
form-field-ended-on = the day it ended
form-field-hearing-on = the hearing day
form-field-offered-on = the date it was offered
form-field-meeting-date = the date of the meeting
form-field-report-from = the first day
form-field-report-to = the last day
form-field-risk-meeting-date = the day of the meeting
form-field-risk-meeting-time = the time it starts
form-field-due-on = the due date
form-field-appointment-date = the day of the appointment
form-field-appointment-time = the time it starts
