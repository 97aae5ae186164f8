//! Server time of the pages researchers open most, on the scale corpus (`../shared/scale/laws.tar.xz`, 3,500 legal
//! texts, 64 MB): a search page for common words (hits, facets over every match, grouping), the concordance, an API
//! search and a document page. Requests go through the whole router, security layer included, without a network.
//!
//! Run with `cargo bench -p guihua-web`. The index is built once into the temporary folder (about 15 s) and reused.
//! Without `../shared`, the benches say so and measure the bundled plan only.
#![allow(missing_docs, clippy::print_stderr)]

use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use divan::{Bencher, black_box};
use guihua_index::{DocumentInfo, Library};
use guihua_web::{App, Bundled, Hosts};
use http_body_util::BodyExt;
use tower::ServiceExt;

/// The allocator of the `guihua` binary.
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

fn main() {
    divan::main();
}

/// Common words of the legal corpus: thousands to tens of thousands of matching units each.
const COMMON: [&str; 4] = ["人民政府", "管理", "发展", "数据"];

/// The version of the cached bench index: bump it when the index schema changes.
const INDEX_NAME: &str = "guihua-bench-serve-index-1";

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn laws() -> Option<Vec<PathBuf>> {
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
    Some(files)
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

const SEED_PATH: &str = "corpus/hebei-industry-transformation-13th-2016.txt";
const SEED: &[u8] = include_bytes!("../../../corpus/hebei-industry-transformation-13th-2016.txt");

fn add(library: &mut Library, path: &str, bytes: &[u8]) {
    let options = guihua_parse::Options { path: Some(path.to_owned()), skip_targets: true, ..Default::default() };
    let Ok(parsed) = guihua_parse::parse_bytes(bytes, &options) else { return };
    let stem = Path::new(path).file_stem().map_or_else(|| path.to_owned(), |s| s.to_string_lossy().into_owned());
    let title = parsed.document.meta.title.clone().unwrap_or_else(|| stem.clone());
    let info = DocumentInfo::of(stem, title, path.to_owned(), &parsed.document);
    library.add(&info, &parsed.document).expect("indexing works");
}

/// The app over the scale corpus's index (built once, then reused), else over the bundled plan.
fn app() -> &'static Arc<App> {
    static APP: OnceLock<Arc<App>> = OnceLock::new();
    APP.get_or_init(|| {
        let Some(files) = laws() else {
            let mut library = Library::in_memory().expect("an in-memory index");
            add(&mut library, SEED_PATH, SEED);
            library.commit().expect("commit works");
            return Arc::new(App::new(library, vec![Bundled { path: SEED_PATH, bytes: SEED }]).expect("an app"));
        };
        let dir = std::env::temp_dir().join(INDEX_NAME);
        let reusable = Library::open(&dir).ok().filter(|l| l.units() > 0);
        let library = match reusable {
            Some(library) => library,
            None => {
                eprintln!("building the index of {} files into {} …", files.len(), dir.display());
                let _ = std::fs::remove_dir_all(&dir);
                let mut library = Library::open_or_create(&dir).expect("an index folder");
                for path in &files {
                    if let Ok(bytes) = std::fs::read(path) {
                        add(&mut library, &path.display().to_string(), &bytes);
                    }
                }
                library.commit().expect("commit works");
                drop(library);
                Library::open(&dir).expect("the index just built")
            }
        };
        Arc::new(App::new(library, Vec::new()).expect("an app"))
    })
}

fn runtime() -> &'static tokio::runtime::Runtime {
    static RUNTIME: OnceLock<tokio::runtime::Runtime> = OnceLock::new();
    RUNTIME.get_or_init(|| tokio::runtime::Builder::new_current_thread().build().expect("a runtime"))
}

/// Answers one GET through the router, body read whole; returns the body's length.
fn get(uri: &str) -> usize {
    let router = guihua_web::router(Arc::clone(app()), Hosts::for_address("127.0.0.1:8080".parse().unwrap(), &[]));
    runtime().block_on(async {
        let request = Request::builder().uri(uri).header(header::HOST, "127.0.0.1:8080").body(Body::empty()).unwrap();
        let response = router.oneshot(request).await.unwrap();
        assert_eq!(response.status(), StatusCode::OK, "{uri}");
        response.into_body().collect().await.unwrap().to_bytes().len()
    })
}

fn encode(text: &str) -> String {
    form_urlencoded::byte_serialize(text.as_bytes()).collect()
}

/// The search page for a common word: 20 hits grouped, facets over every matching unit.
#[divan::bench(args = COMMON)]
fn search_page(bencher: Bencher<'_, '_>, word: &str) {
    let uri = format!("/search?q={}", encode(word));
    get(&uri);
    bencher.bench(|| black_box(get(&uri)));
}

/// `/api/search` with 10 hits.
#[divan::bench(args = COMMON)]
fn api_search(bencher: Bencher<'_, '_>, word: &str) {
    let uri = format!("/api/search?q={}", encode(word));
    get(&uri);
    bencher.bench(|| black_box(get(&uri)));
}

/// The concordance of the 500 best units, with the trend over every document.
#[divan::bench(args = ["人民政府", "数据"])]
fn kwic_page(bencher: Bencher<'_, '_>, word: &str) {
    let uri = format!("/kwic?q={}", encode(word));
    get(&uri);
    bencher.bench(|| black_box(get(&uri)));
}
