//! Diff time for two plans of growing size: the seed against an edited copy, each repeated to about 40,000,
//! 100,000 and 400,000 characters. Target: two plans of 100,000 characters in at most 100 ms, growing about
//! linearly. Parsing is done before timing.
#![allow(missing_docs)]

use divan::{Bencher, black_box};

fn main() {
    divan::main();
}

fn seed() -> String {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../corpus/hebei-industry-transformation-13th-2016.txt");
    std::fs::read_to_string(path).expect("the seed is in corpus/")
}

/// How many copies of the seed (about 40,000 characters each) make each plan.
const COPIES: [usize; 3] = [1, 3, 10];

#[divan::bench(args = COPIES, sample_count = 10)]
fn seed_against_edited_copy(bencher: Bencher<'_, '_>, copies: usize) {
    let one = seed();
    let edited = one
        .replacen("│1.2　　　　　　 │", "│1.5　　　　　　 │", 1)
        .replacen("中车石家庄城轨车辆", "中车保定市城轨车辆", 1)
        .replacen("（三）改善产业发展环境。", "（三）优化产业发展环境。", 1)
        .replacen("达到60%以上。", "达到60%以上。新增一句测试文本。", 1);
    let (old, _) = guihua_parse::parse(&one.repeat(copies));
    let (new, _) = guihua_parse::parse(&edited.repeat(copies));
    bencher.bench(|| guihua_diff::diff(black_box(&old), black_box(&new)));
}
