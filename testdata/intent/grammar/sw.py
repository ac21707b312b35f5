# Swahili (Kenya and Tanzania, some Sheng and English code-switching)
SLOTS = {
    "hi": ["", "", "habari, ", "habari yako, ", "mambo, ", "sasa, ", "salaam, ", "ndugu, ", "boss, ", "sawa, ", "asante. ", "shikamoo, "],
    "msgr": ["WhatsApp", "whatsapp", "WA", "wasap", "Telegram", "telegram", "IG", "Instagram", "Facebook", "Signal", "Skype"],
    "meet": ["Zoom", "Google Meet", "Meet", "Teams"],
    "method": ["M-Pesa", "mpesa", "Lipa na M-Pesa", "Tigo Pesa", "Airtel Money", "benki", "PayPal", "Wise", "Payoneer",
               "USDT", "crypto", "Western Union", "Equity", "Sendwave"],
    "ms": ["milestone inayofuata", "milestone ya pili", "awamu ya pili", "malipo ya mwisho", "salio", "pesa iliyobaki", "awamu ijayo"],
    "site": ["jukwaa hili", "tovuti hii", "Upwork", "Fiverr", "app hii", "platform"],
    "fee": ["ada", "makato", "makato ya 20%", "kamisheni", "ada ya huduma"],
    "pct": ["20%", "10%", "asilimia ishirini", "pesa nyingi"],
    "work": ["logo", "tovuti", "app", "tafsiri", "video", "landing page", "duka la mtandaoni", "ripoti", "michoro"],
    "amt": ["KSh 5,000", "$200", "TSh 100,000", "dola 150", "elfu kumi", "Ksh 20k"],
    "techm": ["WhatsApp", "Telegram", "WhatsApp Business API", "SMS", "Discord"],
    "techp": ["M-Pesa Daraja API", "M-Pesa", "Flutterwave", "Pesapal", "PayPal", "Stripe"],
    "day": ["kesho", "Jumatatu", "Ijumaa", "mchana huu", "saa tisa", "wiki ijayo"],
    "who": ["mteja mmoja", "mteja", "jamaa mmoja", "freelancer mwingine", "mtu fulani"],
}

