# Indonesian (formal and colloquial Jakarta style)
SLOTS = {
    "hi": ["", "", "halo kak, ", "halo, ", "permisi, ", "pagi kak, ", "selamat siang, ", "gan, ", "bang, ", "mas, ", "mbak, ", "oke kak, ", "makasih. "],
    "msgr": ["WA", "wa", "WhatsApp", "whatsapp", "Telegram", "tele", "tg", "Line", "IG", "DM IG", "Discord", "Skype", "Signal"],
    "meet": ["Zoom", "Google Meet", "gmeet", "Teams", "Skype"],
    "method": ["transfer bank", "BCA", "Mandiri", "BRI", "DANA", "OVO", "GoPay", "ShopeePay", "QRIS", "PayPal", "Wise",
               "Payoneer", "USDT", "crypto", "Western Union", "rekening BCA saya"],
    "ms": ["milestone berikutnya", "milestone 2", "milestone kedua", "milestone terakhir", "pembayaran terakhir",
           "sisa pembayaran", "pelunasan", "termin kedua"],
    "site": ["platform", "situs ini", "Upwork", "Fiverr", "Sribulancer", "Projects.co.id", "aplikasi ini"],
    "fee": ["fee", "potongan", "potongan 20%", "biaya admin", "komisi"],
    "pct": ["20%", "10%", "lumayan banyak", "hampir 20%"],
    "work": ["logo", "website", "aplikasi", "terjemahan", "video", "landing page", "toko online", "laporan", "desain"],
    "amt": ["Rp 2 juta", "Rp500rb", "$200", "1,5jt", "150 dolar", "Rp 750.000"],
    "tool": ["Zoom", "Google Meet", "Teams", "MS Teams", "Slack", "Asana", "Trello", "Notion", "Jira", "ClickUp", "Loom", "Calendly", "Discord", "HubSpot", "Xero", "QuickBooks", "Canva", "Figma", "Google Workspace", "Monday.com", "Airtable", "Zapier", "WhatsApp Business", "Skype", "Microsoft 365", "Basecamp"],
    "techm": ["WhatsApp", "Telegram", "Line", "WhatsApp Business API", "Discord"],
    "techp": ["Midtrans", "Xendit", "QRIS", "GoPay", "PayPal", "Stripe", "DANA"],
    "day": ["besok", "hari Senin", "hari Jumat", "nanti sore", "jam 3", "minggu depan"],
    "who": ["ada klien", "klien tadi", "seorang buyer", "ada orang", "freelancer lain", "klien sebelumnya"],
}

