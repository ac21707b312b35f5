# English, incl. Indian (in), Nigerian (ng), Filipino (ph) and Pakistani (pk) varieties.
# Family names carry the variety where the phrasing is variety-specific.
SLOTS = {
    "hi": ["", "", "hi, ", "hello, ", "hey ", "hi there, ", "good morning, ", "dear, ", "ok ", "thanks. "],
    "hi_in": ["", "hello sir, ", "dear sir, ", "hi sir ", "respected sir, ", "good evening sir, ", "hello ma'am, "],
    "hi_ng": ["", "hello boss, ", "good day sir, ", "my dear, ", "oga, ", "hello bro, ", "compliments of the season, "],
    "hi_ph": ["", "hi po, ", "good day po, ", "hello sir, ", "hi ma'am, ", "hello po sir, "],
    "hi_pk": ["", "assalam o alaikum, ", "AOA sir, ", "hello bhai, ", "salam, ", "dear sir, "],
    "msgr": ["WhatsApp", "whatsapp", "WA", "watsapp", "whatsap", "Telegram", "telegram", "TG", "tele",
             "Signal", "Skype", "skype", "Viber", "Discord", "discord", "Slack", "IMO", "wechat", "Line",
             "insta", "IG", "Facebook messenger", "FB", "messenger", "Snapchat", "iMessage"],
    "msgr_in": ["WhatsApp", "whatsapp", "WA", "watsapp", "Telegram", "insta", "Signal"],
    "msgr_ng": ["WhatsApp", "whatsapp", "WA", "watsapp", "Telegram", "IG", "Facebook"],
    "msgr_ph": ["Messenger", "FB", "Viber", "Telegram", "WhatsApp", "Skype"],
    "msgr_pk": ["WhatsApp", "whatsapp", "WA", "IMO", "imo", "Telegram", "Skype"],
    "meet": ["Zoom", "zoom", "Google Meet", "gmeet", "Meet", "Teams", "MS Teams", "Skype"],
    "method": ["PayPal", "paypal", "Wise", "wise", "Payoneer", "Zelle", "Venmo", "Cash App", "Revolut",
               "Skrill", "bank transfer", "wire transfer", "direct bank transfer", "USDT", "crypto", "bitcoin",
               "USDT TRC20", "Western Union", "MoneyGram", "my IBAN", "a gift card",
               "M-Pesa", "mpesa", "Pix", "GCash", "UPI", "Payeer", "Perfect Money", "Paytm", "Chipper Cash"],
    "method_in": ["UPI", "GPay", "PhonePe", "Paytm", "NEFT", "IMPS", "bank transfer", "my UPI id", "Google Pay", "PayPal"],
    "method_ng": ["bank transfer", "Opay", "Palmpay", "USDT", "Payoneer", "my GTBank account", "my Access bank account", "Western Union"],
    "method_ph": ["GCash", "gcash", "Maya", "PayMaya", "BPI", "BDO", "Coins.ph", "PayPal", "bank transfer"],
    "method_pk": ["JazzCash", "Easypaisa", "Payoneer", "bank transfer", "my Meezan account", "Wise", "USDT"],
    "ms": ["the next milestone", "milestone 2", "the second milestone", "the final milestone", "the last milestone",
           "the remaining milestones", "the next payment", "the final payment", "the balance", "phase 2"],
    "site": ["the platform", "this site", "Upwork", "Fiverr", "Freelancer", "the app", "this website", "the site"],
    "fee": ["the fee", "the fees", "the 20% fee", "the service fee", "their commission", "the 10% cut", "the platform fee", "the charges"],
    "pct": ["20%", "10%", "20 percent", "a fifth", "almost 20%", "15%"],
    "work": ["the logo", "the website", "the app", "the translation", "the video edit", "the landing page",
             "the Shopify store", "the bug fix", "the report", "the designs", "the article", "the data entry"],
    "amt": ["$200", "$150", "$500", "$80", "300 USD", "$1,200", "$45", "$900", "250 dollars"],
    "tool": ["Zoom", "Google Meet", "Teams", "MS Teams", "Slack", "Asana", "Trello", "Notion", "Jira", "ClickUp", "Loom", "Calendly", "Discord", "HubSpot", "Xero", "QuickBooks", "Canva", "Figma", "Google Workspace", "Monday.com", "Airtable", "Zapier", "WhatsApp Business", "Skype", "Microsoft 365", "Basecamp"],
    "techm": ["WhatsApp", "Telegram", "Discord", "Slack", "Viber", "Signal", "WhatsApp Business API", "Twilio SMS", "Messenger"],
    "techp": ["Stripe", "PayPal", "Razorpay", "Paystack", "Flutterwave", "GCash", "UPI", "Apple Pay", "Wise API", "M-Pesa"],
    "day": ["tomorrow", "Monday", "on Friday", "this weekend", "at 3pm", "tomorrow morning", "later today", "next week"],
    "who": ["a client", "the client", "this buyer", "one guy", "a freelancer", "someone", "another client", "the last client", "a new client"],
    "shecl": ["he", "she", "they"],
}

