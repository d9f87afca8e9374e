# The records kept on a case and their forms (issue #18).
# Keys here must not repeat a key in pages.ftl or service.ftl.

## To do (tasks) [unchecked]

tasks-title = I'w gwneud
tasks-done = Mae'r dasg wedi'i marcio'n gyflawn.
tasks-stale = Mae rhywun arall wedi newid y dasg honno'n gyntaf. Gwiriwch hi isod a rhowch gynnig arall arni.
tasks-intro = Pa gefnogwyr y mae'n rhaid dweud beth wrthynt, ac erbyn pryd. Amser y DU yw'r amseroedd.
tasks-time-limits = Terfynau amser sy'n rhedeg
tasks-what-must-happen = Beth sy'n rhaid digwydd
tasks-by = Erbyn
tasks-no-time-limits = Does dim terfynau amser yn rhedeg.
tasks-to-supporters = Hysbysiadau sy'n aros i fynd at gefnogwyr
tasks-your-open-tasks = Eich tasgau agored
tasks-task = Tasg
tasks-due = Dyledus
tasks-action = Cam gweithredu
tasks-reconstructed = (cam wedi'i ail-greu o'r canllawiau)
tasks-mark-done = Marcio'n gyflawn
tasks-no-open-tasks = Does gennych chi ddim tasgau agored.
tasks-victim = Dioddefwr { $victim }
tasks-unconfirmed = Mae'r terfyn amser wedi'i adrodd ond heb ei gadarnhau
tasks-no-date = Dim dyddiad wedi'i osod

## Requests to confirm [unchecked]

requests-title = Ceisiadau
requests-summary = { $count ->
    [0] Does dim yn aros i chi ei gadarnhau.
    [one] Mae 1 cais yn aros i chi ei gadarnhau.
   *[other] Mae { $count } cais yn aros i chi eu cadarnhau.
}
requests-done = Cadarnhawyd eich bod wedi'i gael. Gall yr anfonwr weld eich bod yn delio ag ef.
requests-confirmed = Cadarnhawyd { $when }
requests-passed-on = Yn hwyr: wedi'i basio ymlaen i'w ddilyn
requests-waiting = Yn aros amdanoch chi
requests-not-sent = Heb ei anfon eto
requests-sent = Anfonwyd
requests-confirm-by = Cadarnhau erbyn
requests-of = { " " }o { $what }

## Confirming receipt from a message's link [unchecked]

acknowledge-kind-supporter-in-place = bod cefnogwr yn ei le ac y bydd yn mynd i'r llys
acknowledge-kind-companion-request = cais i godi presenoldeb y cefnogwr gyda'r llys
acknowledge-kind-witness-service-request = cais i'r Gwasanaeth Tystion am ymweliad cyn treial
acknowledge-kind-pre-trial-visit-request = cais am ymweliad cyn treial
acknowledge-kind-advance-identification = enwi cefnogwr i'r llys ymlaen llaw
acknowledge-kind-on-the-day-checklist = y rhestr wirio ar gyfer diwrnod y gwrandawiad
acknowledge-kind-other = neges y mae angen gweithredu arni
acknowledge-heading-supporter-in-place = Mae cefnogwr yn ei le a bydd yn mynd i'r llys
acknowledge-heading-companion-request = Cais i godi presenoldeb y cefnogwr gyda'r llys
acknowledge-heading-witness-service-request = Cais i'r Gwasanaeth Tystion am ymweliad cyn treial
acknowledge-heading-pre-trial-visit-request = Cais am ymweliad cyn treial
acknowledge-heading-advance-identification = Enwi cefnogwr i'r llys ymlaen llaw
acknowledge-heading-on-the-day-checklist = Y rhestr wirio ar gyfer diwrnod y gwrandawiad
acknowledge-heading-other = Neges y mae angen gweithredu arni
acknowledge-title = Cadarnhewch eich bod wedi cael y neges hon
acknowledge-about = Pwnc y neges: { $what }.
acknowledge-please-confirm = Cadarnhewch eich bod wedi'i chael ac y byddwch yn gweithredu arni, erbyn { $by }. Os na chaiff ei chadarnhau erbyn hynny, caiff ei throsglwyddo i rywun arall i'w dilyn.
acknowledge-confirm-receipt = Cadarnhau ei derbyn
acknowledge-thank-you = Diolch: cadarnhawyd ei derbyn
acknowledge-already = Mae ei derbyn eisoes wedi'i gadarnhau
acknowledge-confirmed-on = Cadarnhawyd ar { $when }. Does dim angen i chi wneud dim arall ar y dudalen hon.

## Stopping all messages (shown in both languages) [unchecked]

stop-title = Atal pob neges?
stop-intro-what = Os byddwch yn cadarnhau, ni fydd y gwasanaeth hwn yn anfon rhagor o negeseuon atoch: dim negeseuon e-bost am ddyddiadau, newidiadau, ymweliadau na chanlyniadau.
stop-intro-still = Bydd eich cefnogwr a'ch swyddog gofal tystion yn dal i weld eich achos, ac yn dal i allu cysylltu â chi mewn ffyrdd eraill.
stop-submit = Atal pob neges
stop-done-title = Negeseuon wedi'u hatal
stop-already-title = Negeseuon wedi'u hatal yn barod
stop-done-when = Ni fyddwch yn cael rhagor o negeseuon gan y gwasanaeth hwn (ataliwyd ar { $when }).
stop-done-change-mind = Os byddwch yn newid eich meddwl, dywedwch wrth eich cefnogwr neu eich swyddog gofal tystion. Gallant gysylltu â chi mewn ffyrdd eraill o hyd.

## One notice [unchecked]

notice-page-back = Yn ôl i'r achos
notice-page-the-text = Y testun
notice-page-marking = NID I'W DDATGELU I'R CYHOEDD
notice-page-print = I argraffu'r hysbysiad hwn, defnyddiwch orchymyn argraffu eich porwr: dim ond yr hysbysiad sy'n cael ei argraffu. Mae'r ffaith eich bod wedi'i ddarllen wedi'i chofnodi.
notice-page-not-shown = Mae'r testun yn enwi'r bobl dan sylw, felly nid yw'n cael ei ddangos i'ch rôl chi.
notice-page-state = Cyflwr
notice-page-to = At
notice-page-when = Pryd
notice-page-basis = Sail dros ei anfon
notice-page-sending = Anfon
notice-page-why-cancelled = Pam y cafodd ei ganslo
notice-page-not-before = Nid cyn { $when }
notice-page-caption-case = Hysbysiad · achos { $case } · dioddefwr { $victim }
notice-page-caption-victim = Hysbysiad · dioddefwr { $victim }

## A notice's basis for sending [unchecked]

