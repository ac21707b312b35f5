//! Context: what the words around a finding say about it.
//!
//! Detectors report what a text *contains*; this step decides what it *means*, with three
//! rules applied to every scan:
//!
//! - **Labels.** A number directly labelled as something else — "order #", "part number",
//!   "SKU", "invoice", "ticket", "version", "ISBN", a currency sign, a unit after it — is not a
//!   phone, however valid it would be as one.
//! - **Refusals and prohibitions.** A channel named or a request made under a negation in the
//!   same clause ("I can't share my email", "please don't text me on whatsapp", "we don't do
//!   payments outside the platform") is not an invitation. Concrete values (an address, a
//!   number) are never excused by a negation: "I can't share my number, it's 415…" still
//!   shares it.
//! - **Accounts of a request.** A request or a channel named in a sentence that reports a
//!   user, says the request was turned down, quotes the rule against it or tells what
//!   someone else asked ("reporting this user: he wanted payment by bank transfer", "ein
//!   Kunde wollte per PayPal zahlen, sie hat abgelehnt", "举报这个用户") is the writer's
//!   account of it, not the writer's own request: the words are data
//!   (`data/accounts.tsv`, per language). As with refusals, concrete values stay.
//! - **Mentions.** A channel name with no invitation shape is kept only when a concrete
//!   contact value stands right next to it ("whatsapp +44 7911 123456", "+1 415… (signal)").
//! - **Examples.** A value reserved for examples ([`Finding::is_placeholder`]: `example.com`,
//!   a published test card, 555-01xx) that its sentence presents as an example, a test or a
//!   stand-in ("use jane@example.org in the mockups", "テスト用カード", `data/example_cues.tsv`
//!   per language), or that stands in a code block, a config line or a quoted literal, is a
//!   stand-in and is not reported. Without such words it is reported, softly or as its rule
//!   says, since test suites stand these values in for real ones.
//!
//! Then duplicates are merged and findings are sorted by position.

use std::sync::LazyLock;

use regex::Regex;
use regex_automata::hybrid;
use regex_automata::nfa::thompson;
use regex_automata::{Anchored, Input};

use crate::lexicon::AccountRole;
use crate::normalize::{floor_char_boundary, Normalized};
use crate::{Finding, Kind};