T = {
"solicit_contact": """
named: {hi}[let's|lets|let us] [continue|talk|chat|discuss] on {msgr}[| instead|, it's easier|, faster there]
named: {hi}add me on {msgr}[| pls| please| so we can talk freely]
named: {hi}[do you have|you have|got] {msgr}? [we can talk there|easier to talk there|let's move there|]
named: {hi}what's your {msgr}[?| number?| id?| handle?]
named: {hi}can we [move|switch|shift] [this conversation|the chat|our discussion] to {msgr}?
named: {hi}[message|text|ping|hit] me on {msgr}[| when you're free| asap| so we can discuss details]
named: {hi}i [don't|dont|do not] check [this site|here|messages here] much, [reach|contact|text] me on {msgr}
named: {hi}[send|drop|share] your {msgr} [so i can|and i'll] [add you|message you|text you] [directly|there|]
named: {hi}[are you on|r u on|you use] {msgr}? [i'd rather talk there|let's continue there|ping me]
named: {hi}[i sent|sending] you a request on {msgr}, [accept it|pls accept|check it]
meet: {hi}can we [jump on|do|have] a {meet} [call|meeting] [instead|outside|] [to discuss|about] {work}?
meet: {hi}let's [discuss|talk] on {meet}, [i'll|I will] send you [my link|the invite] [privately|directly]
generic: {hi}[let's|lets] [continue|talk|take this] [outside|off] [this site|the platform|here]
generic: {hi}can we [talk|chat|discuss] privately? [not here|this chat is monitored|]
generic: {hi}[give|send|share] me your [personal number|phone number|number|email|personal email|contact]
generic: {hi}[i'll|let me] [send|give] you my personal number, [we talk|let's talk|call me] directly
generic: {hi}[call me|can i call you|can you call me] directly[?| on my phone| on my cell| tonight|]
generic: {hi}the chat here is [slow|buggy|monitored], [let's|can we] [talk|communicate] directly[| somewhere else]?
generic: {hi}how can i [reach|contact] you outside [of |]{site}?
generic: {hi}[leave|drop] your [number|email|contact details] [and|so] i [can|will] [call|text|mail] you
evasive: {hi}search my name on [facebook|FB|linkedin|insta] and [message me|add me] there
evasive: {hi}[i can't|cant|can't] [share|post] [my number|contacts] here, [they block it|it gets censored]. [find me|add me] on {msgr}, same name
evasive: {hi}my [number|contact] is in my profile picture, [text me|whatsapp me|msg me]
evasive: {hi}[w.a|what's app|whats ap|wh@tsapp] me[| pls| asap] so we [avoid|skip] the [filters|monitoring]
in: {hi_in}kindly share your {msgr_in} [number|no.|no] for further discussion
in: {hi_in}please [revert|reply] on my {msgr_in}[, i have sent you|, will share details there]
in: {hi_in}pls give ur {msgr_in} no. [we will discuss|i will call|will explain] there
in: {hi_in}[kindly|please] do the needful and [ping|message] me on {msgr_in}
in: {hi_in}i will call you [on your number|on your mobile|directly], kindly [share|send] [it|your mobile no]
ng: {hi_ng}[abeg|pls] [send|drop] your {msgr_ng} [number|contact] [make we talk|let's talk well|]
ng: {hi_ng}[chat me up|holla me|buzz me] on {msgr_ng}[| abeg| asap]
ng: {hi_ng}let's [discuss|talk] on {msgr_ng}, this [site|app] [dey|is] [slow|stressful]
ng: {hi_ng}[drop|send] your digits [make i call you|so i can call you|let's talk]
ph: {hi_ph}can i have your {msgr_ph} po? [para|so] we can [talk|chat] [there|directly]
ph: {hi_ph}[pa-add|add me] po on {msgr_ph}[| so we can discuss| para mas madali]
ph: {hi_ph}[pm|message] me po on {msgr_ph}[| thanks po]
pk: {hi_pk}please share your {msgr_pk} number, [we will discuss|i will explain] [there|in detail]
pk: {hi_pk}[bhai|sir] {msgr_pk} [pe|on] [baat|talk] kar lete hain[?|, easier]
pk: {hi_pk}[send|share] your [number|cell number] i will call you[| InshaAllah| after maghrib]
""",

"solicit_payment": """
named: {hi}[can you|could you|pls|please] [pay|send the money|send payment] [via|through|by|with|on] {method}[ instead|?| directly|]
named: {hi}i [prefer|accept|only accept|take] {method}[| payments|, can you send there]
named: {hi}[send|pay] {amt} to my {method}[ and i'll start| and we start| today|]
named: {hi}[my {method} is [below|in my bio|same as my name]|here is my {method}|i use {method}], [pay|send] there[ please|]
named: {hi}[let's|lets] [do|handle] the payment [via|through|over] {method}[ to avoid {fee}| it's faster|]
named: {hi}i [can|will] pay you [via|through|with] {method}[ directly| if that's ok| to save {fee}|]
named: {hi}[is|would] {method} [ok|fine|possible] [for the payment|for you|to pay]?
milestone: {hi}for {ms}, [send it|pay|transfer it] [directly|straight] to my {method} [instead of through {site}|not here|]
milestone: {hi}[let's|lets|can we] [do|pay|move] {ms} [outside|off] {site}[ via {method}| directly|]
milestone: {hi}[close|end] the contract [here|now] and [pay|send] {ms} [via|by|through] {method}
milestone: {hi}[don't|dont|do not] fund {ms} [here|on {site}], [just|] [send|pay] it [via {method}|directly|to me directly]
milestone: {hi}i [will|can] [release|pay] {ms} [by|via|through] {method}, [no need to|we don't need to] [use|go through] {site}
milestone: {hi}[to save {fee}|to avoid {fee}], [can we|let's] [pay|settle] {ms} [directly|outside|off platform]?
milestone: {hi}{ms} [can|could] [go|be paid] [directly|outside] [via {method}|to my account], [same|it's same] [work|amount]
fee: {hi}[pay me|let's pay|can you pay] directly [and|to] [skip|avoid|save] {fee}
fee: {hi}{site} takes {pct}, [let's|why not|can we] [deal|do it|work] directly[?| instead|]
fee: {hi}[i'll|i will|i can] give you a discount if you pay [outside|directly|outside the platform|off {site}]
fee: {hi}[why|no need to] give {pct} to {site}? [pay me|just pay] directly[ and we both save| and i'll reduce my price|]
fee: {hi}[pay|send] outside [the platform|{site}] [and|so] [we both save|we save {fee}|i give you {pct} off]
fee: {hi}[the fees here are|the charges here are|{fee} is] [too high|crazy|killing me], [let's|can we] [pay|settle] [outside|directly]?
generic: {hi}[send|pay] [the money|it|the balance|the advance] to my [account|personal account|bank] [directly|instead|]
generic: {hi}[send|pay] to my [cousin's|brother's|sister's|friend's|wife's] account, [mine has a problem|it's the same|i'll share details]
generic: {hi}[i'll|i can|let me] pay you [in cash|cash] [when we meet|in person|directly]
generic: {hi}[can we|let's] settle [the rest|the payment|the balance] [outside|off the platform|privately]?
generic: {hi}[pay half here|pay the first part here] and [the rest|the remaining] [directly|outside|via {method}]
in: {hi_in}kindly [pay|transfer] [the amount|advance|remaining amount] on my {method_in}[, will share details| directly]
in: {hi_in}sir please [pay|do payment] [by|through|via] {method_in}, {site} [charges|cuts] {pct}
in: {hi_in}[send|transfer] {ms} [to|on] my {method_in}[ sir| kindly| please]
ng: {hi_ng}[abeg|pls] [send|pay] [the money|am|the balance] to my {method_ng}[ make e fast|, e faster|]
ng: {hi_ng}[let's|make we] [do|handle] payment [via|through] {method_ng} [not here|outside {site}], {site} [dey|is] [cutting|charging] too much
ph: {hi_ph}pwede po ba [via|through] {method_ph} [na lang|nalang] [ang bayad|the payment] [po|]?
ph: {hi_ph}[send|pay] {ms} [na lang|lang] po [sa|to] my {method_ph}[ para walang fee| to avoid {fee}|]
pk: {hi_pk}please [send|pay] [payment|the amount|{ms}] [via|in my|on my] {method_pk}, {site} [takes|cuts] {pct}
pk: {hi_pk}[bhai|sir] payment {method_pk} [pe|mein|on] [kar dein|bhej dein|send kar dein][| please]
""",

"none": """
tools: [comfortable with|experienced with|proficient in|familiar with|i work daily in|tools i use:|software:|tools:] {tool}, {tool}, {tool}[ and| &|,] {tool}[|, whichever your team already uses|, plus the usual office suite|.]
tools: [your|the] [VA|assistant|new hire] [will|should] [manage|handle] [calendars|inboxes|scheduling] in {tool} and {tool}[| for a team of 8| across time zones]
tools: [our team|we|the team] [uses|use|runs on] {tool} for [standups|project updates|tasks] and {tool} for [calls|docs|files][|; you'll get access once hired|, access is given after the contract starts]
tools: [skills|stack|toolkit]: {tool} · {tool} · {tool} · {tool}
tools: [must know|must be fluent in|need experience with] {tool} and {tool}[, we run weekly reviews there|| for internal reporting]
refusal: {hi}[sorry,|sorry but|unfortunately] i [only|] [work|communicate|accept payments] [through|on|via] {site}[| only|, hope you understand]
refusal: {hi}i [can't|cannot|won't] share my [number|email|whatsapp|contact] [before a contract|here|until we have a contract], [let's keep talking here|let's continue here|it's against the rules]
refusal: {hi}i [don't|do not|never] [accept|take] payments outside {site}[, sorry|, it's against the terms|, it protects us both]
refusal: {hi}[please|kindly] keep [all|the] [communication|payments] [on|inside|within] {site}[| so we are both protected]
refusal: {hi}[no|nope], i [won't|will not] [move|go] [off|outside] {site}. [payment through the milestone is fine|happy to continue here]
refusal: {hi}[i'd rather not|i prefer not to] [use|go on] {msgr}, [we can talk here|messages here work fine for me]
internal: {hi}[please|pls|kindly] [send|release|fund] [it|the payment|{ms}] [through|via|in] [the milestone|escrow|{site}]
internal: {hi}i [have|just] [submitted|completed] {ms}[, please review and approve|, kindly approve when you can|]
internal: {hi}[let's|we can] [use|do] the [workroom|platform's|built-in] [video call|call|meeting] [{day}|to discuss {work}|]
internal: {hi}[i've|i have] [funded|created] {ms} [for {amt}|in escrow|], you can start[ when ready|]
internal: {hi}[please|] [send|share] the [files|brief|assets] [here in the chat|through the workroom|in the messages here]
internal: {hi}[can you|pls] [add|request] a new milestone [here|on the contract] for {work}?
feature: {hi}i need [you to|someone to|a dev to] [build|make|set up] a {techm} bot [for my store|for customer support|that sends order updates]
feature: {hi}[can you|are you able to] integrate {techp} [checkout|payments|into my site|into the app]?
feature: {hi}the {techp} [webhook|API|sandbox|integration] [is failing|returns 401|is not working] [on the live site|since yesterday|]
feature: {hi}[add|build] a "[contact us on|share on|chat on] {techm}" button [to|on] the landing page
feature: {hi}[we need|i need] {techp} and {techp} as payment options on [the checkout|my Shopify store|the app]
feature: {hi}{techm} [notifications|integration|templates] [don't work|are broken|need fixing] in [the app|our CRM], [can you fix it|please check]
smalltalk: {hi}[haha|lol|] {techm} [was down|was slow|crashed] [yesterday|all morning|for me too]
smalltalk: {hi}my [whole family|mom|team] [uses|is on] {techm}[ for everything| lol|, it's crazy]
smalltalk: {hi}[i heard|did you know] {techp} [raised|changed|lowered] their fees[ again|?|]
schedule: {hi}[let's|can we] [schedule|set up|book] a call [here|on {site}|through the platform] {day}[?|]
schedule: {hi}i [sent|have sent] [you|] a meeting invite [through|in|on] [the platform|the workroom|{site}] for {day}
schedule: {hi}[i'm|i am] [free|available] {day} for a call [via the platform|here|using the video button]
rules: {hi}[just so you know|fyi|as you may know], {site} [doesn't allow|does not allow|prohibits] [sharing contact details|payments outside|off-platform payments] before a contract
rules: {hi}the terms say [all payments|payments] must go through {site}[ for two years|, even after the contract|]
rules: {hi}[per|according to] the rules [we|i] can't [exchange numbers|share emails|pay outside] until [the contract starts|there's a contract]
report: {hi}{who} asked me to pay [outside|via {method}|directly] and i [refused|said no|reported it]
report: {hi}{who} [wanted|kept asking for] my {msgr}, i [refused|reported them|told them no]
report: {hi}[last week|yesterday|earlier] {who} [asked|tried to get me] to [move to|continue on] {msgr}, [i reported it|i declined|i didn't]
report: {hi}[how do i|should i] report {who} who [asked|is asking] for payment [via {method}|outside {site}]?
report: {hi}{shecl} [said|wrote] "[pay me on|send to my] {method}" [so i|and i] [flagged|reported] the message
project: {hi}[the|my] [rate|quote] for {work} is {amt}[, fees included| plus {fee}|]
project: {hi}{ms} [will be|is] {amt}[, due {day}| after the first draft|]
project: {hi}[i'll|i will] [call|use] the [API|function|endpoint] [directly|in the backend] to [fetch|update] [the payments|the orders|the data]
project: {hi}[the|our] payment [page|flow|form] [shows|has] a [wrong fee|rounding error|bug] on mobile
project: {hi}[can you|please] [fix|update|check] the [phone number|email] field [validation|format] [on the signup form|in the checkout|]
project: {hi}[i|we] [will|can] [discuss|review] {work} [in the call|on the call] [here|on the platform] {day}
in: {hi_in}kindly [approve|release] {ms}, [work is completed|i have uploaded the files] [sir|]
in: {hi_in}sir i [will not|cannot] share [my number|whatsapp] before contract, [please|kindly] discuss here only
ng: {hi_ng}[abeg|pls] [release|fund] {ms} [on the platform|here], [work don finish|i don deliver]
ng: {hi_ng}i no dey [collect|take] payment outside {site}[ o| my dear|]
ph: {hi_ph}sorry po, [dito lang po tayo mag-usap|here lang po tayo] [sa platform|on {site}][| para safe]
ph: {hi_ph}[na-submit ko na po|i already submitted] {ms}, [pa-approve na lang po|please approve po]
pk: {hi_pk}[sorry|maazrat] [bhai|sir], [payment|baat] sirf {site} [pe|par] hogi
pk: {hi_pk}{ms} [submit kar diya hai|has been submitted], please approve kar dein
""",
}

