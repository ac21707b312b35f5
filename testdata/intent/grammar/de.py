# German (Germany, Austria, Switzerland)
SLOTS = {
    "hi": ["", "", "hallo, ", "hi, ", "moin, ", "servus, ", "guten Tag, ", "grüezi, ", "hey, ", "ok, ", "danke. "],
    "msgr": ["WhatsApp", "whatsapp", "WA", "Telegram", "telegram", "Signal", "Threema", "Skype", "Discord", "Insta", "Messenger"],
    "meet": ["Zoom", "Google Meet", "Teams", "MS Teams", "Skype"],
    "method": ["PayPal", "paypal", "PayPal Freunde", "Wise", "Payoneer", "Überweisung", "SEPA-Überweisung", "Twint",
               "Revolut", "Klarna", "Krypto", "USDT", "Bitcoin", "Western Union"],
    "ms": ["den nächsten Meilenstein", "Meilenstein 2", "die zweite Rate", "die letzte Rate", "die Schlusszahlung",
           "den Rest", "den Restbetrag", "die nächste Zahlung"],
    "site": ["die Plattform", "die Seite", "Upwork", "Fiverr", "Freelancermap", "die App"],
    "site_dat": ["der Plattform", "der Seite", "Upwork", "Fiverr", "Freelancermap", "der App"],
    "fee": ["die Gebühr", "die Gebühren", "die 20 %", "die Provision", "die Servicegebühr"],
    "pct": ["20 %", "10 %", "fast 20 %", "zwanzig Prozent"],
    "work": ["das Logo", "die Website", "die App", "die Übersetzung", "das Video", "die Landingpage", "den Shop", "den Bericht", "die Entwürfe"],
    "amt": ["200 €", "150 Euro", "500 $", "80 €", "1.200 €", "300 CHF"],
    "tool": ["Zoom", "Google Meet", "Teams", "MS Teams", "Slack", "Asana", "Trello", "Notion", "Jira", "ClickUp", "Loom", "Calendly", "Discord", "HubSpot", "Xero", "QuickBooks", "Canva", "Figma", "Google Workspace", "Monday.com", "Airtable", "Zapier", "WhatsApp Business", "Skype", "Microsoft 365", "Basecamp"],
    "techm": ["WhatsApp", "Telegram", "Discord", "Slack", "Signal", "Messenger"],
    "techp": ["Stripe", "PayPal", "Klarna", "Twint", "Mollie", "Apple Pay", "Adyen"],
    "day": ["morgen", "am Montag", "am Freitag", "heute Nachmittag", "um 15 Uhr", "nächste Woche"],
    "who": ["ein Kunde", "der Kunde", "eine Kundin", "ein Typ", "ein anderer Freelancer", "jemand", "ein Käufer"],
}

