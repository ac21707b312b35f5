# French (France, Belgium, Québec, West Africa)
SLOTS = {
    "hi": ["", "", "bonjour, ", "salut, ", "bonsoir, ", "coucou, ", "hello, ", "ok, ", "merci. ", "bonjour monsieur, ", "bonjour madame, "],
    "msgr": ["WhatsApp", "whatsapp", "whats", "WA", "Telegram", "Télégram", "télégramme", "Signal", "Skype", "Discord",
             "insta", "Snap", "Messenger", "Viber"],
    "meet": ["Zoom", "Google Meet", "Meet", "Teams", "Skype"],
    "method": ["PayPal", "paypal", "Wise", "Payoneer", "Lydia", "Paylib", "virement", "virement bancaire", "mon RIB", "mon IBAN",
               "Orange Money", "Wave", "MTN Mobile Money", "USDT", "crypto", "Binance", "Western Union", "Revolut", "Interac"],
    "ms": ["le prochain jalon", "la prochaine étape", "le jalon 2", "la deuxième tranche", "le dernier paiement",
           "le paiement final", "le reste", "le solde", "la prochaine milestone"],
    "site": ["la plateforme", "le site", "Upwork", "Fiverr", "Malt", "ComeUp", "l'appli"],
    "site_de": ["de la plateforme", "du site", "d'Upwork", "de Fiverr", "de Malt", "de ComeUp", "de l'appli"],
    "site_a": ["à la plateforme", "au site", "à Upwork", "à Fiverr", "à Malt", "à ComeUp", "à l'appli"],
    "fee": ["les frais", "la commission", "les 20 %", "les frais de service", "ce que prend la plateforme"],
    "pct": ["20 %", "10 %", "presque 20 %", "une bonne part"],
    "work": ["le logo", "le site", "l'appli", "la traduction", "la vidéo", "la landing page", "la boutique", "le rapport", "les maquettes"],
    "amt": ["200 €", "150 euros", "500 $", "80 €", "1 200 €", "300 dollars", "50 000 FCFA"],
    "tool": ["Zoom", "Google Meet", "Teams", "MS Teams", "Slack", "Asana", "Trello", "Notion", "Jira", "ClickUp", "Loom", "Calendly", "Discord", "HubSpot", "Xero", "QuickBooks", "Canva", "Figma", "Google Workspace", "Monday.com", "Airtable", "Zapier", "WhatsApp Business", "Skype", "Microsoft 365", "Basecamp"],
    "techm": ["WhatsApp", "Telegram", "Discord", "Slack", "l'API WhatsApp Business", "Messenger"],
    "techp": ["Stripe", "PayPal", "Lydia", "Payplug", "Orange Money", "Apple Pay", "la passerelle de paiement", "Wave"],
    "day": ["demain", "lundi", "vendredi", "cet après-midi", "à 15 h", "la semaine prochaine"],
    "who": ["un client", "le client", "une cliente", "un mec", "un autre freelance", "quelqu'un", "un acheteur"],
}