/// Labels that make the number right after them something other than a phone: the pattern
/// of the text right before the number, which must end with it. Matched on the original
/// text: the words ignore ASCII case (`(?i-u:…)`, so no Unicode case folding such as `K` for
/// the Kelvin sign), which is what matching them on the ASCII-lower-cased text would find,
/// without lower-casing a long text for a few dozen bytes around each number.
const NUMBER_LABEL: &str = r"(?x)
        (?:
          \b(?i-u:part|order|invoice|inv|sku|lot|ticket|case|ref|reference|tracking|isbn|issn|ean|upc|gtin
            |version|ver|build|serial|model|receipt|transaction|txn|confirmation|booking|reservation
            |item|product|batch|zip|postal|postcode|account|acct|a/c|routing|aba|iban|meeting|passcode
            |pin|code|patent|policy|claim|contract|job|task|issue|pr|commit|row|page|pages|id|uid|user(?u:\s+)id
            |member|customer|client|employee|student|license|licence|registration|reg|vat|tax|ein|ssn
            |nif|siret|siren|cpf|cnpj|rfc|abn|asin|mpn|vin|imei|iccid|msisdn(?u:\s+)range|store|shipment|parcel
            |package|awb|bol|container|flight|train|seat|room|table|chapter|section|figure|fig|step
            |checkout|cart|auction|listing|offer|bid|quote|estimate|project|milestone|contract|ticket
            |record|file|doc|document|folder|batch|run|job|pid|port|error|err|status|exit|hash|sha|md5
            |pedido|factura|fatura|seguimiento|rastreio|rastreamento|commande|facture|suivi|bestellung
            |r(?u:é)servation|r(?u:é)f(?u:é)rence(?:\s+de\s+(?:r(?u:é)servation|commande|dossier))?
            |bestellnummer|rechnung|rechnungsnummer|sendungsnummer|ordine|fattura|spedizione|pesanan
            |resi|siparis|kargo|takip|pnr|jan|zamowienie|zam(?u:ó)wienie|faktura|faktury|przesy(?u:ł)ka
            |objedn(?u:á)vka|bestelling|factuur|zending|ordernummer|best(?u:ä)llning|bestilling
            |ordre|tilaus|lasku|baujahr|jahrgang|arxiv|doi|pmid|roll
            |kunden|kundennummer|auftragsnummer|vertragsnummer|belegnummer|re\.-|rg\.-
            # German compounds of -nummer and their -nr. short forms.
            |artikelnummer|artikel-nr|art\.-nr|art\.nr|teilenummer|sachnummer|seriennummer|buchungsnummer
            |buchungsnr|reservierungsnummer|vorgangsnummer|ticketnummer|aktenzeichen|bestellnr|rechnungsnr
            |auftragsnr|kundennr|lieferscheinnummer|lieferschein-nr
            # Case and file numbers, tax and company registers of other languages.
            |pratica|protocollo|segnalazione|btw|btw-nummer|kvk
            # VAT and tax numbers: USt-IdNr. ist DE 811…, partita IVA, GSTIN, NPWP.
            |ust-idnr\.?|ust-id-nr\.?|ustidnr\.?|ust-id|umsatzsteuer-id|steuernummer|steuer-id|steuer-nr\.?
            |partita\s+iva|p\.\s?iva|iva|tva|gstin|gst|npwp|kdv
            |(?u:инн|ИНН|кпп|КПП|огрн|ОГРН|огрнип|ОГРНИП|єдрпоу|ЄДРПОУ|іпн|ІПН))
          # AWB number, AWB नंबर, order رقم: the label's number word in any script.
          (?:\s*(?:(?i-u:number|numbers|no|nr|num|id|code|\#|nro|n\.|numaram|numarasi|numara)|numaras(?u:ı)|n(?u:°|º)|n(?u:ú)m\.?|নম্বর|নং|नंबर|नं|संख्या|क्रमांक|எண்|సంఖ్య|നമ്പർ|નંબર|ਨੰਬਰ
            |номер|번호|号|番号|رقم|نمبر|شماره|№|आईडी|আইডি|ஐடி|ఐడి|ಐಡಿ|ഐഡി|આઈડી|ਆਈਡੀ))?
          # the order is 5518..., el pedido es el 5518..., la facture est ...
          # Tagalog: ang tracking number niyo po ay 0917…; German: Ihre Bestellnummer lautet 0151…
          (?:\s+(?i-u:niyo|nyo|ninyo|mo|ko|namin|po))*
          (?:\s+(?:(?i-u:is|es|est|ist|lautet|era|was|adalah|ay)|(?u:é))(?:\s+(?i-u:el|la|o|a|the|le))?)?
          \s*[:\#=\-.]?\s*
          # A country's or a carrier's code in capitals before the number: VAT number DE 298…,
          # resi JNE 4017…
          (?:[A-Z]{2,4}\s*[:\-]?\s*)?
        # A purchase order in capitals or with its number word: in Tagalog po is a word of
        # politeness (txt me po 0917 ...).
        |\b(?:PO|P\.O\.|(?i-u:po)\s*(?i-u:number|no|nr|num|\#))(?:\s+(?i-u:number|is))*\s*[:\#=\-.]?\s*
        # A bill only with its number word: Bill 415... may be a person.
        |\b(?i-u:bill)\s*(?i-u:number|no|nr|num|\#)\s*[:\#=\-.]?\s*
        # The same labels in other scripts and in accented Latin: orders, invoices, tracking.
        |(?:الفاتورة|فاتورة|الطلب|التتبع|الشحنة|الطرد|المرجع|ট্র্যাকিং|অর্ডার|ইনভয়েস|ऑर्डर|ट्रैकिंग
            |इनवॉइस|पीएनआर|পিএনআর|ઓર્ડર|ਆਰਡਰ|အော်ဒါနံပါတ်|အော်ဒါ|заказ|заказа|счет|счёт|счета|трек|накладная|накладной|артикул|замовлення|рахунок
            |рахунку|订单|单号|快递|发票|运单|編號|注文番号|請求書|追跡番号|주문번호|송장번호|운송장
            |sipariş|đơn\s+hàng|mã\s+đơn|mã\s+vận\s+đơn|hóa\s+đơn|เลขพัสดุ|ใบแจ้งหนี้|คำสั่งซื้อ|فاکتور
            |کد\s+رهگیری|سفارش|ankara|বিল|बिल|பில்|ரசீது|ஆர்டர்|ఆర్డర్|బిల్లు|ഓർഡർ|ബിൽ|بل|ବିଲ୍|ଅର୍ଡର
            # the word for a code (a product's, a voucher's) in other scripts, and Vietnamese mã
            |کوڈ|کد|कोड|কোড|код|コード|代码|编码|代碼|編碼|코드|รหัส|m(?u:ã)(?:\s+s(?u:ố))?
            # bookings, reservations, serial and model numbers, invoices, in more scripts
            |বুকিং|बुकिंग|புக்கிங்|బుకింగ్|ബുക്കിംഗ്|ഇൻവോയ്സ്|இன்வாய்ஸ்|ఇన్వాయిస్|ಇನ್ವಾಯ್ಸ್|ઇન્વોઇસ
            |الحجز|حجز|رزرو|бронирования|бронювання|захиалгын|Захиалгын|захиалга|Захиалга|製造|型|品|予約|会員
            |예약|일련|모델|序列|型|预约|預約|房间|房間|sipari(?u:ş)|rezervasyon|fatura|seri
            # a pupil's roll number; a Khmer invoice (with its number word before it)
            |ରୋଲ|रोल|রোল|ரோல்|రోల్|លេខវិក្កយបត្រ|វិក្កយបត្រ
            # Hebrew invoices, orders and references; a Kannada invoice typed with the
            # zero-width non-joiner
            |חשבונית|החשבונית|הזמנה|ההזמנה|אסמכתא|ಇನ್‌ವಾಯ್ಸ್)
          (?:\s*(?:નંબર|ਨੰਬਰ|নম্বর|নং|नंबर|नम्बर|नं|संख्या|क्रमांक|எண்|సంఖ్య|ಸಂಖ್ಯೆ|നമ്പർ|ନମ୍ବର|номер|дугаар|번호|号|號|番号|番|رقم|نمبر|شماره|מספר|№|आईडी|আইডি|ஐடி|ఐడి|ಐಡಿ|ഐഡി|આઈડી|ਆਈਡੀ
            |(?i-u:no|nr|numaras(?u:ı)|numarasi)\b))?
          # Japanese marks the label as the topic: JANコードは4901…
          (?:は|が)?
          \s*[:：\#=\-.№]?\s*
        |\#\s*
        |[$€£¥₹₱₫₺₦৳฿₩₴₽₵]\s*
        # Currency codes and signs of the marketplaces' countries: Rp 1.500.000, KES 2,500.
        |\b(?i-u:usd|eur|gbp|cad|aud|inr|rs|brl|r\$|rp|idr|myr|php|vnd|kes|ksh|ngn|egp|sar|aed|pkr|bdt
            |lkr|thb|krw|jpy|cny|rmb|uah|rub|pln|chf|mxn|cop|ars|clp|pen|zar|ghs|try)\s*
        )";

/// [`NUMBER_LABEL`] as a lazy DFA that reads a text backwards from its end, anchored there:
/// a label must end where the number starts. The phone gate asks about every code of a long
/// document, nearly all of them labelled ("Order #", "Part number"), and this search reads
/// the dozen bytes of the label with none of the set-up a general regex search costs per
/// call. Lazy, its states are made as texts need them: a fully built DFA of this pattern
/// cost 66M instructions (about 15 ms) on every process's first scan.
static NUMBER_LABEL_BEFORE: LazyLock<hybrid::dfa::DFA> = LazyLock::new(|| {
    hybrid::dfa::DFA::builder()
        .thompson(thompson::Config::new().reverse(true))
        // `\b` as an ASCII word boundary, as `crate::lexicon::ascii_regex` makes it.
        .build(&NUMBER_LABEL.replace(r"\b", r"(?-u:\b)"))
        .expect("built-in pattern compiles")
});

thread_local! {
    /// This thread's states of [`NUMBER_LABEL_BEFORE`].
    static NUMBER_LABEL_CACHE: std::cell::RefCell<hybrid::dfa::Cache> =
        std::cell::RefCell::new(NUMBER_LABEL_BEFORE.create_cache());
}

/// Whether `before` ends with a [`NUMBER_LABEL`].
fn ends_with_label(before: &str) -> bool {
    let input = Input::new(before).anchored(Anchored::Yes).earliest(true);
    // The pattern has no Unicode word boundary and the cache is never given up on, so the
    // DFA never fails.
    let found = NUMBER_LABEL_CACHE.with(|cache| {
        NUMBER_LABEL_BEFORE
            .try_search_rev(&mut cache.borrow_mut(), &input)
            .ok()
            .flatten()
    });
    found.is_some_and(|label| !names_a_purpose(before, label.offset()))
}

/// Whether the label that starts at `at` of `before` names what the number after it is
/// for, not what it is: "برای سفارش: ۰۹۱۲…" ("to order:"), "ご予約は 090-…" (honorific "as
/// for reservations"), "예약은 010-…". A label with its number word ("予約番号は") stays one.
fn names_a_purpose(before: &str, at: usize) -> bool {
    let (head, label) = before.split_at(crate::normalize::floor_char_boundary(before, at));
    let label = label.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, ':' | '：'));
    let head = head.trim_end();
    let purpose_before = ["برای", "براى", "جهت", "ご", "お"]
        .iter()
        .any(|word| head.ends_with(word));
    let topic_after = ["予約は", "注文は", "예약은", "예약는", "주문은"]
        .iter()
        .any(|word| label.ends_with(word));
    let numbered = ["番号", "号", "號", "번호", "شماره", "رقم"]
        .iter()
        .any(|word| label.contains(word));
    !numbered && (purpose_before || topic_after)
}

/// Units right after a number, in any ASCII case (see [`NUMBER_LABEL`]).
static NUMBER_UNIT: LazyLock<Regex> = LazyLock::new(|| {
    crate::lexicon::ascii_regex(
        r"^\s*(?i-u:quadratmeter|qm|sqm|units|unit|pages|page|words|rows|items|pcs|pieces|px|pt|mb|gb|kb|tb|mbps|%|usd|eur|gbp|dollars|euros|hours|hrs|mins|minutes|days|views|followers|likes|downloads|users|times|copies|orders|sales|visits|subscribers|km|mi|kg|lbs|sq|sqft|ms|zl|pln|czk|huf|ron|lei|inr|rupees|idr|pkr|ngn|naira|kes|ksh|brl|reais|mxn|pesos|aed|sar|egp|vnd|thb|baht|rub|uah|kzt|bdt|taka)\b|^\s*%|^(?u:\s+(?:\p{Sc}|руб|грн|тг|zł|kč|ден|лв|so'm|сум|сом|टका|টাকা|रुपये|روپے|ريال|جنيه|درهم|تومان|ریال|บาท|元|円|원))",
    )
});

/// Cues that make the rest of a clause a refusal or a prohibition, in any ASCII case (see
/// [`NUMBER_LABEL`]), in the languages of the off-platform cue words. "no" is one only at the
/// start of the clause ("no whatsapp please", "sorry, no phone numbers"): inside one it is
/// as often Portuguese for "in the" ("me chama no zap", "me paga no pix").
static NEGATION: LazyLock<Regex> = LazyLock::new(|| {
    crate::lexicon::ascii_regex(
        r"(?i-u:^(?u:\s*)(?:(?:please|pls|sorry|so|but|and|just|ok|okay|oh|pero)[\s,]+)?no\b)|(?:^|(?u:\s))(?iu:не|нет|нельзя|никаких|никакие|никакой|никакого|ні|ніяких|жодних|жодного|жодної|δεν\s+χρειάζεται|μην|όχι|οχι|لا|مش|لن|ليس|مو|ممنوع|بلاش|مابدي|ماابي|مابي|không|đừng|chẳng|नहीं|মানা|नको)(?:(?u:\s)|$)|(?u:ما\s+(?:ب[^\s]+|رح|راح|أقدر|اقدر|نقدر|أبي|ابي|بدي|أحب|احب|أشتغل|اشتغل|نشتغل|نتعامل|يصير|ينفع)|مافي\s+داعي|ما\s+في\s+داعي)|(?u:(?:^|[^要何能会會可是方行好加])不(?:用|需要|必|加|私下|私聊|走|接受|支持|提供|给|給|会|會|能|方便加)|(?:^|[^要何能会會可是方行好加])不(?:用|需要|必|会|會|能)?$|别加|別加|istemiyorum|vermiyorum|paylaşmıyorum|paylasmiyorum|çalışmıyorum|calismiyorum|yapmıyorum|yapmiyorum|kabul etmiyorum|żadnych|żadnej|żadne|请不要|請不要|请勿|請勿|(?:^|[^可])不可以|禁止|不准|하지\s*마|하지\s*말|금지|しないで|ห้าม|ไม่(?:\s*$|ขอ|ใช้|ให้|แชร์|รับ|ส่ง|โอน|เอา|อยาก))|\b(?i-u:no)(?u:\s+)(?i-u:acept\w*|recib[oe]|recibimos|recibir|trabaj\w*|comparto|compartimos|compartir|pido|pidas|pidan|pedimos|hago|hacemos|cobro|cobramos|cobrar|doy|damos|ofrezco|ofrecemos|manejo|manejamos)\b|\b(?i-u:n(?u:ã)o|pas|jamais|non|tidak|jangan|huwag|bawal|hindi(?u:\s+)(?:(?:po|rin|din)(?u:\s+)){0,2}(?:ako|kami|ko)(?u:\s+)(?:po(?u:\s+))?(?:gumagamit|tumatanggap|nagbibigay|nagbabahagi|nagshe?share|nag-share|tinatanggap|ibinibigay|binibigay|ginagamit|magbibigay)|de(?u:ğ)il|yok|asla|nahi|nahin|mat\s+karo|not|never|can'?t|cannot|can(?u:\s+)not|won'?t|don'?t|do(?u:\s+)not|doesn'?t|does(?u:\s+)not|didn'?t|isn'?t|aren'?t|shouldn'?t|mustn'?t|wouldn'?t|couldn'?t|not(?u:\s+)allowed|against|prohibited|forbidden|refuse|instead(?u:\s+)of|rather(?u:\s+)than|unable|nope|nao|nunca|nicht|kein|keine|nie|nigdy|zadnych|niet|nooit|geen|gak|nggak|ngga|enggak|engga|gausah|kagak|ndak|tdk|ga(?u:\s+)usah|ga(?u:\s+)(?:bisa|boleh)|gk(?u:\s+)(?:bisa|boleh)|ga(?u:\s+)pernah|gak(?u:\s+)pernah|tak(?u:\s+)pernah|belum(?u:\s+)pernah|bukan|olmaz|hayir|hapana|kamwe|marufuku|haruhusiwi|si(?:wezi|taki|pendi|kubali|pokei|tumi|ngependa)|sita(?:ki|ka|weza|pokea|tuma|lipa|toa|kubali|fanya|hamia|ongea|andika|piga)[a-z]*|hatu(?:ta)?(?:tumii|pokei|fanyi|lipi|wezi|kubali|hami)[a-z]*|usi(?:ni|tu)?(?:tumie|lipe|tume|pige|andike|weke|hamie)[a-z]*)\b",
    )
});

/// Words right after a channel's name that put it aside, in the languages that say "instead
/// of" after the noun: Korean "카톡 대신" and "말고", Japanese "LINEではなく" and "の代わりに",
/// Turkish "WhatsApp yerine", Hindi and Urdu "ke bajaye" and "ki jagah" ("instead of X").
static INSTEAD_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    crate::lexicon::ascii_regex(
        r"^(?u:[\s'’]*(?:을|를|은|는|이|가|ın|in|un|ün|nın|nin|nun|nün|tan|ten|dan|den)?\s*(?:대신|말고|ではなく|じゃなくて|じゃなく|でなく|の代わりに|代わりに|yerine|ke\s+bajaye|ki\s+jagah|के\s+बजाय|की\s+जगह|کے\s+بجائے|کی\s+جگہ))",
    )
});

/// The longest quotation of someone else's words a report gives a value in.
const REPORTED_QUOTE: usize = 240;

/// The longest quotation read as a label of a screen or a term rather than a sentence.
const LABEL_QUOTE: usize = 48;

/// Whether `start..end` of `text` stands inside a short quotation: a screen's label, a
/// button or a term quoted in a translation or a bug report («Переказ за IBAN», 'UPI ID
/// डालें', 「银行转账」, "Pay with GPay"). A channel named there is the label's word, not a
/// way the writer offers to talk or be paid. A straight apostrophe opens a quotation only
/// after a space or a mark and closes one only before one ("'IBAN'a gönder'" is one
/// quotation, with a Turkish suffix inside).
pub(crate) fn in_short_quote(text: &str, start: usize, end: usize) -> bool {
    in_quotation(text, start, end, LABEL_QUOTE)
}

/// Whether `start..end` of `text` stands inside a quotation of at most `reach` bytes that
/// opens and closes on its line (see [`in_short_quote`]).
fn in_quotation(text: &str, start: usize, end: usize, reach: usize) -> bool {
    const OPEN: &[char] = &['«', '“', '„', '‘', '「', '『', '‹', '"', '\''];
    const CLOSE: &[char] = &['»', '”', '“', '’', '」', '』', '›', '"', '\''];
    let start = floor_char_boundary(text, start);
    let end = floor_char_boundary(text, end.max(start));
    // Chinese and Japanese put no space around a quotation: "句子是"方便加个微信吗？"和…".
    let bounded =
        |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric() || crate::normalize::is_cjk(c));
    let mut opened = None;
    for (i, c) in text[..start].char_indices().rev() {
        if start - i > reach
            || matches!(c, '\n' | '!' | '?' | '。')
            || c == '.' && reach == LABEL_QUOTE
        {
            break;
        }
        if OPEN.contains(&c) {
            let straight = matches!(c, '"' | '\'');
            if !straight || bounded(text[..i].chars().next_back()) {
                opened = Some((i, c));
                break;
            }
        }
        if CLOSE.contains(&c) && !matches!(c, '"' | '\'' | '“') {
            return false;
        }
    }
    let Some((open_at, open)) = opened else {
        return false;
    };
    for (i, c) in text[end..].char_indices() {
        let at = end + i;
        if at - open_at > reach || c == '\n' {
            return false;
        }
        let closes = match open {
            '«' => c == '»',
            '“' => c == '”' || c == '“',
            '„' => c == '“' || c == '”',
            '‘' => c == '’',
            '「' => c == '」',
            '『' => c == '』',
            '‹' => c == '›',
            straight => c == straight && bounded(text[at + c.len_utf8()..].chars().next()),
        };
        if closes {
            return true;
        }
    }
    false
}

/// Whether `after` (the text right after a channel's name) starts by putting it aside
/// ([`INSTEAD_AFTER`]: "카톡 대신", "LINEではなく", "WhatsApp yerine").
pub(crate) fn put_aside_after(after: &str) -> bool {
    INSTEAD_AFTER.is_match(after)
}

/// Words after a request that make it a rule being quoted: "off-platform payments are
/// strictly prohibited", "… is not allowed", "… violates the terms"; and in the other
/// languages job posts are written in, a rule or what happens to those who break it ("…
/// está prohibido", "le proposte che chiedono di … verranno scartate", "… werden
/// abgelehnt").
static PROHIBITED_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    crate::lexicon::ascii_regex(
        r"(?i)\b(?:(?:are|is)\s+(?:strictly\s+)?(?:prohibited|forbidden|banned|not\s+allowed|not\s+permitted|against)|violates?|violating|is\s+a\s+violation|are\s+a\s+violation|will\s+be\s+(?:rejected|ignored|declined|reported)|(?:está|están|esta|estan)\s+(?:prohibid|no\s+permitid)|(?:serán|seran)\s+(?:rechazad|descartad|ignorad)|(?:é|são|e|sao)\s+proibid|(?:serão|serao)\s+(?:recusad|descartad|ignorad)|(?:è|sono|e)\s+(?:vietat|proibit)|(?:verranno|saranno)\s+(?:scartat|rifiutat|ignorat)|(?:est|sont)\s+interdit|(?:seront|sera)\s+(?:rejet|refus|ignor|écart|ecart)|(?:ist|sind)\s+(?:verboten|nicht\s+erlaubt|untersagt)|werden\s+(?:abgelehnt|ignoriert|gelöscht|geloescht|aussortiert))",
    )
});