T = {
"solicit_contact": """
named: {hi}lanjut di {msgr} aja[| ya|, lebih gampang|, biar cepet]
named: {hi}[minta|boleh minta] nomor {msgr}[nya|] [dong|kak|gan|?]
named: {hi}punya {msgr}? [ngobrol di sana aja|kita lanjut di sana|]
named: {hi}[add|tambahin] aku di {msgr}[ ya| dong| biar bisa diskusi]
named: {hi}bisa pindah ngobrol ke {msgr}[?| aja?]
named: {hi}[chat|hubungi|kontak] saya lewat {msgr}[ aja| ya| kalau sempat]
named: {hi}saya jarang buka di sini, [chat|hubungi] di {msgr} aja
meet: {hi}[call|meeting] di {meet} aja [di luar|terpisah|]? linknya aku kirim lewat japri
generic: {hi}[japri|japri aja|kita japri aja] [ya|kak|gan|biar enak]
generic: {hi}lanjut di luar [platform|situs ini|sini] aja
generic: {hi}bisa ngobrol secara pribadi? [di sini dipantau|jangan di sini|]
generic: {hi}[minta|boleh minta|kirim] [nomor|no hp|nomor pribadi|email|kontak] [kamu|kakak|anda][| biar bisa langsung| saya telpon]
generic: {hi}ini nomor pribadi saya, [langsung telpon|chat langsung] aja
generic: {hi}boleh saya telpon langsung[| nanti malam| ke hp]?
generic: {hi}chat di sini [lemot|error terus|dipantau], ngobrol di tempat lain aja yuk
generic: {hi}gimana cara hubungin kamu di luar {site}?
evasive: {hi}cari nama saya di [FB|Facebook|LinkedIn|IG] terus [DM|chat] di sana
evasive: {hi}di sini gak bisa kirim nomor, cari aku di {msgr}, namanya sama
""",
"solicit_payment": """
named: {hi}bayarnya [lewat|via|pakai] {method} aja[| ya| kak|?]
named: {hi}saya cuma terima {method}[| kak|, bisa?]
named: {hi}transfer {amt} ke {method} [saya|aku] nanti langsung [saya kerjakan|aku mulai] [hari ini|]
named: {hi}nanti saya kirim nomor {method}nya, bayar ke situ aja
named: {hi}{method} bisa gak buat bayar? [lebih cepet|biar gak kena {fee}|]
named: {hi}saya bayar langsung [lewat|via] {method} aja[ ya, biar hemat {fee}| gimana?|]
milestone: {hi}{ms} langsung transfer ke {method} [saya|aku] aja, jangan lewat {site}
milestone: {hi}{ms} [kita bayar|dibayar] di luar {site}[ via {method}| langsung|]
milestone: {hi}kontraknya ditutup di sini, {ms} bayarnya lewat {method}
milestone: {hi}{ms} gak usah di-fund di {site}, langsung [kirim|transfer] [via {method}|aja]
milestone: {hi}biar gak kena {fee}, {ms} [langsung|di luar] aja ya?
fee: {hi}bayar langsung aja biar gak kena {fee}
fee: {hi}{site} motong {pct}, [langsung|di luar] aja [kak|gan|]
fee: {hi}kalau bayar di luar saya kasih diskon
fee: {hi}ngapain kasih {pct} ke {site}? bayar langsung aja, sama-sama untung
generic: {hi}[transfer|kirim] [uangnya|DP-nya|sisanya|pembayarannya] langsung ke rekening [saya|pribadi saya]
generic: {hi}transfer ke rekening [sepupu|adik|kakak|istri] saya aja, [rekening saya lagi bermasalah|sama aja]
generic: {hi}bayar cash aja [pas ketemu|langsung|COD]
generic: {hi}[setengah di sini|DP di sini], sisanya [di luar|langsung|via {method}]
""",
"none": """
tools: [terbiasa pakai|menguasai|tools:|berpengalaman dengan] {tool}, {tool}, {tool} dan {tool}[|, sesuai yang dipakai tim kakak]
tools: tim kami pakai {tool} untuk [tugas|rapat internal] dan {tool} untuk [dokumen|call][|, akses diberikan setelah kontrak]
refusal: {hi}maaf, saya cuma [kerja|terima pembayaran|komunikasi] lewat {site}[| kak| demi keamanan]
refusal: {hi}saya gak bisa kasih [nomor|email|WA] sebelum kontrak, lanjut di sini aja ya
refusal: {hi}saya gak terima pembayaran di luar {site}[, maaf|, melanggar aturan|, biar sama-sama aman]
refusal: {hi}semuanya di {site} aja ya[| kak]
refusal: {hi}nggak, saya gak mau keluar dari {site}. bayar lewat milestone aja
internal: {hi}tolong [release|fund|approve] {ms} [di platform|di {site}|lewat kontrak]
internal: {hi}{ms} sudah saya [submit|kirim], [tolong dicek dan di-approve|kabari kalau ada revisi]
internal: {hi}pakai video call dari platform aja {day}[| buat bahas {work}]
internal: {hi}{ms} sudah saya fund[| {amt}], silakan mulai
internal: {hi}kirim filenya di chat sini aja[| di workroom| di platform]
feature: {hi}saya butuh bot {techm} [buat toko online|buat customer service|buat kirim update pesanan]
feature: {hi}bisa integrasi {techp} [ke website saya|ke aplikasi|di checkout]?
feature: {hi}[webhook|API|sandbox] {techp} [error|kena 401|gagal terus] [sejak kemarin|di production|]
feature: {hi}tambahin tombol "[chat via|share ke] {techm}" di landing page
smalltalk: {hi}[wkwk|haha|] {techm} [down|lemot] [kemarin|dari pagi]
smalltalk: {hi}keluarga saya semua pakai {techm}[ wkwk|]
schedule: {hi}jadwalin call [di sini|di platform] {day}?
schedule: {hi}saya sudah kirim undangan meeting lewat platform untuk {day}
rules: {hi}[FYI,|sekadar info,] {site} melarang [tukar kontak|pembayaran di luar] sebelum kontrak
rules: {hi}di aturan, semua pembayaran harus lewat {site}
report: {hi}{who} minta dibayar lewat {method}, saya [tolak|laporkan|gak mau]
report: {hi}{who} minta nomor {msgr} saya, [saya laporkan|gak saya kasih]
report: {hi}gimana cara lapor klien yang minta bayar di luar {site}?
project: {hi}harga {work} {amt}[, sudah termasuk fee|]
project: {hi}{ms} {amt}[, deadline {day}|]
project: {hi}halaman pembayaran di HP [salah hitung fee|ada bug]
project: {hi}tolong perbaiki validasi field [nomor HP|email] di form
project: {hi}kita bahas di call platform {day}
""",
}

