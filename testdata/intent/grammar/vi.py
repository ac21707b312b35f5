# Vietnamese (with and without some diacritics, chat style)
SLOTS = {
    "hi": ["", "", "chào bạn, ", "chào anh, ", "chào chị, ", "dạ ", "alo, ", "em chào anh, ", "ok bạn, ", "cảm ơn bạn. ", "anh ơi, ", "chị ơi, "],
    "msgr": ["Zalo", "zalo", "Facebook", "FB", "Mess", "Messenger", "Telegram", "tele", "Viber", "WhatsApp", "Skype", "Discord"],
    "meet": ["Zoom", "Google Meet", "Meet", "Teams", "Skype"],
    "method": ["chuyển khoản", "Momo", "MoMo", "ZaloPay", "VNPay", "Vietcombank", "Techcombank", "PayPal", "Wise", "Payoneer",
               "USDT", "crypto", "Binance", "Western Union", "tài khoản ngân hàng"],
    "ms": ["milestone tiếp theo", "milestone 2", "đợt thanh toán thứ hai", "đợt cuối", "khoản còn lại", "phần còn lại", "lần thanh toán cuối"],
    "site": ["nền tảng", "trang này", "web này", "Upwork", "Fiverr", "vLance", "app này"],
    "fee": ["phí", "phí sàn", "phí 20%", "hoa hồng", "phí dịch vụ"],
    "pct": ["20%", "10%", "gần 20%", "nhiều phí quá"],
    "work": ["logo", "website", "app", "bản dịch", "video", "landing page", "shop online", "báo cáo", "thiết kế"],
    "amt": ["5 triệu", "500k", "$200", "150 đô", "2tr", "3.000.000đ"],
    "techm": ["Zalo", "Messenger", "Telegram", "Zalo OA", "WhatsApp"],
    "techp": ["Momo", "VNPay", "ZaloPay", "PayPal", "Stripe", "OnePay"],
    "day": ["mai", "thứ Hai", "thứ Sáu", "chiều nay", "lúc 3h", "tuần sau"],
    "who": ["một khách", "khách hàng", "có người", "một freelancer khác", "ông khách đó"],
}

