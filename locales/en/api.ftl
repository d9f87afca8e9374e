# The API's messages about a field or a conflict, as the pages show
# them (issue #18). Each is the English the code writes, with its
# variable parts as Fluent variables; `web::ui::api_words` matches a message
# to its pattern here and writes the same key from the language's own file.
# The key names the message; change both files when the code's words change.

## accounts/sign_in.rs
msg-the-email-or-password-is-not-recognised = the email or password is not recognised
msg-the-email-is-not-recognised-for-sign-in = the email is not recognised for sign-in

## accounts/tokens.rs
msg-must-be-1-to-100-characters = must be 1 to 100 characters
msg-must-not-contain-control-characters = must not contain control characters
msg-must-be-in-the-future = must be in the future
msg-is-deactivated-tokens-can-only-be-issued-to-active = is deactivated; tokens can only be issued to active users

## app/after_outcome.rs
msg-cannot-be-in-the-future = cannot be in the future
msg-can-be-recorded-on-a-criminal-case-only = { $what } can be recorded on a criminal case only
msg-cannot-be-before-the-day-the-order-was-made = cannot be before the day the order was made
msg-must-be-at-most-characters = must be at most { $MAX_NOTE } characters
msg-this-order-has-been-ended-or-discharged-and-can = this order has been ended or discharged and can no longer be changed
msg-this-order-has-already-been-ended-or-discharged = this order has already been ended or discharged
msg-the-police-decide-whether-to-charge-stopping-a-charged = the police decide whether to charge; stopping a charged case is the CPS's decision
msg-the-incident-date-is-already-recorded-for-this-case = the incident date is already recorded for this case: change it instead

## app/agenda.rs
msg-is-not-a-date-the-agenda-can-show = is not a date the agenda can show

## app/court_need_settings.rs
msg-must-be-between-1-and-working-days = must be between 1 and { $MAX_WORKING_DAYS } working days

## app/court_needs.rs
msg-this-consent-was-withdrawn-or-has-lapsed-record-a = this consent was withdrawn or has lapsed: record a new one, or leave consent_id out to keep the need without passing it on
msg-is-not-this-victim-s-consent-for-the-witness = is not this victim's consent for the Witness Service referral
msg-this-need-is-already-recorded-for-the-victim-withdraw = this need is already recorded for the victim: withdraw it first to change it

## app/cps_meetings.rs
msg-the-day-the-meeting-was-offered-cannot-be-in = the day the meeting was offered cannot be in the future
msg-leave-the-meeting-s-time-empty-when-she-does = leave the meeting's time empty when she does not want the meeting
msg-a-cps-meeting-before-trial-is-for-a-criminal = A CPS meeting before trial is for a criminal case.

## app/mod.rs
msg-must-be-1-or-more = must be 1 or more
msg-must-be-between-1-and = must be between 1 and { $MAX_PER_PAGE }

## app/page_language.rs
msg-must-be-en-or-cy = must be en or cy

## app/responsible_adults.rs
msg-give-their-name = give their name
msg-say-whether-they-are-her-parent-guardian-or-appropriate = say whether they are her parent, guardian or appropriate adult
msg-may-contain-only-digits-spaces-and = may contain only digits, spaces and + ( ) -
msg-give-a-language-code-such-as-en-or-cy = give a language code such as en or cy
msg-say-how-they-stand-to-her = say how they stand to her
msg-belongs-to-someone-she-or-the-court-excluded-they = belongs to someone she or the court excluded: they are never told anything
msg-their-role-has-ended-record-them-again-if-they = their role has ended: record them again if they are her responsible adult once more
msg-they-are-already-excluded = they are already excluded

## app/risk_meetings.rs
msg-must-be-on-or-after-the-day-of-the = must be on or after the day of the meeting
msg-say-which-agency-carries-the-action = say which agency carries the action
msg-leave-out-the-organisation-when-you-carry-the-action = leave out the organisation when you carry the action
msg-the-meeting-was-cancelled-record-the-new-meeting-instead = the meeting was cancelled; record the new meeting instead
msg-the-meeting-has-not-taken-place-yet-record-its = the meeting has not taken place yet: record its actions after it
msg-is-not-an-organisation-in-the-directory = is not an organisation in the directory

