//! Payment requests as QR payloads and link targets carry them, written out as the labelled
//! lines a person would read (`UPI: name@okaxis`), so that the detector reports a payment with
//! its method rather than an opaque link or nothing:
//!
//! - UPI deep links (`upi://pay?pa=…&pn=…`, NPCI's UPI linking specification): the payee
//!   address `pa` and name `pn`.
//! - PIX "BR Code" (the Central Bank of Brazil's EMV QR Code merchant-presented payload): the
//!   TLV fields are parsed and the CRC-16/CCITT-FALSE checked; the PIX key (field 26, sub-field
//!   01) or the dynamic payment URL (sub-field 25), and the merchant's name and city.
//! - Lightning invoices (BOLT 11, `lightning:` or bare `lnbc…`, bech32 checksum checked) and
//!   LNURL strings.
//!
//! Anything else is left as it is: `bitcoin:` and `ethereum:` URIs (EIP-681) and PayPal.me,
//! Wise and Revolut links are already read by the detector as they are written.

use bech32::primitives::decode::CheckedHrpstring;
use bech32::Bech32;

/// The payment request in `payload` as labelled lines, or `None` when it is not one of the
/// formats above (or fails its checksum).
pub(crate) fn payment_text(payload: &str) -> Option<String> {
    let trimmed = payload.trim();
    let head: String = trimmed
        .chars()
        .take(12)
        .collect::<String>()
        .to_ascii_lowercase();
    if head.starts_with("upi://") {
        return upi(trimmed);
    }
    if head.starts_with("000201") {
        return pix(trimmed);
    }
    let invoice = if head.starts_with("lightning:") {
        &trimmed["lightning:".len()..]
    } else {
        trimmed
    };
    lightning(invoice)
}

/// `upi://pay?pa=payee@bank&pn=Name&am=…`
fn upi(uri: &str) -> Option<String> {
    let query = uri.split_once('?')?.1;
    let mut payee = None;
    let mut name = None;
    for (key, value) in url::form_urlencoded::parse(query.as_bytes()) {
        match key.to_ascii_lowercase().as_str() {
            "pa" if !value.trim().is_empty() => payee = Some(value.trim().to_owned()),
            "pn" if !value.trim().is_empty() => name = Some(value.trim().to_owned()),
            _ => {}
        }
    }
    let payee = payee?;
    let mut text = format!("UPI: {payee}");
    if let Some(name) = name {
        text.push_str("\nName: ");
        text.push_str(&name);
    }
    Some(text)
}

/// A PIX BR Code: EMV merchant-presented TLV fields with a CRC in field 63.
fn pix(payload: &str) -> Option<String> {
    if !payload.is_ascii() {
        return None;
    }
    let fields = tlv(payload)?;
    // The CRC covers everything up to and including the `6304` of its own field.
    let (crc_at, crc) = fields
        .iter()
        .find(|(id, _, _)| *id == "63")
        .map(|f| (f.1, f.2))?;
    let covered = &payload[..crc_at + 4];
    if u16::from_str_radix(crc, 16).ok()? != crc16(covered.as_bytes()) {
        return None;
    }
    let mut key = None;
    let mut link = None;
    for (id, _, value) in &fields {
        let Ok(number) = id.parse::<u8>() else {
            continue;
        };
        // Merchant account information templates are fields 26 to 51.
        if !(26..=51).contains(&number) {
            continue;
        }
        let Some(inner) = tlv(value) else { continue };
        let is_pix = inner
            .iter()
            .any(|(id, _, v)| *id == "00" && v.eq_ignore_ascii_case("br.gov.bcb.pix"));
        if !is_pix {
            continue;
        }
        for (id, _, v) in inner {
            match id {
                "01" => key = Some(v.to_owned()),
                "25" => link = Some(v.to_owned()),
                _ => {}
            }
        }
    }
    let field = |wanted: &str| {
        fields
            .iter()
            .find(|(id, _, _)| *id == wanted)
            .map(|f| f.2.trim())
            .filter(|v| !v.is_empty())
    };
    let mut lines = Vec::new();
    match (key, link) {
        (Some(key), _) => lines.push(format!("PIX key: {key}")),
        (None, Some(link)) => lines.push(format!("Pay by PIX: https://{link}")),
        (None, None) => return None,
    }
    if let Some(name) = field("59") {
        lines.push(format!("Name: {name}"));
    }
    if let Some(city) = field("60") {
        lines.push(format!("City: {city}"));
    }
    Some(lines.join("\n"))
}

/// EMV TLV fields: two-digit id, two-digit length, value; each with the byte offset of its
/// id. `None` when the data does not parse to its end.
fn tlv(data: &str) -> Option<Vec<(&str, usize, &str)>> {
    let mut fields = Vec::new();
    let mut at = 0;
    while at < data.len() {
        let id = data.get(at..at + 2)?;
        let length: usize = data.get(at + 2..at + 4)?.parse().ok()?;
        let value = data.get(at + 4..at + 4 + length)?;
        fields.push((id, at, value));
        at += 4 + length;
    }
    Some(fields)
}