# ---- second pass: more families (in person, invoices, withdrawals, funding methods, bonuses, refusals of a channel)
SLOTS["wd"] = ["Payoneer", "my bank account", "PayPal", "Wise", "my local bank", "GCash", "my UPI-linked account"]
SLOTS["hi"] += ["yo ", "hey there! ", "hi again, ", "sorry to bother, "]
T["solicit_contact"] += """
inperson: {hi}[we're|i'm|i am] in the same city, [let's|can we] meet [for coffee|in person|at a cafe] and discuss {work} there
inperson: {hi}[why don't|how about] you come to [my office|our office|the shop] [{day}|] and we talk face to face[?|]
client: {hi}[here's|this is|below is] my [direct line|personal number|cell], [call|text|whatsapp] me [anytime|{day}|after 6]
client: {hi}[my assistant|my secretary|my partner] will [call|text|email] you [directly|on your phone] [{day}|], [just share your number|send your number]
client: {hi}send your CV to my [personal email|gmail|work email] [instead|directly|], [it's faster|i don't check this inbox]
after: {hi}[once|as soon as] [you accept|we finish here], [we'll|let's] [move|switch|continue] to {msgr}[, it's easier| for the daily updates|]
after: {hi}[i'll|let me] [create|make] a {msgr} group [for|with] [us|you and my team] [so we don't use this chat|and we talk there]
vague: {hi}[is there|do you have] [another way|any other way] [to reach you|i can contact you|we can talk]?
vague: {hi}[let's|lets] [connect|link up|talk] [somewhere else|on another app|elsewhere][, this site is annoying|, it's monitored here|]
"""
T["solicit_payment"] += """
invoice: {hi}[just|] [send|email] me [an invoice|a PayPal invoice|your invoice] [directly|outside {site}|by email] and [i'll|we'll] pay [it|you] [from there|right away]
invoice: {hi}[our company|we] [will|can] pay [your invoice|you] [directly|by wire|via {method}], [no need for|skip] {site}[ billing|]
cancel: {hi}[let's|can we] [cancel|end|close] the contract [here|now] and [i'll|i can] pay [the rest|you] [directly|via {method}|outside]
cancel: {hi}[request a refund|refund me] [here|on the platform] and [i'll|then i] pay you [directly|via {method}] [so we avoid {fee}|instead|]
bonus: {hi}[i'll|let me] send [you|] [a tip|a bonus|extra] [via|through|on] {method}[ instead of here| directly|, not through {site}]
client: {hi}[i|we] [usually|always|normally] pay [freelancers|contractors|our team] [via|by|with] {method}, [is that ok|hope that's fine|can you accept that]?
client: {hi}[what's|send me] your [paypal|paypal email|wise details|bank details|IBAN|UPI id|gcash number][ so i can pay you| for the payment|?]
"""
T["none"] += """
withdraw: {hi}[i|I] [withdraw|usually withdraw|transfer] my earnings from {site} to {wd}[ every week| once a month|, works fine|]
withdraw: {hi}[my|the] [withdrawal|payout] to {wd} [is pending|takes 3 days|just arrived][, thanks for releasing the milestone|]
funding: {hi}[i'll|i will|let me] [add|use] [my card|PayPal|my bank account] as [the|my] payment method [on|in] {site} [and fund {ms}|to pay you|]
funding: {hi}[my card was declined|the card got declined] [on|in] {site}[, trying PayPal there instead|, will fund {ms} {day}|]
bonus: {hi}[i'll|i will|let me] send you a bonus [through|via|on] {site}[ for the extra work| after {ms}|, you deserve it|]
bonus: {hi}[can you|please] [add|include] the extra hours [to|on] the [timesheet|contract] [here|on {site}] so i can pay [it|them] properly
nochannel: {hi}[i don't|i do not|i never] use {msgr}[ for work|, sorry|, let's stay here|]
nochannel: {hi}[no need to|we don't need to] [exchange|share] [numbers|emails|contacts], [this chat works|the messages here are enough|this is enough] for me
scam: {hi}[be careful|watch out|heads up], [scammers|fake clients] [often|always] ask to [move to {msgr}|pay via {method}|pay outside the platform]
scam: {hi}[is it a scam|is this legit] if {who} [asks|wants] me to [pay|buy] [a gift card|a "training fee"|a registration fee]?
project: {hi}[can you|please] [add|design] a [contact|"call us"|whatsapp] [section|button|icon] to the [footer|homepage|landing page]
project: {hi}the [cash|crypto|wallet] [module|screen|page] in the app [crashes|freezes] [when you tap pay|on Android|after login]
"""

