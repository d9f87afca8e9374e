# The service's own pages (issue #18).
# Keys here must not repeat a key in pages.ftl or records.ftl.

## Updates on the day [unchecked]

trial-updates-yes = Ydy
trial-updates-no = Nac ydy
trial-updates-caption = { $kind } yn { $place }, { $when } · dioddefwr { $victim }
trial-updates-intro = Diweddariadau byr ar sut mae'r gwrandawiad yn mynd. Amser y DU yw pob amser.
trial-updates-kind = Beth sy'n digwydd?
trial-updates-told = Pwy ydych chi wedi'u hysbysu wyneb yn wyneb? (dewisol)
trial-updates-note = Nodyn i'r tîm (dewisol)
trial-updates-note-hint = Ychydig eiriau ar y mwyaf. Nid yw'r nodyn byth yn cael ei anfon mewn neges at neb.
trial-updates-to-victim = Ydy hi eisiau neges ei hun pan fydd diweddariad?
trial-updates-to-victim-hint = Mae'n mynd drwy ei sianel ddiogel ei hun, o fewn ei horiau diogel.
trial-updates-contact-name = Pwy arall mae hi eisiau iddynt gael gwybod? (dewisol)
trial-updates-contact-name-hint = Enw a ddewisodd hi, er enghraifft ei chwaer Sam.
trial-updates-contact-email = Eu cyfeiriad e-bost
trial-updates-why-not-asked = Ni anfonwyd neges: nid yw hi wedi gofyn am negeseuon am hynt y treial. Cofnodwch isod pwy mae hi eisiau iddynt gael gwybod.
trial-updates-why-victim-did-not-ask = Ni anfonwyd neges ati hi ei hun: ni ofynnodd am un.
trial-updates-why-no-contact = Ni anfonwyd neges at unrhyw gyswllt: nid yw hi wedi enwi un.
trial-updates-why-no-contact-consent = Ni anfonwyd neges at y cyswllt a ddewisodd: nid yw ei chaniatâd i'w hysbysu mewn grym. Cofnodwch ei chaniatâd yn gyntaf.
trial-updates-done-recorded = Mae'r diweddariad wedi'i gofnodi.
trial-updates-done-preference = Mae pwy mae hi eisiau iddynt gael gwybod wedi'i gadw.
trial-updates-nobody-yet = Neb eto
trial-updates-no-message = Dim neges wedi'i hanfon
trial-updates-message-victim = Neges at y dioddefwr
trial-updates-message-contact = Neges at y cyswllt a ddewisodd
trial-updates-message-both = Neges at y dioddefwr ac at y cyswllt a ddewisodd
trial-updates-her-contact = y cyswllt a ddewisodd
trial-updates-when-nobody = Pan fyddwch yn cofnodi diweddariad, nid oes neb yn cael neges.
trial-updates-when-victim = Pan fyddwch yn cofnodi diweddariad, mae hi'n cael neges ei hun.
trial-updates-when-contact = Pan fyddwch yn cofnodi diweddariad, mae { $contact } yn cael e-bost.
trial-updates-when-both = Pan fyddwch yn cofnodi diweddariad, mae hi'n cael neges ei hun ac mae { $contact } yn cael e-bost.
trial-updates-error-kind = Dewiswch beth sy'n digwydd
trial-updates-error-told = Dewiswch o'r rhestr pwy a gafodd wybod
trial-updates-record-button = Cofnodi'r diweddariad
trial-updates-not-today = Mae diweddariadau'n cael eu cofnodi ar ddiwrnod pan fydd y gwrandawiad yn eistedd. Nid yw heddiw'n un o'i ddiwrnodau llys.
trial-updates-so-far = Diweddariadau hyd yma, y diweddaraf yn gyntaf
trial-updates-told-in-person = Wedi cael gwybod wyneb yn wyneb: { $told }
trial-updates-none = Nid oes unrhyw ddiweddariadau wedi'u cofnodi ar gyfer y gwrandawiad hwn.
trial-updates-who-heading = Pwy mae hi eisiau iddynt gael gwybod
trial-updates-who-intro = Cofnodwch hyn gyda hi. Dim ond beth sy'n digwydd a'r amser y mae neges yn ei ddweud: byth y nodyn, byth ble mae hi.
trial-updates-consent-needed = Dim ond tra bydd ei chaniatâd i'w hysbysu mewn grym y bydd y cyswllt a ddewisodd yn cael neges.
trial-updates-record-consent = Cofnodi ei chaniatâd
trial-updates-consent-named = (“Dweud wrth gyswllt a ddewisodd hi sut mae ei threial yn mynd ar y diwrnod”).
trial-updates-save-who = Cadw pwy mae hi eisiau iddynt gael gwybod

## Coded values: trial-update-kind [unchecked]

trial-update-kind-started = Mae'r gwrandawiad wedi dechrau
trial-update-kind-giving-evidence = Mae hi'n rhoi tystiolaeth
trial-update-kind-finished-giving-evidence = Mae hi wedi gorffen rhoi tystiolaeth
trial-update-kind-break = Mae'r llys wedi cymryd egwyl
trial-update-kind-adjourned-to-next-day = Wedi'i ohirio tan y diwrnod llys nesaf
trial-update-kind-finished-for-the-day = Wedi gorffen am y diwrnod
trial-update-kind-jury-out = Mae'r rheithgor wedi mynd allan i ystyried
trial-update-kind-verdict = Mae'r rheithfarn wedi'i rhoi

## Coded values: trial-update-audience [unchecked]

trial-update-audience-victim = Y dioddefwr
trial-update-audience-chosen-contact = Y cyswllt a ddewisodd
trial-update-audience-supporter = Ei chefnogwr
trial-update-audience-witness-service = Y Gwasanaeth Tystion

## Your reminders [unchecked]

reminders-intro-when = Mae Courtside yn eich atgoffa am wrandawiadau ac ymweliadau cyn treial y dioddefwyr rydych yn eu cefnogi, ar yr adegau y mae eich sefydliad wedi'u gosod (er enghraifft 7 diwrnod cyn a'r diwrnod cyn).
reminders-intro-how = Gallwch gael pob nodyn atgoffa fel neges ar ei phen ei hun, neu gael nodiadau atgoffa'r dydd wedi'u rhestru yn eich neges ddyddiol am 07:30 (amser y DU) yn lle hynny. Ni fyddwch byth yn cael y ddau.
reminders-saved-separately = Wedi'i gadw: bydd pob nodyn atgoffa yn dod fel neges ar ei phen ei hun.
reminders-saved-in-digest = Wedi'i gadw: bydd eich nodiadau atgoffa'n cael eu rhestru yn eich neges ddyddiol, gan ddechrau gyda'r un ar { $day }.
reminders-save = Cadw
reminders-how = Sut ydych chi eisiau cael eich nodiadau atgoffa?
reminders-separately = Neges ar gyfer pob nodyn atgoffa
reminders-in-digest = Holl nodiadau atgoffa'r dydd yn fy neges ddyddiol am 07:30
reminders-separately-hint = Mae pob nodyn atgoffa'n dod ar ei amser ei hun, er enghraifft 09:00 wythnos cyn gwrandawiad.
reminders-in-digest-hint = Mae nodyn atgoffa a drefnwyd ar ôl i neges 07:30 y diwrnod hwnnw fynd yn dal i ddod ar ei ben ei hun.
reminders-error-choose = Dewiswch neges ar gyfer pob nodyn atgoffa, neu nodiadau atgoffa'r dydd yn eich neges ddyddiol

## Calendar feed [unchecked]

calendar-feed-revoked = Mae'r cyfeiriad calendr wedi'i ddirymu. Bydd apiau calendr sy'n ei ddefnyddio yn peidio â diweddaru.
calendar-feed-new-heading = Eich cyfeiriad calendr newydd
calendar-feed-new-copy = Copïwch ef nawr: ni fydd yn cael ei ddangos eto. Ychwanegwch ef at eich ap calendr fel tanysgrifiad ("ychwanegu calendr o URL").
calendar-feed-address = Cyfeiriad calendr
calendar-feed-intro = Gweld eich gwrandawiadau a'ch ymweliadau cyn treial yn eich ap calendr eich hun, yn amser y DU. Dim ond cyfeirnodau achosion a dioddefwyr y mae digwyddiadau'n eu dangos, byth enwau na chyfeiriadau.
calendar-feed-keep-private = Gall unrhyw un sydd â'r cyfeiriad weld eich dyddiadur llys. Cadwch ef i chi eich hun, a'i ddirymu os yw'n bosibl ei fod wedi'i rannu, er enghraifft ar ffôn a gollwyd.
calendar-feed-make = Creu cyfeiriad calendr newydd
calendar-feed-yours = Eich cyfeiriadau calendr
calendar-feed-made = Crëwyd
calendar-feed-status = Statws
calendar-feed-action = Cam gweithredu
calendar-feed-revoked-tag = Wedi'i ddirymu
calendar-feed-active = Gweithredol
calendar-feed-revoke = Dirymu
calendar-feed-revoke-which = y cyfeiriad a grëwyd { $made }
calendar-feed-none = Nid oes gennych unrhyw gyfeiriadau calendr eto.

## Failed messages [unchecked]

