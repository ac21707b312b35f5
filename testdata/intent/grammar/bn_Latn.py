# Romanised Bengali (Bangladesh and West Bengal), with English code-switching
SLOTS = {
    "hi": ["", "", "hello bhai, ", "assalamualaikum, ", "nomoskar, ", "hi, ", "vai, ", "dada, ", "apu, ", "sir, ", "accha "],
    "msgr": ["WhatsApp", "whatsapp", "WA", "watsapp", "Telegram", "telegram", "IMO", "imo", "Messenger", "FB", "Viber", "Skype"],
    "meet": ["Zoom", "Google Meet", "Meet", "Teams"],
    "method": ["bKash", "bkash", "Nagad", "Rocket", "bank transfer", "Payoneer", "PayPal", "Wise", "USDT", "crypto",
               "Western Union", "UPI", "GPay"],
    "ms": ["next milestone", "porer milestone", "milestone 2", "ditio milestone", "last milestone", "final payment",
           "baki payment", "baki taka"],
    "site": ["platform", "site", "Upwork", "Fiverr", "app"],
    "fee": ["fee", "commission", "20% charge", "service charge"],
    "pct": ["20%", "10%", "onek taka", "20 percent"],
    "work": ["logo", "website", "app", "translation", "video edit", "landing page", "report", "design"],
    "amt": ["5000 taka", "৳3000", "$200", "150 dollar", "10k", "₹4000"],
    "techm": ["WhatsApp", "Telegram", "Messenger", "WhatsApp Business API", "Discord"],
    "techp": ["bKash", "SSLCommerz", "Nagad", "Stripe", "PayPal", "Razorpay"],
    "day": ["kal", "Sombar", "Shukrobar", "aj bikele", "3 tay", "next week e"],
    "who": ["ekjon client", "client", "ekta lok", "arekjon freelancer", "keu ekjon"],
}

T = {
"solicit_contact": """
named: {hi}{msgr} e kotha boli[| bhai|, easy hobe|, oikhane fast reply dei]
named: {hi}apnar {msgr} number ta [den|diben|den please|din]
named: {hi}apnar {msgr} ache? [oikhane kotha boli|oikhane discuss kori|]
named: {hi}amake {msgr} e [add koren|knock den|msg den][| please| plz]
named: {hi}amra ki {msgr} e shift korte pari[?| bhai?]
named: {hi}ami ekhane kom ashi, {msgr} e [knock diyen|contact koren|message den]
named: {hi}{msgr} e request pathaisi, accept koren[| please]
meet: {hi}{meet} e [call|meeting] kori [baire|alada vabe|], link ami personally pathabo
generic: {hi}platform er baire kotha boli[| bhai|, valo hobe]
generic: {hi}personally kotha bolte parbo? [ekhane sob monitor kore|ekhane na|]
generic: {hi}apnar [number|phone number|personal number|email|contact] ta [den|din|share koren][| direct kotha boli| call dibo]
generic: {hi}amar personal number dicchi, [direct call den|sorasori kotha bolen]
generic: {hi}ami ki apnake direct call dite pari[| aj rate| mobile e]?
generic: {hi}ekhane chat [slow|problem kortese|monitor hoy], onno kothao kotha boli
generic: {hi}{site} er baire apnar sathe kivabe jogajog korbo?
evasive: {hi}[FB|Facebook|LinkedIn] e amar nam search koren, oikhane [knock den|add den]
evasive: {hi}ekhane number dewa jay na, {msgr} e same name e khuje nen
""",
"solicit_payment": """
named: {hi}payment ta {method} e [koren|kore den|pathan][| please| bhai]
named: {hi}ami shudhu {method} [nei|accept kori][| vai|, cholbe?]
named: {hi}{amt} {method} kore den, ami [ajkei|ekhoni] kaj shuru kori
named: {hi}amar {method} number dicchi, oikhane [pathay den|send koren]
named: {hi}{method} e payment korle cholbe? [fast hoy|{fee} o bachbe|]
named: {hi}ami apnake {method} e [direct|sorasori] pay kore dibo[, {fee} bachbe|, thik ache?|]
milestone: {hi}{ms} [direct|sorasori] amar {method} e pathan, {site} e na
milestone: {hi}{ms} {site} er baire kori[ {method} e| direct|]
milestone: {hi}contract ekhane close koren, {ms} {method} e diyen
milestone: {hi}{ms} {site} e fund korben na, [direct|{method} e] pathay den
milestone: {hi}{fee} bachanor jonno {ms} [baire|direct] kori?
fee: {hi}[direct|sorasori] payment koren, {fee} beche jabe
fee: {hi}{site} {pct} kete ney, [direct|baire] deal kori[| bhai]
fee: {hi}baire payment korle [discount dibo|rate komay dibo]
fee: {hi}{site} ke {pct} keno diben? direct pay koren, dujoner e lav
generic: {hi}[taka|payment|advance|baki taka] [direct|sorasori] amar account e [pathan|transfer koren]
generic: {hi}amar [cousin|bhai|dulabhai|wife] er account e [pathan|den], [amar ta problem|same e]
generic: {hi}[cash|nagad] diyen [dekha hole|hate hate]
generic: {hi}[ordhek ekhane|advance ekhane], baki ta [baire|direct|{method} e]
""",
"none": """
refusal: {hi}sorry, ami shudhu {site} er maddhome [kaj kori|payment nei|kotha boli]
refusal: {hi}contract er age [number|email|WhatsApp] share korte parbo na, ekhanei kotha boli
refusal: {hi}{site} er baire payment nei na[, sorry|, eta rules er against|, dujonei safe thakbo]
refusal: {hi}sob kichu {site} ei rakhi[| vai| please]
refusal: {hi}na bhai, {site} er baire jabo na. milestone diye payment thik ache
internal: {hi}please {ms} [release|fund|approve] koren [platform e|{site} e|contract e]
internal: {hi}ami {ms} [submit korechi|deliver korsi], [check kore approve koren|dekhe niyen please]
internal: {hi}platform er video call use kori {day}[| {work} niye kotha bolar jonno]
internal: {hi}ami {ms} [fund korechi|create korsi][| {amt} er], apni shuru korte paren
internal: {hi}file gulo ekhanei chat e pathan[| project er| platform e]
feature: {hi}amar ekta {techm} bot lagbe [dokaner jonno|customer support er jonno|order update pathanor jonno]
feature: {hi}apni ki {techp} integrate korte parben [amar site e|app e|checkout e]?
feature: {hi}{techp} er [webhook|API|sandbox] [kaj kortese na|401 dicche|fail hocche] [kal theke|live e|]
feature: {hi}landing page e "[chat on|share on] {techm}" button [lagan|add koren]
smalltalk: {hi}[haha|lol|] {techm} [kal down chilo|shokal theke slow]
smalltalk: {hi}amar [barir|office er] sobai {techm} use kore[ lol|]
schedule: {hi}{day} [ekhane|platform e] call schedule kori?
schedule: {hi}ami platform theke {day} er jonno meeting invite pathaisi
rules: {hi}[janiye rakhi|FYI], {site} contract er age [contact share|baire payment] allow kore na
rules: {hi}terms onujayi sob payment {site} diyei korte hobe
report: {hi}{who} bollo {method} e payment korte, ami [mana korsi|report korsi|kori nai]
report: {hi}{who} amar {msgr} chacchilo, ami [report korsi|dei nai]
report: {hi}je client baire payment chay take kivabe report korbo?
project: {hi}{work} er [rate|quote] {amt}[, fee shoho|]
project: {hi}{ms} {amt} er[, {day} er moddhe|]
project: {hi}payment page mobile e [vul fee dekhacche|bug dicche]
project: {hi}signup form er [phone number|email] field er validation [thik koren|check koren]
project: {hi}{day} platform er call e discuss korbo
""",
}

