# Negeseuon yr API am faes neu wrthdaro, fel y mae'r tudalennau'n eu dangos.
# The same keys as locales/en/api.ftl, in Welsh (see that file).


## accounts/sign_in.rs [unchecked]
msg-the-email-or-password-is-not-recognised = nid yw'r e-bost na'r cyfrinair yn cael eu hadnabod
msg-the-email-is-not-recognised-for-sign-in = nid yw'r e-bost yn cael ei adnabod ar gyfer mewngofnodi

## accounts/tokens.rs [unchecked]
msg-must-be-1-to-100-characters = rhaid iddo fod rhwng 1 a 100 nod
msg-must-not-contain-control-characters = ni chaiff gynnwys nodau rheoli
msg-must-be-in-the-future = rhaid iddo fod yn y dyfodol
msg-is-deactivated-tokens-can-only-be-issued-to-active = wedi'i ddadactifadu; dim ond i ddefnyddwyr gweithredol y gellir rhoi tocynnau

## app/after_outcome.rs [unchecked]
msg-cannot-be-in-the-future = ni all fod yn y dyfodol
msg-can-be-recorded-on-a-criminal-case-only = dim ond ar achos troseddol y gellir cofnodi { $what }
msg-cannot-be-before-the-day-the-order-was-made = ni all fod cyn y diwrnod y gwnaed y gorchymyn
msg-must-be-at-most-characters = rhaid iddo fod yn { $MAX_NOTE } nod ar y mwyaf
msg-this-order-has-been-ended-or-discharged-and-can = mae'r gorchymyn hwn wedi dod i ben neu wedi'i ddiddymu ac ni ellir ei newid mwyach
msg-this-order-has-already-been-ended-or-discharged = mae'r gorchymyn hwn eisoes wedi dod i ben neu wedi'i ddiddymu
msg-the-police-decide-whether-to-charge-stopping-a-charged = yr heddlu sy'n penderfynu a ddylid cyhuddo; penderfyniad Gwasanaeth Erlyn y Goron yw atal achos lle cafwyd cyhuddiad
msg-the-incident-date-is-already-recorded-for-this-case = mae dyddiad y digwyddiad eisoes wedi'i gofnodi ar gyfer yr achos hwn: newidiwch ef yn lle hynny

## app/agenda.rs [unchecked]
msg-is-not-a-date-the-agenda-can-show = nid yw'n ddyddiad y gall yr agenda ei ddangos

## app/court_need_settings.rs [unchecked]
msg-must-be-between-1-and-working-days = rhaid iddo fod rhwng 1 a { $MAX_WORKING_DAYS } diwrnod gwaith

## app/court_needs.rs [unchecked]
msg-this-consent-was-withdrawn-or-has-lapsed-record-a = cafodd y caniatâd hwn ei dynnu'n ôl neu mae wedi dod i ben: cofnodwch un newydd, neu gadewch y caniatâd allan i gadw'r angen heb ei drosglwyddo
msg-is-not-this-victim-s-consent-for-the-witness = nid dyma ganiatâd y dioddefwr hwn ar gyfer yr atgyfeiriad at y Gwasanaeth Tystion
msg-this-need-is-already-recorded-for-the-victim-withdraw = mae'r angen hwn eisoes wedi'i gofnodi ar gyfer y dioddefwr: tynnwch ef yn ôl yn gyntaf i'w newid

## app/cps_meetings.rs [unchecked]
msg-the-day-the-meeting-was-offered-cannot-be-in = ni all y diwrnod y cynigiwyd y cyfarfod fod yn y dyfodol
msg-leave-the-meeting-s-time-empty-when-she-does = gadewch amser y cyfarfod yn wag os nad yw hi eisiau'r cyfarfod
msg-a-cps-meeting-before-trial-is-for-a-criminal = Mae cyfarfod â Gwasanaeth Erlyn y Goron cyn y treial ar gyfer achos troseddol.