T = {
"solicit_contact": """
named: {hi}tuongee [kwa|kwenye] {msgr}[| ni rahisi zaidi|, ni haraka|]
named: {hi}[niongeze|ni-add] [kwa|kwenye] {msgr}[| tafadhali| tuongee]
named: {hi}una {msgr}? [tuongee huko|nitakutumia ujumbe huko|]
named: {hi}nitumie namba yako ya {msgr}[| nikutext| tuongee]
named: {hi}tunaweza kuhamia {msgr} tuendelee na mazungumzo?
named: {hi}[nitext|nichekie|nitumie ujumbe] kwa {msgr}[| ukiwa free| haraka]
named: {hi}siingii hapa sana, [nitafute|niandikie] kwa {msgr}
meet: {hi}tufanye [call|mkutano] kwa {meet} [nje|pembeni|]? nitakutumia link inbox
generic: {hi}tuongee nje ya [jukwaa hili|tovuti hii|hapa]
generic: {hi}tunaweza kuongea private? [hapa wanafuatilia|sio hapa|]
generic: {hi}nitumie [namba yako|namba ya simu|namba yako binafsi|email yako|mawasiliano yako][| tuongee moja kwa moja| nikupigie]
generic: {hi}hii ni namba yangu binafsi, [nipigie|niandikie] moja kwa moja
generic: {hi}naweza kukupigia moja kwa moja[| jioni| kwa simu]?
generic: {hi}chat hapa [ni slow sana|inakwama|inafuatiliwa], tuongee mahali pengine
generic: {hi}nitakupataje nje ya {site}?
evasive: {hi}tafuta jina langu [Facebook|LinkedIn|Instagram] uniandikie huko
evasive: {hi}hapa hawaruhusu namba, nitafute {msgr} jina ni lile lile
""",
"solicit_payment": """
named: {hi}[nilipe|tuma malipo] kupitia {method}[| tafadhali| moja kwa moja]
named: {hi}napokea {method} tu[|, sawa?]
named: {hi}tuma {amt} kwa {method} nianze kazi [leo|sasa hivi]
named: {hi}nitakutumia namba yangu ya {method}, [tuma|lipa] hapo
named: {hi}{method} inafaa kwa malipo? [ni haraka|tuepuke {fee}|]
named: {hi}nitakulipa kwa {method} moja kwa moja[, tuepuke {fee}| sawa?|]
milestone: {hi}{ms} [tuma|lipa] moja kwa moja kwa {method}, sio kupitia {site}
milestone: {hi}{ms} tulipe nje ya {site}[ kwa {method}| moja kwa moja|]
milestone: {hi}tufunge contract hapa, {ms} unitumie kwa {method}
milestone: {hi}usiweke {ms} kwenye {site}, [tuma moja kwa moja|tuma kwa {method}]
milestone: {hi}ili tuepuke {fee}, {ms} tulipe [nje|moja kwa moja]?
fee: {hi}nilipe moja kwa moja tuepuke {fee}
fee: {hi}{site} inakata {pct}, tufanye [moja kwa moja|nje]
fee: {hi}ukinilipa nje nitakupa punguzo
fee: {hi}kwa nini tupe {site} {pct}? lipa moja kwa moja, sote tunafaidika
generic: {hi}tuma [pesa|malipo|advance|salio] moja kwa moja kwa akaunti yangu
generic: {hi}tuma kwa akaunti ya [binamu|kaka|mke|rafiki] yangu, [yangu ina shida|ni sawa tu]
generic: {hi}nitakulipa cash [tukikutana|mkono kwa mkono]
generic: {hi}[nusu hapa|advance hapa], iliyobaki [nje|moja kwa moja|kwa {method}]
""",
"none": """
refusal: {hi}samahani, nafanya kazi kupitia {site} tu[| kwa usalama]
refusal: {hi}siwezi kutoa [namba yangu|email yangu|WhatsApp yangu] kabla ya contract, tuendelee hapa
refusal: {hi}sipokei malipo nje ya {site}[, samahani|, ni kinyume cha sheria|, ili sote tuwe salama]
refusal: {hi}tuweke kila kitu kwenye {site}[| tafadhali]
refusal: {hi}hapana, sitatoka {site}. malipo kupitia milestone ni sawa
internal: {hi}tafadhali [release|fund|approve] {ms} [kwenye platform|kupitia contract|kwenye {site}]
internal: {hi}nime[submit|tuma] {ms}, [kagua na uidhinishe tafadhali|niambie kama kuna marekebisho]
internal: {hi}tutumie video call ya platform {day}[| kujadili {work}]
internal: {hi}nimefund {ms}[ ya {amt}|], unaweza kuanza
internal: {hi}tuma files hapa kwenye chat[| ya project| ya platform]
feature: {hi}nahitaji bot ya {techm} [kwa duka langu|kwa huduma kwa wateja|ya kutuma updates za oda]
feature: {hi}unaweza ku-integrate {techp} [kwenye tovuti yangu|kwenye app|kwenye checkout]?
feature: {hi}[webhook|API|sandbox] ya {techp} [haifanyi kazi|inaleta 401|inafeli] [tangu jana|kwenye live|]
feature: {hi}weka button ya "[tuandikie kwa|share kwa] {techm}" kwenye landing page
smalltalk: {hi}[haha|lol|] {techm} ilikuwa [down|slow] [jana|asubuhi yote]
smalltalk: {hi}familia yangu yote inatumia {techm}[ haha|]
schedule: {hi}tupange call [hapa|kwenye platform] {day}?
schedule: {hi}nimekutumia mwaliko wa mkutano kupitia platform kwa {day}
rules: {hi}[kwa taarifa,|kumbuka,] {site} hairuhusu [kubadilishana mawasiliano|malipo ya nje] kabla ya contract
rules: {hi}sheria zinasema malipo yote lazima yapitie {site}
report: {hi}{who} aliniambia nilipe kwa {method}, [nilikataa|nime-report|sikufanya hivyo]
report: {hi}{who} aliomba {msgr} yangu, [nime-report|sikumpa]
report: {hi}nitamripoti vipi mteja anayetaka malipo nje ya {site}?
project: {hi}bei ya {work} ni {amt}[, pamoja na ada|]
project: {hi}{ms} ni {amt}[, itakamilika {day}|]
project: {hi}ukurasa wa malipo kwenye simu [unaonyesha ada mbaya|una bug]
project: {hi}rekebisha validation ya sehemu ya [namba ya simu|email] kwenye form
project: {hi}tutajadili kwenye call ya platform {day}
""",
}

