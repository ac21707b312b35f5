# Italian
SLOTS = {
    "hi": ["", "", "ciao, ", "salve, ", "buongiorno, ", "buonasera, ", "ehi, ", "ok, ", "grazie. ", "gentile cliente, "],
    "msgr": ["WhatsApp", "whatsapp", "wapp", "whats", "Telegram", "telegram", "Signal", "Skype", "Discord", "insta", "Messenger"],
    "meet": ["Zoom", "Google Meet", "Meet", "Teams", "Skype"],
    "method": ["PayPal", "paypal", "Wise", "Payoneer", "bonifico", "bonifico bancario", "Satispay", "PostePay", "ricarica PostePay",
               "Revolut", "USDT", "crypto", "Bitcoin", "Western Union", "il mio IBAN"],
    "ms": ["la prossima milestone", "il prossimo step", "la milestone 2", "la seconda rata", "l'ultima rata",
           "il pagamento finale", "il resto", "il saldo", "la seconda fase"],
    "site": ["la piattaforma", "il sito", "Upwork", "Fiverr", "l'app"],
    "site_di": ["della piattaforma", "del sito", "di Upwork", "di Fiverr", "dell'app"],
    "site_su": ["sulla piattaforma", "sul sito", "su Upwork", "su Fiverr", "sull'app"],
    "site_da": ["dalla piattaforma", "dal sito", "da Upwork", "da Fiverr", "dall'app"],
    "site_a": ["alla piattaforma", "al sito", "a Upwork", "a Fiverr", "all'app"],
    "fee": ["la commissione", "le commissioni", "il 20%", "la fee", "i costi di servizio"],
    "pct": ["il 20%", "il 10%", "quasi il 20%", "una bella fetta"],
    "work": ["il logo", "il sito", "l'app", "la traduzione", "il video", "la landing page", "lo shop", "il report", "le grafiche"],
    "amt": ["200 €", "150 euro", "500 $", "80 €", "1.200 €", "300 dollari"],
    "techm": ["WhatsApp", "Telegram", "Discord", "Slack", "l'API di WhatsApp Business", "Messenger"],
    "techp": ["Stripe", "PayPal", "Satispay", "Nexi", "Apple Pay", "Klarna", "il gateway di pagamento"],
    "day": ["domani", "lunedì", "venerdì", "oggi pomeriggio", "alle 15", "la settimana prossima"],
    "who": ["un cliente", "il cliente", "una cliente", "un tizio", "un altro freelance", "qualcuno", "un acquirente"],
}

