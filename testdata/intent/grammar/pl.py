# Polish (informal chat, diacritics often dropped)
SLOTS = {
    "hi": ["", "", "dzień dobry, ", "cześć, ", "hej, ", "witam, ", "słuchaj, ", "ok, ", "dzięki. ", "panie Marku, "],
    "msgr": ["WhatsAppie", "whatsappie", "Messengerze", "messengerze", "Telegramie", "telegramie", "Signalu", "Skypie", "Discordzie", "Viberze"],
    "msgr_n": ["WhatsAppa", "whatsappa", "Messengera", "Telegrama", "Signala", "Skype'a", "Discorda", "Vibera"],
    "meet": ["Zoomie", "Google Meet", "Teamsach", "Skypie"],
    "method": ["przelewem", "przelewem na konto", "BLIKiem", "blikiem", "na telefon BLIK", "przez PayPala", "przez Revoluta",
               "na Revoluta", "przez Wise", "w USDT", "kryptowalutą", "gotówką", "na moje konto", "przelewem bankowym"],
    "ms": ["następny etap", "drugi etap", "ostatni etap", "resztę", "pozostałą kwotę", "drugą ratę", "końcową płatność"],
    "site": ["platforma", "ta strona", "Useme", "Oferia", "Upwork", "Fiverr", "serwis"],
    "site_g": ["platformy", "tej strony", "Useme", "Oferii", "Upworka", "Fiverra", "serwisu"],
    "fee": ["prowizji", "opłaty serwisowej", "20%", "prowizji platformy"],
    "pct": ["20%", "10%", "prawie 20%", "sporą prowizję"],
    "work": ["logo", "stronę", "aplikację", "tłumaczenie", "montaż", "landing", "sklep", "raport", "grafiki"],
    "amt": ["1500 zł", "500 zł", "200 $", "3 tys.", "800 zł"],
    "techm": ["WhatsApp", "Messenger", "Telegram", "Discord", "Signal"],
    "techp": ["Przelewy24", "PayU", "BLIK", "Stripe", "PayPal", "Tpay", "bramkę płatności"],
    "day": ["jutro", "w poniedziałek", "w piątek", "dziś wieczorem", "o 15", "w przyszłym tygodniu"],
    "who": ["jeden klient", "zleceniodawca", "jakiś gość", "inny freelancer", "ktoś", "kupujący"],
    "rel": ["brat", "siostra", "kuzyn", "kuzynka", "żona", "mąż", "księgowa", "szwagier"],
    "rel_g": ["brata", "siostry", "kuzyna", "kuzynki", "żony", "męża", "szwagra"],
    "contact": ["prywatnego maila", "prywatny email", "numer telefonu", "numer", "prywatny numer", "kontakt"],
}

