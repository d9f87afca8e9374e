### Tudalennau Courtside yn Gymraeg (cy).
### Courtside's pages in Welsh. Same keys as locales/en/pages.ftl (a test
### checks). A group comment ending "[unchecked]" marks a section whose
### Welsh has not yet been checked by a Welsh speaker: heb ei wirio gan
### siaradwr Cymraeg. Remove the mark when a speaker has checked it, and
### update the list in docs/translating.md (a test keeps the two equal).

## Layout and menu [unchecked]

layout-error-prefix = Gwall:
layout-skip-link = Neidio i'r prif gynnwys
layout-sign-out = Allgofnodi
layout-main-menu = Prif ddewislen
layout-language-switch = Iaith
layout-email-off-label = Nid yw e-bost wedi'i osod
layout-email-off-heading = Nid yw e-bost wedi'i osod, felly nid oes unrhyw hysbysiad e-bost yn cael ei anfon
layout-email-off-body = Mae hysbysiadau i gefnogwyr ac asiantaethau yn aros heb eu hanfon nes bydd eich gweinyddwr yn gosod y gweinydd post (COURTSIDE_SMTP_URL) ac yn ailgychwyn Courtside. Yn y cyfamser, dywedwch wrth bobl dros y ffôn neu wyneb yn wyneb.
layout-footer-purpose = Mae Courtside yn helpu i gael ymgynghorydd annibynnol y dioddefwr wrth ei hochr yn y llys. Amser y DU (Europe/London) yw'r amseroedd.
layout-footer-privacy = Peidiwch byth â rhannu'r hyn a welwch yma ag unrhyw un nad oes ei angen arnynt. Nid yw cyfeiriadau dioddefwyr byth yn cael eu dangos.
language-name = Cymraeg
nav-home = Hafan
nav-week = Fy wythnos
nav-week-ahead = Yr wythnos i ddod
nav-cases = Achosion
nav-victims = Dioddefwyr
nav-calendar-feed = Ffrwd calendr
nav-tasks = I'w gwneud
nav-requests = Ceisiadau
nav-court-lists = Rhestrau llys
nav-parole = Parôl
nav-failed-messages = Negeseuon a fethodd
nav-partnership-report = Adroddiad partneriaeth
nav-settings = Gosodiadau
nav-reminders = Eich nodiadau atgoffa
nav-directory = Cyfeiriadur

## Forms [unchecked]
form-date-hint = Er enghraifft, 27 3 2026

form-back = Yn ôl
form-cancel = Canslo
form-skipped-time = Nid yw { $time } ar { $date } yn bodoli yn amser y DU: mae'r clociau'n mynd ymlaen o 1yb i 2yb y noson honno. Rhowch amser cyn 1yb neu o 2yb ymlaen.
form-enter-date = { $what }: rhowch ddyddiad
form-enter-time = { $what }: rhowch amser
form-date-not-real = { $what }: rhaid iddo fod yn ddyddiad go iawn
form-date-missing-part = { $what }: rhaid iddo gynnwys { $part }
form-date-part-day = diwrnod
form-date-part-month = mis
form-date-part-year = blwyddyn
form-time-not-real = { $what }: rhaid iddo fod yn amser ar y cloc 24 awr, er enghraifft 14:30
form-warning = Rhybudd
form-error-prefix = Gwall:
form-date-day = Diwrnod
form-date-month = Mis
form-date-year = Blwyddyn
form-error-summary-title = Mae problem
form-stale-heading = Mae rhywun arall wedi newid y cofnod hwn ({ $what }) tra oeddech yn gweithio arno
form-stale-body = Nid oes dim a roesoch wedi'i gadw eto. Mae'r manylion sydd wedi'u storio nawr i'w gweld isod. Gwiriwch nhw, newidiwch eich atebion os oes angen, a chadwch eto.

## Sign in [unchecked]

sign-in-title = Mewngofnodi
sign-in-signed-out = Rydych wedi allgofnodi.
sign-in-heading = Mewngofnodi i Courtside
sign-in-intro = Defnyddiwch y cyfeiriad e-bost a'r cyfrinair a roddodd eich sefydliad i chi.
sign-in-button = Mewngofnodi
sign-in-oidc-heading = Neu defnyddiwch gyfrif eich sefydliad
sign-in-oidc-button = Mewngofnodi gyda chyfrif eich sefydliad
sign-in-email = Cyfeiriad e-bost
sign-in-password = Cyfrinair
sign-in-error-email = Rhowch eich cyfeiriad e-bost
sign-in-error-password = Rhowch eich cyfrinair
sign-in-error-no-match = Rhowch y cyfeiriad e-bost a'r cyfrinair a roddwyd i chi: nid ydynt yn cyfateb i gyfrif

## Home [unchecked]
home-summary-unit-tasks = Mae gan eich uned { $count } { $count ->
    [one] dasg agored
   *[other] tasg agored
}.
home-summary-requests = { $count ->
    [0] Nid oes unrhyw geisiadau'n aros i chi eu cadarnhau.
    [one] Mae 1 cais yn aros i chi ei gadarnhau.
   *[other] Mae { $count } cais yn aros i chi eu cadarnhau.
}
home-summary-failed = { $count ->
    [0] Nid oes unrhyw negeseuon wedi methu.
    [one] Mae 1 neges wedi methu neu nid oedd modd ei hanfon.
   *[other] Mae { $count } neges wedi methu neu nid oedd modd eu hanfon.
}