# ---- third pass. Written to differ from the hand-written validation messages (natural/),
# which cover the same situations: same intents, other words.
T["solicit_contact"] += """
email: {hi}[can we|could we|let's] [switch|move] to email for [the paperwork|the files|the details|this][? this chat is clunky|, my inbox is easier|]
email: {hi}[email|mail] works [better|best] for me, [the address is|i put it] [on my profile|on my CV|in my bio]
callback: {hi}[leave|give] me a missed call [on my line|whenever you're free|tonight] [and i'll ring back|, i'll do the rest|]
callback: {hi}[i'll|let me] [ring|phone] you [in a minute|now|shortly], [pick up|answer] [the unknown number|when it rings]
sms: {hi}[drop|send] the [pickup point|location|meeting point] [to my phone|as an SMS|by text][, i'm not near a laptop|, i'm on the road|]
google: {hi}my [studio|company|shop] [comes up|shows] [first|at the top] on Google, [ring the number there|the phone is on the site|reach me from there]
meetq: {hi}[would|could] we do the [interview|call|chat] [over|on] {meet} [instead|]? [that's what we use internally|our team lives there|]
"""
T["solicit_payment"] += """
split: {hi}[put|fund] just [a token amount|the minimum] on the contract [for appearances|so it looks normal], [we'll|i'll] [settle|sort] the [real amount|main money] [by {method}|privately]
feecover: {hi}[whatever|any] fee {method} [charges|takes] is on me, just [take|accept] the [money|payment] there
limit: {hi}[payments to me are|my account is] [frozen|capped] [till next month|for now], [wire|send] it to [my brother|my cousin|my partner] [instead|], [he'll|they'll] pass it on
visit: {hi}[settle|pay for] the [install|delivery|setup] [part|bit] in cash [on the day|at my place], [the app doesn't need to know|leave the app out of it]
"""
T["none"] += """
discount: {hi}the [fee|platform fee|service fee] [adds up|eats into my budget] — [any chance of|is there room for] a [small|little] [discount|reduction] on your [quote|rate]?
support: {hi}how [long|many days] does a [payout|withdrawal] to {wd} take [from|on] {site}?
support: {hi}[can i|is it possible to] [link|connect] {wd} for [withdrawals|payouts] [on|in] {site}?
released: {hi}just approved {ms} [on|in] {site}[ — great job| — five stars from me| — the money should show up soon|]
otp: {hi}[users|customers] should [get|receive] a [one-time code|verification code] [by SMS|on their phone] [when they sign up|at checkout] — [can you build that|Twilio or similar is fine]
invoiceup: {hi}[attach|add] your invoice [to|in] the [milestone|contract] on {site}[ so we can book it| for our records|]
dontsend: {hi}[no need to|let's not] [swap|trade] [numbers|contacts] [yet|for now] — [all of it|everything] can stay [in this chat|on {site}] [till|until] the contract [starts|is live]
payon: {hi}[once|after] {work} is [approved|signed off], the [whole|full] [balance|payment] [goes|will go] [out|] through {site}
offered: {hi}{who} [tried to tempt me with|promised me] [a bonus|extra money|a higher rate] to [switch to|take payment via] {method} — [not happening|i declined|no way]
"""

