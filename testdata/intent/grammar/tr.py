# Turkish
SLOTS = {
    "hi": ["", "", "merhaba, ", "selam, ", "iyi günler, ", "hocam, ", "abi, ", "kardeşim, ", "tamam, ", "teşekkürler. ", "hayırlı işler, "],
    "msgr_n": ["WhatsApp", "whatsapp", "wp", "vatsap", "Telegram", "telegram", "BiP", "Instagram", "insta", "Skype", "Discord", "Signal"],
    "msgr_dan": ["WhatsApp'tan", "whatsapptan", "wp'den", "wpden", "Telegram'dan", "telegramdan", "BiP'ten", "Instagram'dan", "instadan", "Skype'tan", "Discord'dan", "Signal'den"],
    "msgr_a": ["WhatsApp'a", "whatsappa", "wp'ye", "Telegram'a", "telegrama", "BiP'e", "Instagram'a", "Skype'a", "Discord'a", "Signal'e"],
    "meet": ["Zoom", "Google Meet", "Meet", "Teams", "Skype"],
    "method": ["havale", "EFT", "IBAN", "Papara", "PayPal", "Wise", "Payoneer", "USDT", "kripto", "Binance", "Western Union", "Ininal", "banka transferi"],
    "ms": ["sonraki aşama", "bir sonraki milestone", "2. aşama", "ikinci taksit", "son ödeme", "kalan tutar", "geri kalanı", "bakiye"],
    "site": ["platform", "site", "Upwork", "Fiverr", "Bionluk", "Armut", "uygulama"],
    "fee": ["komisyon", "kesinti", "%20 kesinti", "hizmet bedeli", "sitenin payı"],
    "pct": ["%20", "%10", "neredeyse %20", "ciddi bir pay"],
    "work": ["logo", "web sitesi", "uygulama", "çeviri", "video", "landing page", "e-ticaret sitesi", "rapor", "tasarımlar"],
    "amt": ["5.000 TL", "200 dolar", "$150", "3 bin lira", "80 euro", "12.500 TL"],
    "techm": ["WhatsApp", "Telegram", "BiP", "Discord", "WhatsApp Business API"],
    "techp": ["iyzico", "PayTR", "Stripe", "PayPal", "Papara", "Apple Pay"],
    "day": ["yarın", "pazartesi", "cuma günü", "bu akşam", "saat 15'te", "haftaya"],
    "who": ["bir müşteri", "müşteri", "adamın biri", "başka bir freelancer", "biri", "bir alıcı"],
}