T = {
"solicit_contact": """
named: {hi}[lass uns|lasst uns|können wir] [auf|über|per] {msgr} weiter[schreiben|reden|machen][?|, ist einfacher|]
named: {hi}[adde mich|füg mich hinzu|schreib mich an] [auf|bei|über] {msgr}[| bitte| dann besprechen wir alles]
named: {hi}[hast du|haben Sie] {msgr}? [dann schreib ich dir da|da ist es einfacher|]
named: {hi}[schick|gib] mir [deine|Ihre] {msgr}-[Nummer|ID][| dann melde ich mich]
named: {hi}können wir das Gespräch zu {msgr} verlegen?
named: {hi}[schreib mir|melde dich|ping mich] [auf|über|per] {msgr}[| wenn du Zeit hast]
named: {hi}ich bin hier selten online, [schreib mir|erreich mich] [auf|über] {msgr}
meet: {hi}können wir [kurz|mal] über {meet} [telefonieren|sprechen|callen]? ich schick dir den Link privat
generic: {hi}lass uns außerhalb [der Plattform|dieser Seite|von hier] weiterreden
generic: {hi}können wir privat [schreiben|reden]? [hier nicht|hier wird mitgelesen|]
generic: {hi}[gib|schick] mir [deine|Ihre] [Nummer|Handynummer|private Nummer|E-Mail|Mailadresse][| dann rufe ich an|]
generic: {hi}ich geb dir meine private Nummer, [ruf mich direkt an|schreib mir direkt]
generic: {hi}kann ich [dich|Sie] direkt anrufen[| heute Abend| auf dem Handy]?
generic: {hi}der Chat hier [ist langsam|spinnt dauernd|wird überwacht], lass uns woanders [reden|schreiben]
generic: {hi}wie erreiche ich [dich|Sie] außerhalb von {site_dat}?
evasive: {hi}such mich auf [LinkedIn|Facebook|Insta|Xing] [mit meinem Namen|gleicher Name] und schreib mir dort
evasive: {hi}hier kann ich [meine Nummer|Kontaktdaten] nicht reinschreiben, [find mich|add mich] auf {msgr}, gleicher Name
""",
"solicit_payment": """
named: {hi}[kannst du|können Sie] [mich|mir das] [per|über|mit] {method} [bezahlen|zahlen|schicken][?| direkt?]
named: {hi}ich [nehme|akzeptiere|bevorzuge] {method}[| für die Zahlung|, passt das?]
named: {hi}schick mir {amt} [per|über] {method}, dann fang ich [heute|sofort] an
named: {hi}ich schick dir meine {method}-Daten, [zahl einfach da|dann überweist du]
named: {hi}passt {method} für die Zahlung? [geht schneller|dann sparen wir {fee}|]
named: {hi}ich [kann dich direkt per {method} bezahlen|zahl dir das direkt über {method}|überweise dir per {method}] [und wir sparen {fee}|wenn das ok ist|]
milestone: {hi}[zahl|überweis|schick] {ms} direkt [per|über] {method}, nicht über {site}
milestone: {hi}lass uns {ms} außerhalb von {site_dat} [machen|abwickeln][ per {method}| direkt|]
milestone: {hi}wir schließen den Vertrag hier und [du zahlst|Sie zahlen] {ms} [per|über] {method}
milestone: {hi}[finanzier|hinterleg] {ms} nicht [auf|bei] {site_dat}, [zahl|schick] [lieber|einfach] [per {method}|direkt]
milestone: {hi}um {fee} zu sparen, machen wir {ms} [direkt|privat|außerhalb]?
fee: {hi}[zahl mich|bezahl mich] direkt, dann sparen wir {fee}
fee: {hi}{site} nimmt {pct}, lass es uns direkt [machen|abwickeln]
fee: {hi}ich geb dir [Rabatt|einen besseren Preis] wenn du außerhalb [der Plattform|] zahlst
fee: {hi}warum {pct} an {site} zahlen? [zahl direkt|überweis direkt] und wir sparen beide
generic: {hi}[überweis|schick] [das Geld|die Anzahlung|den Rest] direkt auf mein [Konto|Privatkonto]
generic: {hi}[überweis|zahl] auf das Konto [von meinem Cousin|von meinem Bruder|meines Schwagers|meiner Frau], [meins ist gesperrt|ist dasselbe]
generic: {hi}ich zahl dir [bar|in bar|cash] [wenn wir uns sehen|persönlich|]
generic: {hi}[die Hälfte hier|die Anzahlung hier] und den Rest [direkt|per {method}|privat]
""",
"none": """
tools: [sicher im Umgang mit|Tools:|ich arbeite täglich mit|Erfahrung mit] {tool}, {tool}, {tool} und {tool}[|, je nachdem, was Ihr Team nutzt]
tools: [unser Team|das Team] nutzt {tool} für [Aufgaben|interne Abstimmungen] und {tool} für [Dokumente|Calls][|, Zugang gibt es nach der Beauftragung]
refusal: {hi}[sorry,|tut mir leid,|sorry, aber] ich [arbeite|kommuniziere|rechne ab] nur über {site}[| aus Sicherheitsgründen]
refusal: {hi}ich kann meine [Nummer|E-Mail|WhatsApp] nicht vor Vertragsbeginn [geben|teilen], [lass uns hier weiterschreiben|bleiben wir hier]
refusal: {hi}ich nehme keine Zahlungen außerhalb von {site_dat} an[, sorry|, das verstößt gegen die Regeln|, das schützt uns beide]
refusal: {hi}ich [möchte|würde] [alles|die Kommunikation|die Zahlung] lieber auf {site_dat} lassen
refusal: {hi}nein, ich gehe nicht [weg von|raus aus] {site_dat}. [Zahlung über den Meilenstein passt|wir bleiben hier]
internal: {hi}[bitte|kannst du] {ms} [auf der Plattform|über den Vertrag|über {site}] [freigeben|finanzieren|bezahlen]
internal: {hi}ich habe {ms} [eingereicht|geliefert], [bitte prüfen und freigeben|sag Bescheid ob alles passt]
internal: {hi}lass uns {day} den Videocall der Plattform [nutzen|machen][| für {work}]
internal: {hi}ich habe {ms} [über {amt}|] [finanziert|angelegt], du kannst anfangen
internal: {hi}schick die Dateien [einfach|] hier im Chat[| des Projekts| der Plattform]
feature: {hi}ich brauche einen {techm}-Bot [für meinen Shop|für den Kundenservice|der Bestellupdates schickt]
feature: {hi}[kannst du|können Sie] {techp} [in meine Website|in die App|in den Checkout] integrieren?
feature: {hi}der {techp}-[Webhook|API-Call|Sandbox] [geht nicht|liefert 401|stürzt ab] [seit gestern|im Livebetrieb|]
feature: {hi}bau einen „[Kontakt über|Teilen auf] {techm}“-Button auf die Landingpage
smalltalk: {hi}[haha|lol|] {techm} war [gestern|den ganzen Morgen] [down|total langsam]
smalltalk: {hi}meine [Familie|Mutter|ganze Firma] nutzt {techm} für alles[ lol|]
schedule: {hi}sollen wir {day} einen Call [hier|über die Plattform] machen?
schedule: {hi}ich habe dir die Einladung über die Plattform für {day} geschickt
rules: {hi}[nur zur Info,|zur Erinnerung,] {site} erlaubt [keinen Kontaktaustausch|keine Zahlungen außerhalb] vor einem Vertrag
rules: {hi}laut AGB müssen alle Zahlungen über {site} laufen
report: {hi}{who} wollte, dass ich [per {method}|außerhalb] zahle, ich habe [abgelehnt|nein gesagt|es gemeldet]
report: {hi}{who} wollte meine {msgr}-Nummer, [ich hab's gemeldet|hab abgelehnt]
report: {hi}wie melde ich {who}, der Zahlung außerhalb der Plattform [verlangt|will]?
project: {hi}[mein Preis|das Angebot] für {work} liegt bei {amt}[, inklusive Gebühren|]
project: {hi}{ms} beträgt {amt}[, fällig {day}|]
project: {hi}die Bezahlseite [zeigt|hat] [falsche Gebühren|einen Bug] auf dem Handy
project: {hi}[korrigier|prüf] die Validierung vom [Telefonnummer|E-Mail]-Feld im Formular
project: {hi}das besprechen wir im Call auf der Plattform {day}
""",
}

