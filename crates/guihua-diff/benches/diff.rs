//! Diff time for two plans of growing size: the seed against an edited copy, each repeated to about 40,000,
//! 100,000 and 400,000 characters. Target: two plans of 100,000 characters in at most 100 ms, growing about
//! linearly. Parsing is done before timing.
//!
//! Topic comparison (`compare --sections`): two different plans of about 100,000 characters each — five government
//! work reports of 2003–2008 against five of 2009–2015 from `../shared/wild`, joined — aligned and their term shifts
//! ranked, with jieba built once before timing. Target: at most 200 ms (issue 13). Without `../shared` it says so
//! and compares the seed ×3 with an edited copy instead.
#![allow(missing_docs, clippy::print_stderr)]

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

/// Two plans of about 100,000 characters that differ in wording throughout, or the seed ×3 and an edited copy.
fn two_different_plans() -> (String, String) {
    let wild = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/wild/docs/");
    let join = |years: &[&str]| -> Option<String> {
        years
            .iter()
            .map(|y| std::fs::read_to_string(format!("{wild}{y}.txt")).ok())
            .collect::<Option<Vec<_>>>()
            .map(|t| t.concat())
    };
    let old = join(&[
        "033-gwr-central-2003",
        "034-gwr-central-2004",
        "035-gwr-central-2005",
        "037-gwr-central-2007",
        "038-gwr-central-2008",
    ]);
    let new = join(&[
        "039-gwr-central-2009",
        "040-gwr-central-2010",
        "041-gwr-central-2011",
        "043-gwr-central-2013",
        "044-gwr-central-2015",
    ]);
    match (old, new) {
        (Some(old), Some(new)) => (old, new),
        _ => {
            eprintln!("skipped: {wild} is absent; comparing the seed ×3 with an edited copy instead");
            let one = seed();
            (one.repeat(3), one.replace("发展", "推进").repeat(3))
        }
    }
}

#[divan::bench(sample_count = 10)]
fn compare_sections_of_two_100k_plans(bencher: Bencher<'_, '_>) {
    let (old, new) = two_different_plans();
    let (old, _) = guihua_parse::parse(&old);
    let (new, _) = guihua_parse::parse(&new);
    let segmenter = guihua_index::Segmenter::new();
    let words = |text: &str| segmenter.cut_words(text);
    bencher.bench(|| {
        let old = guihua_diff::profile(black_box(&old), &words);
        let new = guihua_diff::profile(black_box(&new), &words);
        (guihua_diff::align_sections(&old, &new), guihua_diff::term_shifts(&old, &new, 15))
    });
}

#[divan::bench(sample_count = 10)]
fn indicators_and_goals_across_two_100k_plans(bencher: Bencher<'_, '_>) {
    let (old, new) = two_different_plans();
    let (old, _) = guihua_parse::parse(&old);
    let (new, _) = guihua_parse::parse(&new);
    bencher.bench(|| {
        let mut rows = guihua_diff::match_indicators(black_box(&old), black_box(&new));
        rows.extend(guihua_diff::match_targets(&old, &new));
        rows
    });
}