T = {
"solicit_contact": """
named: {hi}on [continue|discute|parle] sur {msgr}[ ?| plutôt| c'est plus simple|]
named: {hi}[ajoute-moi|ajoutes moi|ajoute moi] sur {msgr}[| stp| s'il te plaît| et on en parle]
named: {hi}[tu as|vous avez|t'as] {msgr} ? [on peut parler là-bas|je t'écris là-bas|]
named: {hi}[envoie-moi|donne-moi|passe-moi] ton {msgr}[| je t'écris| qu'on avance]
named: {hi}[on peut|pourrait-on] passer [la discussion|la conversation] sur {msgr} ?
named: {hi}[écris-moi|écrivez-moi|contacte-moi] sur {msgr}[| quand tu peux| dès que possible]
named: {hi}je [viens|regarde] rarement ici, [contacte-moi|écris-moi] sur {msgr}
meet: {hi}on [fait|peut faire] un [appel|call|visio] sur {meet} [en dehors|à côté|] ? je t'envoie le lien en privé
generic: {hi}[continuons|on continue|parlons] en dehors de [la plateforme|ce site|d'ici]
generic: {hi}on peut parler en privé ? [pas ici|ici c'est surveillé|]
generic: {hi}[donne-moi|envoie-moi|laisse-moi] ton [numéro|numéro perso|mail|e-mail|téléphone|contact][| pour qu'on parle directement|]
generic: {hi}je te [donne|laisse] mon numéro perso, [appelle-moi|écris-moi] directement
generic: {hi}je peux [t'appeler|vous appeler] directement [ce soir|sur ton portable|] ?
generic: {hi}ce chat [est lent|bug tout le temps|est surveillé], on [parle|continue] ailleurs ?
generic: {hi}comment [je peux te joindre|vous joindre] en dehors {site_de} ?
evasive: {hi}cherche-moi sur [Facebook|LinkedIn|Insta] [avec mon nom|même nom] et écris-moi là-bas
evasive: {hi}ici je ne peux pas mettre [mon numéro|mes coordonnées], [trouve-moi|ajoute-moi] sur {msgr}, même pseudo
""",
"solicit_payment": """
named: {hi}[tu peux|vous pouvez|pouvez-vous] me payer par {method}[ ?| directement ?| plutôt ?]
named: {hi}[j'accepte|je prends|je préfère] {method}[| pour le paiement|, ça te va ?]
named: {hi}[envoie-moi|envoyez-moi] {amt} par {method} et je commence [aujourd'hui|tout de suite|]
named: {hi}je t'envoie [mes coordonnées|mes infos] {method}, tu paies là-dessus
named: {hi}{method}, ça [te|vous] va pour le paiement ? [c'est plus rapide|on évite {fee}|]
named: {hi}je [peux te payer|te paie] par {method} [directement|hors plateforme] [pour éviter {fee}|si tu veux|]
milestone: {hi}pour {ms}, [envoie-le|paie-le|vire-le] directement par {method}, pas sur {site}
milestone: {hi}on [fait|règle] {ms} en dehors {site_de}[ par {method}| directement|]
milestone: {hi}on [ferme|clôture] le contrat ici et tu me paies {ms} par {method}
milestone: {hi}ne [finance|dépose] pas {ms} sur {site}, [envoie-le|paie-moi] [par {method}|directement]
milestone: {hi}pour éviter {fee}, on règle {ms} [en direct|hors plateforme|à côté] ?
fee: {hi}[paie-moi|payez-moi] directement et on [évite|économise] {fee}
fee: {hi}{site} prend {pct}, [autant|mieux vaut] [faire ça en direct|passer en direct]
fee: {hi}je te fais [une remise|un prix] si tu paies en dehors [de la plateforme|du site|]
fee: {hi}pourquoi laisser {pct} {site_a} ? [paie-moi en direct|paie directement] et on y gagne tous les deux
generic: {hi}[envoie|vire] [l'argent|l'acompte|le reste] directement sur mon compte [perso|bancaire|]
generic: {hi}[fais le virement|envoie] sur le compte de mon [cousin|frère|beau-frère|épouse], [le mien est bloqué|c'est pareil]
generic: {hi}je te paie en [espèces|liquide|cash] [quand on se voit|en main propre]
generic: {hi}[la moitié ici|l'acompte ici] et le reste [en direct|par {method}|à côté]
""",
"none": """
tools: [à l'aise avec|je maîtrise|outils :|j'utilise au quotidien] {tool}, {tool}, {tool} et {tool}[|, selon ce que votre équipe utilise]
tools: [notre équipe|l'équipe] utilise {tool} pour [les tâches|les points internes] et {tool} pour [les documents|les appels][|, accès donné après l'embauche]
refusal: {hi}[désolé,|désolée,|navré,] je [travaille|communique|me fais payer] uniquement via {site}[| pour des raisons de sécurité]
refusal: {hi}je ne peux pas [donner|partager] mon [numéro|mail|WhatsApp] avant le contrat, [continuons ici|restons ici]
refusal: {hi}je n'accepte pas de paiement en dehors {site_de}[, désolé|, c'est contraire aux règles|, ça nous protège]
refusal: {hi}je préfère garder [tout|les échanges|le paiement] sur {site}
refusal: {hi}non, je ne sors pas {site_de}. [le paiement par jalon me va très bien|on continue ici]
internal: {hi}[merci de|pouvez-vous|peux-tu] [libérer|financer|valider] {ms} [sur la plateforme|via le contrat|sur {site}]
internal: {hi}j'ai [livré|soumis|envoyé] {ms}, [merci de vérifier et valider|dis-moi si tout est bon]
internal: {hi}on [utilise|fait] l'appel vidéo de la plateforme {day}[| pour voir {work}]
internal: {hi}j'ai [financé|créé] {ms} [de {amt}|], tu peux commencer
internal: {hi}envoie les fichiers ici dans le chat[| du projet| de la plateforme]
feature: {hi}j'ai besoin d'un bot {techm} [pour ma boutique|pour le service client|qui envoie les suivis de commande]
feature: {hi}[tu sais|vous savez] intégrer {techp} [sur mon site|dans l'appli|au checkout] ?
feature: {hi}le [webhook|API|sandbox] {techp} [ne marche plus|renvoie une erreur 401|plante] [depuis hier|en prod|]
feature: {hi}ajoute un bouton « [contactez-nous sur|partager sur] {techm} » sur la landing
smalltalk: {hi}[mdr|haha|] {techm} [était en panne|ramait] [hier|toute la matinée]
smalltalk: {hi}toute ma [famille|équipe] utilise {techm} pour tout[ lol|]
schedule: {hi}on [planifie|cale] un appel [ici|sur la plateforme] {day} ?
schedule: {hi}je t'ai envoyé l'invitation à la réunion via la plateforme pour {day}
rules: {hi}[pour info,|je rappelle que] {site} interdit [d'échanger ses coordonnées|les paiements hors plateforme] avant un contrat
rules: {hi}les conditions disent que tous les paiements [passent|doivent passer] par {site}
report: {hi}{who} m'a demandé de payer [par {method}|en dehors] et j'ai [refusé|dit non|signalé]
report: {hi}{who} [voulait|me réclamait] mon {msgr}, [je l'ai signalé|j'ai refusé]
report: {hi}comment signaler {who} qui [demande|m'a demandé] un paiement hors plateforme ?
project: {hi}[mon tarif|le devis] pour {work} est de {amt}[, frais compris|]
project: {hi}{ms} [sera|est] de {amt}[, pour {day}|]
project: {hi}la page de paiement [affiche|a] [des frais erronés|un bug] sur mobile
project: {hi}[corrige|vérifie] la validation du champ [téléphone|e-mail] du formulaire
project: {hi}on en parle pendant l'appel sur la plateforme {day}
""",
}