## app/safety_plans.rs
msg-must-be-on-a-day-the-hearing-sits = must be on a day the hearing sits
msg-must-be-no-later-than-the-hearing-s-start = must be no later than the hearing's start that day
msg-say-who-meets-her-when-a-time-or-place = say who meets her when a time or place is given
msg-may-not-be-in-the-future = may not be in the future
msg-say-when-it-was-agreed-or-leave-out-who = say when it was agreed, or leave out who agreed it
msg-give-either-the-consent-record-or-the-single-point = give either the consent record or the single point of contact agreement, not both
msg-no-single-point-of-contact-agreement-is-recorded-for = no single point of contact agreement is recorded for this victim
msg-is-not-this-victim-s-witness-service-referral-consent = is not this victim's Witness Service referral consent in force: record one, or leave it out to keep the plan to yourself
msg-the-hearing-was-vacated-there-is-no-court-day = the hearing was vacated: there is no court day to plan
msg-a-safety-plan-is-already-recorded-for-this-hearing = a safety plan is already recorded for this hearing: change it instead
msg-the-plan-is-already-marked-agreed = the plan is already marked agreed

## app/statement_appointments.rs
msg-must-be-a-different-supporter-from-the-one-booked = must be a different supporter from the one booked
msg-statement-appointments-are-for-criminal-cases-this-is-a = statement appointments are for criminal cases: this is a family case
msg-is-not-one-of-the-victim-s-supporters-now = is not one of the victim's supporters now: assign them to her first
msg-the-case-has-no-witness-care-unit-add-it = the case has no witness care unit: add it to the case first
msg-is-not-a-witness-care-officer-of-the-case = is not a witness care officer of the case's unit
msg-matches-the-victim-s-own-address-give-the-police = matches the victim's own address: give the police station or venue instead
msg-the-appointment-was-withdrawn-book-a-new-one-instead = the appointment was withdrawn: book a new one instead
msg-the-appointment-was-already-withdrawn = the appointment was already withdrawn

## app/trial_updates.rs
msg-names-someone-twice = names someone twice
msg-give-the-contact-s-email-address = give the contact's email address
msg-give-the-contact-s-name = give the contact's name

## app/updates.rs
msg-is-not-a-case-of-this-victim = is not a case of this victim

## app/webhooks.rs
msg-must-be-the-id-of-an-existing-organisation = must be the id of an existing organisation

## court_lists/apply.rs
msg-is-not-a-court-in-the-directory-give-its = is not a court in the directory (give its id or name)

## error.rs
msg-a-record-with-the-same-unique-value-already-exists = a record with the same unique value already exists
msg-the-record-refers-to-something-that-does-not-exist = the record refers to something that does not exist

## notify/ack.rs
msg-this-notice-does-not-ask-to-be-acknowledged = this notice does not ask to be acknowledged

## notify/delivery.rs
msg-only-a-failed-or-dead-lettered-notice-can-be = only a failed or dead-lettered notice can be retried

## reporting/mod.rs
msg-must-be-month-quarter-or-custom = must be month, quarter or custom
msg-is-required-for-a-custom-period = is required for a custom period
msg-must-be-on-or-after-from = must be on or after from
msg-a-custom-period-may-be-at-most-days-long = a custom period may be at most { $MAX_CUSTOM_DAYS } days long
msg-must-be-crown-magistrates-family-or-combined = must be crown, magistrates, family or combined
msg-must-be-criminal-or-family = must be criminal or family
msg-must-be-json-or-csv = must be json or csv