home-title = Hafan
home-hello = Helo, { $name }
home-nothing-for-role = Does dim byd i'ch rôl chi ar y tudalennau hyn eto. Mae gwaith eich sefydliad yn cael ei wneud drwy API Courtside.
home-inbox-text = { $count ->
    [0] Does dim angen eich sylw: ni fethodd unrhyw neges a does dim rhybuddion diweddar ar eich achosion.
    [one] Mae 1 peth angen eich sylw: neges a fethodd neu rybudd ar un o'ch achosion.
   *[other] Mae { $count } peth angen eich sylw: negeseuon a fethodd a rhybuddion ar draws eich achosion, pob un yn dweud beth i'w wneud.
}
home-week-label = Fy wythnos
home-week-text = Eich gwrandawiadau, ymweliadau cyn treial, cerrig milltir parôl a thasgau am y 7 diwrnod nesaf, gyda gwrthdaro wedi'i nodi.
home-cases-supporter-label = Achosion
home-cases-supporter-text = Achosion y dioddefwyr rydych yn eu cefnogi: gwrandawiadau, caniatâd, ceisiadau i fod yn bresennol a phob hysbysiad.
home-victims-supporter-label = Dioddefwyr
home-victims-supporter-text = Ychwanegwch ddioddefwr rydych yn ei gefnogi, neu newidiwch ei gyfeirnod, ei iaith a'i hawliau.
home-reminders-label = Eich nodiadau atgoffa
home-reminders-text = Cael pob nodyn atgoffa am wrandawiad neu ymweliad fel neges ar ei phen ei hun, neu nodiadau atgoffa'r dydd yn eich neges ddyddiol am 07:30.
home-cases-wco-label = Achosion eich uned
home-cases-wco-text = Ychwanegu neu symud gwrandawiadau, cofnodi trafodaethau am fesurau arbennig, a nodi penderfyniadau'r llys.
home-tasks-label = I'w gwneud
home-tasks-text = Pa gefnogwyr sydd i gael gwybod beth, ac erbyn pryd.
home-victims-wco-label = Dioddefwyr
home-victims-wco-text = Ychwanegu dioddefwr, neu newid ei gyfeirnod, ei iaith a'i hawliau.
home-requests-wco-label = Ceisiadau
home-requests-wco-text = Ceisiadau i'ch uned: cadarnhewch bob un sydd gennych ar y gweill.
home-court-lists-label = Rhestrau llys
home-court-lists-text = Llwythwch restr gyhoeddedig y llys a gweld pa wrandawiadau a symudodd a phwy a gafodd wybod.
home-parole-label = Parôl
home-parole-text = Cofnodi cerrig milltir parôl a gweld pa rai a rannwyd gyda'r cefnogwr, ac ar ba sail.
home-failed-messages-label = Negeseuon a fethodd
home-failed-messages-text = Hysbysiadau nad oedd modd eu danfon.
home-cases-manager-label = Achosion
home-cases-manager-text = Llwyth achosion eich sefydliad.
home-requests-court-label = Ceisiadau
home-requests-court-text = Cefnogwyr a nodwyd i'r llys a cheisiadau am wrandawiadau: cadarnhewch bob un sydd gennych ar y gweill.
home-lead-time-label = Amser arwain ar gyfer anghenion yn y llys
home-lead-time-text = Sawl diwrnod gwaith o rybudd sydd ei angen ar eich llys i drefnu cyfieithwyr, cyfryngwyr ac ystafelloedd.
home-requests-ws-label = Ceisiadau
home-requests-ws-text = Ceisiadau am ymweliadau cyn treial a chymorth ar y diwrnod: cadarnhewch bob un sydd gennych ar y gweill.
home-inbox-label = Angen eich sylw
home-directory-people-label = Pobl
home-directory-people-text = Ychwanegu'r bobl sy'n mewngofnodi, newid eu rôl neu eu sefydliad, ac atal rhywun rhag mewngofnodi pan fyddant yn gadael.
home-directory-organisations-label = Sefydliadau
home-directory-organisations-text = Y gwasanaethau cymorth, unedau gofal tystion, Gwasanaethau Tystion, swyddfeydd rhestru'r llysoedd a rhanbarthau prawf sy'n cydweithio, a ble mae eu hysbysiadau'n mynd.
home-directory-courts-label = Llysoedd
home-directory-courts-text = Y llysoedd y mae gwrandawiadau wedi'u rhestru ynddynt, eu codau Llys y Goron, a pha rai sydd yng Nghymru.

## My week [unchecked]

week-bad-date = Nid oedd modd darllen y dyddiad hwnnw, felly dyma'r wythnos o heddiw. Defnyddiwch ddyddiad fel 2026-03-30.
week-uk-time = Amser y DU yw pob amser.
week-nav-label = Wythnosau
week-previous = Y 7 diwrnod blaenorol
week-from-today = O heddiw
week-next = Y 7 diwrnod nesaf
week-overdue-heading = Wedi pasio'r terfyn amser
week-was-due = Roedd yn ddyledus
week-by-when = erbyn { $due }
week-open-case = Agor yr achos
week-today = Heddiw
week-safety-plan-heading = Cynllun diogelwch ar gyfer y diwrnod
week-open-safety-plan = Agor y cynllun diogelwch
week-for-entry = ar gyfer { $title } am { $time }
week-updates-title = Diweddariadau ar y diwrnod
week-no-updates = Dim diweddariadau eto.
week-record-update = Cofnodi diweddariad
week-open-updates = Agor y diweddariadau
week-nothing = Dim byd ar y diwrnod hwn.
week-open-tasks = Tasgau agored
week-task-overdue = Yn hwyr
week-task-due = Dyledus
week-task-case = Achos { $case }
week-no-tasks = Does gennych chi ddim tasgau agored.
week-all-day = Drwy'r dydd
week-entry-at-place = { $title } yn { $place }
week-clash-overlap = Gwrthdaro: yn gorgyffwrdd â { $what } ({ $when })
week-clash-travel = Gwrthdaro: dim ond { $gap } munud i gyrraedd { $what } neu adael ({ $when }); caniatewch o leiaf { $least } munud rhwng llysoedd
week-hearing-named = { $kind } yn { $court }, { $when }
week-hearing = Gwrandawiad
week-service-plan-detail = Dioddefwr { $victim } · cynllun diogelwch ar gyfer y diwrnod
week-on-the-day = Ar y diwrnod
week-victim = Dioddefwr { $victim }
week-range = { $from } i { $to }
week-sitting-day = { $title } (diwrnod { $day } o { $days })
week-hearing-detail = Achos { $case } · dioddefwr { $victim }
week-hearing-detail-evidence = Achos { $case } · dioddefwr { $victim } · mae'r dioddefwr yn rhoi tystiolaeth
week-visit = Ymweliad cyn treial
week-visit-detail-attend = Achos { $case } · dioddefwr { $victim } · rydych chi'n mynd
week-parole-detail = Parôl · dioddefwr { $victim }
week-risk-meeting-detail = Cyfarfod risg · dioddefwr { $victim } · gwaith papur i'w gyflwyno erbyn { $due }
week-tag-risk-meeting = Cyfarfod risg
week-statement-part-supporter = Rydych wedi'ch trefnu ar gyfer cyn ac ar ôl (nid yn yr ystafell)
week-statement-part-alternative = Chi yw'r cefnogwr wrth gefn, rhag ofn bod y cefnogwr a drefnwyd i ffwrdd
week-statement-part-officer = Chi yw'r swyddog
week-statement-detail = { $part } · dioddefwr { $victim }
week-tag-statement = Datganiad
week-deadline = Terfyn amser
week-deadline-for = ar gyfer { $hearing }
week-deadline-case = achos { $case }
week-deadline-victim = dioddefwr { $victim }
week-deadline-unconfirmed = ffigur heb ei gadarnhau
week-deadline-due = Dyledus: { $what }
week-tag-deadline = Terfyn amser
week-no-date = Dim dyddiad wedi'i osod
week-clash-list-overlap = Yn gorgyffwrdd ar { $day } am { $first_time } a { $second } am { $second_time }
week-clash-list-travel = Rhy ychydig o amser rhwng llysoedd: ar { $day } am { $first_time } a { $second } am { $second_time }
week-clash-heading = { $count ->
    [one] 1 gwrthdaro yr wythnos hon
   *[other] { $count } gwrthdaro yr wythnos hon
}
week-note-clocks-forward = Mae'r clociau'n mynd ymlaen awr am 01:00 GMT ar { $day }. Mae'r amseroedd yma eisoes wedi'u haddasu.
week-note-clocks-back = Mae'r clociau'n mynd yn ôl awr am 01:00 GMT ar { $day }. Mae'r amseroedd yma eisoes wedi'u haddasu.