/// Whether the rest of the clause after `start..end` of `text` says the request is prohibited.
fn prohibited_after(text: &str, start: usize, end: usize) -> bool {
    let clause = clause_around(text, start, end);
    let offset = clause.as_ptr() as usize - text.as_ptr() as usize;
    let after = end.saturating_sub(offset).min(clause.len());
    clause
        .get(after..)
        .is_some_and(|rest| PROHIBITED_AFTER.is_match(rest))
}

/// A clause is at most this many bytes either side of what it is around: enough for any
/// sentence, and a text without punctuation stays linear.
const MAX_CLAUSE: usize = 200;

/// Whether byte `i` of `bytes` ends a clause: `!`, `?`, `;`, a line break, or a `.` before
/// whitespace or the end.
fn is_clause_boundary(bytes: &[u8], i: usize) -> bool {
    match bytes[i] {
        b'!' | b'?' | b';' | b'\n' => true,
        b'.' => bytes.get(i + 1).is_none_or(|b| b.is_ascii_whitespace()),
        _ => false,
    }
}

/// The clause of `text` around `start..end`: from the previous clause boundary (`.`, `!`, `?`,
/// `;`, a line break, ", but") to the next one.
pub fn clause_around(text: &str, start: usize, end: usize) -> &str {
    let bytes = text.as_bytes();
    let start = start.min(bytes.len());
    let end = end.clamp(start, bytes.len());
    let from = clause_start(text, start);
    &text[from..clause_end(text, end)]
}

/// Where the clause that byte `end` (at most `text.len()`) of `text` is in ends: at the next
/// clause boundary, at most [`MAX_CLAUSE`] bytes on.
fn clause_end(text: &str, end: usize) -> usize {
    let bytes = text.as_bytes();
    let mut to = end;
    while to < bytes.len() && to - end < MAX_CLAUSE && !is_clause_boundary(bytes, to) {
        to += 1;
    }
    floor_char_boundary(text, to)
}