# ---- putaran kedua
SLOTS["wd"] = ["Payoneer", "rekening bank", "PayPal", "Wise", "BCA", "Jenius"]
T["solicit_contact"] += """
inperson: {hi}kita satu kota kan, [ketemuan aja|ngopi bareng|mampir ke kantor] sambil bahas {work}
client: {hi}ini [nomor langsung|nomor pribadi] saya, [telpon|WA|SMS] aja [kapan aja|{day}]
client: {hi}[asisten|partner] saya nanti telpon langsung, [kirim nomornya|minta nomornya] ya
after: {hi}[begitu kamu accept|kalau deal], kita pindah ke {msgr}[ buat update harian|, lebih enak|]
after: {hi}saya bikin grup {msgr} sama tim saya, [ngobrolnya di situ|biar gak pakai chat ini]
vague: {hi}ada cara lain [buat hubungin kamu|biar bisa ngobrol]?
"""
T["solicit_payment"] += """
invoice: {hi}kirim invoicenya [lewat email|langsung|di luar] aja, nanti saya bayar [lewat {method}|langsung]
cancel: {hi}kontraknya [cancel|tutup] aja [di sini|sekarang], sisanya saya bayar [langsung|via {method}|di luar]
bonus: {hi}saya kasih [tip|bonus|tambahan] lewat {method}[, gak lewat {site}| terpisah|]
client: {hi}saya [biasa|selalu] bayar freelancer lewat {method}, [gak apa-apa|bisa]?
client: {hi}[kirim|berapa] nomor [rekening|DANA|OVO|GoPay] kamu[ buat pembayaran|?]
"""
T["none"] += """
withdraw: {hi}penghasilan dari {site} saya tarik ke {wd}[ tiap minggu| sebulan sekali|]
withdraw: {hi}penarikan ke {wd} [masih pending|butuh 3 hari|udah masuk][, makasih sudah release milestone|]
funding: {hi}saya tambahkan [kartu|PayPal] sebagai metode pembayaran di {site}[ buat fund {ms}|]
bonus: {hi}nanti saya kirim bonus lewat {site}[ buat kerja tambahan| setelah {ms}|]
nochannel: {hi}saya gak pakai {msgr}[ buat kerja|, maaf|, di sini aja|]
nochannel: {hi}gak perlu tukeran [nomor|email], chat ini udah cukup
scam: {hi}[hati-hati|waspada], penipu [selalu|sering] minta [pindah ke {msgr}|bayar lewat {method}|bayar di luar]
project: {hi}tambahin tombol [kontak|WA|telpon] di footer
"""

