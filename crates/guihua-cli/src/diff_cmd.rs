//! `guihua diff` and `guihua compare`.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, ValueEnum};
use guihua_model::{ChangeKind, EditOp, IndicatorValue, PlanDiff};

use crate::parse_cmd::read;

/// Arguments of `guihua diff`.
#[derive(Debug, Args)]
pub(crate) struct DiffArgs {
    /// The older plan.
    #[arg(value_name = "OLD")]
    old: PathBuf,
    /// The newer plan.
    #[arg(value_name = "NEW")]
    new: PathBuf,
    /// A report for a terminal, versioned JSON, or Markdown for a research note.
    #[arg(long, value_enum, default_value_t = DiffFormat::Text)]
    format: DiffFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum DiffFormat {
    /// A readable report: summary first, then indicators, projects, sections, text.
    Text,
    /// The structured diff, with ids and spans into both documents.
    Json,
    /// Markdown.
    Markdown,
}

pub(crate) fn diff(args: &DiffArgs) -> anyhow::Result<ExitCode> {
    let old = read(&args.old, None)?;
    let new = read(&args.new, None)?;
    let result = guihua_diff::diff(&old.document, &new.document);
    let mut out = BufWriter::new(io::stdout().lock());
    match args.format {
        DiffFormat::Json => {
            serde_json::to_writer_pretty(&mut out, &result)?;
            writeln!(out)?;
        }
        DiffFormat::Text => out.write_all(report(&result, io::stdout().is_terminal(), false).as_bytes())?,
        DiffFormat::Markdown => out.write_all(report(&result, false, true).as_bytes())?,
    }
    out.flush()?;
    Ok(if result.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(1) })
}

fn value(v: &IndicatorValue) -> String {
    if v.raw.is_empty() { "—".to_owned() } else { v.raw.clone() }
}

/// ` (in 二、… › （一）…)` for a nested section, nothing for a top-level one.
fn within(path: &[String]) -> String {
    if path.is_empty() { String::new() } else { format!(" (in {})", path.join(" › ")) }
}

/// The text or Markdown report.
fn report(d: &PlanDiff, colour: bool, markdown: bool) -> String {
    let (del, ins, end) = match (colour, markdown) {
        (true, _) => ("\x1b[31m", "\x1b[32m", "\x1b[0m"),
        (false, true) => ("~~", "**", ""),
        (false, false) => ("[-", "{+", ""),
    };
    let close = |open: &str| match (colour, markdown, open) {
        (true, _, _) => end.to_owned(),
        (false, true, "~~") => "~~".to_owned(),
        (false, true, _) => "**".to_owned(),
        (false, false, "[-") => "-]".to_owned(),
        _ => "+}".to_owned(),
    };
    let heading = |s: &mut String, title: &str| {
        if markdown {
            let _ = writeln!(s, "\n## {title}\n");
        } else {
            let _ = writeln!(s, "\n{title}:");
        }
    };
    let bullet = if markdown { "- " } else { "  " };
    let name = |side: &guihua_model::DiffSide| {
        side.title.clone().or_else(|| side.path.clone()).unwrap_or_else(|| "(untitled)".to_owned())
    };
    let s_ = &d.summary;
    let mut s = String::new();
    if markdown {
        let _ = writeln!(s, "# {} → {}", name(&d.old), name(&d.new));
    } else {
        let _ = writeln!(s, "{} → {}", name(&d.old), name(&d.new));
    }
    if d.is_empty() {
        let _ = writeln!(s, "{bullet}no differences in sections, indicators, projects or text");
        return s;
    }
    let _ = writeln!(
        s,
        "{bullet}sections: {} added, {} removed, {} renamed, {} moved, {} with changed text",
        s_.sections_added, s_.sections_removed, s_.sections_renamed, s_.sections_moved, s_.sections_text_changed
    );
    let _ = writeln!(
        s,
        "{bullet}indicators: {} added, {} removed, {} changed",
        s_.indicators_added, s_.indicators_removed, s_.indicators_changed
    );
    let _ = writeln!(
        s,
        "{bullet}projects: {} added, {} removed, {} renamed, {} moved",
        s_.projects_added, s_.projects_removed, s_.projects_renamed, s_.projects_moved
    );
    let _ = writeln!(s, "{bullet}sentences changed: {}", s_.sentences_changed);
    if !d.indicators.is_empty() {
        heading(&mut s, "Indicators");
        for c in &d.indicators {
            let line = match (c.change, &c.old, &c.new) {
                (ChangeKind::Changed, Some(o), Some(n)) => {
                    let mut parts = Vec::new();
                    for field in &c.fields {
                        match field.as_str() {
                            "target" => parts.push(format!("target {} → {}", value(&o.target), value(&n.target))),
                            "baseline" => {
                                parts.push(format!("baseline {} → {}", value(&o.baseline), value(&n.baseline)));
                            }
                            "unit" => parts.push(format!("unit {:?} → {:?}", o.unit, n.unit)),
                            other => parts.push(format!("{other} changed")),
                        }
                    }
                    format!("~ {}: {}", c.name, parts.join("; "))
                }
                (ChangeKind::Added, _, Some(n)) => format!("+ {}: target {}", c.name, value(&n.target)),
                (_, Some(o), _) => format!("- {}: target {}", c.name, value(&o.target)),
                _ => format!("? {}", c.name),
            };
            let _ = writeln!(s, "{bullet}{line}");
        }
    }
    if !d.projects.is_empty() {
        heading(&mut s, "Projects");
        for c in &d.projects {
            let line = match (&c.old, &c.new) {
                (Some(o), Some(n)) if c.change == ChangeKind::Renamed => {
                    format!("~ {} → {} ({})", o.name, n.name, n.panel)
                }
                (Some(o), Some(n)) => format!("> {}: {} → {}", n.name, o.panel, n.panel),
                (None, Some(n)) => format!("+ {} ({})", n.name, n.panel),
                (Some(o), None) => format!("- {} ({})", o.name, o.panel),
                (None, None) => continue,
            };
            let _ = writeln!(s, "{bullet}{line}");
        }
    }
    if !d.sections.is_empty() {
        heading(&mut s, "Sections");
        for c in &d.sections {
            let title = |r: &guihua_model::SectionRef| {
                let gap = if r.number.ends_with(['篇', '编', '章', '节', '分']) { " " } else { "" };
                format!("{}{gap}{}", r.number, r.title)
            };
            let line = match (c.change, &c.old, &c.new) {
                (ChangeKind::Renamed, Some(o), Some(n)) => format!("~ {} → {}", title(o), title(n)),
                (ChangeKind::Moved, Some(o), Some(n)) => {
                    format!("> {}: {} → {}", title(n), o.path.join(" › "), n.path.join(" › "))
                }
                (ChangeKind::TextChanged, _, Some(n)) => format!("* {} (text)", title(n)),
                (ChangeKind::Added, _, Some(n)) => format!("+ {}{}", title(n), within(&n.path)),
                (_, Some(o), _) => format!("- {}{}", title(o), within(&o.path)),
                _ => continue,
            };
            let _ = writeln!(s, "{bullet}{line}");
        }
    }
    if !d.text.is_empty() {
        heading(&mut s, "Text");
        for t in &d.text {
            let mut inline = String::new();
            for e in &t.edits {
                match e.op {
                    EditOp::Equal => inline.push_str(&e.text),
                    EditOp::Delete => {
                        let _ = write!(inline, "{del}{}{}", e.text, close(del));
                    }
                    _ => {
                        let _ = write!(inline, "{ins}{}{}", e.text, close(ins));
                    }
                }
            }
            let _ = writeln!(s, "{bullet}{}: {inline}", t.section_path.join(" › "));
        }
    }
    s
}