# ---- second pass
SLOTS["wd"] = ["Payoneer", "bank account", "bKash", "Wise", "DBBL account", "City Bank account"]
T["solicit_contact"] += """
inperson: {hi}amra eki shohore, [dekha kori|cha khete khete kotha boli|office e ashen] {work} niye
client: {hi}eta amar [direct number|personal number], [call diyen|WhatsApp koren|msg diyen] [jokhon khushi|{day}]
client: {hi}amar [assistant|partner] apnake direct call dibe, apnar number ta [den|pathan]
after: {hi}[contract accept korlei|deal final hole], {msgr} e chole jabo[, oikhane update dibo|]
after: {hi}ami team niye ekta {msgr} group khulchi, [oikhanei kotha hobe|ei chat lagbe na]
vague: {hi}apnar sathe jogajog korar onno kono [upay|way] ache?
"""
T["solicit_payment"] += """
invoice: {hi}invoice ta [mail koren|direct pathan], ami [{method} e|direct] pay kore dibo
cancel: {hi}contract ta [cancel|close] koren ekhane, baki taka [direct|{method} e|baire] dibo
bonus: {hi}[tip|bonus|extra taka] {method} e pathabo[, site e na| alada kore|]
client: {hi}ami freelancer der [shob shomoy|normally] {method} e pay kori, [cholbe|thik ache]?
client: {hi}apnar [bKash number|Nagad number|account number|Payoneer email] ta [den|pathan][ payment er jonno|]
"""
T["none"] += """
withdraw: {hi}ami amar earning {site} theke {wd} e withdraw kori[ proti shoptahe| mashe ekbar|]
withdraw: {hi}{wd} e withdrawal [pending|3 din lage|chole asche][, milestone release er jonno dhonnobad|]
funding: {hi}ami {site} e [card|PayPal] payment method hishebe add korchi[, tarpor {ms} fund korbo|]
bonus: {hi}extra kajer jonno {site} theke bonus pathabo[| {ms} er pore]
nochannel: {hi}ami kaj er jonno {msgr} use kori na[, sorry|, ekhanei kotha boli|]
nochannel: {hi}[number|email] dewa newar dorkar nai, ei chat ei cholbe
scam: {hi}[shabdhan|khiyal rakhben], batpar ra [shob shomoy|beshirbhag] [{msgr} e jete bole|{method} e payment chay|baire payment chay]
project: {hi}footer e ekta [contact|WhatsApp|call] button [lagan|design koren]
"""

