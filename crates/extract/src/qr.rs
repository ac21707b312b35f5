//! QR codes in an image: found and decoded with `rqrr`, their payload turned into text the
//! detector reads.
//!
//! The payload formats that carry contact details are rewritten as `LABEL: value` lines:
//! vCard (`BEGIN:VCARD` ... `TEL;TYPE=CELL:+1...`), MECARD / BIZCARD / MATMSG
//! (`MECARD:N:..;TEL:..;EMAIL:..;;`), `SMSTO:` and `sms:`. Links (`tel:`, `https://wa.me/...`, `mailto:`) and plain text
//! are kept as they are: the detector reads them. Wi-Fi
//! credentials (`WIFI:`) carry no contact details and are dropped.

use std::panic::{self, AssertUnwindSafe};

use image::GrayImage;

use crate::Rect;

/// A decoded QR code: its payload as text and where it is in the image.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct QrCode {
    /// The payload, made readable (see the module documentation).
    pub text: String,
    /// Its bounding box in the image.
    pub region: Rect,
}

/// Images whose longer side is over this are also searched downscaled to it when nothing is
/// found at full size: `rqrr` misses small codes in large photos (its finder-pattern
/// search is tuned for codes that fill a good part of the frame), and misses codes whose
/// modules are blurred over many pixels.
const DOWNSCALED_SIDE: u32 = 1000;

/// The QR codes in `grey`, in the order `rqrr` finds them, with a warning for each code
/// that was found but could not be decoded (or for a decoder failure).
pub(crate) fn decode(grey: &GrayImage) -> (Vec<QrCode>, Vec<String>) {
    let mut warnings = Vec::new();
    let mut codes = scan(grey, 1.0, &mut warnings);
    let longer = grey.width().max(grey.height());
    if codes.is_empty() && longer > DOWNSCALED_SIDE {
        let factor = f64::from(DOWNSCALED_SIDE) / f64::from(longer);
        let width = ((f64::from(grey.width()) * factor).round() as u32).max(1);
        let height = ((f64::from(grey.height()) * factor).round() as u32).max(1);
        let small = crate::ocr::shrink(grey, width, height);
        let mut retry_warnings = Vec::new();
        codes = scan(&small, 1.0 / factor, &mut retry_warnings);
        if !codes.is_empty() {
            warnings = retry_warnings;
        }
    }
    (codes, warnings)
}

/// One pass of `rqrr` over `grey`; regions are multiplied by `scale` (to map a downscaled
/// copy back to the original pixels). A panic in `rqrr` on a hostile image becomes a
/// warning: the OCR text of the image is still worth having.
fn scan(grey: &GrayImage, scale: f64, warnings: &mut Vec<String>) -> Vec<QrCode> {
    let (width, height) = (grey.width(), grey.height());
    let found = panic::catch_unwind(AssertUnwindSafe(|| {
        let mut prepared =
            rqrr::PreparedImage::prepare_from_greyscale(width as usize, height as usize, |x, y| {
                grey.get_pixel(x as u32, y as u32).0[0]
            });
        let mut out = Vec::new();
        for grid in prepared.detect_grids() {
            let region = bounds(
                &grid.bounds,
                scale,
                width as f64 * scale,
                height as f64 * scale,
            );
            let mut payload = Vec::new();
            match grid.decode_to(&mut payload) {
                Ok(_) => out.push(Ok((payload, region))),
                Err(error) => out.push(Err((error.to_string(), region))),
            }
        }
        out
    }));
    let found = match found {
        Ok(found) => found,
        Err(_) => {
            warnings.push("the QR code decoder failed on the image".to_owned());
            return Vec::new();
        }
    };
    let mut codes = Vec::new();
    for item in found {
        match item {
            Ok((payload, region)) => {
                let payload = String::from_utf8_lossy(&payload);
                if let Some(text) = readable(&payload) {
                    if !text.trim().is_empty() {
                        codes.push(QrCode { text, region });
                    }
                }
            }
            Err((reason, region)) => warnings.push(format!(
                "a QR code at x={} y={} ({}x{} px) could not be decoded: {reason}",
                region.x, region.y, region.width, region.height
            )),
        }
    }
    codes
}