T = {
"solicit_contact": """
named: {hi}{msgr_dan} devam edelim[| mi?|, daha kolay|, daha hızlı olur]
named: {hi}beni {msgr_n} [üzerinden|] [ekle|ekler misin|ekleyin][| lütfen| konuşalım]
named: {hi}{msgr_n} var mı? [oradan konuşalım|oradan yazarım|]
named: {hi}{msgr_n} numaranı [at|gönder|verir misin][| yazayım| oradan konuşuruz]
named: {hi}konuşmayı {msgr_a} taşıyabilir miyiz?
named: {hi}bana {msgr_dan} [yaz|yazın|ulaş][| müsait olunca| hemen]
named: {hi}buraya pek girmiyorum, {msgr_dan} [yazın|ulaşın]
meet: {hi}{meet} üzerinden [görüşelim|bir call yapalım] [ayrıca|dışarıdan|]? linki özelden atarım
generic: {hi}platform dışında [konuşalım|devam edelim|görüşelim]
generic: {hi}özelden konuşabilir miyiz? [burası takip ediliyor|burada olmaz|]
generic: {hi}[numaranı|telefon numaranı|kişisel numaranı|mailini|e-postanı|iletişim bilgini] [at|ver|gönder][| direkt konuşalım| arayayım]
generic: {hi}kişisel numaramı veriyorum, [direkt ara|direkt yaz]
generic: {hi}seni direkt arayabilir miyim[| akşam| cepten]?
generic: {hi}buradaki chat [çok yavaş|sürekli bozuluyor|denetleniyor], başka yerden konuşalım
generic: {hi}{site} dışında sana nasıl ulaşırım?
evasive: {hi}[Facebook'ta|LinkedIn'de|Instagram'da] adımı arat, oradan yaz
evasive: {hi}burada numara yazamıyorum, {msgr_dan} aynı isimle bul beni
""",
"solicit_payment": """
named: {hi}ödemeyi {method} ile [yapabilir misin|yapar mısınız|yap][| direkt| lütfen]
named: {hi}[sadece|yalnızca] {method} [kabul ediyorum|alıyorum][|, olur mu?]
named: {hi}{amt} {method} ile gönder, [bugün|hemen] başlıyorum
named: {hi}{method} bilgilerimi atıyorum, oraya [gönder|yatır]
named: {hi}{method} ile ödeme olur mu? [daha hızlı|{fee} olmaz|]
named: {hi}sana {method} ile direkt öderim[, {fee} ödemeyiz|, uygun mu?|]
milestone: {hi}{ms} direkt {method} ile gönder, {site} üzerinden değil
milestone: {hi}{ms} {site} dışında [yapalım|ödeyelim][ {method} ile| direkt|]
milestone: {hi}sözleşmeyi burada kapatalım, {ms} {method} ile gönderirsin
milestone: {hi}{ms} {site} üzerinden fonlama, [direkt|{method} ile] gönder
milestone: {hi}{fee} ödememek için {ms} [direkt|dışarıdan] yapalım mı?
fee: {hi}direkt öde, {fee} ödemeyelim
fee: {hi}{site} {pct} kesiyor, [direkt|dışarıdan] çalışalım
fee: {hi}dışarıdan ödersen [indirim yaparım|fiyatı düşerim]
fee: {hi}neden {site} {pct} alsın? direkt öde, ikimiz de kazanalım
generic: {hi}[parayı|ön ödemeyi|kalanı] direkt [hesabıma|kişisel hesabıma] [yatır|gönder|at]
generic: {hi}[kuzenimin|kardeşimin|eşimin|arkadaşımın] hesabına [yatır|gönder], [benimki bloke|aynı şey]
generic: {hi}elden nakit [öderim|veririm][| görüşünce| buluşunca]
generic: {hi}[yarısı burada|ön ödeme burada], [kalanı|geri kalanı] [dışarıdan|direkt|{method} ile]
""",
"none": """
refusal: {hi}[kusura bakmayın,|üzgünüm,|maalesef] sadece {site} üzerinden [çalışıyorum|ödeme alıyorum|iletişim kuruyorum]
refusal: {hi}sözleşmeden önce [numaramı|mailimi|WhatsApp'ımı] paylaşamam, buradan devam edelim
refusal: {hi}{site} dışında ödeme kabul etmiyorum[, kusura bakma|, kurallara aykırı|, ikimiz için de güvenli]
refusal: {hi}her şeyi {site} üzerinde tutalım[| lütfen]
refusal: {hi}hayır, {site} dışına çıkmam. aşama üzerinden ödeme gayet iyi
internal: {hi}lütfen {ms} [platformda|sözleşme üzerinden|{site} üzerinden] [onaylayın|fonlayın|serbest bırakın]
internal: {hi}{ms} [teslim ettim|gönderdim], [kontrol edip onaylar mısınız|bir sorun varsa söyleyin]
internal: {hi}{day} platformun görüntülü aramasını kullanalım[| {work} için]
internal: {hi}{ms} [fonladım|oluşturdum][| {amt}], başlayabilirsin
internal: {hi}dosyaları buradan chatten at[| proje sayfasından| platformdan]
feature: {hi}[mağazam|müşteri desteği|sipariş bildirimleri] için bir {techm} botu lazım
feature: {hi}{techp} entegrasyonu [siteme|uygulamaya|ödeme sayfasına] yapabilir misin?
feature: {hi}{techp} [webhook'u|API'si|sandbox'ı] [çalışmıyor|401 veriyor|hata veriyor] [dünden beri|pazartesiden beri|canlıda|]
feature: {hi}landing page'e "{techm} ile [yazın|paylaş]" butonu ekle
smalltalk: {hi}[haha|sjsj|] {techm} [dün|sabahtan beri] [çöktü|çok yavaştı]
smalltalk: {hi}bizim [ailede|ofiste] herkes {techm} kullanıyor[ haha|]
schedule: {hi}{day} [burada|platformda] bir görüşme planlayalım mı?
schedule: {hi}platform üzerinden {day} için toplantı daveti gönderdim
rules: {hi}[bilginize,|hatırlatayım,] {site} sözleşmeden önce [iletişim bilgisi paylaşımına|dışarıdan ödemeye] izin vermiyor
rules: {hi}kurallara göre tüm ödemeler {site} üzerinden yapılmalı
report: {hi}{who} {method} ile ödeme istedi, [reddettim|şikayet ettim|kabul etmedim]
report: {hi}{who} {msgr_n} numaramı istedi, [şikayet ettim|vermedim]
report: {hi}dışarıdan ödeme isteyen müşteriyi nasıl şikayet ederim?
project: {hi}{work} için [fiyatım|teklifim] {amt}[, komisyon dahil|]
project: {hi}{ms} {amt}[, teslim {day}|]
project: {hi}ödeme sayfası mobilde [yanlış komisyon gösteriyor|hata veriyor]
project: {hi}formdaki [telefon|e-posta] alanının doğrulamasını düzelt
project: {hi}{day} platformdaki görüşmede konuşuruz
""",
}