# ---- zweiter Durchgang
SLOTS["wd"] = ["Payoneer", "mein Bankkonto", "PayPal", "Wise", "meine Hausbank", "Revolut"]
T["solicit_contact"] += """
inperson: {hi}wir sind in derselben Stadt, [lass uns auf einen Kaffee treffen|treffen wir uns persönlich|komm doch vorbei] und reden über das Projekt?
client: {hi}[hier ist|anbei] meine [Durchwahl|private Handynummer], [ruf mich an|schreib mir auf WhatsApp|schick mir eine SMS] [jederzeit|{day}]
client: {hi}meine [Assistentin|Kollegin] [ruft Sie|meldet sich] direkt [an|bei Ihnen], [geben Sie mir Ihre Nummer|schicken Sie mir Ihre Telefonnummer]
after: {hi}[sobald Sie annehmen|wenn der Vertrag steht], [wechseln wir|machen wir] auf {msgr} weiter[ für die Abstimmung|, ist praktischer|]
after: {hi}ich mach eine {msgr}-Gruppe mit meinem Team [und wir reden dort|damit wir den Chat hier nicht brauchen]
vague: {hi}gibt es [einen anderen Weg|eine andere Möglichkeit], [Sie zu erreichen|dich zu kontaktieren]?
"""
T["solicit_payment"] += """
invoice: {hi}schicken Sie mir die Rechnung [per Mail|direkt|außerhalb der Plattform], ich zahle [per {method}|direkt]
cancel: {hi}wir [beenden|stornieren] den Vertrag [hier|jetzt] und ich zahle den Rest [direkt|per {method}|privat]
bonus: {hi}ich schick dir [ein Trinkgeld|einen Bonus|was extra] per {method}[, nicht über {site}| nebenbei|]
client: {hi}ich zahle Freelancer [immer|normalerweise] per {method}, [passt das|ist das ok]?
client: {hi}[schick mir|wie lautet] deine [IBAN|PayPal-Adresse|Wise-Daten|Kontonummer][ für die Zahlung|?]
"""
T["none"] += """
withdraw: {hi}ich lasse mir mein Guthaben von {site_dat} auf {wd} auszahlen[, jede Woche|, einmal im Monat|]
withdraw: {hi}die Auszahlung auf {wd} [ist noch ausstehend|dauert 3 Tage|ist angekommen][, danke fürs Freigeben|]
funding: {hi}ich hinterlege [meine Karte|PayPal|mein Firmenkonto] als Zahlungsmethode auf {site_dat}[, um {ms} zu finanzieren|, dann zahle ich dich dort|]
bonus: {hi}ich schicke dir einen Bonus über {site}[ für die Mehrarbeit| nach {ms}|]
nochannel: {hi}ich nutze kein {msgr}[ für die Arbeit|, sorry|, bleiben wir hier|]
nochannel: {hi}wir müssen keine [Nummern|E-Mails] austauschen, der Chat hier reicht mir
scam: {hi}[Vorsicht|Achtung], Betrüger wollen [immer|oft], dass man [zu {msgr} wechselt|per {method} zahlt|außerhalb zahlt]
project: {hi}[bau|setz] einen [Kontakt|WhatsApp|Anruf]-Button in den [Footer|Header|Hero-Bereich]
"""