# ---- awamu ya pili
SLOTS["wd"] = ["Payoneer", "akaunti yangu ya benki", "M-Pesa", "Wise", "Equity", "KCB"]
T["solicit_contact"] += """
inperson: {hi}tuko mji mmoja, [tukutane|tunywe chai pamoja|njoo ofisini] tuongee kuhusu {work}
client: {hi}hii ni namba yangu [ya moja kwa moja|binafsi], [nipigie|nitumie WhatsApp|nitumie SMS] [wakati wowote|{day}]
client: {hi}[msaidizi|mshirika] wangu atakupigia moja kwa moja, [nitumie namba yako|nipe simu yako]
after: {hi}[ukishakubali|tukishakubaliana], tuhamie {msgr}[ kwa updates|, ni rahisi|]
after: {hi}nitaunda group la {msgr} na timu yangu, [tutaongea huko|tusitumie chat hii]
vague: {hi}kuna njia nyingine ya [kuwasiliana nawe|kukupata]?
"""
T["solicit_payment"] += """
invoice: {hi}nitumie invoice [kwa email|moja kwa moja|nje ya platform], nitalipa [kwa {method}|moja kwa moja]
cancel: {hi}tufute contract [hapa|sasa], iliyobaki nitakulipa [moja kwa moja|kwa {method}|nje]
bonus: {hi}nitakutumia [tip|bonasi|ziada] kwa {method}[, sio kupitia {site}| pembeni|]
client: {hi}huwa nawalipa freelancers kwa {method}, [sawa|inafaa]?
client: {hi}nitumie [namba yako ya M-Pesa|akaunti yako ya benki|PayPal email yako][ nikulipe|]
"""
T["none"] += """
withdraw: {hi}natoa mapato yangu kutoka {site} kwenda {wd}[ kila wiki| mara moja kwa mwezi|]
withdraw: {hi}withdrawal kwenda {wd} [bado iko pending|inachukua siku 3|imeingia][, asante kwa ku-release milestone|]
funding: {hi}naongeza [kadi|PayPal] kama njia ya malipo kwenye {site}[ kisha nifund {ms}|]
bonus: {hi}nitakutumia bonasi kupitia {site}[ kwa kazi ya ziada| baada ya {ms}|]
nochannel: {hi}situmii {msgr} kwa kazi[, samahani|, tuendelee hapa|]
nochannel: {hi}hakuna haja ya kubadilishana [namba|email], chat hii inatosha
scam: {hi}[kuwa makini|tahadhari], matapeli [huwa|mara nyingi] wanaomba [kuhamia {msgr}|malipo kwa {method}|malipo nje ya platform]
project: {hi}weka button ya [mawasiliano|WhatsApp|kupiga simu] kwenye footer
"""

# ---- awamu ya tatu (maneno tofauti na jumbe zilizoandikwa kwa mkono katika natural/)
T["solicit_contact"] += """
email: {hi}tuhamie email kwa [nyaraka|files|mambo mengine]? [chat hii ni ngumu|huko ni rahisi|]
email: {hi}email inanifaa zaidi, anwani iko [kwenye profile yangu|kwenye CV yangu]
callback: {hi}[piga ukate|niachie missed call] kwenye namba yangu[ ukiwa huru| jioni][, mengine niachie mimi|]
callback: {hi}nakupigia [sasa|baada ya dakika moja], pokea namba usiyoijua
sms: {hi}mahali pa [kukutana|kuchukua mzigo] nitumie kwa ujumbe kwenye simu[, sina laptop|, niko njiani|]
google: {hi}[duka|studio|kampuni] yangu inatokea juu kabisa Google, [piga namba iliyopo pale|simu iko kwenye website]
meetq: {hi}tunaweza kufanya [interview|call] kwa {meet}? [ndiyo tunayotumia ndani|timu nzima iko huko|]
"""
T["solicit_payment"] += """
split: {hi}weka kwenye contract [kiasi cha kuonyesha tu|kiwango cha chini], pesa [halisi|kubwa] tumalizane [kwa {method}|kati yetu]
feecover: {hi}makato yoyote ya {method} nitabeba mimi, wewe pokea huko tu
limit: {hi}[akaunti yangu imefungwa|malipo yangu yamekwama] [hadi mwezi ujao|kwa sasa], tuma kwa [kaka|binamu|mshirika] wangu atanipa
visit: {hi}sehemu ya [kufunga|kuleta] nitalipa cash [siku hiyo|nyumbani], app haihitaji kujua
"""
T["none"] += """
discount: {hi}{fee} zinaongezeka, kuna uwezekano wa punguzo kidogo kwenye quotation?
support: {hi}kutoa pesa kutoka {site} kwenda {wd} huchukua siku ngapi?
support: {hi}naweza kuunganisha {wd} kwa ajili ya kutoa pesa kwenye {site}?
released: {hi}nime-approve {ms} kwenye {site} sasa hivi[, kazi safi!|, nyota tano|, pesa itaingia karibuni|]
otp: {hi}mtumiaji anatakiwa kupokea code [kwa SMS|kwenye simu] akijisajili, unaweza kutengeneza kwa Twilio au kitu kama hicho?
invoiceup: {hi}ambatisha invoice yako kwenye [milestone|contract] ndani ya {site}[ kwa kumbukumbu|]
dontsend: {hi}hakuna haja ya kubadilishana [mawasiliano|namba] sasa, kila kitu kibaki [kwenye chat hii|kwenye {site}] hadi contract ianze
payon: {hi}{work} ikishakubaliwa, malipo yote yatatoka kupitia {site}
offered: {hi}{who} alinishawishi kwa [bonasi|pesa ya ziada|bei ya juu] nipokee malipo kwa {method}, [haiwezekani|nilikataa]
"""

