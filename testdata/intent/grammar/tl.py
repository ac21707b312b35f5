# Tagalog / Taglish
SLOTS = {
    "hi": ["", "", "hi po, ", "hello po, ", "good day po, ", "sir, ", "ma'am, ", "boss, ", "uy, ", "ay ", "salamat po. ", "kuya, ", "ate, "],
    "msgr": ["Messenger", "messenger", "FB", "fb", "Viber", "viber", "Telegram", "TG", "WhatsApp", "Skype", "Discord", "IG"],
    "meet": ["Zoom", "Google Meet", "gmeet", "Teams", "Skype"],
    "method": ["GCash", "gcash", "Maya", "PayMaya", "BDO", "BPI", "UnionBank", "Coins.ph", "Palawan", "Cebuana",
               "bank transfer", "PayPal", "Wise", "USDT", "Western Union"],
    "ms": ["next milestone", "susunod na milestone", "milestone 2", "second milestone", "last milestone", "final payment",
           "natitirang bayad", "balance"],
    "site": ["platform", "site", "Upwork", "OnlineJobs", "Fiverr", "app"],
    "fee": ["fee", "kaltas", "20% na kaltas", "service fee", "commission"],
    "pct": ["20%", "10%", "ang laki", "halos 20%"],
    "work": ["logo", "website", "app", "translation", "video edit", "landing page", "report", "designs", "VA tasks"],
    "amt": ["₱5,000", "5k", "$200", "P3000", "150 dollars", "₱12,000"],
    "tool": ["Zoom", "Google Meet", "Teams", "MS Teams", "Slack", "Asana", "Trello", "Notion", "Jira", "ClickUp", "Loom", "Calendly", "Discord", "HubSpot", "Xero", "QuickBooks", "Canva", "Figma", "Google Workspace", "Monday.com", "Airtable", "Zapier", "WhatsApp Business", "Skype", "Microsoft 365", "Basecamp"],
    "techm": ["Messenger", "Viber", "Telegram", "WhatsApp", "Discord"],
    "techp": ["GCash", "Maya", "PayMongo", "PayPal", "Stripe", "Xendit"],
    "day": ["bukas", "sa Lunes", "sa Biyernes", "mamayang hapon", "mamaya 3pm", "next week"],
    "who": ["may client", "yung client", "isang buyer", "may isang freelancer", "may nag-message"],
}