basis-data-subject = Gwybodaeth y dioddefwr ei hun
basis-consent = Caniatâd
basis-consent-to = Caniatâd: { $scope }
basis-spoc-agreement = Cytundeb un pwynt cyswllt
basis-spoc-agreement-of = Cytundeb un pwynt cyswllt dyddiedig { $date }
basis-lawful = { $basis } (rheswm wedi'i gofnodi, nid caniatâd)
basis-not-recorded = Heb ei gofnodi

## Warnings on a case and in the inbox [unchecked]

warnings-no-date = dyddiad heb ei gofnodi
warnings-need-interpreter = cyfieithydd
warnings-need-bsl-interpreter = dehonglydd Iaith Arwyddion Prydain
warnings-need-registered-intermediary = cyfryngwr cofrestredig
warnings-need-disability-access = mynediad i bobl anabl
warnings-need-separate-waiting-room = ystafell aros ar wahân
warnings-need-other = angen yn y llys
warnings-no-responsible-adult = Mae hi o dan 18 oed a does dim rhiant, gwarcheidwad nac oedolyn priodol y gellir dweud wrthynt wedi'u cofnodi, felly ni aeth yr hyn a anfonwyd ati at neb arall. Cofnodwch oedolyn diogel ar ei thudalen (byth un y mae hi neu'r llys wedi'i eithrio).
warnings-supporter-at-statement-and-court = Roedd yr un cefnogwr gyda'r dioddefwr ar gyfer ei datganiad tyst (yn eistedd i mewn arno, neu wedi'i drefnu ar gyfer cyn ac ar ei ôl) ac mae i'w chefnogi yn y llys, felly gallai'r amddiffyniad ddweud bod rhywun wedi dylanwadu ar ei thystiolaeth. Trefnwch gefnogwr arall ar gyfer y llys.
warnings-no-consent-withdrawn = Heb ei anfon: { $what }. Mae hi wedi tynnu'n ôl y caniatâd sydd ei angen. Cofnodwch ei chaniatâd, neu sail gyfreithlon dros ei rannu hebddo, os dylai fynd.
warnings-no-consent-not-given = Heb ei anfon: { $what }. Nid yw hi wedi rhoi'r caniatâd sydd ei angen. Cofnodwch ei chaniatâd, neu sail gyfreithlon dros ei rannu hebddo, os dylai fynd.
warnings-court-need-short-notice = { $need }: cofnodwyd hyn { $days } diwrnod gwaith cyn y gwrandawiad ar { $date }; mae'r llys yn gofyn am { $wanted } diwrnod gwaith o rybudd. Trefnwch hyn gyda'r llys ar unwaith.
warnings-hearing-soon-for-needs = Mae'r gwrandawiad ar { $date } ymhen { $days } diwrnod gwaith; mae'r llys yn gofyn am { $wanted } diwrnod gwaith i drefnu ei hanghenion yn y llys ({ $needs }). Trefnwch nhw gyda'r llys ar unwaith.
warnings-notice-too-late = Heb ei anfon: { $what }, oherwydd bod ei amser wedi mynd heibio. Dywedwch wrthynt mewn ffordd arall os yw'n dal yn bwysig.
warnings-wish-not-recorded = Nid yw dymuniad y dioddefwr i gael rhywun gyda hi yn y llys wedi'i gofnodi eto. Gofynnwch iddi, a'i gofnodi.

## Words the records' forms share [unchecked]

records-date-hint = Er enghraifft, 27 3 2026
records-time-hint = Amser y DU, cloc 24 awr, er enghraifft 14:30
records-yes = Ie
records-no = Na
records-stale = Mae rhywun arall wedi newid y cofnod hwn ({ $what }) ar ôl i chi agor y dudalen hon. Gwiriwch y manylion sydd wedi'u storio nawr, yna dewiswch eto

## Pre-trial visits [unchecked]

visits-choose-a-court = Dewiswch lys
visits-court = Llys
visits-date = Dyddiad
visits-start-time = Amser dechrau
visits-attends-yes = Bydd
visits-attends-no = Na fydd
visits-supporter-attends = A fydd y cefnogwr yn mynd i'r ymweliad?
visits-arrange-title = Trefnu ymweliad cyn treial
visits-arrange-intro = Rhowch y dyddiad a'r amser yn amser y DU. Rhaid i'r ymweliad fod yn y dyfodol.
visits-arrange-submit = Trefnu'r ymweliad
visits-error-court = Dewiswch y llys
visits-error-date-missing = Rhowch ddyddiad yr ymweliad
visits-error-date-part = Rhaid i ddyddiad yr ymweliad gynnwys { $part ->
    [day] y diwrnod
    [month] y mis
   *[year] y flwyddyn
}
visits-error-date-invalid = Rhaid i ddyddiad yr ymweliad fod yn ddyddiad go iawn
visits-error-time-missing = Rhowch yr amser dechrau
visits-error-time-invalid = Rhaid i'r amser dechrau fod yn amser ar y cloc 24 awr, er enghraifft 14:30
visits-error-supporter = Dywedwch a fydd y cefnogwr yn mynd
visits-error-future = Rhaid i'r ymweliad fod yn y dyfodol
visits-error-took-place-future = Ni all ymweliad a gynhaliwyd fod yn y dyfodol: rhowch y diwrnod y digwyddodd
visits-error-state = Dywedwch a yw'r ymweliad wedi'i drefnu neu wedi'i gynnal
visits-when = Pryd
visits-the-supporter = Y cefnogwr
visits-attends = yn mynd
visits-does-not-attend = ddim yn mynd
visits-state-arranged = Wedi'i drefnu ar gyfer y dyddiad a'r amser hwn
visits-state-attended = Cafodd ei gynnal
visits-change-title = Newid ymweliad cyn treial
visits-change-heading = Newid yr ymweliad cyn treial
visits-change-intro = Rhowch ddyddiad ac amser yr ymweliad yn amser y DU. Os bydd yn symud, bydd cefnogwr y dioddefwr ac unrhyw un arall a gafodd wybod amdano yn cael gwybod am yr amser newydd, a bydd y nodiadau atgoffa'n ei ddilyn.
visits-save-changes = Cadw'r newidiadau
visits-where-does-it-stand = Beth yw sefyllfa'r ymweliad?
visits-not-changeable = mae'r ymweliad hwn wedi'i gynnal neu wedi'i ganslo, felly does dim modd ei newid mwyach; trefnwch un newydd o dudalen yr achos
visits-what = ymweliad cyn treial
visits-cancel-title = Canslo ymweliad cyn treial
visits-cancel-heading = Canslo'r ymweliad cyn treial hwn?
visits-cancel-intro = Bydd cefnogwr y dioddefwr, ac unrhyw un arall a gafodd wybod am yr ymweliad, yn cael gwybod ei fod wedi'i ganslo, a bydd ei nodiadau atgoffa'n dod i ben. Mae'r ymweliad yn aros ar yr achos fel un wedi'i ganslo.
visits-cancel-submit = Canslo'r ymweliad

## Victims [unchecked]