# ---- ikinci tur
SLOTS["wd"] = ["Payoneer'a", "banka hesabıma", "PayPal'a", "Wise'a", "Ziraat hesabıma", "Papara'ya"]
T["solicit_contact"] += """
inperson: {hi}aynı şehirdeyiz, [buluşalım|bir kahve içelim|ofise gel], {work} konusunu yüz yüze konuşalım
client: {hi}bu benim [direkt numaram|kişisel cep numaram], [arayın|WhatsApp'tan yazın|SMS atın] [istediğiniz zaman|{day}]
client: {hi}[asistanım|ortağım] sizi direkt arayacak, numaranızı [atın|verin]
after: {hi}[teklifi kabul eder etmez|anlaşınca] {msgr_a} geçelim[, takip için|, daha pratik|]
after: {hi}ekiple bir {msgr_n} grubu kuruyorum, [orada konuşuruz|bu chat'i kullanmayalım]
vague: {hi}size ulaşmanın başka bir [yolu|yöntemi] var mı?
"""
T["solicit_payment"] += """
invoice: {hi}faturayı [mailden|direkt|platform dışından] gönderin, [{method} ile|direkt] öderim
cancel: {hi}sözleşmeyi [burada|şimdi] [iptal edelim|kapatalım], kalanını [direkt|{method} ile|dışarıdan] öderim
bonus: {hi}[bahşişi|bonusu|ekstrayı] {method} ile gönderirim[, {site} üzerinden değil| ayrıca|]
client: {hi}freelancer'lara [hep|genelde] {method} ile ödüyorum, [olur mu|sorun var mı]?
client: {hi}[IBAN'ını|Papara numaranı|PayPal mailini|hesap numaranı] [at|gönder][ ödeme için|]
"""
T["none"] += """
withdraw: {hi}kazancımı {site} üzerinden {wd} çekiyorum[ her hafta| ayda bir|]
withdraw: {hi}{wd} çekim [beklemede|3 gün sürüyor|geldi][, aşamayı onayladığın için teşekkürler|]
funding: {hi}{site} üzerinde [kartımı|PayPal'ı] ödeme yöntemi olarak ekliyorum[, sonra {ms} fonlarım|]
bonus: {hi}{site} üzerinden bonus gönderirim[ ekstra iş için| {ms} sonrası|]
nochannel: {hi}iş için {msgr_n} kullanmıyorum[, kusura bakma|, buradan devam edelim|]
nochannel: {hi}[numara|mail] paylaşmamıza gerek yok, bu chat yeterli
scam: {hi}[dikkat|aman], dolandırıcılar [hep|genelde] [{msgr_a} geçmeyi|{method} ile ödemeyi|dışarıdan ödemeyi] istiyor
project: {hi}footer'a [iletişim|WhatsApp|arama] butonu ekle
"""