T = {
"solicit_contact": """
named: {hi}mình [nói chuyện|trao đổi|nhắn] qua {msgr} [cho tiện|cho nhanh|nhé|đi]
named: {hi}[kết bạn|add] {msgr} với [mình|em|anh] [nhé|đi|với|]
named: {hi}bạn có {msgr} không? [mình nhắn qua đó|trao đổi bên đó cho tiện|]
named: {hi}cho [mình|em] xin [số|nick|tài khoản] {msgr}[| với| của bạn nhé]
named: {hi}mình chuyển qua {msgr} nói chuyện được không?
named: {hi}[nhắn|inbox|ib] [mình|em|anh] qua {msgr}[| khi rảnh| nhé]
named: {hi}mình ít vào đây lắm, [nhắn|liên hệ] qua {msgr} nhé
meet: {hi}mình [gọi|họp] qua {meet} [bên ngoài|riêng|] nhé? mình gửi link qua tin nhắn riêng
generic: {hi}mình [nói chuyện|trao đổi] bên ngoài [nền tảng|trang này|đây] nhé
generic: {hi}[ib riêng|inbox riêng|nhắn riêng] [đi|nhé|được không]? [ở đây bị theo dõi|ở đây không tiện|]
generic: {hi}cho mình xin [số điện thoại|sđt|số cá nhân|email|thông tin liên hệ][| nói chuyện trực tiếp| mình gọi]
generic: {hi}đây là số cá nhân của mình, [gọi trực tiếp|nhắn trực tiếp] nhé
generic: {hi}mình gọi trực tiếp [cho bạn|vào số di động của bạn] được không[| tối nay]?
generic: {hi}chat ở đây [chậm quá|hay lỗi|bị kiểm duyệt], mình qua chỗ khác nói nhé
generic: {hi}ngoài {site} thì liên hệ bạn kiểu gì?
evasive: {hi}tìm tên mình trên [Facebook|FB|LinkedIn] rồi nhắn bên đó nhé
evasive: {hi}ở đây không gửi số được, tìm mình trên {msgr} cùng tên nhé
""",
"solicit_payment": """
named: {hi}thanh toán qua {method} [nhé|được không|cho nhanh][| bạn]
named: {hi}mình chỉ nhận {method}[| thôi|, được không?]
named: {hi}[chuyển|gửi] {amt} qua {method} [là|thì] mình [làm luôn|bắt đầu] [hôm nay|ngay]
named: {hi}mình gửi thông tin {method}, bạn chuyển vào đó nhé
named: {hi}{method} được không bạn? [nhanh hơn|đỡ {fee}|]
named: {hi}mình trả bạn qua {method} trực tiếp[ cho đỡ {fee}| nhé|]
milestone: {hi}{ms} [chuyển|gửi] thẳng qua {method} nhé, đừng qua {site}
milestone: {hi}{ms} mình [làm|thanh toán] ngoài {site}[ qua {method}| trực tiếp|]
milestone: {hi}đóng hợp đồng ở đây, {ms} bạn chuyển qua {method}
milestone: {hi}đừng nạp {ms} trên {site}, [chuyển thẳng|gửi qua {method}] nhé
milestone: {hi}cho đỡ {fee}, {ms} mình [chuyển trực tiếp|làm ngoài] nhé?
fee: {hi}trả trực tiếp cho đỡ {fee}
fee: {hi}{site} lấy {pct}, mình làm [trực tiếp|bên ngoài] đi
fee: {hi}thanh toán ngoài thì mình giảm giá cho
fee: {hi}sao phải cho {site} {pct}? trả trực tiếp, cả hai cùng lợi
generic: {hi}[chuyển|gửi] [tiền|tiền cọc|phần còn lại] thẳng vào tài khoản [của mình|cá nhân mình]
generic: {hi}chuyển vào tài khoản [anh họ|em trai|vợ|chị] mình nhé, [tài khoản mình đang lỗi|cũng vậy thôi]
generic: {hi}[trả|đưa] tiền mặt [khi gặp|trực tiếp|tận tay]
generic: {hi}[một nửa ở đây|cọc ở đây], phần còn lại [bên ngoài|trực tiếp|qua {method}]
""",
"none": """
refusal: {hi}xin lỗi, mình chỉ [làm việc|nhận thanh toán|trao đổi] qua {site}[| thôi| cho an toàn]
refusal: {hi}mình không thể [gửi|chia sẻ] [số điện thoại|email|Zalo] trước khi có hợp đồng, mình trao đổi ở đây nhé
refusal: {hi}mình không nhận thanh toán ngoài {site}[, xin lỗi|, vi phạm quy định|, để cả hai an toàn]
refusal: {hi}mình giữ mọi thứ trên {site} nhé
refusal: {hi}không, mình không ra ngoài {site} đâu. thanh toán qua milestone là được
internal: {hi}bạn [duyệt|nạp tiền|giải ngân] {ms} [trên nền tảng|qua hợp đồng|trên {site}] giúp mình nhé
internal: {hi}mình đã [nộp|gửi] {ms}, [bạn kiểm tra và duyệt giúp nhé|có gì cần sửa báo mình]
internal: {hi}dùng cuộc gọi video của nền tảng {day} nhé[| để bàn về {work}]
internal: {hi}mình đã [nạp|tạo] {ms}[ {amt}|], bạn bắt đầu được rồi
internal: {hi}gửi file ngay trong chat này nhé[| của dự án| trên nền tảng]
feature: {hi}mình cần một con bot {techm} [cho shop|để chăm sóc khách hàng|gửi thông báo đơn hàng]
feature: {hi}bạn tích hợp {techp} [vào website|vào app|ở trang thanh toán] được không?
feature: {hi}[webhook|API|sandbox] của {techp} [không chạy|báo lỗi 401|bị lỗi] [từ hôm qua|trên bản live|]
feature: {hi}thêm nút "[chat qua|chia sẻ lên] {techm}" vào landing page
smalltalk: {hi}[haha|kkk|] {techm} [sập|lag] [hôm qua|cả sáng]
smalltalk: {hi}cả nhà mình đều dùng {techm}[ haha|]
schedule: {hi}đặt lịch gọi [ở đây|trên nền tảng] {day} nhé?
schedule: {hi}mình đã gửi lời mời họp qua nền tảng cho {day}
rules: {hi}[lưu ý,|nói trước là] {site} không cho [trao đổi liên hệ|thanh toán bên ngoài] trước khi có hợp đồng
rules: {hi}theo điều khoản thì mọi khoản thanh toán phải qua {site}
report: {hi}{who} bảo mình thanh toán qua {method}, mình [từ chối|báo cáo rồi|không làm]
report: {hi}{who} đòi {msgr} của mình, mình [báo cáo rồi|không cho]
report: {hi}báo cáo khách đòi thanh toán ngoài {site} thế nào?
project: {hi}giá {work} là {amt}[, đã gồm phí|]
project: {hi}{ms} là {amt}[, hạn {day}|]
project: {hi}trang thanh toán trên điện thoại [tính sai phí|bị lỗi]
project: {hi}sửa giúp phần kiểm tra ô [số điện thoại|email] trong form
project: {hi}mình bàn trong cuộc gọi trên nền tảng {day}
""",
}