T = {
"solicit_contact": """
named: {hi}sa {msgr} na lang tayo mag-usap[| po|, mas madali|, mas mabilis dun]
named: {hi}[pa-add naman|add mo ko|add niyo po ako] sa {msgr}[| po| para makapag-usap tayo]
named: {hi}may {msgr} ka [ba|po ba]? [dun na lang tayo|usap tayo dun|]
named: {hi}ano [po|] {msgr} mo[?| para ma-message kita?]
named: {hi}pwede [ba|po ba] tayong lumipat sa {msgr}?
named: {hi}[pm|message|chat] mo ko sa {msgr}[| pag free ka| asap]
named: {hi}bihira ako mag-online dito, sa {msgr} mo na lang ako [i-message|kontakin]
meet: {hi}[call|meeting] tayo sa {meet} [sa labas|separately|]? send ko link sa pm
generic: {hi}sa labas na lang [ng platform|ng site|dito] tayo mag-usap
generic: {hi}pwede [ba|po ba] tayong mag-usap ng private? [dito kasi monitored|hindi dito|]
generic: {hi}pahingi [ng|po ng] [number|cp number|personal number|email|contact] mo[| para direct na tayo| tawagan kita]
generic: {hi}ibibigay ko personal number ko, [tawagan mo ko|text mo ko] directly
generic: {hi}pwede ba kitang tawagan directly[| mamaya| sa cp mo]?
generic: {hi}ang bagal ng chat dito, [sa iba na lang tayo mag-usap|labas na lang tayo]
generic: {hi}paano kita makokontak sa labas ng {site}?
evasive: {hi}i-search mo pangalan ko sa [FB|Facebook|LinkedIn] tapos [message mo ko dun|add mo ko]
evasive: {hi}bawal kasi number dito, hanapin mo na lang ako sa {msgr}, same name
""",
"solicit_payment": """
named: {hi}sa {method} na lang [po|] ang bayad[| para mabilis|?]
named: {hi}{method} lang [po|] tinatanggap ko[| sir|, okay lang?]
named: {hi}send mo na {amt} sa {method} ko para [masimulan ko na|start na ako] [ngayon|today|]
named: {hi}ibibigay ko {method} number ko, dun mo na lang [i-send|ibayad]
named: {hi}okay lang ba {method}? [mas mabilis|para walang {fee}|]
named: {hi}babayaran kita [sa|thru] {method} [directly|diretso][, para walang {fee}|, okay lang?|]
milestone: {hi}yung {ms} [i-send|ibayad] mo na lang [diretso|directly] sa {method} ko, wag na sa {site}
milestone: {hi}sa labas na lang ng {site} yung {ms}[ thru {method}| diretso|]
milestone: {hi}i-close na natin contract dito tapos yung {ms} sa {method} mo na lang [ibigay|i-send]
milestone: {hi}wag mo na i-fund yung {ms} sa {site}, [diretso|sa {method}] mo na lang i-send
milestone: {hi}para iwas {fee}, yung {ms} sa labas na lang natin gawin?
fee: {hi}diretso mo na lang ako bayaran para walang {fee}
fee: {hi}kinukuha ng {site} yung {pct}, [diretso|sa labas] na lang tayo
fee: {hi}bibigyan kita ng discount kung sa labas ka magbabayad
fee: {hi}bakit pa natin ibibigay sa {site} yung {pct}? diretso na lang, panalo tayong dalawa
generic: {hi}[i-send|ihulog|ipadala] mo na lang [yung bayad|yung pera|yung advance|yung balance] sa account ko [directly|diretso|]
generic: {hi}sa account na lang ng [pinsan|kapatid|asawa|tita] ko [ipadala|i-send], [may problema kasi yung akin|same lang yun]
generic: {hi}cash na lang [pag nagkita tayo|personal|abot ko na lang]
generic: {hi}[kalahati dito|advance dito] tapos yung [iba|natitira] [sa labas|diretso|sa {method}]
""",
"none": """
tools: [sanay po ako sa|gamay ko po ang|tools ko po:] {tool}, {tool}, {tool} at {tool}[| po|, kung ano po gamit ng team niyo]
tools: [ang team namin|ang team po namin] ay gumagamit ng {tool} para sa [tasks|internal meetings] at {tool} para sa [docs|calls][| po|, bibigyan ng access pagka-hire]
refusal: {hi}sorry po, dito lang po ako sa {site} [nagtatrabaho|tumatanggap ng bayad|nakikipag-usap]
refusal: {hi}hindi ko po pwede ibigay [number|email|Viber] ko bago ang contract, dito na lang po tayo
refusal: {hi}hindi ako tumatanggap ng bayad sa labas ng {site}[ po|, bawal kasi|, para safe tayong dalawa]
refusal: {hi}dito na lang po natin gawin lahat sa {site}
refusal: {hi}hindi po, ayoko lumabas ng {site}. okay na po yung bayad thru milestone
internal: {hi}paki-[release|fund|approve] na lang po yung {ms} [sa platform|dito sa {site}|sa contract]
internal: {hi}na-submit ko na po yung {ms}, [paki-check at approve po|pakitingnan na lang po]
internal: {hi}gamitin na lang natin yung video call ng platform {day}[| para sa {work}]
internal: {hi}na-fund ko na yung {ms}[| na {amt}], pwede ka na mag-start
internal: {hi}dito mo na lang i-send yung files sa chat[| ng project| ng platform]
feature: {hi}kailangan ko ng {techm} bot [para sa shop ko|para sa customer support|na nagse-send ng order updates]
feature: {hi}kaya mo bang i-integrate yung {techp} [sa website ko|sa app|sa checkout]?
feature: {hi}yung [webhook|API|sandbox] ng {techp} [ayaw gumana|nag-401|nagfe-fail] [since kahapon|sa live|]
feature: {hi}lagyan mo ng "[message us on|share to] {techm}" button yung landing page
smalltalk: {hi}[haha|hahaha|] down yung {techm} [kahapon|buong umaga]
smalltalk: {hi}buong pamilya ko naka-{techm}[ haha|]
schedule: {hi}schedule tayo ng call [dito|sa platform] {day}?
schedule: {hi}nag-send na ako ng meeting invite sa platform para {day}
rules: {hi}[FYI po,|para alam mo,] bawal sa {site} ang [mag-share ng contact|magbayad sa labas] bago ang contract
rules: {hi}sabi sa terms, lahat ng bayad dapat dumaan sa {site}
report: {hi}{who} na nagpapabayad sa {method}, [tinanggihan ko|ni-report ko|hindi ko ginawa]
report: {hi}{who} na humihingi ng {msgr} ko, [ni-report ko|hindi ko binigay]
report: {hi}paano i-report yung client na nagpapabayad sa labas ng {site}?
project: {hi}yung rate ko para sa {work} ay {amt}[, kasama na fee|]
project: {hi}{amt} yung {ms}[, due {day}|]
project: {hi}mali yung fee na lumalabas sa payment page sa mobile
project: {hi}paki-ayos yung validation ng [phone number|email] field sa form
project: {hi}pag-usapan natin sa call sa platform {day}
""",
}

