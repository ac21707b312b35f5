# Chinese (Simplified, mainland chat style, some Hong Kong/Taiwan wording)
SLOTS = {
    "hi": ["", "", "你好，", "您好，", "哈喽，", "亲，", "老板，", "在吗？", "好的，", "谢谢。", "嗨，"],
    "msgr": ["微信", "vx", "VX", "wx", "V信", "QQ", "企鹅", "飞机", "电报", "TG", "Telegram", "WhatsApp", "Line", "Skype", "钉钉"],
    "meet": ["Zoom", "腾讯会议", "Google Meet", "Teams", "飞书"],
    "method": ["支付宝", "微信支付", "微信转账", "银行卡", "银行转账", "PayPal", "Wise", "Payoneer", "USDT", "U", "泰达币",
               "比特币", "西联汇款", "PayPal好友付款", "我的银行账户"],
    "ms": ["下一个里程碑", "下个阶段", "第二期", "第二笔款", "尾款", "最后一笔", "剩下的钱", "余款"],
    "site": ["平台", "这个网站", "Upwork", "Fiverr", "猪八戒", "这个App"],
    "fee": ["手续费", "平台抽成", "佣金", "20%的抽成", "服务费"],
    "pct": ["20%", "10%", "两成", "快20%"],
    "work": ["logo", "网站", "App", "翻译", "视频剪辑", "落地页", "网店", "报告", "设计稿"],
    "amt": ["2000元", "500块", "$200", "150美元", "1万", "3000人民币"],
    "techm": ["微信", "企业微信", "Telegram", "WhatsApp", "钉钉", "飞书"],
    "techp": ["支付宝", "微信支付", "Stripe", "PayPal", "银联", "Apple Pay"],
    "day": ["明天", "周一", "周五", "今天下午", "下午三点", "下周"],
    "who": ["有个客户", "那个客户", "有个人", "另一个自由职业者", "一个买家"],
}

