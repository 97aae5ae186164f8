//! `guihua indicators`, `guihua projects`, `guihua targets`: one row per item, as CSV for spreadsheets or JSON Lines.

use std::collections::HashMap;
use std::io::{self, BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use clap::{Args, ValueEnum};
use guihua_model::{Document, Node, TargetStatus};
use serde_json::{Map, Value, json};

use crate::parse_cmd::read;

/// Arguments shared by the three export commands.
#[derive(Debug, Args)]
pub(crate) struct TableArgs {
    /// Plan text files.
    #[arg(required = true, value_name = "FILE")]
    files: Vec<PathBuf>,
    /// CSV (RFC 4180, UTF-8) or JSON Lines (one object per row).
    #[arg(long, value_enum, default_value_t = TableFormat::Csv)]
    format: TableFormat,
    /// Start the CSV with a byte-order mark, so that Excel opens Chinese text correctly.
    #[arg(long)]
    excel: bool,
    /// Write to this file instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
}

/// Arguments of `guihua targets`: the export arguments and which statements to list.
#[derive(Debug, Args)]
pub(crate) struct TargetArgs {
    #[command(flatten)]
    table: TableArgs,
    /// Which quantified statements to list: the goals a plan sets, the results it reports, or both.
    #[arg(long, value_enum, default_value_t = StatusFilter::Goal)]
    status: StatusFilter,
}

/// Which targets `guihua targets` lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum StatusFilter {
    /// Goals: commitments about the future (`到2020年达到…`, `预期增长…`).
    Goal,
    /// Results the document reports (`2015年达到…`, `比上年增长…`).
    Achieved,
    /// Both.
    All,
}

impl StatusFilter {
    fn admits(self, status: TargetStatus) -> bool {
        match self {
            StatusFilter::All => true,
            StatusFilter::Goal => status == TargetStatus::Goal,
            StatusFilter::Achieved => status == TargetStatus::Achieved,
        }
    }
}

/// `guihua targets`.
pub(crate) fn run_targets(args: &TargetArgs) -> anyhow::Result<ExitCode> {
    run_filtered(Items::Targets, &args.table, args.status)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum TableFormat {
    /// Comma-separated values with a header row.
    Csv,
    /// One JSON object per line.
    Json,
}

/// Which items to list.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Items {
    Indicators,
    Projects,
    Targets,
}

impl Items {
    fn columns(self) -> &'static [&'static str] {
        const COMMON: [&str; 3] = ["document", "path", "section_path"];
        match self {
            Items::Indicators => &[
                COMMON[0],
                COMMON[1],
                COMMON[2],
                "id",
                "category",
                "name",
                "unit",
                "baseline_raw",
                "baseline_value",
                "baseline_year",
                "baseline_bound",
                "baseline_cumulative",
                "target_raw",
                "target_value",
                "target_year",
                "target_bound",
                "target_cumulative",
                "attribute",
                "table",
                "row",
                "line",
            ],
            Items::Projects => {
                &[COMMON[0], COMMON[1], COMMON[2], "id", "name", "category", "panel", "panel_title", "line"]
            }
            Items::Targets => &[
                COMMON[0],
                COMMON[1],
                COMMON[2],
                "id",
                "status",
                "subject",
                "value",
                "upper",
                "normalized",
                "unit",
                "multiplier",
                "per",
                "bound",
                "kind",
                "direction",
                "year",
                "base_year",
                "raw",
                "text",
                "node",
                "line",
            ],
        }
    }
}

pub(crate) fn run(items: Items, args: &TableArgs) -> anyhow::Result<ExitCode> {
    run_filtered(items, args, StatusFilter::All)
}

fn run_filtered(items: Items, args: &TableArgs, status: StatusFilter) -> anyhow::Result<ExitCode> {
    let mut out: Box<dyn Write> = match &args.output {
        Some(path) => Box::new(BufWriter::new(
            std::fs::File::create(path).with_context(|| format!("cannot create {}", path.display()))?,
        )),
        None => Box::new(BufWriter::new(io::stdout().lock())),
    };
    let mut rows = Vec::new();
    let mut failed = 0;
    for path in &args.files {
        match read(path, None) {
            Ok(parsed) => rows.extend(item_rows(items, &parsed.document, status)),
            Err(err) => {
                eprintln!("guihua: {err:#}");
                failed += 1;
            }
        }
    }
    match args.format {
        TableFormat::Json => {
            for row in &rows {
                writeln!(out, "{}", Value::Object(row.clone()))?;
            }
        }
        TableFormat::Csv => {
            if args.excel {
                out.write_all("\u{FEFF}".as_bytes())?;
            }
            let mut writer = csv::Writer::from_writer(&mut out);
            writer.write_record(items.columns())?;
            for row in &rows {
                writer.write_record(items.columns().iter().map(|c| cell(row.get(*c))))?;
            }
            writer.flush()?;
        }
    }
    out.flush()?;
    Ok(if failed > 0 { ExitCode::from(2) } else { ExitCode::SUCCESS })
}