/// Where the clause around byte `start` (at most `text.len()`) of `text` begins: after the
/// previous clause boundary, or after the last clause-joining separator before `start`.
fn clause_start(text: &str, start: usize) -> usize {
    let bytes = text.as_bytes();
    let mut from = start;
    while from > 0 && start - from < MAX_CLAUSE && !is_clause_boundary(bytes, from - 1) {
        from -= 1;
    }
    // Clause-joining conjunctions and commas start a new clause for negation purposes.
    let before = &text[floor_char_boundary(text, from)..floor_char_boundary(text, start)];
    let cut = last_clause_cut(before.as_bytes());
    floor_char_boundary(text, from + cut)
}

/// The end of the last clause-joining separator (", but ", " but ", ", ", " however ",
/// " though ", "but" of the other languages, in any ASCII case) in `before`, or 0: the
/// largest end of any occurrence of any of them. Every separator but the wide comma ends
/// with a space, so only the positions after a space or that comma are tried, from the end;
/// one backward pass instead of a substring search per separator.
fn last_clause_cut(before: &[u8]) -> usize {
    // Also "but" of the other languages of the cue files, and the Arabic and the wide comma.
    const SEPARATORS: &[&[u8]] = &[
        b", but ",
        b" but ",
        b", ",
        b" however ",
        b" though ",
        "\u{60c} ".as_bytes(),
        "\u{ff0c}".as_bytes(),
        b" pero ",
        b" mais ",
        b" aber ",
        b" tapi ",
        " nhưng ".as_bytes(),
        " но ".as_bytes(),
        " але ".as_bytes(),
        " بس ".as_bytes(),
        " لكن ".as_bytes(),
        b" lakini ",
        b" ama ",
    ];
    let wide_comma = "\u{ff0c}".as_bytes();
    let mut end = before.len();
    while end > 0 {
        if before[end - 1] == b' ' || before[..end].ends_with(wide_comma) {
            let head = &before[..end];
            if SEPARATORS.iter().any(|sep| {
                head.len() >= sep.len() && head[head.len() - sep.len()..].eq_ignore_ascii_case(sep)
            }) {
                return end;
            }
        }
        end -= 1;
    }
    0
}

/// Whether the number at `start..end` of `text` (the original text: case does not matter) is
/// labelled as something other than a phone: "order #", "part number XK-", "$", or a unit
/// after it. The phone detector asks this before parsing a digit run, and the context step
/// after, so the two always agree.
pub(crate) fn labelled_as_other(text: &str, start: usize, end: usize) -> bool {
    let start = floor_char_boundary(text, start);
    let end = floor_char_boundary(text, end.max(start));
    let before = &text[floor_char_boundary(text, start.saturating_sub(64))..start];
    // A code glued to letters ("serial number XK2231-117"): the label is before them.
    // So is a code with a prefix and a slash ("TRX/2024/118902"), or in fullwidth forms
    // ("ＩＮＶ－２０２４").
    let before = before.trim_end_matches(|c: char| {
        c.is_ascii_alphabetic()
            || ('\u{ff21}'..='\u{ff3a}').contains(&c)
            || ('\u{ff41}'..='\u{ff5a}').contains(&c)
            || matches!(c, '-' | '/' | '\u{ff0d}' | '\u{ff0f}')
    });
    let after = &text[end..floor_char_boundary(text, (end + 16).min(text.len()))];
    // The letters glued before may be the label themselves ("SKU-۴۴۷۸…", "INV-2024…").
    let glued = &text[floor_char_boundary(text, start.saturating_sub(16))..start];
    // A number read from the later groups of a longer one ("رقم الشحنة ٠١٠٢ ٣٣٤٥ ٦٧٨٩"):
    // the label is before its first group.
    let before_groups = before.trim_end_matches(|c: char| {
        crate::normalize::decimal_digit(c).is_some() || matches!(c, ' ' | '-' | '\u{a0}')
    });
    ends_with_label(before)
        || (before_groups.len() < before.len()
            && before.len() - before_groups.len() <= 24
            && ends_with_label(before_groups))
        || (glued.ends_with(|c: char| c.is_ascii_alphabetic() || c == '-' || c == '/')
            && ends_with_label(glued))
        || NUMBER_UNIT.is_match(after)
        || coded_with_year(text, start, end)
        || in_doi(text, start)
}

/// Whether the number at `start` of `text` is part of a DOI ("doi:10.1016/j.jclepro.2021.
/// 126789"): a token with `10.`, a registrant code of four or more digits and a `/` before
/// it (the DOI Handbook's syntax). Its digits name an article, not a phone.
fn in_doi(text: &str, start: usize) -> bool {
    let head = &text[floor_char_boundary(text, start.saturating_sub(96))..start];
    let token = head.rsplit(char::is_whitespace).next().unwrap_or(head);
    let bytes = token.as_bytes();
    token.match_indices("10.").any(|(i, _)| {
        let rest = &bytes[i + 3..];
        let registrant = rest.iter().take_while(|b| b.is_ascii_digit()).count();
        (i == 0 || !bytes[i - 1].is_ascii_digit())
            && registrant >= 4
            && rest.get(registrant) == Some(&b'/')
    })
}

/// Whether `start..end` of `text` is the year and serial of a document code glued to its
/// letters: "RE-2024-0815", "PRJ/2023/114", "inv-2025-00912". No numbering plan writes a
/// phone as a year, a separator and the rest after a word and a hyphen.
fn coded_with_year(text: &str, start: usize, end: usize) -> bool {
    let evidence = &text.as_bytes()[start..end];
    let year = evidence.len() > 5
        && matches!(&evidence[..2], b"19" | b"20")
        && evidence[2..4].iter().all(u8::is_ascii_digit)
        && matches!(evidence[4], b'-' | b'/');
    let head = &text.as_bytes()[..start];
    let prefixed = head.split_last().is_some_and(|(last, rest)| {
        let letters = rest
            .iter()
            .rev()
            .take_while(|b| b.is_ascii_alphabetic())
            .count();
        matches!(last, b'-' | b'/') && (1..=6).contains(&letters)
    });
    year && prefixed
}

/// The part of the clause before `start` (a char boundary): what [`clause_around`] gives from
/// its start to `start`, without reading on to the clause's end.
pub(crate) fn clause_before(text: &str, start: usize) -> &str {
    let start = floor_char_boundary(text, start);
    &text[clause_start(text, start).min(start)..start]
}

/// The sentence of `text` (the original text) before byte `start`: from the previous
/// sentence end, at most [`SENTENCE_REACH`] bytes back.
pub(crate) fn sentence_before(text: &str, start: usize) -> &str {
    let start = floor_char_boundary(text, start.min(text.len()));
    let (from, _) = sentence_bounds(text, start, start);
    &text[floor_char_boundary(text, from).min(start)..start]
}

/// The clause of `text` (the original text) after byte `end`: up to the next clause boundary,
/// at most [`MAX_CLAUSE`] bytes on.
pub(crate) fn clause_after(text: &str, end: usize) -> &str {
    let end = floor_char_boundary(text, end.min(text.len()));
    &text[end..clause_end(text, end).max(end)]
}

/// Whether any clause of `text` holds a refusal or a prohibition cue (see [`refused_before`]).
pub(crate) fn refuses_anywhere(text: &str) -> bool {
    NEGATION.is_match(text)
}

/// Whether the clause before byte `at` of `text` (the original text) holds a refusal or a
/// prohibition cue ("I can't", "we don't", "not allowed"): what excuses a channel mention or
/// a request starting at `at`, asked by detectors that place their own evidence (the intent
/// model's clause starts before the word that carries it).
pub(crate) fn refused_before(text: &str, at: usize) -> bool {
    NEGATION.is_match(clause_before(text, at)) || refused_list_before(text, at)
}

/// Words that join the items of a list ("Viber, WhatsApp or e-mail").
const LIST_JOINERS: &[&str] = &[
    "or", "and", "nor", "o", "y", "e", "ni", "ou", "et", "oder", "und", "weder", "noch", "atau",
    "dan", "или", "и", "ни", "або", "і", "чи", "ні", "lub", "albo", "i", "ani", "veya", "ya", "ve",
    "hoặc", "hoac", "và", "va", "au", "na", "at", "ba", "أو", "او", "oppure",
];

/// Words of contact details that may stand as an item of a list of channels ("I don't give
/// my number, WhatsApp or e-mail").
const CONTACT_ITEMS: &[&str] = &[
    "email", "e-mail", "mail", "number", "phone", "numero", "número",
];