victim-language-en = Saesneg
victim-language-cy = Cymraeg
victims-reference = Cyfeirnod
victims-reference-hint = Y cyfeirnod ffugenwol a ddefnyddir yn lle enw'r dioddefwr, er enghraifft V-2040. Peidiwch byth â defnyddio enw.
victims-language-question = Pa iaith y mae'n well gan y dioddefwr ar gyfer llythyrau a negeseuon?
victims-enhanced-question = A oes gan y dioddefwr hawl i hawliau uwch o dan God y Dioddefwyr?
victims-enhanced-yes = Oes
victims-enhanced-no = Nac oes
victims-enhanced-hint = Mae gan bob dioddefwr cam-drin domestig a throseddau mwyaf difrifol hawl iddynt.
victims-child-question = A yw'r dioddefwr o dan 18 oed?
victims-child-yes = Ydy
victims-child-no = Nac ydy
victims-add-title = Ychwanegu dioddefwr
victims-add-intro = Cofnodwch y dioddefwr o dan gyfeirnod. Mae manylion cyswllt yn cael eu cadw ar wahân a dim ond i'r rhai sydd eu hangen y cânt eu dangos.
victims-add-submit = Ychwanegu'r dioddefwr
victims-preferred-language = Dewis iaith
victims-enhanced-rights = Hawliau uwch
victims-under-18 = O dan 18 oed
victims-change-title = Newid manylion dioddefwr
victims-change-heading = Newid manylion y dioddefwr
victims-error-reference = Rhowch gyfeirnod y dioddefwr
victims-error-language = Dewiswch yr iaith y mae'n well gan y dioddefwr
victims-error-enhanced = Dywedwch a oes gan y dioddefwr hawl i hawliau uwch
victims-error-child = Dywedwch a yw'r dioddefwr o dan 18 oed
victims-done-added = Ychwanegwyd y dioddefwr. Gallwch nawr agor achos ar ei gyfer.
victims-done-changed = Mae manylion y dioddefwr wedi'u cadw.
victims-done-messages-resumed = Bydd negeseuon yn mynd at y dioddefwr eto o hyn ymlaen.
victims-count = { $count ->
    [one] 1 dioddefwr
   *[other] { $count } dioddefwr
}
victims-stopped-warning = Ataliodd y dioddefwr bob neges gan y gwasanaeth hwn ar { $when }, drwy'r ddolen mewn neges. Nid oes dim yn cael ei anfon ati nes iddi ofyn am negeseuon eto (tudalen: { $page }).
victims-messages-title = Negeseuon at y dioddefwr
victims-messages-as-usual = Mae negeseuon yn mynd at y dioddefwr fel arfer
victims-messages-not-stopped = Nid yw'r dioddefwr { $victim } wedi atal negeseuon gan y gwasanaeth hwn.
victims-resume-title = Dechrau anfon negeseuon at y dioddefwr eto
victims-resume-heading = Dechrau anfon negeseuon at y dioddefwr eto?
victims-resume-stopped-on = Ataliodd hi bob neges gan y gwasanaeth hwn ar { $when }, drwy'r ddolen mewn neges.
victims-resume-only-if = Gwnewch hyn dim ond os yw hi wedi gofyn am negeseuon eto. Ni fydd negeseuon a ataliwyd yn y cyfamser yn cael eu hanfon; bydd rhai newydd.
victims-resume-submit = Dechrau anfon negeseuon eto
victims-what = dioddefwr
victims-stale = Mae rhywun arall wedi newid manylion y dioddefwr hwn ar ôl i chi agor y dudalen hon. Gwiriwch y manylion sydd wedi'u storio nawr, yna cadwch eto
victims-find-label = Dod o hyd i ddioddefwr yn ôl cyfeirnod
victims-find-hint = Y cyfan neu ran ohono, er enghraifft 1002. Nid yw enwau'n cael eu chwilio: maen nhw'n cael eu cadw dan sêl.
victims-find = Chwilio
victims-holding = { " " }â chyfeirnod sy'n cynnwys “{ $q }”
victims-caption = Dioddefwyr rydych yn gweithio gyda nhw ({ $total })
victims-actions = Camau gweithredu
victims-change = Newid
victims-hidden-victim = { " " }dioddefwr { $victim }
victims-needs-at-court = Anghenion yn y llys
victims-hidden-for-victim = { " " }ar gyfer dioddefwr { $victim }
victims-contact-details = Manylion cyswllt
victims-hidden-of-victim = { " " }dioddefwr { $victim }
victims-parents-and-guardians = Rhieni a gwarcheidwaid
victims-no-match = Does dim cyfeirnod dioddefwr yn cynnwys “{ $q }”. Gwiriwch ef, neu chwiliwch gyda llai ohono.
victims-none-yet = Does dim dioddefwyr i chi eto.

## Adding and moving a hearing [unchecked]

hearings-courtroom = Ystafell llys (dewisol)
hearings-courtroom-hint = Er enghraifft, Llys 4
hearings-length = Hyd disgwyliedig, mewn munudau
hearings-length-hint = Ar gyfer gwrandawiad dros sawl diwrnod, cyfanswm amser y llys: 6 awr (360 munud) y dydd
hearings-error-date-missing = Rhowch ddyddiad y gwrandawiad
hearings-error-date-part = Rhaid i ddyddiad y gwrandawiad gynnwys { $part ->
    [day] y diwrnod
    [month] y mis
   *[year] y flwyddyn
}
hearings-error-date-invalid = Rhaid i ddyddiad y gwrandawiad fod yn ddyddiad go iawn
hearings-error-length-missing = Rhowch yr hyd disgwyliedig mewn munudau
hearings-error-length-invalid = Rhaid i'r hyd disgwyliedig fod yn nifer cyfan o funudau, er enghraifft 90
hearings-kind-question = Pa fath o wrandawiad ydyw?
hearings-victim-at = Y dioddefwr yn y gwrandawiad hwn
hearings-select-all = Dewiswch bob un sy'n berthnasol
hearings-add-title = Ychwanegu gwrandawiad
hearings-add-intro = Rhowch y dyddiad a'r amser yn amser y DU. Bydd y cefnogwr a'r dioddefwr yn cael gwybod fel y mae'r rheolau'n ei gwneud yn ofynnol.
hearings-add-submit = Ychwanegu'r gwrandawiad
hearings-error-kind = Dewiswch y math o wrandawiad
hearings-expected-length = Hyd disgwyliedig
hearings-move-title = Symud gwrandawiad
hearings-move-intro = Rhowch ble a phryd y bydd y gwrandawiad yn cael ei gynnal nawr, yn amser y DU. Bydd pawb a gafodd wybod am yr hen ddyddiad yn cael gwybod am y newid.
hearings-move-submit = Symud y gwrandawiad
hearings-not-movable = dim ond gwrandawiad sydd wedi'i restru neu wedi'i symud y gellir ei symud
hearings-error-nothing-changed = Newidiwch y dyddiad, yr amser, y llys, yr ystafell llys neu'r hyd, neu canslwch
hearings-what = gwrandawiad
hearings-stale = Mae rhywun arall wedi newid y gwrandawiad hwn ar ôl i chi agor y dudalen hon. Gwiriwch y manylion sydd wedi'u storio nawr, yna cadwch eto

## Consents: recording one, withdrawing it, undoing a withdrawal [unchecked]

