#!/usr/bin/env python3
"""Writes testdata/corpus/numbers.jsonl: phone numbers in the digits of every script and in
the number words of 27 languages, with benign look-alikes (prices, dates, orders, lists,
prose with number words). Every label is checked valid for its region with the Python
port of libphonenumber (`pip install phonenumbers`), independently of the detector.

    python3 testdata/corpus/build_numbers.py
"""
import os
import json, unicodedata, phonenumbers as p
ZERO = {"deva":0x966,"arab":0x660,"pers":0x6F0,"beng":0x9E6,"guru":0xA66,"gujr":0xAE6,"orya":0xB66,
        "taml":0xBE6,"telu":0xC66,"knda":0xCE6,"mlym":0xD66,"sinh":0xDE6,"thai":0xE50,"laoo":0xED0,
        "tibt":0xF20,"mymr":0x1040,"khmr":0x17E0,"mong":0x1810,"full":0xFF10,"math":0x1D7CE}
def sc(text, script):
    z = ZERO[script]
    return "".join(chr(z + int(c)) if c.isdigit() else c for c in text)
def e164(nat, region):
    x = p.parse(nat, region); assert p.is_valid_number(x), (nat, region)
    return p.format_number(x, p.PhoneNumberFormat.E164)
rows = []
def pos(tag, lang, region, text, value):
    rows.append({"id": f"num-{len(rows)+1:03d}", "text": text, "region": region, "surface": "message",
                 "lang": lang, "tag": tag, "labels": [{"kind": "phone", "value": value}]})
def ben(tag, lang, region, text):
    rows.append({"id": f"num-{len(rows)+1:03d}", "text": text, "region": region, "surface": "message",
                 "lang": lang, "tag": tag, "labels": []})
# 1. digits of every script
digit_cases = [
 ("deva","hi","IN","मुझे कॉल करो {} पर", "98765 43210", "9876543210"),
 ("arab","ar","EG","اتصل بي على {}", "010 1234 5678", "01012345678"),
 ("pers","ur","PK","میرا نمبر {} ہے", "0300 1234567", "03001234567"),
 ("pers","fa","IR","شماره من {}", "0912 345 6789", "09123456789"),
 ("beng","bn","BD","আমার নম্বর {}", "01711 555555", "01711555555"),
 ("guru","pa","IN","ਮੇਰਾ ਨੰਬਰ {} ਹੈ", "98765 43210", "9876543210"),
 ("gujr","gu","IN","મારો નંબર {} છે", "98250 12345", "9825012345"),
 ("orya","or","IN","ମୋ ନମ୍ବର {}", "94370 12345", "9437012345"),
 ("taml","ta","IN","என் எண் {}", "98400 12345", "9840012345"),
 ("telu","te","IN","నా నంబర్ {}", "98480 12345", "9848012345"),
 ("knda","kn","IN","ನನ್ನ ನಂಬರ್ {}", "98450 12345", "9845012345"),
 ("mlym","ml","IN","എന്റെ നമ്പർ {}", "94470 12345", "9447012345"),
 ("sinh","si","LK","මගේ අංකය {}", "077 123 4567", "0771234567"),
 ("thai","th","TH","โทรหาผมที่ {}", "081 234 5678", "0812345678"),
 ("khmr","km","KH","លេខរបស់ខ្ញុំ {}", "012 345 678", "012345678"),
 ("mong","mn","MN","миний дугаар {}", "8812 3456", "88123456"),
 ("tibt","bo","IN","ngai ang grangs {}", "98765 43210", "9876543210"),
 ("mymr","my","IN","call {}", "98765 43210", "9876543210"),
 ("laoo","lo","IN","call {}", "98765 43210", "9876543210"),
 ("full","ja","US","電話は {} まで", "206 525 7694", "2065257694"),
 ("math","en","US","text me {}", "206 525 7694", "2065257694"),
]
for script, lang, region, frame, shown, nat in digit_cases:
    pos(f"phone-{script}-digits", lang, region, frame.format(sc(shown, script)), e164(nat, region))