# ---- üçüncü tur (natural/ altındaki elle yazılmış mesajlardan farklı ifadelerle)
T["solicit_contact"] += """
email: {hi}[evrakları|dosyaları|gerisini] mail üzerinden mi halletsek? [bu chat zahmetli|orası daha pratik|]
email: {hi}benim için mail daha rahat, adres [profilimde|CV'mde] yazıyor
callback: {hi}numarama [bir çağrı bırak|çalıp kapat][, müsait olunca| akşam][, gerisini ben hallederim|]
callback: {hi}[şimdi|birazdan] arıyorum, bilinmeyen numarayı aç
sms: {hi}[buluşma|teslim alma] noktasını telefonuma mesaj at[, yanımda laptop yok|, yoldayım|]
google: {hi}[dükkanım|stüdyom|şirketim] Google'da en üstte çıkıyor, [oradaki numarayı ara|telefon sitede yazıyor]
meetq: {hi}[mülakatı|görüşmeyi] {meet} üzerinden yapabilir miyiz? [şirket içinde onu kullanıyoruz|bütün ekip orada|]
"""
T["solicit_payment"] += """
split: {hi}sözleşmeye [sembolik bir tutar|en azını] koy, [görüntü olsun|formalite icabı], asıl [parayı|tutarı] [{method} ile|aramızda] hallederiz
feecover: {hi}{method} ne kesinti yaparsa benden, sen sadece oradan al
limit: {hi}[hesabım donduruldu|gelen ödemelerim takıldı] [gelecek aya kadar|şimdilik], [abime|kuzenime|ortağıma] gönder, o bana iletir
visit: {hi}[montaj|teslimat] kısmını [o gün|evde] nakit öderim, uygulamanın bilmesine gerek yok
"""
T["none"] += """
discount: {hi}{fee} birikince epey tutuyor, teklifte ufak bir indirim olur mu?
support: {hi}{site} üzerinden {wd} çekim kaç günde geliyor?
support: {hi}{site} üzerinde çekim için {wd} bağlanabiliyor mu?
released: {hi}{site} üzerinde {ms} az önce onayladım[, harika iş!|, beş yıldız|, para yakında gelir|]
otp: {hi}kayıtta kullanıcıya [SMS ile|telefona] kod gitmeli, Twilio ya da benzeriyle yapabilir misin?
invoiceup: {hi}faturanı {site} üzerindeki [aşamaya|sözleşmeye] ekle[, muhasebe için|]
dontsend: {hi}şimdilik [iletişim bilgisi|numara] değişmeye gerek yok, sözleşme başlayana kadar her şey [bu chat'te|{site} üzerinde] kalabilir
payon: {hi}{work} onaylanır onaylanmaz ödemenin tamamı {site} üzerinden çıkar
offered: {hi}{who} {method} ile almam için [bonus|ekstra para|daha yüksek ücret] teklif ederek beni kandırmaya çalıştı, [asla|reddettim]
"""

# ---- dördüncü tur
T["solicit_contact"] += """
social: {hi}[LinkedIn'den|Instagram'dan|TikTok'tan] [ekle|takip et|bağlantı kur], oradan [konuşuruz|DM atarım]
social: {hi}[Discord sunucumuza|Telegram grubumuza|WhatsApp grubumuza] [katıl|seni ekleyeyim] [koordinasyon için|proje için]
voice: {hi}{msgr_dan} [sesli mesaj|ses kaydı] [at|gönder][ detaylarıyla| anlatarak|]
"""
T["solicit_payment"] += """
giftcard: {hi}ödemeyi [hediye kartıyla|Steam kartıyla|Google Play koduyla] alır mısın?
"""
T["none"] += """
allowed: {hi}{who} [direkt|dışarıdan|{method} ile] ödeme istiyor — [buna izin var mı|kurallara aykırı değil mi|şikayet edeyim mi]?
feeq: {hi}{site} [saatlik|sabit fiyatlı|uzun] sözleşmelerde ne kadar kesiyor?
wallet: {hi}[kripto cüzdan|para transferi uygulaması|P2P ödeme uygulaması] geliştiriyoruz, [mobil|backend|Flutter] geliştirici arıyoruz
"""
T["solicit_payment"] += """
billme: {hi}bana {method} üzerinden [fatura kes|ödeme iste][, burada değil|, {site} dışında|, sözleşmesiz]
ownsite: {hi}kendi [sitemde|web sitemde] ödeme sayfası var, [kaporayı|kalanı] oradan öde[, {fee} ödemeyiz|]
mtcn: {hi}bir [Western Union|MoneyGram|PTT] şubesinden gönder, [MTCN|referans] kodunu bana mesaj at, ben çekerim
"""
T["none"] += """
plain: {hi}{work} için [başlığı büyütebilir misin|fontu değiştirebilir misin|marka renklerimizi kullanabilir misin|girişi kısaltabilir misin]?
plain: {hi}[teşekkürler|harika], [çok güzel olmuş|tam istediğim gibi|ikinci versiyon daha iyi][, yorumlarımı {day} gönderirim|, sadece küçük bir değişiklik|]
plain: {hi}{work} için [süren|takvimin] nasıl? [{day} lazım|acelesi yok|]
plain: {hi}[brief'i|logo dosyalarını|metinleri] yukarıya [yükledim|paylaştım], [eksik bir şey varsa söyle|müsait olunca bak]
"""