T = {
"solicit_contact": """
named: {hi}[我们|咱们]{msgr}上[聊|联系|沟通][吧|，方便点|，回复快|]
named: {hi}加[个|一下|我]{msgr}[吧|呗|，细聊|]
named: {hi}你有{msgr}吗？[那边聊|我加你|]
named: {hi}[发|给|留]一下你的{msgr}[号|][，我加你|，方便联系|]
named: {hi}能不能转到{msgr}上聊？
named: {hi}[有空|方便的话]{msgr}[找我|私聊我|联系我]
named: {hi}我不常上这个网站，[直接|]{msgr}[联系|找]我
meet: {hi}[用|开]个{meet}[会议|电话][聊聊|吧]？链接我私发给你
generic: {hi}[我们|咱们]去平台外面[聊|谈|沟通]吧
generic: {hi}能私聊吗？[这里有人看|这里不方便|]
generic: {hi}[留个|给我|发一下][电话|手机号|私人号码|邮箱|联系方式][，直接聊|，我打给你|]
generic: {hi}这是我私人号码，[直接打给我|直接联系我]
generic: {hi}我能直接给你打电话吗？[|晚上方便吗？|打你手机可以吗？]
generic: {hi}这里聊天[太卡|老出问题|被监控]，换个地方聊吧
generic: {hi}在{site}外面怎么联系你？
evasive: {hi}[脸书|领英|小红书|抖音]上搜我名字，在那边私信我
evasive: {hi}这里发不了号码，{msgr}上搜同名就是我
evasive: {hi}[加个V|加个威|加个微|+v]，[号在头像里|头像上有]
""",
"solicit_payment": """
named: {hi}[能|可以]用{method}[付|付款|转]吗？
named: {hi}我[只收|只接受|一般收]{method}[|，行吗？]
named: {hi}{method}[转|打]{amt}[过来|给我]，我[今天|马上]开工
named: {hi}我发你{method}[账号|收款码]，[直接转|付到那里]就行
named: {hi}{method}可以吗？[快一点|省{fee}|]
named: {hi}我直接用{method}付你[，省{fee}|，可以吗？|]
milestone: {hi}{ms}直接[转|打]我{method}，别走{site}了
milestone: {hi}{ms}[我们|咱们][私下|线下|平台外]付[吧|，用{method}|]
milestone: {hi}合同在这边结束，{ms}你[用{method}|直接]转我
milestone: {hi}{ms}别在{site}上托管了，[直接|用{method}]给我
milestone: {hi}为了省{fee}，{ms}[私下|直接]付行吗？
fee: {hi}直接付我，省[掉|]{fee}
fee: {hi}{site}抽{pct}，[我们|咱们][私下|直接]交易吧
fee: {hi}[私下|平台外]付款的话给你[打折|便宜点]
fee: {hi}干嘛给{site}{pct}？直接付，双赢
generic: {hi}[钱|定金|尾款]直接打到我[个人|]账户[上|]
generic: {hi}转到我[表哥|弟弟|老婆|朋友]的账户，[我的卡被冻了|一样的]
generic: {hi}见面[付现金|给现金|现金结]
generic: {hi}[一半在这里付|定金走平台]，剩下的[私下|直接|{method}]给
""",
"none": """
refusal: {hi}[不好意思，|抱歉，]我只[通过|在]{site}[接单|收款|沟通]
refusal: {hi}签合同之前我不能[给|发][电话|邮箱|微信]，我们就在这里聊吧
refusal: {hi}我不接受{site}以外的付款[，抱歉|，违反规定|，这样对双方都安全]
refusal: {hi}[所有|一切][沟通|付款]都在{site}上进行吧
refusal: {hi}不了，我不会离开{site}交易，走里程碑付款就行
internal: {hi}麻烦在[平台上|合同里|{site}上][释放|托管|确认]{ms}
internal: {hi}{ms}我已经提交了，[麻烦审核一下|有问题告诉我]
internal: {hi}{day}用平台自带的视频通话[吧|聊{work}]
internal: {hi}{ms}我已经[托管|创建]好了[，{amt}|]，可以开始了
internal: {hi}文件直接在这里的聊天[窗口|]发就行
feature: {hi}我需要[做|开发]一个{techm}[机器人|小程序][，给店铺用|，做客服|，推送订单通知|]
feature: {hi}你能在[网站|App|结账页]上接入{techp}吗？
feature: {hi}{techp}的[回调|接口|沙箱][一直报错|返回401|调不通][，从昨天开始|，线上环境|]
feature: {hi}在落地页加一个“[{techm}咨询|分享到{techm}]”按钮
smalltalk: {hi}[哈哈|笑死|]{techm}[昨天|一上午][崩了|好卡]
smalltalk: {hi}我家里人都用{techm}[哈哈|]
schedule: {hi}{day}[在这里|在平台上]约个通话？
schedule: {hi}我已经通过平台发了{day}的会议邀请
rules: {hi}[提醒一下，|说明一下，]{site}不允许签约前[交换联系方式|站外付款]
rules: {hi}按照条款，所有付款都必须走{site}
report: {hi}{who}让我用{method}付款，我[拒绝了|举报了|没理他]
report: {hi}{who}要我的{msgr}，我[举报了|没给]
report: {hi}有客户要求站外付款，怎么举报？
project: {hi}{work}的[报价|价格]是{amt}[，含手续费|]
project: {hi}{ms}是{amt}[，{day}到期|]
project: {hi}手机上付款页面[手续费算错了|有bug]
project: {hi}表单里[手机号|邮箱]字段的校验[修一下|有问题]
project: {hi}{day}在平台的通话里再讨论
""",
}

# ---- 第二轮
SLOTS["wd"] = ["Payoneer", "银行卡", "PayPal", "Wise", "招商银行卡", "支付宝"]
T["solicit_contact"] += """
inperson: {hi}咱们在同一个城市，[见个面|一起喝个咖啡|来我办公室]聊聊{work}吧
client: {hi}这是我的[直线电话|私人手机]，[随时打给我|加我微信|发短信给我][|，{day}都行]
client: {hi}我[助理|合伙人]会直接打给你，[留个电话|把手机号发我]
after: {hi}[你接受邀请后|谈妥之后]我们转到{msgr}上[沟通|，方便每天同步|]
after: {hi}我拉个{msgr}群，把团队拉进来，[以后在群里聊|不用这个聊天了]
vague: {hi}还有别的方式能联系到你吗？
"""
T["solicit_payment"] += """
invoice: {hi}发票[发我邮箱|直接给我|走平台外]，我[用{method}|直接]付
cancel: {hi}合同[在这里取消|现在关掉]，剩下的我[直接|用{method}|私下]付给你
bonus: {hi}[小费|奖金|额外的钱]我用{method}发你[，不走{site}|，单独给|]
client: {hi}我[一直|一般]用{method}给外包付款，[可以吗|没问题吧]？
client: {hi}把你的[银行卡号|支付宝账号|PayPal邮箱|U地址]发我[，好付款|]
"""
T["none"] += """
withdraw: {hi}我[每周|每个月]把{site}的收入提现到{wd}
withdraw: {hi}提现到{wd}[还在处理中|要三天|已经到账了][，谢谢你释放里程碑|]
funding: {hi}我在{site}上把[银行卡|PayPal]添加为付款方式[，然后托管{ms}|]
bonus: {hi}我通过{site}给你发个奖金[，感谢额外的工作|，{ms}之后|]
nochannel: {hi}我工作不用{msgr}[，抱歉|，就在这里聊吧|]
nochannel: {hi}不用交换[电话|邮箱]，这个聊天就够了
scam: {hi}[小心|注意]，骗子[总是|经常]让人[转到{msgr}|用{method}付款|站外付款]
project: {hi}在页脚加一个[联系|微信|电话]按钮
"""