# mixed scripts inside one number
pos("phone-mixed-script-digits","hi","IN","call me 98" + sc("765","deva") + " 4" + sc("32","beng") + "10", e164("9876543210","IN"))
pos("phone-mixed-script-digits","ur","PK","نمبر 0300 " + sc("123","pers") + sc("4567","arab"), e164("03001234567","PK"))
# 2. number words
words = [
 ("en","US","call two zero six five two five seven six nine four", "2065257694"),
 ("es","ES","llámame al seis uno dos tres cuatro cinco seis siete ocho", "612345678"),
 ("pt","BR","me chama no onze nove oito sete seis cinco quatro três dois um", "11987654321"),
 ("fr","FR","appelle-moi au zéro six douze trente-quatre cinquante-six soixante-dix-huit", "0612345678"),
 ("fr","FR","mon numéro : zéro sept quatre-vingt-douze soixante-et-onze dix-neuf quatre-vingts", "0792711980"),
 ("de","DE","ruf an: null eins fünf eins eins zwo drei vier fünf sechs sieben acht", "015112345678"),
 ("de","DE","null eins fünf eins, dreiundzwanzig vierundfünfzig sechsundsiebzig achtundneunzig", "015123547698"),
 ("it","IT","chiamami al tre uno due tre quattro cinque sei sette otto nove", "3123456789"),
 ("hi-Latn","IN","mera number nau aath chaar paanch ek do saat teen chhe chaar", "9845127364"),
 ("hi-Latn","IN","call karo: nine aath 4 five 1 2 saat teen 6 chaar", "9845127364"),
 ("hi","IN","मेरा नंबर नौ आठ चार पांच एक दो सात तीन छह चार है", "9845127364"),
 ("ur-Latn","PK","mera number sifar teen sifar sifar aik do teen char paanch chay saat", "03001234567"),
 ("ur","PK","میرا نمبر صفر تین صفر صفر ایک دو تین چار پانچ چھ سات", "03001234567"),
 ("bn-Latn","BD","amar number shunno ek saat ek ek panch panch panch panch panch panch", "01711555555"),
 ("bn","BD","আমার নম্বর শূন্য এক সাত এক এক পাঁচ পাঁচ পাঁচ পাঁচ পাঁচ পাঁচ", "01711555555"),
 ("fil","PH","tawagan mo ako sa sero siyam isa pito isa dalawa tatlo apat lima anim pito", "09171234567"),
 ("id","ID","hubungi nol delapan satu dua tiga empat lima enam tujuh delapan sembilan nol", "081234567890"),
 ("id","ID","nomorku nol delapan satu dua, tiga puluh empat, lima puluh enam, tujuh puluh delapan, sembilan puluh", "081234567890"),
 ("ru","RU","звони: девять один шесть один два три четыре пять шесть семь", "9161234567"),
 ("uk","UA","мій номер нуль шістдесят сім один два три чотири шість сім вісім", "0671234678"),
 ("ar","SA","رقمي صفر خمسة صفر واحد اثنان ثلاثة أربعة خمسة ستة سبعة", "0501234567"),
 ("tr","TR","beni ara sıfır beş üç iki bir iki üç dört beş altı yedi", "05321234567"),
 ("tr","TR","numaram sıfır beş üç iki, bir iki üç, kırk beş, altmış yedi", "05321234567"),
 ("sw","KE","nipigie sifuri saba moja mbili tatu nne tano sita saba nane", "0712345678"),
 ("vi","VN","gọi cho tôi số không chín một hai ba bốn năm sáu bảy tám", "0912345678"),
 ("zh","CN","我的电话一三八一二三四五六七八", "13812345678"),
 ("zh","CN","打给我 幺三八 幺二三四 五六七八", "13812345678"),
 ("en","US","text me two oh six, double five, two seven six nine four", "2065527694"),
 ("es","MX","mi cel es cinco cinco, doble uno, dos tres, cuatro cinco, seis siete", "5511234567"),
 ("it","IT","chiamami al trecentosettantotto, uno due zero, quattro cinque sei sette", "3781204567"),
 ("it","IT","il mio numero: trecentoventotto, quattro cinque sei, settantotto novanta", "3284567890"),
 ("tr","TR","numaram sıfır beş yüz otuz iki, dört yüz on iki, otuz dört, elli altı", "05324123456"),
 ("ru","RU","звоните: восемь девятьсот двадцать шесть, сто двадцать три, сорок пять, шестьдесят семь", "89261234567"),
 ("uk","UA","номер: нуль дев'яносто сім, сто двадцать три, сорок п'ять, шістдесят сім", "0971234567"),
 ("es","ES","llámame: seiscientos doce, trescientos cuarenta y cinco, seiscientos setenta y ocho", "612345678"),
 ("pt","BR","liga: onze, nove oito sete, seis cinco, quatro três, dois um", "11987654321"),
 ("zh","CN","加我 幺三九 五二零 一二三四零", "13952012340"),
 ("zh","CN","电话139 一二三四 五六七八", "13912345678"),
 ("de","DE","Handy: null eins sieben sechs, zweiundvierzig, neunzehn, achtundachtzig, fünfunddreißig", "017642198835"),
]
for lang, region, text, nat in words:
    try:
        v = e164(nat, region)
    except AssertionError:
        print("invalid", nat, region); continue
    pos(f"phone-number-words-{lang}", lang, region, text, v)
