//! Repository tasks. `cargo xtask perf` is the performance check: it measures the figures that guard guihua's hot
//! paths — parsing to the tree and end to end, structural diff, indexing against tantivy's own floor, cold and warm
//! queries against SQLite FTS5 — in one run on this machine, prints each next to its target as a ratio, and exits 1
//! when one falls short. Timings are noisy, so it is not part of CI; run it before a change to a hot path lands.
//!
//! Targets are ratios measured in the same run where a peer exists (tantivy's floor, `sqlite3`), otherwise the
//! figures the issues set (parse ≥ 100 MB/s to the tree, ≥ 50 MB/s end to end; diff of two 100,000-character plans
//! ≤ 100 ms) or, for warm queries, a budget (≤ 5 ms median with snippets) that guards against regressions.
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};
use std::time::{Duration, Instant};

/// Queries of three or more characters: the ones SQLite's trigram index answers without a scan.
const COLD_QUERIES: [&str; 9] =
    ["大数据", "人民政府", "环境保护", "知识产权", "安全生产", "行政处罚", "未成年人", "交通运输", "网络安全"];

/// Everyday queries for warm latency: words, parts of words, two-term ANDs.
const WARM_QUERIES: [&str; 12] = [
    "数据",
    "大数据",
    "人民政府",
    "环境保护",
    "知识产权",
    "食品",
    "行政处罚",
    "网络",
    "金融 监管",
    "教育 经费",
    "产业",
    "农村 集体",
];

/// The allocator of the `guihua` binary, so that in-process figures measure what the command does.
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("perf") => perf(args.get(1).map(String::as_str) == Some("parse")),
        _ => {
            eprintln!(
                "usage: cargo xtask perf [parse]\n\nperf        run the performance check (parse, diff, index, queries) and compare each figure with its target\nperf parse  only the parse figures (a few seconds)"
            );
            ExitCode::from(2)
        }
    }
}

/// One measured figure and its target.
struct Figure {
    name: &'static str,
    measured: f64,
    unit: &'static str,
    target: f64,
    /// Whether a larger figure is better (throughput) or worse (latency).
    higher_is_better: bool,
    /// Where the target comes from.
    source: String,
}

impl Figure {
    /// How far the figure is past its target: 1.0 or more meets it.
    fn ratio(&self) -> f64 {
        if self.higher_is_better { self.measured / self.target } else { self.target / self.measured }
    }
}

fn perf(parse_only: bool) -> ExitCode {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let root = root.canonicalize().unwrap_or(root);
    eprintln!("building the release binary …");
    let built = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
        .args(["build", "--release", "--quiet", "-p", "guihua-cli"])
        .current_dir(&root)
        .status();
    if !built.is_ok_and(|s| s.success()) {
        eprintln!("error: `cargo build --release -p guihua-cli` failed");
        return ExitCode::FAILURE;
    }
    let exe = root.join("target/release/guihua");
    let seed_path = root.join("corpus/hebei-industry-transformation-13th-2016.txt");
    let Ok(seed) = std::fs::read_to_string(&seed_path) else {
        eprintln!("error: cannot read {}", seed_path.display());
        return ExitCode::FAILURE;
    };
    let work = std::env::temp_dir().join(format!("guihua-perf-{}", std::process::id()));
    if let Err(e) = std::fs::create_dir_all(&work) {
        eprintln!("error: cannot create {}: {e}", work.display());
        return ExitCode::FAILURE;
    }
    let mut figures = Vec::new();
    eprintln!("parsing …");
    figures.extend(parse_figures(&seed, &exe, &work));
    if !parse_only {
        eprintln!("diffing …");
        figures.push(diff_figure(&seed));
        let corpus = scale_corpus(&root, &seed, &work);
        eprintln!("indexing {} …", corpus.label);
        figures.extend(search_figures(&corpus, &exe, &work));
    }
    let _ = std::fs::remove_dir_all(&work);

    println!("{:<34} {:>12} {:>12} {:>7}  target from", "figure", "measured", "target", "ratio");
    let mut short = 0;
    for f in &figures {
        let ok = f.ratio() >= 1.0;
        short += usize::from(!ok);
        let mark = if ok { "" } else { "  SHORT" };
        let (m, t) = (format!("{:.2} {}", f.measured, f.unit), format!("{:.2} {}", f.target, f.unit));
        println!("{:<34} {m:>12} {t:>12} {:>7.2}  {}{mark}", f.name, f.ratio(), f.source);
    }
    if short == 0 {
        println!("all {} figures meet their targets", figures.len());
        ExitCode::SUCCESS
    } else {
        println!("{short} of {} figures fall short", figures.len());
        ExitCode::FAILURE
    }
}

