//! Fuzz target: see `journey_workload::props::parse_never_fails`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| journey_workload::props::parse_never_fails(data));