# ---- lượt hai
SLOTS["wd"] = ["Payoneer", "tài khoản ngân hàng", "PayPal", "Wise", "Vietcombank", "Techcombank"]
T["solicit_contact"] += """
inperson: {hi}mình cùng thành phố mà, [gặp nhau|cà phê|qua văn phòng] nói chuyện về {work} nhé
client: {hi}đây là [số trực tiếp|số cá nhân] của mình, [gọi|nhắn Zalo|nhắn tin] [lúc nào cũng được|{day}]
client: {hi}[trợ lý|đối tác] của mình sẽ gọi trực tiếp cho bạn, [cho mình xin số|gửi số điện thoại] nhé
after: {hi}[khi bạn nhận job|chốt xong], mình chuyển qua {msgr}[ cập nhật hằng ngày|, tiện hơn|]
after: {hi}mình lập nhóm {msgr} với team, [nói chuyện bên đó|khỏi dùng chat này]
vague: {hi}còn cách nào khác để liên hệ bạn không?
"""
T["solicit_payment"] += """
invoice: {hi}gửi hóa đơn [qua email|trực tiếp|bên ngoài] cho mình, mình trả [qua {method}|trực tiếp]
cancel: {hi}[hủy|đóng] hợp đồng [ở đây|bây giờ], phần còn lại mình trả [trực tiếp|qua {method}|bên ngoài]
bonus: {hi}mình gửi [tiền tip|thưởng|thêm] qua {method}[, không qua {site}| riêng|]
client: {hi}mình [luôn|thường] trả freelancer qua {method}, [được không|ok chứ]?
client: {hi}cho mình [số tài khoản|số Momo|email PayPal|STK] [để chuyển tiền|nhé]
"""
T["none"] += """
withdraw: {hi}mình rút tiền từ {site} về {wd}[ mỗi tuần| mỗi tháng một lần|]
withdraw: {hi}lệnh rút về {wd} [đang chờ|mất 3 ngày|về rồi][, cảm ơn bạn đã duyệt milestone|]
funding: {hi}mình thêm [thẻ|PayPal] làm phương thức thanh toán trên {site}[ rồi nạp {ms}|]
bonus: {hi}mình gửi thưởng qua {site}[ cho phần việc thêm| sau {ms}|]
nochannel: {hi}mình không dùng {msgr}[ cho công việc|, xin lỗi|, nói ở đây nhé|]
nochannel: {hi}không cần trao đổi [số điện thoại|email], chat này là đủ rồi
scam: {hi}[cẩn thận|lưu ý], bọn lừa đảo [luôn|hay] đòi [chuyển qua {msgr}|thanh toán qua {method}|trả tiền bên ngoài]
project: {hi}thêm nút [liên hệ|Zalo|gọi điện] ở footer nhé
"""