messages-retried = Bydd yr hysbysiad yn cael ei anfon eto yn y rownd ddanfon nesaf (o fewn munud).
messages-intro = Hysbysiadau a fethodd ac a fydd yn cael eu hanfon eto, a hysbysiadau nad oedd modd eu danfon o gwbl. Mae'r hysbysiadau heb eu danfon wedi'u rhestru gyntaf. Unwaith y bydd yr achos wedi'i ddatrys (cyfeiriad wedi'i gywiro, y gweinydd post yn ôl), anfonwch un eto.
messages-what = Beth
messages-to = At
messages-send-from = Anfon o
messages-state = Cyflwr
messages-send-again = Anfon eto
messages-none-failed = Dim negeseuon wedi methu.
messages-none-failed-more = Mae pob hysbysiad hyd yma wedi'i anfon, neu'n aros am ei amser.
messages-escalated-heading = Heb eu cydnabod mewn pryd
messages-escalated-intro = Hysbysiadau a ofynnodd am weithredu ac na chawsant eu cydnabod erbyn eu hamser: cafodd pob un ei uwchgyfeirio (at reolwr y cefnogwr, neu at fewnflwch yr asiantaeth).
messages-escalated-label = Hysbysiadau a uwchgyfeiriwyd
messages-acknowledge-by = Cydnabod erbyn
messages-escalated = Wedi'i uwchgyfeirio
messages-none-escalated = Does dim byd wedi'i uwchgyfeirio.
messages-overdue-heading = Terfynau amser a fethwyd neu sy'n hwyr
messages-overdue-intro = Terfynau amser statudol a gweithredol ar gyfer dioddefwyr eich sefydliad a aeth heibio cyn i'r hyn sydd ei angen gael ei wneud.
messages-what-must-happen = Beth sy'n rhaid digwydd
messages-by = Erbyn
messages-done-late = Wedi'i wneud yn hwyr: { $when }
messages-none-overdue = Does dim terfyn amser wedi'i fethu.
messages-missed = Wedi'i fethu
messages-overdue = Yn hwyr

## Settings [unchecked]

settings-heading = Gosodiadau ar gyfer eich sefydliad
settings-done-reminders-saved = Mae eich nodiadau atgoffa wedi'u cadw. Mae nodiadau atgoffa sydd eisoes wedi'u cynllunio yn aros fel y maent; bydd gwrandawiadau ac ymweliadau a gynllunnir o hyn ymlaen yn defnyddio'r rhai newydd.
settings-done-reminders-defaults = Mae eich sefydliad bellach yn defnyddio nodiadau atgoffa diofyn y gwasanaeth.
settings-done-webhook-revoked = Mae'r bachyn gwe wedi'i ddiffodd. Mae hysbysiadau i'ch sefydliad yn mynd drwy e-bost eto.
settings-reminder-on-the-day = Ar y diwrnod
settings-reminder-working-days = { $count ->
    [one] 1 diwrnod gwaith ymlaen llaw
   *[other] { $count } diwrnod gwaith ymlaen llaw
}
settings-reminder-calendar-days = { $count ->
    [one] 1 diwrnod calendr ymlaen llaw
   *[other] { $count } diwrnod calendr ymlaen llaw
}
settings-reminder-of-hearings = gwrandawiadau
settings-reminder-of-visits = ymweliadau cyn treial
settings-reminder-of-hearings-and-visits = gwrandawiadau ac ymweliadau cyn treial
settings-reminder-of-visits-and-hearings = ymweliadau cyn treial a gwrandawiadau
settings-reminder-sentence = { $when }, am { $time }, ar gyfer { $what }
settings-of-hearings = Gwrandawiadau
settings-of-visits = Ymweliadau cyn treial
settings-error-days-missing = Rhowch sawl diwrnod ymlaen llaw y caiff nodyn atgoffa { $n } ei anfon
settings-error-days-range = Nodyn atgoffa { $n }: rhowch nifer cyfan o ddiwrnodau o 0 i { $most }
settings-error-time-missing = Rhowch yr amser y caiff nodyn atgoffa { $n } ei anfon, er enghraifft 09:00
settings-error-time-wrong = Nodyn atgoffa { $n }: rhowch amser ar y cloc 24 awr, er enghraifft 09:00
settings-error-of = Dewiswch ar gyfer beth mae nodyn atgoffa { $n }: gwrandawiadau, ymweliadau cyn treial neu'r ddau
settings-error-not-saved = Nid oedd modd cadw'r nodiadau atgoffa: { $why }. Gwiriwch nhw a'u cadw eto
settings-working-days = Diwrnodau gwaith
settings-calendar-days = Diwrnodau calendr
settings-reminder-n = Nodyn atgoffa { $n }
settings-reminder-n-new = Nodyn atgoffa { $n } (newydd)
settings-row-days = { $which }: sawl diwrnod ymlaen llaw
settings-row-days-hint = Mae 0 yn ei anfon ar y diwrnod ei hun
settings-row-unit = { $which }: wedi'i gyfrif mewn
settings-row-time = { $which }: am ba amser
settings-row-of = { $which }: cyn beth
settings-row-remove = { $which }: ei ddileu
settings-row-remove-yes = Dileu'r nodyn atgoffa hwn
settings-reminders-heading = Nodiadau atgoffa i'ch cefnogwyr
settings-reminders-intro = Mae eich cefnogwyr yn cael eu hatgoffa am bob gwrandawiad ac ymweliad cyn treial y maent yn eu cefnogi, yn amser y DU. Newidiwch, dilëwch neu ychwanegwch nodiadau atgoffa isod; nid yw nodyn atgoffa a adawyd yn wag yn cael ei gadw.
settings-reminders-own = Dyma nodiadau atgoffa eich sefydliad ei hun.
settings-reminders-defaults = Mae eich sefydliad yn defnyddio nodiadau atgoffa diofyn y gwasanaeth; bydd cadw'r ffurflen hon yn eu gwneud yn rhai eich sefydliad chi.
settings-reminders-save = Cadw'r nodiadau atgoffa
settings-reminders-list-own = Nodiadau atgoffa eich sefydliad ei hun, cyn pob gwrandawiad ac ymweliad cyn treial y mae cefnogwr yn eu cefnogi (amser y DU):
settings-reminders-list-defaults = Nodiadau atgoffa diofyn y gwasanaeth, cyn pob gwrandawiad ac ymweliad cyn treial y mae cefnogwr yn eu cefnogi (amser y DU):
settings-reminders-none = Dim: nid yw eich cefnogwyr yn cael nodiadau atgoffa cyn gwrandawiadau nac ymweliadau.
settings-reminders-change = Newid y nodiadau atgoffa
settings-reminders-use-defaults = Defnyddio nodiadau diofyn y gwasanaeth yn lle hynny
settings-webhook-intro = Gall Courtside anfon hysbysiadau eich sefydliad i'ch system eich hun fel negeseuon wedi'u llofnodi (bachyn gwe) yn lle drwy e-bost. Mae pob neges yn cario llofnod a wnaed gydag allwedd gyfrinachol, a ddangosir unwaith pan fyddwch yn cadw.
settings-webhook-now = Mae hysbysiadau bellach yn mynd i { $url }. Bydd cadw cyfeiriad newydd yn cymryd ei le.
settings-webhook-heading = Anfon hysbysiadau i'ch system
settings-webhook-save = Cadw a dangos yr allwedd gyfrinachol
settings-webhook-url = Y cyfeiriad y mae hysbysiadau'n cael eu hanfon iddo
settings-webhook-url-hint = Rhaid iddo ddechrau gyda https://, er enghraifft https://partner.example/courtside
settings-webhook-error-missing = Rhowch y cyfeiriad y mae hysbysiadau'n cael eu hanfon iddo
settings-webhook-error-not-saved = Nid oedd modd cadw'r cyfeiriad. Gwiriwch ef a'i gadw eto
settings-webhook-error-url = Y cyfeiriad: { $why }
settings-webhook-saved = Bachyn gwe wedi'i gadw
settings-created = Mae hysbysiadau i'ch sefydliad bellach yn mynd i { $url }.
settings-created-replaced = Mae hysbysiadau i'ch sefydliad bellach yn mynd i { $url }, yn lle'r cyfeiriad a ddefnyddiwyd o'r blaen.
settings-copy-key = Copïwch eich allwedd gyfrinachol
settings-key-checks-before = Mae eich system yn gwirio
settings-key-checks-after = pob neges gyda'r allwedd hon. Copïwch hi nawr a'i chadw'n ddiogel: dim ond y tro hwn y caiff ei dangos. Os caiff ei cholli, cadwch y cyfeiriad eto i gael allwedd newydd.
settings-back = Yn ôl i'r gosodiadau
settings-revoke-title = Diffodd y bachyn gwe
settings-revoke-heading = Diffodd y bachyn gwe?
settings-revoke-now = Mae hysbysiadau i'ch sefydliad bellach yn mynd i { $url }.
settings-revoke-then = Os byddwch yn ei ddiffodd, byddant yn mynd drwy e-bost i gyfeiriad eich sefydliad eto, o'r un nesaf a anfonir. Gallwch osod bachyn gwe eto ar unrhyw adeg, gydag allwedd gyfrinachol newydd.
settings-webhook-section = Hysbysiadau i'ch system eich hun
settings-webhook-goes-before = Mae hysbysiadau eich sefydliad yn mynd i
settings-webhook-goes-after = fel negeseuon wedi'u llofnodi, ers { $since }.
settings-webhook-change = Newid y cyfeiriad
settings-webhook-switch-off = Ei ddiffodd
settings-webhook-by-email = Mae hysbysiadau eich sefydliad yn mynd drwy e-bost.
settings-webhook-send-instead = Eu hanfon i'ch system eich hun yn lle hynny
settings-inbox-heading = Mewnflwch rhestrau llys
settings-inbox-watching = Mae'r gwasanaeth yn gwylio ffolder am restrau llys.
settings-inbox-waiting = Yn aros i gael eu mewnforio
settings-inbox-processing = Yn cael eu mewnforio nawr
settings-inbox-failed = Wedi'u gwrthod
settings-inbox-done = Wedi'u mewnforio
settings-inbox-refused = Cafodd rhai rhestrau eu gwrthod.
settings-inbox-refused-before = Mae nodyn wrth ymyl pob un yn ffolder
settings-inbox-refused-after = y mewnflwch yn dweud pam; gofynnwch i bwy bynnag sy'n gofalu am y gwasanaeth eu cywiro a'u hanfon eto. Mae'r hyn a wnaeth pob mewnforiad i'w weld ar
settings-inbox-court-lists-link = dudalen y rhestrau llys
settings-inbox-unreadable = Nid oes modd darllen ffolder mewnflwch y rhestrau llys.
settings-inbox-unreadable-more = Nid yw rhestrau a adawyd yno'n cael eu mewnforio. Gofynnwch i bwy bynnag sy'n gofalu am y gwasanaeth wirio'r ffolder.
settings-inbox-none = Nid oes ffolder mewnflwch wedi'i osod, felly dim ond pan fydd rhywun yn eu llwytho i fyny ar

