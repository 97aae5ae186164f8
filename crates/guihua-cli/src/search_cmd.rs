//! `guihua index` and `guihua search`.

use std::collections::{BTreeMap, HashSet};
use std::fs;
use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{Context, bail};
use clap::Args;
use guihua_index::{DocumentInfo, Library};
use serde_json::{Value, json};

/// The plan bundled in the binary, searched when no index has been built.
pub(crate) const BUNDLED: [(&str, &[u8]); 1] = [(
    "corpus/hebei-industry-transformation-13th-2016.txt",
    include_bytes!("../../../corpus/hebei-industry-transformation-13th-2016.txt"),
)];

/// The file tantivy keeps in every index folder: its presence says a folder holds an index.
const INDEX_META: &str = "meta.json";
/// The format of the manifest (which files the index holds, by content hash). Format 2 keeps the manifest in a file
/// of its own, named by its content hash, and only that name in the payload of the commit: the commit still switches
/// index and manifest together atomically, and a search, which tantivy makes read the commit's metadata, no longer
/// reads the whole manifest (717 KB on 3,504 laws) to check a format number. Format 1 (the manifest in the payload)
/// is still read; an index with another format is rebuilt, not guessed at.
const MANIFEST_FORMAT: u64 = 2;
/// The prefix of manifest files in an index folder.
const MANIFEST_PREFIX: &str = "guihua-manifest-";

/// Arguments of `guihua index`.
#[derive(Debug, Args)]
pub(crate) struct IndexArgs {
    /// Files or folders to index (folders recursively: `.txt` and `.md` files).
    #[arg(required = true, value_name = "PATH")]
    paths: Vec<PathBuf>,
    /// The index folder (default: $GUIHUA_INDEX, else a per-user data folder).
    #[arg(long, value_name = "DIR")]
    index: Option<PathBuf>,
    /// Drop the existing index and build it anew.
    #[arg(long)]
    rebuild: bool,
}

/// Arguments of `guihua search`.
#[derive(Debug, Args)]
pub(crate) struct SearchArgs {
    /// The query: terms are ANDed; "exact phrase"; OR; -term excludes; type:indicator, type:project, doc:<id or title>.
    #[arg(required = true, value_name = "QUERY")]
    query: Vec<String>,
    /// Excluded terms: `-钢铁` on the command line arrives here (see `main::exclusions_as_options`).
    #[arg(long = "exclude", value_name = "TERM", hide = true)]
    exclude: Vec<String>,
    /// The index folder (default: $GUIHUA_INDEX, else a per-user data folder; with no index there, the bundled plan).
    #[arg(long, value_name = "DIR")]
    index: Option<PathBuf>,
    /// How many hits to print.
    #[arg(long, default_value_t = 10, value_name = "N")]
    limit: usize,
    /// Print only the number of matching units.
    #[arg(long)]
    count: bool,
    /// Print JSON Lines, one hit per line.
    #[arg(long)]
    pub(crate) json: bool,
}

/// `--index`, else `GUIHUA_INDEX`, else the per-user data folder.
fn index_dir(explicit: Option<&Path>) -> Option<(PathBuf, bool)> {
    if let Some(dir) = explicit {
        return Some((dir.to_path_buf(), true));
    }
    if let Some(dir) = std::env::var_os("GUIHUA_INDEX").filter(|d| !d.is_empty()) {
        return Some((PathBuf::from(dir), true));
    }
    let data = std::env::var_os("XDG_DATA_HOME")
        .filter(|d| !d.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".local/share")))
        .or_else(|| std::env::var_os("APPDATA").map(PathBuf::from))?;
    Some((data.join("guihua").join("index"), false))
}