# ---- fourth pass: social profiles, voice notes, gift cards, payment requests/links, remittances
T["solicit_contact"] += """
social: {hi}[connect with me|add me|follow me] on [LinkedIn|Insta|Twitter|X|TikTok] and [message me there|we'll talk there|i'll DM you]
social: {hi}[i'll invite you to|join] our [Discord server|Slack workspace|Telegram group|WhatsApp community] [for the project|so we can coordinate][, everyone's there|]
voice: {hi}[record|send] me a [voice note|voice message|quick audio] on {msgr}[ instead| about it| with the details]
"""
T["solicit_payment"] += """
giftcard: {hi}[would|could] you [take|accept] [a gift card|Steam cards|an iTunes card|Amazon vouchers] [as payment|instead][ for this job|?]
"""
T["none"] += """
allowed: {hi}{who} [wants|asked] me to pay [directly|outside|via {method}] — [is that allowed|is this against the rules|should i report it]?
feeq: {hi}[how much|what percentage] does {site} [take|charge] on [hourly|fixed-price|long-term] contracts?
wallet: {hi}[we're building|i need] a [crypto wallet|USDT wallet|remittance app|P2P payment app] [and need|looking for] a [mobile|backend|Flutter] developer
"""
T["solicit_payment"] += """
billme: {hi}[just|] [bill|charge|invoice] me [on|through|via] {method} [instead of here|rather than through {site}|outside the contract]
ownsite: {hi}there's a [checkout|pay] page on my [own site|website] — [settle|pay] the [deposit|rest|balance] there[ and skip {fee}| instead|]
mtcn: {hi}[use|go through] a money-transfer [agent|shop] [like Western Union|like MoneyGram|], then [text|message] me the [MTCN|collection code|reference] and i'll [pick it up|collect]
"""
T["solicit_contact"] += """
social: {hi}my [LinkedIn|Instagram|Behance] [has my contact info|lists my number|is open for DMs], [reach out|ping me] there [rather than here|]
"""