## resources/attendance_requests.rs
msg-is-required-when-the-state-is-record-the-court = is required when the state is { $arg1 }: record the court's reason
msg-is-only-recorded-with-a-refusal-or-a-direction = is only recorded with a refusal or a direction that the adviser should not or need not attend
msg-is-required-when-the-state-is-allowed-with-conditions = is required when the state is allowed_with_conditions
msg-cannot-be-changed-make-a-new-request-for-the = cannot be changed; make a new request for the other hearing
msg-cannot-be-changed-the-other-supporter-makes-their-own = cannot be changed; the other supporter makes their own request
msg-the-request-is-closed-and-can-no-longer-change = the request is closed ({ $arg1 }) and can no longer change; make a new request
msg-is-not-a-hearing-you-support-or-handle = is not a hearing you support or handle
msg-the-hearing-is-attendance-can-be-requested-only-for = the hearing is { $status }; attendance can be requested only for a listed or moved hearing
msg-is-not-currently-assigned-to-this-hearing-s-victim = is not currently assigned to this hearing's victim
msg-you-already-have-an-open-attendance-request-for-this = you already have an open attendance request for this hearing; change that one
msg-you-may-only-request-your-own-attendance = you may only request your own attendance
msg-a-new-request-starts-as-requested = a new request starts as requested