pub(crate) fn index(args: &IndexArgs) -> anyhow::Result<ExitCode> {
    let started = Instant::now();
    let (dir, _) = index_dir(args.index.as_deref()).context("no index folder: pass --index DIR")?;
    let is_index = dir.join(INDEX_META).exists();
    if !is_index && fs::read_dir(&dir).is_ok_and(|mut entries| entries.next().is_some()) {
        bail!("{} is not empty and holds no guihua index: choose a new or empty folder", dir.display());
    }
    if args.rebuild && is_index {
        fs::remove_dir_all(&dir).with_context(|| format!("cannot remove {}", dir.display()))?;
    }
    let mut library =
        Library::open_or_create(&dir).with_context(|| format!("cannot open the index at {}", dir.display()))?;
    let mut manifest = read_manifest(&library, &dir, true)?;
    let mut skipped = Skipped::new();
    let files = collect_files(&args.paths, &mut skipped)?;
    let (mut added, mut unchanged) = (0, 0);
    let mut seen = HashSet::new();
    let sizes: Vec<u64> = files.iter().map(|f| fs::metadata(f).map_or(0, |m| m.len())).collect();
    library.fit_memory_to(sizes.iter().copied().max().unwrap_or(0));
    let progress = progress_bar(sizes.iter().sum());
    for file in &files {
        let key = file.display().to_string();
        seen.insert(key.clone());
        progress.set_message(key.clone());
        let Ok(bytes) = fs::read(file) else {
            skipped.push((key, "unreadable file"));
            continue;
        };
        progress.inc(bytes.len() as u64);
        let sha = guihua_parse::hex_sha256(&bytes);
        if manifest.get(&key).and_then(|e| e["sha256"].as_str()) == Some(sha.as_str()) {
            unchanged += 1;
            continue;
        }
        let options = guihua_parse::Options {
            path: Some(key.clone()),
            skip_targets: true,
            giant_text_by_span: true,
            ..Default::default()
        };
        let Ok(parsed) = guihua_parse::parse_owned(bytes, &options) else {
            skipped.push((key, "not a text document"));
            continue;
        };
        // A large file is not held twice while its units are indexed: the text is dropped when the paragraphs hold
        // their own, and kept when they are read from it (giant paragraphs, which the parse did not copy).
        let guihua_parse::Parsed { document, mut text } = parsed;
        // Only a file longer than a giant paragraph can hold one: most files are not walked for it.
        let by_span =
            |(_, n): &(usize, &guihua_model::Node)| matches!(n, guihua_model::Node::Paragraph(p) if p.text_by_span());
        if text.len() <= guihua_parse::GIANT_TEXT || !document.walk().iter().any(by_span) {
            text = String::new();
        }
        let info = document_info(file, &document);
        library.remove(&key)?;
        let units = library.add_in(&info, &document, &text)?;
        manifest.insert(key, json!({"sha256": sha, "doc_id": info.doc_id, "title": info.title, "units": units}));
        added += 1;
    }
    let roots: Vec<String> = args.paths.iter().map(|p| p.display().to_string()).collect();
    let gone: Vec<String> = manifest
        .keys()
        .filter(|k| !seen.contains(*k) && roots.iter().any(|r| k.starts_with(r.as_str())))
        .cloned()
        .collect();
    for key in &gone {
        library.remove(key)?;
        manifest.remove(key);
    }
    progress.set_message("committing");
    let name = write_manifest(&dir, &manifest)?;
    let payload = json!({"format": MANIFEST_FORMAT, "manifest": name, "documents": manifest.len()});
    library.commit_with_payload(Some(&payload.to_string()))?;
    remove_old_manifests(&dir, &name);
    progress.finish_and_clear();
    for (path, reason) in &skipped {
        eprintln!("guihua: skipped {path}: {reason}");
    }
    let size = folder_size(&dir);
    eprintln!(
        "indexed {} documents ({added} new or changed, {unchanged} unchanged, {} removed, {}), {} units, {:.1} MB, in {:.2} s → {}",
        manifest.len(),
        gone.len(),
        skip_summary(&skipped),
        library.units(),
        size as f64 / 1e6,
        started.elapsed().as_secs_f64(),
        dir.display()
    );
    Ok(ExitCode::SUCCESS)
}

/// A progress bar over bytes on a terminal; hidden when stderr is not one (scripts, CI).
fn progress_bar(total: u64) -> indicatif::ProgressBar {
    if !io::stderr().is_terminal() {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::new(total);
    let style =
        indicatif::ProgressStyle::with_template("{bar:40} {bytes}/{total_bytes} {bytes_per_sec} eta {eta} {wide_msg}")
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar());
    bar.set_style(style);
    bar
}

pub(crate) fn document_info(file: &Path, document: &guihua_model::Document) -> DocumentInfo {
    let stem = file.file_stem().map_or_else(|| file.display().to_string(), |s| s.to_string_lossy().into_owned());
    let title = document.meta.title.clone().unwrap_or_else(|| stem.clone());
    DocumentInfo::of(stem, title, file.display().to_string(), document)
}

