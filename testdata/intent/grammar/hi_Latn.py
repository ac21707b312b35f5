# Romanised Hindi / Urdu (Hinglish, Roman Urdu), with English code-switching
SLOTS = {
    "hi": ["", "", "hello sir, ", "namaste, ", "bhai, ", "sir ji, ", "hi, ", "dear, ", "assalam o alaikum, ", "haan ji, ", "ok sir, ", "bro "],
    "msgr": ["WhatsApp", "whatsapp", "WA", "watsapp", "whatsap", "Telegram", "telegram", "tele", "insta", "Signal", "IMO", "Skype"],
    "meet": ["Zoom", "Google Meet", "gmeet", "Meet", "Teams"],
    "method": ["UPI", "GPay", "Google Pay", "PhonePe", "Paytm", "NEFT", "IMPS", "bank transfer", "PayPal", "Wise",
               "Payoneer", "JazzCash", "Easypaisa", "USDT", "crypto", "Western Union"],
    "ms": ["next milestone", "agla milestone", "milestone 2", "dusra milestone", "last milestone", "final payment",
           "baaki payment", "remaining amount", "balance payment"],
    "site": ["platform", "site", "Upwork", "Fiverr", "Freelancer", "app"],
    "fee": ["fees", "commission", "20% cut", "service charge", "platform fee"],
    "pct": ["20%", "10%", "20 percent", "itna sara"],
    "work": ["logo", "website", "app", "translation", "video editing", "landing page", "Shopify store", "report", "designs"],
    "amt": ["₹5000", "5k", "₹15,000", "$200", "150 dollar", "₹2,500", "Rs 8000"],
    "tool": ["Zoom", "Google Meet", "Teams", "MS Teams", "Slack", "Asana", "Trello", "Notion", "Jira", "ClickUp", "Loom", "Calendly", "Discord", "HubSpot", "Xero", "QuickBooks", "Canva", "Figma", "Google Workspace", "Monday.com", "Airtable", "Zapier", "WhatsApp Business", "Skype", "Microsoft 365", "Basecamp"],
    "techm": ["WhatsApp", "Telegram", "WhatsApp Business API", "Discord", "Slack"],
    "techp": ["Razorpay", "Paytm", "UPI", "PayPal", "Stripe", "PhonePe", "Cashfree", "JazzCash"],
    "day": ["kal", "Monday ko", "Friday ko", "aaj shaam", "3 baje", "agle hafte"],
    "who": ["ek client", "client", "ek banda", "ek aur freelancer", "kisi ne", "ek buyer"],
}