# benign look-alikes
benign = [
 ("benign-price-devanagari-digits","hi","IN","इसकी कीमत ₹" + sc("45,000","deva") + " है"),
 ("benign-date-devanagari-digits","hi","IN","डिलीवरी " + sc("2024-05-06","deva") + " तक"),
 ("benign-date-arabic-digits","ar","EG","موعد التسليم " + sc("06/05/2024","arab")),
 ("benign-order-arabic-digits","ar","SA","رقم الطلب #" + sc("48291371","arab")),
 ("benign-quantity-persian-digits","fa","IR","لطفا " + sc("12","pers") + " عدد ارسال کنید، قیمت " + sc("350000","pers") + " تومان"),
 ("benign-year-bengali-digits","bn","BD","আমি " + sc("2019","beng") + " সাল থেকে কাজ করছি, " + sc("150","beng") + " টি প্রকল্প"),
 ("benign-price-thai-digits","th","TH","ราคา " + sc("1,500","thai") + " บาท ส่งภายใน " + sc("3","thai") + " วัน"),
 ("benign-order-tamil-digits","ta","IN","order #" + sc("48291371","taml")),
 ("benign-ticket-list","en","US","I fixed tickets 4512, 4513, 4518, 4522 and 4530 today"),
 ("benign-ticket-list","en","US","Orders 88231, 88232, 88240, 88241 are shipped"),
 ("benign-words-hindi-romanised","hi-Latn","IN","kya aap do din mein kaam kar sakte ho? main teen baar check karunga"),
 ("benign-words-english-prose","en","US","Do you sat on the tin roof? I do not. Meet on 5 June at 10, char-grilled lunch"),
 ("benign-words-turkish","tr","TR","on gün içinde bitiririm, iki revizyon dahil"),
 ("benign-words-vietnamese","vi","VN","hai bên đồng ý, ba ngày nữa tôi gửi bản nháp"),
 ("benign-words-indonesian","id","ID","saya bisa selesaikan dalam dua minggu, lima revisi"),
 ("benign-words-russian","ru","RU","Сделаю за три дня, два раунда правок, цена пять тысяч"),
 ("benign-words-french","fr","FR","Je livre en quatre-vingt-dix minutes, deux versions, trois retouches"),
 ("benign-words-spanish","es","ES","Lo tengo en dos días, una revisión y tres propuestas"),
 ("benign-words-chinese","zh","CN","我们一起讨论,三天内交付,十一月见"),
 ("benign-words-arabic","ar","SA","سأنهي العمل خلال ثلاثة أيام مع مراجعتين"),
 ("benign-thai-prose","th","TH","ผมจะส่งงานให้ภายในสามวันครับ ขอบคุณมาก"),
 ("benign-cyrillic-prose","ru","RU","Привет, я дизайнер, могу начать сегодня"),
 ("benign-swahili","sw","KE","nitamaliza kazi ndani ya siku tatu, bei ni elfu tano"),
 ("benign-tagalog","fil","PH","tapos na ako sa loob ng tatlong araw, salamat"),
 ("benign-hindi-native","hi","IN","मैं दो दिन में काम पूरा कर दूंगा, तीन बदलाव मुफ्त"),
 ("benign-bengali-native","bn","BD","আমি দুই দিনে কাজ শেষ করব, তিনটি সংশোধন"),
 ("benign-version-arabic-digits","ar","EG","الإصدار " + sc("2.14.3","arab") + " يعمل"),
 ("benign-invoice-devanagari","hi","IN","invoice number " + sc("20240517","deva") + " भेज दिया"),
 ("benign-timestamp","en","US","The mirror was synced at 2018-07-01 15:49:36 UTC, 169839 packages"),
 ("benign-timestamp-listing","en","GB","-rw-r--r-- 2 root root 0 2008-09-15 20:21 notes.txt"),
 ("benign-ipv4","en","US","traceroute hop 3  (195.136.15.226)  28.879 ms"),
 ("benign-table-columns","en","US","Mem:   976928      20256          0     129592     171932"),
 ("benign-counting-words","en","US","The kids counted one, two, three, four, five, six, seven, eight, nine, ten"),
 ("benign-counting-words","de","DE","Wir zählen eins, zwei, drei, vier, fünf, sechs, sieben, acht, neun und zehn"),
 ("benign-counting-words","es","ES","Cuenta uno, dos, tres, cuatro, cinco, seis, siete, ocho, nueve, diez"),
 ("benign-hundreds-price","ru","RU","Цена девятьсот пятьдесят рублей, доставка триста"),
 ("benign-hundreds-price","tr","TR","Fiyat beş yüz elli lira, kargo yüz lira"),
 ("benign-chinese-dates","zh","CN","我们十一月二十三号开会, 三点见"),
]
for tag, lang, region, text in benign:
    ben(tag, lang, region, text)