## The directory [unchecked]

directory-done-user-added = Mae'r person wedi'i ychwanegu. Gallant fewngofnodi nawr, neu drwy fewngofnodi sengl os yw eich gwasanaeth yn ei ddefnyddio.
directory-done-user-changed = Mae manylion y person wedi'u cadw.
directory-done-organisation-added = Mae'r sefydliad wedi'i ychwanegu.
directory-done-organisation-changed = Mae manylion y sefydliad wedi'u cadw.
directory-done-court-added = Mae'r llys wedi'i ychwanegu.
directory-done-court-changed = Mae manylion y llys wedi'u cadw.
directory-intro = Y sefydliadau sy'n cydweithio, y bobl sy'n mewngofnodi, a'r llysoedd. Ni welwch unrhyw ddioddefwr nac achos yma: dim ond cadw'r cyfeiriadur y mae gweinyddwyr yn ei wneud.
directory-organisations-count = Sefydliadau ({ $count })
directory-people-count = Pobl ({ $count })
directory-people-count-inactive = Pobl ({ $count }, ac ni all { $inactive } ohonynt fewngofnodi)
directory-courts-count = Llysoedd ({ $count })
directory-add-organisation = Ychwanegu sefydliad
directory-add-person = Ychwanegu person
directory-add-court = Ychwanegu llys
directory-name = Enw
directory-kind = Math
directory-court-it-serves = Y llys y mae'n ei wasanaethu
directory-none = Dim
directory-email = Cyfeiriad e-bost
directory-role = Rôl
directory-organisation = Sefydliad
directory-can-sign-in = Yn gallu mewngofnodi
directory-yes = Ydy
directory-no = Nac ydy
directory-town = Tref
directory-in-wales = Yng Nghymru
directory-crown-court-code = Cod Llys y Goron
directory-change = Newid

## Coded values: organisation-kind [unchecked]

organisation-kind-support-service = Gwasanaeth cymorth (IDVA, ISVA)
organisation-kind-witness-care-unit = Uned gofal tystion
organisation-kind-cps-area = Ardal Gwasanaeth Erlyn y Goron
organisation-kind-witness-service = Y Gwasanaeth Tystion
organisation-kind-court = Llys (swyddfa restru)
organisation-kind-probation-region = Rhanbarth prawf (cyswllt â dioddefwyr)

## Coded values: court-kind [unchecked]

court-kind-crown = Llys y Goron
court-kind-magistrates = Llys ynadon
court-kind-family = Llys teulu
court-kind-combined = Canolfan llysoedd cyfun


## The directory's forms [unchecked]

directory-stale-problem = Mae rhywun arall wedi newid y { $what } hwn ar ôl i chi agor y dudalen hon. Gwiriwch y manylion sydd wedi'u storio nawr, yna dewiswch eto
directory-what-person = person
directory-what-organisation = sefydliad
directory-what-court = llys
directory-error-role-fit = Nid yw'r rôl hon yn addas i'r sefydliad: mae cefnogwyr yn gweithio mewn gwasanaeth cymorth, swyddogion gofal tystion mewn uned gofal tystion, swyddogion cyswllt dioddefwyr mewn rhanbarth prawf, staff llys yn swyddfa restru llys a staff y Gwasanaeth Tystion yn y Gwasanaeth Tystion
directory-error-name-taken = Mae gan sefydliad o'r math hwn yr enw hwn yn barod: dewiswch enw arall, neu newidiwch yr un sydd yn y cyfeiriadur
directory-error-email-taken = Mae person arall eisoes yn defnyddio'r cyfeiriad e-bost hwn
directory-error-organisation-taken = Mae gan sefydliad o'r math hwn yr enw hwn yn barod
directory-error-court-taken = Mae llys gyda'r enw hwn neu'r cod Llys y Goron hwn eisoes yn y cyfeiriadur
directory-user-name-hint = Fel y mae cydweithwyr yn eu hadnabod. Yn cael ei ddangos i'r bobl y maent yn gweithio gyda nhw.
directory-user-email-hint = Eu cyfeiriad gwaith: maent yn mewngofnodi ag ef, ac mae negeseuon Courtside iddynt yn mynd yno.
directory-choose-organisation = Dewiswch sefydliad
directory-user-role = Beth maen nhw'n ei wneud?
directory-user-role-hint = Rhaid i'r rôl fod yn addas i'r sefydliad: mae cefnogwr yn gweithio mewn gwasanaeth cymorth, swyddog gofal tystion mewn uned gofal tystion, ac ati. Gall rheolwyr a gweinyddwyr fod mewn unrhyw un.
directory-user-manager = Rheolwr (dewisol)
directory-no-manager = Dim rheolwr
directory-user-manager-hint = Rhywun yn yr un sefydliad.
directory-user-active = Ydyn nhw'n gallu mewngofnodi?
directory-user-active-hint = Dewiswch nac ydy pan fydd rhywun yn gadael: mae eu gwaith yn y gorffennol yn aros ar gofnod o dan eu henw.
directory-user-password = Cyfrinair cyntaf (dewisol)
directory-user-password-hint = O leiaf { $least } nod; rhowch ef iddynt wyneb yn wyneb. Gadewch yn wag os ydynt yn mewngofnodi drwy fewngofnodi sengl eich sefydliad.
directory-error-user-name = Rhowch enw'r person
directory-error-user-email = Rhowch gyfeiriad e-bost y person
directory-error-user-organisation = Dewiswch y sefydliad y maent yn gweithio ynddo
directory-error-user-role = Dewiswch beth maen nhw'n ei wneud
directory-error-user-active = Dywedwch a ydynt yn gallu mewngofnodi
directory-add-person-submit = Ychwanegu'r person
directory-change-person-title = Newid manylion person
directory-change-person-heading = Newid eu manylion
directory-save-changes = Cadw'r newidiadau
directory-organisation-kind = Pa fath o sefydliad ydyw?
directory-choose-kind = Dewiswch fath
directory-organisation-name-hint = Er enghraifft Uned Gofal Tystion Leeds.
directory-organisation-address = Cyfeiriad post (dewisol)
directory-organisation-address-hint = Mae cyfeiriad gwasanaeth cymorth yn mynd ar yr hysbysiadau y mae'n eu hanfon at lysoedd. Byth cyfeiriad dioddefwr.
directory-organisation-email = Cyfeiriad e-bost ar gyfer hysbysiadau (dewisol)
directory-organisation-email-hint = Lle mae Courtside yn anfon hysbysiadau'r sefydliad hwn, oni bai bod ganddo fachyn gwe.
directory-organisation-phone = Rhif ffôn (dewisol)
directory-organisation-language = Ym mha iaith mae'n darllen negeseuon Courtside?
directory-organisation-no-language = Dim wedi'i dewis
directory-organisation-language-hint = Os nad oes iaith wedi'i dewis, mae negeseuon am wrandawiad mewn llys yng Nghymru yn mynd yn Gymraeg ac yn Saesneg, a'r lleill yn Saesneg.
directory-language-en = Saesneg (English)
directory-language-cy = Cymraeg
directory-organisation-court = Y llys y mae'n ei wasanaethu (dewisol)
directory-organisation-court-hint = Ar gyfer y Gwasanaeth Tystion neu swyddfa restru llys: y llys y mae ei geisiadau'n ymwneud ag ef.
directory-error-organisation-kind = Dewiswch pa fath o sefydliad ydyw
directory-error-organisation-name = Rhowch enw'r sefydliad
directory-add-organisation-submit = Ychwanegu'r sefydliad
directory-change-organisation-title = Newid sefydliad
directory-change-organisation-heading = Newid manylion y sefydliad
directory-court-name-hint = Fel y mae'r rhestrau llys yn ei roi, er enghraifft Llys y Goron Caerdydd.
directory-court-kind = Pa fath o lys ydyw?
directory-court-town = Tref neu ddinas
directory-court-nation = Ydy'r llys yng Nghymru neu yn Lloegr?
directory-court-nation-hint = Ar gyfer llys yng Nghymru, mae pobl nad ydynt wedi dewis iaith yn cael hysbysiadau yn Gymraeg ac yn Saesneg.
directory-court-code = Cod Llys y Goron (dewisol)
directory-court-code-hint = Rhif y llys yn y rhestrau cyhoeddedig, er enghraifft 453. Mae rhestrau'n cael eu paru â'r llys drwyddo.
directory-error-court-name = Rhowch enw'r llys
directory-error-court-kind = Dewiswch pa fath o lys ydyw
directory-error-court-town = Rhowch y dref neu'r ddinas
directory-error-court-nation = Dywedwch a yw'r llys yng Nghymru neu yn Lloegr
directory-add-court-submit = Ychwanegu'r llys
directory-change-court-title = Newid llys
directory-change-court-heading = Newid manylion y llys

## Coded values: nation [unchecked]

nation-england = Lloegr
nation-wales = Cymru (gall hysbysiadau fod yn Gymraeg)

## Protective orders and after the outcome [unchecked]