## app/mod.rs [unchecked]
msg-must-be-1-or-more = rhaid iddo fod yn 1 neu fwy
msg-must-be-between-1-and = rhaid iddo fod rhwng 1 a { $MAX_PER_PAGE }

## app/page_language.rs [unchecked]
msg-must-be-en-or-cy = rhaid iddo fod yn en neu cy

## app/responsible_adults.rs [unchecked]
msg-give-their-name = rhowch eu henw
msg-say-whether-they-are-her-parent-guardian-or-appropriate = dywedwch ai ei rhiant, ei gwarcheidwad neu ei hoedolyn priodol ydyn nhw
msg-may-contain-only-digits-spaces-and = dim ond digidau, bylchau a + ( ) - a gaiff fod ynddo
msg-give-a-language-code-such-as-en-or-cy = rhowch god iaith fel en neu cy
msg-say-how-they-stand-to-her = dywedwch beth yw eu perthynas â hi
msg-belongs-to-someone-she-or-the-court-excluded-they = yn perthyn i rywun a gafodd ei eithrio ganddi hi neu gan y llys: ni ddywedir dim wrthyn nhw byth
msg-their-role-has-ended-record-them-again-if-they = mae eu rôl wedi dod i ben: cofnodwch nhw eto os ydyn nhw'n oedolyn cyfrifol iddi unwaith eto
msg-they-are-already-excluded = maen nhw eisoes wedi'u heithrio

## app/risk_meetings.rs [unchecked]
msg-must-be-on-or-after-the-day-of-the = rhaid iddo fod ar ddiwrnod y cyfarfod neu wedi hynny
msg-say-which-agency-carries-the-action = dywedwch pa asiantaeth sy'n gyfrifol am y cam gweithredu
msg-leave-out-the-organisation-when-you-carry-the-action = gadewch y sefydliad allan pan mai chi sy'n gyfrifol am y cam gweithredu
msg-the-meeting-was-cancelled-record-the-new-meeting-instead = cafodd y cyfarfod ei ganslo; cofnodwch y cyfarfod newydd yn lle hynny
msg-the-meeting-has-not-taken-place-yet-record-its = nid yw'r cyfarfod wedi cael ei gynnal eto: cofnodwch ei gamau gweithredu ar ei ôl
msg-is-not-an-organisation-in-the-directory = nid yw'n sefydliad yn y cyfeiriadur

## app/safety_plans.rs [unchecked]
msg-must-be-on-a-day-the-hearing-sits = rhaid iddo fod ar ddiwrnod y mae'r gwrandawiad yn eistedd
msg-must-be-no-later-than-the-hearing-s-start = rhaid iddo fod heb fod yn hwyrach na dechrau'r gwrandawiad y diwrnod hwnnw
msg-say-who-meets-her-when-a-time-or-place = dywedwch pwy sy'n cwrdd â hi pan roddir amser neu le
msg-may-not-be-in-the-future = ni chaiff fod yn y dyfodol
msg-say-when-it-was-agreed-or-leave-out-who = dywedwch pryd y cytunwyd arno, neu gadewch allan pwy a gytunodd arno
msg-give-either-the-consent-record-or-the-single-point = rhowch naill ai'r cofnod caniatâd neu'r cytundeb un pwynt cyswllt, nid y ddau
msg-no-single-point-of-contact-agreement-is-recorded-for = nid oes cytundeb un pwynt cyswllt wedi'i gofnodi ar gyfer y dioddefwr hwn
msg-is-not-this-victim-s-witness-service-referral-consent = nid dyma ganiatâd y dioddefwr hwn sydd mewn grym ar gyfer atgyfeirio at y Gwasanaeth Tystion: cofnodwch un, neu gadewch ef allan i gadw'r cynllun i chi eich hun
msg-the-hearing-was-vacated-there-is-no-court-day = cafodd y gwrandawiad ei ddileu: nid oes diwrnod llys i'w gynllunio
msg-a-safety-plan-is-already-recorded-for-this-hearing = mae cynllun diogelwch eisoes wedi'i gofnodi ar gyfer y gwrandawiad hwn: newidiwch ef yn lle hynny
msg-the-plan-is-already-marked-agreed = mae'r cynllun eisoes wedi'i nodi fel un y cytunwyd arno