/// What was passed over, and why: `(path, reason)`.
pub(crate) type Skipped = Vec<(String, &'static str)>;

/// Files under `paths`: files as given, folders walked for `.txt` and `.md`, each folder visited once (a symlink
/// loop is reported, not followed). Unreadable folders and loops are added to `skipped`.
pub(crate) fn collect_files(paths: &[PathBuf], skipped: &mut Skipped) -> anyhow::Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    let mut visited = HashSet::new();
    for path in paths {
        let meta = fs::metadata(path).with_context(|| format!("cannot read {}", path.display()))?;
        if meta.is_dir() {
            walk(path, &mut visited, &mut out, skipped);
        } else {
            out.push(path.clone());
        }
    }
    out.sort();
    out.dedup();
    Ok(out)
}

fn walk(dir: &Path, visited: &mut HashSet<PathBuf>, out: &mut Vec<PathBuf>, skipped: &mut Skipped) {
    let Ok(real) = fs::canonicalize(dir) else {
        skipped.push((dir.display().to_string(), "unresolvable folder"));
        return;
    };
    if !visited.insert(real) {
        skipped.push((dir.display().to_string(), "folder already visited (a symlink loop)"));
        return;
    }
    let Ok(entries) = fs::read_dir(dir) else {
        skipped.push((dir.display().to_string(), "unreadable folder"));
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            walk(&path, visited, out, skipped);
        } else if path.extension().is_some_and(|e| e == "txt" || e == "md") {
            out.push(path);
        }
    }
}

/// `3 skipped: 2 not a text document, 1 unreadable file`.
fn skip_summary(skipped: &Skipped) -> String {
    let mut reasons: BTreeMap<&str, usize> = BTreeMap::new();
    for (_, reason) in skipped {
        *reasons.entry(reason).or_default() += 1;
    }
    let parts: Vec<String> = reasons.iter().map(|(reason, n)| format!("{n} {reason}")).collect();
    if parts.is_empty() { "0 skipped".to_owned() } else { format!("{} skipped: {}", skipped.len(), parts.join(", ")) }
}

/// Writes the manifest into a file named by its content hash, durably, before the commit that names it; returns the
/// name.
fn write_manifest(dir: &Path, manifest: &BTreeMap<String, Value>) -> anyhow::Result<String> {
    let text = serde_json::to_string(manifest)?;
    let name = format!("{MANIFEST_PREFIX}{}.json", &guihua_parse::hex_sha256(text.as_bytes())[..16]);
    let partial = dir.join(format!("{name}.partial"));
    let write = || -> io::Result<()> {
        let mut file = fs::File::create(&partial)?;
        file.write_all(text.as_bytes())?;
        file.sync_all()?;
        fs::rename(&partial, dir.join(&name))
    };
    write().with_context(|| format!("cannot write the manifest into {}", dir.display()))?;
    Ok(name)
}