/// The bounding box of the grid's four corners, scaled and clamped to the image.
fn bounds(points: &[rqrr::Point; 4], scale: f64, max_x: f64, max_y: f64) -> Rect {
    let clamp_x = |v: i32| (f64::from(v) * scale).clamp(0.0, max_x);
    let clamp_y = |v: i32| (f64::from(v) * scale).clamp(0.0, max_y);
    let left = points.iter().map(|p| clamp_x(p.x)).fold(f64::MAX, f64::min);
    let right = points.iter().map(|p| clamp_x(p.x)).fold(0.0, f64::max);
    let top = points.iter().map(|p| clamp_y(p.y)).fold(f64::MAX, f64::min);
    let bottom = points.iter().map(|p| clamp_y(p.y)).fold(0.0, f64::max);
    Rect {
        x: left.floor() as u32,
        y: top.floor() as u32,
        width: (right - left).ceil().max(1.0) as u32,
        height: (bottom - top).ceil().max(1.0) as u32,
    }
}

/// The payload as text for the detector, or `None` for payloads without contact details
/// (Wi-Fi credentials).
pub(crate) fn readable(payload: &str) -> Option<String> {
    let trimmed = payload.trim_start_matches('\u{feff}').trim();
    let upper: String = trimmed
        .chars()
        .take(12)
        .collect::<String>()
        .to_ascii_uppercase();
    if upper.starts_with("WIFI:") {
        return None;
    }
    if let Some(text) = crate::payment::payment_text(trimmed) {
        return Some(text);
    }
    if upper.starts_with("BEGIN:VCARD") {
        return Some(vcard(trimmed));
    }
    for prefix in ["MECARD:", "BIZCARD:", "MATMSG:"] {
        if upper.starts_with(prefix) {
            return Some(mecard(&trimmed[prefix.len()..]));
        }
    }
    if upper.starts_with("SMSTO:") || upper.starts_with("MMSTO:") {
        // SMSTO:number:message
        let rest = &trimmed[6..];
        let (number, message) = rest.split_once(':').unwrap_or((rest, ""));
        return Some(join_lines([format!("SMS: {number}"), message.to_owned()]));
    }
    if upper.starts_with("SMS:") {
        // sms:number?body=message (RFC 5724), or sms:number:message
        let rest = &trimmed[4..];
        let (number, message) = rest
            .split_once("?body=")
            .or_else(|| rest.split_once(':'))
            .unwrap_or((rest, ""));
        let number = number.split('?').next().unwrap_or(number);
        return Some(join_lines([
            format!("SMS: {number}"),
            percent_decode(message),
        ]));
    }
    Some(trimmed.to_owned())
}

/// A vCard as `LABEL: value` lines, one per property that can hold text a person reads.
fn vcard(payload: &str) -> String {
    // Unfold continuation lines (RFC 6350 §3.2): a line starting with a space or tab
    // continues the previous one.
    let mut logical: Vec<String> = Vec::new();
    for line in payload.split('\n') {
        let line = line.strip_suffix('\r').unwrap_or(line);
        if let Some(rest) = line.strip_prefix([' ', '\t']) {
            if let Some(last) = logical.last_mut() {
                last.push_str(rest);
                continue;
            }
        }
        logical.push(line.to_owned());
    }
    let mut lines = Vec::new();
    let mut has_full_name = false;
    let mut name = None;
    for line in &logical {
        let Some((head, value)) = line.split_once(':') else {
            continue;
        };
        // `item1.TEL;TYPE=CELL` → `TEL`
        let property = head.split(';').next().unwrap_or(head);
        let property = property
            .rsplit('.')
            .next()
            .unwrap_or(property)
            .to_ascii_uppercase();
        let value = unescape(value);
        let value = value.trim();
        if value.is_empty() {
            continue;
        }
        match property.as_str() {
            "BEGIN" | "END" | "VERSION" | "PRODID" | "REV" | "UID" | "PHOTO" | "LOGO" | "SOUND"
            | "KEY" | "TZ" | "GEO" | "CLASS" | "SORT-STRING" => {}
            "N" => name = Some(value.replace(';', " ").trim().to_owned()),
            "FN" => {
                has_full_name = true;
                lines.push(format!("FN: {value}"));
            }
            "TEL" => {
                let number = value.strip_prefix("tel:").unwrap_or(value);
                lines.push(format!("TEL: {number}"));
            }
            "ADR" => {
                let parts: Vec<&str> = value.split(';').filter(|p| !p.is_empty()).collect();
                lines.push(format!("ADR: {}", parts.join(", ")));
            }
            _ => lines.push(format!("{property}: {}", value.replace(';', " "))),
        }
    }
    if !has_full_name {
        if let Some(name) = name.filter(|n| !n.is_empty()) {
            lines.insert(0, format!("N: {name}"));
        }
    }
    lines.join("\n")
}