/// A JSON value as a CSV cell: strings as they are, null as empty, numbers and booleans as JSON writes them.
fn cell(value: Option<&Value>) -> String {
    match value {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(s)) => s.clone(),
        Some(other) => other.to_string(),
    }
}

/// The breadcrumb of every node id: the headings above it, numbered (`二、重点发展领域 › （一）…`).
fn section_paths(document: &Document) -> HashMap<String, String> {
    fn visit(nodes: &[Node], path: &mut Vec<String>, out: &mut HashMap<String, String>) {
        for node in nodes {
            out.insert(node.id().to_owned(), path.join(" › "));
            let label = match node {
                Node::Section(s) => Some(format!("{}{}", s.number, s.title)),
                Node::Part(p) => p.title.clone(), // an untitled part adds nothing to the breadcrumb
                _ => continue,
            };
            let labelled = label.is_some();
            path.extend(label);
            visit(node.children(), path, out);
            if labelled {
                path.pop();
            }
        }
    }
    let mut out = HashMap::new();
    visit(&document.outline, &mut Vec::new(), &mut out);
    out
}

fn item_rows(items: Items, document: &Document, status: StatusFilter) -> Vec<Map<String, Value>> {
    let paths = section_paths(document);
    let title = document.meta.title.clone().unwrap_or_default();
    let source = document.source.path.clone().unwrap_or_default();
    let common = |node: &str| -> Map<String, Value> {
        let mut row = Map::new();
        row.insert("document".into(), json!(title));
        row.insert("path".into(), json!(source));
        row.insert("section_path".into(), json!(paths.get(node).cloned().unwrap_or_default()));
        row
    };
    let extend = |mut row: Map<String, Value>, more: Value| {
        if let Value::Object(more) = more {
            row.extend(more);
        }
        row
    };
    match items {
        Items::Indicators => document
            .indicators
            .iter()
            .map(|i| {
                extend(
                    common(&i.table),
                    json!({
                        "id": i.id, "category": i.category, "name": i.name, "unit": i.unit,
                        "baseline_raw": i.baseline.raw, "baseline_value": i.baseline.value,
                        "baseline_year": i.baseline.year, "baseline_bound": i.baseline.bound,
                        "baseline_cumulative": i.baseline.cumulative, "target_raw": i.target.raw,
                        "target_value": i.target.value, "target_year": i.target.year, "target_bound": i.target.bound,
                        "target_cumulative": i.target.cumulative, "attribute": i.attribute, "table": i.table,
                        "row": i.row, "line": i.span.line,
                    }),
                )
            })
            .collect(),
        Items::Projects => {
            let panel_titles = document.panel_titles();
            document
                .projects
                .iter()
                .map(|p| {
                    extend(
                        common(&p.panel),
                        json!({
                            "id": p.id, "name": p.name, "category": p.category, "panel": p.panel,
                            "panel_title": panel_titles.get(p.panel.as_str()), "line": p.span.line,
                        }),
                    )
                })
                .collect()
        }
        Items::Targets => document
            .targets
            .iter()
            .filter(|t| status.admits(t.status))
            .map(|t| {
                extend(
                    common(&t.node),
                    json!({
                        "id": t.id, "status": t.status, "subject": t.subject, "value": t.value, "upper": t.upper,
                        "normalized": t.normalized,
                        "unit": t.unit, "multiplier": t.multiplier, "per": t.per, "bound": t.bound, "kind": t.kind,
                        "direction": t.direction, "year": t.year, "base_year": t.base_year, "raw": t.raw,
                        "text": t.text, "node": t.node, "line": t.span.line,
                    }),
                )
            })
            .collect(),
    }
}