/// Removes the manifest files of earlier commits (and any left half-written), once `keep` is committed.
fn remove_old_manifests(dir: &Path, keep: &str) {
    for entry in fs::read_dir(dir).into_iter().flatten().flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if name.starts_with(MANIFEST_PREFIX) && name != keep {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// The manifest stored with the last commit: path → {sha256, doc_id, title, units}. With `full` false only its
/// format is checked (a search needs no more), and the map is empty.
fn read_manifest(library: &Library, dir: &Path, full: bool) -> anyhow::Result<BTreeMap<String, Value>> {
    let Some(payload) = library.payload()? else {
        if library.units() == 0 {
            return Ok(BTreeMap::new()); // a new index
        }
        bail!("the index at {} has no guihua manifest; rebuild it with `guihua index --rebuild`", dir.display());
    };
    let value: Value = serde_json::from_str(&payload).unwrap_or(Value::Null);
    let incompatible = || {
        anyhow::anyhow!(
            "the index at {} was written by an incompatible version of guihua; rebuild it with `guihua index --rebuild`",
            dir.display()
        )
    };
    match value["format"].as_u64() {
        Some(1) if full => Ok(value["documents"].as_object().cloned().unwrap_or_default().into_iter().collect()),
        Some(MANIFEST_FORMAT) if full => {
            let name =
                value["manifest"].as_str().filter(|n| n.starts_with(MANIFEST_PREFIX) && !n.contains(['/', '\\']));
            let path = dir.join(name.ok_or_else(incompatible)?);
            let text = fs::read_to_string(&path).with_context(|| {
                format!("cannot read the manifest {}; rebuild the index with `guihua index --rebuild`", path.display())
            })?;
            serde_json::from_str(&text).with_context(|| format!("the manifest {} is damaged", path.display()))
        }
        Some(1 | MANIFEST_FORMAT) => Ok(BTreeMap::new()),
        _ => Err(incompatible()),
    }
}

fn folder_size(dir: &Path) -> u64 {
    fs::read_dir(dir).map_or(0, |entries| entries.flatten().filter_map(|e| e.metadata().ok()).map(|m| m.len()).sum())
}

/// The index to search: the one asked for, else the default one if it exists, else the bundled plan in memory (then
/// the flag is true).
pub(crate) fn open_library(explicit: Option<&Path>) -> anyhow::Result<(Library, bool)> {
    if let Some((dir, asked)) = index_dir(explicit) {
        if dir.join(INDEX_META).exists() {
            let library = Library::open(&dir).with_context(|| format!("cannot open the index at {}", dir.display()))?;
            read_manifest(&library, &dir, false)?;
            return Ok((library, false));
        }
        if asked {
            bail!("no index at {}: build one with `guihua index PATH… --index {}`", dir.display(), dir.display());
        }
    }
    let mut library = Library::in_memory()?;
    for (path, bytes) in BUNDLED {
        let options = guihua_parse::Options { path: Some(path.to_owned()), skip_targets: true, ..Default::default() };
        let parsed = guihua_parse::parse_bytes(bytes, &options)?;
        library.add(&document_info(Path::new(path), &parsed.document), &parsed.document)?;
    }
    library.commit()?;
    Ok((library, true))
}

pub(crate) fn search(args: &SearchArgs) -> anyhow::Result<ExitCode> {
    let mut query = args.query.join(" ");
    for term in &args.exclude {
        query.push_str(" -");
        query.push_str(term);
    }
    let (library, _) = open_library(args.index.as_deref())?;
    let limit = if args.count { 0 } else { args.limit };
    let result = library.search(&query, limit)?;
    let mut out = BufWriter::new(io::stdout().lock());
    if args.count {
        writeln!(out, "{}", result.total)?;
    } else if args.json {
        for hit in &result.hits {
            let line = json!({
                "doc_id": hit.doc_id, "doc_title": hit.doc_title, "path": hit.path, "line": hit.line,
                "node_id": hit.node_id, "type": hit.kind, "section_path": hit.section_path,
                "snippet": hit.snippet, "highlights": hit.highlights, "score": hit.score,
            });
            writeln!(out, "{line}")?;
        }
    } else {
        let colour = io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none();
        for hit in &result.hits {
            let mut breadcrumb = vec![hit.doc_title.clone()];
            breadcrumb.extend(hit.section_path.iter().cloned());
            writeln!(out, "{}", breadcrumb.join(" › "))?;
            writeln!(out, "  {}:{} [{}]", hit.path, hit.line, hit.kind)?;
            writeln!(out, "  {}", highlight(&hit.snippet, &hit.highlights, colour))?;
        }
        if result.total > result.hits.len() {
            writeln!(out, "({} of {} matching units; --limit N for more)", result.hits.len(), result.total)?;
        }
    }
    out.flush()?;
    let code = if result.total == 0 { ExitCode::from(1) } else { ExitCode::SUCCESS };
    // The process ends here: unmapping a dozen segment files and freeing the searcher one piece at a time cost a
    // cold search a fifth of its time, and the kernel does it at exit anyway.
    std::mem::forget(result);
    std::mem::forget(library);
    Ok(code)
}

fn highlight(snippet: &str, ranges: &[(usize, usize)], colour: bool) -> String {
    let (open, close) = if colour { ("\x1b[1;31m", "\x1b[0m") } else { ("[", "]") };
    let mut out = String::new();
    let mut at = 0;
    for &(start, end) in ranges {
        if start < at || end > snippet.len() {
            continue;
        }
        out.push_str(&snippet[at..start]);
        out.push_str(open);
        out.push_str(&snippet[start..end]);
        out.push_str(close);
        at = end;
    }
    out.push_str(&snippet[at..]);
    out
}