/// Megabytes per second for `bytes` in `time`.
fn mb_per_s(bytes: usize, time: Duration) -> f64 {
    bytes as f64 / 1e6 / time.as_secs_f64().max(1e-9)
}

/// The best of `runs` timings of `f`.
fn best_of(runs: usize, mut f: impl FnMut()) -> Duration {
    (0..runs)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .min()
        .unwrap_or_default()
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values.get(values.len() / 2).copied().unwrap_or(f64::NAN)
}

fn parse_figures(seed: &str, exe: &Path, work: &Path) -> Vec<Figure> {
    let text = seed.repeat(80);
    std::hint::black_box(guihua_parse::parse(&text));
    // The best of ten runs (under a second): on a shared machine single runs of the same build vary by a third, and
    // the best is the one other work disturbed least.
    let tree = best_of(10, || {
        std::hint::black_box(guihua_parse::parse(std::hint::black_box(&text)));
    });
    let file = work.join("seed-x80.txt");
    let written = std::fs::write(&file, &text);
    let cli = best_of(5, || {
        let status =
            Command::new(exe).arg("parse").arg(&file).args(["--format", "json"]).stdout(Stdio::null()).status();
        assert!(status.is_ok_and(|s| s.success()), "guihua parse runs");
    });
    let mut figures = vec![Figure {
        name: "parse to tree (seed ×80)",
        measured: mb_per_s(text.len(), tree),
        unit: "MB/s",
        target: 100.0,
        higher_is_better: true,
        source: "issue 11".into(),
    }];
    if written.is_ok() {
        figures.push(Figure {
            name: "guihua parse --format json",
            measured: mb_per_s(text.len(), cli),
            unit: "MB/s",
            target: 50.0,
            higher_is_better: true,
            source: "issue 11 (end to end)".into(),
        });
    }
    figures
}

fn diff_figure(seed: &str) -> Figure {
    let edited = seed
        .replacen("中车石家庄城轨车辆", "中车保定市城轨车辆", 1)
        .replacen("（三）改善产业发展环境。", "（三）优化产业发展环境。", 1)
        .replacen("达到60%以上。", "达到60%以上。新增一句测试文本。", 1);
    // Three copies of the seed make about 100,000 characters.
    let (old, _) = guihua_parse::parse(&seed.repeat(3));
    let (new, _) = guihua_parse::parse(&edited.repeat(3));
    let times: Vec<f64> = (0..7)
        .map(|_| {
            let start = Instant::now();
            std::hint::black_box(guihua_diff::diff(&old, &new));
            start.elapsed().as_secs_f64() * 1e3
        })
        .collect();
    Figure {
        name: "diff, two 100k-char plans",
        measured: median(times),
        unit: "ms",
        target: 100.0,
        higher_is_better: false,
        source: "diff bench".into(),
    }
}

/// The corpus that indexing and queries run on.
struct Corpus {
    label: String,
    dir: PathBuf,
    files: Vec<PathBuf>,
    bytes: usize,
}