## app/statement_appointments.rs [unchecked]
msg-must-be-a-different-supporter-from-the-one-booked = rhaid iddo fod yn gefnogwr gwahanol i'r un a drefnwyd
msg-statement-appointments-are-for-criminal-cases-this-is-a = mae apwyntiadau datganiad ar gyfer achosion troseddol: achos teulu yw hwn
msg-is-not-one-of-the-victim-s-supporters-now = nid yw'n un o gefnogwyr y dioddefwr ar hyn o bryd: neilltuwch nhw iddi yn gyntaf
msg-the-case-has-no-witness-care-unit-add-it = nid oes gan yr achos uned gofal tystion: ychwanegwch hi at yr achos yn gyntaf
msg-is-not-a-witness-care-officer-of-the-case = nid yw'n swyddog gofal tystion yn uned yr achos
msg-matches-the-victim-s-own-address-give-the-police = yr un peth â chyfeiriad y dioddefwr ei hun: rhowch orsaf yr heddlu neu'r lleoliad yn lle hynny
msg-the-appointment-was-withdrawn-book-a-new-one-instead = cafodd yr apwyntiad ei dynnu'n ôl: trefnwch un newydd yn lle hynny
msg-the-appointment-was-already-withdrawn = roedd yr apwyntiad eisoes wedi'i dynnu'n ôl

## app/trial_updates.rs [unchecked]
msg-names-someone-twice = yn enwi rhywun ddwywaith
msg-give-the-contact-s-email-address = rhowch gyfeiriad e-bost y cyswllt
msg-give-the-contact-s-name = rhowch enw'r cyswllt

## app/updates.rs [unchecked]
msg-is-not-a-case-of-this-victim = nid yw'n achos i'r dioddefwr hwn

## app/webhooks.rs [unchecked]
msg-must-be-the-id-of-an-existing-organisation = rhaid iddo fod yn ddynodydd sefydliad sy'n bodoli

## court_lists/apply.rs [unchecked]
msg-is-not-a-court-in-the-directory-give-its = nid yw'n llys yn y cyfeiriadur (rhowch ei ddynodydd neu ei enw)

## error.rs [unchecked]
msg-a-record-with-the-same-unique-value-already-exists = mae cofnod gyda'r un gwerth unigryw eisoes yn bodoli
msg-the-record-refers-to-something-that-does-not-exist = mae'r cofnod yn cyfeirio at rywbeth nad yw'n bodoli

## notify/ack.rs [unchecked]
msg-this-notice-does-not-ask-to-be-acknowledged = nid yw'r hysbysiad hwn yn gofyn am gydnabyddiaeth

## notify/delivery.rs [unchecked]
msg-only-a-failed-or-dead-lettered-notice-can-be = dim ond hysbysiad a fethodd neu a roddwyd o'r neilltu y gellir rhoi cynnig arall arno

## reporting/mod.rs [unchecked]
msg-must-be-month-quarter-or-custom = rhaid iddo fod yn fis, chwarter neu gyfnod penodol
msg-is-required-for-a-custom-period = mae'n ofynnol ar gyfer cyfnod penodol
msg-must-be-on-or-after-from = rhaid iddo fod ar y dyddiad cychwyn neu wedi hynny
msg-a-custom-period-may-be-at-most-days-long = gall cyfnod penodol fod yn { $MAX_CUSTOM_DAYS } diwrnod o hyd ar y mwyaf
msg-must-be-crown-magistrates-family-or-combined = rhaid iddo fod yn Llys y Goron, ynadon, teulu neu gyfun
msg-must-be-criminal-or-family = rhaid iddo fod yn droseddol neu'n deulu
msg-must-be-json-or-csv = rhaid iddo fod yn json neu csv