T = {
"solicit_contact": """
named: {hi}{msgr} pe baat karte hain[| na| bhai|, easy rahega|, wahan jaldi reply milega]
named: {hi}apna {msgr} [number|no.|no] [de do|bhej do|share karo|dedo][| please| plz| sir]
named: {hi}aapka {msgr} hai kya? [wahan baat karte hain|wahi pe discuss karenge|]
named: {hi}mujhe {msgr} pe [add karo|add kar lo|msg karo|ping karo][| please| bhai]
named: {hi}[kya hum|chalo] {msgr} pe shift [kar sakte hain|ho jaate hain][?|]
named: {hi}main yahan kam [aata|aati] hoon, {msgr} pe [contact karo|msg kar do|baat karo]
named: {hi}maine {msgr} pe request bheji hai, [accept kar lo|dekh lo] please
meet: {hi}{meet} pe [call|meeting] kar lete hain [bahar|alag se|], link main [personally|directly] bhejta hoon
generic: {hi}[platform ke bahar|site ke bahar|yahan se bahar] baat karte hain[| bhai|, better rahega]
generic: {hi}personal mein baat kar sakte hain kya? [yahan sab monitor hota hai|yahan nahi|]
generic: {hi}apna [number|mobile number|personal number|email|contact] [de do|bhejo|share karo][| directly baat karte hain| call karta hoon]
generic: {hi}main apna personal number de raha hoon, [direct call karo|seedha baat karo]
generic: {hi}kya main aapko direct call kar sakta hoon[| aaj raat| mobile pe]?
generic: {hi}yahan chat [slow hai|atak rahi hai|monitor hoti hai], kahin aur baat karte hain
generic: {hi}{site} ke bahar aapse kaise contact karun?
evasive: {hi}[Facebook|Insta|LinkedIn] pe mera naam search karo aur wahan [msg karo|add karo]
evasive: {hi}yahan number [allowed nahi hai|block ho jata hai], {msgr} pe same naam se dhoondh lo
evasive: {hi}profile pic mein mera number hai, [WhatsApp karo|msg kar do]
""",
"solicit_payment": """
named: {hi}payment {method} [se|pe|par] kar do[| please| sir| bhai]
named: {hi}[main|mai] sirf {method} [leta|accept karta] hoon[| sir|, chalega?]
named: {hi}{amt} {method} [kar do|bhej do|pe bhejo] [aur|to] main [aaj hi|abhi] kaam start karta hoon
named: {hi}mera {method} [id|number] bhej raha hoon, [wahan payment kar do|usme daal do]
named: {hi}{method} chalega kya payment ke liye? [fast hai|{fee} bhi bachegi|]
named: {hi}main aapko {method} se [direct|seedha] pay kar deta hoon[, {fee} bachegi|, theek hai?|]
milestone: {hi}{ms} [direct|seedha] mere {method} pe bhej do, {site} pe nahi
milestone: {hi}{ms} {site} ke bahar [kar lete hain|karte hain][ {method} se| direct|]
milestone: {hi}contract yahan close karo aur {ms} {method} se [de dena|bhej dena]
milestone: {hi}{ms} {site} pe fund mat karo, [direct|{method} se] bhej do
milestone: {hi}{fee} bachane ke liye {ms} [bahar|direct|alag se] kar lein?
fee: {hi}[direct|seedha] payment karo, {fee} bach jayegi
fee: {hi}{site} {pct} kaat leta hai, [direct|bahar] deal karte hain[| bhai|]
fee: {hi}bahar payment karoge to [discount de dunga|rate kam kar dunga]
fee: {hi}{site} ko {pct} kyun dena? [direct|seedha] pay karo, dono ka fayda
generic: {hi}[paisa|payment|advance|baaki amount] [direct|seedha] mere account mein [daal do|transfer kar do|bhej do]
generic: {hi}mere [cousin|bhai|jija|wife] ke account mein [bhej do|daal do], [mera account band hai|same hi hai]
generic: {hi}[cash|naqad] de dena [milne pe|jab milenge|haath mein]
generic: {hi}[aadha yahan|advance yahan] aur baaki [bahar|direct|{method} se]
""",
"none": """
tools: [mujhe|main] {tool}, {tool}, {tool} aur {tool} [achhe se chala leta hoon|daily use karta hoon|mein expert hoon]
tools: hamari team {tool} pe [tasks|internal meetings] aur {tool} pe [docs|calls] karti hai[|, access contract ke baad milega]
refusal: {hi}sorry, main sirf {site} [ke through|pe] hi [kaam karta hoon|payment leta hoon|baat karta hoon][| sir|]
refusal: {hi}contract se pehle [number|email|WhatsApp] share nahi kar sakta, yahin baat karte hain
refusal: {hi}{site} ke bahar payment nahi leta[, sorry|, rules ke against hai|, dono safe rahenge]
refusal: {hi}sab kuch {site} pe hi [rakhte|rakhenge] hain[| bhai| sir]
refusal: {hi}nahi bhai, {site} chhod ke [bahar|direct] kaam nahi karunga. milestone se payment theek hai
internal: {hi}[please|kindly] {ms} [release|fund|approve] kar do [platform pe|{site} pe|contract mein]
internal: {hi}maine {ms} [submit kar diya hai|deliver kar diya], [check karke approve kar do|dekh lo please]
internal: {hi}platform ka video call use karte hain {day}[| {work} discuss karne ke liye]
internal: {hi}maine {ms} [fund kar diya hai|bana diya hai][| {amt} ka], aap start kar sakte ho
internal: {hi}files yahin chat mein bhej do[| project wali| platform pe]
feature: {hi}mujhe ek {techm} bot chahiye [apne store ke liye|customer support ke liye|order update bhejne ke liye]
feature: {hi}kya aap {techp} [integrate kar sakte ho|ka integration kar doge] [meri site pe|app mein|checkout mein]?
feature: {hi}{techp} ka [webhook|API|sandbox] [kaam nahi kar raha|401 de raha hai|fail ho raha hai] [kal se|live pe|]
feature: {hi}landing page pe "[chat on|share on] {techm}" ka button [laga do|add kar do]
smalltalk: {hi}[haha|lol|] {techm} [kal down tha|subah se slow hai|band pada tha]
smalltalk: {hi}mere [ghar mein|office mein] sab {techm} hi use karte hain[ lol|]
schedule: {hi}{day} [yahan|platform pe] call schedule kar lein?
schedule: {hi}maine platform se {day} ke liye meeting invite bheja hai
rules: {hi}[bata doon|FYI], {site} contract se pehle [contact share|bahar payment] allow nahi karta
rules: {hi}terms ke hisaab se saari payment {site} se hi honi chahiye
report: {hi}{who} bola {method} pe payment karo, maine [mana kar diya|report kar diya|nahi kiya]
report: {hi}{who} mera {msgr} maang raha tha, maine [report kar diya|mana kar diya]
report: {hi}jo client bahar payment maang raha hai usko report kaise karun?
project: {hi}{work} ka [rate|quote] {amt} hai[, fees include hai|]
project: {hi}{ms} {amt} ka hai[, {day} tak|]
project: {hi}payment page mobile pe [galat fee dikha raha hai|bug de raha hai]
project: {hi}signup form mein [phone number|email] field ka validation [fix kar do|check karo]
project: {hi}{day} platform wali call pe discuss kar lenge
""",
}