/// The scale corpus (`../shared/scale/laws.tar.xz`, unpacked once into the temporary folder the index bench uses), or
/// 200 copies of the seed where it is absent.
fn scale_corpus(root: &Path, seed: &str, work: &Path) -> Corpus {
    let archive = root.join("../shared/scale/laws.tar.xz");
    let unpacked = std::env::temp_dir().join("guihua-bench-laws");
    if archive.is_file() && !unpacked.join("laws").is_dir() {
        let _ = std::fs::create_dir_all(&unpacked);
        let _ = Command::new("tar").arg("-xJf").arg(&archive).arg("-C").arg(&unpacked).status();
    }
    let (label, dir) = if unpacked.join("laws").is_dir() {
        ("the scale corpus (../shared/scale)".to_owned(), unpacked.join("laws"))
    } else {
        eprintln!("note: {} is absent; indexing 200 copies of the seed instead", archive.display());
        let dir = work.join("seed-copies");
        let _ = std::fs::create_dir_all(&dir);
        for i in 0..200 {
            let _ = std::fs::write(dir.join(format!("seed-{i:03}.txt")), seed);
        }
        ("200 copies of the seed".to_owned(), dir)
    };
    let mut files = Vec::new();
    collect(&dir, &mut files);
    files.sort();
    let bytes = files.iter().filter_map(|p| std::fs::metadata(p).ok()).map(|m| m.len() as usize).sum();
    Corpus { label, dir, files, bytes }
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(&path, out);
        } else if path.extension().is_some_and(|e| e == "md" || e == "txt") {
            out.push(path);
        }
    }
}

fn search_figures(corpus: &Corpus, exe: &Path, work: &Path) -> Vec<Figure> {
    let index = work.join("index");
    let start = Instant::now();
    let status = Command::new(exe)
        .arg("index")
        .arg(&corpus.dir)
        .arg("--index")
        .arg(&index)
        .arg("--rebuild")
        .stderr(Stdio::null())
        .stdout(Stdio::null())
        .status();
    let index_time = start.elapsed();
    if !status.is_ok_and(|s| s.success()) {
        eprintln!("error: `guihua index` failed; no search figures");
        return Vec::new();
    }
    let floor = tantivy_floor(&corpus.files, work);
    let mut figures = vec![Figure {
        name: "guihua index",
        measured: mb_per_s(corpus.bytes, index_time),
        unit: "MB/s",
        target: 0.6 * floor,
        higher_is_better: true,
        source: format!("0.6 × tantivy floor {floor:.1} MB/s (issue 15)"),
    }];
    let cold = |extra: &[&str]| -> f64 {
        let per_query = COLD_QUERIES.iter().map(|q| {
            let times = (0..5).map(|_| {
                let start = Instant::now();
                let _ = Command::new(exe)
                    .args(["search", q, "--index"])
                    .arg(&index)
                    .args(extra)
                    .stdout(Stdio::null())
                    .stderr(Stdio::null())
                    .status();
                start.elapsed().as_secs_f64() * 1e3
            });
            median(times.collect())
        });
        median(per_query.collect())
    };
    let count = cold(&["--count"]);
    let json = cold(&["--json", "--limit", "10"]);
    let sqlite_run = sqlite_cold(corpus, work);
    if let Some((_, build)) = sqlite_run {
        let index_mb_s = figures[0].measured;
        figures.push(Figure {
            name: "guihua index vs sqlite3 FTS5",
            measured: index_mb_s,
            unit: "MB/s",
            target: 2.5 * mb_per_s(corpus.bytes, build),
            higher_is_better: true,
            source: "2.5 × sqlite3 FTS5 trigram index build, same run (issue 15)".into(),
        });
    }
    let (sqlite, source) = match sqlite_run {
        Some((ms, _)) => (ms, "sqlite3 FTS5 trigram count, same run (issue 15)".to_owned()),
        None => (2.0, "sqlite3 absent: its 2 ms measured in issue 15".to_owned()),
    };
    figures.push(Figure {
        name: "cold search --count (median)",
        measured: count,
        unit: "ms",
        target: sqlite,
        higher_is_better: false,
        source: source.clone(),
    });
    figures.push(Figure {
        name: "cold search --json --limit 10",
        measured: json,
        unit: "ms",
        target: 1.5 * sqlite,
        higher_is_better: false,
        source: format!("1.5 × {source}"),
    });
    if let Ok(library) = guihua_index::Library::open(&index) {
        let mut times = Vec::new();
        for q in WARM_QUERIES {
            let _ = library.search(q, 10);
            for _ in 0..20 {
                let start = Instant::now();
                let _ = std::hint::black_box(library.search(q, 10));
                times.push(start.elapsed().as_secs_f64() * 1e3);
            }
        }
        figures.push(Figure {
            name: "warm search, 10 hits with snippets",
            measured: median(times),
            unit: "ms",
            target: 5.0,
            higher_is_better: false,
            source: "budget (regression guard)".into(),
        });
    }
    figures
}