# ---- 第三轮（措辞刻意与 natural/ 里的手写消息不同）
T["solicit_contact"] += """
email: {hi}[资料|文件|后面的事]改用邮件沟通？[这个聊天太难用|邮件方便点|]
email: {hi}我习惯用邮件，地址在[我的资料页|简历]上
callback: {hi}[响一声就挂|给我打个未接]，[有空的时候|晚上]就行[，剩下的我来|]
callback: {hi}我[现在|一分钟后]打过去，陌生号码记得接
sms: {hi}[见面地点|取货点]发短信到我手机上[，我没带电脑|，我在路上|]
google: {hi}我的[店|工作室|公司]在百度上排第一，[打上面的电话|网站上有电话]
meetq: {hi}[面试|通话]能不能用{meet}？[我们内部用这个|整个团队都在上面|]
"""
T["solicit_payment"] += """
split: {hi}合同里[象征性地放一点|只放最低金额]做做样子，[真正的钱|大头][走{method}|私下]结
feecover: {hi}[PayPal|Wise|银行转账|西联汇款]扣多少手续费都算我的，你在那边收就行
limit: {hi}[我的账户被冻结了|我这边收款卡住了][，下个月才能解冻|，暂时用不了|]，[钱|款]打给我[哥|表哥|合伙人]，他转给我
visit: {hi}[安装|送货]那部分[当天|在我家]现金结，不用让App知道
"""
T["none"] += """
discount: {hi}{fee}加起来不少，报价能不能稍微优惠一点？
support: {hi}从{site}提现到{wd}要几天？
support: {hi}{site}上能绑定{wd}提现吗？
released: {hi}刚在{site}上确认了{ms}[，做得很棒！|，五星好评|，钱很快到账|]
otp: {hi}用户注册时要[收到短信验证码|手机收到验证码]，你能用Twilio之类的做吗？
invoiceup: {hi}把发票附在{site}的[里程碑|合同]里[，方便财务入账|]
dontsend: {hi}现在还不用交换[联系方式|号码]，合同开始前都[在这个聊天里|在{site}上]说就行
payon: {hi}{work}一验收，全款就通过{site}放出来
offered: {hi}{who}用[奖金|额外的钱|更高的价格]诱惑我走{method}收款，[门都没有|我拒绝了]
"""

# ---- 第四轮
T["solicit_contact"] += """
social: {hi}[领英|小红书|抖音|微博]上[加我|关注我]，[那边聊|我私信你]
social: {hi}[进一下|我拉你进]我们的[Discord服务器|TG群|微信群][，方便协调|，项目都在里面聊|]
voice: {hi}{msgr}上[发条语音|录段语音][给我|说说细节]
"""
T["solicit_payment"] += """
giftcard: {hi}[礼品卡|京东卡|Steam卡]抵工钱可以吗？
"""
T["none"] += """
allowed: {hi}{who}要我[直接|站外|用{method}]付款，[这样允许吗|这违反规定吧|要不要举报]？
feeq: {hi}{site}对[按小时|固定价格|长期]合同抽多少？
wallet: {hi}我们在做[加密钱包|跨境汇款App|P2P支付App]，招[移动端|后端|Flutter]开发
"""
T["solicit_payment"] += """
billme: {hi}直接[用{method}|在{method}上]跟我结算[，别在这里|，不走{site}|，不走合同]
ownsite: {hi}我自己[网站|官网]上有付款页面，[定金|尾款]在那里付[，省{fee}|]
mtcn: {hi}去[西联|速汇金]网点汇，然后把[汇款监控号|取款码]发我，我去取
"""
T["none"] += """
plain: {hi}{work}里[标题能放大一点吗|字体能换一下吗|用我们的品牌色|开头能缩短一点吗]？
plain: {hi}[谢谢|太棒了]，[做得很好|正是我想要的|我更喜欢第二版][，{day}给你反馈|，只需要改一个小地方|]
plain: {hi}{work}你大概[多久能做完|什么时候有空]？[我们{day}要|不着急|]
plain: {hi}[需求文档|logo文件|文案]我已经[传|发]在上面了，[缺什么告诉我|有空看一下]
"""