# ---- dritter Durchgang (anders formuliert als die handgeschriebenen Nachrichten in natural/)
T["solicit_contact"] += """
email: {hi}können wir für [den Papierkram|die Dateien|alles Weitere] auf Mail umsteigen? [der Chat hier ist umständlich|ist praktischer|]
email: {hi}Mail ist mir lieber, [die Adresse steht|ich hab sie] [in meinem Profil|im Lebenslauf]
callback: {hi}lass es [einmal|kurz] bei mir klingeln[, wenn du Zeit hast| heute Abend][, ich melde mich dann|]
callback: {hi}ich ruf [gleich|in einer Minute] an, geh bitte an die unbekannte Nummer
sms: {hi}schick den [Treffpunkt|Abholort] [als SMS|per Text] aufs Handy[, hab keinen Laptop dabei|, bin unterwegs|]
google: {hi}mein [Studio|Laden|Betrieb] steht bei Google ganz oben, [ruf die Nummer dort an|die Telefonnummer ist auf der Website]
meetq: {hi}könnten wir das [Gespräch|Interview] über {meet} machen? [das nutzen wir intern|da ist das ganze Team|]
"""
T["solicit_payment"] += """
split: {hi}stell nur [einen symbolischen Betrag|das Minimum] in den Vertrag[, damit es normal aussieht| fürs Protokoll], den [echten Betrag|Großteil] regeln wir [per {method}|privat]
feecover: {hi}was {method} an Gebühren nimmt, übernehme ich, nimm das Geld einfach dort an
limit: {hi}[mein Konto ist eingefroren|meine Zahlungseingänge hängen] [bis nächsten Monat|gerade], schick es an [meinen Bruder|meinen Cousin|meinen Partner], der leitet es weiter
visit: {hi}den [Montage|Liefer]-Teil zahle ich bar [am Termin|bei mir zu Hause], die App muss davon nichts wissen
"""
T["none"] += """
discount: {hi}die Gebühr läppert sich, wäre ein kleiner Nachlass auf das Angebot drin?
support: {hi}wie lange dauert eine Auszahlung auf {wd} bei {site_dat}?
support: {hi}kann ich {wd} für Auszahlungen bei {site_dat} verknüpfen?
released: {hi}hab gerade {ms} auf {site_dat} freigegeben[, top Arbeit!|, fünf Sterne|, das Geld sollte bald da sein|]
otp: {hi}Nutzer sollen bei der Registrierung einen Code [per SMS|aufs Handy] bekommen, kannst du das mit Twilio o. Ä. bauen?
invoiceup: {hi}häng deine Rechnung an den [Meilenstein|Vertrag] auf {site_dat}[, für unsere Buchhaltung|]
dontsend: {hi}wir müssen [noch keine Kontaktdaten|jetzt keine Nummern] tauschen, alles kann bis Vertragsbeginn [in diesem Chat|auf {site_dat}] bleiben
payon: {hi}sobald {work} abgenommen ist, geht die komplette Zahlung über {site} raus
offered: {hi}{who} wollte mich mit [einem Bonus|extra Geld|einem höheren Satz] ködern, damit ich über {method} kassiere, [kommt nicht in Frage|hab abgelehnt|nein danke]
"""