/// tantivy's floor: the same text, one unit per non-blank line, into one field of character bigrams with positions,
/// on two writer threads. MB/s.
fn tantivy_floor(files: &[PathBuf], work: &Path) -> f64 {
    use tantivy::schema::{IndexRecordOption, Schema, TextFieldIndexing, TextOptions};
    let texts: Vec<String> =
        files.iter().filter_map(|p| std::fs::read(p).ok()).map(|b| String::from_utf8_lossy(&b).into_owned()).collect();
    let bytes: usize = texts.iter().map(String::len).sum();
    let dir = work.join("floor");
    let _ = std::fs::create_dir_all(&dir);
    let start = Instant::now();
    let mut schema = Schema::builder();
    let indexing = TextFieldIndexing::default()
        .set_tokenizer("bigrams")
        .set_index_option(IndexRecordOption::WithFreqsAndPositions);
    let field = schema.add_text_field("bigrams", TextOptions::default().set_indexing_options(indexing));
    let Ok(index) = tantivy::Index::create_in_dir(&dir, schema.build()) else { return f64::NAN };
    index.tokenizers().register("bigrams", guihua_index::floor::PlainBigrams);
    let Ok(mut writer) = index.writer_with_num_threads::<tantivy::TantivyDocument>(2, 400_000_000) else {
        return f64::NAN;
    };
    for text in &texts {
        for line in text.lines().filter(|l| !l.trim().is_empty()) {
            let mut doc = tantivy::TantivyDocument::default();
            doc.add_text(field, line);
            let _ = writer.add_document(doc);
        }
    }
    let _ = writer.commit();
    let _ = writer.wait_merging_threads();
    mb_per_s(bytes, start.elapsed())
}

/// The median cold `sqlite3 DB "SELECT count(*) …"` over the cold queries, on an FTS5 trigram table holding the same
/// text one row per non-blank line, and the time `sqlite3` took to build that table from the rows; `None` without a
/// `sqlite3` command.
fn sqlite_cold(corpus: &Corpus, work: &Path) -> Option<(f64, Duration)> {
    Command::new("sqlite3").arg("-version").stdout(Stdio::null()).status().ok()?.success().then_some(())?;
    let rows = work.join("rows.txt");
    let mut all = String::with_capacity(corpus.bytes);
    for text in corpus.files.iter().filter_map(|p| std::fs::read(p).ok()) {
        for line in String::from_utf8_lossy(&text).lines().filter(|l| !l.trim().is_empty()) {
            all.push_str(&line.replace('\u{1f}', " "));
            all.push('\n');
        }
    }
    std::fs::write(&rows, all).ok()?;
    let db = work.join("fts.db");
    let script = format!(
        "CREATE VIRTUAL TABLE t USING fts5(body, tokenize='trigram');\n.mode ascii\n.separator \"\\037\" \"\\n\"\n.import '{}' t\n",
        rows.display()
    );
    let start = Instant::now();
    let mut child = Command::new("sqlite3").arg(&db).stdin(Stdio::piped()).stdout(Stdio::null()).spawn().ok()?;
    std::io::Write::write_all(child.stdin.as_mut()?, script.as_bytes()).ok()?;
    drop(child.stdin.take());
    child.wait().ok()?.success().then_some(())?;
    let build = start.elapsed();
    let per_query = COLD_QUERIES.iter().map(|q| {
        let sql = format!("SELECT count(*) FROM t WHERE t MATCH '\"{q}\"'");
        let times = (0..5).map(|_| {
            let start = Instant::now();
            let _ = Command::new("sqlite3").arg(&db).arg(&sql).stdout(Stdio::null()).status();
            start.elapsed().as_secs_f64() * 1e3
        });
        median(times.collect())
    });
    Some((median(per_query.collect()), build))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ratios_say_how_far_past_the_target() {
        let f = |measured, higher_is_better| Figure {
            name: "x",
            measured,
            unit: "",
            target: 10.0,
            higher_is_better,
            source: String::new(),
        };
        assert_eq!(f(20.0, true).ratio(), 2.0);
        assert_eq!(f(20.0, false).ratio(), 0.5);
        assert_eq!(median(vec![3.0, 1.0, 2.0]), 2.0);
    }
}