T = {
"solicit_contact": """
named: {hi}[continuiamo|parliamo|sentiamoci] su {msgr}[| che è più comodo|, è più facile|]
named: {hi}[aggiungimi|scrivimi] su {msgr}[| per favore| così ne parliamo]
named: {hi}[hai|ha] {msgr}? [ci sentiamo lì|ti scrivo lì|]
named: {hi}[mandami|dammi|passami] il tuo {msgr}[| che ti scrivo| così ci organizziamo]
named: {hi}possiamo spostare la conversazione su {msgr}?
named: {hi}[scrivimi|contattami|mandami un messaggio] su {msgr}[| quando puoi| appena puoi]
named: {hi}qui entro poco, [scrivimi|cercami] su {msgr}
meet: {hi}facciamo una [call|chiamata|videochiamata] su {meet} [fuori|a parte|]? ti mando il link in privato
generic: {hi}[continuiamo|parliamo|sentiamoci] fuori dalla piattaforma
generic: {hi}possiamo parlare in privato? [qui no|qui leggono tutto|]
generic: {hi}[dammi|mandami|lasciami] il tuo [numero|cellulare|numero personale|email|contatto][| così ti chiamo|]
generic: {hi}ti [lascio|do] il mio numero personale, [chiamami|scrivimi] direttamente
generic: {hi}posso [chiamarti|chiamarla] direttamente[| stasera| sul cellulare]?
generic: {hi}questa chat [è lenta|dà problemi|è monitorata], sentiamoci da un'altra parte
generic: {hi}come posso contattarti fuori {site_di}?
evasive: {hi}cercami su [Facebook|LinkedIn|Instagram] [col mio nome|stesso nome] e scrivimi lì
evasive: {hi}qui non mi fa scrivere [il numero|i contatti], [cercami|aggiungimi] su {msgr}, stesso nome
""",
"solicit_payment": """
named: {hi}[puoi|potresti|può] pagarmi [con|tramite|via] {method}[?| direttamente?]
named: {hi}[accetto|preferisco|prendo solo] {method}[| per il pagamento|, ti va bene?]
named: {hi}mandami {amt} [con|tramite] {method} e [inizio|parto] [oggi|subito]
named: {hi}ti mando i dati {method}, [paghi lì|fai lì il pagamento]
named: {hi}ti va bene {method}? [è più veloce|così evitiamo {fee}|]
named: {hi}ti [pago|posso pagare] [con|via] {method} [direttamente|fuori] [e risparmiamo {fee}|se ti va|]
milestone: {hi}{ms} [mandamela|pagamela] direttamente [con|su] {method}, non {site_su}
milestone: {hi}facciamo {ms} fuori {site_di}[ con {method}| direttamente|]
milestone: {hi}chiudiamo il contratto qui e {ms} me [la|lo] paghi [con|via] {method}
milestone: {hi}non [finanziare|caricare] {ms} {site_su}, [mandamelo|pagami] [con {method}|direttamente]
milestone: {hi}per evitare {fee}, {ms} [lo facciamo|la facciamo] [direttamente|fuori|a parte]?
fee: {hi}pagami direttamente e [risparmiamo|ci evitiamo] {fee}
fee: {hi}{site} si prende {pct}, [facciamo|meglio fare] direttamente
fee: {hi}ti faccio [uno sconto|un prezzo migliore] se paghi fuori [dalla piattaforma|]
fee: {hi}perché dare {pct} {site_a}? [pagami direttamente|paga diretto] e ci guadagniamo tutti e due
generic: {hi}[mandami|bonificami|versami] [i soldi|l'anticipo|il resto] direttamente sul mio conto [personale|]
generic: {hi}[fai il bonifico|versa] sul conto di mio [cugino|fratello|cognato], [il mio è bloccato|è uguale]
generic: {hi}ti pago in contanti [quando ci vediamo|di persona|a mano]
generic: {hi}[metà qui|l'acconto qui] e il resto [direttamente|con {method}|a parte]
""",
"none": """
refusal: {hi}[scusa,|mi dispiace,|purtroppo] [lavoro|comunico|accetto pagamenti] solo tramite {site}[| per sicurezza]
refusal: {hi}non posso [darti|condividere] il mio [numero|email|WhatsApp] prima del contratto, [continuiamo qui|restiamo qui]
refusal: {hi}non accetto pagamenti fuori {site_di}[, scusa|, è contro le regole|, ci tutela entrambi]
refusal: {hi}preferisco tenere [tutto|la comunicazione|il pagamento] {site_su}
refusal: {hi}no, non esco {site_di}. [il pagamento con la milestone va benissimo|continuiamo qui]
internal: {hi}[per favore|puoi] [rilasciare|finanziare|approvare] {ms} [sulla piattaforma|dal contratto|{site_su}]
internal: {hi}ho [consegnato|inviato] {ms}, [per favore controlla e approva|fammi sapere se va bene]
internal: {hi}usiamo la videochiamata della piattaforma {day}[| per vedere {work}]
internal: {hi}ho [finanziato|creato] {ms} [da {amt}|], puoi iniziare
internal: {hi}manda i file qui nella chat[| del progetto| della piattaforma]
feature: {hi}mi serve un bot {techm} [per il mio negozio|per l'assistenza clienti|che mandi gli aggiornamenti degli ordini]
feature: {hi}[sai|sa] integrare {techp} [nel mio sito|nell'app|nel checkout]?
feature: {hi}[il webhook|l'API|la sandbox] di {techp} [non funziona|dà errore 401|si blocca] [da ieri|in produzione|]
feature: {hi}aggiungi un pulsante "[contattaci su|condividi su] {techm}" sulla landing
smalltalk: {hi}[ahah|lol|] {techm} [era giù|andava malissimo] [ieri|tutta la mattina]
smalltalk: {hi}tutta la mia [famiglia|squadra] usa {techm} per tutto[ ahah|]
schedule: {hi}fissiamo una call [qui|sulla piattaforma] {day}?
schedule: {hi}ti ho mandato l'invito alla riunione tramite la piattaforma per {day}
rules: {hi}[giusto per info,|ricordo che] {site} non permette [di scambiarsi i contatti|pagamenti esterni] prima del contratto
rules: {hi}i termini dicono che tutti i pagamenti devono passare {site_da}
report: {hi}{who} mi ha chiesto di pagare [con {method}|fuori] e [ho rifiutato|ho detto di no|l'ho segnalato]
report: {hi}{who} voleva il mio {msgr}, [l'ho segnalato|ho rifiutato]
report: {hi}come segnalo {who} che chiede pagamenti fuori piattaforma?
project: {hi}[la mia tariffa|il preventivo] per {work} è {amt}[, commissioni incluse|]
project: {hi}{ms} è di {amt}[, per {day}|]
project: {hi}la pagina di pagamento [mostra|ha] [commissioni sbagliate|un bug] da mobile
project: {hi}[correggi|controlla] la validazione del campo [telefono|email] nel form
project: {hi}ne parliamo nella call sulla piattaforma {day}
""",
}