# ---- second pass
SLOTS["wd"] = ["Payoneer", "bank account ko", "GCash", "Wise", "BDO", "UnionBank"]
T["solicit_contact"] += """
inperson: {hi}pareho naman tayo ng city, [kita na lang tayo|coffee tayo|punta ka sa office] para pag-usapan yung {work}
client: {hi}eto [yung direct line ko|personal number ko], [tawagan mo ko|i-Viber mo ko|i-text mo ko] [anytime|{day}]
client: {hi}tatawagan ka ng [assistant|partner] ko directly, pahingi [ng number mo|ng cp mo]
after: {hi}[pag na-accept mo na|pag okay na yung deal], lipat na tayo sa {msgr}[ para sa updates|, mas madali|]
after: {hi}gagawa ako ng {msgr} GC kasama team ko, [dun na tayo mag-usap|para di na natin gamitin to]
vague: {hi}may iba [bang paraan|pa bang way] para makausap kita?
"""
T["solicit_payment"] += """
invoice: {hi}i-email mo na lang yung invoice [directly|sa labas], babayaran ko [sa {method}|diretso]
cancel: {hi}i-cancel na natin contract [dito|ngayon], yung natitira babayaran kita [diretso|sa {method}|sa labas]
bonus: {hi}padalhan kita ng [tip|bonus|extra] sa {method}[, hindi sa {site}| separately|]
client: {hi}[lagi|usually] ko binabayaran freelancers sa {method}, okay lang [ba|po ba]?
client: {hi}ano [GCash number|Maya number|account number|PayPal email] mo[ para mabayaran kita|?]
"""
T["none"] += """
withdraw: {hi}wini-withdraw ko yung kita ko sa {site} papunta sa {wd}[ every week| once a month|]
withdraw: {hi}yung withdrawal sa {wd} [pending pa|3 days bago pumasok|pumasok na][, salamat sa pag-release ng milestone|]
funding: {hi}ia-add ko yung [card|PayPal] ko as payment method sa {site}[ tapos i-fund ko yung {ms}|]
bonus: {hi}padadalhan kita ng bonus thru {site}[ para sa extra work| after ng {ms}|]
nochannel: {hi}hindi ako gumagamit ng {msgr}[ pang-work|, sorry|, dito na lang tayo|]
nochannel: {hi}di na kailangan mag-exchange ng [number|email], okay na tong chat
scam: {hi}[ingat|careful] ka, yung mga scammer [laging|madalas na] [nagpapalipat sa {msgr}|nagpapabayad sa {method}|nagpapabayad sa labas]
project: {hi}lagyan mo ng [contact|Viber|call] button yung footer
"""