# ---- deuxième passe
SLOTS["wd"] = ["Payoneer", "mon compte bancaire", "PayPal", "Wise", "ma banque", "Revolut"]
T["solicit_contact"] += """
inperson: {hi}on est dans la même ville, [on se prend un café|on se voit en vrai|on se retrouve] pour parler du projet ?
client: {hi}[voici|je vous laisse] mon [numéro direct|portable perso], [appelez-moi|écrivez-moi sur WhatsApp|envoyez-moi un SMS] [quand vous voulez|{day}]
client: {hi}mon [assistante|associé] va vous [appeler|contacter] directement, [laissez-moi votre numéro|donnez-moi votre téléphone]
after: {hi}[dès que vous acceptez|une fois le contrat signé], on [passe|continue] sur {msgr}[ pour le suivi|, c'est plus pratique|]
after: {hi}je crée un groupe {msgr} avec mon équipe [et on échange là-bas|pour ne plus utiliser ce chat]
vague: {hi}il y a [un autre moyen|une autre façon] de [vous joindre|te contacter] ?
"""
T["solicit_payment"] += """
invoice: {hi}envoyez-moi la facture [par mail|directement|hors plateforme] et je la règle [par {method}|en direct]
cancel: {hi}on [annule|clôture] le contrat [ici|maintenant] et je vous paie le reste [en direct|par {method}|à côté]
bonus: {hi}je vous envoie [un pourboire|un bonus|un petit extra] par {method}[, pas via {site}| à part|]
client: {hi}je paie [toujours|d'habitude] mes freelances par {method}, [ça vous va|c'est bon pour vous] ?
client: {hi}[donnez-moi|c'est quoi] votre [RIB|IBAN|adresse PayPal|compte Wise|numéro Orange Money][ pour le paiement| ?]
"""
T["none"] += """
withdraw: {hi}je [retire|vire] mes gains {site_de} vers {wd}[ chaque semaine| une fois par mois|]
withdraw: {hi}le retrait vers {wd} [est en attente|prend 3 jours|est arrivé][, merci d'avoir libéré le jalon|]
funding: {hi}je vais [ajouter|enregistrer] [ma carte|PayPal] comme moyen de paiement sur {site} [pour financer {ms}|et vous payer|]
bonus: {hi}je vous envoie un bonus via {site}[ pour le travail en plus| après {ms}|]
nochannel: {hi}je n'utilise pas {msgr}[ pour le travail|, désolé|, restons ici|]
nochannel: {hi}pas besoin [d'échanger nos numéros|de se donner nos mails], ce chat me suffit
scam: {hi}[attention|méfiance], les arnaqueurs demandent [toujours|souvent] de [passer sur {msgr}|payer par {method}|payer hors plateforme]
project: {hi}[ajoute|dessine] un bouton [contact|WhatsApp|appel] dans le [footer|header|landing]
"""