after-outcome-title = Gorchmynion amddiffyn ac ar ôl y canlyniad
after-outcome-back = Yn ôl i'r achos
after-outcome-intro = Yr hyn y gallai fod ei angen ar y dioddefwr ar ôl gorchymyn llys neu benderfyniad yn ei hachos: nodiadau atgoffa cyn i orchymyn amddiffyn ddod i ben, yr amser i ofyn am adolygiad o benderfyniad i beidio â chyhuddo neu i derfynu'r achos, a'r amser i wneud cais am iawndal am anafiadau troseddol. Nid oes dim byd yma'n cael ei anfon at neb arall; chi piau'r nodiadau atgoffa.
after-outcome-ending-ended = Daeth i ben yn gynnar
after-outcome-ending-discharged = Fe'i diddymwyd gan y llys
after-outcome-not-known = Ddim yn hysbys
after-outcome-order-kind = Pa fath o orchymyn ydyw?
after-outcome-made-on = Pryd gwnaed y gorchymyn?
after-outcome-ends-on = Pryd mae'r gorchymyn yn dod i ben?
after-outcome-ends-on-hint = Gadewch hwn yn wag os yw'r gorchymyn yn para hyd nes y gwneir gorchymyn pellach. Byddwch yn cael eich atgoffa cyn iddo ddod i ben.
after-outcome-court = Pa lys a wnaeth y gorchymyn?
after-outcome-note = Nodyn i'r tîm (dewisol)
after-outcome-note-hint = Dim mwy na 500 nod. Caiff ei gadw dan sêl ac ni chaiff byth ei anfon at neb. Peidiwch ag ysgrifennu cyfeiriad y dioddefwr.
after-outcome-decided-by = Pwy wnaeth y penderfyniad?
after-outcome-decision = Beth wnaethon nhw ei benderfynu?
after-outcome-told-on = Pryd cafodd y dioddefwr wybod am y penderfyniad?
after-outcome-told-on-hint = Mae'r amser i ofyn am adolygiad yn cyfrif o'r diwrnod hwn.
after-outcome-incident-on = Pryd digwyddodd y digwyddiad?
after-outcome-incident-on-hint = Fel arfer, rhaid gwneud cais am iawndal o fewn dwy flynedd i'r digwyddiad.
after-outcome-done-order-added = Mae'r gorchymyn amddiffyn wedi'i gofnodi. Byddwch yn cael eich atgoffa cyn iddo ddod i ben.
after-outcome-done-order-changed = Mae'r gorchymyn amddiffyn wedi'i newid.
after-outcome-done-order-ended = Mae'r gorchymyn amddiffyn wedi'i gofnodi fel un sydd wedi dod i ben. Mae ei nodiadau atgoffa wedi stopio.
after-outcome-done-decision-added = Mae'r penderfyniad wedi'i gofnodi, gyda'r amser sydd gan y dioddefwr i ofyn am adolygiad.
after-outcome-done-claim-saved = Mae dyddiad y digwyddiad wedi'i gadw, gyda'r diwrnod olaf i wneud cais am iawndal.
after-outcome-ended-on = { $how } ar { $day }
after-outcome-in-force = Mewn grym
after-outcome-expired = Wedi dod i ben
after-outcome-until-further-order = Hyd nes y gwneir gorchymyn pellach
after-outcome-until-further-order-lower = hyd nes y gwneir gorchymyn pellach
after-outcome-claim-change = Newid dyddiad y digwyddiad
after-outcome-claim-save = Cadw dyddiad y digwyddiad
after-outcome-error-kind = Dewiswch pa fath o orchymyn ydyw
after-outcome-error-decided-by = Dewiswch pwy wnaeth y penderfyniad
after-outcome-error-decision = Dewiswch beth wnaethon nhw ei benderfynu
after-outcome-error-stale = Mae rhywun arall wedi newid hwn ar ôl i chi agor y dudalen hon. Gwiriwch beth sydd wedi'i storio nawr, yna cadwch eto
after-outcome-error-order-stale = Mae rhywun arall wedi newid y gorchymyn hwn ar ôl i chi agor y dudalen hon. Gwiriwch y manylion sydd wedi'u storio nawr, yna rhowch gynnig arall arni
after-outcome-error-how = Dewiswch sut daeth y gorchymyn i ben
after-outcome-what-order = gorchymyn amddiffyn
after-outcome-order = Gorchymyn
after-outcome-made = Wedi'i wneud
after-outcome-ends = Yn dod i ben
after-outcome-now = Nawr
after-outcome-edit-title = Newid gorchymyn amddiffyn
after-outcome-edit-heading = Newid y gorchymyn amddiffyn
after-outcome-edit-intro = Mae dyddiad terfyn newydd yn symud y nodiadau atgoffa i siarad â'r dioddefwr am ei adnewyddu neu ei ymestyn.
after-outcome-edit-save = Cadw'r newidiadau
after-outcome-end-title = Dod â gorchymyn amddiffyn i ben
after-outcome-end-heading = Ydych chi'n siŵr bod y gorchymyn hwn wedi dod i ben?
after-outcome-end-warning = Bydd y nodiadau atgoffa i siarad â'r dioddefwr am ei adnewyddu yn stopio. Mae'r gorchymyn yn aros ar gofnod yr achos.
after-outcome-end-submit = Ydw, cofnodi ei fod wedi dod i ben
after-outcome-end-how = Sut daeth i ben?
after-outcome-end-when = Pryd daeth i ben?
after-outcome-orders = Gorchmynion amddiffyn
after-outcome-record-ended = Cofnodi ei fod wedi dod i ben
after-outcome-no-orders = Nid oes unrhyw orchmynion amddiffyn wedi'u cofnodi ar yr achos hwn.
after-outcome-add-order = Ychwanegu gorchymyn amddiffyn
after-outcome-add-order-submit = Ychwanegu'r gorchymyn
after-outcome-review = Yr hawl i adolygiad o benderfyniad
after-outcome-review-intro = Ar ôl penderfyniad i beidio â chyhuddo, neu i derfynu'r achos, gall y dioddefwr ofyn iddo gael ei adolygu. Mae'r amser yn cyfrif o'r diwrnod y cafodd wybod.
after-outcome-told = Cafodd wybod ar { $day }.
after-outcome-prompt = Ar gyfer adolygiad prydlon, gofynnwch erbyn { $day }.
after-outcome-latest = Y diwrnod olaf i ofyn: { $day }.
after-outcome-closed = Roedd yr achos wedi'i gau pan gofnodwyd hyn.
after-outcome-no-decisions = Nid oes unrhyw benderfyniadau wedi'u cofnodi.
after-outcome-record-decision = Cofnodi penderfyniad
after-outcome-record-decision-submit = Cofnodi'r penderfyniad
after-outcome-compensation = Iawndal am anafiadau troseddol
after-outcome-claim = Digwyddodd y digwyddiad ar { $incident }. Y diwrnod olaf i wneud cais yw { $apply_by }; byddwch yn cael eich atgoffa cyn hynny.
after-outcome-no-claim = Ar ôl trosedd dreisgar, gall y dioddefwr wneud cais am iawndal, fel rheol o fewn dwy flynedd i'r digwyddiad. Cofnodwch ddyddiad y digwyddiad i gael eich atgoffa.

## Coded values: protective-order-kind [unchecked]

protective-order-kind-non-molestation = Gorchymyn rhag molestu
protective-order-kind-occupation = Gorchymyn anheddu
protective-order-kind-restraining = Gorchymyn atal
protective-order-kind-prohibited-steps = Gorchymyn camau gwaharddedig

## Coded values: review-decision-maker [unchecked]

review-decision-maker-police = Yr heddlu
review-decision-maker-cps = Gwasanaeth Erlyn y Goron

## Coded values: reviewable-decision [unchecked]

reviewable-decision-not-to-charge = Peidio â chyhuddo (dim camau pellach)
reviewable-decision-discontinued = Terfynu'r achos (wedi'i derfynu)
reviewable-decision-no-evidence-offered = Terfynu'r achos (dim tystiolaeth wedi'i chynnig)

## The CPS meeting before trial [unchecked]

cps-meeting-status-none-entitled = Dim wedi'i gofnodi eto. Ar ôl ple dieuog, mae Gwasanaeth Erlyn y Goron yn cynnig cyfarfod iddi gyda'r tîm erlyn cyn y treial: gofynnwch a yw hi eisiau i chi fod yno.
cps-meeting-status-none = Dim wedi'i gofnodi. Mae Gwasanaeth Erlyn y Goron yn cynnig y cyfarfod hwn i ddioddefwyr sy'n oedolion mewn achosion o dreisio a throseddau rhywiol difrifol eraill; gallwch gofnodi un a gynigiwyd o hyd.
cps-meeting-status-declined = Nid yw hi eisiau'r cyfarfod.
cps-meeting-status-wanted = Mae hi eisiau i'w chefnogwr gael gwahoddiad.
cps-meeting-status-not-wanted = Nid yw hi eisiau i'w chefnogwr gael gwahoddiad.
cps-meeting-status-undecided = Nid yw hi wedi penderfynu a yw hi eisiau i'w chefnogwr gael gwahoddiad.
cps-meeting-status-on = Mae'r cyfarfod ar { $when }.
cps-meeting-status-no-date = Dim dyddiad cyfarfod eto.
cps-meeting-status-told = Mae Gwasanaeth Erlyn y Goron yn cael gwybod.
cps-meeting-status-not-told = Nid yw Gwasanaeth Erlyn y Goron wedi cael gwybod: mae ei chaniatâd i enwi ei chefnogwr ar goll.
cps-meeting-offered-on = Cynigiwyd ar
cps-meeting-not-recorded = Heb ei gofnodi
cps-meeting-now-recorded = Wedi'i gofnodi nawr
cps-meeting-intro-entitled = Unwaith y bydd ple dieuog wedi'i gyflwyno, mae Gwasanaeth Erlyn y Goron yn cynnig cyfarfod gyda'r tîm erlyn cyn y treial i ddioddefwr sy'n oedolyn mewn achos o dreisio neu drosedd rywiol ddifrifol arall: y camau nesaf, beth i'w ddisgwyl yn y llys, mesurau arbennig. Mae'n gofyn iddi a yw hi eisiau i'w chefnogwr fod yno. Mae Courtside yn dweud wrth Wasanaeth Erlyn y Goron beth mae hi ei eisiau.
cps-meeting-intro = Mae Gwasanaeth Erlyn y Goron yn cynnig y cyfarfod hwn i ddioddefwyr sy'n oedolion mewn achosion o dreisio a throseddau rhywiol difrifol eraill ar ôl ple dieuog. Os cynigiodd un i'r dioddefwr hwn, cofnodwch ef yma.
cps-meeting-title = Y cyfarfod gyda Gwasanaeth Erlyn y Goron cyn y treial
cps-meeting-invited = Ydy hi eisiau i chi (ei chefnogwr) gael gwahoddiad?
cps-meeting-itself = Y cyfarfod ei hun
cps-meeting-declined = Nid yw hi eisiau'r cyfarfod
cps-meeting-offered-label = Pryd cynigiodd Gwasanaeth Erlyn y Goron y cyfarfod?
cps-meeting-offered-hint = Er enghraifft 27/11/2026. Gadewch yn wag os nad yw'n hysbys.
cps-meeting-date = Dyddiad y cyfarfod
cps-meeting-date-hint = Os yw wedi'i drefnu, er enghraifft 15/12/2026.
cps-meeting-time = Amser y cyfarfod
cps-meeting-time-hint = Amser y DU, ar y cloc 24 awr, er enghraifft 14:30.
cps-meeting-error-invited = Dewiswch a yw hi eisiau i chi gael gwahoddiad, neu nad yw hi wedi penderfynu eto
cps-meeting-error-time = Rhowch yr amser ar y cloc 24 awr, er enghraifft 14:30
cps-meeting-error-time-too = Rhowch amser y cyfarfod yn ogystal â'i ddyddiad
cps-meeting-error-date-too = Rhowch ddyddiad y cyfarfod yn ogystal â'i amser
cps-meeting-error-declined = Gadewch ddyddiad ac amser y cyfarfod yn wag pan nad yw hi eisiau'r cyfarfod
cps-meeting-error-stale = Mae rhywun arall wedi cadw'r cyfarfod hwn ar ôl i chi agor y dudalen hon. Gwiriwch beth sydd wedi'i gofnodi nawr, yna cadwch eto
cps-meeting-what = cyfarfod gyda Gwasanaeth Erlyn y Goron