# ---- third pass (iba ang pagkakasabi sa mga hand-written na mensahe sa natural/)
T["solicit_contact"] += """
email: {hi}sa email na lang tayo para sa [documents|files|ibang detalye]? [hassle tong chat|mas madali dun|]
email: {hi}mas okay sakin ang email, [nasa profile ko|nasa resume ko] yung address
callback: {hi}[ring mo lang tapos baba|i-missed call mo] [pag free ka|mamayang gabi][, ako na bahala|]
callback: {hi}tatawag ako [ngayon|in a minute], sagutin mo yung unknown number
sms: {hi}i-text mo sa cp ko yung [meeting place|pickup point][, wala akong laptop|, nasa byahe ako|]
google: {hi}lumalabas sa taas ng Google yung [shop|studio|business] ko, [tawagan mo yung number dun|nasa site yung phone]
meetq: {hi}pwede ba sa {meet} na lang yung [interview|call]? [yun gamit namin internally|nandun buong team|]
"""
T["solicit_payment"] += """
split: {hi}lagay mo lang [kunwari|pang-display] yung [konti|minimum] sa contract, yung totoong [bayad|halaga] [sa {method}|sa personal] natin ayusin
feecover: {hi}kahit magkano ang kaltas ng {method}, sagot ko na, dun mo na lang tanggapin
limit: {hi}[naka-freeze account ko|naka-hold yung mga pasok ko] [hanggang next month|ngayon], kay [kuya|pinsan|partner] ko na lang i-send, ipapasa niya sakin
visit: {hi}yung [installation|delivery] bayaran ko na lang ng cash [sa araw na yun|dito sa bahay], di na kailangan malaman ng app
"""
T["none"] += """
discount: {hi}lumalaki yung {fee}, pwede bang may konting discount sa quote?
support: {hi}ilang araw bago pumasok yung withdrawal sa {wd} galing {site}?
support: {hi}pwede bang i-link yung {wd} para sa withdrawals sa {site}?
released: {hi}ina-approve ko na yung {ms} sa {site}[, ang galing!|, five stars|, papasok na yan agad|]
otp: {hi}dapat makatanggap ng code [sa SMS|sa phone] yung users pag nag-signup, kaya mo gawin gamit Twilio o iba?
invoiceup: {hi}i-attach mo yung invoice sa [milestone|contract] sa {site}[ para sa records|]
dontsend: {hi}di pa kailangan mag-palitan ng [contact|number], dito muna lahat [sa chat|sa {site}] hanggang mag-start yung contract
payon: {hi}pag na-approve na yung {work}, buong bayad ire-release thru {site}
offered: {hi}{who} na inaakit ako ng [bonus|dagdag na pera|mas mataas na rate] para magpabayad sa {method}, [hindi pwede|tinanggihan ko]
"""

# ---- fourth pass
T["solicit_contact"] += """
social: {hi}[i-connect mo ko|i-follow mo ko|i-add mo ko] sa [LinkedIn|IG|TikTok] tapos [dun tayo mag-usap|i-DM kita]
social: {hi}[sali ka|i-invite kita] sa [Discord server|Telegram group|Messenger GC] namin [para sa coordination|ng project]
voice: {hi}[mag-voice message|mag-send ng voice clip] ka sa {msgr}[ ng details| para mas malinaw|]
"""
T["solicit_payment"] += """
giftcard: {hi}tumatanggap ka ba ng [gift card|Steam wallet code|load] bilang bayad?
"""
T["none"] += """
allowed: {hi}{who} na gusto magpabayad [diretso|sa labas|sa {method}] — [allowed ba yun|bawal di ba|ire-report ko ba]?
feeq: {hi}magkano kinukuha ng {site} sa [hourly|fixed-price|long-term] na contract?
wallet: {hi}gumagawa kami ng [crypto wallet|remittance app|P2P payment app], kailangan namin ng [mobile|backend|Flutter] dev
"""
T["solicit_payment"] += """
billme: {hi}i-bill mo na lang ako sa {method}[, hindi dito|, sa labas ng {site}|, wag na sa contract]
ownsite: {hi}may payment page sa [website|sariling site] ko, dun mo na lang bayaran yung [DP|natitira|balance][ para walang {fee}|]
mtcn: {hi}magpadala ka sa [Western Union|Palawan|Cebuana] tapos i-text mo sakin yung [MTCN|control number], ako na kukuha
"""
T["none"] += """
plain: {hi}pwede [bang|po bang] [palakihin yung header|palitan yung font|gamitin yung brand colors|paikliin yung intro] sa {work}?
plain: {hi}[salamat|ang ganda], [ganito talaga yung gusto ko|ang ganda ng second version|okay na okay][, send ko feedback {day}|, isang maliit na change lang|]
plain: {hi}ano yung [timeline|availability] mo para sa {work}? [kailangan namin {day}|walang rush|]
plain: {hi}na-[upload|share] ko na yung [brief|logo files|content] sa taas, [sabihan mo ko kung may kulang|tingnan mo na lang pag may time]
"""
