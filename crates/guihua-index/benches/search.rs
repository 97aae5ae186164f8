//! Indexing throughput and warm query latency on the scale corpus (`../shared/scale/laws.tar.xz`, 64 MB of Chinese
//! legal text).
//!
//! Run with `cargo bench -p guihua-index`. Without `../shared`, the benches say so and measure the bundled plan only.
#![allow(missing_docs, clippy::print_stderr)]

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use divan::counter::BytesCount;
use divan::{Bencher, black_box};
use guihua_index::{DocumentInfo, Library};

fn main() {
    divan::main();
}

/// Twenty everyday queries: words, parts of words, two-term ANDs.
const QUERIES: [&str; 20] = [
    "数据",
    "大数据",
    "人民政府",
    "环境保护",
    "知识产权",
    "安全生产",
    "食品",
    "税收",
    "行政处罚",
    "未成年人",
    "土地",
    "网络",
    "金融 监管",
    "教育 经费",
    "产业",
    "创新",
    "交通运输",
    "医疗",
    "能源",
    "农村 集体",
];

/// Files and their bytes.
type Files = Vec<(PathBuf, Vec<u8>)>;

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The unpacked scale corpus, or `None` with a message where `../shared` is absent.
fn laws() -> Option<&'static Files> {
    static LAWS: OnceLock<Option<Files>> = OnceLock::new();
    LAWS.get_or_init(|| {
        let archive = repo().join("../shared/scale/laws.tar.xz");
        if !archive.exists() {
            eprintln!("skipped: {} is absent; benchmarking the bundled plan only", archive.display());
            return None;
        }
        let dir = std::env::temp_dir().join("guihua-bench-laws");
        if !dir.join("laws").exists() {
            std::fs::create_dir_all(&dir).ok()?;
            let status = std::process::Command::new("tar").arg("-xJf").arg(&archive).arg("-C").arg(&dir).status();
            if !status.is_ok_and(|s| s.success()) {
                eprintln!("skipped: could not unpack {}", archive.display());
                return None;
            }
        }
        let mut files = Vec::new();
        collect(&dir.join("laws"), &mut files);
        files.sort();
        Some(files.into_iter().filter_map(|p| std::fs::read(&p).ok().map(|b| (p, b))).collect())
    })
    .as_ref()
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(&path, out);
        } else if path.extension().is_some_and(|e| e == "md") {
            out.push(path);
        }
    }
}

fn seed() -> Files {
    let path = repo().join("corpus/hebei-industry-transformation-13th-2016.txt");
    let bytes = std::fs::read(&path).expect("the seed is in corpus/");
    vec![(path, bytes)]
}

fn corpus() -> Files {
    laws().cloned().unwrap_or_else(seed)
}

fn build(files: &[(PathBuf, Vec<u8>)], dir: Option<&Path>) -> Library {
    let mut library = match dir {
        Some(dir) => Library::open_or_create(dir).expect("an index folder"),
        None => Library::in_memory().expect("an in-memory index"),
    };
    for (path, bytes) in files {
        let Ok(parsed) = guihua_parse::parse_bytes(bytes, &guihua_parse::Options::default()) else { continue };
        let info = DocumentInfo {
            doc_id: path.display().to_string(),
            path: path.display().to_string(),
            ..DocumentInfo::default()
        };
        library.add(&info, &parsed.document).expect("indexing works");
    }
    library.commit().expect("commit works");
    library
}

/// Parse and index the whole corpus into a fresh folder, both fields, as `guihua index` does.
#[divan::bench(sample_count = 1)]
fn index_corpus(bencher: Bencher<'_, '_>) {
    let files = corpus();
    let bytes: usize = files.iter().map(|(_, b)| b.len()).sum();
    bencher.counter(BytesCount::new(bytes)).bench(|| {
        let dir = std::env::temp_dir().join(format!("guihua-bench-index-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let library = build(&files, Some(&dir));
        black_box(library.units());
        let _ = std::fs::remove_dir_all(&dir);
    });
}

/// Warm query latency, with the top ten hits and their snippets, for each of twenty queries.
#[divan::bench(args = QUERIES, sample_count = 200)]
fn query_with_snippets(bencher: Bencher<'_, '_>, query: &str) {
    static LIBRARY: OnceLock<Library> = OnceLock::new();
    let library = LIBRARY.get_or_init(|| build(&corpus(), None));
    bencher.bench(|| library.search(black_box(query), 10).expect("a valid query"));
}