# ---- seconda passata
SLOTS["wd"] = ["Payoneer", "il mio conto", "PayPal", "Wise", "la mia banca", "Revolut"]
T["solicit_contact"] += """
inperson: {hi}siamo nella stessa città, [prendiamo un caffè|ci vediamo di persona|passa in ufficio] e parliamo del progetto?
client: {hi}[ecco|ti lascio] il mio [numero diretto|cellulare personale], [chiamami|scrivimi su WhatsApp|mandami un SMS] [quando vuoi|{day}]
client: {hi}la mia [assistente|socia] ti [chiama|contatta] direttamente, [dammi il tuo numero|lasciami il telefono]
after: {hi}[appena accetti|una volta firmato], [passiamo|continuiamo] su {msgr}[ per gli aggiornamenti|, è più comodo|]
after: {hi}creo un gruppo {msgr} col mio team [e ci sentiamo lì|così non usiamo questa chat]
vague: {hi}c'è [un altro modo|un'altra maniera] per [contattarti|sentirci]?
"""
T["solicit_payment"] += """
invoice: {hi}mandami la fattura [per email|direttamente|fuori piattaforma] e la pago [con {method}|direttamente]
cancel: {hi}[chiudiamo|annulliamo] il contratto [qui|adesso] e il resto te lo pago [direttamente|con {method}|a parte]
bonus: {hi}ti mando [una mancia|un bonus|un extra] con {method}[, non {site_su}| a parte|]
client: {hi}[di solito|sempre] pago i freelance con {method}, [va bene|ti va]?
client: {hi}[mandami|qual è] il tuo [IBAN|indirizzo PayPal|conto Wise|numero PostePay][ per pagarti|?]
"""
T["none"] += """
withdraw: {hi}[prelevo|trasferisco] i guadagni {site_da} su {wd}[ ogni settimana| una volta al mese|]
withdraw: {hi}il prelievo su {wd} [è in attesa|ci mette 3 giorni|è arrivato][, grazie per aver rilasciato la milestone|]
funding: {hi}[aggiungo|inserisco] [la mia carta|PayPal] come metodo di pagamento {site_su} [per finanziare {ms}|e ti pago|]
bonus: {hi}ti mando un bonus tramite {site}[ per il lavoro extra| dopo {ms}|]
nochannel: {hi}non uso {msgr}[ per lavoro|, scusa|, restiamo qui|]
nochannel: {hi}non serve [scambiarci i numeri|darci l'email], questa chat mi basta
scam: {hi}[attenzione|occhio], i truffatori chiedono [sempre|spesso] di [passare su {msgr}|pagare con {method}|pagare fuori]
project: {hi}[aggiungi|disegna] un pulsante [contatti|WhatsApp|chiama] nel [footer|header|landing]
"""

