//! Parsing throughput: the seed plan once, and repeated to about 10 MB.
//!
//! Run with `cargo bench -p guihua-parse`. Target: at least 100 MB/s from text to `Document` on one core.
#![allow(missing_docs)]

use divan::counter::BytesCount;
use divan::{Bencher, black_box};

/// The allocator of the `guihua` binary, so that the figures are the command's.
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

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

/// Pathological inputs at a base size and ten times it: parse time must grow linearly (10× input ≤ 12× time).
const SCALES: [usize; 2] = [1, 10];

fn pathological(kind: &str, scale: usize) -> String {
    match kind {
        "one_long_line" => "数据".repeat(200_000 * scale),
        "heading_every_line" => (1..=20_000 * scale).map(|i| format!("{i}.标题{i}\n")).collect(),
        "same_heading_every_line" => "1.同一编号的行\n".repeat(20_000 * scale),
        "corners" => "┌".repeat(100_000 * scale),
        "long_table" => {
            format!("┌──┬───┐\n│指标│2020年│\n{}└──┴───┘\n", "├──┼───┤\n│甲　│1　　 │\n".repeat(5_000 * scale))
        }
        "wide_box" => {
            let n = 2_000 * scale;
            format!("┌{}┐\n{}└{}┘\n", "┬".repeat(n), format!("{}\n", "│".repeat(n + 2)).repeat(20), "┴".repeat(n))
        }
        _ => unreachable!("a known kind"),
    }
}

macro_rules! linear_bench {
    ($name:ident) => {
        #[divan::bench(args = SCALES, sample_count = 10)]
        fn $name(bencher: Bencher<'_, '_>, scale: usize) {
            let text = pathological(stringify!($name), scale);
            bencher.counter(BytesCount::of_str(&text)).bench(|| guihua_parse::parse(black_box(&text)));
        }
    };
}

linear_bench!(one_long_line);
linear_bench!(heading_every_line);
linear_bench!(same_heading_every_line);
linear_bench!(corners);
linear_bench!(long_table);
linear_bench!(wide_box);
