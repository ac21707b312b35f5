//! Prints what the extractor reads from each file given: segments (source, location, text)
//! and warnings. For looking at OCR and layout results by hand.
//!
//! usage: cargo run -p offside-extract --example extract_dump -- FILE...

fn main() {
    let extractor = offside_extract::Extractor::default();
    for path in std::env::args().skip(1) {
        println!("== {path}");
        let bytes = match std::fs::read(&path) {
            Ok(bytes) => bytes,
            Err(e) => {
                println!("cannot read: {e}");
                continue;
            }
        };
        match extractor.extract(&bytes) {
            Ok(document) => {
                for segment in &document.segments {
                    println!(
                        "-- {:?} page {:?} part {:?} regions {:?}\n{}",
                        segment.source,
                        segment.location.page,
                        segment.location.part,
                        segment.regions,
                        segment.text
                    );
                }
                for warning in &document.warnings {
                    println!("warning: {warning}");
                }
            }
            Err(e) => println!("error: {e}"),
        }
    }
}