# ---- plain project talk with no trigger words at all (most real traffic looks like this)
T["none"] += """
plain: {hi}[could you|can you|please] [make the header bigger|change the font|use our brand colours|shorten the intro|fix the typo on slide 3] [in {work}|][ please|]
plain: {hi}[thanks|thank you|great], [looks good|this is exactly what i wanted|love the second version][! i'll send feedback {day}|, one small change though|]
plain: {hi}what's your [timeline|turnaround|availability] for {work}? [we'd like it {day}|no rush|]
plain: {hi}[i've|i have] [uploaded|shared] the [brief|logo files|content|screenshots] [above|in the previous message], [let me know if anything is missing|have a look when you can]
"""

# ---- more Nigerian Pidgin / Nigerian English
T["solicit_contact"] += """
ng: {hi_ng}[wetin be|wetin be your] {msgr_ng} [number|line]? make i [buzz you|flash you] [sharp sharp|now now]
ng: {hi_ng}this [platform|app] no dey deliver message quick, [call my line|hala me for WhatsApp] [abeg|jare]
"""
T["solicit_payment"] += """
ng: {hi_ng}[abeg|my guy] no pass am through {site}, [just|] transfer to my {method_ng}[ e go reach sharp|, na the same thing|]
ng: {hi_ng}dem dey chop {pct} for this [site|app], make we [settle am outside|do am direct]
"""
T["none"] += """
ng: {hi_ng}[abeg|please] [fund|release] the milestone for here, i no dey do deal outside {site}
ng: {hi_ng}one [client|guy] talk say make i pay am for {method_ng}, i no gree[, i don report am|]
"""

# ---- numbers and technical text that are not about money: chat logs, code, counts, percentages
# of other things, times (short benign texts carry few features, so their numbers must not
# read as a price or a fee)
T["none"] += """
numbers: {hi}[test coverage|battery|CPU usage|progress|the upload] is at [20%|85%|40%|99%][ now| again|, almost there|]
numbers: {hi}[14:05|09:30|22:16] [ok|done|good|back]. [maybe later|brb|will check tomorrow|]
numbers: {hi}[read|log|print|return] [user.id|order.name|item.count|config.port] and [profile.email|row.total|node.value][ in the loop|]
numbers: {hi}[count|list|number] the [slides|rows|images|steps] [1, 2, 3|one to ten|from 1 to 12][ please| in order|]
numbers: {hi}[the room is|the banner is|the file is] [12 x 15|1200x628|3 MB|24 px][, is that ok|, too big?|]
numbers: {hi}[version|build|step|page] [2.3.1|14|3 of 7|12] [is ready|failed|looks fine|is up][ 👍|]
"""