# ---- putaran ketiga (kalimatnya dibuat beda dari pesan tulisan tangan di natural/)
T["solicit_contact"] += """
email: {hi}pindah ke email aja buat [dokumen|file|urusan lainnya]? [chat ini ribet|lebih praktis|]
email: {hi}saya lebih enak lewat email, alamatnya [ada di profil|ada di CV] saya
callback: {hi}[bunyiin sekali terus matiin|misscall] ke nomor saya [kalau senggang|nanti malam][, sisanya saya yang urus|]
callback: {hi}saya telpon [sekarang|semenit lagi], angkat nomor yang gak dikenal ya
sms: {hi}titik [ketemu|jemput]nya SMS-in ke HP saya[, gak bawa laptop|, lagi di jalan|]
google: {hi}[toko|studio|usaha] saya muncul paling atas di Google, [telpon nomor yang di situ|nomornya ada di web]
meetq: {hi}[interview|call]-nya lewat {meet} aja bisa? [itu yang kami pakai di internal|timnya di sana semua|]
"""
T["solicit_payment"] += """
split: {hi}di kontrak isi [nominal formalitas|minimal] aja [biar kelihatan normal|buat formalitas], uang [aslinya|utamanya] kita beresin [lewat {method}|secara pribadi]
feecover: {hi}potongan dari {method} saya yang tanggung, terima aja di sana
limit: {hi}[rekening saya dibekukan|dana masuk saya lagi ketahan] [sampai bulan depan|sekarang], kirim ke [abang|sepupu|partner] saya, nanti dia terusin
visit: {hi}bagian [pemasangan|pengiriman] saya bayar tunai [di hari itu|di rumah], aplikasinya gak perlu tahu
"""
T["none"] += """
discount: {hi}{fee} lumayan numpuk, ada kemungkinan diskon sedikit di penawarannya?
support: {hi}berapa hari penarikan ke {wd} dari {site} masuk?
support: {hi}bisa gak {wd} dihubungkan buat penarikan di {site}?
released: {hi}barusan saya approve {ms} di {site}[, kerja bagus!|, bintang lima|, dananya segera masuk|]
otp: {hi}user harus dapat kode [lewat SMS|di HP] waktu daftar, bisa dibikin pakai Twilio atau sejenisnya?
invoiceup: {hi}lampirkan invoice kamu di [milestone|kontrak] di {site}[ buat pencatatan|]
dontsend: {hi}belum perlu tukar [kontak|nomor], semuanya tetap [di chat ini|di {site}] sampai kontrak mulai
payon: {hi}begitu {work} di-approve, pembayaran penuh cair lewat {site}
offered: {hi}{who} ngiming-imingi [bonus|uang tambahan|tarif lebih tinggi] biar saya terima bayaran lewat {method}, [ogah|saya tolak]
"""

# ---- putaran keempat
T["solicit_contact"] += """
social: {hi}[connect|follow|add] saya di [LinkedIn|IG|TikTok] terus [ngobrol di sana|saya DM]
social: {hi}[gabung|saya undang] ke [server Discord|grup Telegram|grup WA] kami [buat koordinasi|untuk proyek ini]
voice: {hi}kirim [VN|voice note|rekaman suara] lewat {msgr}[ soal detailnya| biar jelas|]
"""
T["solicit_payment"] += """
giftcard: {hi}mau terima [voucher|gift card|kode Google Play] sebagai bayaran?
"""
T["none"] += """
allowed: {hi}{who} pengen dibayar [langsung|di luar|lewat {method}] — [emang boleh|melanggar aturan gak|perlu saya laporin]?
feeq: {hi}{site} ambil berapa persen untuk kontrak [per jam|harga tetap|jangka panjang]?
wallet: {hi}kami lagi bikin [dompet kripto|aplikasi remitansi|aplikasi pembayaran P2P], butuh developer [mobile|backend|Flutter]
"""
T["solicit_payment"] += """
billme: {hi}tagih aja saya lewat {method}[, jangan di sini|, di luar {site}|, tanpa kontrak]
ownsite: {hi}di [website|situs] saya ada halaman pembayaran, [DP|sisanya|pelunasan] bayar di sana aja[ biar gak kena {fee}|]
mtcn: {hi}kirim lewat agen [Western Union|MoneyGram|remitansi] terus SMS-in [kode MTCN|kode pengambilan]-nya, nanti saya ambil
"""
T["none"] += """
plain: {hi}bisa [header-nya dibesarin|font-nya diganti|pakai warna brand kami|intronya dipendekin] di {work}?
plain: {hi}[makasih|mantap], [bagus banget|persis yang saya mau|versi kedua paling oke][, feedback saya kirim {day}|, cuma satu revisi kecil|]
plain: {hi}[timeline|ketersediaan] kamu buat {work} gimana? [kami butuh {day}|gak buru-buru|]
plain: {hi}saya sudah [upload|share] [brief|file logo|kontennya] di atas, [kabari kalau ada yang kurang|cek aja kalau sempat]
"""