/// CRC-16/CCITT-FALSE (polynomial 0x1021, initial 0xFFFF), as the BR Code specifies.
fn crc16(data: &[u8]) -> u16 {
    let mut crc: u16 = 0xFFFF;
    for &byte in data {
        crc ^= u16::from(byte) << 8;
        for _ in 0..8 {
            crc = if crc & 0x8000 != 0 {
                (crc << 1) ^ 0x1021
            } else {
                crc << 1
            };
        }
    }
    crc
}

/// A BOLT 11 invoice (`lnbc…`, `lntb…`, `lnbcrt…`, `lnsb…`) or an LNURL (`lnurl1…`), with a
/// valid bech32 checksum.
fn lightning(text: &str) -> Option<String> {
    let lower = text.to_ascii_lowercase();
    let is_invoice = ["lnbc", "lntb", "lnbcrt", "lnsb", "lntbs"]
        .iter()
        .any(|p| lower.starts_with(p));
    let is_lnurl = lower.starts_with("lnurl1");
    if !(is_invoice || is_lnurl) {
        return None;
    }
    CheckedHrpstring::new::<Bech32>(&lower).ok()?;
    let what = if is_lnurl { "LNURL" } else { "invoice" };
    Some(format!("Pay with Bitcoin (Lightning {what}): {lower}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A BR Code with its CRC computed here.
    fn br_code(account: &str, name: &str) -> String {
        let field = |id: &str, value: &str| format!("{id}{:02}{value}", value.len());
        let body = [
            field("00", "01"),
            field("26", account),
            field("52", "0000"),
            field("53", "986"),
            field("58", "BR"),
            field("59", name),
            field("60", "SAO PAULO"),
            field("62", &field("05", "***")),
        ]
        .concat();
        let covered = format!("{body}6304");
        format!("{covered}{:04X}", crc16(covered.as_bytes()))
    }

    fn pix_account(sub: &str, value: &str) -> String {
        format!("0014br.gov.bcb.pix{sub}{:02}{value}", value.len())
    }

    #[test]
    fn crc_matches_the_check_value() {
        // The CRC-16/CCITT-FALSE check value of "123456789".
        assert_eq!(crc16(b"123456789"), 0x29B1);
    }

    #[test]
    fn upi_links_give_the_payee() {
        assert_eq!(
            payment_text("upi://pay?pa=rahul.sharma@okaxis&pn=Rahul%20Sharma&am=500&cu=INR")
                .as_deref(),
            Some("UPI: rahul.sharma@okaxis\nName: Rahul Sharma")
        );
        assert_eq!(
            payment_text("UPI://pay?pa=98765@ybl").as_deref(),
            Some("UPI: 98765@ybl")
        );
        assert_eq!(payment_text("upi://pay?pn=Nobody"), None);
        assert_eq!(payment_text("upi://pay"), None);
    }

    #[test]
    fn pix_codes_give_the_key_or_the_link() {
        let key = br_code(
            &pix_account("01", "123e4567-e12b-12d1-a456-426655440000"),
            "Fulano de Tal",
        );
        assert_eq!(
            payment_text(&key).as_deref(),
            Some("PIX key: 123e4567-e12b-12d1-a456-426655440000\nName: Fulano de Tal\nCity: SAO PAULO")
        );
        let dynamic = br_code(
            &pix_account("25", "qr.pagamentos.example.com.br/v2/9d36b84f"),
            "Loja",
        );
        assert!(payment_text(&dynamic)
            .unwrap()
            .starts_with("Pay by PIX: https://qr.pagamentos.example.com.br/v2/9d36b84f"));
    }

    #[test]
    fn pix_look_alikes_are_left_alone() {
        let key = br_code(&pix_account("01", "fulano@gmail.com"), "Fulano");
        // One character changed: the CRC no longer matches.
        let broken = key.replacen("Fulano", "Fulana", 1);
        assert_eq!(payment_text(&broken), None);
        // Truncated.
        assert_eq!(payment_text(&key[..key.len() - 6]), None);
        // Another EMV scheme's account, with a good CRC.
        let other = br_code("0011com.example0105abcde", "Shop");
        assert_eq!(payment_text(&other), None);
        // A number that starts like one.
        assert_eq!(payment_text("000201 is the order number"), None);
    }

    #[test]
    fn lightning_invoices_need_a_valid_checksum() {
        let hrp = bech32::Hrp::parse("lnbc2500u").unwrap();
        let data: Vec<u8> = (0..120u8).map(|i| i.wrapping_mul(37)).collect();
        let invoice = bech32::encode::<Bech32>(hrp, &data).unwrap();
        let text = payment_text(&format!("LIGHTNING:{}", invoice.to_ascii_uppercase())).unwrap();
        assert!(
            text.starts_with("Pay with Bitcoin (Lightning invoice): lnbc2500u1"),
            "{text}"
        );
        let mut broken = invoice.to_owned();
        broken.replace_range(20..21, "q");
        assert_eq!(payment_text(&broken), None);
        assert_eq!(payment_text("lnbc is not an invoice"), None);
        assert_eq!(payment_text("https://example.com"), None);
    }
}