consents-record-title = Cofnodi caniatâd
consents-record-heading = Cofnodi beth y cytunodd y dioddefwr y gellir ei rannu
consents-record-intro = Cofnodwch un caniatâd ar y tro. Gall y dioddefwr ei dynnu'n ôl unrhyw bryd, ac mae ei dynnu'n ôl yn atal rhannu yn y dyfodol ar unwaith.
consents-record-submit = Cofnodi'r caniatâd
consents-scope-question = Beth y gellir ei rannu?
consents-basis-question = Ar ba sail?
consents-basis-hint = Dewiswch ganiatâd pan gytunodd y dioddefwr. Mae angen rheswm wedi'i gofnodi ar gyfer sail arall, a lle mae'n ddiogel, bydd y dioddefwr yn cael gwybod beth a rannwyd.
consents-reason-question = Pam mae rhannu'n gyfreithlon heb ganiatâd? (dim ond os nad caniatâd yw'r sail)
consents-given-question = Pryd y cafodd ei roi?
consents-error-scope = Dewiswch beth y gellir ei rannu
consents-error-basis = Dewiswch y sail dros rannu
consents-error-reason = Rhowch y rheswm pam mae rhannu'n gyfreithlon heb ganiatâd
consents-error-given-missing = Rhowch y dyddiad y cafodd ei roi
consents-error-given-part = Rhaid i'r dyddiad y cafodd ei roi gynnwys { $part ->
    [day] y diwrnod
    [month] y mis
   *[year] y flwyddyn
}
consents-error-given-invalid = Rhaid i'r dyddiad y cafodd ei roi fod yn ddyddiad go iawn
consents-error-given-future = Rhaid i'r dyddiad y cafodd ei roi fod heddiw neu yn y gorffennol
consents-supporter-only = dim ond y cefnogwr sy'n cofnodi tynnu'n ôl o'r tudalennau
consents-withdrawn = Tynnwyd yn ôl
consents-minutes = { $minutes } munud
consents-not-in-force-title = Nid yw'r caniatâd hwn mewn grym
consents-not-in-force-heading = Nid yw'r caniatâd hwn mewn grym, felly does dim i'w dynnu'n ôl
consents-already-withdrawn = Mae eisoes wedi'i dynnu'n ôl. Os camgymeriad oedd hynny, mae tudalen yr achos yn cynnig ei ddadwneud am { $window } ar ôl ei dynnu'n ôl; ar ôl hynny, cofnodwch ganiatâd newydd os bydd y dioddefwr yn cytuno eto.
consents-go-back = Ewch yn ôl i dudalen yr achos i weld ei ganiatâd fel y mae nawr.
consents-withdraw-from-now = O'r eiliad y byddwch yn cadarnhau, ni fydd dim mwy yn cael ei rannu ar sail y caniatâd hwn.
consents-withdraw-will-stop = { $count ->
    [0] Does dim hysbysiadau sy'n aros i gael eu hanfon yn dibynnu arno, felly ni fydd dim yn dod i ben. Ni fydd hysbysiadau a gynllunnir yn nes ymlaen yn ei ddefnyddio.
    [one] Mae'r 1 hysbysiad hwn sy'n aros i gael ei anfon yn dibynnu arno a bydd yn dod i ben:
   *[other] Mae'r { $count } hysbysiad hyn sy'n aros i gael eu hanfon yn dibynnu arno a byddant yn dod i ben:
}
consents-withdraw-title = Tynnu'r caniatâd hwn yn ôl?
consents-withdraw-heading = Ydych chi'n siŵr bod y dioddefwr wedi tynnu'r caniatâd hwn yn ôl?
consents-withdraw-undo-for = Os byddwch yn ei dynnu'n ôl drwy gamgymeriad, gallwch ei ddadwneud am { $window } wedyn.
consents-withdraw-submit = Ydw, tynnu'r caniatâd hwn yn ôl
consents-withdraw-leave = Na, ei gadw
consents-withdrawn-title = Tynnwyd y caniatâd yn ôl
consents-withdrawn-stopped = { $count ->
    [0] Doedd dim hysbysiadau sy'n aros i gael eu hanfon yn dibynnu arno, felly ni ddaeth dim i ben.
    [one] Mae'r 1 hysbysiad hwn wedi dod i ben ac ni fydd yn cael ei anfon:
   *[other] Mae'r { $count } hysbysiad hyn wedi dod i ben ac ni fyddant yn cael eu hanfon:
}
consents-withdrawn-undo-until = Os camgymeriad oedd hyn, gallwch ei ddadwneud tan { $until } ({ $window } ar ôl ei dynnu'n ôl). Mae dadwneud yn cofnodi'r caniatâd eto o'r eiliad honno ac yn cynllunio'r hysbysiadau hyn eto.
consents-too-late-title = Rhy hwyr i ddadwneud
consents-too-late-heading = Mae'r amser i ddadwneud tynnu'r caniatâd hwn yn ôl wedi mynd heibio
consents-too-late-ended = Gellir dadwneud tynnu'n ôl am { $window } ar ôl iddo gael ei wneud; daeth hynny i ben am { $ended }.
consents-too-late-record-new = Os bydd y dioddefwr yn cytuno eto, cofnodwch ganiatâd newydd: { $page }.
consents-nothing-to-undo = Dim i'w ddadwneud
consents-not-withdrawn-heading = Nid yw'r caniatâd hwn wedi'i dynnu'n ôl, felly does dim i'w ddadwneud
consents-already-in-force-heading = Mae caniatâd i rannu hyn eisoes mewn grym eto
consents-already-in-force = Mae'r tynnu'n ôl wedi'i ddadwneud yn barod, neu mae caniatâd newydd wedi'i gofnodi. Ewch yn ôl i dudalen yr achos i'w weld.
consents-undo-title = Dadwneud y tynnu'n ôl?
consents-undo-heading = Dadwneud tynnu'r caniatâd hwn yn ôl?
consents-undo-until = Gallwch ei ddadwneud tan { $until } ({ $window } ar ôl ei dynnu'n ôl). Mae dadwneud yn cofnodi'r caniatâd eto o nawr: mae rhannu ar ei sail yn dechrau eto, ac mae'r hysbysiadau a ataliwyd gan y tynnu'n ôl yn cael eu cynllunio eto. Mae'r amser rhyngddynt yn cyfrif fel amser heb ganiatâd.

## Special-measures discussions [unchecked]

measures-date = Dyddiad y drafodaeth
measures-time = Amser y drafodaeth
measures-where = Ble cafodd ei chynnal?
measures-which = Pa fesurau a drafodwyd?
measures-supporter-present = Oedd cefnogwr y dioddefwr yn bresennol?
measures-present-yes = Oedd
measures-present-no = Nac oedd
measures-supporter-told = Bydd y cefnogwr yn cael gwybod bod y drafodaeth wedi'i chynnal
measures-title = Cofnodi trafodaeth am fesurau arbennig
measures-intro = Cofnodwch y drafodaeth unwaith y bydd wedi'i chynnal. Amser y DU yw'r amseroedd.
measures-submit = Cofnodi'r drafodaeth
measures-error-date-missing = Rhowch ddyddiad y drafodaeth
measures-error-date-part = Rhaid i ddyddiad y drafodaeth gynnwys { $part ->
    [day] y diwrnod
    [month] y mis
   *[year] y flwyddyn
}
measures-error-date-invalid = Rhaid i ddyddiad y drafodaeth fod yn ddyddiad go iawn
measures-error-time-missing = Rhowch amser y drafodaeth
measures-error-time-invalid = Rhaid i amser y drafodaeth fod yn amser ar y cloc 24 awr, er enghraifft 14:30
measures-error-setting = Dewiswch ble cafodd y drafodaeth ei chynnal
measures-error-measures = Dewiswch o leiaf un mesur a drafodwyd
measures-error-supporter = Dywedwch a oedd y cefnogwr yn bresennol
special-measure-screens = Sgriniau
special-measure-live-link = Cyswllt byw
special-measure-evidence-in-private = Rhoi tystiolaeth yn breifat
special-measure-removal-of-wigs-and-gowns = Tynnu wigiau a gynau
special-measure-video-recorded-evidence-in-chief = Prif dystiolaeth wedi'i recordio ar fideo
special-measure-pre-recorded-cross-examination = Croesholi wedi'i recordio ymlaen llaw (adran 28)
special-measure-intermediary = Cyfryngwr
special-measure-communication-aids = Cymhorthion cyfathrebu
discussion-setting-statement-taking = Wrth gymryd y datganiad
discussion-setting-needs-assessment = Yn yr asesiad o anghenion
discussion-setting-other = Yn rhywle arall

## An agency's update for the victim [unchecked]

agency-updates-topic-case-progress = Hynt yr achos (er enghraifft cyhuddiad, mechnïaeth neu ddyddiad llys i ddod)
agency-updates-topic-urgent-safeguarding = Diogelu brys: rhaid dweud wrthi ar unwaith
agency-updates-topic-evidence = Am ei thystiolaeth (dim ond yr heddlu neu'r erlynydd a gaiff ei thrafod gyda hi)
agency-updates-topic-medical = Gwybodaeth feddygol
agency-updates-topic-no-further-action = Dim camau pellach: ni fydd yr achos yn mynd yn ei flaen
agency-updates-title = Cofnodi diweddariad i'r dioddefwr
agency-updates-intro = Dywedwch am beth mae'r diweddariad; peidiwch ag ysgrifennu ei gynnwys yma. Mae Courtside yn dweud wrth ei chefnogwr a hithau fel y mae'r rheolau a'i chaniatâd yn ei ganiatáu: drwy ei hun pwynt cyswllt os oes ganddi un, neu'n uniongyrchol pan fydd yn fater brys, am ei thystiolaeth, yn feddygol neu'n ddim camau pellach.
agency-updates-submit = Cofnodi'r diweddariad
agency-updates-question = Am beth mae'r diweddariad?
agency-updates-error-topic = Dewiswch am beth mae'r diweddariad

## Opening, changing and closing a case [unchecked]

offence-group-rape-or-serious-sexual-offence = Trais rhywiol neu drosedd rywiol ddifrifol arall
offence-group-domestic-abuse = Cam-drin domestig
offence-group-other = Trosedd arall
case-forms-kind-question = Pa fath o achos ydyw?
case-forms-kind-criminal-hint = Erlyniad: mae'r heddlu'n rhoi URN iddo.
case-forms-kind-family-hint = Achos yn y llys teulu, er enghraifft achos trefniadau plant.
case-forms-kind-civil-hint = Er enghraifft, gorchymyn rhag molestu neu orchymyn anheddu.
case-forms-urn = Cyfeirnod Unigryw'r Heddlu (URN)
case-forms-urn-hint = Ar gyfer achos troseddol, er enghraifft 01AB2345678. Gadewch yn wag ar gyfer achos teulu neu sifil.
case-forms-case-number = Rhif achos y llys
case-forms-case-number-hint = Mae ei angen ar gyfer achos teulu neu sifil, er enghraifft T20260042. Dewisol ar gyfer achos troseddol.
case-forms-court-question = Pa lys sy'n delio â'r achos?
case-forms-not-known-yet = Ddim yn hysbys eto
case-forms-offence-question = Ar gyfer achos troseddol: beth yw'r drosedd?
case-forms-offence-hint = Mewn achos o drais rhywiol neu drosedd rywiol ddifrifol, mae Gwasanaeth Erlyn y Goron yn cynnig cyfarfod cyn y treial i ddioddefwr sy'n oedolyn unwaith y bydd ple dieuog wedi'i gyflwyno; mae Courtside yn atgoffa ei chefnogwr. Gadewch fel heb ei gofnodi ar gyfer achos teulu neu sifil.
case-forms-victim-question = Ar gyfer pa ddioddefwr mae'r achos?
case-forms-choose-a-victim = Dewiswch ddioddefwr
case-forms-victim-hint = Dim ond y dioddefwyr rydych yn eu cefnogi neu y mae eich uned yn delio â nhw sydd wedi'u rhestru. Ychwanegwch y dioddefwr yn gyntaf os nad yw yma.
case-forms-open-intro = Cofnodwch yr achos y mae dioddefwr yn rhan ohono, fel y gellir ychwanegu gwrandawiadau ac ymweliadau ato.
case-forms-open-submit = Agor yr achos
case-forms-none = Dim
case-forms-type = Math
case-forms-urn-short = URN
case-forms-offence = Trosedd
case-forms-change-title = Newid achos
case-forms-change-heading = Newid manylion yr achos
case-forms-change-intro = Ni ellir newid y dioddefwr y mae achos yn perthyn iddo. Os agorwyd yr achos ar gyfer y dioddefwr anghywir, caewch ef ac agorwch un arall.
case-forms-close-title = Cau achos
case-forms-close-heading = Ydych chi'n siŵr eich bod eisiau cau'r achos hwn?
case-forms-close-warning = Mae cau'r achos yn ei farcio fel un sydd wedi dod i ben. Mae ei wrandawiadau, ei ymweliadau a'i hanes archwilio yn cael eu cadw; nid oes dim yn cael ei ddileu.
case-forms-close-submit = Ydw, cau'r achos
case-forms-error-kind = Dewiswch y math o achos
case-forms-error-victim = Dewiswch y dioddefwr y mae'r achos ar ei gyfer
case-forms-error-offence = Gadewch y drosedd fel heb ei chofnodi ar gyfer achos teulu neu sifil
case-forms-error-urn = Rhowch URN yr heddlu (neu rif achos y llys)
case-forms-error-case-number = Rhowch rif achos y llys ar gyfer achos teulu neu sifil
case-forms-what = achos
case-forms-stale-save = Mae rhywun arall wedi newid yr achos hwn ar ôl i chi agor y dudalen hon. Gwiriwch y manylion sydd wedi'u storio nawr, yna cadwch eto
case-forms-stale-confirm = Mae rhywun arall wedi newid yr achos hwn ar ôl i chi agor y dudalen hon. Gwiriwch y manylion sydd wedi'u storio nawr, yna cadarnhewch eto

## A supporter's assignment to a victim [unchecked]

supporter-role-idva = IDVA
supporter-role-isva = ISVA
supporter-role-chidva = CHIDVA
supporter-role-chisva = CHISVA
supporter-role-court-idva = IDVA llys
supporter-role-other-adviser = Ymgynghorydd annibynnol
assignments-spoc-yes = Ydy: dewisodd hi'r cefnogwr hwn fel ei hun pwynt cyswllt
assignments-spoc-no = Nac ydy
assignments-spoc-question = Ai'r cefnogwr hwn yw un pwynt cyswllt y dioddefwr?
assignments-spoc-hint = Bydd asiantaethau wedyn yn diweddaru'r cefnogwr, sy'n dweud wrth y dioddefwr. Un pwynt cyswllt sydd gan ddioddefwr ar y tro.
assignments-spoc-agreed = Dyddiad llofnodi'r cytundeb cyswllt cleient
assignments-spoc-agreed-hint = Dim ond ar gyfer un pwynt cyswllt. Er enghraifft, 14/09/2026
assignments-role-question = Ei rôl ar gyfer y dioddefwr hwn
assignments-error-role = Dewiswch rôl y cefnogwr ar gyfer y dioddefwr hwn
assignments-error-first-day-missing = Rhowch ddiwrnod cyntaf y cymorth
assignments-error-first-day-part = Rhaid i ddiwrnod cyntaf y cymorth gynnwys { $part ->
    [day] y diwrnod
    [month] y mis
   *[year] y flwyddyn
}
assignments-error-first-day-invalid = Rhaid i ddiwrnod cyntaf y cymorth fod yn ddyddiad go iawn
assignments-error-last-day-missing = Rhowch ddiwrnod olaf y cymorth
assignments-error-last-day-part = Rhaid i ddiwrnod olaf y cymorth gynnwys { $part ->
    [day] y diwrnod
    [month] y mis
   *[year] y flwyddyn
}
assignments-error-last-day-invalid = Rhaid i ddiwrnod olaf y cymorth fod yn ddyddiad go iawn
assignments-error-agreed-missing = Rhowch y dyddiad y llofnodwyd y cytundeb cyswllt cleient
assignments-error-agreed-part = Rhaid i'r dyddiad y llofnodwyd y cytundeb cyswllt cleient gynnwys { $part ->
    [day] y diwrnod
    [month] y mis
   *[year] y flwyddyn
}
assignments-error-agreed-invalid = Rhaid i'r dyddiad y llofnodwyd y cytundeb cyswllt cleient fod yn ddyddiad go iawn
assignments-error-supporter = Dewiswch y cefnogwr i'w neilltuo
assignments-first-day-of-support = Diwrnod cyntaf y cymorth
assignments-assign-intro = Mae'r cefnogwr yn gweld achosion, gwrandawiadau a negeseuon y dioddefwr hwn o ddiwrnod cyntaf y cymorth.
assignments-assign-submit = Neilltuo'r cefnogwr
assignments-role = Rôl
assignments-first-day = Diwrnod cyntaf
assignments-last-day = Diwrnod olaf
assignments-spoc-signed = Ydy, llofnodwyd y cytundeb { $date }
assignments-last-day-optional = Diwrnod olaf y cymorth (dewisol)
assignments-last-day-hint = Gadewch yn wag tra bo'r cymorth yn parhau. Er enghraifft, 27 3 2026
assignments-change-title = Newid y neilltuo
assignments-change-heading = Newid neilltuo { $who }
assignments-change-heading-yours = Newid eich neilltuo
assignments-change-submit = Cadw'r neilltuo
assignments-end-you-no-longer = Ni fyddwch yn gweld achosion, gwrandawiadau a negeseuon y dioddefwr hwn mwyach ar ôl y diwrnod olaf.
assignments-end-supporter-no-longer = Ni fydd y cefnogwr yn gweld achosion, gwrandawiadau a negeseuon y dioddefwr hwn mwyach ar ôl y diwrnod olaf.
assignments-end-spoc = Mae'r trefniant un pwynt cyswllt yn dod i ben gydag ef: mae'r llys, y Gwasanaeth Tystion ac uned gofal tystion y gwrandawiadau sydd i ddod yn cael gwybod at bwy i droi nawr, ac mae asiantaethau'n diweddaru'r dioddefwr yn uniongyrchol eto.
assignments-end-title = Dod â'r neilltuo i ben
assignments-end-heading = Dod â chymorth { $who } i'r dioddefwr hwn i ben?
assignments-end-heading-yours = Dod â'ch cymorth i'r dioddefwr hwn i ben?
assignments-end-intro = Os byddwch yn dod â'r neilltuo hwn i ben:
assignments-end-warning = I drosglwyddo i gefnogwr arall: dewch â'r neilltuo hwn i ben ar ei ddiwrnod olaf, yna neilltuwch y cefnogwr newydd o'r diwrnod wedyn ar dudalen yr achos. Os byddwch yn dod â'r unig neilltuo sydd gan eich gwasanaeth i ben ar ddiwrnod sydd wedi bod, ni fydd neb yn eich gwasanaeth yn gweld y dioddefwr hwn mwyach.
assignments-last-day-of-support = Diwrnod olaf y cymorth
assignments-what = neilltuo

## Parole [unchecked]

parole-format-paper = Ar bapur
parole-format-oral = Gwrandawiad llafar
parole-decision-release = Rhyddhau
parole-decision-no-release = Dim rhyddhau
parole-decision-open-conditions = Symud i amodau agored
parole-month-only = { $month } (y mis yn unig)
parole-log-title = Cofnodi carreg filltir parôl
parole-scheme = Cynllun Cyswllt â Dioddefwyr
parole-log-intro = Dim ond tra bo caniatâd y dioddefwr i rannu gwybodaeth am barôl gyda'r cefnogwr yn sefyll y bydd y cefnogwr yn cael gwybod. Y tu allan i'r gwasanaeth prawf, dim ond mis dyddiad rhyddhau sy'n cael ei ddangos.
parole-log-submit = Cofnodi'r garreg filltir
parole-victim-hint = Yn ôl ei gyfeirnod
parole-kind-question = Beth ddigwyddodd, neu beth sy'n ddyledus?
parole-format-question = Fformat y gwrandawiad (dim ond ar gyfer gwrandawiad parôl sydd wedi'i restru)
parole-decision-question = Y penderfyniad (dim ond pan wnaed penderfyniad)
parole-error-victim = Dewiswch y dioddefwr
parole-error-kind = Dewiswch y garreg filltir
parole-error-date-missing = Rhowch y dyddiad
parole-error-date-part = Rhaid i'r dyddiad gynnwys { $part ->
    [day] y diwrnod
    [month] y mis
   *[year] y flwyddyn
}
parole-error-date-invalid = Rhaid i'r dyddiad fod yn ddyddiad go iawn
parole-done = Cofnodwyd y garreg filltir. Lle mae'r dioddefwr wedi cydsynio, bydd y cefnogwr yn cael gwybod.
parole-intro = Cerrig milltir ar gyfer dioddefwyr yn y Cynllun Cyswllt â Dioddefwyr, a'r hyn a rannwyd gyda'u cefnogwr.
parole-supporter = Cefnogwr: { $role }
parole-no-supporter = Does dim cefnogwr yn ei le: cynigiwch atgyfeiriad am gymorth.
parole-consent-in-force = Caniatâd mewn grym
parole-consent-in-force-rest = i rannu gwybodaeth am barôl gyda'r cefnogwr
parole-no-consent = Dim caniatâd
parole-no-consent-rest = i rannu gwybodaeth am barôl gyda'r cefnogwr: does dim yn cael ei rannu
parole-log-a-milestone = Cofnodi carreg filltir
parole-milestones = Cerrig milltir
parole-logged = Cofnodwyd { $when }
parole-none-logged = Dim wedi'u cofnodi.
parole-shared = Wedi'i rannu gyda'r cefnogwr
parole-no-victims = Does dim dioddefwyr yng Nghynllun Cyswllt â Dioddefwyr eich rhanbarth.

## A victim's contact details [unchecked]

victim-details-channel-phone = Galwad ffôn
victim-details-channel-sms = Neges destun
victim-details-channel-email = E-bost
victim-details-channel-letter = Llythyr
victim-details-channel-in-person = Wyneb yn wyneb
victim-details-name = Ei henw
victim-details-name-hint = Fel y mae hi eisiau cael ei chyfarch. Dim ond ar y dudalen hon y caiff ei ddangos.
victim-details-phone = Ffôn (dewisol)
victim-details-email = Cyfeiriad e-bost (dewisol)
victim-details-address = Cyfeiriad (dewisol)
victim-details-address-hint = Yn cael ei gadw dan sêl. Nid yw byth yn mynd i unrhyw neges, calendr nac allforiad i asiantaeth arall.
victim-details-channels = Pa ffyrdd sy'n ddiogel i gysylltu â hi?
victim-details-channels-hint = Peidiwch â dewis dim nes iddi ddweud: yna dim ond ei chefnogwr sy'n cysylltu.
victim-details-hours = Pryd mae'n ddiogel cysylltu â hi? (dewisol)
victim-details-hours-hint = Er enghraifft "weekdays 09:30-12:00; sat 10-14": y dyddiau (yn Saesneg), yna o ac i yn amser 24 awr y DU, gyda ; rhwng pob cyfnod. Mae negeseuon ati'n aros am yr oriau hyn.
victim-details-voicemail = A yw'n ddiogel gadael neges llais?
victim-details-voicemail-yes = Ydy
victim-details-voicemail-no = Nac ydy
victim-details-interpreter = Iaith y cyfieithydd (dewisol)
victim-details-interpreter-hint = Er enghraifft Pwyleg, neu BSL.
victim-details-guardian = Rhiant neu warcheidwad diogel i gysylltu â nhw (dewisol)
victim-details-guardian-hint = Ar gyfer dioddefwr o dan 18 oed.
victim-details-needs = Unrhyw beth arall sy'n ei helpu i gymryd rhan (dewisol)
victim-details-intro = Mae agor y dudalen hon yn cael ei gofnodi, fel y mae pob newid. Dim ond y rhai sy'n ei chefnogi, neu y mae ei hachos gan eu huned, sy'n gallu ei gweld.
victim-details-saved = Mae ei manylion cyswllt wedi'u cadw.
victim-details-heading = Sut i gysylltu â hi'n ddiogel
victim-details-save = Cadw
victim-details-error-name = Rhowch ei henw
victim-details-error-channels = Dewiswch y ffyrdd diogel o'r rhestr
victim-details-error-voicemail = Dywedwch a yw'n ddiogel gadael neges llais
victim-details-what = manylion cyswllt
victim-details-safe-ways = Ffyrdd diogel
victim-details-none-yet = Dim eto

## The safety plan for a court day [unchecked]

safety-plan-basis-spoc = Caiff: ei chytundeb un pwynt cyswllt gyda chi
safety-plan-basis-nobody = Ddim eto: cadw'r cynllun o fewn ein gwasanaeth ni
safety-plan-entrance-question = Pa fynedfa y mae hi'n ei defnyddio?
safety-plan-entrance-hint = Er enghraifft, y drws ochr ar Oxford Row, nid y prif ddrysau.
safety-plan-exit-question = Pa allanfa y mae hi'n gadael drwyddi?
safety-plan-waits-question = Ble mae hi'n aros?
safety-plan-waits-hint = Er enghraifft, ystafell aros ar wahân y Gwasanaeth Tystion.
safety-plan-met-by-question = Pwy sy'n ei chyfarfod? (dewisol)
safety-plan-met-by-hint = Enw neu rôl, er enghraifft gwirfoddolwr y Gwasanaeth Tystion.
safety-plan-meet-date-question = Ar ba ddiwrnod y caiff ei chyfarfod? (dewisol)
safety-plan-meet-date-hint = Gadewch yn wag ar gyfer diwrnod cyntaf y gwrandawiad. Er enghraifft, 27 3 2026
safety-plan-meet-time-question = Faint o'r gloch y caiff ei chyfarfod? (dewisol)
safety-plan-meet-place-question = Ble caiff ei chyfarfod? (dewisol)
safety-plan-avoid-question = Beth yw'r trefniadau i osgoi teulu'r diffynnydd? (dewisol)
safety-plan-agreed-question = A yw'r cynllun wedi'i gytuno gyda'r Gwasanaeth Tystion?
safety-plan-agreed-yes = Ydy
safety-plan-agreed-no = Nac ydy
safety-plan-agreed-on-question = Pryd y cafodd ei gytuno? (os cafodd)
safety-plan-agreed-with-question = Pwy yn y Gwasanaeth Tystion a'i cytunodd? (dewisol)
safety-plan-basis-question = A gaiff y Gwasanaeth Tystion yn y llys ddarllen y cynllun hwn?
safety-plan-basis-hint = Cofnodwch ei chaniatâd i'r atgyfeiriad at y Gwasanaeth Tystion yn gyntaf os nad yw wedi'i restru.
safety-plan-email-question = A yw hi wedi cytuno y caiff y cynllun ei ysgrifennu mewn e-bost?
safety-plan-email-yes = Ydy
safety-plan-email-no = Nac ydy
safety-plan-email-hint = Nid yw Courtside byth yn rhoi'r cynllun mewn e-bost heb ei chytundeb.
safety-plan-entrance = Mynedfa
safety-plan-exit = Allanfa
safety-plan-waits-in = Yn aros yn
safety-plan-met-at = { $who }, am { $time }
safety-plan-met-by = Yn cael ei chyfarfod gan
safety-plan-avoid = I osgoi teulu'r diffynnydd
safety-plan-agreed-with-ws = Wedi'i gytuno gyda'r Gwasanaeth Tystion
safety-plan-not-yet = Ddim eto
safety-plan-marked-agreed-by = Ydy, wedi'i farcio'n gytunedig gan { $who } ar { $on }
safety-plan-agreed-with-on = Ydy, gyda { $who } ar { $on }
safety-plan-agreed-on = Ydy, ar { $on }
safety-plan-reads-spoc = Caiff y Gwasanaeth Tystion yn y llys ei ddarllen, o dan ei chytundeb un pwynt cyswllt.
safety-plan-reads-consent = Caiff y Gwasanaeth Tystion yn y llys ei ddarllen, o dan ei chofnod caniatâd.
safety-plan-reads-nobody = Dim ond eich gwasanaeth chi sy'n ei ddarllen: does dim caniatâd na chytundeb yn caniatáu i'r Gwasanaeth Tystion ei ddarllen eto.
safety-plan-done-saved = Mae'r cynllun diogelwch wedi'i gadw.
safety-plan-done-withdrawn = Mae'r cynllun diogelwch wedi'i dynnu'n ôl. Ni fydd neb yn ei ddarllen mwyach.
safety-plan-done-agreed = Mae'r cynllun wedi'i farcio'n gytunedig gyda'r Gwasanaeth Tystion.
safety-plan-caption = { $hearing } yn { $court }, { $when }
safety-plan-title = Cynllun diogelwch ar gyfer diwrnod y llys
safety-plan-change = Newid y cynllun
safety-plan-record = Cofnodi'r cynllun
safety-plan-save = Cadw'r cynllun
safety-plan-error-meet-time = Rhaid i'r amser y caiff ei chyfarfod fod yn amser ar y cloc 24 awr, er enghraifft 09:15
safety-plan-error-meet-date-part = Rhaid i'r diwrnod y caiff ei chyfarfod gynnwys { $part ->
    [day] y diwrnod
    [month] y mis
   *[year] y flwyddyn
}
safety-plan-error-meet-date-invalid = Rhaid i'r diwrnod y caiff ei chyfarfod fod yn ddyddiad go iawn
safety-plan-error-agreed-missing = Rhowch y dyddiad y cytunwyd ar y cynllun
safety-plan-error-agreed-part = Rhaid i'r dyddiad y cafodd ei gytuno gynnwys { $part ->
    [day] y diwrnod
    [month] y mis
   *[year] y flwyddyn
}
safety-plan-error-agreed-invalid = Rhaid i'r dyddiad y cafodd ei gytuno fod yn ddyddiad go iawn
safety-plan-stale = Cafodd y cynllun ei newid gan rywun arall tra oedd ar agor gennych. Mae'r hyn sydd wedi'i storio nawr i'w weld o dan y ffurflen: gwiriwch ef, yna cadwch eto
safety-plan-withdraw-title = Tynnu'r cynllun diogelwch yn ôl?
safety-plan-withdraw-intro = Unwaith y bydd wedi'i dynnu'n ôl, ni fydd y cynllun yn cael ei ddangos ar eich wythnos chi nac ar wythnos y Gwasanaeth Tystion mwyach, ac ni fydd y Gwasanaeth Tystion yn gallu ei ddarllen.
safety-plan-withdraw-kept = Mae'r cofnod ohono'n cael ei gadw, wedi'i farcio fel un a dynnwyd yn ôl, ar gyfer yr archwiliad.
safety-plan-withdraw-warning = Ni ellir dadwneud hyn. I gael cynllun eto, cofnodwch un newydd.
safety-plan-withdraw-submit = Tynnu'r cynllun yn ôl
safety-plan-intro = Sut mae hi'n cyrraedd, yn aros ac yn gadael yn ddiogel, wedi'i gytuno gyda'r Gwasanaeth Tystion. Nid yw'r cynllun byth yn cael ei roi mewn e-bost oni bai ei bod wedi cytuno i hynny.
safety-plan-the-plan = Y cynllun
safety-plan-mark-agreed = Marcio bod y cynllun wedi'i gytuno gyda'r Gwasanaeth Tystion
safety-plan-none = Does dim cynllun diogelwch wedi'i gofnodi ar gyfer y gwrandawiad hwn.