T = {
"solicit_contact": """
named: {hi}[napisz|napiszcie|odezwij się] [do mnie |]na {msgr}[, tam jestem częściej|, pogadamy|]
named: {hi}[masz|ma pan|ma pani] {msgr_n}? [tam bedzie prosciej|tam dogadamy szczegóły|]
named: {hi}[dodaj|dodajcie] mnie na {msgr}[ prosze| i tam obgadamy|]
named: {hi}[przejdźmy|przenieśmy rozmowę|pogadajmy] na {msgr}[, tu jest niewygodnie|]
named: {hi}rzadko tu zaglądam, [pisz|proszę pisać] na {msgr}
meet: {hi}[zdzwońmy się|zróbmy call] na {meet}, link wyśle prywatnie
generic: {hi}[możemy|mozemy] [pogadać|przenieść rozmowę|rozmawiać dalej] [gdzieś indziej|poza platformę|poza tę stronę|bardziej prywatnie]?
generic: {hi}[przejdźmy|przejdzmy] [na priv|na priva|na prywatną rozmowę][, tu wszystko czytają|]
generic: {hi}jak [mogę|moge] się z [tobą|panem|panią] skontaktować poza {site_g}?
generic: {hi}[podeślij|daj|proszę podać] {contact}, [brief|szczegóły|pliki] [wyśle|prześlę] tam
generic: {hi}[tu|oto] mój {contact}, [dzwoń|pisz|proszę pisać] bezpośrednio
generic: {hi}[mogę|moge] zadzwonić [bezpośrednio|na komórkę][ wieczorem|]?
generic: {hi}czat tu [laguje|się zacina|jest monitorowany], [pogadajmy gdzie indziej|przejdźmy gdzieś indziej]
evasive: {hi}znajdź mnie na [fejsie|FB|LinkedInie|insta] po imieniu i napisz tam
evasive: {hi}tu nie da się wysłać numeru, szukaj mnie na {msgr} pod tym samym nickiem
email: {hi}[dokumenty|pliki|specyfikację] wolę mailem, [podeślesz adres|daj maila]?
inperson: {hi}jesteśmy z tego samego miasta, [spotkajmy się na kawę|wpadnij do biura] i obgadamy {work}
after: {hi}jak [zaakceptujesz ofertę|się dogadamy], przechodzimy na {msgr}
vague: {hi}jest jakiś inny sposób, żeby się z [tobą|panem] skontaktować?
""",
"solicit_payment": """
named: {hi}[możesz|może pan|mozesz] zapłacić {method}[?| bezpośrednio?]
named: {hi}[przyjmuję|biore] [tylko|] płatność {method}[, pasuje?|]
named: {hi}[wyślij|przelej] {amt} {method} i [dziś|od razu] zaczynam
named: {hi}zaraz [podeślę|dam] dane do przelewu, [zapłać|proszę zapłacić] {method}
milestone: {hi}{ms} [zapłać|przelej] {method} bezpośrednio, nie przez {site_g}
milestone: {hi}zamknijmy [kontrakt|zlecenie] tutaj, a {ms} [rozliczymy|przelejesz] {method}
milestone: {hi}nie [wpłacaj|zasilaj] {ms} na [platformie|stronie], lepiej [{method}|bezpośrednio]
milestone: {hi}resztę [ureguluję|dopłacę] przelewem, jak zamkniesz [kontrakt|zlecenie] tutaj
fee: {hi}{site} bierze {pct}, [rozliczmy się|zróbmy to] [bezpośrednio|bez pośrednika]
fee: {hi}dam rabat, jeśli zapłacisz [poza {site_g}|bezpośrednio|na konto]
fee: {hi}po co oddawać {pct} [platformie|serwisowi]? [płać bezpośrednio|rozliczmy się na boku]
generic: {hi}[płatnościami|kasą|przelewami] zajmuje się mój {rel}, [przeleje|wyśle] ci [bezpośrednio|od razu]
generic: {hi}[przelej|wyślij] na konto {rel_g}, [moje jest zablokowane|to bez różnicy]
generic: {hi}[drobne poprawki|małe dodatki|te extra rzeczy] [nie muszą|nie trzeba] [iść|puszczać] przez {site_a}, zapłacę na boku
generic: {hi}zapłacę gotówką [przy odbiorze|przy spotkaniu|do ręki]
generic: {hi}[połowę tu|zaliczkę tutaj], a resztę [bezpośrednio|{method}|poza serwisem]
invoice: {hi}wystaw fakturę bezpośrednio [na mnie|mailem], zapłacę {method}
cancel: {hi}[anulujmy|zamknijmy] zlecenie tutaj, resztę [zapłacę|przeleję] {method}
bonus: {hi}[napiwek|premię|dodatek] [wyślę|przeleję] {method}[ osobno|, nie przez stronę|]
""",
"none": """
refusal: {hi}[przepraszam,|niestety] pracuję tylko przez {site_a}[ ze względów bezpieczeństwa|]
refusal: {hi}nie podam [numeru|maila|kontaktu] przed podpisaniem zlecenia, [piszmy tutaj|zostańmy tu]
refusal: {hi}nie przyjmuję płatności poza {site_g}[, to wbrew regulaminowi|, sorry|]
nochannel: {hi}nie używam {msgr_n} do pracy, ten czat wystarczy
internal: {hi}[proszę zasilić|zasiliłem|zatwierdź] {ms} na [platformie|stronie]
internal: {hi}[oddałem|wysłałem] {ms}, [sprawdź i zaakceptuj|daj znać czy ok]
internal: {hi}[wrzuć|prześlij] pliki tutaj do czatu[ projektu|]
feature: {hi}potrzebuję bota na {techm} [do sklepu|do obsługi klienta|do powiadomień]
feature: {hi}[umiesz|potrafisz] podpiąć {techp} [w sklepie|na stronie|w aplikacji]?
feature: {hi}[webhook|API|sandbox] {techp} [nie działa|zwraca 401|się wywala][ od wczoraj|]
smalltalk: {hi}[moi rodzice|moja mama] w końcu [przeszli|przeszła] na {techm}[ haha|]
smalltalk: {hi}{techm} wczoraj [nie działał|leżał] cały dzień
schedule: {hi}[pogadajmy|porozmawiajmy] jutro tutaj na czacie[ o {work}|]
schedule: {hi}[umówmy|zróbmy] rozmowę przez wideo na platformie {day}
rules: {hi}regulamin {site_g} zabrania [wymiany kontaktów|płatności poza serwisem] przed zleceniem
feeexp: {hi}opłata serwisowa jest [potrącana automatycznie|odliczana od wypłaty][, więc kwota netto jest niższa|]
feeexp: {hi}{site} automatycznie pobiera prowizję przy [wypłacie|płatności], wliczyłem ją w wycenę
report: {hi}{who} [chciał|prosił], żebym zapłacił {method}, [odmówiłem|zgłosiłem to]
report: {hi}{who} [prosił|chciał] mój numer na {msgr}, [odmówiłem|zgłosiłem go]
report: {hi}jak zgłosić [klienta|kogoś], kto chce płatności poza {site_g}?
project: {hi}{ms} to {amt}[, termin {day}|]
project: {hi}na stronie płatności [źle liczy prowizję|jest błąd]
project: {hi}popraw walidację pola [telefonu|e-mail] w formularzu
plain: {hi}[możesz|mozesz] [powiększyć nagłówek|zmienić czcionkę|skrócić wstęp]?
plain: {hi}[dzięki|super], druga wersja bardziej mi się podoba
scam: {hi}uważaj, oszuści często proszą o przejście na {msgr}
payon: {hi}jak {work} zostanie zaakceptowane, całość zapłacę przez {site_a}
""",
}
SLOTS["site_a"] = ["platformę", "tę stronę", "Useme", "Oferię", "Upworka", "Fiverra", "serwis"]

