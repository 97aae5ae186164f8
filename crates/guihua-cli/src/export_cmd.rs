//! `guihua export`: searchable units as JSON Lines for search engines that scale past one machine.

use std::fs;
use std::io::{self, BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use anyhow::Context;
use clap::Args;
use serde_json::json;

use crate::search_cmd::{BUNDLED, collect_files, document_info};

/// Arguments of `guihua export`.
#[derive(Debug, Args)]
pub(crate) struct ExportArgs {
    /// Files or folders to export (folders recursively: `.txt` and `.md`); none: the bundled plan.
    #[arg(value_name = "PATH")]
    paths: Vec<PathBuf>,
    /// Write one JSON object per searchable unit (the only format, and so required).
    #[arg(long, required = true)]
    ndjson: bool,
    /// Put an Elasticsearch/OpenSearch `_bulk` action line naming this index before each unit.
    #[arg(long, value_name = "INDEX")]
    bulk_index: Option<String>,
    /// Write to this file instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
}

pub(crate) fn export(args: &ExportArgs) -> anyhow::Result<ExitCode> {
    let mut out: Box<dyn Write> = match &args.output {
        Some(path) => Box::new(BufWriter::new(
            fs::File::create(path).with_context(|| format!("cannot create {}", path.display()))?,
        )),
        None => Box::new(BufWriter::new(io::stdout().lock())),
    };
    let sources: Vec<(String, Vec<u8>)> = if args.paths.is_empty() {
        BUNDLED.iter().map(|(path, bytes)| ((*path).to_owned(), bytes.to_vec())).collect()
    } else {
        let mut sources = Vec::new();
        let mut skipped = crate::search_cmd::Skipped::new();
        let files = collect_files(&args.paths, &mut skipped)?;
        for (path, reason) in &skipped {
            eprintln!("guihua: skipped {path}: {reason}");
        }
        for file in files {
            let bytes = fs::read(&file).with_context(|| format!("cannot read {}", file.display()))?;
            sources.push((file.display().to_string(), bytes));
        }
        sources
    };
    let segmenter = Arc::new(guihua_index::Segmenter::new());
    let mut failed = 0;
    for (path, bytes) in sources {
        let options = guihua_parse::Options { path: Some(path.clone()), skip_targets: true, ..Default::default() };
        let parsed = match guihua_parse::parse_bytes(&bytes, &options) {
            Ok(parsed) => parsed,
            Err(err) => {
                eprintln!("guihua: skipped {path}: {err}");
                failed += 1;
                continue;
            }
        };
        let info = document_info(std::path::Path::new(&path), &parsed.document);
        for (n, unit) in guihua_index::units(&parsed.document).into_iter().enumerate() {
            let id = format!("{}:{}:{n}", info.doc_id, unit.node_id);
            if let Some(index) = &args.bulk_index {
                writeln!(out, "{}", json!({"index": {"_index": index, "_id": id}}))?;
            }
            let line = json!({
                "id": id,
                "doc_id": info.doc_id,
                "doc_title": info.title,
                "path": info.path,
                "line": unit.line,
                "node_id": unit.node_id,
                "type": unit.kind,
                "section_path": unit.section_path,
                "text": unit.text,
                "words": segmenter.cut_words(&unit.text).join(" "),
            });
            writeln!(out, "{line}")?;
        }
    }
    out.flush()?;
    Ok(if failed > 0 { ExitCode::from(2) } else { ExitCode::SUCCESS })
}