# ---- terza passata (formulata diversamente dai messaggi scritti a mano di natural/)
T["solicit_contact"] += """
email: {hi}passiamo alla mail [per le carte|per i file|per il resto]? [questa chat è scomoda|è più pratico|]
email: {hi}la mail per me è meglio, [l'indirizzo è|l'ho messo] [nel profilo|nel CV]
callback: {hi}fammi [uno squillo|una chiamata persa] [quando puoi|stasera][ e ti richiamo io|]
callback: {hi}ti chiamo [tra un minuto|subito], rispondi al numero sconosciuto
sms: {hi}manda il punto di [ritrovo|ritiro] [via SMS|per messaggio] sul cellulare[, non ho il portatile|, sono in giro|]
google: {hi}il mio [studio|negozio|laboratorio] esce per primo su Google, [chiama il numero che trovi|il telefono è sul sito]
meetq: {hi}potremmo fare [il colloquio|la call] su {meet}? [è quello che usiamo internamente|c'è tutto il team|]
"""
T["solicit_payment"] += """
split: {hi}metti solo [una cifra simbolica|il minimo] nel contratto [per far vedere|per la forma], il [grosso|resto vero] lo sistemiamo [con {method}|tra noi]
feecover: {hi}le spese che prende {method} le metto io, tu incassa lì
limit: {hi}[ho il conto congelato|gli accrediti mi sono bloccati] [fino al mese prossimo|per ora], manda a [mio fratello|mio cugino|il mio socio] che me li gira
visit: {hi}la parte del [montaggio|trasporto] la saldo in contanti [quel giorno|a casa], l'app non deve saperlo
"""
T["none"] += """
discount: {hi}la commissione si fa sentire, ci sarebbe margine per un piccolo sconto sul preventivo?
support: {hi}quanti giorni ci vogliono per un prelievo su {wd} da {site}?
support: {hi}si può collegare {wd} per i prelievi {site_su}?
released: {hi}ho appena approvato {ms} {site_su}[, ottimo lavoro!|, cinque stelle|, dovrebbe arrivarti a breve|]
otp: {hi}gli utenti devono ricevere un codice [via SMS|sul telefono] alla registrazione, lo fai con Twilio o simili?
invoiceup: {hi}allega la fattura [alla milestone|al contratto] {site_su}[ per la contabilità|]
dontsend: {hi}non serve scambiarci [contatti|numeri] [per ora|ancora], tutto può restare [in questa chat|{site_su}] fino all'inizio del contratto
payon: {hi}appena {work} è approvato, il pagamento completo parte tramite {site}
offered: {hi}{who} ha provato a convincermi con [un bonus|soldi extra|una tariffa più alta] per farmi pagare con {method}, [neanche per sogno|ho rifiutato|no grazie]
"""

# ---- quarta passata: social, vocali, gift card, richieste e link di pagamento, rimesse
T["solicit_contact"] += """
social: {hi}[seguimi|aggiungimi|colleghiamoci] su [LinkedIn|Insta|TikTok] e [ci scriviamo lì|ti scrivo in DM]
social: {hi}[entra nel|ti invito nel] nostro [server Discord|gruppo Telegram|gruppo WhatsApp] [per coordinarci|del progetto]
voice: {hi}mandami un [vocale|audio] su {msgr}[ con i dettagli| per spiegare|]
"""
T["solicit_payment"] += """
giftcard: {hi}[accetteresti|prendi] [una gift card|carte Steam|buoni Amazon] come pagamento?
"""
T["none"] += """
allowed: {hi}{who} vuole che paghi [direttamente|fuori|con {method}], [è permesso|è contro le regole|devo segnalarlo]?
feeq: {hi}quanto trattiene {site} sui contratti [orari|a prezzo fisso|lunghi]?
wallet: {hi}[stiamo sviluppando|ci serve] un'[app wallet crypto|app per rimesse|app di pagamenti P2P] e cerchiamo uno sviluppatore [mobile|backend|Flutter]
"""
T["solicit_payment"] += """
billme: {hi}[addebitamelo|fatturamelo] tramite {method} [invece che qui|fuori {site_di}|senza passare dal contratto]
ownsite: {hi}sul mio [sito|sito personale] c'è una pagina di pagamento, [salda|paga] [l'acconto|il resto] lì[ e saltiamo {fee}|]
mtcn: {hi}vai in un'agenzia [Western Union|MoneyGram|di money transfer] e mandami il [codice MTCN|codice di ritiro] per messaggio, lo ritiro io
"""
T["none"] += """
plain: {hi}[puoi|potresti] [ingrandire l'header|cambiare il font|usare i colori del brand|accorciare l'intro]?
plain: {hi}[grazie|perfetto], [è venuto benissimo|è proprio quello che volevo|adoro la seconda versione][, ti mando i feedback {day}|, solo una piccola modifica|]
plain: {hi}che [tempi|disponibilità] hai per {work}? [ci servirebbe {day}|nessuna fretta|]
plain: {hi}ho [caricato|condiviso] [il brief|i file del logo|i testi] sopra, [dimmi se manca qualcosa|dai un'occhiata quando puoi]
"""