# ---- drugi przebieg: więcej sformułowań, formalnie i potocznie
T["solicit_contact"] += """
casual: {hi}[masz|macie] jakiś [kontakt|numer|maila] poza tym [czatem|serwisem]?
casual: {hi}[daj|podaj|rzuć] [numer|maila|kontakt], [podeśle|wyśle] ci [wszystko|szczegóły|pliki]
formal: {hi}czy [mogłabym|mógłbym] prosić o [prywatny adres e-mail|numer telefonu]? [prześlę tam|wyślę] [specyfikację|materiały]
formal: {hi}[dalszy kontakt|dalszą korespondencję] proponuję [prowadzić|kontynuować] [mailowo|telefonicznie|poza serwisem]
private: {hi}[wolałbym|wolałabym] [omówić to|pogadać] [prywatnie|w cztery oczy|gdzie indziej]
"""
T["solicit_payment"] += """
casual: {hi}kasę [ci|] [przeleję|wyślę] [prosto|bezpośrednio] {method}, ok?
formal: {hi}płatność [zrealizuję|przekażę] [bezpośrednio|poza serwisem] {method}
formal: {hi}pozostałą kwotę [przekażę|ureguluję] {method} po [zamknięciu|zakończeniu] zlecenia [na platformie|tutaj]
relative: {hi}[mój|moja] {rel} [zapłaci|przeleje|wyśle] ci {method}, [podaj konto|daj numer]
extras: {hi}za [małe|drobne] [dodatki|zmiany] [dopłacę|zapłacę] [osobno|na boku], nie [ma sensu|trzeba] przez serwis
"""
T["none"] += """
feeexp: {hi}[prowizja|opłata serwisowa] jest [pobierana|potrącana] [automatycznie|przy wypłacie], dlatego [podałem|podałam] cenę [brutto|z prowizją]
chathere: {hi}[to|ok,] {day} [piszemy|gadamy|kontynuujemy] [tutaj|w tym czacie]
smalltalk: {hi}[mój|moja] {rel} [założył|założyła] w końcu {techm}[ xD|, szok|]
gateway: {hi}[w sklepie|na stronie] [potrzebna|chcemy mieć] [bramka|integracja] {techp} [i BLIK|i karty|]
report: {hi}{who} [namawiał|chciał], żeby przejść na {msgr}, [odmówiłem|zgłosiłem to]
report: {hi}{who} prosił o płatność {method} poza serwisem, [co robić|zgłosić to]?
"""

# ---- trzeci przebieg: drugi szablon dla rodzin negatywnych, które miały jeden
T["none"] += """
payon: {hi}[resztę|{ms}] też [zapłacę|opłacę] normalnie przez {site_a}
rules: {hi}[rozliczenia na boku|płatności poza serwisem] są zakazane, więc [wszystko|całość] robimy tutaj
scam: {hi}wiadomości typu [„napisz na WhatsAppie”|„zapłać blikiem na boku”] to [często oszustwo|zwykle scam]
nochannel: {hi}nie [musimy|trzeba] wymieniać się [kontaktami|numerami], [ten czat|wiadomości tutaj] [wystarczy|wystarczą]
chathere: {hi}[resztę|pozostałe kwestie] [omówimy|dogadamy] {day} tutaj
gateway: {hi}chcemy dodać {techp} do [aplikacji|sklepu], [wycenisz|dasz radę]?
project: {hi}[reszta|{ms}] to {amt}, [płatne|zapłacę] po [akceptacji|odbiorze] [w serwisie|]
"""