# ---- lượt ba (diễn đạt khác với tin nhắn viết tay trong natural/)
T["solicit_contact"] += """
email: {hi}mình chuyển sang email cho [giấy tờ|file|phần còn lại] nhé? [chat này bất tiện|bên đó tiện hơn|]
email: {hi}mình quen dùng email hơn, địa chỉ [có trong hồ sơ|ghi trong CV] đó
callback: {hi}[đổ một hồi chuông rồi tắt|để lại cuộc gọi nhỡ] vào số mình[ lúc rảnh| tối nay][, phần còn lại để mình|]
callback: {hi}mình gọi [ngay đây|một phút nữa], bạn nghe máy số lạ nhé
sms: {hi}điểm [hẹn|lấy hàng] nhắn tin vào điện thoại mình nhé[, mình không mang laptop|, đang đi đường|]
google: {hi}[cửa hàng|studio|công ty] mình hiện đầu tiên trên Google, [gọi số trên đó|số điện thoại có trên web]
meetq: {hi}mình làm [phỏng vấn|cuộc gọi] qua {meet} được không? [nội bộ bên mình dùng cái đó|cả team ở đó|]
"""
T["solicit_payment"] += """
split: {hi}hợp đồng cứ để [số tiền tượng trưng|mức tối thiểu] cho có, tiền [thật|chính] mình tính [qua {method}|riêng với nhau]
feecover: {hi}phí bên {method} mình chịu hết, bạn cứ nhận ở đó
limit: {hi}[tài khoản mình bị đóng băng|tiền về của mình đang bị treo] [đến tháng sau|lúc này], gửi cho [anh trai|anh họ|đối tác] mình, họ chuyển lại
visit: {hi}phần [lắp đặt|giao hàng] mình trả tiền mặt [hôm đó|tại nhà], app không cần biết
"""
T["none"] += """
discount: {hi}{fee} cộng dồn cũng nhiều, báo giá bớt chút được không?
support: {hi}rút tiền từ {site} về {wd} mất mấy ngày vậy?
support: {hi}có liên kết {wd} để rút tiền trên {site} được không?
released: {hi}mình vừa duyệt {ms} trên {site}[, làm tốt lắm!|, năm sao|, tiền sắp về rồi|]
otp: {hi}khi đăng ký người dùng phải nhận mã [qua SMS|về điện thoại], bạn làm bằng Twilio hay tương tự được không?
invoiceup: {hi}đính kèm hóa đơn vào [milestone|hợp đồng] trên {site}[ để kế toán ghi sổ|]
dontsend: {hi}chưa cần trao đổi [liên hệ|số điện thoại] đâu, cho đến khi hợp đồng bắt đầu thì cứ để [trong chat này|trên {site}]
payon: {hi}{work} được duyệt là toàn bộ tiền sẽ giải ngân qua {site}
offered: {hi}{who} dụ mình bằng [tiền thưởng|tiền thêm|giá cao hơn] để nhận tiền qua {method}, [không đời nào|mình từ chối]
"""

# ---- lượt bốn
T["solicit_contact"] += """
social: {hi}[kết nối|follow|add] mình trên [LinkedIn|Insta|TikTok] rồi [nói chuyện bên đó|mình nhắn riêng]
social: {hi}[vào|mình mời bạn vào] [server Discord|nhóm Telegram|nhóm Zalo] của bên mình [để phối hợp|của dự án]
voice: {hi}gửi [tin nhắn thoại|voice] qua {msgr}[ nói chi tiết| cho dễ hiểu|]
"""
T["solicit_payment"] += """
giftcard: {hi}bạn có nhận [thẻ quà tặng|thẻ Steam|thẻ cào] thay tiền không?
"""
T["none"] += """
allowed: {hi}{who} muốn mình trả [trực tiếp|bên ngoài|qua {method}] — [vậy có được phép không|có vi phạm không|có nên báo cáo không]?
feeq: {hi}{site} lấy phí bao nhiêu với hợp đồng [theo giờ|giá cố định|dài hạn]?
wallet: {hi}bên mình đang làm [ví crypto|app chuyển tiền|app thanh toán P2P], cần dev [mobile|backend|Flutter]
"""
T["solicit_payment"] += """
billme: {hi}cứ [tính tiền|gửi hóa đơn] cho mình qua {method}[, đừng qua đây|, ngoài {site}|, khỏi hợp đồng]
ownsite: {hi}trên [website|trang riêng] của mình có trang thanh toán, [tiền cọc|phần còn lại] trả ở đó[ cho đỡ {fee}|]
mtcn: {hi}ra [đại lý Western Union|điểm MoneyGram|chỗ nhận kiều hối] gửi rồi nhắn mình [mã MTCN|mã nhận tiền], mình đi rút
"""
T["none"] += """
plain: {hi}bạn [làm header to hơn|đổi font|dùng màu thương hiệu|rút ngắn phần giới thiệu] trong {work} giúp mình nhé?
plain: {hi}[cảm ơn bạn|tuyệt quá], [đẹp lắm|đúng ý mình rồi|mình thích bản thứ hai hơn][, {day} mình gửi góp ý|, chỉ sửa một chút thôi|]
plain: {hi}bạn làm {work} mất [bao lâu|khi nào xong]? [bên mình cần {day}|không gấp đâu|]
plain: {hi}mình đã [tải|chia sẻ] [brief|file logo|nội dung] ở trên, [thiếu gì thì báo mình|rảnh thì xem giúp nhé]
"""

