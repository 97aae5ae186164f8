//! Parsing throughput: the seed plan once, and repeated to about 10 MB.
//!
//! Run with `cargo bench -p guihua-parse`. Target: at least 100 MB/s from text to `Document` on one core.
#![allow(missing_docs)]

use divan::counter::BytesCount;
use divan::{Bencher, black_box};

fn main() {
    divan::main();
}

fn seed() -> String {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../corpus/hebei-industry-transformation-13th-2016.txt");
    std::fs::read_to_string(path).expect("the seed is in corpus/")
}

#[divan::bench(sample_count = 50)]
fn seed_once(bencher: Bencher<'_, '_>) {
    let text = seed();
    bencher.counter(BytesCount::of_str(&text)).bench(|| guihua_parse::parse(black_box(&text)));
}

#[divan::bench(sample_count = 10)]
fn seed_repeated_to_10_mb(bencher: Bencher<'_, '_>) {
    let one = seed();
    let text = one.repeat(10_000_000 / one.len() + 1);
    bencher.counter(BytesCount::of_str(&text)).bench(|| guihua_parse::parse(black_box(&text)));
}

#[divan::bench(sample_count = 10)]
fn decode_and_parse_10_mb(bencher: Bencher<'_, '_>) {
    let one = seed();
    let bytes = one.repeat(10_000_000 / one.len() + 1).into_bytes();
    let options = guihua_parse::Options::default();
    bencher
        .counter(BytesCount::of_slice(&bytes))
        .bench(|| guihua_parse::parse_bytes(black_box(&bytes), &options).expect("the seed decodes"));
}

/// What `guihua parse --format json` does after reading the file: decode, parse, serialise.
#[divan::bench(sample_count = 10)]
fn decode_parse_and_write_json_10_mb(bencher: Bencher<'_, '_>) {
    let one = seed();
    let bytes = one.repeat(10_000_000 / one.len() + 1).into_bytes();
    let options = guihua_parse::Options::default();
    bencher.counter(BytesCount::of_slice(&bytes)).bench(|| {
        let parsed = guihua_parse::parse_bytes(black_box(&bytes), &options).expect("the seed decodes");
        serde_json::to_writer(std::io::sink(), &parsed.document).expect("a document serialises");
    });
}