## Coded values: supporter-invitation [unchecked]

supporter-invitation-undecided = Nid yw hi wedi penderfynu eto
supporter-invitation-wanted = Ydy, mae hi eisiau i'w chefnogwr gael gwahoddiad
supporter-invitation-not-wanted = Nac ydy, nid yw hi eisiau i'w chefnogwr gael gwahoddiad

## Risk meetings [unchecked]

risk-meetings-intro = Dim ond chi a chefnogwyr eraill sy'n ymdrin â'i chofnod sy'n gweld cyfarfodydd risg. Nid yw Courtside byth yn anfon dim amdanynt at y llys, ochr y diffynnydd nac asiantaeth arall.
risk-meetings-done-added = Mae'r cyfarfod wedi'i ychwanegu. Mae'r terfyn amser ar gyfer ei waith papur ar eich wythnos ac yn eich rhestr I'w gwneud.
risk-meetings-done-changed = Mae'r cyfarfod wedi'i newid.
risk-meetings-done-action = Mae'r cam gweithredu wedi'i gofnodi.
risk-meetings-done-cancelled = Mae'r cyfarfod wedi'i ganslo. Mae'r terfyn amser ar gyfer ei waith papur a'i dasg wedi'u tynnu'n ôl.
risk-meetings-kind = Pa fath o gyfarfod ydyw?
risk-meetings-date = Ar ba ddiwrnod mae'r cyfarfod?
risk-meetings-date-hint = Er enghraifft, 29/10/2026
risk-meetings-time = Faint o'r gloch mae'n dechrau?
risk-meetings-time-hint = Amser y DU, ar y cloc 24 awr, er enghraifft 10:00
risk-meetings-panel = Pa ardal neu banel sy'n ei gynnal?
risk-meetings-panel-hint = Er enghraifft, MARAC Leeds. Byth cyfeiriad.
risk-meetings-choose-agency = Dewiswch asiantaeth
risk-meetings-owner = Pwy sy'n gyfrifol am y cam gweithredu?
risk-meetings-agency = Pa asiantaeth? (os yw asiantaeth arall yn gyfrifol amdano)
risk-meetings-text = Beth sydd i'w wneud?
risk-meetings-text-hint = Yn fyr. Mae'n aros yn Courtside ac nid yw byth yn cael ei anfon at neb.
risk-meetings-due = Erbyn pryd mae'n ddyledus?
risk-meetings-due-hint = Er enghraifft, 05/11/2026
risk-meetings-cancelled-on = Wedi'i ganslo ar { $when }: nid oes gwaith papur yn ddyledus
risk-meetings-due-marac = Mae eich ffurflen atgyfeirio neu'ch diweddariad yn ddyledus erbyn { $when }
risk-meetings-was-due-marac = Roedd eich ffurflen atgyfeirio neu'ch diweddariad yn ddyledus erbyn { $when }
risk-meetings-due-mappa = Mae eich diweddariad yn ddyledus erbyn { $when }
risk-meetings-was-due-mappa = Roedd eich diweddariad yn ddyledus erbyn { $when }
risk-meetings-error-kind = Dewiswch MARAC neu MAPPA
risk-meetings-error-owner = Dewiswch pwy sy'n gyfrifol am y cam gweithredu
risk-meetings-error-stale = Mae rhywun wedi cadw'r cyfarfod hwn yn gyntaf, tra oedd ar agor gennych. Mae'r hyn sydd wedi'i storio nawr i'w weld: gwiriwch ef, yna cadwch eto
risk-meetings-add-heading = Ychwanegu cyfarfod MARAC neu MAPPA
risk-meetings-add-submit = Ychwanegu'r cyfarfod
risk-meetings-action-heading = Cofnodi cam gweithredu a gytunwyd yn y cyfarfod
risk-meetings-action-submit = Cofnodi'r cam gweithredu
risk-meetings-change-heading = Newid y cyfarfod
risk-meetings-change-submit = Cadw'r cyfarfod
risk-meetings-when = Pryd
risk-meetings-area = Ardal neu banel
risk-meetings-your-paperwork = Eich gwaith papur
risk-meetings-why-then = Pam bryd hynny
risk-meetings-actions-heading = Camau gweithredu a gytunwyd
risk-meetings-no-actions-cancelled = Cafodd y cyfarfod ei ganslo, felly ni chytunwyd ar unrhyw gamau gweithredu ynddo.
risk-meetings-no-actions = Nid oes unrhyw gamau gweithredu wedi'u cofnodi eto.
risk-meetings-no-actions-yet = Gellir cofnodi camau gweithredu unwaith y bydd y cyfarfod wedi'i gynnal.
risk-meetings-cancel-title = Canslo'r cyfarfod
risk-meetings-cancel-heading-marac = Canslo'r cyfarfod MARAC?
risk-meetings-cancel-heading-mappa = Canslo'r cyfarfod MAPPA?
risk-meetings-cancel-withdrawn = Mae'r terfyn amser ar gyfer eich gwaith papur a'r dasg ar ei gyfer yn cael eu tynnu'n ôl, ac mae'n gadael eich wythnos a'ch crynodeb boreol. Mae'n aros ar ei chofnod fel un a ganslwyd.
risk-meetings-cancel-moved = Os mai dim ond symud y mae'r cyfarfod, newidiwch ei ddyddiad yn lle hynny; os caiff un newydd ei alw, ychwanegwch ef.
risk-meetings-cancel-this = Canslo'r cyfarfod hwn
risk-meetings-due-on = dyledus { $day }

## Coded values: risk-action-owner [unchecked]

risk-action-owner-supporter = Chi (cefnogwr y dioddefwr)
risk-action-owner-agency = Asiantaeth arall

## Statements and ABE interviews [unchecked]

statements-intro = Ni ddylai cefnogwr fod yn yr ystafell tra bydd yr heddlu'n cymryd ei datganiad neu'n recordio ei chyfweliad ABE, ond gall fod gyda hi cyn ac ar ôl. Trefnwch un o'i chefnogwyr ar gyfer cyn ac ar ôl, ac un arall rhag ofn eu bod i ffwrdd. Mae nodiadau atgoffa'n mynd at y ddau gefnogwr a'r swyddog yn Courtside; nid oes dim yn cael ei anfon at neb arall.
statements-done-added = Mae'r apwyntiad wedi'i drefnu. Mae nodiadau atgoffa ar wythnosau'r cefnogwyr a'r swyddog.
statements-done-changed = Mae'r apwyntiad wedi'i newid, a'i nodiadau atgoffa gydag ef.
statements-done-cancelled = Mae'r apwyntiad wedi'i dynnu'n ôl, a'i nodiadau atgoffa wedi'u canslo.
statements-kind = Ar gyfer beth mae'r apwyntiad?
statements-date = Ar ba ddiwrnod mae?
statements-date-hint = Er enghraifft, 30/03/2026
statements-place = Ble mae?
statements-place-hint = Yr orsaf heddlu neu'r lleoliad, er enghraifft Gorsaf Heddlu Elland Road. Byth cyfeiriad y dioddefwr.
statements-officer = Gyda pha swyddog mae?
statements-choose-officer = Dewiswch swyddog
statements-officer-hint = Swyddog gofal tystion o uned yr achos. Mae ei nodyn atgoffa'n mynd i'w wythnos yn Courtside.
statements-supporter = Pa gefnogwr sydd wedi'i drefnu ar gyfer cyn ac ar ôl?
statements-choose-supporter = Dewiswch gefnogwr
statements-supporter-hint = Ni ddylai'r cefnogwr fod yn yr ystafell tra bydd y datganiad yn cael ei gymryd neu'r cyfweliad yn cael ei recordio.
statements-alternative = Pa gefnogwr all fynd yn lle hynny os ydynt i ffwrdd?
statements-choose-alternative = Dewiswch gefnogwr gwahanol
statements-error-kind = Dewiswch ddatganiad tyst neu gyfweliad ABE
statements-error-officer = Dewiswch y swyddog
statements-error-supporter = Dewiswch y cefnogwr sydd wedi'i drefnu ar gyfer cyn ac ar ôl
statements-error-alternative = Dewiswch y cefnogwr wrth gefn
statements-error-stale = Mae rhywun wedi cadw'r apwyntiad hwn yn gyntaf, tra oedd ar agor gennych. Mae'r hyn sydd wedi'i storio nawr i'w weld: gwiriwch ef, yna cadwch eto
statements-people = { $supporter } cyn ac ar ôl (nid yn yr ystafell); { $alternative } os ydynt i ffwrdd
statements-add-heading = Trefnu datganiad neu gyfweliad ABE
statements-add-submit = Trefnu'r apwyntiad
statements-change-heading = Newid yr apwyntiad
statements-change-submit = Cadw'r apwyntiad
statements-withdraw = Tynnu'r apwyntiad yn ôl
statements-officer-key = Swyddog
statements-before-after = Cyn ac ar ôl
statements-not-in-room = { $name } (nid yn yr ystafell)
statements-if-away = Os ydynt i ffwrdd
statements-reminders = Nodiadau atgoffa
statements-none-left = Dim ar ôl i'w hanfon
statements-withdrawn-none = Wedi'i dynnu'n ôl: dim nodiadau atgoffa
statements-withdrawn-tag = Wedi'i dynnu'n ôl