/// Whether the item of a list at `at` follows a refusal that names the list's first item:
/// "I don't use Viber, WhatsApp or personal email", "hindi po ako tumatanggap ng GCash,
/// PayPal o bank transfer". The item is in a list when its clause, cut at the comma before
/// it, is at most three words that end with a word of [`LIST_JOINERS`] or when such a word
/// follows it within three words, and the item before the comma is a channel's name or a
/// word of contact details; up to three items are walked back to the refusal.
fn refused_list_before(text: &str, at: usize) -> bool {
    let is_joiner = |w: &str| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        LIST_JOINERS.iter().any(|j| j.eq_ignore_ascii_case(w))
    };
    let at = floor_char_boundary(text, at);
    let follows = text[at..]
        .split_whitespace()
        .take(3)
        .take_while(|w| !w.ends_with(['.', '!', '?', ';']))
        .any(is_joiner);
    let mut at = at;
    for _ in 0..3 {
        let clause = clause_before(text, at);
        let joined = clause.split_whitespace().next_back().is_some_and(is_joiner);
        if clause.split_whitespace().nth(3).is_some() || !(joined || follows) {
            return false;
        }
        let head = text[..at - clause.len()].trim_end();
        let Some(comma) = head.strip_suffix([',', '\u{60c}', '\u{3001}']) else {
            return false;
        };
        let previous = clause_before(text, comma.len());
        // The item before the comma is a channel's name or a word of contact details,
        // not the end of a complaint ("yahan ki chat theek nahi chalti, IMO ya Telegram?").
        let item = previous
            .rsplit(|c: char| c.is_whitespace())
            .next()
            .unwrap_or("")
            .trim_matches(|c: char| !c.is_alphanumeric());
        // Lowered whole: a capital of another script ("Вайбер") too.
        let item = item.to_lowercase();
        if !(CONTACT_ITEMS.contains(&item.as_str())
            || crate::detectors::channels::is_channel_name(&item))
        {
            return false;
        }
        if NEGATION.is_match(previous) {
            return true;
        }
        at = comma.len() - previous.len();
    }
    false
}

/// Spans sorted by start, for overlap questions in logarithmic time.
struct Spans {
    spans: Vec<(usize, usize)>,
    max_len: usize,
}

impl Spans {
    fn new(findings: &[Finding], keep: impl Fn(&Finding) -> bool) -> Spans {
        let mut spans: Vec<(usize, usize)> = findings
            .iter()
            .filter(|f| keep(f))
            .map(|f| (f.start, f.end))
            .collect();
        spans.sort_unstable();
        let max_len = spans.iter().map(|(s, e)| e - s).max().unwrap_or(0);
        Spans { spans, max_len }
    }

    /// Spans whose start lies in `from..to`.
    fn starting_in(&self, from: usize, to: usize) -> &[(usize, usize)] {
        let lo = self.spans.partition_point(|&(s, _)| s < from);
        let hi = self.spans.partition_point(|&(s, _)| s < to);
        &self.spans[lo..hi.max(lo)]
    }

    /// Whether any span satisfies `test` among those that can overlap `start..end`.
    fn any_near(&self, start: usize, end: usize, test: impl Fn(usize, usize) -> bool) -> bool {
        self.starting_in(start.saturating_sub(self.max_len), end.max(start) + 1)
            .iter()
            .any(|&(s, e)| test(s, e))
    }
}

/// Whether a finding is a request or a named channel with no concrete value in it: what an
/// account of someone else's request excuses. Handles, profile paths, IDs and cash tags are
/// values, and stay.
fn told_not_asked(finding: &Finding) -> bool {
    let rule = finding.rule;
    rule.starts_with("request/")
        || rule.starts_with("intent/")
        || matches!(
            rule,
            "channels/mention"
                | "channels/pay_via"
                | "channels/pay_cue"
                | "channels/ask"
                | "channels/invitation"
                | "channels/call_invitation"
                | "channels/verb"
                | "channels/move_conversation"
                | "channels/contact_cue"
                | "channels/call_cue"
        )
}

/// The account words (`data/accounts.tsv`) as one automaton over the folded, lower-cased
/// text, longest first. A DFA: it reads every text with a finding, a long document's
/// whole segment, and the default NFA follows its failure links byte by byte several times
/// slower.
static ACCOUNT_WORDS: LazyLock<aho_corasick::AhoCorasick> = LazyLock::new(|| {
    aho_corasick::AhoCorasick::builder()
        .kind(Some(aho_corasick::AhoCorasickKind::DFA))
        .match_kind(aho_corasick::MatchKind::LeftmostLongest)
        .build(crate::lexicon::account_words().iter().map(|w| &w.phrase))
        .expect("account word automaton")
});

/// Where the phrases of a word list stand in `text` (matched by `automaton`, built from
/// `phrases` in order), each with its index in the list, as spans of the original text
/// sorted by start. A phrase in ASCII must be whole words (a stem, `true` beside it, may
/// run on); one in other Latin or Cyrillic letters must start a word and may run on; one in
/// a script that joins words may sit inside a longer word.
fn phrase_spans<'p>(
    text: &Normalized<'_>,
    automaton: &aho_corasick::AhoCorasick,
    phrases: impl Fn(usize) -> Option<(&'p str, bool)>,
) -> Vec<(usize, usize, usize)> {
    // A sentence starts with a capital in any script ("Жалоба: …"), which the lower-cased
    // view has lowered.
    let mut spans: Vec<_> = phrase_hits(text.lower(), automaton, phrases)
        .map(|(start, end, index)| {
            let (start, end) = text.original_span(start, end);
            (start, end, index)
        })
        .collect();
    spans.sort_unstable();
    spans
}

/// The phrases of `automaton` (built over folded, lower-cased phrases) that stand as words in
/// `lower` (a folded, lower-cased text), as (start, end, phrase index) in `lower`. Phrases of
/// scripts that join words may sit inside longer ones. Others start a word ("просит" is not
/// in "спросите"); outside ASCII (Cyrillic, Polish, Turkish) they may run on into an
/// inflection ("правила" in "правилах"), and so may stems (`phrases` gives each phrase and
/// whether it is a stem).
pub(crate) fn phrase_hits<'a, 'p>(
    lower: &'a str,
    automaton: &'a aho_corasick::AhoCorasick,
    phrases: impl Fn(usize) -> Option<(&'p str, bool)> + 'a,
) -> impl Iterator<Item = (usize, usize, usize)> + 'a {
    // A letter or digit of any script just before or at a byte offset.
    let word_before = |at: usize| {
        lower[..at]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric)
    };
    let word_at = |at: usize| {
        lower[at..]
            .chars()
            .next()
            .is_some_and(char::is_alphanumeric)
    };
    automaton.find_iter(lower).filter_map(move |m| {
        let index = m.pattern().as_usize();
        let (phrase, stem) = phrases(index)?;
        let joined = !is_latin_or_cyrillic(phrase);
        let open_start = joined || !word_before(m.start());
        let open_end = joined || stem || !phrase.is_ascii() || !word_at(m.end());
        (open_start && open_end).then_some((m.start(), m.end(), index))
    })
}

/// Where account words stand in `text`, sorted by start.
fn account_spans(text: &Normalized<'_>) -> Vec<AccountSpan> {
    let words = crate::lexicon::account_words();
    phrase_spans(text, &ACCOUNT_WORDS, |i| {
        words.get(i).map(|w| (w.phrase.as_str(), w.stem))
    })
    .into_iter()
    // "不收" refuses a way of paying, but "不收手续费" is "no fee": a reason to pay that way.
    .filter(|&(start, end, _)| {
        let (span, after) = (&text.original[start..end], &text.original[end..]);
        !(span.ends_with('收') && crate::detectors::channels::names_a_fee(after))
    })
    .map(|(start, end, i)| {
        let word = &words[i];
        AccountSpan {
            start,
            role: word.role,
            verb_final: word.verb_final || !is_latin_or_cyrillic(&text.original[start..end]),
        }
    })
    .collect()
}

/// The example cues (`data/example_cues.tsv`) as one automaton over the folded, lower-cased
/// text, longest first.
static EXAMPLE_CUES: LazyLock<aho_corasick::AhoCorasick> = LazyLock::new(|| {
    aho_corasick::AhoCorasick::builder()
        .match_kind(aho_corasick::MatchKind::LeftmostLongest)
        .build(
            crate::lexicon::example_cues()
                .iter()
                .map(|(phrase, _)| phrase),
        )
        .expect("example cue automaton")
});

/// Where example cues stand in `text`, sorted by start.
fn example_cue_spans(text: &Normalized<'_>) -> Vec<(usize, usize)> {
    let cues = crate::lexicon::example_cues();
    phrase_spans(text, &EXAMPLE_CUES, |i| {
        cues.get(i).map(|(phrase, stem)| (phrase.as_str(), *stem))
    })
    .into_iter()
    .map(|(start, end, _)| (start, end))
    .collect()
}

/// Whether `finding` stands in a code block or on a config line (`SMTP_FROM=noreply@…`), or
/// its sentence has an example cue that is a word of its own: not inside a value (`example`
/// in `b@example.com`), a path or a domain.
fn presented_as_example(
    original: &str,
    finding: &Finding,
    cues: &[(usize, usize)],
    values: &[(usize, usize)],
) -> bool {
    let (start, end) = (finding.start, finding.end);
    let Some(before) = original.get(..start) else {
        return false;
    };
    if before.matches("```").count() % 2 == 1 || before.ends_with('=') {
        return true;
    }
    let bytes = original.as_bytes();
    let part_of_address = |s: usize, e: usize| {
        s.checked_sub(1)
            .and_then(|i| bytes.get(i))
            .is_some_and(|b| matches!(b, b'/' | b'.' | b'@'))
            || matches!(bytes.get(e), Some(b'/' | b'@'))
            || bytes.get(e) == Some(&b'.')
                && bytes.get(e + 1).is_some_and(u8::is_ascii_alphanumeric)
    };
    let (from, to) = sentence_bounds(original, start, end);
    cues.iter().any(|&(s, e)| {
        from <= s
            && e <= to
            && !values.iter().any(|&(vs, ve)| s < ve && vs < e)
            && !part_of_address(s, e)
    })
}