## Needs your attention (the inbox) [unchecked]
inbox-not-delivered-retrying = Heb ei anfon: { $what }. Rhoddir cynnig arall arni
inbox-not-delivered-given-up = Heb ei anfon: { $what }. Ni roddir cynnig arall arni: dywedwch wrthyn nhw mewn ffordd arall

inbox-needs-your-attention = Angen eich sylw
inbox-nothing-needs-your-attention-no = Does dim angen eich sylw: dim ceisiadau'n aros, dim negeseuon wedi methu, a dim rhybuddion ar eich achosion yn ystod y { $warning_days } diwrnod diwethaf.
inbox-messages-not-delivered = Negeseuon heb eu danfon
inbox-every-message-about-your-cases = Mae pob neges am eich achosion wedi'i danfon neu ar ei ffordd.
inbox-warnings-on-your-cases = Rhybuddion ar eich achosion
inbox-no-warnings-on-your-cases = Dim rhybuddion ar eich achosion yn ystod y { $warning_days } diwrnod diwethaf.
inbox-see-and-confirm = Gweld a chadarnhau
inbox-due = dyledus { $when }
inbox-each-says = Mae pob un yn dweud beth i'w wneud; mae rhai hŷn yn aros ar dudalen eu hachos.
inbox-raised = codwyd { $when }
inbox-requests = Ceisiadau
inbox-case-victim = Achos { $case } · dioddefwr { $victim }
inbox-requests-waiting = { $count ->
    [0] Does dim ceisiadau'n aros i chi eu cadarnhau.
    [one] Mae 1 cais yn aros i chi ei gadarnhau.
   *[other] Mae { $count } cais yn aros i chi eu cadarnhau.
}
inbox-warning-count = { $warnings } rhybudd yn ystod y { $days } diwrnod diwethaf, ar { $cases } achos.
inbox-more = Dim ond y { $most } rhybudd a'r { $most } neges a fethodd diweddaraf sy'n cael eu darllen yma; gweler tudalen pob achos am y gweddill.

## Cases [unchecked]

cases-open-a-case = Agor achos
cases-find-a-case = Dod o hyd i achos
cases-find-cases = Chwilio am achosion
cases-clear-the-search = Clirio'r chwiliad
cases-case = Achos
cases-victim = Dioddefwr
cases-court = Llys
cases-next-hearing = Gwrandawiad nesaf
cases-previous-page = Tudalen flaenorol
cases-next-page = Tudalen nesaf
cases-no-case-matches-check-the = Does dim achos yn cyfateb. Gwiriwch y cyfeirnod, neu chwiliwch gyda llai o fanylion.
cases-there-are-no-cases-for = Does dim achosion i chi eto.
cases-cases = Achosion
cases-pages = Tudalennau
cases-closed = ar gau
cases-not-set = Heb ei osod
cases-none-listed = Dim wedi'i restru
cases-count = { $count ->
    [one] 1 achos
   *[other] { $count } achos
}
cases-count-found = { $count ->
    [one] Cafwyd hyd i 1 achos
   *[other] Cafwyd hyd i { $count } achos
}
cases-showing = Yn dangos { $first } i { $last } o { $total }
cases-page-of = Tudalen { $page } o { $pages }
cases-heading-unit = Achosion eich uned
cases-heading-supporter = Achosion rydych yn eu cefnogi
cases-all-courts = Pob llys
cases-open-and-closed = Ar agor ac ar gau
cases-any-kind = Unrhyw fath
cases-civil-protective-order = Sifil (gorchymyn amddiffyn)
cases-search-reference = Cyfeirnod yr achos neu'r dioddefwr
cases-search-reference-hint = Y cyfan neu ran ohono, er enghraifft 13AB neu V-2026
cases-open-or-closed = Ar agor neu ar gau
cases-kind-of-case = Math o achos
cases-with-a-hearing-on = Gyda gwrandawiad ar
cases-hearing-on-hint = Er enghraifft, 27 3 2026

## A case and its hearings [unchecked]
case-discussion-supporter-present = Roedd y cefnogwr yn bresennol
case-discussion-supporter-absent = Nid oedd y cefnogwr yn bresennol, a rhaid dweud wrtho am y drafodaeth