## Parents, guardians and appropriate adults [unchecked]

responsible-adults-title = Rhieni, gwarcheidwaid ac oedolion priodol
responsible-adults-intro = Tra bydd hi o dan 18, mae pob oedolyn yma nad oes neb wedi'i eithrio yn cael copi o bob neges a anfonir ati, drwy e-bost, gyda'i chaniatâd neu sail gyfreithlon wedi'i chofnodi. Nid yw ei chyfeiriad byth mewn neges. Nid yw rhywun y mae hi neu'r llys wedi'i eithrio byth yn cael gwybod dim.
responsible-adults-excluded-by-her = Wedi'i eithrio ganddi hi: ni chaiff wybod dim byth
responsible-adults-excluded-by-court = Wedi'i eithrio gan y llys: ni chaiff wybod dim byth
responsible-adults-name = Eu henw
responsible-adults-relationship = Beth yw eu perthynas â hi?
responsible-adults-email-hint = Mae copïau o'i hysbysiadau'n mynd yma tra bydd hi o dan 18. Peidiwch byth â chofnodi rhywun y mae hi neu'r llys wedi'i eithrio.
responsible-adults-language = Iaith ar gyfer eu negeseuon (dewisol)
responsible-adults-language-hint = Cod fel en neu cy. Saesneg os caiff ei adael yn wag.
responsible-adults-done-added = Mae'r oedolyn cyfrifol wedi'i gofnodi.
responsible-adults-done-excluded = Maent wedi'u heithrio: ni fyddant yn cael gwybod dim, ac mae negeseuon a gynlluniwyd ar eu cyfer wedi'u canslo.
responsible-adults-done-ended = Mae eu rôl wedi dod i ben: ni fydd dim mwy yn cael ei anfon atynt.
responsible-adults-role-ended = Rôl wedi dod i ben
responsible-adults-sent-copies = Yn cael copïau o'i hysbysiadau
responsible-adults-no-email = Dim wedi'i anfon: dim cyfeiriad e-bost
responsible-adults-not-yet = Dim wedi'i anfon eto: gweler uchod
responsible-adults-not-child = Nid yw wedi'i chofnodi ei bod o dan 18, felly nid oes neb yma'n cael copïau o'i hysbysiadau.
responsible-adults-no-basis = Nid oes neb yma'n cael dim eto: cofnodwch ei chaniatâd i anfon at ei hoedolion cyfrifol yr hyn a anfonir ati hi (neu sail gyfreithlon o dan y pennawd hwnnw) ar ei thudalen caniatâd.
responsible-adults-add-submit = Ychwanegu'r oedolyn
responsible-adults-error-relationship = Dewiswch ai ei rhiant, ei gwarcheidwad neu ei hoedolyn priodol ydynt
responsible-adults-error-excluded-by = Dewiswch pwy a'u heithriodd: hi neu'r llys
responsible-adults-relationship-heading = Perthynas
responsible-adults-actions = Camau gweithredu
responsible-adults-who-excluded = Pwy a eithriodd { $name }?
responsible-adults-she-did = Hi
responsible-adults-the-court = Y llys (gorchymyn)
responsible-adults-reason = Rheswm neu gyfeirnod y gorchymyn (dewisol)
responsible-adults-exclude = Eithrio
responsible-adults-end = Dod â'u rôl i ben
responsible-adults-none = Nid oes rhiant, gwarcheidwad nac oedolyn priodol wedi'i gofnodi ar gyfer y dioddefwr hwn.
responsible-adults-add-heading = Ychwanegu rhiant, gwarcheidwad neu oedolyn priodol

## Coded values: responsible-adult-relationship [unchecked]

responsible-adult-relationship-parent = Rhiant
responsible-adult-relationship-guardian = Gwarcheidwad
responsible-adult-relationship-appropriate-adult = Oedolyn priodol

## Booking lead time for needs at court [unchecked]

court-settings-now-own = Mae eich llys yn gofyn am { $days } diwrnod gwaith o rybudd.
court-settings-now-default = Nid yw eich llys wedi gosod ei ffigur ei hun, felly mae ffigur diofyn y gwasanaeth, sef { $default } diwrnod gwaith, yn berthnasol.
court-settings-intro = Pan fydd angen dioddefwr yn y llys (cyfieithydd, cyfryngwr cofrestredig, mynediad i bobl anabl neu ystafell aros ar wahân) yn cael ei gofnodi'n nes at ei gwrandawiad na hyn, mae'r swyddog gofal tystion yn cael ei rybuddio mai ar fyr rybudd y gwneir y trefniant.
court-settings-saved = Wedi'i gadw.
court-settings-days = Sawl diwrnod gwaith o rybudd sydd ei angen ar eich llys?
court-settings-days-hint = O 1 i { $most }. Gadewch yn wag i ddefnyddio ffigur diofyn y gwasanaeth, sef { $default } diwrnod gwaith.
court-settings-error-days = Rhowch nifer cyfan o ddiwrnodau gwaith o 1 i { $most }, neu gadewch yn wag

## Needs at court [unchecked]