/// A MECARD (also BIZCARD, MATMSG) body, `KEY:value;KEY:value;;`, as `KEY: value` lines.
fn mecard(body: &str) -> String {
    let mut lines = Vec::new();
    for field in split_unescaped(body, ';') {
        let Some((key, value)) = field.split_once(':') else {
            continue;
        };
        let value = unescape(value);
        let value = value.trim();
        if value.is_empty() {
            continue;
        }
        let key = key.trim().to_ascii_uppercase();
        if key == "N" {
            lines.push(format!("N: {}", value.replace(',', " ")));
        } else {
            lines.push(format!("{key}: {value}"));
        }
    }
    lines.join("\n")
}

/// Splits on `separator` where it is not escaped with a backslash.
fn split_unescaped(text: &str, separator: char) -> Vec<String> {
    let mut parts = Vec::new();
    let mut current = String::new();
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            current.push(c);
            if let Some(next) = chars.next() {
                current.push(next);
            }
        } else if c == separator {
            parts.push(std::mem::take(&mut current));
        } else {
            current.push(c);
        }
    }
    if !current.is_empty() {
        parts.push(current);
    }
    parts
}

/// Removes vCard / MECARD backslash escapes (`\,` `\;` `\:` `\\` `\n`).
fn unescape(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('n' | 'N') => out.push('\n'),
                Some(other) => out.push(other),
                None => {}
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// Decodes a URI query value as a form does (`application/x-www-form-urlencoded`): `+` is a
/// space, `%XX` escapes are decoded, invalid escapes are kept and bytes that are not UTF-8
/// become U+FFFD.
fn percent_decode(value: &str) -> String {
    let spaced = value.replace('+', " ");
    percent_encoding::percent_decode_str(&spaced)
        .decode_utf8_lossy()
        .into_owned()
}

/// Non-empty lines joined by `\n`.
fn join_lines<const N: usize>(lines: [String; N]) -> String {
    lines
        .into_iter()
        .filter(|l| !l.trim().is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::{percent_decode, readable};

    #[test]
    fn query_values_decode_as_forms_do() {
        assert_eq!(percent_decode("call%20me+now"), "call me now");
        assert_eq!(percent_decode("a%2Bb"), "a+b");
        assert_eq!(percent_decode("caf%C3%A9"), "café");
        // Invalid or cut escapes are kept; bytes that are not UTF-8 become U+FFFD.
        assert_eq!(percent_decode("100%"), "100%");
        assert_eq!(percent_decode("%zz%4"), "%zz%4");
        assert_eq!(percent_decode("%FFok"), "\u{fffd}ok");
    }

    #[test]
    fn payloads() {
        assert_eq!(readable("WIFI:S:home;T:WPA;P:secret;;"), None);
        assert_eq!(
            readable("tel:+14155552671").as_deref(),
            Some("tel:+14155552671")
        );
        assert_eq!(
            readable("BEGIN:VCARD\r\nVERSION:3.0\r\nN:Lopez;Maria;;;\r\nTEL;TYPE=CELL:+1 415 555 2671\r\nEMAIL:maria@example.com\r\nEND:VCARD").as_deref(),
            Some("N: Lopez Maria\nTEL: +1 415 555 2671\nEMAIL: maria@example.com")
        );
        assert_eq!(
            readable("MECARD:N:Lopez,Maria;TEL:+14155552671;EMAIL:m@example.com;;").as_deref(),
            Some("N: Lopez Maria\nTEL: +14155552671\nEMAIL: m@example.com")
        );
        assert_eq!(
            readable("SMSTO:+14155552671:call me").as_deref(),
            Some("SMS: +14155552671\ncall me")
        );
        assert_eq!(
            readable("sms:+14155552671?body=call%20me").as_deref(),
            Some("SMS: +14155552671\ncall me")
        );
        assert_eq!(readable("sms:+1%").as_deref(), Some("SMS: +1%"));
        assert_eq!(
            readable("https://wa.me/14155552671").as_deref(),
            Some("https://wa.me/14155552671")
        );
    }
}