case-all-cases = Pob achos
case-record-an-update-for-the = Cofnodi diweddariad i'r dioddefwr
case-change-details = Newid manylion yr achos
case-close-the-case = Cau'r achos
case-supporter = Cefnogwr
case-single-point-of-contact = Un pwynt cyswllt
case-change-the-assignment = Newid y neilltuo
case-end-the-assignment = Dod â'r neilltuo i ben
case-no-supporter-is-assigned-to = Does dim cefnogwr wedi'i neilltuo i'r dioddefwr hwn.
case-assign-a-supporter = Neilltuo cefnogwr
case-statements-and-abe-interviews = Datganiadau a chyfweliadau ABE
case-statement-and-abe-interview-appointments = Apwyntiadau datganiad a chyfweliad ABE
case-risk-meetings = Cyfarfodydd risg
case-marac-and-mappa-meetings = Cyfarfodydd MARAC a MAPPA
case-hearings = Gwrandawiadau
case-add-a-hearing = Ychwanegu gwrandawiad
case-warning = Rhybudd
case-outcome = Canlyniad:
case-requests-to-accompany-the-victim = Ceisiadau i fynd gyda'r dioddefwr
case-record-the-court-s-decision = Cofnodi penderfyniad y llys
case-update-your-request = Diweddaru eich cais
case-ask-to-accompany-the-victim = Gofyn am gael mynd gyda'r dioddefwr
case-safety-plan-for-the-day = Cynllun diogelwch ar gyfer y diwrnod
case-updates-on-the-day = Diweddariadau ar y diwrnod
case-record-the-outcome = Cofnodi'r canlyniad
case-move-this-hearing = Symud y gwrandawiad hwn
case-adjourn-this-hearing = Gohirio'r gwrandawiad hwn
case-vacate-this-hearing = Dileu'r gwrandawiad hwn
case-no-hearings-are-listed-for = Does dim gwrandawiadau wedi'u rhestru ar gyfer yr achos hwn.
case-pre-trial-visits = Ymweliadau cyn treial
case-arrange-a-pre-trial-visit = Trefnu ymweliad cyn treial
case-no-pre-trial-visits-are = Does dim ymweliadau cyn treial wedi'u cofnodi.
case-special-measures-discussions = Trafodaethau am fesurau arbennig
case-record-a-special-measures-discussion = Cofnodi trafodaeth am fesurau arbennig
case-none-recorded = Dim wedi'u cofnodi.
case-warnings = Rhybuddion
case-protective-orders-and-after-the = Gorchmynion amddiffyn ac ar ôl y canlyniad
case-in-force-ends = , mewn grym, yn dod i ben { $ends }.
case-no-protective-order-in-force = Does dim gorchymyn amddiffyn mewn grym wedi'i gofnodi.
case-protective-orders-reviews-and-compensation = Gorchmynion amddiffyn, adolygiadau ac iawndal
case-the-cps-meeting-before-trial = Y cyfarfod gyda Gwasanaeth Erlyn y Goron cyn y treial
case-record-the-cps-meeting = Cofnodi'r cyfarfod gyda Gwasanaeth Erlyn y Goron
case-consents = Caniatâd
case-record-a-consent = Cofnodi caniatâd
case-what-may-be-shared = Beth y gellir ei rannu
case-basis = Sail
case-given = Rhoddwyd
case-now = Nawr
case-in-force = Mewn grym
case-record-that-the-victim-withdrew = Cofnodi bod y dioddefwr wedi tynnu hyn yn ôl
case-consent = caniatâd ({ $scope })
case-not-in-force = Ddim mewn grym
case-withdrawn = Tynnwyd yn ôl { $withdrawn }
case-undo-the-withdrawal = Dadwneud y tynnu'n ôl
case-of-this-consent = y caniatâd hwn ({ $scope })
case-until = tan { $until }
case-no-consents-are-recorded-nothing = Does dim caniatâd wedi'i gofnodi. Does dim yn cael ei rannu gyda'r cefnogwr heb ganiatâd neu sail gyfreithlon arall wedi'i chofnodi.
case-open-tasks = Tasgau agored
case-overdue = Yn hwyr
case-notices-planned-and-sent = Hysbysiadau wedi'u cynllunio a'u hanfon
case-expected-to-last = Disgwylir iddo bara { $length }
case-note = Nodyn:
case-task-due = dyledus { $due }
case-case = Achos
case-title = Achos { $reference }
case-you = Chi
case-victims-supporter = { $role } y dioddefwr
case-spoc-signed = Un pwynt cyswllt (cytundeb cyswllt cleient wedi'i lofnodi { $date })
case-spoc-no-date = Un pwynt cyswllt (dim dyddiad cytundeb wedi'i gofnodi)
case-not-spoc = Nid yr un pwynt cyswllt: mae asiantaethau'n diweddaru'r dioddefwr yn uniongyrchol, a'r cefnogwr hefyd lle cydsyniodd y dioddefwr
case-conditions = Amodau: { $conditions }
case-court-reason = Rheswm y llys: { $reason }
case-a-supporter = Cefnogwr
case-victim-gives-evidence = Mae'r dioddefwr yn rhoi tystiolaeth
case-victim-gives-evidence-live-link = Mae'r dioddefwr yn rhoi tystiolaeth drwy gyswllt byw
case-victim-attends = Mae'r dioddefwr yn bresennol
case-victim-attends-live-link = Mae'r dioddefwr yn bresennol drwy gyswllt byw
case-by-live-link = Drwy gyswllt byw
case-no-time-yet = Dim amser eto
case-visit-change = Newid
case-visit-on = yr ymweliad ar { $when }
case-supporter-attends = Mae'r cefnogwr yn mynd
case-supporter-does-not-attend = Nid yw'r cefnogwr yn mynd
case-kind-and-reference = Achos { $kind } { $reference }
case-victim-enhanced = { $reference } (hawliau uwch)
case-status = Statws
case-status-open = Ar agor
case-status-closed = Ar gau
length-court-days = tua { $days } diwrnod llys
length-minutes = { $minutes } munud
length-hours = { $hours } awr
length-hours-minutes = { $hours } awr { $minutes } munud

## The notices table [unchecked]

notices-what = Beth
notices-to = At
notices-send-from = Anfon o
notices-basis = Sail
notices-state = Cyflwr
notices-no-notices = Dim hysbysiadau.
notices-notices = Hysbysiadau

## Confirmations after a form [unchecked]

done-hearing-added = Ychwanegwyd y gwrandawiad. Mae hysbysiadau wedi'u cynllunio i'r bobl y mae'n rhaid dweud wrthynt.
done-hearing-moved = Symudwyd y gwrandawiad. Bydd pawb a gafodd wybod am yr hen ddyddiad yn cael gwybod am y newid.
done-hearing-vacated = Dilëwyd y gwrandawiad. Mae negeseuon am ei ddyddiad nad oeddent wedi mynd wedi'u canslo, a bydd y rhai y mae'n rhaid dweud wrthynt yn cael gwybod.
done-hearing-adjourned = Gohiriwyd y gwrandawiad. Bydd pawb a gafodd wybod am yr hen ddyddiad yn cael gwybod am y newid.
done-outcome-recorded = Cofnodwyd y canlyniad. Bydd y dioddefwr a'r cefnogwr yn cael gwybod fel y mae'r rheolau'n ei gwneud yn ofynnol.
done-attendance-requested = Anfonwyd y cais i fod yn bresennol. Bydd yr uned gofal tystion yn cael gwybod.
done-decision-recorded = Mae penderfyniad y llys wedi'i gofnodi.
done-request-updated = Mae eich cais wedi'i ddiweddaru.
done-consent-recorded = Cofnodwyd y caniatâd.
done-consent-withdrawn = Tynnwyd y caniatâd yn ôl. Ni fydd dim mwy yn cael ei rannu arno.
done-consent-restored = Dadwnaed y tynnu'n ôl: mae'r caniatâd wedi'i gofnodi eto o nawr, ac mae rhannu arno'n dechrau eto.
done-consent-restored-notices = Dadwnaed y tynnu'n ôl: mae'r caniatâd wedi'i gofnodi eto o nawr, ac mae'r hysbysiadau a ataliwyd gan y tynnu'n ôl wedi'u cynllunio eto.
done-discussion-recorded = Cofnodwyd y drafodaeth am fesurau arbennig.
done-visit-arranged = Cofnodwyd yr ymweliad cyn treial.
done-visit-changed = Mae'r ymweliad cyn treial wedi'i gadw. Mae unrhyw un a gafodd wybod amdano yn cael gwybod am amser newydd, ac mae ei nodiadau atgoffa'n dilyn.
done-visit-cancelled = Mae'r ymweliad cyn treial wedi'i ganslo. Mae unrhyw un a gafodd wybod amdano yn cael gwybod, ac mae ei nodiadau atgoffa wedi dod i ben.
done-case-added = Agorwyd yr achos. Gallwch nawr ychwanegu ei wrandawiadau.
done-case-changed = Mae manylion yr achos wedi'u cadw.
done-case-closed = Caewyd yr achos. Mae ei hanes yn cael ei gadw.
done-supporter-assigned = Neilltuwyd cefnogwr.
done-assignment-changed = Mae neilltuo'r cefnogwr wedi'i gadw.
done-assignment-ended = Mae'r neilltuo wedi dod i ben. Mae unrhyw un sydd angen gwybod at bwy i droi nawr yn cael gwybod.
done-update-recorded = Cofnodwyd y diweddariad. Mae ei chefnogwr a hithau'n cael gwybod fel y mae'r rheolau a'i chaniatâd yn ei ganiatáu: gweler yr hysbysiadau isod.
done-update-recorded-none = Cofnodwyd y diweddariad, ond nid oedd modd dweud wrth neb: does ganddi ddim cefnogwr neu nid yw wedi cytuno i'w rannu. Gweler y rhybuddion isod.
done-cps-meeting-saved = Mae'r cyfarfod gyda Gwasanaeth Erlyn y Goron wedi'i gadw. Mae Gwasanaeth Erlyn y Goron yn cael gwybod am unrhyw newid yn yr hyn y mae hi ei eisiau.
done-cps-meeting-saved-not-told = Mae'r cyfarfod gyda Gwasanaeth Erlyn y Goron wedi'i gadw, ond ni chafodd ei dymuniad ei basio i Wasanaeth Erlyn y Goron: nid yw wedi cytuno y caiff ei chefnogwr ei enwi i'r erlyniad. Cofnodwch y caniatâd hwnnw, yna cadwch y cyfarfod eto.

## Asking to accompany the victim [unchecked]

attendance-case-victim = { $case } · dioddefwr { $victim }
attendance-hearing = Gwrandawiad
attendance-starts = Yn dechrau
attendance-where = Ble
attendance-ask-title = Gofyn am gael mynd gyda'r dioddefwr
attendance-ask-heading = Gofyn am gael mynd gyda'r dioddefwr yn y gwrandawiad hwn
attendance-ask-intro-unit = Bydd yr uned gofal tystion yn cael gwybod bod cefnogwr yn ei le ac y bydd yn mynd. Maen nhw'n dweud wrth Wasanaeth Erlyn y Goron, sy'n codi'r mater gyda'r llys; y llys sy'n penderfynu.
attendance-ask-intro-at-court = Yn y llys rydych yn cefnogi'r dioddefwr: nid ydych yn trafod y dystiolaeth, yn siarad ar ei ran, nac yn rhoi cyngor cyfreithiol.
attendance-ask-submit = Anfon y cais
attendance-ask-wish = Dymuniad y dioddefwr
attendance-ask-wish-yes = Mae { $victim } wedi dweud wrthyf ei fod eisiau i mi fod wrth ei ochr yn y gwrandawiad hwn
attendance-ask-wish-hint = Dim ond pan fydd y dioddefwr eisiau hynny y gwneir y cais.
attendance-ask-error-wish = Cadarnhewch fod y dioddefwr eisiau i chi fod wrth ei ochr: gofynnwch dim ond pan fydd eisiau hynny


## Updating an attendance request [unchecked]
attendance-update-now = Y cais nawr
attendance-update-state-yours = Cyflwr eich cais
attendance-update-state = Cyflwr y cais
attendance-update-hint-conditions = Rhowch yr amodau isod
attendance-update-hint-reason = Rhowch reswm y llys isod
attendance-update-hint-direction = Cyfarwyddyd llys teulu. Rhowch y rheswm isod
attendance-update-hint-attended = Roeddech wrth ochr y dioddefwr yn y gwrandawiad hwn
attendance-update-hint-withdrawn = Nid ydych chi na'r dioddefwr eisiau i chi fod yn bresennol mwyach
attendance-update-conditions = Yr amodau a osododd y llys (os oes rhai)
attendance-update-conditions-hint = Er enghraifft, eistedd y tu ôl i'r sgrin yn yr ystafell cyswllt byw
attendance-update-reason = Rheswm y llys (os gwrthodwyd neu os rhoddwyd cyfarwyddyd)
attendance-update-reason-kind = Math o reswm (caiff ei gyfrif mewn adroddiadau; ni chaiff y geiriau uchod byth)
attendance-update-title-yours = Diweddaru eich cais
attendance-update-heading-yours = Ble mae eich cais yn sefyll?
attendance-update-intro-yours = Cofnodwch bob cam wrth iddo ddigwydd: pan ddywedoch wrth yr uned gofal tystion, pan wyddai'r llys y byddech yno, a'ch bod wedi bod yn bresennol. Os na fyddwch yn mynd mwyach, tynnwch y cais yn ôl fel nad oes neb yn aros amdanoch.
attendance-update-title = Cofnodi penderfyniad y llys
attendance-update-heading = Ble mae cais y cefnogwr yn sefyll?
attendance-update-intro = Cofnodwch bob cam: pan ddywedoch wrth Wasanaeth Erlyn y Goron, a beth a benderfynodd y llys. Dywedir wrth y cefnogwr a'r dioddefwr fel y mae'r rheolau'n ei ofyn.
attendance-update-submit = Cadw
attendance-update-error-state = Dewiswch ble mae'r cais yn sefyll
attendance-update-error-reason-kind = Dewiswch fath o reswm o'r rhestr
attendance-update-error-conditions = Rhowch yr amodau a osododd y llys
attendance-update-error-reason = Rhowch reswm y llys
attendance-update-error-stale = Mae rhywun arall wedi newid y cais hwn ar ôl i chi agor y dudalen hon. Gwiriwch ble mae'n sefyll nawr, yna cadwch eto
attendance-update-stale-what = cais

## Coded values: role [unchecked]
role-supporter = Cefnogwr
role-witness-care-officer = Swyddog gofal tystion
role-victim-liaison-officer = Swyddog cyswllt dioddefwyr
role-court-staff = Staff y llys
role-witness-service-staff = Y Gwasanaeth Tystion
role-manager = Rheolwr
role-admin = Gweinyddwr

## Coded values: case-kind [unchecked]
case-kind-criminal = Troseddol
case-kind-family = Teulu
case-kind-civil = Sifil

## Coded values: hearing-kind [unchecked]
hearing-kind-first-appearance = Gwrandawiad cyntaf
hearing-kind-plea-and-trial-preparation = Gwrandawiad ple a pharatoi ar gyfer treial
hearing-kind-mention = Gwrandawiad cyfeirio
hearing-kind-ground-rules = Gwrandawiad rheolau sylfaenol
hearing-kind-trial = Treial
hearing-kind-sentencing = Gwrandawiad dedfrydu
hearing-kind-appeal = Apêl
hearing-kind-first-hearing-dispute-resolution = Apwyntiad datrys anghydfod mewn gwrandawiad cyntaf
hearing-kind-dispute-resolution-appointment = Apwyntiad datrys anghydfod
hearing-kind-directions = Gwrandawiad cyfarwyddiadau
hearing-kind-fact-finding = Gwrandawiad canfod ffeithiau
hearing-kind-final-hearing = Gwrandawiad terfynol
hearing-kind-protective-order-return = Dyddiad dychwelyd (gorchymyn amddiffyn)
hearing-kind-other = Gwrandawiad arall

## Coded values: hearing-status [unchecked]
hearing-status-listed = Wedi'i restru
hearing-status-moved = Wedi'i symud
hearing-status-adjourned = Wedi'i ohirio
hearing-status-vacated = Wedi'i ddileu
hearing-status-concluded = Wedi dod i ben

## Coded values: attendance-state [unchecked]
attendance-state-requested = Wedi gofyn
attendance-state-wcu-informed = Yr uned gofal tystion wedi cael gwybod
attendance-state-cps-informed = Gwasanaeth Erlyn y Goron wedi cael gwybod
attendance-state-identified-to-court = Wedi'i enwi i'r llys
attendance-state-allowed = Caniatawyd gan y llys
attendance-state-allowed-with-conditions = Caniatawyd gydag amodau
attendance-state-refused = Gwrthodwyd gan y llys
attendance-state-directed-should-not-attend = Cyfarwyddyd y llys: ni ddylai fynd
attendance-state-directed-need-not-attend = Cyfarwyddyd y llys: nid oes angen mynd
attendance-state-attended = Wedi mynd
attendance-state-withdrawn = Wedi'i dynnu'n ôl

## Coded values: visit-state [unchecked]
visit-state-requested = Wedi gofyn
visit-state-arranged = Wedi'i drefnu
visit-state-attended = Wedi mynd
visit-state-cancelled = Wedi'i ganslo

## Coded values: parole-kind [unchecked]
parole-kind-review-started = Adolygiad parôl wedi dechrau
parole-kind-victim-personal-statement-due = Datganiad personol y dioddefwr yn ddyledus
parole-kind-hearing-listed = Gwrandawiad parôl wedi'i restru
parole-kind-hearing-deferred = Gwrandawiad parôl wedi'i ohirio
parole-kind-decision-expected = Disgwylir penderfyniad
parole-kind-decision-made = Penderfyniad wedi'i wneud
parole-kind-reconsideration-window = Cyfnod ailystyried (penderfyniad dros dro)
parole-kind-release-date = Dyddiad rhyddhau
parole-kind-licence-conditions = Amodau trwydded sy'n berthnasol i'r dioddefwr

## Coded values: risk-meeting-kind [unchecked]
risk-meeting-kind-marac = Cyfarfod MARAC
risk-meeting-kind-mappa = Cyfarfod MAPPA

## Coded values: statement-appointment-kind [unchecked]
statement-appointment-kind-statement = Datganiad tyst
statement-appointment-kind-abe-interview = Cyfweliad ABE (wedi'i recordio ar fideo)

## Coded values: task-kind [unchecked]
task-kind-record-wish-to-accompany = Cofnodi dymuniad y dioddefwr i gael rhywun gyda hi
task-kind-record-supporter-in-needs-assessment = Cofnodi'r cefnogwr yn yr asesiad o anghenion
task-kind-raise-companion-with-court = Codi'r cydymaith gyda'r llys
task-kind-arrange-pre-trial-visit = Trefnu ymweliad cyn treial
task-kind-tell-victim-of-attendance-decision = Dweud wrth y dioddefwr am benderfyniad y llys
task-kind-review-attendance-request = Adolygu'r cais i fod yn bresennol
task-kind-tell-party-of-direction = Dweud wrth y parti am gyfarwyddyd y llys
task-kind-update-victim-of-outcome = Dweud wrth y dioddefwr am y canlyniad
task-kind-apply-for-special-measures = Gwneud cais am fesurau arbennig
task-kind-refer-to-victim-contact-scheme = Atgyfeirio at y Cynllun Cyswllt â Dioddefwyr
task-kind-offer-support-referral = Cynnig atgyfeiriad am gymorth
task-kind-contact-victim-directly = Cysylltu â'r dioddefwr yn uniongyrchol
task-kind-tell-victim-what-was-shared = Dweud wrth y dioddefwr beth a rannwyd
task-kind-send-risk-meeting-paperwork = Anfon y ffurflen atgyfeirio neu'r diweddariad ar gyfer cyfarfod risg
task-kind-carry-risk-meeting-action = Cyflawni cam gweithredu o gyfarfod risg
task-kind-remind-of-statement-appointment = Datganiad neu gyfweliad ABE ar y ffordd
task-kind-discuss-order-renewal = Siarad â'r dioddefwr am adnewyddu neu ymestyn y gorchymyn
task-kind-discuss-right-to-review = Siarad â'r dioddefwr am ofyn am adolygiad
task-kind-discuss-compensation = Siarad â'r dioddefwr am iawndal am anafiadau troseddol
task-kind-ask-about-cps-meeting = Gofyn iddi am y cyfarfod gyda Gwasanaeth Erlyn y Goron
task-kind-attend-cps-meeting = Mynd gyda hi i'r cyfarfod gyda Gwasanaeth Erlyn y Goron
task-kind-offer-victim-personal-statement = Cynnig datganiad personol y dioddefwr

## Coded values: deadline-kind [unchecked]
deadline-kind-victim-told-of-hearing = Y dioddefwr wedi cael gwybod am y gwrandawiad
deadline-kind-supporter-told-of-hearing = Y cefnogwr wedi cael gwybod am y gwrandawiad
deadline-kind-victim-told-of-outcome = Y dioddefwr wedi cael gwybod am y canlyniad
deadline-kind-supporter-told-of-outcome = Y cefnogwr wedi cael gwybod am y canlyniad
deadline-kind-wco-updates-victim-of-outcome = Gofal tystion yn dweud wrth y dioddefwr am y canlyniad
deadline-kind-cps-informed-of-supporter = Gwasanaeth Erlyn y Goron wedi cael gwybod y bydd cefnogwr yn bresennol
deadline-kind-attendance-raised-with-court = Presenoldeb y cefnogwr wedi'i godi gyda'r llys
deadline-kind-pre-trial-visit-arranged = Ymweliad cyn treial wedi'i drefnu
deadline-kind-special-measures-application = Cais am fesurau arbennig wedi'i wneud
deadline-kind-victim-contact-scheme-referral = Atgyfeiriad at y Cynllun Cyswllt â Dioddefwyr
deadline-kind-vlo-contacts-victim = Y swyddog cyswllt dioddefwyr yn cysylltu â'r dioddefwr
deadline-kind-parole-decision-due = Penderfyniad parôl yn ddyledus
deadline-kind-reconsideration-window-ends = Cyfnod ailystyried yn dod i ben
deadline-kind-risk-meeting-paperwork = Ffurflen atgyfeirio neu ddiweddariad yn ddyledus ar gyfer cyfarfod risg
deadline-kind-protective-order-renewal-discussed = Adnewyddu'r gorchymyn amddiffyn wedi'i drafod
deadline-kind-right-to-review-prompt-request = Gofynnwyd am adolygiad yn brydlon (Hawl Dioddefwyr i Adolygiad)
deadline-kind-right-to-review-request = Y diwrnod olaf i ofyn am adolygiad (Hawl Dioddefwyr i Adolygiad)
deadline-kind-compensation-application = Cais am iawndal am anafiadau troseddol yn ddyledus
deadline-kind-cps-meeting-wish-recorded = Ei dymuniad am y cyfarfod gyda Gwasanaeth Erlyn y Goron wedi'i gofnodi
deadline-kind-victim-personal-statement-offered = Datganiad personol y dioddefwr wedi'i gynnig

## Coded values: consent-scope [unchecked]
consent-scope-court-dates-to-supporter = Rhannu dyddiadau llys gyda'r cefnogwr
consent-scope-simultaneous-updates = Anfon yr un diweddariadau at y cefnogwr ag at y dioddefwr
consent-scope-special-measures-to-supporter = Rhannu trafodaethau am fesurau arbennig gyda'r cefnogwr
consent-scope-parole-to-supporter = Rhannu gwybodaeth am barôl gyda'r cefnogwr
consent-scope-witness-service-referral = Atgyfeirio at y Gwasanaeth Tystion
consent-scope-identify-supporter-to-court = Enwi'r cefnogwr i'r llys
consent-scope-trial-progress-to-contact = Dweud wrth gyswllt a ddewisodd hi sut mae ei threial yn mynd ar y diwrnod
consent-scope-responsible-adult-updates = Tra bydd hi o dan 18, anfon at ei rhiant, ei gwarcheidwad neu ei hoedolyn priodol yr hyn a anfonir ati hi

## Coded values: lawful-basis [unchecked]
lawful-basis-consent = Caniatâd
lawful-basis-legal-obligation = Rhwymedigaeth gyfreithiol
lawful-basis-vital-interests = Buddiannau hanfodol
lawful-basis-public-task = Tasg gyhoeddus
lawful-basis-legitimate-interests = Buddiannau dilys

## Coded values: notice-template [unchecked]
notice-template-hearing-details-victim = Manylion y gwrandawiad, at y dioddefwr
notice-template-hearing-details-supporter = Manylion y gwrandawiad, at y cefnogwr
notice-template-hearing-change-victim = Newid i'r gwrandawiad, at y dioddefwr
notice-template-hearing-change-supporter = Newid i'r gwrandawiad, at y cefnogwr
notice-template-hearing-change-agency = Newid i'r gwrandawiad, at asiantaeth
notice-template-hearing-fixed-victim = Treial rhybuddiedig wedi'i bennu ar fyr rybudd, at y dioddefwr
notice-template-hearing-fixed-supporter = Treial rhybuddiedig wedi'i bennu ar fyr rybudd, at y cefnogwr
notice-template-hearing-outcome-victim = Canlyniad y gwrandawiad, at y dioddefwr
notice-template-hearing-outcome-supporter = Canlyniad y gwrandawiad, at y cefnogwr
notice-template-criminal-supporter-in-place = Mae cefnogwr yn ei le
notice-template-criminal-companion-request = Cais i'r cefnogwr fynd gyda'r tyst
notice-template-criminal-witness-service-request = Cais i'r Gwasanaeth Tystion
notice-template-criminal-attendance-decision = Penderfyniad y llys am fod yn bresennol
notice-template-criminal-attendance-withdrawn = Cais i fod yn bresennol wedi'i dynnu'n ôl
notice-template-criminal-advisor-notice = Hysbysiad yr ymgynghorydd i'r llys (r.3.8(7))
notice-template-criminal-pre-trial-visit-request = Cais am ymweliad cyn treial
notice-template-criminal-pre-trial-visit-arranged-victim = Ymweliad cyn treial wedi'i drefnu, at y dioddefwr
notice-template-criminal-pre-trial-visit-arranged-supporter = Ymweliad cyn treial wedi'i drefnu, at y cefnogwr
notice-template-criminal-pre-trial-visit-cancelled-victim = Ymweliad cyn treial wedi'i ganslo, at y dioddefwr
notice-template-criminal-pre-trial-visit-cancelled-supporter = Ymweliad cyn treial wedi'i ganslo, at y cefnogwr
notice-template-routing-contact-changed = Cefnogwr newydd neu un pwynt cyswllt newydd, at asiantaeth
notice-template-family-advance-identification = Yr ymgynghorydd wedi'i enwi i'r llys teulu ymlaen llaw
notice-template-family-on-the-day-checklist = Rhestr wirio ar gyfer y diwrnod
notice-template-special-measures-discussion-held = Trafodaeth am fesurau arbennig wedi'i chynnal
notice-template-court-needs-update = Anghenion yn y llys wedi'u diweddaru, at bartner
notice-template-trial-progress-victim = Diweddariad ar hynt y treial, at y dioddefwr
notice-template-trial-progress-contact = Diweddariad ar hynt y treial, at y cyswllt a ddewisodd
notice-template-responsible-adult-preface = Pam mae ei hoedolyn cyfrifol yn cael copi
notice-template-cps-meeting-wish = Ei dymuniad am y cyfarfod gyda Gwasanaeth Erlyn y Goron, at yr erlynydd
notice-template-parole-milestone = Carreg filltir parôl
notice-template-update-victim = Diweddariad am yr achos, at y dioddefwr
notice-template-update-supporter = Diweddariad am yr achos, at y cefnogwr
notice-template-update-direct-contact-made = Cysylltwyd â'r dioddefwr yn uniongyrchol
notice-template-reminder-hearing-supporter = Nodyn atgoffa am y gwrandawiad, at y cefnogwr
notice-template-reminder-visit-supporter = Nodyn atgoffa am yr ymweliad cyn treial, at y cefnogwr
notice-template-deadline-alert = Rhybudd: terfyn amser heb ei fodloni eto
notice-template-digest-supporter = Crynodeb dyddiol, at y cefnogwr
notice-template-escalation-unacknowledged = Heb ei gydnabod mewn pryd: wedi'i uwchgyfeirio
notice-template-account-sign-in-failures = Rhybudd: methiannau mewngofnodi dro ar ôl tro i'ch cyfrif

## Coded values: recipient-kind [unchecked]
recipient-kind-supporter = Cefnogwr
recipient-kind-victim = Dioddefwr
recipient-kind-witness-care-unit = Uned gofal tystion
recipient-kind-prosecutor = Gwasanaeth Erlyn y Goron
recipient-kind-witness-service = Y Gwasanaeth Tystion
recipient-kind-court = Llys
recipient-kind-victim-liaison-officer = Swyddog cyswllt dioddefwyr
recipient-kind-victim-contact = Y cyswllt a ddewisodd
recipient-kind-responsible-adult = Ei rhiant, ei gwarcheidwad neu ei hoedolyn priodol

## Coded values: notice-state [unchecked]
notice-state-pending = Wedi'i gynllunio
notice-state-sending = Yn anfon
notice-state-sent = Wedi'i anfon
notice-state-failed = Wedi methu, bydd yn ailgeisio
notice-state-dead = Heb ei ddanfon
notice-state-cancelled = Wedi'i ganslo

## Coded values: channel [unchecked]
channel-email = E-bost
channel-victim-preferred = Sianel ddiogel y dioddefwr
channel-in-person = Wyneb yn wyneb

## The notices table's rows [unchecked]

notices-sent = Anfonwyd { $when }
notices-attempts = { $count ->
    [one] 1 ymgais
   *[other] { $count } ymgais
}
notices-unsendable = Ni fydd yn cael ei anfon: nid yw e-bost wedi'i osod ar y gwasanaeth hwn

## Calendar feeds [unchecked]
feed-name = Gwrandawiadau ac ymweliadau Courtside
feed-day-of = { $kind } (diwrnod { $day } o { $days })
feed-visit = Ymweliad cyn treial
feed-status = Statws: { $status }
feed-case = Achos { $case }
feed-victim = Cyfeirnod y dioddefwr { $victim }
feed-court-unknown = Llys nad yw yn y cyfeiriadur

## Error pages [unchecked]
error-start-page = Ewch i'r dudalen gychwyn
error-bad-form = Nid oedd modd derbyn y ffurflen hon
error-bad-form-why = Roedd y ffurflen wedi dyddio neu nid oedd wedi dod o dudalen Courtside, felly ni chadwyd dim.
error-bad-form-next = Ewch yn ôl, ail-lwythwch y dudalen, a rhowch gynnig arall arni.
error-validation = Ni dderbyniwyd rhai atebion
error-validation-next = Ewch yn ôl, cywirwch yr atebion, a chadwch eto.
error-malformed = Nid oedd modd darllen y ffurflen hon
error-malformed-next = Ewch yn ôl, ail-lwythwch y dudalen, a llenwch y ffurflen eto.
error-too-large = Mae'r hyn a anfonoch yn rhy fawr
error-too-large-next = Mae'r hyn a anfonoch yn fwy na { $limit } beit. Ewch yn ôl ac anfonwch ffeil lai neu destun byrrach.
error-paused = Mae mewngofnodi wedi'i oedi
error-method = Ni ellir defnyddio'r dudalen hon yn y ffordd honno
error-method-next = Ewch yn ôl a defnyddiwch y dolenni a'r botymau ar y dudalen.
error-conflict = Nid oedd modd gwneud hyn
error-conflict-next = Ewch yn ôl ac ail-lwythwch y dudalen i weld y cofnod fel y mae nawr; rhowch gynnig arall arni dim ond os yw'n dal yn berthnasol.
error-stale = Mae rhywun arall wedi newid y cofnod hwn
error-stale-next = Ewch yn ôl ac ail-lwythwch y dudalen i weld y manylion diweddaraf.
error-sign-in = Mae angen i chi fewngofnodi
error-sign-in-next = Mewngofnodwch eto, yna ewch yn ôl at yr hyn yr oeddech yn ei wneud.
error-forbidden = Ni allwch ddefnyddio'r dudalen hon
error-forbidden-next = Nid yw eich rôl yn caniatáu hyn. Os ydych yn credu y dylai, gofynnwch i'ch rheolwr.
error-not-found = Heb ddod o hyd i'r dudalen
error-not-found-typed = Os teipiwch y cyfeiriad gwe, gwiriwch ei fod yn gywir.
error-not-found-record = Efallai nad yw'r cofnod yn bodoli, neu efallai nad yw'n un rydych yn gweithio arno.
error-busy = Mae'n ddrwg gennym, mae'r gwasanaeth yn brysur
error-busy-next = Rhowch gynnig arall arni ymhen ychydig eiliadau.
error-internal = Mae'n ddrwg gennym, mae problem gyda'r gwasanaeth
error-internal-next = Rhowch gynnig arall arni yn nes ymlaen. Os yw'n dal i ddigwydd, dywedwch wrth eich gweinyddwr.