# ---- third pass (natural/ er hand-written message theke alada vabe lekha)
T["solicit_contact"] += """
email: {hi}[document|file|baki kotha] er jonno email e chole jai? [ei chat jhamela|oikhane shubidha|]
email: {hi}amar email e shubidha, [address ta|id ta] [profile e ache|CV te lekha]
callback: {hi}ekta [ring diye kete din|missed call rekhe din] [free hole|rate][, baki ta ami dekhbo|]
callback: {hi}ami [ekhuni|ek minute e] phone dicchi, unknown number ta dhoren
sms: {hi}[dekhar jayga|pickup point] ta amar phone e [text koren|SMS e pathan][, laptop kache nai|, raste achi|]
google: {hi}amar [dokan|studio|business] Google e shobar upore ashe, [oikhaner number e call den|phone number site e ache]
meetq: {hi}[interview|call] ta {meet} e rakha jay? [amra internally oitai use kori|puro team oikhane|]
"""
T["solicit_payment"] += """
split: {hi}contract e shudhu [dekhanor jonno|nam matro] [olpo|minimum] rakhen, ashol [taka|amount] [{method} e|personally] settle korbo
feecover: {hi}{method} er charge ja lage ami dibo, apni shudhu oikhane niben
limit: {hi}[amar account freeze|amar payment atke ache] [next month porjonto|ekhon], [bhai|cousin|partner] ke pathan, o amake diye dibe
visit: {hi}[fitting|delivery] er ongsho ta oi din cash e [dibo|mitiye debo], app ke janate hobe na
"""
T["none"] += """
discount: {hi}{fee} jog hote hote onek hoy, quote e ektu discount pawa jabe?
support: {hi}{site} theke {wd} e withdrawal ashte koto din lage?
support: {hi}{wd} ki {site} e withdrawal er jonno link kora jay?
released: {hi}ekhuni {site} e {ms} approve korlam[, darun kaj!|, five star|, taka taratari pouche jabe|]
otp: {hi}signup e user der [SMS e|phone e] code jabe, Twilio ba onno kichu diye banate parben?
invoiceup: {hi}apnar invoice ta {site} e [milestone|contract] er sathe attach koren[, record er jonno|]
dontsend: {hi}ekhon [contact|number] bodol korar dorkar nai, contract shuru porjonto sob [ei chat e|{site} e] thakbe
payon: {hi}{work} approve holei puro payment {site} theke release hobe
offered: {hi}{who} [bonus|beshi taka|beshi rate] er lov dekhalo jate ami {method} e payment nei, [prosnoi ashe na|ami mana korlam]
"""

# ---- fourth pass
T["solicit_contact"] += """
social: {hi}[LinkedIn|Insta|FB] e [connect koren|follow koren|add den], oikhane [kotha boli|DM dicchi]
social: {hi}amader [Discord server|Telegram group|WhatsApp group] e [join koren|chole ashen], [sob coordination oikhane|project er kotha oikhane]
voice: {hi}{msgr} e ekta [voice message|audio] [pathan|record kore pathan][ details shoho|]
"""
T["solicit_payment"] += """
giftcard: {hi}[gift card|Amazon voucher|Google Play card] diye payment nibe?
"""
T["none"] += """
allowed: {hi}{who} bolche [direct|baire|{method} e] pay korte — [eta ki allowed|eta rules er against na|report korbo]?
feeq: {hi}{site} [hourly|fixed price|lomba] contract e koto commission ney?
wallet: {hi}amra ekta [crypto wallet|remittance app|P2P payment app] banacchi, [mobile|backend|Flutter] developer lagbe
"""
T["solicit_payment"] += """
billme: {hi}amake {method} e [bill|invoice] koren[, ekhane na|, {site} er baire|, contract chara]
ownsite: {hi}amar [website|nijer site] e payment page ache, [advance|baki|balance] oikhane [pay koren|diye den][, {fee} bachbe|]
mtcn: {hi}[Western Union|MoneyGram|money transfer] er dokan theke pathan, tarpor [MTCN|code] ta amake message koren, ami tule nibo
"""
T["none"] += """
plain: {hi}{work} e [header ta boro koren|font ta change koren|brand color use koren|intro ta chhoto koren][ please|]
plain: {hi}[thanks|dhonnobad|darun], [khub valo hoyeche|thik eitai cheyechilam|second version ta beshi pochondo][, feedback {day} dibo|, shudhu ekta chhoto change|]
plain: {hi}{work} er jonno apnar [timeline|availability] ki? [amader {day} lagbe|kono tara nai|]
plain: {hi}ami [brief|logo file|content] upore [upload|share] korechi, [kichu missing thakle janaben|shomoy pele dekhen]
"""