## resources/cases.rs
msg-a-criminal-case-needs-its-urn-or-the-court = a criminal case needs its URN (or the court's case number)
msg-a-family-or-civil-case-needs-the-court-s = a family or civil case needs the court's case number
msg-only-a-criminal-case-has-an-offence-group = only a criminal case has an offence group
msg-may-contain-only-letters-digits-spaces-and = may contain only letters, digits, spaces and /

## resources/consents.rs
msg-is-required-when-the-basis-is-record-why-sharing = is required when the basis is { $arg1 }: record why sharing is lawful without consent
msg-is-in-the-future = is in the future
msg-is-before-given-at = is before given_at
msg-a-withdrawal-cannot-be-undone-or-moved-record-a = a withdrawal cannot be undone or moved; record a new consent
msg-is-required = is required

## resources/courts.rs
msg-a-court-of-this-name-is-already-in-the = a court of this name is already in the directory

## resources/hearings.rs
msg-must-be-between-1-and-minutes = must be between 1 and { $MAX_ESTIMATED_MINUTES } minutes
msg-a-victim-who-gives-evidence-attends-in-person-or = a victim who gives evidence attends, in person or by live link
msg-is-in-the-past-a-hearing-must-start-in = is in the past; a { $arg1 } hearing must start in the future (record past hearings as concluded, adjourned or vacated)
msg-is-only-recorded-for-a-concluded-hearing-set-status = is only recorded for a concluded hearing (set status to concluded; an adjournment or vacation is a status of its own)
msg-cannot-be-other-choose-a-structured-outcome-and-put = cannot be other: choose a structured outcome and put any detail in the note (outcome)
msg-needs-the-sentence-length-in-months = needs the sentence length in months
msg-the-sentence-length-must-be-between-1-and-1200 = the sentence length must be between 1 and 1200 months
msg-a-sentence-of-this-type-has-no-length-in = a sentence of this type has no length in months: leave months out
msg-a-hearing-does-not-belong-in-a-case = a { $arg1 } hearing does not belong in a { $case_kind } case

## resources/mod.rs
msg-cannot-be-changed = cannot be changed: { $why }
msg-is-not-a-court-in-the-directory = is not a court in the directory
msg-is-not-a-known-organisation-of-kind = is not a known organisation of kind { $kind }
msg-is-not-a-victim-you-support-or-handle = is not a victim you support or handle
msg-is-not-a-case-you-support-or-handle = is not a case you support or handle

## resources/organisations.rs
msg-only-a-witness-service-or-a-court-s-listing = only a Witness Service or a court's listing office serves a court
msg-cannot-be-changed-while-users-cases-victims-or-parole = cannot be changed while users, cases, victims or parole milestones refer to this organisation

## resources/parole_milestones.rs
msg-is-recorded-only-for-a-hearing-listed-milestone = is recorded only for a hearing_listed milestone
msg-is-required-for-a-decision-made-milestone = is required for a decision_made milestone
msg-is-recorded-only-for-a-decision-made-milestone = is recorded only for a decision_made milestone

## resources/pre_trial_visits.rs
msg-is-required-when-the-visit-is = is required when the visit is { $arg1 }
msg-is-in-the-past-a-visit-must-be-in = is in the past; a { $arg1 } visit must be in the future (record a past visit as attended or cancelled)
msg-is-in-the-future-a-visit-is-attended-only = is in the future; a visit is attended only once it has taken place
msg-is-not-a-valid-date-and-time = is not a valid date and time
msg-is-not-a-hearing-of-this-case = is not a hearing of this case

## resources/special_measures.rs
msg-name-at-least-one-measure-discussed = name at least one measure discussed
msg-repeats = repeats { $m }
msg-is-required-when-supporter-present-is-true-name-the = is required when supporter_present is true: name the supporter who was there
msg-is-in-the-future-record-a-discussion-once-it = is in the future; record a discussion once it has taken place
msg-is-not-a-supporter-currently-assigned-to-this-case = is not a supporter currently assigned to this case's victim

## resources/supporter_assignments.rs
msg-is-before-starts-on = is before starts_on
msg-is-required-when-is-spoc-is-true-the-date = is required when is_spoc is true: the date the client contact agreement was signed
msg-is-recorded-only-when-is-spoc-is-true-leave = is recorded only when is_spoc is true; leave it out otherwise
msg-is-in-the-future-record-the-date-the-agreement = is in the future; record the date the agreement was signed
msg-overlaps-another-assignment-of-this-supporter-to-this-victim = overlaps another assignment of this supporter to this victim; change that one instead
msg-the-victim-already-has-another-single-point-of-contact = the victim already has another single point of contact for part of this period
msg-is-not-an-active-supporter = is not an active supporter
msg-you-may-only-record-your-own-assignments = you may only record your own assignments
msg-is-not-a-supporter-in-your-organisation = is not a supporter in your organisation
msg-cannot-be-changed-end-this-assignment-and-record-a = cannot be changed; end this assignment and record a new one

## resources/tasks.rs
msg-this-task-was-cancelled-by-a-later-change-and = this task was cancelled by a later change and cannot be done

## resources/users.rs
msg-must-be-at-least-characters-long = must be at least { $MIN_PASSWORD_CHARS } characters long
msg-may-be-at-most-characters-long = may be at most { $MAX_PASSWORD_CHARS } characters long
msg-is-already-used-by-another-user = is already used by another user
msg-is-not-a-known-organisation = is not a known organisation
msg-a-cannot-belong-to-an-organisation-of-kind = a { $arg1 } cannot belong to an organisation of kind { $kind }
msg-a-user-cannot-be-their-own-manager = a user cannot be their own manager
msg-is-not-a-user-in-the-same-organisation = is not a user in the same organisation
msg-can-only-be-set-when-the-account-is-created = can only be set when the account is created; leave it out when changing a user
msg-you-cannot-deactivate-your-own-account = you cannot deactivate your own account
msg-you-cannot-change-your-own-role = you cannot change your own role
msg-cannot-change-from-supporter-while-the-user-has-current = cannot change from supporter while the user has current or future assignments; end them first

## resources/victims.rs
msg-is-already-used-for-another-victim = is already used for another victim
msg-details-are-already-recorded-for-this-victim-change-them = details are already recorded for this victim; change them with PUT
msg-cannot-be-changed-2 = cannot be changed

## validate.rs
msg-is-required-and-may-not-be-blank = is required and may not be blank
msg-may-be-left-out-but-not-blank = may be left out, but not blank
msg-is-characters-long-at-most-are-allowed = is { $n } characters long; at most { $max } are allowed
msg-names-or-send-the-instant-in-utc-ending-z = names { $skipped } (or send the instant in UTC, ending Z)
msg-must-be-a-date-and-time-with-its-utc = must be a date and time with its UTC offset, e.g. 2026-03-30T10:00:00+01:00
msg-must-be-a-real-date-written-yyyy-mm-dd = must be a real date written YYYY-MM-DD, e.g. 2026-03-30
msg-must-be-the-id-of-an-existing-record-a = must be the id of an existing record (a UUID)
msg-must-be-an-email-address-such-as-name-example = must be an email address such as name@example.org

## web/api/agenda.rs
msg-must-be-a-date-written-yyyy-mm-dd-such = must be a date written YYYY-MM-DD, such as 2026-12-07

## web/api/consent_undo.rs
msg-the-time-to-undo-this-withdrawal-ended-at-uk = the time to undo this withdrawal ended at { $arg1 } (UK time); record a new consent instead
msg-this-consent-was-not-withdrawn-so-there-is-nothing = this consent was not withdrawn, so there is nothing to undo
msg-a-consent-of-this-scope-is-already-in-force = a consent of this scope is already in force again for this victim; nothing more to do

## web/api/court_lists.rs
msg-is-not-a-list-type-courtside-reads-use-one = is not a list type Courtside reads; use one of: { $arg1 }

## web/extract.rs
msg-is-not-a-field-of-this-record-check-the = is not a field of this record; check the spelling
msg-must-be-the-etag-you-read-e-g-3 = must be the ETag you read, e.g. "3"

## court_lists
msg-a-newer-version-of-this-has-been-imported-already = a newer version of this { $arg1 } (published { $arg2 }) has been imported already; this one, published { $arg3 }, is older and was not applied
msg-a-different-with-the-same-publication-time-has-been = a different { $arg1 } with the same publication time ({ $arg2 }) has been imported already; a corrected list must carry a later publication time
msg-is-needed-the-document-has-the-shape-of-none = is needed: the document has the shape of none of the lists Courtside reads; send one of { $arg1 }

## Field labels before a message (web::ui's place functions)
label-court = Court
label-her-name = Her name
label-how-it-ended = How it ended
label-how-they-stand-to-her = How they stand to her
label-medical-information = Medical information
label-start = Start
label-the-crown-court-code = The Crown Court code
label-the-urn = The URN
label-the-address = The address
label-the-agency = The agency
label-the-agreement-date = The agreement date
label-the-alternative-supporter = The alternative supporter
label-the-appointment = The appointment
label-the-area-or-panel = The area or panel
label-the-arrangements = The arrangements
label-the-basis = The basis
label-the-case-type = The case type
label-the-conditions = The conditions
label-the-consent = The consent
label-the-contact-s-name = The contact's name
label-the-court = The court
label-the-court-case-number = The court case number
label-the-court-s-reason = The court's reason
label-the-courtroom = The courtroom
label-the-date = The date
label-the-date-and-time = The date and time
label-the-date-it-was-agreed = The date it was agreed
label-the-day-it-ended = The day it ended
label-the-day-it-was-offered = The day it was offered
label-the-day-she-was-told = The day she was told
label-the-day-the-order-was-made = The day the order was made
label-the-decision = The decision
label-the-due-date = The due date
label-the-email-address = The email address
label-the-end-date = The end date
label-the-entrance = The entrance
label-the-exit = The exit
label-the-expected-length = The expected length
label-the-first-day = The first day
label-the-hearing-format = The hearing format
label-the-incident-date = The incident date
label-the-interpreter-language = The interpreter language
label-the-kind = The kind
label-the-kind-of-hearing = The kind of hearing
label-the-kind-of-meeting = The kind of meeting
label-the-kind-of-order = The kind of order
label-the-kind-of-reason = The kind of reason
label-the-language = The language
label-the-last-day = The last day
label-the-manager = The manager
label-the-measures = The measures
label-the-meeting = The meeting
label-the-milestone = The milestone
label-the-name = The name
label-the-need = The need
label-the-new-start = The new start
label-the-note = The note
label-the-offence = The offence
label-the-officer = The officer
label-the-organisation = The organisation
label-the-outcome = The outcome
label-the-parent-or-guardian-s-name = The parent or guardian's name
label-the-password = The password
label-the-place = The place
label-the-reason = The reason
label-the-reference = The reference
label-the-role = The role
label-the-safe-hours = The safe hours
label-the-single-point-of-contact = The single point of contact
label-the-start = The start
label-the-supporter = The supporter
label-the-telephone = The telephone
label-the-telephone-number = The telephone number
label-the-time = The time
label-the-time-she-is-met = The time she is met
label-the-town = The town
label-the-update = The update
label-the-victim = The victim
label-the-victim-s-attendance = The victim's attendance
label-their-name = Their name
label-what-is-to-be-done = What is to be done
label-what-may-be-shared = What may be shared
label-where-it-took-place = Where it took place
label-where-she-is-met = Where she is met
label-where-she-waits = Where she waits
label-who-agreed-it = Who agreed it
label-who-carries-it = Who carries it
label-who-decided = Who decided
label-who-meets-her = Who meets her
label-who-was-told = Who was told

## web/ui
msg-this-request-is-closed = this request is closed