# 3. families added with the languages of the second table (Polish, Persian, Korean,
# Japanese, Thai, Tamil, colloquial Arabic), hundreds and tens that group a phone, and
# romanised Bengali digits that are English words too. Appended so earlier ids stay.
more_words = [
 ("pl","PL","zadzwoń do mnie: pięćset dwanaście, trzysta czterdzieści pięć, sześćset siedemdziesiąt osiem", "512345678"),
 ("pl","PL","mój numer to sześć zero jeden, dwa trzy cztery, pięć sześć siedem", "601234567"),
 ("pl","PL","pisz na WhatsAppa: siedemset dziewięćdziesiąt dziewięć, osiemset osiemdziesiąt osiem, sto dwadzieścia trzy", "799888123"),
 ("pl","PL","tel. osiem osiem cztery zero zero jeden dwa dwa trzy, po 18", "884001223"),
 ("fa","IR","شماره من صفر نهصد و دوازده، سیصد و چهل و پنج، شصت و هفت، هشتاد و نه", "09123456789"),
 ("fa","IR","به این شماره زنگ بزن صفر نه سه پنج هفت شش پنج چهار سه دو یک", "09357654321"),
 ("fa","IR","واتساپم: صفر نهصد و سی و پنج، دویست و یازده، چهل و چهار، نود", "09352114490"),
 ("ko","KR","제 번호는 공일공 일이삼사 오육칠팔 입니다", "01012345678"),
 ("ko","KR","카톡 말고 문자 주세요 공일공-칠칠일이-삼사오육", "01077123456"),
 ("ko","KR","폰: 영일영 구팔칠육 오사삼이", "01098765432"),
 ("ko","KR","연락처 공 일 공 사 사 사 팔 구 구 구 구", "01044489999"),
 ("ja","JP","電話は ぜろきゅうぜろ いちにさんよん ごろくななはち です", "09012345678"),
 ("ja","JP","連絡先は 〇八〇 九八七六 五四三二 までお願いします", "08098765432"),
 ("ja","JP","デンワ ゼロハチゼロ イチニサンヨン ゴロクナナハチ", "08012345678"),
 ("ja","JP","番号 れいきゅうれい しちしちはちはち くくよんよん", "09077889944"),
 ("th","TH","โทร ศูนย์แปดหนึ่งสองสามสี่ห้าหกเจ็ดแปด", "0812345678"),
 ("th","TH","เบอร์ผมศูนย์เก้าหกเจ็ดแปดเก้าศูนย์หนึ่งสองสาม ทักมาได้เลย", "0967890123"),
 ("th","TH","ติดต่อ ศูนย์หกสาม สองสองสอง ห้าห้าห้าห้า นะคะ", "0632225555"),
 ("ta","IN","என் நம்பர் ஒன்பது எட்டு நாலு அஞ்சு ஒண்ணு ரெண்டு ஏழு மூணு ஆறு நாலு", "9845127364"),
 ("ta","IN","அழைக்கவும்: ஒன்பது ஒன்பது நான்கு நான்கு பூஜ்யம் ஒன்று இரண்டு மூன்று நான்கு ஐந்து", "9944012345"),
 ("ta","IN","வாட்ஸ்அப் எட்டு ஏழு ஆறு ஐந்து நாலு மூணு ரெண்டு ஒண்ணு சைபர் ஒம்போது", "8765432109"),
 ("ar-EG","EG","رقمي صفر واحد اتنين، تلاتة اربعة خمسة ستة، سبعة تمانية تسعة صفر", "01234567890"),
 ("ar-EG","EG","كلمني على صفر واحد واحد، خمسة تلاتة تمانية، اتنين اربعة تسعة سته وسبعة", "01153824967"),
 ("ar-LV","JO","رقمي صفر سبعة تسعة، تنين تلاتة اربعة خمسة، ستة سبعة تمانية", "0792345678"),
 ("ar-GULF","SA","واتساب صفر خمسة خمسة، ثنين ثلاثه اربعه، خمسه سته سبعه ثمانيه", "0552345678"),
 ("ar-EG","SA","الرقم: صفر خمسين، تلاتة وعشرين، خمسة وأربعين، سبعة و ستين، تمانية", "0502345678"),
 ("en","PK","my number is zero three hundred, five five one, two three four five", "03005512345"),
 ("en","PK","call me on zero three two one, five hundred, sixty seven, eighty nine", "03215006789"),
 ("id","ID","WA saya nol delapan lima tujuh, sembilan puluh, dua puluh satu, empat puluh, delapan puluh delapan", "085790214088"),
 ("bn-Latn","BD","amar number shunno ek saat at char tin panch choy dui ek noy", "01784356219"),
 ("bn-Latn","BD","phone korben: shunno ek pach tin at dui char choy shat noy ek", "01538246791"),
 ("bn-Latn","BD","amar whatsapp shunno ek noy char char at at tin tin ek ek, rate e call diben", "01944883311"),
 ("ar-EG","EG","ابعتلي على صفر و واحد و صفر، و خمسة و ستة و سبعة و تمانية، و تسعة و صفر و واحد و اتنين", "01056789012"),
 ("ja","JP","携帯 ぜろはちぜろ にーにーごーごー いちいちさんさん", "08022551133"),
 ("th","TH","เบอร์ ศูนย์เก้าโทโทสามสามสี่สี่ห้าห้า ครับ", "0922334455"),
 ("fa","IR","تلگرام ندارم، زنگ بزن صفر نه یک دو شیش شیش هفت هشت نه صفر یک", "09126678901"),
 ("ja","JP","ケータイはゼロキュウゼロのナナロクゴーヨンのサンニーイチゼロです", "09076543210"),
 ("ja","JP","でんわ:〇八〇の一一二二の三三四四", "08011223344"),
]
for lang, region, text, nat in more_words:
    pos(f"phone-number-words-{lang}", lang, region, text, e164(nat, region))