/// Where an account word stands, what it says, and whether its language ends a clause with
/// its verb (then "he asked" follows what was asked).
#[derive(Debug, Clone, Copy)]
struct AccountSpan {
    start: usize,
    role: AccountRole,
    verb_final: bool,
}

/// The sentence of `text` around `start..end`: from the previous sentence end (`.` before
/// a space, `!`, `?`, `;`, a line break, or the full stops and question marks of Chinese,
/// Japanese, Arabic and Urdu) to the next, at most [`SENTENCE_REACH`] bytes either side.
fn sentence_bounds(text: &str, start: usize, end: usize) -> (usize, usize) {
    const WIDE_ENDS: [&str; 6] = [
        "\u{3002}", "\u{ff01}", "\u{ff1f}", "\u{61f}", "\u{6d4}", "\u{ff0e}",
    ];
    let bytes = text.as_bytes();
    let start = start.min(bytes.len());
    let end = end.clamp(start, bytes.len());
    // The wide ends are characters outside ASCII, so none ends at an ASCII byte: most bytes
    // are not compared with the six of them.
    let ends_at = |i: usize| {
        is_clause_boundary(bytes, i)
            || (!bytes[i].is_ascii() && WIDE_ENDS.iter().any(|w| text[..=i].ends_with(w)))
    };
    let mut from = start;
    while from > 0
        && start - from < SENTENCE_REACH
        && !(text.is_char_boundary(from) && ends_at(from - 1))
    {
        from -= 1;
    }
    let mut to = end;
    while to < bytes.len()
        && to - end < SENTENCE_REACH
        && !(text.is_char_boundary(to + 1) && ends_at(to))
    {
        to += 1;
    }
    (from, to)
}

/// The most characters before a refusal's words in the sentence after a request asked back:
/// "¿Pagarte fuera? Lo siento, pero eso no.", "直接匯款給你？抱歉，這個我沒辦法。", "Switching to
/// Zelle so you can dodge the fee? Appreciate the offer, but that's a no from me." The same
/// words further on in a longer answer are more often its reason than a refusal.
const ANSWER_REACH: usize = 40;

/// Whether the words at `at` open the answer that starts at `answer` (right after a question
/// mark): no more than [`ANSWER_REACH`] characters before them.
fn answers_at_once(original: &str, answer: usize, at: usize) -> bool {
    original
        .get(answer..at)
        .is_some_and(|gap| gap.trim_start().chars().count() <= ANSWER_REACH)
}

/// Where the sentence before the one starting at `from` starts, when it is short enough
/// ([`PREVIOUS_SENTENCE_REACH`] bytes) to be read with it.
fn previous_sentence_start(text: &str, from: usize) -> Option<usize> {
    let before = text.get(..from)?.trim_end();
    if before.is_empty() {
        return None;
    }
    let last = crate::normalize::floor_char_boundary(before, before.len() - 1);
    let (start, _) = sentence_bounds(text, last, last);
    (from - start <= PREVIOUS_SENTENCE_REACH).then_some(start)
}

/// The longest sentence before a request that is read for the channel the request points
/// back to.
const PREVIOUS_SENTENCE_REACH: usize = 200;

/// Whether every letter of `phrase` is Latin or Cyrillic: the scripts of the account words
/// whose languages put the verb before its object.
fn is_latin_or_cyrillic(phrase: &str) -> bool {
    phrase.chars().filter(|c| c.is_alphabetic()).all(|c| {
        c.is_ascii()
            || ('\u{00c0}'..='\u{024f}').contains(&c)
            || ('\u{0400}'..='\u{04ff}').contains(&c)
    })
}

/// How far a sentence reaches either side of what it is around.
const SENTENCE_REACH: usize = 300;

/// Whether `finding` is a value (an address, a number, a link, a handle, an account), not
/// a named channel, a request or the intent model's reading.
fn is_value(finding: &Finding) -> bool {
    !is_mention_or_request(finding) && !finding.rule.starts_with("intent/")
        || finding.rule == "channels/handle"
}

fn is_mention_or_request(finding: &Finding) -> bool {
    finding.rule.starts_with("channels/") || finding.rule.starts_with("request/")
}

/// The most bytes between a mobile wallet's name and the phone number that is its account.
const WALLET_TO_NUMBER: usize = 48;