court-needs-title = Anghenion yn y llys
court-needs-intro = Yr hyn sydd ei angen ar y dioddefwr i roi tystiolaeth. Mae angen a gofnodir gyda'i chaniatâd yn mynd i'r llys (drwy'r erlynydd, ar gyfer rhestru a threfnu cyfieithydd) ac i'r Gwasanaeth Tystion gyda'r cais i fod yn bresennol, ac eto os bydd y gwrandawiad yn symud.
court-needs-kind-interpreter = Cyfieithydd (nodwch yr iaith isod)
court-needs-kind-bsl-interpreter = Dehonglydd Iaith Arwyddion Prydain
court-needs-kind-registered-intermediary = Cyfryngwr cofrestredig
court-needs-kind-disability-access = Mynediad i bobl anabl
court-needs-kind-separate-waiting-room = Ystafell aros ar wahân
court-needs-kind-other = Angen arall
court-needs-words-interpreter = Cyfieithydd ({ $language })
court-needs-words-bsl-interpreter = Dehonglydd Iaith Arwyddion Prydain
court-needs-words-registered-intermediary = Cyfryngwr cofrestredig
court-needs-words-disability-access = Mynediad i bobl anabl
court-needs-words-separate-waiting-room = Ystafell aros ar wahân
court-needs-referral-consent = Ydy: ei chaniatâd i'w hatgyfeirio at y Gwasanaeth Tystion, dyddiedig { $given }
court-needs-not-yet = Ddim eto: cadw'r angen, ond peidio â'i drosglwyddo
court-needs-kind = Beth sydd ei angen ar y dioddefwr yn y llys?
court-needs-language = Iaith (ar gyfer cyfieithydd yn unig)
court-needs-language-hint = Enw'r iaith yn unig, er enghraifft Pwyleg neu Bortiwgaleg Brasil.
court-needs-consent = Ydy'r dioddefwr wedi cytuno i hyn gael ei drosglwyddo i'r llys ac i'r Gwasanaeth Tystion?
court-needs-consent-hint = Cofnodwch ei chaniatâd i'r atgyfeiriad at y Gwasanaeth Tystion yn gyntaf os nad yw wedi'i restru.
court-needs-passed-on = Ydy, gyda'i chaniatâd
court-needs-not-passed-on = Nac ydy: dim caniatâd wedi'i gofnodi
court-needs-done-added = Mae'r angen wedi'i gofnodi.
court-needs-done-withdrawn = Mae'r angen wedi'i dynnu'n ôl. Ni fydd yn cael ei drosglwyddo eto.
court-needs-add-submit = Ychwanegu'r angen
court-needs-error-kind = Dewiswch beth sydd ei angen ar y dioddefwr yn y llys
court-needs-withdraw-told = Cafodd ei drosglwyddo gyda'i chaniatâd, felly mae'r llys (drwy'r erlynydd) a'r Gwasanaeth Tystion, ar gyfer pob gwrandawiad sydd i ddod lle'r oedd ganddynt ef, yn cael ei hanghenion fel y maent nawr, neu'n cael gwybod nad oes dim ar ôl fel y gallant ganslo trefniadau a wnaed ar ei gyfer yn unig.
court-needs-withdraw-not-told = Ni chafodd ei drosglwyddo erioed (ni chofnodwyd caniatâd), felly nid oes neb arall yn cael gwybod.
court-needs-withdraw-title = Tynnu angen yn y llys yn ôl
court-needs-withdraw-heading = Tynnu'r angen hwn yn y llys yn ôl?
court-needs-need = Angen
court-needs-withdraw-again = Nid yw angen a dynnwyd yn ôl yn cael ei drosglwyddo eto. Os bydd ei angen arni wedi'r cyfan, ychwanegwch ef eto.
court-needs-withdraw-submit = Tynnu'r angen yn ôl
court-needs-passed-on-heading = Wedi'i drosglwyddo
court-needs-withdraw = Tynnu'n ôl
court-needs-none = Nid oes unrhyw anghenion yn y llys wedi'u cofnodi ar gyfer y dioddefwr hwn.
court-needs-add-heading = Ychwanegu angen

## Court lists [unchecked]

court-lists-intro = Mae llysoedd yn cyhoeddi eu rhestrau bob dydd. Llwythwch restr i fyny ac mae Courtside yn ei gwirio yn erbyn y gwrandawiadau y mae'n eu dilyn: mae'n cadarnhau'r rhai a restrwyd fel y cynlluniwyd, yn symud y rhai a restrwyd ar amser neu mewn ystafell arall (ac yn dweud wrth bawb a wyddai'r hen ddyddiad), ac yn gofyn i chi wirio unrhyw wrandawiad sydd ar goll o restr ddyddiol. Nid yw byth yn dileu gwrandawiad ar ei ben ei hun. Amser y DU yw'r amseroedd.
court-lists-type-crown-daily-pdda-list = Rhestr ddyddiol Llys y Goron
court-lists-type-crown-firm-pdda-list = Rhestr bendant Llys y Goron
court-lists-type-crown-warned-pdda-list = Rhestr rybuddio Llys y Goron
court-lists-type-magistrates-standard-list = rhestr safonol y llys ynadon
court-lists-type-magistrates-public-list = rhestr gyhoeddus y llys ynadon
court-lists-type-family-daily-cause-list = rhestr achosion ddyddiol y llys teulu
court-lists-type-civil-and-family-daily-cause-list = rhestr achosion ddyddiol y llys sifil a theulu
court-lists-recognise = Ei hadnabod o'r ddogfen
court-lists-court-named = Y llys y mae'r rhestr yn ei enwi
court-lists-court-list = Rhestr llys
court-lists-kind-daily = dyddiol
court-lists-kind-firm = pendant
court-lists-kind-warned = rhybuddio
court-lists-error-invalid = { $count ->
    [one] Nid yw'r ffeil yn ddilys fel { $list } (cafwyd hyd i 1 broblem, e.e. { $examples })
   *[other] Nid yw'r ffeil yn ddilys fel { $list } (cafwyd hyd i { $count } problem, e.e. { $examples })
}
court-lists-error-type = Dewiswch fath o restr o'r rhestr
court-lists-error-too-large = Mae'r ffeil yn fwy na { $mb } MB; mae rhestr llys gyhoeddedig yn llai
court-lists-error-no-file = Dewiswch y ffeil rhestr llys i'w llwytho i fyny
court-lists-change-moved = Wedi'i symud
court-lists-change-absent = Ddim ar y rhestr
court-lists-change-warned = Wedi'i rybuddio
court-lists-change-new = Eisteddiad newydd
court-lists-change-unapplied = Wedi'i symud ar y rhestr, heb ei gymhwyso
court-lists-change-confirmed = Wedi'i gadarnhau
court-lists-change-other = Wedi newid
court-lists-note-moved = Symudwyd y gwrandawiad i'r amser a restrwyd; mae pawb a gafodd wybod am yr hen ddyddiad yn cael gwybod am yr un newydd.
court-lists-note-absent = Ar goll o'r rhestr ddyddiol ar gyfer ei lys a'i ddiwrnod: gwiriwch gyda'r llys. Ni ddilëwyd dim.
court-lists-note-warned = Ar restr rybuddio: gall gael ei alw ar fyr rybudd o fewn y cyfnod.
court-lists-note-new = Mae gan y rhestr eisteddiad ar gyfer yr achos hwn nad yw Courtside yn ei ddilyn: mae tasg yn gofyn am ei ychwanegu.
court-lists-note-unapplied = Nid oes neb yn gyfrifol am yr achos hwn (dim uned gofal tystion, dim cefnogwr presennol), felly ni wnaed y symudiad.
court-lists-note-confirmed = Wedi'i restru fel y mae gan Courtside.
court-lists-no-reference = (dim cyfeirnod)
court-lists-import-title = Mewnforio rhestr llys
court-lists-upload-heading = Llwytho rhestr i fyny
court-lists-file = Y rhestr gyhoeddedig (ffeil JSON)
court-lists-file-hint = Fel y'i lawrlwythwyd o wasanaeth gwrandawiadau llysoedd a thribiwnlysoedd GLlTEF, hyd at { $mb } MB. Nid yw enwau diffynyddion a phartïon ynddi byth yn cael eu darllen na'u cadw.
court-lists-type = Math o restr
court-lists-type-hint = Mae GLlTEF yn ei anfon gyda'r ffeil. Os nad ydych yn ei wybod, mae Courtside yn ei adnabod o'r ddogfen.
court-lists-court-hint = Dim ond ei angen ar gyfer rhestr nad yw'n enwi ei llys.
court-lists-upload-submit = Llwytho i fyny a gwirio
court-lists-imported-heading = Rhestrau a fewnforiwyd
court-lists-list = Rhestr
court-lists-published = Cyhoeddwyd
court-lists-imported = Mewnforiwyd
court-lists-new = Newydd
court-lists-mine = Wedi'i llwytho i fyny gennych chi
court-lists-pages = Tudalennau mewnforion
court-lists-newer = Mewnforion mwy diweddar
court-lists-older = Mewnforion hŷn
court-lists-none = Nid oes unrhyw restrau llys wedi'u mewnforio eto.
court-lists-again = Roedd y rhestr hon wedi'i mewnforio eisoes, felly ni newidiodd dim. Dyma beth wnaeth hi y tro cyntaf.
court-lists-all = Pob rhestr llys
court-lists-version = (fersiwn { $version })
court-lists-on-the-list = Ar y rhestr
court-lists-sittings = { $sittings } eisteddiad; { $ignored } wedi'u hanwybyddu: ar gyfer achosion nad yw Courtside yn eu dilyn, neu sydd eisoes wedi mynd heibio (heb eu cadw)
court-lists-whole-list = Y rhestr gyfan
court-lists-whole-counts = { $confirmed } wedi'u cadarnhau, { $moved } wedi'u symud, { $absent } ddim ar y rhestr, { $warned } wedi'u rhybuddio, { $new } newydd
court-lists-unmatched = Llysoedd nad ydynt yn y cyfeiriadur
court-lists-attention = Angen sylw
court-lists-attention-label = Gwrandawiadau sydd angen sylw
court-lists-change = Newid
court-lists-court-time = Llys ac amser nawr
court-lists-supporters-told = Cefnogwyr a gafodd wybod
court-lists-no-notice-needed = Nid oedd angen hysbysiad i gefnogwr (dim caniatâd neu dim cefnogwr)
court-lists-tasks-ask = Mae tasgau'n gofyn i'r uned a'r cefnogwr wirio
court-lists-nothing = Nid oes dim ar y rhestr hon angen eich sylw.
court-lists-confirmed-heading = Wedi'u cadarnhau fel y cynlluniwyd
court-lists-none-confirmed = Ni chadarnhawyd unrhyw un o'ch gwrandawiadau gan y rhestr hon.
court-lists-not-shown = Mae { $count } newid arall yn ymwneud ag achosion y tu allan i'ch perthnasoedd ac nid ydynt yn cael eu dangos.

## Partnership report [unchecked]

reports-intro = Ffigurau dienw ar gyfer dioddefwyr eich sefydliad: a yw cefnogwyr yn cyrraedd y llys wrth eu hochr, ac a yw dyletswyddau'r Cod Dioddefwyr yn cael eu cyflawni mewn pryd. Dim ond cyfrifon sy'n gadael yr adroddiad; mae cyfrifon bach yn cael eu cuddio.
reports-error-to-before-from = Rhaid i'r diwrnod olaf fod yr un fath â'r diwrnod cyntaf neu ar ei ôl
reports-error-from = Rhowch y diwrnod cyntaf, neu dewiswch chwarter neu fis
reports-error-to = Rhowch y diwrnod olaf, neu dewiswch chwarter neu fis
reports-error-to-other = Y diwrnod olaf: { $why }
reports-error-from-other = Y diwrnod cyntaf: { $why }
reports-error-court = Dewiswch lys o'r rhestr
reports-error-court-kind = Dewiswch fath o lys o'r rhestr
reports-error-case-kind = Dewiswch droseddol, teulu, neu'r ddau
reports-error-period = Dewiswch chwarter, mis, neu ddyddiadau o ac i
reports-error-unread = Nid oedd modd darllen yr hidlwyr: dewiswch nhw eto a dangos y ffigurau
reports-period-quarter = Chwarter
reports-period-month = Mis
reports-period-custom = Dyddiadau o ac i
reports-from = Diwrnod yn y chwarter neu'r mis, neu'r diwrnod cyntaf
reports-from-hint = Er enghraifft, 1 1 2026 ar gyfer Ionawr i Fawrth 2026
reports-to = Y diwrnod olaf (dyddiadau o ac i yn unig)
reports-to-hint = Er enghraifft, 31 3 2026
reports-period = Cyfnod
reports-court-kind = Math o lys
reports-all-kinds = Pob math
reports-case-kind = Math o achos
reports-criminal-and-family = Troseddol a theulu
reports-show = Dangos y ffigurau
reports-glance = Cipolwg
reports-glance-caption = Prif ffigur pob mesur
reports-measure = Mesur
reports-main-figure = Prif ffigur
reports-value = Gwerth
reports-hidden = Mae { $count } ffigur wedi'u cuddio oherwydd bod y cyfrifon y tu ôl iddynt yn fach.
reports-none-hidden = Nid oes unrhyw ffigur wedi'i guddio.
reports-download = Lawrlwytho'r ffigurau hyn (CSV)
reports-each = Pob mesur
reports-measure-hidden = Mae { $count } o'r ffigurau hyn wedi'u cuddio (cyfrifon bach).
reports-figures-label = { $title }: ffigurau
reports-figure = Ffigur

## Report measures [unchecked]
report-m-attendance-outcomes-title = Ceisiadau i gefnogwr fod yn bresennol, yn ôl y canlyniad
report-m-attendance-outcomes-definition = Ceisiadau i gefnogwr fod yn bresennol mewn gwrandawiad sy'n dechrau yn y cyfnod, yn ôl lle maen nhw'n sefyll nawr; mae cais sydd heb benderfyniad o hyd pan ddechreuodd ei wrandawiad yn cyfrif fel un heb ei benderfynu erbyn diwrnod y gwrandawiad.
report-f-attendance-outcomes-allowed = Caniatawyd (gan gynnwys bod yn bresennol)
report-f-attendance-outcomes-allowed-with-conditions = Caniatawyd gydag amodau
report-f-attendance-outcomes-refused = Gwrthodwyd, neu cyfarwyddwyd i beidio â bod yn bresennol
report-f-attendance-outcomes-withdrawn = Tynnwyd yn ôl
report-f-attendance-outcomes-not-decided-by-hearing = Heb ei benderfynu erbyn diwrnod y gwrandawiad
report-f-attendance-outcomes-awaiting-decision = Heb ei benderfynu, gwrandawiad i ddod
report-f-attendance-outcomes-total = Ceisiadau
report-m-refusal-reasons-title = Rhesymau dros wrthod
report-m-refusal-reasons-definition = Gwrthodiadau a chyfarwyddiadau i beidio â bod yn bresennol, wedi'u cyfrif yn ôl categori rheswm y llys a gofnodwyd gyda'r penderfyniad; ni chaiff geiriau'r rheswm eu cyfrif na'u dangos byth.
report-f-refusal-reasons-not-in-interests-of-justice = Nid er budd cyfiawnder
report-f-refusal-reasons-not-necessary = Nid yw'n angenrheidiol er budd cyfiawnder
report-f-refusal-reasons-supporter-is-witness = Mae'r cefnogwr yn dyst, neu wedi gweld y datganiad
report-f-refusal-reasons-room-or-facilities = Ystafell neu gyfleusterau cyswllt byw
report-f-refusal-reasons-request-too-late = Daeth y cais yn rhy hwyr
report-f-refusal-reasons-other = Rheswm arall
report-f-refusal-reasons-not-categorised = Heb ei gategoreiddio
report-f-refusal-reasons-total = Gwrthodiadau a chyfarwyddiadau
report-m-request-notice-title = Rhybudd a roddwyd cyn y gwrandawiad
report-m-request-notice-definition = Diwrnodau gwaith (Cymru a Lloegr, heb gynnwys gwyliau banc) o'r diwrnod y gwnaed cais hyd at ddiwrnod y gwrandawiad, dros y ceisiadau uchod; wedi'u cyfrifo fesul rhes y tu allan i'r gronfa ddata.
report-f-request-notice-median-working-days = Canolrif
report-f-request-notice-p90-working-days = 90fed canradd
report-m-evidence-with-supporter-title = Rhoi tystiolaeth gyda chefnogwr wrth eu hochr
report-m-evidence-with-supporter-definition = Gwrandawiadau yn y cyfnod, sydd eisoes wedi dechrau ac heb eu dileu, lle roedd y dioddefwr i roi tystiolaeth; mae gyda chefnogwr yn bresennol yn golygu bod cais ar gyfer y gwrandawiad hwnnw wedi'i gofnodi fel un y bu'r cefnogwr yn bresennol ynddo.
report-f-evidence-with-supporter-with-supporter = Gyda chefnogwr yn bresennol
report-f-evidence-with-supporter-without-supporter = Heb gefnogwr
report-f-evidence-with-supporter-total = Gwrandawiadau lle rhoddodd y dioddefwr dystiolaeth
report-f-evidence-with-supporter-share-with-supporter = Cyfran gyda chefnogwr
report-m-pre-trial-visits-title = Ymweliadau cyn treial cyn treialon
report-m-pre-trial-visits-definition = Treialon a restrwyd yn y cyfnod (heb eu dileu) gydag ymweliad cyn treial ar gyfer yr achos wedi'i drefnu neu wedi'i fynychu ar ddyddiad cyn y treial; diwrnodau o flaen llaw yw diwrnodau calendr o'r ymweliad diweddaraf o'r fath hyd at y treial.
report-f-pre-trial-visits-visit-before-trial = Ymweliad cyn treial cyn y treial
report-f-pre-trial-visits-no-visit = Dim ymweliad cyn y treial
report-f-pre-trial-visits-total = Treialon
report-f-pre-trial-visits-share-with-visit = Cyfran gydag ymweliad
report-f-pre-trial-visits-median-days-before = Canolrif y diwrnodau rhwng yr ymweliad a'r treial
report-m-special-measures-title = Trafodaethau am fesurau arbennig
report-m-special-measures-definition = Trafodaethau am fesurau arbennig a gynhaliwyd yn y cyfnod, yn ôl a oedd y cefnogwr yno.
report-f-special-measures-supporter-present = Cefnogwr yn bresennol
report-f-special-measures-without-supporter = Cynhaliwyd heb y cefnogwr
report-f-special-measures-total = Trafodaethau am fesurau arbennig
report-m-special-measures-informed-title = Cefnogwyr a gafodd wybod am drafodaethau a gynhaliwyd hebddyn nhw
report-m-special-measures-informed-definition = O'r trafodaethau a gynhaliwyd heb y cefnogwr, y rhai y dilynwyd hwy gan hysbysiad a anfonwyd yn dweud wrth y cefnogwr (ar gyfer yr un achos, ar ddiwrnod y drafodaeth neu wedi hynny), a'r diwrnodau gwaith a gymerodd.
report-f-special-measures-informed-informed = Dywedwyd wrth y cefnogwr
report-f-special-measures-informed-not-informed = Ni ddywedwyd wrth y cefnogwr
report-f-special-measures-informed-total = Cynhaliwyd heb y cefnogwr
report-f-special-measures-informed-share-informed = Cyfran lle dywedwyd wrth y cefnogwr
report-f-special-measures-informed-median-working-days = Canolrif y diwrnodau gwaith i ddweud wrthyn nhw
report-m-right8-hearing-dates-title = Hawl 8 Cod y Dioddefwyr: trosglwyddo dyddiadau gwrandawiadau
report-m-right8-hearing-dates-definition = Dyletswyddau i ddweud wrth y cefnogwr (gyda chaniatâd y dioddefwr) am ddyddiad gwrandawiad wedi'u cyfrif o ddiwrnod yn y cyfnod ac sydd bellach wedi'u cyflawni neu eu methu: mewn pryd pan gânt eu gwneud o fewn 1 diwrnod gwaith i'r uned ddod i wybod.
report-f-right8-hearing-dates-on-time = Mewn pryd
report-f-right8-hearing-dates-late = Yn hwyr neu heb ei wneud
report-f-right8-hearing-dates-total = Dyletswyddau
report-f-right8-hearing-dates-share-on-time = Cyfran mewn pryd
report-m-right8-outcomes-title = Hawl 8 Cod y Dioddefwyr: trosglwyddo canlyniadau gwrandawiadau
report-m-right8-outcomes-definition = Dyletswyddau i ddweud wrth y cefnogwr (gyda chaniatâd) am ganlyniad gwrandawiad, wedi'u cyfrif o ddiwrnod yn y cyfnod: mewn pryd o fewn 1 diwrnod gwaith i ddioddefwyr sydd â hawl i hawliau gwell, fel arall 5.
report-f-right8-outcomes-on-time = Mewn pryd
report-f-right8-outcomes-late = Yn hwyr neu heb ei wneud
report-f-right8-outcomes-total = Dyletswyddau
report-f-right8-outcomes-share-on-time = Cyfran mewn pryd
report-m-right8-late-by-agency-title = Dyletswyddau Hawl 8 hwyr yn ôl asiantaeth
report-m-right8-late-by-agency-definition = Dyletswyddau hwyr neu heb eu gwneud y ddau fesur uchod, yn ôl yr asiantaeth gyfrifol: uned gofal tystion yr achos.
report-f-right8-late-by-agency-total = Dyletswyddau hwyr
report-m-parole-title = Cerrig milltir parôl a'r cefnogwr
report-m-parole-definition = Cerrig milltir parôl a gynlluniwyd i'w rhannu gyda'r cefnogwr yn y cyfnod (heb eu canslo) o'u cymharu â'r rhai a ddaliwyd yn ôl am nad oedd y dioddefwr wedi rhoi caniatâd; wedi'u hidlo yn ôl cyfnod a sefydliad yn unig.
report-f-parole-shared = Rhannwyd gyda'r cefnogwr
report-f-parole-withheld = Daliwyd yn ôl: dim caniatâd
report-f-parole-total = Cerrig milltir parôl
report-f-parole-share-shared = Cyfran a rannwyd
report-m-notices-title = Hysbysiadau
report-m-notices-definition = Hysbysiadau a gynlluniodd y llifoedd yn y cyfnod, yn ôl eu cyflwr anfon nawr.
report-f-notices-sent = Anfonwyd
report-f-notices-failed = Methodd, i roi cynnig arall arno
report-f-notices-escalated = Uwchgyfeiriwyd: nid oedd modd ei anfon, rhoddwyd i reolwr
report-f-notices-pending = Yn aros i gael ei anfon
report-f-notices-cancelled = Canslwyd (nid oes ei eisiau mwyach)
report-f-notices-total = Hysbysiadau
report-m-deadlines-title = Terfynau amser
report-m-deadlines-definition = Terfynau amser a ddechreuodd y llifoedd sy'n ddyledus yn y cyfnod, yn ôl eu cyflwr: wedi'u cyflawni mewn pryd, wedi'u methu (yn ddyledus ac heb eu cyflawni mewn pryd), yn dal i redeg, neu wedi'u canslo.
report-f-deadlines-met = Cyflawnwyd mewn pryd
report-f-deadlines-missed = Methwyd
report-f-deadlines-running = Yn dal i redeg
report-f-deadlines-cancelled = Canslwyd
report-f-deadlines-total = Terfynau amser
report-shown-fewer-than-5 = llai na 5
report-shown-suppressed = wedi'i guddio
report-shown-not-available = ddim ar gael
report-shown-days = { $days } diwrnod

## Date and time fields [unchecked]
form-field-made-on = y diwrnod y gwnaed y gorchymyn
form-field-ends-on = Y dyddiad gorffen
form-field-told-on = y diwrnod y cafodd y dioddefwr wybod
form-field-incident-on = diwrnod y digwyddiad
form-field-ended-on = y diwrnod y daeth i ben
form-field-hearing-on = diwrnod y gwrandawiad
form-field-offered-on = y dyddiad y cafodd ei gynnig
form-field-meeting-date = dyddiad y cyfarfod
form-field-report-from = y diwrnod cyntaf
form-field-report-to = y diwrnod olaf
form-field-risk-meeting-date = diwrnod y cyfarfod
form-field-risk-meeting-time = yr amser y mae'n dechrau
form-field-due-on = y dyddiad dyledus
form-field-appointment-date = diwrnod yr apwyntiad
form-field-appointment-time = yr amser y mae'n dechrau