# ---- second pass
SLOTS["wd"] = ["Payoneer", "bank account", "PayPal", "Wise", "SBI account", "HDFC account"]
T["solicit_contact"] += """
inperson: {hi}hum same city mein hain, [milte hain|chai pe milte hain|office aa jao] aur {work} discuss karte hain
client: {hi}yeh mera [direct number|personal mobile] hai, [call karo|WhatsApp karo|msg karo] [kabhi bhi|{day}]
client: {hi}mera [assistant|partner] aapko direct call karega, apna number [de do|bhej do]
after: {hi}[contract accept hote hi|jaise hi deal final ho], {msgr} pe shift ho jayenge[, wahan updates denge|, easy rahega|]
after: {hi}main {msgr} group bana deta hoon team ke saath, [wahi baat karenge|yeh chat use nahi karenge]
vague: {hi}aapse contact karne ka koi aur [tarika|option] hai kya?
"""
T["solicit_payment"] += """
invoice: {hi}invoice [mail kar do|direct bhej do|bahar se bhejo], main [{method} se|direct] pay kar dunga
cancel: {hi}contract [cancel|close] kar do [yahan|abhi], baaki paisa [direct|{method} se|bahar] de dunga
bonus: {hi}[tip|bonus|extra paisa] {method} pe bhej dunga[, site pe nahi| alag se|]
client: {hi}main freelancers ko [hamesha|normally] {method} se pay karta hoon, [chalega|theek hai]?
client: {hi}apna [UPI id|GPay number|Paytm number|account number|IFSC] [bhejo|do][ payment ke liye|]
"""
T["none"] += """
withdraw: {hi}main apni earning {site} se {wd} mein withdraw karta hoon[ har hafte| mahine mein ek baar|]
withdraw: {hi}{wd} mein withdrawal [pending hai|3 din leta hai|aa gaya][, milestone release karne ke liye thanks|]
funding: {hi}main {site} pe [card|PayPal] payment method add kar raha hoon[, phir {ms} fund kar dunga|]
bonus: {hi}extra kaam ke liye {site} se bonus bhej dunga[| {ms} ke baad]
nochannel: {hi}main kaam ke liye {msgr} use nahi karta[, sorry|, yahin baat karte hain|]
nochannel: {hi}[number|email] exchange karne ki zaroorat nahi, yeh chat kaafi hai
scam: {hi}[dhyan rakhna|savdhaan], fraud log [hamesha|aksar] [{msgr} pe bulate hain|{method} se payment maangte hain|bahar payment maangte hain]
project: {hi}footer mein [contact|WhatsApp|call] button [laga do|design kar do]
"""

# ---- third pass (natural/ ke hand-written messages se alag shabdon mein)
T["solicit_contact"] += """
email: {hi}[documents|files|baaki baatein] ke liye email pe shift ho jaate hain? [yeh chat jhanjhat hai|wahan aasaan hai|]
email: {hi}mujhe email zyada suit karta hai, [address|id] [profile mein hai|CV mein likha hai]
callback: {hi}[ek ghanti maar do|ring karke kaat do] [jab free ho|raat ko][, baaki main dekh lunga|]
callback: {hi}main [abhi|ek minute mein] phone karta hoon, unknown number uthana
sms: {hi}[milne ki jagah|pickup point] mere phone pe [text kar do|SMS mein bhejo][, laptop paas nahi hai|, raste mein hoon|]
google: {hi}mera [shop|studio|business] Google pe sabse upar aata hai, [wahan wale number pe call karo|phone number site pe hai]
meetq: {hi}[interview|call] {meet} pe rakh sakte hain kya? [hum andar wahi use karte hain|poori team wahan hai|]
"""
T["solicit_payment"] += """
split: {hi}contract mein bas [naam ke liye|dikhane ke liye] [thoda|minimum] daalo, asli [paisa|amount] [{method} se|personally] settle karenge
feecover: {hi}{method} jo bhi charge kaate woh mera, tum bas wahan le lo
limit: {hi}[mera account freeze hai|mere payments atke hue hain] [agle mahine tak|abhi], [bhai|cousin|partner] ko bhej do, woh mujhe de dega
visit: {hi}[fitting|delivery] wala hissa us din cash mein [de dunga|nipta denge], app ko batane ki zaroorat nahi
"""
T["none"] += """
discount: {hi}{fee} jud jud ke zyada ho jata hai, quote mein thoda discount ho sakta hai?
support: {hi}{site} se {wd} mein withdrawal aane mein kitne din lagte hain?
support: {hi}kya {wd} ko {site} pe withdrawal ke liye link kar sakte hain?
released: {hi}abhi {site} pe {ms} approve kiya[, zabardast kaam!|, five star|, paisa jaldi aa jayega|]
otp: {hi}signup pe users ko [SMS pe|phone pe] code aana chahiye, Twilio ya kisi aur se bana doge?
invoiceup: {hi}apna invoice {site} pe [milestone|contract] ke saath attach kar do[, records ke liye|]
dontsend: {hi}abhi [contact|number] exchange karne ki zaroorat nahi, contract shuru hone tak sab [isi chat mein|{site} pe] rahega
payon: {hi}{work} approve hote hi poora payment {site} se release hoga
offered: {hi}{who} ne [bonus|extra paise|zyada rate] ka laalach diya taaki main {method} pe payment loon, [sawaal hi nahi|maine mana kiya]
"""