/// Applies the context rules (see the module documentation) and sorts the findings.
pub fn resolve(text: &Normalized<'_>, findings: &mut Vec<Finding>) {
    if findings.is_empty() {
        return;
    }
    // The patterns ignore ASCII case, so finding spans index the original text directly.
    let original = text.original;
    // The account words, read once and only if a step below asks for them: on a long
    // document they are a pass over the whole text.
    let accounts_cell = std::cell::OnceCell::new();
    let accounts_of = || accounts_cell.get_or_init(|| account_spans(text));

    // A wallet that is a phone number, named before its "account": "Easypaisa account 0345
    // 7712904", "bKash account no 01712…".
    let wallets = Spans::new(findings, |f| {
        f.kind == Kind::Payment
            && f.value
                .as_deref()
                .is_some_and(|v| crate::lexicon::MOBILE_MONEY.contains(&v))
    });
    findings.retain(|f| {
        // A card-shaped number right after a product or order code's label ("JANコード
        // 4901234567894", "EAN 4006381333931") is that code.
        if f.rule == "payment_ids/card_luhn" && labelled_as_other(original, f.start, f.end) {
            return false;
        }
        if f.kind == Kind::Phone
            && f.rule != "link/wa_me_number"
            && labelled_as_other(original, f.start, f.end)
            && !wallets.any_near(f.start.saturating_sub(WALLET_TO_NUMBER), f.start, |_, e| {
                e <= f.start && !original[e..f.start].contains(['.', '\n', '!', '?'])
            })
        {
            return false;
        }
        let excusable = is_mention_or_request(f)
            && f.rule != "channels/cashtag"
            && f.rule != "channels/skype_live_id";
        !(excusable
            && (refused_before(original, f.start)
                || in_short_quote(original, f.start, f.end)
                || f.rule.starts_with("channels/")
                    && original.get(f.end..).is_some_and(put_aside_after)
                || f.rule.starts_with("request/") && prohibited_after(original, f.start, f.end)))
    });

    // Accounts of someone else's request: excused in the sentence that gives the account.
    if findings.iter().any(told_not_asked) {
        let accounts = accounts_of();
        if !accounts.is_empty() {
            findings.retain(|f| {
                if !told_not_asked(f) {
                    return true;
                }
                let (from, to) = sentence_bounds(original, f.start, f.end);
                // A report often opens with a sentence of its own ("Reporting this user. He
                // asked me to pay outside."): it reaches into the next one.
                let before = sentence_bounds(original, from.saturating_sub(2), from).0;
                // And one that ends with the report ("A client offered to pay me on a card
                // outside the site. I refused and reported it.").
                let after = sentence_bounds(original, to, (to + 2).min(original.len())).1;
                // `to` is the last byte of the sentence's end, which may be a wide "？" or "؟".
                let asked_back = original
                    .get(..=to)
                    .is_some_and(|upto| upto.ends_with(['?', '\u{ff1f}', '\u{61f}']));
                let lo = accounts.partition_point(|span| span.start < before);
                !accounts[lo..]
                    .iter()
                    .take_while(|span| span.start < after)
                    .any(
                        |&AccountSpan {
                             start: s,
                             role,
                             verb_final,
                             ..
                         }| match role {
                            _ if s < from => role == AccountRole::Report,
                            // Only a report: "Pay me on PayPal. I refused to pay fees twice."
                            // is still the offer; or a refusal that answers the request asked
                            // back as a question ("¿Pagarte fuera de la plataforma? Lo siento,
                            // pero eso no.").
                            _ if s >= to => {
                                role == AccountRole::Report
                                    || (role == AccountRole::Declined
                                        && asked_back
                                        && answers_at_once(original, to + 1, s))
                            }
                            // What someone else asked is told before the request ("he wanted me
                            // to pay by zelle"), except where the verb ends the sentence
                            // ("요구했어요", "IBAN ver dedi"). The model's findings span
                            // their whole clause, so an account anywhere in it tells it.
                            AccountRole::Heard => {
                                s < f.start || verb_final || f.rule.starts_with("intent/")
                            }
                            _ => true,
                        },
                    )
            });
        }
    }

    // A value someone else sent, quoted or told in a report of it ("the client asked me to
    // email 'jdoe at gmail dot com'. I declined and I'm reporting it", "العميل ده بعتلي رقمه
    // ... أنا رفضت وبلّغت عنه"): the reporter offers no contact of their own, and the policy
    // spares whoever reports. Only in a message that both reports and refuses or tells the
    // other's request, and only for a value quoted or told after that request's words.
    if findings.iter().any(is_value) {
        let accounts = accounts_of();
        let has = |role: AccountRole| accounts.iter().any(|a| a.role == role);
        if has(AccountRole::Report) && (has(AccountRole::Declined) || has(AccountRole::Heard)) {
            findings.retain(|f| {
                if !is_value(f) {
                    return true;
                }
                let (from, _) = sentence_bounds(original, f.start, f.end);
                let told = accounts
                    .iter()
                    .any(|a| a.role == AccountRole::Heard && from <= a.start && a.start < f.start);
                !(told || in_quotation(original, f.start, f.end, REPORTED_QUOTE))
            });
        }
    }

    // A service mailbox ("safety@", "support@") in a message that quotes the rules or
    // reports a user is the platform's, whatever its domain ("the rules say: 'To report a
    // user, write to safety@…'").
    let service_mailbox = |f: &Finding| {
        f.kind == Kind::Email
            && f.value.as_deref().is_some_and(|v| {
                v.split_once('@')
                    .is_some_and(|(local, _)| crate::detectors::email::is_service_mailbox(local))
            })
    };
    if findings.iter().any(service_mailbox) {
        let accounts = accounts_of();
        if accounts
            .iter()
            .any(|a| matches!(a.role, AccountRole::Rule | AccountRole::Report))
        {
            findings.retain(|f| !service_mailbox(f));
        }
    }

    // Values reserved for examples, presented as examples.
    if findings.iter().any(Finding::is_placeholder) {
        let cues = example_cue_spans(text);
        let values: Vec<(usize, usize)> = findings.iter().map(|f| (f.start, f.end)).collect();
        findings
            .retain(|f| !(f.is_placeholder() && presented_as_example(original, f, &cues, &values)));
    }

    // Mentions survive only next to a concrete value.
    // A link to third-party material reaches nobody: an app named beside its documentation
    // ("微信支付 … pay.weixin.qq.com/docs") is still a mention.
    let concrete = Spans::new(findings, |f| {
        (!is_mention_or_request(f) && f.role != Some(crate::LinkRole::Reference))
            || f.rule == "channels/handle"
    });
    // Counted in characters, not bytes: a Burmese or Telugu word is three bytes a letter.
    let bytes = text.original.as_bytes();
    let chars_after = |at: usize, n: usize| crate::normalize::chars_after(bytes, at, n);
    let chars_before = |at: usize, n: usize| crate::normalize::chars_before(bytes, at, n);
    findings.retain_mut(|f| {
        if f.rule != "channels/mention" {
            return true;
        }
        let (after, before) = (chars_after(f.end, 41), chars_before(f.start, 48));
        let near = !concrete.starting_in(f.end, after).is_empty()
            || concrete.any_near(before, f.start, |_, e| e <= f.start && before <= e);
        if near {
            f.rule = "channels/next_to_contact";
            f.confidence = 0.85;
        }
        near
    });

    // Digits inside a link ("wa.me/4915112345678") are the link's, not a card or an account.
    let links = Spans::new(findings, |f| f.rule.starts_with("link/"));
    findings.retain(|f| {
        !f.rule.starts_with("payment_ids/")
            || f.value.as_deref() == Some("crypto")
            || !links.any_near(f.start, f.end, |s, e| f.start < e && s < f.end)
    });
    // Digits inside an IBAN, a card, a wallet address or a link ("zoom.us/j/8392716455") are
    // not a phone number; wa.me links carry theirs on purpose and report it themselves.
    // A PIX key may be the payee's phone number, and is then that phone too.
    // A QQ number named as its QQ Mail address is that address, not a phone.
    let containers = Spans::new(findings, |f| {
        (f.rule.starts_with("payment_ids/") && f.rule != "payment_ids/pix_key")
            || (f.rule.starts_with("link/") && f.kind != Kind::Phone)
            || f.rule == "email/qq_number"
    });
    findings.retain(|f| {
        f.kind != Kind::Phone
            || f.rule.starts_with("link/")
            || !containers.any_near(f.start, f.end, |s, e| f.start < e && s < f.end)
    });

    // "https://user:pass@example.com/": the credentials of a link are not an address.
    let scheme_links = Spans::new(findings, |f| {
        f.rule.starts_with("link/")
            && text
                .original
                .get(f.start..f.end)
                .is_some_and(|s| s.contains("://"))
    });
    findings.retain(|f| {
        f.kind != Kind::Email
            || !scheme_links.any_near(f.start, f.end, |s, e| s < f.start && f.end <= e)
    });

    // A URL inside an e-mail address is the address's domain, not a link.
    let emails = Spans::new(findings, |f| f.kind == Kind::Email);
    findings.retain(|f| {
        f.kind != Kind::Url || !emails.any_near(f.start, f.end, |s, e| f.start < e && s < f.end)
    });

    // A request to pay or talk elsewhere names its channel: "chuyển khoản Momo cho mình nhé,
    // khỏi qua sàn", "Lass uns kurz über Teams sprechen", "I'm on Signal as arjun.07, ping me
    // there". What was asked is on that channel, though its name alone would not count.
    let named: Vec<Finding> = findings
        .iter()
        .filter(|f| {
            f.value.is_none()
                && matches!(f.kind, Kind::Payment | Kind::Solicitation)
                && f.message.is_none()
        })
        .flat_map(|request| {
            let (from, to) = sentence_bounds(original, request.start, request.end);
            // The sentence before may name what this one points back to: "I take payments
            // via PayPal. The next milestone can go straight there."
            let from = previous_sentence_start(original, from).unwrap_or(from);
            crate::detectors::channels::channels_named_in(text, from, to, request.kind)
        })
        .collect();
    for channel in named {
        let known = findings
            .iter()
            .any(|f| f.kind == channel.kind && f.value == channel.value);
        if !known {
            findings.push(channel);
        }
    }

    dedupe(findings);
}

