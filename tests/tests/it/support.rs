//! Shared helpers: the bundled corpus, `../shared`, the built binary, and tree walks.

use std::path::{Path, PathBuf};
use std::process::Command;

use guihua_model::{Document, Node, Panel, Section};

/// The repository root.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("tests/ has a parent").to_path_buf()
}

/// The seed plan shipped in `corpus/`.
pub fn seed_path() -> PathBuf {
    root().join("corpus/hebei-industry-transformation-13th-2016.txt")
}

/// The seed, parsed from its bytes as the CLI does.
pub fn seed() -> (Document, String) {
    let bytes = std::fs::read(seed_path()).expect("the seed is in corpus/");
    let parsed = guihua_parse::parse_bytes(&bytes, &guihua_parse::Options::default()).expect("the seed decodes");
    (parsed.document, parsed.text)
}

/// `../shared/corpus`, or `None` (with a note on stderr) where it is absent.
#[allow(clippy::print_stderr)] // a skipped test says why
pub fn shared_corpus() -> Option<PathBuf> {
    let dir = root().join("../shared/corpus");
    if dir.is_dir() {
        Some(dir)
    } else {
        eprintln!("skipped: {} is absent (the shared corpus sits beside the repository)", dir.display());
        None
    }
}

/// The `guihua` binary that `cargo test --workspace` builds beside this test executable (it builds it because
/// `crates/guihua-cli` has an integration test of its own).
pub fn guihua() -> Command {
    let exe = std::env::current_exe().expect("the test executable has a path");
    let dir = exe.parent().and_then(Path::parent).expect("tests run from target/<profile>/deps");
    let bin = dir.join(format!("guihua{}", std::env::consts::EXE_SUFFIX));
    assert!(bin.exists(), "{} is missing: run the tests with `cargo test --workspace`", bin.display());
    Command::new(bin)
}

/// Every section of the document with its breadcrumb of titles, depth first.
pub fn sections(doc: &Document) -> Vec<(Vec<String>, &Section)> {
    fn visit<'a>(nodes: &'a [Node], path: &mut Vec<String>, out: &mut Vec<(Vec<String>, &'a Section)>) {
        for node in nodes {
            if let Node::Section(s) = node {
                path.push(s.title.clone());
                out.push((path.clone(), s));
                visit(&s.children, path, out);
                path.pop();
            }
            if let Node::Part(p) = node {
                visit(&p.children, path, out);
            }
        }
    }
    let mut out = Vec::new();
    visit(&doc.outline, &mut Vec::new(), &mut out);
    out
}

/// Every panel with the breadcrumb of the section it stands in.
pub fn panels(doc: &Document) -> Vec<(Vec<String>, &Panel)> {
    let mut out = Vec::new();
    for (path, section) in sections(doc) {
        for child in &section.children {
            if let Node::Panel(p) = child {
                out.push((path.clone(), p));
            }
        }
    }
    for node in &doc.outline {
        if let Node::Panel(p) = node {
            out.push((Vec::new(), p));
        }
    }
    out
}