# ---- troisième passe (formulée autrement que les messages écrits à la main de natural/)
T["solicit_contact"] += """
email: {hi}on [passe|bascule] par mail [pour les papiers|pour les fichiers|pour la suite] ? [cette messagerie est pénible|c'est plus pratique|]
email: {hi}le mail me convient mieux, [l'adresse est|je l'ai mise] [sur mon profil|dans mon CV]
callback: {hi}[fais-moi|laisse-moi] un appel en absence [quand tu peux|ce soir][ et je te rappelle|]
callback: {hi}je vous appelle [dans une minute|tout de suite], décrochez le numéro inconnu
sms: {hi}envoie le point de [rendez-vous|retrait] [par SMS|en texto] sur mon portable[, je n'ai pas mon ordi|, je suis en route|]
google: {hi}mon [studio|entreprise|magasin] sort en premier sur Google, [appelez le numéro indiqué|le téléphone est sur le site]
meetq: {hi}on pourrait faire [l'entretien|l'appel] sur {meet} ? [c'est ce qu'on utilise en interne|toute l'équipe y est|]
"""
T["solicit_payment"] += """
split: {hi}mets juste [un montant symbolique|le minimum] sur le contrat [pour la forme|pour que ça paraisse normal], le [vrai montant|gros] on le règle [par {method}|entre nous]
feecover: {hi}les frais que prend {method}, c'est pour moi, encaisse juste là-bas
limit: {hi}[mon compte est gelé|mes encaissements sont bloqués] [jusqu'au mois prochain|pour l'instant], envoie à [mon frère|mon cousin|mon associé], il me reversera
visit: {hi}la partie [pose|livraison] je la règle en espèces [le jour même|chez moi], l'appli n'a pas besoin de le savoir
"""
T["none"] += """
discount: {hi}les frais [s'additionnent|pèsent lourd], il y aurait moyen d'avoir une petite remise sur le devis ?
support: {hi}combien de jours prend un retrait vers {wd} depuis {site} ?
support: {hi}on peut lier {wd} pour les retraits sur {site} ?
released: {hi}je viens de valider {ms} sur {site}[, bravo !|, cinq étoiles|, ça devrait arriver vite|]
otp: {hi}les utilisateurs doivent recevoir un code [par SMS|sur leur téléphone] à l'inscription, tu peux le faire avec Twilio ou équivalent ?
invoiceup: {hi}joins ta facture au [jalon|contrat] sur {site}[ pour notre compta|]
dontsend: {hi}pas besoin d'échanger nos [coordonnées|numéros] [pour l'instant|encore], tout peut rester [dans ce chat|sur {site}] jusqu'au début du contrat
payon: {hi}une fois {work} validé, le paiement complet part via {site}
offered: {hi}{who} a voulu m'appâter avec [un bonus|de l'argent en plus|un meilleur tarif] pour être payé par {method}, [hors de question|j'ai décliné|non merci]
"""

# ---- quatrième passe : réseaux, vocaux, cartes cadeaux, demandes et liens de paiement, transferts
T["solicit_contact"] += """
social: {hi}[ajoute-moi|suis-moi|connectons-nous] sur [LinkedIn|Insta|TikTok] et [on discute là-bas|je t'écris en DM]
social: {hi}[rejoins|je t'invite sur] notre [serveur Discord|groupe Telegram|communauté WhatsApp] [pour coordonner|du projet]
voice: {hi}[envoie-moi|fais-moi] un [vocal|message vocal] sur {msgr}[ avec les détails| pour expliquer|]
"""
T["solicit_payment"] += """
giftcard: {hi}tu [accepterais|prends] [une carte cadeau|des cartes Steam|des bons Amazon] comme paiement ?
"""
T["none"] += """
allowed: {hi}{who} veut que je paie [en direct|hors plateforme|par {method}], [c'est autorisé|c'est contre les règles|je dois signaler] ?
feeq: {hi}combien prend {site} sur les contrats [à l'heure|au forfait|longs] ?
wallet: {hi}[on développe|on cherche un dev pour] une [appli de portefeuille crypto|appli de transfert d'argent|appli de paiement P2P] [mobile|en Flutter|]
"""
T["solicit_payment"] += """
billme: {hi}[facture-moi|fais-moi payer] via {method} [plutôt qu'ici|en dehors {site_de}|hors contrat]
ownsite: {hi}il y a une page de paiement sur mon [site|propre site], [réglez|payez] [l'acompte|le reste|le solde] là-bas[ et on évite {fee}|]
mtcn: {hi}passe par une agence [Western Union|MoneyGram|de transfert] et envoie-moi le [code MTCN|numéro de retrait] par message, je le retire
"""
T["none"] += """
plain: {hi}[tu peux|vous pouvez] [agrandir l'en-tête|changer la police|utiliser nos couleurs|raccourcir l'intro] sur {work} ?
plain: {hi}[merci|super], [c'est top|c'est exactement ce que je voulais|j'adore la deuxième version][, je t'envoie mes retours {day}|, juste une petite modif|]
plain: {hi}quel est ton [délai|planning] pour {work} ? [on aimerait l'avoir {day}|pas d'urgence|]
plain: {hi}j'ai [déposé|partagé] [le brief|les fichiers du logo|les textes] plus haut, [dis-moi s'il manque quelque chose|regarde quand tu peux]
"""
