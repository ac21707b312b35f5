#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| offside_fuzz_targets::salvage(data));