# ---- lượt năm: hỏi nói chuyện riêng/ngoài nền tảng, liên hệ ngoài trang, xin email/số riêng để gửi brief,
# người nhà trả tiền, chốt hợp đồng rồi chuyển khoản phần còn lại, phần nhỏ không cần qua sàn; phủ định khó.
SLOTS["rel"] = ["anh họ em", "chị họ mình", "anh trai em", "chị gái em", "em trai mình", "vợ anh", "chồng chị", "kế toán bên em", "mẹ em"]
SLOTS["contact"] = ["email riêng", "mail cá nhân", "số điện thoại", "sđt", "số Zalo", "sdt riêng", "thông tin liên hệ"]
T["solicit_contact"] += """
private: {hi}mình [qua chỗ khác|ra ngoài|nói chuyện riêng] [nói chuyện|trao đổi] được không[ ạ|]?
private: {hi}[minh|mình] [noi chuyen rieng|nhan rieng|ib rieng] duoc khong[ ban|]?
reach: {hi}[có|còn] [cách|kênh] nào [khác|riêng] để [mình|em] liên lạc [với bạn|với anh|với chị] [không|ko]?
reach: {hi}[lien he|liên hệ] [ban|bạn] ngoai [web|trang] nay [the nao|thế nào]?
brief: {hi}[cho mình xin|gửi mình|để lại] {contact}, [brief|tài liệu|yêu cầu] mình gửi qua đó
brief: {hi}{contact} của mình [đây|ở dưới], [gửi brief qua đó|nhắn trực tiếp nhé]
brief: {hi}[cho xin|gui] [sdt|email rieng|so zalo] [di|nhe], em gui file qua do
"""
T["solicit_payment"] += """
relative: {hi}người [trả tiền|thanh toán] là {rel}, [ảnh|chị ấy|họ] [gửi|bắn] tiền [vào tài khoản bạn|qua ngân hàng] [luôn|trực tiếp]
relative: {hi}[chuyen|chuyển] vao tai khoan {rel} [nhe|nha][, tk em bi khoa|]
settle: {hi}[anh|chị|bạn] đóng hợp đồng trên này xong thì phần còn lại em chuyển khoản [luôn|trực tiếp]
settle: {hi}[dong|đóng] hop dong o day xong, [phan con lai|phần còn lại] minh [ck|chuyen khoan] cho ban
extras: {hi}[mấy cái lặt vặt|phần sửa thêm|mấy việc nhỏ] không cần qua [sàn|nền tảng] đâu, mình trả thẳng
extras: {hi}[may viec nho|phan them] khong can qua san, [minh ck|em chuyen] truc tiep
"""
T["none"] += """
feeexp: {hi}phí dịch vụ [được trừ tự động|trừ khi rút tiền], nên số tiền nhận được sẽ [ít hơn|thấp hơn] một chút
feeexp: {hi}{site} tự trừ phí [khi thanh toán|khi rút], mình đã tính vào báo giá
chathere: {hi}{day} mình nói tiếp ở [đây|khung chat này] nhé
chathere: {hi}[mai|ngay mai] noi chuyen tiep o day nha
smalltalk: {hi}bố mẹ mình cuối cùng cũng [chuyển qua|dùng] {techm} rồi[ haha|]
gateway: {hi}web cần tích hợp cổng {techp} và [VNPay|Momo|thẻ ATM]
report: {hi}{who} [bảo|đòi] mình [chuyển khoản ngoài|trả qua Momo|nhắn Zalo], mình [từ chối|báo cáo] rồi
report: {hi}[co nguoi|{who}] [doi|bao] thanh toan ngoai san, minh [khong chiu|da report]
"""