/// Merges findings of the same kind and value that overlap, keeping the most confident (then
/// the longest) evidence.
fn dedupe(findings: &mut Vec<Finding>) {
    findings.sort_by(|a, b| {
        a.start
            .cmp(&b.start)
            .then(b.end.cmp(&a.end))
            .then(b.confidence.total_cmp(&a.confidence))
    });
    let mut kept: Vec<Finding> = Vec::with_capacity(findings.len());
    for f in findings.drain(..) {
        // Sorted by start: an overlapping twin is among the last few kept.
        if let Some(existing) =
            kept.iter_mut().rev().take(16).find(|k| {
                f.start < k.end && k.start < f.end && k.kind == f.kind && k.value == f.value
            })
        {
            if f.confidence > existing.confidence {
                existing.confidence = f.confidence;
                existing.rule = f.rule;
            }
            existing.start = existing.start.min(f.start);
            existing.end = existing.end.max(f.end);
            continue;
        }
        kept.push(f);
    }
    *findings = kept;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clause_cut_is_the_last_separator_end() {
        let by_search = |before: &str| {
            [", but ", " but ", ", ", " however ", " though "]
                .iter()
                .filter_map(|sep| before.rfind(sep).map(|i| i + sep.len()))
                .max()
                .unwrap_or(0)
        };
        for before in [
            "",
            " ",
            "a, but b",
            "no, but yes, but ",
            "x however  y though z, ",
            "but but , , but ",
            "ok , but then however ",
            "é, but ü though ",
            "nothing here",
            "No, But yes, BUT ",
            "x HOWEVER y Though z",
        ] {
            assert_eq!(
                last_clause_cut(before.as_bytes()),
                by_search(&before.to_ascii_lowercase()),
                "{before:?}"
            );
        }
    }

    #[test]
    fn labels_and_units_are_found_in_any_ascii_case() {
        for text in [
            "Order #48291371 shipped",
            "ORDER NO. 48291371",
            "Part Number XK2231-117",
            "User  ID: 48291371",
            "it is 48291371 Units",
            "48291371 MINUTES",
            "R$ 48291371",
            "call me on 48291371 now",
            "\u{212A}g 48291371 \u{17F}ku",
        ] {
            let at = text.find("48291371").unwrap_or(0);
            let end = at + 8;
            assert_eq!(
                labelled_as_other(text, at, end),
                labelled_as_other(&text.to_ascii_lowercase(), at, end),
                "{text:?}"
            );
        }
        assert!(labelled_as_other("ORDER NO. 48291371", 10, 18));
    }

    #[test]
    fn labels_with_a_verb_a_bill_number_and_labels_of_other_scripts() {
        let labelled = |text: &str| {
            let at = text.find("48291371").expect("the number");
            labelled_as_other(text, at, at + 8)
        };
        assert!(labelled("the order is 48291371"));
        assert!(labelled("El pedido es el 48291371"));
        assert!(labelled("la facture est 48291371"));
        assert!(labelled("Bill no. 48291371"));
        assert!(labelled("ইনভয়েস নং 48291371"));
        assert!(labelled("பில் எண் 48291371"));
        // A person called Bill, and a verb with no label before it, are not labels.
        assert!(!labelled("call Bill 48291371"));
        assert!(!labelled("my number is 48291371"));
    }

    #[test]
    fn the_label_dfa_agrees_with_the_label_regex() {
        let regex = crate::lexicon::ascii_regex(&format!("(?:{NUMBER_LABEL})$"));
        let labels = [
            "order",
            "Order #",
            "part number ",
            "PART NO.",
            "ref:",
            "user  id =",
            "a/c",
            "msisdn range -",
            "r$ ",
            "$",
            "€ ",
            "# ",
            "md5",
            "invoice\u{a0}",
            "iso",
            "_order",
            "éorder",
            "reorder",
            "ordernumber",
            "sku  #  :  ",
            "usd",
            "rs.",
            "\u{212A}",
            "",
            "call me at ",
            "id",
            "said ",
            "no. ",
            "page-",
            "ticket\n",
        ];
        for label in labels {
            for before in [
                label.to_string(),
                format!("x {label}"),
                format!("{label} x"),
            ] {
                assert_eq!(
                    ends_with_label(&before),
                    regex.is_match(&before),
                    "{before:?}"
                );
            }
        }
        assert!(!labelled_as_other("call me on 48291371 now", 11, 19));
    }

    #[test]
    fn the_clause_before_is_the_start_of_the_clause_around() {
        let texts = [
            "i can't share my email, but ping me on skype. ok",
            "no. Really; I DON'T, BUT maybe\nlater however you like though ",
            "é, but ü though x",
            "",
        ];
        let long = "word ".repeat(100);
        for text in texts.iter().copied().chain([long.as_str()]) {
            for start in
                (0..=text.len() + 2).filter(|&at| text.is_char_boundary(at.min(text.len())))
            {
                let clause = clause_around(text, start, start);
                let offset = clause.as_ptr() as usize - text.as_ptr() as usize;
                let old = &clause[..start.saturating_sub(offset).min(clause.len())];
                assert_eq!(clause_before(text, start), old, "{text:?} at {start}");
            }
        }
    }

    #[test]
    fn clauses() {
        let text = "i can't share my email, but ping me on skype. ok";
        let at = text.find("ping").unwrap();
        assert_eq!(clause_before(text, at), "");
        let at = text.find("share").unwrap();
        assert_eq!(clause_before(text, at), "i can't ");
    }

    /// The off-platform kinds a text is flagged for, by the whole engine.
    fn requests_in(text: &str) -> Vec<Kind> {
        let engine = crate::Engine::new(crate::EngineOptions::default());
        let mut kinds: Vec<Kind> = engine
            .scan(text, Some(crate::Region::US))
            .into_iter()
            .map(|f| f.kind)
            .filter(|k| {
                matches!(
                    k,
                    Kind::Solicitation | Kind::Payment | Kind::Messenger | Kind::Social
                )
            })
            .collect();
        kinds.dedup();
        kinds
    }

    #[test]
    fn accounts_of_someone_elses_request_are_not_requests() {
        for text in [
            "Reporting this user: he wanted payment by bank transfer outside the platform.",
            "Another client asked me to move to WhatsApp last week, I said no.",
            "Quiero denunciar a este usuario, me pidió que le pagara por fuera de la plataforma.",
            "Ein Kunde wollte mich per PayPal an der Plattform vorbei bezahlen, ich habe abgelehnt.",
            "Жалоба на пользователя: требовал оплату на карту вне сайта.",
            "举报这个用户：他要求我在平台外用支付宝付款。",
            "Mere dost ko ek client ne kaha tha payment bahar se lo, usne mana kar diya.",
            "Bu kullanıcıyı şikayet ediyorum: platform dışında havale istedi.",
            "客服你好，这个买家一直让我加他微信，还说私下转账便宜，我没同意。",
            "Heads up: at the end she mentioned I could pay cash next time and skip the fee.",
        ] {
            assert_eq!(requests_in(text), vec![], "{text}");
        }
    }

    #[test]
    fn account_words_start_a_word_outside_scripts_that_join_words() {
        let starts = |text: &str| -> Vec<usize> {
            account_spans(&Normalized::new(text))
                .iter()
                .map(|span| span.start)
                .collect()
        };
        // "просит" (asks) is not in "спросите" (ask! — the writer's own request).
        assert_eq!(
            starts("спросите номер в первом сообщении"),
            Vec::<usize>::new()
        );
        // An inflection runs on: "правила" (rules) in "правилах".
        assert_eq!(starts("В правилах сайту сказано"), vec!["В ".len()]);
        // A script that joins words: inside a longer run.
        assert!(!starts("他要求我在平台外付款").is_empty());
    }

    #[test]
    fn account_words_elsewhere_do_not_excuse_a_request() {
        for text in [
            // The account is of another sentence.
            "A client asked me to use Telegram once. Let's move to WhatsApp, it's easier.",
            // Someone else's word told after the writer's own request.
            "Pay me directly through PayPal outside the platform, my friend told me that it's cheaper.",
            // Words that look like account words and are not: a work report, "melde dich",
            // a declined card.
            "I will send you the weekly report on WhatsApp, add me there.",
            "Melde dich bei mir auf WhatsApp, dann bezahlst du mich direkt außerhalb der Plattform.",
            "My card was declined here, can I pay you directly through PayPal outside the platform?",
        ] {
            assert_ne!(requests_in(text), vec![], "{text}");
        }
    }

    #[test]
    fn account_words_keep_concrete_values() {
        let engine = crate::Engine::new(crate::EngineOptions::default());
        let found = engine.scan(
            "Reporting this user: he sent me his number +1 415 839 2716 and wanted WhatsApp.",
            Some(crate::Region::US),
        );
        assert!(found.iter().any(|f| f.kind == Kind::Phone), "{found:?}");
    }

    #[test]
    fn every_account_word_reads() {
        let words = crate::lexicon::read_account_words().expect("accounts.tsv reads");
        assert!(words.len() > 400);
        for role in [
            AccountRole::Report,
            AccountRole::Declined,
            AccountRole::Rule,
            AccountRole::Heard,
        ] {
            assert!(words.iter().any(|w| w.role == role), "{role:?}");
        }
    }

    #[test]
    fn short_quotations_are_labels() {
        let inside = |text: &str, name: &str| {
            let at = text.find(name).expect("name in text");
            in_short_quote(text, at, at + name.len())
        };
        assert!(inside("розділами «Переказ за IBAN» та інші", "IBAN"));
        assert!(inside(
            "'Havale/EFT', 'IBAN'a gönder' gibi ekranlarda",
            "IBAN"
        ));
        assert!(inside("strings: 'पैसे भेजें', 'UPI ID डालें'", "UPI"));
        assert!(inside("包括「银行转账」「提现」等界面文案", "银行转账"));
        assert!(inside(
            r#"the button "Pay with GPay" closes the sheet"#,
            "GPay"
        ));
        // A sentence, a quotation left open or an apostrophe inside words is no label.
        assert!(!inside("pay me on PayPal, it's faster", "PayPal"));
        assert!(!inside("he's on WhatsApp and it's fine", "WhatsApp"));
        assert!(!inside(
            r#"he said "add me on WhatsApp, I will send you the details of the whole job there later on""#,
            "WhatsApp"
        ));
    }

    #[test]
    fn channels_quoted_as_labels_are_not_offers() {
        let engine = crate::Engine::new(crate::EngineOptions::default());
        for text in [
            "Перекладу застосунок банку: розділи «Переказ за IBAN» та «Поповнення картки».",
            "Wallet app ke strings Hindi me ho gaye: 'पैसे भेजें', 'UPI ID डालें'.",
        ] {
            let found = engine.scan(text, None);
            assert!(found.is_empty(), "{text:?}: {found:?}");
        }
        let found = engine.scan("Send the rest to my PayPal, it's faster", None);
        assert!(found.iter().any(|f| f.kind == Kind::Payment), "{found:?}");
    }

    #[test]
    fn values_told_in_a_report_are_the_reported_users() {
        let engine = crate::Engine::new(crate::EngineOptions::default());
        for text in [
            "FYI for support: the client asked me to email 'jdoe at gmail dot com' instead of using milestones. I declined and I'm reporting it.",
            "The rules say: 'To report a user, write to safety@marketplace-help.com or use the Report button.' I've done both.",
        ] {
            let found = engine.scan(text, Some(crate::Region::US));
            assert!(found.is_empty(), "{text:?}: {found:?}");
        }
        // A report alone, or a refusal alone, does not excuse a value given outside a quote.
        for text in [
            "I reported the last client. Anyway, email me at jdoe.design@gmail.com",
            "I declined the other offer, my email is jdoe.design@gmail.com",
        ] {
            let found = engine.scan(text, Some(crate::Region::US));
            assert!(
                found.iter().any(|f| f.kind == Kind::Email),
                "{text:?}: {found:?}"
            );
        }
    }
}