more_benign = [
 ("benign-price-polish","pl","PL","Cena: pięćset dwanaście złotych, dostawa w trzy dni, dwa lata gwarancji"),
 ("benign-counting-polish","pl","PL","Liczymy: jeden, dwa, trzy, cztery, pięć, sześć, siedem, osiem, dziewięć, dziesięć"),
 ("benign-price-persian","fa","IR","قیمت نهصد و پنجاه هزار تومان است، ارسال سه روزه و دو سال گارانتی"),
 ("benign-date-persian","fa","IR","جلسه روز بیست و پنج ساعت سه برگزار می‌شود"),
 ("benign-counting-korean","ko","KR","일 이 삼 사 오 육 칠 팔 구 십 세고 시작해요"),
 ("benign-korean-prose","ko","KR","이 일은 오늘 끝나요. 오백 원짜리 사과 삼 개, 십이월 이십오일에 만나요"),
 ("benign-japanese-counting","ja","JP","いち、に、さん、し、ご、ろく、しち、はち、きゅう、じゅう!"),
 ("benign-japanese-price","ja","JP","価格は五百円です、送料は三百円。十二月二十五日に発送します"),
 ("benign-japanese-prose","ja","JP","いちごとしごとのはなし、にしのくにへいきます"),
 ("benign-thai-price","th","TH","ราคาห้าร้อยบาท ส่งภายในสามวัน แก้ไขได้สองครั้ง"),
 ("benign-thai-counting","th","TH","นับ หนึ่ง สอง สาม สี่ ห้า หก เจ็ด แปด เก้า สิบ"),
 ("benign-tamil-prose","ta","IN","ரெண்டு நாள்ல முடிச்சிடுவேன், மூணு மாற்றம் இலவசம், விலை ஐநூறு ரூபாய்"),
 ("benign-arabic-colloquial-quantities","ar-EG","EG","عايز تلاتة كيلو وخمسة لتر، السعر ستين جنيه، والتوصيل يوم اتنين"),
 ("benign-arabic-colloquial-date","ar-LV","JO","منلتقي يوم خمسة وعشرين الساعة تمانية، ومعي تنين أصحاب"),
 ("benign-english-hundreds","en","PK","The order is three hundred and five dollars, five boxes arrived, two hundred left"),
 ("benign-indonesian-tens","id","ID","harganya sembilan puluh ribu, ongkir dua puluh ribu, sampai dalam tiga hari"),
 ("benign-english-at-tin","en","BD","See you at five near the tin shed, we char the steaks at eight and leave at nine"),
 ("benign-bengali-romanised-prose","bn-Latn","BD","ami tin ta boi kinbo, char din pore at the office dekha hobe, ek ghonta lagbe"),
 ("benign-english-tin-can","en","IN","a tin can, a char siu bun and at least one cup at six"),
 ("benign-arabic-and-quantities","ar-EG","EG","عندي تلاتة و أربعة أولاد، وخمسة و ستة كراسي، ونص كيلو"),
 ("benign-thai-degree","th","TH","จบปริญญาโท สองปีที่แล้ว ทำงานมาแล้วสามที่"),
 ("benign-japanese-katakana","ja","JP","オンラインでニーズに合わせてサンプルを作ります、ゴールは来週"),
 ("benign-japanese-address-no","ja","JP","住所は三の二の一です、二階の三号室。納品は五日の午後になります"),
 ("benign-korean-offer","ko","KR","안녕하세요! 로고 디자인 작업 가능합니다. 이틀이면 끝나고, 수정은 삼 회까지 무료예요. 가격은 오십만 원입니다. 일정은 이번 주 금요일까지 맞출게요."),
 ("benign-korean-request","ko","KR","이 사진 네 장을 오늘 안에 보정해 주실 수 있나요? 사이즈는 일 대 일로 부탁드려요. 이사 때문에 바빠서요."),
 ("benign-japanese-offer","ja","JP","こんにちは!ロゴのデザインは三日で仕上げます。修正は二回まで無料です。いちごのイラストも描けます。しごとの依頼ありがとうございます、よろしくお願いします。"),
 ("benign-thai-offer","th","TH","สวัสดีครับ ผมสามารถทำงานนี้เสร็จภายในสามวัน ราคาห้าพันบาท แก้ไขได้สองครั้ง ขอบคุณครับ"),
 ("benign-persian-offer","fa","IR","سلام، طراحی لوگو را در سه روز تمام می‌کنم. دو بار اصلاح رایگان است. قیمت نهصد هزار تومان است. نه، هزینه اضافه ندارد."),
 ("benign-tamil-offer","ta","IN","வணக்கம், இந்த வேலையை மூணு நாள்ல முடிச்சிடுவேன். ரெண்டு திருத்தம் இலவசம். விலை ஐநூறு ரூபாய். நாலு பக்கம் மட்டும்."),
 ("benign-arabic-colloquial-offer","ar","EG","أهلا، هخلص الشغل في تلات أيام، والسعر ستين دولار، وفيه اتنين تعديل مجاني، ولو عايز خمسة صفحات يبقى تمانين."),
 ("benign-bengali-romanised-offer","bn-Latn","BD","ami kaj ta tin din e shesh korbo, char ta revision free, at least ek bar call e kotha bolte chai na, price panch sho taka"),
]
for tag, lang, region, text in more_benign:
    ben(tag, lang, region, text)
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "numbers.jsonl"), "w") as f:
    for r in rows:
        f.write(json.dumps(r, ensure_ascii=False) + "\n")
print(len(rows))