# ---- awamu ya nne
T["solicit_contact"] += """
social: {hi}[ni-add|ni-follow|tuunganishe] kwenye [LinkedIn|Instagram|TikTok] [tuongee huko|nitakutumia DM]
social: {hi}[jiunge na|nitakuongeza kwenye] [server ya Discord|group la Telegram|group la WhatsApp] letu [kwa mawasiliano|la project]
voice: {hi}nitumie [voice note|ujumbe wa sauti] kwa {msgr}[ ukieleza| na maelezo|]
"""
T["solicit_payment"] += """
giftcard: {hi}unakubali malipo kwa [gift card|vocha|airtime]?
"""
T["none"] += """
allowed: {hi}{who} anataka nimlipe [moja kwa moja|nje|kwa {method}] — [inaruhusiwa|ni kinyume cha sheria|nimripoti]?
feeq: {hi}{site} inachukua kiasi gani kwa contract za [saa|bei ya kudumu|muda mrefu]?
wallet: {hi}tunatengeneza [wallet ya crypto|app ya kutuma pesa|app ya malipo P2P], tunahitaji developer wa [mobile|backend|Flutter]
"""
T["solicit_payment"] += """
billme: {hi}nidai tu kupitia {method}[, sio hapa|, nje ya {site}|, bila contract]
ownsite: {hi}kwenye [website|tovuti] yangu kuna ukurasa wa malipo, [advance|salio] lipa huko[ tuepuke {fee}|]
mtcn: {hi}tuma kupitia wakala wa [Western Union|MoneyGram|WorldRemit] kisha nitumie [MTCN|code ya kuchukua] kwa SMS, nitachukua
"""
T["none"] += """
plain: {hi}unaweza [kuongeza ukubwa wa header|kubadilisha font|kutumia rangi za brand|kufupisha utangulizi] kwenye {work}?
plain: {hi}[asante|safi sana], [imekaa vizuri|ndicho nilichotaka|toleo la pili ni bora][, nitakutumia maoni {day}|, mabadiliko madogo tu|]
plain: {hi}ratiba yako ya {work} ikoje? [tunaihitaji {day}|hakuna haraka|]
plain: {hi}nime[pakia|share] [brief|files za logo|maudhui] hapo juu, [niambie kama kuna kinachokosekana|angalia ukipata muda]
"""

# ---- Sheng / mtaani
T["solicit_contact"] += """
sheng: {hi}[niko|nipo] {msgr} [bro|msee|mzee], [nichekie|ni-hit up] huko[ tukuongee poa|]
sheng: {hi}hii app [iko slow sana|inazingua], [tupigiane|tuongee] kwa simu [bana|tu]
"""
T["solicit_payment"] += """
sheng: {hi}[nitumie|ni-send] [doo|mkwanja|pesa] kwa {method} [bro|msee], {site} inakula [sana|ada kubwa]
sheng: {hi}tuepuke hii {site} bana, [lipa|tuma] direct kwa {method} [tumalizane|tuko sawa]
"""
T["none"] += """
sheng: {hi}[msee|bro], mimi [nafanya tu|nadeal tu] kupitia {site}, [sitaki ufala|tuko salama hivyo]
sheng: {hi}kuna [jamaa|msee] alinitaka nimlipe kwa {method}, [nilimkataa|nime-report]
"""