# ---- vierter Durchgang: Profile, Sprachnachrichten, Gutscheine, Zahlungsanforderungen/-links, Überweisungen an Verwandte
T["solicit_contact"] += """
social: {hi}[vernetz dich mit mir|folg mir|add mich] auf [LinkedIn|Insta|TikTok|Xing] und [schreib mir dort|wir reden da weiter]
social: {hi}[komm in unseren Discord-Server|komm in unsere Telegram-Gruppe|ich lade dich in unsere WhatsApp-Gruppe ein][, da stimmen wir uns ab|]
voice: {hi}schick mir [eine Sprachnachricht|ein kurzes Audio] über {msgr}[ mit den Details| dazu|]
"""
T["solicit_payment"] += """
giftcard: {hi}[würdest du|nimmst du] [einen Gutschein|Steam-Karten|Amazon-Gutscheine] als Bezahlung [nehmen|]?
"""
T["none"] += """
allowed: {hi}{who} will, dass ich [direkt|außerhalb|per {method}] zahle – [ist das erlaubt|verstößt das gegen die Regeln|soll ich das melden]?
feeq: {hi}wie viel nimmt {site} bei [Stundenverträgen|Festpreisprojekten|langen Verträgen]?
wallet: {hi}[wir bauen|ich brauche] eine [Krypto-Wallet|Überweisungs-App|P2P-Bezahl-App] und suchen [Mobile|Backend|Flutter]-Entwickler
"""
T["solicit_payment"] += """
billme: {hi}stell es mir [über|per] {method} in Rechnung[ statt hier| außerhalb von {site_dat}| ohne den Vertrag|]
ownsite: {hi}auf meiner [Website|eigenen Seite] gibt es eine Bezahlseite, [begleichen Sie|zahl] [die Anzahlung|den Rest] dort[ und wir sparen {fee}|]
mtcn: {hi}geh zu einer [Western-Union|MoneyGram]-Filiale und schick mir die [MTCN|Abholnummer] per Nachricht, ich hole es ab
"""
T["none"] += """
plain: {hi}[kannst du|können Sie] [den Header größer machen|die Schrift ändern|unsere Markenfarben nehmen|das Intro kürzen]?
plain: {hi}[danke|super], [sieht gut aus|genau so wollte ich es|die zweite Version gefällt mir am besten][, Feedback kommt {day}|, nur eine kleine Änderung|]
plain: {hi}wie ist dein [Zeitplan|Zeitrahmen] für {work}? [wir bräuchten es {day}|keine Eile|]
plain: {hi}ich habe [das Briefing|die Logodateien|die Texte] oben [hochgeladen|geteilt], [sag Bescheid, wenn was fehlt|schau's dir an, wenn du Zeit hast]
"""