## resources/attendance_requests.rs [unchecked]
msg-is-required-when-the-state-is-record-the-court = mae'n ofynnol pan fo'r cyflwr yn { $arg1 }: cofnodwch reswm y llys
msg-is-only-recorded-with-a-refusal-or-a-direction = dim ond gyda gwrthodiad neu gyfarwyddyd na ddylai'r cynghorydd fod yn bresennol, neu nad oes angen iddo fod, y caiff ei gofnodi
msg-is-required-when-the-state-is-allowed-with-conditions = mae'n ofynnol pan ganiateir gydag amodau
msg-cannot-be-changed-make-a-new-request-for-the = ni ellir ei newid; gwnewch gais newydd ar gyfer y gwrandawiad arall
msg-cannot-be-changed-the-other-supporter-makes-their-own = ni ellir ei newid; mae'r cefnogwr arall yn gwneud ei gais ei hun
msg-the-request-is-closed-and-can-no-longer-change = mae'r cais wedi'i gau ({ $arg1 }) ac ni all newid mwyach; gwnewch gais newydd
msg-is-not-a-hearing-you-support-or-handle = nid yw'n wrandawiad rydych yn ei gefnogi neu'n ymdrin ag ef
msg-the-hearing-is-attendance-can-be-requested-only-for = statws y gwrandawiad yw { $status }; dim ond ar gyfer gwrandawiad sydd wedi'i restru neu ei symud y gellir gofyn am gael bod yn bresennol
msg-is-not-currently-assigned-to-this-hearing-s-victim = nid yw wedi'i neilltuo i ddioddefwr y gwrandawiad hwn ar hyn o bryd
msg-you-already-have-an-open-attendance-request-for-this = mae gennych gais agored eisoes i fod yn bresennol yn y gwrandawiad hwn; newidiwch hwnnw
msg-you-may-only-request-your-own-attendance = dim ond ar gyfer eich presenoldeb eich hun y cewch wneud cais
msg-a-new-request-starts-as-requested = mae cais newydd yn dechrau fel cais a wnaed

## resources/cases.rs [unchecked]
msg-a-criminal-case-needs-its-urn-or-the-court = mae angen URN ar achos troseddol (neu rif achos y llys)
msg-a-family-or-civil-case-needs-the-court-s = mae angen rhif achos y llys ar achos teulu neu sifil
msg-only-a-criminal-case-has-an-offence-group = dim ond achos troseddol sydd â grŵp trosedd
msg-may-contain-only-letters-digits-spaces-and = dim ond llythrennau, digidau, bylchau a / a gaiff fod ynddo

## resources/consents.rs [unchecked]
msg-is-required-when-the-basis-is-record-why-sharing = mae'n ofynnol pan mai'r sail yw { $arg1 }: cofnodwch pam mae rhannu'n gyfreithlon heb ganiatâd
msg-is-in-the-future = mae yn y dyfodol
msg-is-before-given-at = mae cyn y dyddiad y rhoddwyd y caniatâd
msg-a-withdrawal-cannot-be-undone-or-moved-record-a = ni ellir dadwneud na symud tynnu'n ôl; cofnodwch ganiatâd newydd
msg-is-required = mae'n ofynnol

## resources/courts.rs [unchecked]
msg-a-court-of-this-name-is-already-in-the = mae llys o'r enw hwn eisoes yn y cyfeiriadur