/// Arguments of `guihua compare`.
#[derive(Debug, Args)]
pub(crate) struct CompareArgs {
    /// Two or more plans.
    #[arg(required = true, num_args = 1.., value_name = "FILE")]
    files: Vec<PathBuf>,
    /// One row per indicator, the targets side by side (the default).
    #[arg(long, conflicts_with = "projects")]
    indicators: bool,
    /// One row per project, the panel that lists it in each plan.
    #[arg(long)]
    projects: bool,
    /// CSV for spreadsheets, a Markdown table, or JSON Lines.
    #[arg(long, value_enum, default_value_t = CompareFormat::Csv)]
    format: CompareFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum CompareFormat {
    /// Comma-separated values.
    Csv,
    /// A Markdown table.
    Markdown,
    /// One JSON object per row.
    Json,
}

pub(crate) fn compare(args: &CompareArgs) -> anyhow::Result<ExitCode> {
    let mut columns = Vec::new();
    // Row key → (the label as first written, a cell per plan).
    let mut rows: BTreeMap<String, (usize, String, Vec<String>)> = BTreeMap::new();
    let plans = args.files.len();
    for (k, path) in args.files.iter().enumerate() {
        let parsed = read(path, None)?;
        let doc = &parsed.document;
        let stem = path.file_stem().map_or_else(|| path.display().to_string(), |s| s.to_string_lossy().into_owned());
        columns.push(stem);
        let mut add = |key: String, label: &str, cell: String| {
            let order = rows.len();
            let row = rows.entry(key).or_insert_with(|| (order, label.to_owned(), vec![String::new(); plans]));
            row.2[k] = cell;
        };
        if args.projects {
            let titles = doc.panel_titles();
            for p in &doc.projects {
                let panel = titles.get(p.panel.as_str()).copied().unwrap_or_default();
                add(guihua_diff::project_key(&p.name), &p.name, panel.to_owned());
            }
        } else {
            for i in &doc.indicators {
                let unit = i.unit.as_deref().map(|u| format!("（{u}）")).unwrap_or_default();
                add(guihua_diff::title_key(&i.name), &format!("{}{unit}", i.name), i.target.raw.clone());
            }
        }
    }
    let mut rows: Vec<(usize, String, Vec<String>)> = rows.into_values().collect();
    rows.sort_by_key(|r| r.0);
    let label = if args.projects { "project" } else { "indicator" };
    let mut out = BufWriter::new(io::stdout().lock());
    match args.format {
        CompareFormat::Csv => {
            let mut writer = csv::Writer::from_writer(&mut out);
            writer.write_record(std::iter::once(label).chain(columns.iter().map(String::as_str)))?;
            for (_, name, cells) in &rows {
                writer.write_record(std::iter::once(name).chain(cells.iter()))?;
            }
            writer.flush()?;
        }
        CompareFormat::Markdown => {
            writeln!(out, "| {label} | {} |", columns.join(" | "))?;
            writeln!(out, "|---|{}", "---|".repeat(columns.len()))?;
            for (_, name, cells) in &rows {
                writeln!(out, "| {name} | {} |", cells.join(" | "))?;
            }
        }
        CompareFormat::Json => {
            for (_, name, cells) in &rows {
                let values: serde_json::Map<String, serde_json::Value> =
                    columns.iter().cloned().zip(cells.iter().map(|c| serde_json::json!(c))).collect();
                writeln!(out, "{}", serde_json::json!({ label: name, "plans": values }))?;
            }
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