# ---- fourth pass
T["solicit_contact"] += """
social: {hi}hamare [Discord server|Telegram group|WhatsApp group] mein [aa jao|join karo], [sab wahin coordinate karte hain|project ki baat wahin hogi]
voice: {hi}{msgr} pe ek [voice note|audio] [bhej do|record karke bhejo][ details ke saath|]
"""
T["solicit_payment"] += """
giftcard: {hi}[gift card|Amazon voucher|Google Play card] se payment le loge?
"""
T["none"] += """
allowed: {hi}{who} bol raha hai [direct|bahar|{method} se] pay karo — [kya yeh allowed hai|yeh rules ke against hai na|report karun]?
feeq: {hi}{site} [hourly|fixed price|lambe] contract pe kitna commission leta hai?
wallet: {hi}hum ek [crypto wallet|remittance app|P2P payment app] bana rahe hain, [mobile|backend|Flutter] developer chahiye
"""
T["solicit_payment"] += """
billme: {hi}mujhe {method} pe [bill|invoice] kar do[, yahan nahi|, {site} ke bahar|, contract ke bina]
ownsite: {hi}meri [website|apni site] pe payment page hai, [advance|baaki|balance] wahin [pay kar do|bhar do][, {fee} bachegi|]
mtcn: {hi}[Western Union|MoneyGram|kisi money transfer] shop pe jaake bhejo, phir [MTCN|tracking code] mujhe message kar dena, main nikal lunga
"""
T["solicit_contact"] += """
social: {hi}mere [LinkedIn|Insta|Behance] pe [contact details hain|number diya hua hai|DM open hai], [wahan ping karo|wahin message karo]
"""
T["none"] += """
plain: {hi}{work} mein [header thoda bada kar do|font change kar do|brand colours use karo|intro chhota kar do][ please|]
plain: {hi}[thanks|shukriya|badhiya], [bahut accha bana hai|bilkul yahi chahiye tha|second version zyada pasand aaya][, feedback {day} dunga|, bas ek chhota change|]
plain: {hi}{work} ke liye aapki [timeline|availability] kya hai? [hume {day} chahiye|koi jaldi nahi|]
plain: {hi}maine [brief|logo files|content] upar [upload|share] kar diya hai, [kuch missing ho to batana|time mile to dekh lena]
"""

# ---- Roman Urdu spellings (Pakistan): kr/krna, dain, hun, k, h
T["solicit_contact"] += """
urdu: {hi}apna {msgr} number send kr [dain|do][, wahan tafseel se baat krte hain|, InshaAllah wahan discuss kr lenge|]
urdu: {hi}yahan baat krna mushkil h, [mujhe|humein] {msgr} pe [msg|call] kr [lain|len][ please|]
urdu: {hi}aap ka personal number mil sakta h? [main khud call kr lunga|direct rabta kr lete hain]
"""
T["solicit_payment"] += """
urdu: {hi}payment [Easypaisa|JazzCash|Meezan account|bank] pe bhej [dain|do], {site} ki katoti bohat zyada h
urdu: {hi}{ms} ki raqam direct mere account mein transfer kr dain, {site} k through na bhejain
urdu: {hi}agar bahar se payment kr dain to main rate kam kr dunga[, dono ka faida h|]
"""
T["none"] += """
urdu: {hi}maazrat, main sirf {site} k through [kaam krta hun|payment leta hun], bahar deal nahi krta
urdu: {hi}{ms} submit kr diya h, aap [approve kr dain|check kr lain] jab waqt mile
urdu: {hi}kisi ne mujhse {method} pe payment mangi thi, main ne report kr di
"""
