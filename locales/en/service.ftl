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

feed-revoked = Calendar address revoked. Calendar apps using it will stop updating.
feed-new-heading = Your new calendar address
feed-new-copy = Copy it now: it will not be shown again. Add it to your calendar app as a subscription ("add calendar from URL").
feed-address = Calendar address
feed-intro = See your hearings and pre-trial visits in your own calendar app, in UK time. Events show case and victim references only, never names or addresses.
feed-keep-private = Anyone who has the address can see your court diary. Keep it to yourself, and revoke it if it may have been shared, for example on a lost phone.
feed-make = Make a new calendar address
feed-yours = Your calendar addresses
feed-made = Made
feed-status = Status
feed-action = Action
feed-revoked-tag = Revoked
feed-active = Active
feed-revoke = Revoke
feed-revoke-which = the address made { $made }
feed-none = You have no calendar addresses yet.

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

## Error pages

error-start-page = Go to the start page
