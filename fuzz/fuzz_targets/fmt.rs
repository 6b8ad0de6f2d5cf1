//! Fuzz target: see `journey_workload::props::format_is_safe`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| journey_workload::props::format_is_safe(data));