## resources/hearings.rs [unchecked]
msg-must-be-between-1-and-minutes = rhaid iddo fod rhwng 1 a { $MAX_ESTIMATED_MINUTES } munud
msg-a-victim-who-gives-evidence-attends-in-person-or = mae dioddefwr sy'n rhoi tystiolaeth yn bresennol, yn bersonol neu drwy gyswllt byw
msg-is-in-the-past-a-hearing-must-start-in = mae yn y gorffennol; rhaid i wrandawiad { $arg1 } ddechrau yn y dyfodol (cofnodwch wrandawiadau a fu fel rhai a ddaeth i ben, a ohiriwyd neu a ddilëwyd)
msg-is-only-recorded-for-a-concluded-hearing-set-status = dim ond ar gyfer gwrandawiad a ddaeth i ben y caiff ei gofnodi (gosodwch y statws i 'daeth i ben'; mae gohirio neu ddileu yn statws ynddo'i hun)
msg-cannot-be-other-choose-a-structured-outcome-and-put = ni all fod yn 'arall': dewiswch ganlyniad strwythuredig a rhowch unrhyw fanylion yn y nodyn
msg-needs-the-sentence-length-in-months = mae angen hyd y ddedfryd mewn misoedd
msg-the-sentence-length-must-be-between-1-and-1200 = rhaid i hyd y ddedfryd fod rhwng 1 a 1200 mis
msg-a-sentence-of-this-type-has-no-length-in = nid oes hyd mewn misoedd i ddedfryd o'r math hwn: gadewch y misoedd allan
msg-a-hearing-does-not-belong-in-a-case = nid yw gwrandawiad { $arg1 } yn perthyn i achos { $case_kind }

## resources/mod.rs [unchecked]
msg-cannot-be-changed = ni ellir ei newid: { $why }
msg-is-not-a-court-in-the-directory = nid yw'n llys yn y cyfeiriadur
msg-is-not-a-known-organisation-of-kind = nid yw'n sefydliad hysbys o'r math { $kind }
msg-is-not-a-victim-you-support-or-handle = nid yw'n ddioddefwr rydych yn ei gefnogi neu'n ymdrin ag ef
msg-is-not-a-case-you-support-or-handle = nid yw'n achos rydych yn ei gefnogi neu'n ymdrin ag ef

## resources/organisations.rs [unchecked]
msg-only-a-witness-service-or-a-court-s-listing = dim ond Gwasanaeth Tystion neu swyddfa restru llys sy'n gwasanaethu llys
msg-cannot-be-changed-while-users-cases-victims-or-parole = ni ellir ei newid tra bo defnyddwyr, achosion, dioddefwyr neu gerrig milltir parôl yn cyfeirio at y sefydliad hwn

## resources/parole_milestones.rs [unchecked]
msg-is-recorded-only-for-a-hearing-listed-milestone = dim ond ar gyfer carreg filltir 'gwrandawiad wedi'i restru' y caiff ei gofnodi
msg-is-required-for-a-decision-made-milestone = mae'n ofynnol ar gyfer carreg filltir 'penderfyniad wedi'i wneud'
msg-is-recorded-only-for-a-decision-made-milestone = dim ond ar gyfer carreg filltir 'penderfyniad wedi'i wneud' y caiff ei gofnodi

## resources/pre_trial_visits.rs [unchecked]
msg-is-required-when-the-visit-is = mae'n ofynnol pan fo'r ymweliad yn { $arg1 }
msg-is-in-the-past-a-visit-must-be-in = mae yn y gorffennol; rhaid i ymweliad { $arg1 } fod yn y dyfodol (cofnodwch ymweliad a fu fel un a fynychwyd neu a ganslwyd)
msg-is-in-the-future-a-visit-is-attended-only = mae yn y dyfodol; dim ond ar ôl iddo ddigwydd y mae ymweliad wedi'i fynychu
msg-is-not-a-valid-date-and-time = nid yw'n ddyddiad ac amser dilys
msg-is-not-a-hearing-of-this-case = nid yw'n wrandawiad yn yr achos hwn

## resources/special_measures.rs [unchecked]
msg-name-at-least-one-measure-discussed = enwch o leiaf un mesur a drafodwyd
msg-repeats = yn ailadrodd { $m }
msg-is-required-when-supporter-present-is-true-name-the = mae'n ofynnol pan oedd cefnogwr yn bresennol: enwch y cefnogwr a oedd yno
msg-is-in-the-future-record-a-discussion-once-it = mae yn y dyfodol; cofnodwch drafodaeth unwaith y bydd wedi digwydd
msg-is-not-a-supporter-currently-assigned-to-this-case = nid yw'n gefnogwr sydd wedi'i neilltuo i ddioddefwr yr achos hwn ar hyn o bryd

## resources/supporter_assignments.rs [unchecked]
msg-is-before-starts-on = mae cyn y dyddiad dechrau
msg-is-required-when-is-spoc-is-true-the-date = mae'n ofynnol pan fo'r cefnogwr yn un pwynt cyswllt: y dyddiad y llofnodwyd y cytundeb cyswllt â'r cleient
msg-is-recorded-only-when-is-spoc-is-true-leave = dim ond pan fo'r cefnogwr yn un pwynt cyswllt y caiff ei gofnodi; gadewch ef allan fel arall
msg-is-in-the-future-record-the-date-the-agreement = mae yn y dyfodol; cofnodwch y dyddiad y llofnodwyd y cytundeb
msg-overlaps-another-assignment-of-this-supporter-to-this-victim = yn gorgyffwrdd â neilltuad arall o'r cefnogwr hwn i'r dioddefwr hwn; newidiwch hwnnw yn lle hynny
msg-the-victim-already-has-another-single-point-of-contact = mae gan y dioddefwr un pwynt cyswllt arall eisoes am ran o'r cyfnod hwn
msg-is-not-an-active-supporter = nid yw'n gefnogwr gweithredol
msg-you-may-only-record-your-own-assignments = dim ond eich neilltuadau eich hun y cewch eu cofnodi
msg-is-not-a-supporter-in-your-organisation = nid yw'n gefnogwr yn eich sefydliad
msg-cannot-be-changed-end-this-assignment-and-record-a = ni ellir ei newid; dewch â'r neilltuad hwn i ben a chofnodwch un newydd

## resources/tasks.rs [unchecked]
msg-this-task-was-cancelled-by-a-later-change-and = cafodd y dasg hon ei chanslo gan newid diweddarach ac ni ellir ei gwneud

## resources/users.rs [unchecked]
msg-must-be-at-least-characters-long = rhaid iddo fod o leiaf { $MIN_PASSWORD_CHARS } nod o hyd
msg-may-be-at-most-characters-long = caiff fod yn { $MAX_PASSWORD_CHARS } nod o hyd ar y mwyaf
msg-is-already-used-by-another-user = mae defnyddiwr arall eisoes yn ei ddefnyddio
msg-is-not-a-known-organisation = nid yw'n sefydliad hysbys
msg-a-cannot-belong-to-an-organisation-of-kind = ni all { $arg1 } berthyn i sefydliad o'r math { $kind }
msg-a-user-cannot-be-their-own-manager = ni all defnyddiwr fod yn rheolwr arno'i hun
msg-is-not-a-user-in-the-same-organisation = nid yw'n ddefnyddiwr yn yr un sefydliad
msg-can-only-be-set-when-the-account-is-created = dim ond wrth greu'r cyfrif y gellir ei osod; gadewch ef allan wrth newid defnyddiwr
msg-you-cannot-deactivate-your-own-account = ni allwch ddadactifadu eich cyfrif eich hun
msg-you-cannot-change-your-own-role = ni allwch newid eich rôl eich hun
msg-cannot-change-from-supporter-while-the-user-has-current = ni all newid o fod yn gefnogwr tra bo gan y defnyddiwr neilltuadau cyfredol neu yn y dyfodol; dewch â nhw i ben yn gyntaf

## resources/victims.rs [unchecked]
msg-is-already-used-for-another-victim = mae eisoes yn cael ei ddefnyddio ar gyfer dioddefwr arall
msg-details-are-already-recorded-for-this-victim-change-them = mae manylion eisoes wedi'u cofnodi ar gyfer y dioddefwr hwn; newidiwch nhw yn lle hynny
msg-cannot-be-changed-2 = ni ellir ei newid

## validate.rs [unchecked]
msg-is-required-and-may-not-be-blank = mae'n ofynnol ac ni chaiff fod yn wag
msg-may-be-left-out-but-not-blank = gellir ei adael allan, ond ni chaiff fod yn wag
msg-is-characters-long-at-most-are-allowed = mae'n { $n } nod o hyd; { $max } yw'r uchafswm a ganiateir
msg-names-or-send-the-instant-in-utc-ending-z = yn enwi { $skipped } (neu anfonwch yr amser yn UTC, yn gorffen â Z)
msg-must-be-a-date-and-time-with-its-utc = rhaid iddo fod yn ddyddiad ac amser gyda'i wrthbwyso UTC, e.e. 2026-03-30T10:00:00+01:00
msg-must-be-a-real-date-written-yyyy-mm-dd = rhaid iddo fod yn ddyddiad go iawn wedi'i ysgrifennu BBBB-MM-DD, e.e. 2026-03-30
msg-must-be-the-id-of-an-existing-record-a = rhaid iddo fod yn ddynodydd cofnod sy'n bodoli (UUID)
msg-must-be-an-email-address-such-as-name-example = rhaid iddo fod yn gyfeiriad e-bost fel enw@enghraifft.org

## web/api/agenda.rs [unchecked]
msg-must-be-a-date-written-yyyy-mm-dd-such = rhaid iddo fod yn ddyddiad wedi'i ysgrifennu BBBB-MM-DD, fel 2026-12-07

## web/api/consent_undo.rs [unchecked]
msg-the-time-to-undo-this-withdrawal-ended-at-uk = daeth yr amser i ddadwneud y tynnu'n ôl hwn i ben am { $arg1 } (amser y DU); cofnodwch ganiatâd newydd yn lle hynny
msg-this-consent-was-not-withdrawn-so-there-is-nothing = ni chafodd y caniatâd hwn ei dynnu'n ôl, felly nid oes dim i'w ddadwneud
msg-a-consent-of-this-scope-is-already-in-force = mae caniatâd o'r math hwn eisoes mewn grym eto ar gyfer y dioddefwr hwn; nid oes angen gwneud dim mwy

## web/api/court_lists.rs [unchecked]
msg-is-not-a-list-type-courtside-reads-use-one = nid yw'n fath o restr y mae Courtside yn ei darllen; defnyddiwch un o: { $arg1 }

## web/extract.rs [unchecked]
msg-is-not-a-field-of-this-record-check-the = nid yw'n faes yn y cofnod hwn; gwiriwch y sillafu
msg-must-be-the-etag-you-read-e-g-3 = rhaid iddo fod yr ETag a ddarllenoch, e.e. "3"

## court_lists [unchecked]
msg-a-newer-version-of-this-has-been-imported-already = mae fersiwn mwy diweddar o'r { $arg1 } hwn (a gyhoeddwyd { $arg2 }) wedi'i fewnforio eisoes; mae'r un hwn, a gyhoeddwyd { $arg3 }, yn hŷn ac ni chafodd ei gymhwyso
msg-a-different-with-the-same-publication-time-has-been = mae { $arg1 } gwahanol gyda'r un amser cyhoeddi ({ $arg2 }) wedi'i fewnforio eisoes; rhaid i restr wedi'i chywiro fod ag amser cyhoeddi diweddarach
msg-is-needed-the-document-has-the-shape-of-none = mae ei angen: nid oes gan y ddogfen siâp unrhyw un o'r rhestrau y mae Courtside yn eu darllen; anfonwch un o { $arg1 }

## Field labels before a message (web::ui's place functions) [unchecked]
label-court = Llys
label-her-name = Ei henw
label-how-it-ended = Sut y daeth i ben
label-how-they-stand-to-her = Eu perthynas â hi
label-medical-information = Gwybodaeth feddygol
label-start = Dechrau
label-the-crown-court-code = Cod Llys y Goron
label-the-urn = Yr URN
label-the-address = Y cyfeiriad
label-the-agency = Yr asiantaeth
label-the-agreement-date = Dyddiad y cytundeb
label-the-alternative-supporter = Y cefnogwr arall
label-the-appointment = Yr apwyntiad
label-the-area-or-panel = Yr ardal neu'r panel
label-the-arrangements = Y trefniadau
label-the-basis = Y sail
label-the-case-type = Math yr achos
label-the-conditions = Yr amodau
label-the-consent = Y caniatâd
label-the-contact-s-name = Enw'r cyswllt
label-the-court = Y llys
label-the-court-case-number = Rhif achos y llys
label-the-court-s-reason = Rheswm y llys
label-the-courtroom = Ystafell y llys
label-the-date = Y dyddiad
label-the-date-and-time = Y dyddiad a'r amser
label-the-date-it-was-agreed = Y dyddiad y cytunwyd arno
label-the-day-it-ended = Y diwrnod y daeth i ben
label-the-day-it-was-offered = Y diwrnod y cafodd ei gynnig
label-the-day-she-was-told = Y diwrnod y cafodd wybod
label-the-day-the-order-was-made = Y diwrnod y gwnaed y gorchymyn
label-the-decision = Y penderfyniad
label-the-due-date = Y dyddiad dyledus
label-the-email-address = Y cyfeiriad e-bost
label-the-end-date = Y dyddiad gorffen
label-the-entrance = Y fynedfa
label-the-exit = Yr allanfa
label-the-expected-length = Yr hyd disgwyliedig
label-the-first-day = Y diwrnod cyntaf
label-the-hearing-format = Fformat y gwrandawiad
label-the-incident-date = Dyddiad y digwyddiad
label-the-interpreter-language = Iaith y cyfieithydd
label-the-kind = Y math
label-the-kind-of-hearing = Math y gwrandawiad
label-the-kind-of-meeting = Math y cyfarfod
label-the-kind-of-order = Math y gorchymyn
label-the-kind-of-reason = Math y rheswm
label-the-language = Yr iaith
label-the-last-day = Y diwrnod olaf
label-the-manager = Y rheolwr
label-the-measures = Y mesurau
label-the-meeting = Y cyfarfod
label-the-milestone = Y garreg filltir
label-the-name = Yr enw
label-the-need = Yr angen
label-the-new-start = Y dechrau newydd
label-the-note = Y nodyn
label-the-offence = Y drosedd
label-the-officer = Y swyddog
label-the-organisation = Y sefydliad
label-the-outcome = Y canlyniad
label-the-parent-or-guardian-s-name = Enw'r rhiant neu'r gwarcheidwad
label-the-password = Y cyfrinair
label-the-place = Y lle
label-the-reason = Y rheswm
label-the-reference = Y cyfeirnod
label-the-role = Y rôl
label-the-safe-hours = Yr oriau diogel
label-the-single-point-of-contact = Yr un pwynt cyswllt
label-the-start = Y dechrau
label-the-supporter = Y cefnogwr
label-the-telephone = Y ffôn
label-the-telephone-number = Y rhif ffôn
label-the-time = Yr amser
label-the-time-she-is-met = Yr amser y caiff ei chyfarfod
label-the-town = Y dref
label-the-update = Y diweddariad
label-the-victim = Y dioddefwr
label-the-victim-s-attendance = Presenoldeb y dioddefwr
label-their-name = Eu henw
label-what-is-to-be-done = Beth sydd i'w wneud
label-what-may-be-shared = Beth y gellir ei rannu
label-where-it-took-place = Ble y cafodd ei gynnal
label-where-she-is-met = Ble y caiff ei chyfarfod
label-where-she-waits = Ble mae hi'n aros
label-who-agreed-it = Pwy a gytunodd arno
label-who-carries-it = Pwy sy'n gyfrifol amdano
label-who-decided = Pwy a benderfynodd
label-who-meets-her = Pwy sy'n cwrdd â hi
label-who-was-told = Pwy a gafodd wybod

## web/ui [unchecked]
msg-this-request-is-closed = mae'r cais hwn wedi'i gau