## Vacating, adjourning, and a hearing's outcome [unchecked]

sentence-type-immediate-custody = Carchar ar unwaith
sentence-type-suspended = Dedfryd ohiriedig
sentence-type-community-order = Gorchymyn cymunedol
sentence-type-hospital-order = Gorchymyn ysbyty
sentence-type-discharge = Rhyddhad
sentence-type-fine = Dirwy
hearing-changes-note = Nodyn (dewisol)
hearing-changes-message-due = { $what }, i fod i fynd { $due }
hearing-changes-already-vacate = mae'r gwrandawiad hwn eisoes { $status }, felly ni ellir ei ddileu
hearing-changes-already-adjourn = mae'r gwrandawiad hwn eisoes { $status }, felly ni ellir ei ohirio
hearing-changes-already-outcome = mae'r gwrandawiad hwn eisoes { $status }, felly ni ellir cofnodi canlyniad iddo
hearing-changes-vacate-if = Os byddwch yn dileu'r gwrandawiad hwn:
hearing-changes-vacate-no-messages = Does dim negeseuon am y dyddiad hwn yn aros i gael eu hanfon.
hearing-changes-vacate-messages = { $count ->
    [one] Mae'r neges hon am y dyddiad hwn, sydd heb ei hanfon eto, yn cael ei chanslo: { $list }.
   *[other] Mae'r { $count } neges hyn am y dyddiad hwn, sydd heb eu hanfon eto, yn cael eu canslo: { $list }.
}
hearing-changes-vacate-reminders = Mae nodiadau atgoffa, tasgau a therfynau amser a gynlluniwyd ar gyfer y dyddiad hwn yn cael eu canslo gyda nhw.
hearing-changes-vacate-victim-told = Mae'r dioddefwr (neu ei chefnogwr, lle mai'r cefnogwr yw'r un pwynt cyswllt) a'r cefnogwr yn cael gwybod na fydd y gwrandawiad yn mynd yn ei flaen, o fewn yr amser y mae'r rheolau'n ei ganiatáu.
hearing-changes-vacate-partners-told = Mae unrhyw lys, Gwasanaeth Tystion neu bartner a gafodd wybod am y dyddiad hwn yn cael gwybod ei fod wedi'i ddileu.
hearing-changes-vacate-open-requests = { $count ->
    [one] Mae 1 cais agored i fynd gyda'r dioddefwr yn y gwrandawiad hwn: gofynnir i'r cefnogwr ei symud i'r gwrandawiad newydd neu ei dynnu'n ôl.
   *[other] Mae { $count } cais agored i fynd gyda'r dioddefwr yn y gwrandawiad hwn: gofynnir i'r cefnogwr eu symud i'r gwrandawiad newydd neu eu tynnu'n ôl.
}
hearing-changes-vacate-title = Dileu gwrandawiad
hearing-changes-vacate-heading = Ydych chi'n siŵr eich bod eisiau dileu'r gwrandawiad hwn?
hearing-changes-vacate-warning = Ni ellir rhestru gwrandawiad sydd wedi'i ddileu eto o'r tudalennau hyn: os bydd y llys yn ei restru eto, ychwanegwch ef fel gwrandawiad newydd.
hearing-changes-vacate-submit = Ydw, dileu'r gwrandawiad hwn
hearing-changes-vacate-note-hint = Pam y cafodd ei ddileu, ar gyfer ffeil yr achos. Nid yw'n cael ei anfon at neb.
hearing-changes-adjourn-to-date = I ddyddiad ac amser newydd
hearing-changes-adjourn-no-date = Heb ddyddiad newydd eto
hearing-changes-adjourn-title = Gohirio gwrandawiad
hearing-changes-adjourn-intro-date = I ddyddiad newydd: mae'r gwrandawiad yn cadw ei lys, ei ystafell llys a'i hyd ac yn symud i'r dyddiad a'r amser newydd. Mae pawb a gafodd wybod am y dyddiad hwn yn cael gwybod am yr un newydd, ac mae negeseuon am y dyddiad hwn sydd heb eu hanfon yn cael eu canslo.
hearing-changes-adjourn-intro-none = Heb ddyddiad newydd: mae pawb a gafodd wybod am y dyddiad hwn yn cael gwybod na fydd yn mynd yn ei flaen. Pan fydd y llys yn pennu dyddiad, ychwanegwch ef fel gwrandawiad newydd.
hearing-changes-adjourn-intro-uk = Rhowch y dyddiad a'r amser yn amser y DU.
hearing-changes-adjourn-submit = Gohirio'r gwrandawiad
hearing-changes-adjourn-question = A yw'r gwrandawiad wedi'i ohirio i ddyddiad newydd?
hearing-changes-new-date = Dyddiad newydd (os caiff ei ohirio i ddyddiad)
hearing-changes-new-time = Amser dechrau newydd (os caiff ei ohirio i ddyddiad)
hearing-changes-adjourn-note-hint = Pam y cafodd ei ohirio, ar gyfer ffeil yr achos. Nid yw'n cael ei anfon at neb.
hearing-changes-error-date-missing = Rhowch y dyddiad newydd
hearing-changes-error-date-part = Rhaid i'r dyddiad newydd gynnwys { $part ->
    [day] y diwrnod
    [month] y mis
   *[year] y flwyddyn
}
hearing-changes-error-date-invalid = Rhaid i'r dyddiad newydd fod yn ddyddiad go iawn
hearing-changes-error-time-missing = Rhowch yr amser dechrau newydd
hearing-changes-error-time-invalid = Rhaid i'r amser dechrau newydd fod yn amser ar y cloc 24 awr, er enghraifft 14:30
hearing-changes-error-when = Dewiswch a yw'r gwrandawiad wedi'i ohirio i ddyddiad newydd neu heb ddyddiad eto
hearing-changes-error-past = Rhaid i'r dyddiad a'r amser newydd fod yn y dyfodol: rhowch y dyddiad a'r amser y mae'r gwrandawiad wedi'i ohirio iddynt
hearing-changes-error-same = Dyna ddyddiad ac amser y gwrandawiad nawr: rhowch y dyddiad a'r amser y mae wedi'i ohirio iddynt
hearing-changes-outcome-guilty-plea = Ple euog
hearing-changes-outcome-not-guilty-plea = Ple dieuog
hearing-changes-outcome-trial-listed = Wedi'i restru ar gyfer treial
hearing-changes-outcome-convicted = Euogfarnwyd
hearing-changes-outcome-acquitted = Fe'i cafwyd yn ddieuog
hearing-changes-outcome-sentenced = Dedfrydwyd
hearing-changes-outcome-order-made = Gwnaed gorchymyn
hearing-changes-outcome-discontinued = Achos wedi'i derfynu
hearing-changes-outcome-adjourned = Wedi'i ohirio
hearing-changes-outcome-vacated = Wedi'i ddileu (ni aeth yn ei flaen)
hearing-changes-specified-yes = Ydy
hearing-changes-specified-no = Nac ydy
hearing-changes-outcome = Canlyniad
hearing-changes-hint-sentenced = Rhowch y ddedfryd isod
hearing-changes-hint-adjourned = Gofynnir i chi am y dyddiad newydd nesaf
hearing-changes-hint-vacated = Gofynnir i chi gadarnhau yn gyntaf
hearing-changes-sentence-type = Os dedfrydwyd: y ddedfryd
hearing-changes-sentence-months = Os dedfrydwyd: ei hyd mewn misoedd
hearing-changes-sentence-months-hint = Ar gyfer carchar ar unwaith, dedfryd ohiriedig neu orchymyn cymunedol. Er enghraifft, 18
hearing-changes-specified-question = Os dedfrydwyd: a yw'r drosedd yn drosedd dreisgar neu rywiol benodedig?
hearing-changes-specified-hint = Deddf Dedfrydu 2020, Atodlen 18. Gofynnwch i'r llys neu i Wasanaeth Erlyn y Goron os nad ydych yn siŵr.
hearing-changes-outcome-note-hint = Unrhyw beth arall am y canlyniad, ar gyfer ffeil yr achos. Nid yw'n cael ei anfon at neb.
hearing-changes-outcome-intro-criminal = Mae'r dioddefwr a'r cefnogwr yn cael gwybod y canlyniad fel y mae'r rheolau'n ei gwneud yn ofynnol. Mae dedfryd yn penderfynu a yw'r dioddefwr yn cael ei hatgyfeirio at y Cynllun Cyswllt â Dioddefwyr.
hearing-changes-outcome-intro-other = Mae'r rhai y mae'n rhaid dweud wrthynt am y canlyniad yn cael gwybod fel y mae'r rheolau'n ei gwneud yn ofynnol.
hearing-changes-outcome-title = Cofnodi canlyniad gwrandawiad
hearing-changes-outcome-heading = Beth ddigwyddodd yn y gwrandawiad hwn?
hearing-changes-outcome-submit = Cadw'r canlyniad
hearing-changes-error-not-sentenced = Rydych wedi rhoi dedfryd: dewiswch Dedfrydwyd, neu cliriwch y ddedfryd a'i hyd
hearing-changes-error-sentence-type = Dewiswch y math o ddedfryd
hearing-changes-error-specified = Dywedwch a yw'r drosedd yn drosedd dreisgar neu rywiol benodedig
hearing-changes-error-months-missing = Rhowch hyd y ddedfryd mewn misoedd cyfan, er enghraifft 18
hearing-changes-error-months-invalid = Rhaid i'r hyd fod yn nifer cyfan o fisoedd o 1 i 1200, er enghraifft 18
hearing-changes-error-no-length = Nid oes hyd mewn misoedd i { $sentence }: cliriwch yr hyd, neu dewiswch fath arall o ddedfryd
hearing-changes-error-result = Dewiswch beth ddigwyddodd yn y gwrandawiad
