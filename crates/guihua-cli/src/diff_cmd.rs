//! `guihua diff` and `guihua compare`.

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
    #[arg(long, conflicts_with = "sections")]
    projects: bool,
    /// Align the sections of different plans by topic: which carried over (same), split, merged, were dropped
    /// (old-only) or are new (new-only), each pair with its score and the shared words behind it; then the words
    /// whose frequency moved most. Three or more plans are compared as a chain, each with the next.
    #[arg(long, conflicts_with = "indicators")]
    sections: bool,
    /// How many rising and falling words to list with --sections (0 for none).
    #[arg(long, value_name = "N", default_value_t = 15, requires = "sections")]
    terms: usize,
    /// CSV for spreadsheets, a Markdown table, JSON Lines, or (--sections only) a report for a terminal
    /// [default: csv; text with --sections]
    #[arg(long, value_enum)]
    format: Option<CompareFormat>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum CompareFormat {
    /// A report for a terminal (--sections only).
    Text,
    /// Comma-separated values.
    Csv,
    /// A Markdown table.
    Markdown,
    /// One JSON object per row.
    Json,
}

pub(crate) fn compare(args: &CompareArgs) -> anyhow::Result<ExitCode> {
    if args.sections {
        return compare_sections(args);
    }
    let format = args.format.unwrap_or(CompareFormat::Csv);
    if format == CompareFormat::Text {
        anyhow::bail!("--format text is for --sections; the indicator and project matrices are csv, markdown or json");
    }
    let parsed = args.files.iter().map(|path| read(path, None)).collect::<anyhow::Result<Vec<_>>>()?;
    let plans: Vec<(String, &guihua_model::Document)> =
        args.files.iter().zip(&parsed).map(|(path, parsed)| (stem(path), &parsed.document)).collect();
    let items = if args.projects { guihua_diff::MatrixItems::Projects } else { guihua_diff::MatrixItems::Indicators };
    let guihua_diff::Matrix { columns, rows, .. } = guihua_diff::matrix(&plans, items);
    let label = items.label();
    let mut out = BufWriter::new(io::stdout().lock());
    match format {
        CompareFormat::Text => {}
        CompareFormat::Csv => {
            let mut writer = csv::Writer::from_writer(&mut out);
            writer.write_record(std::iter::once(label).chain(columns.iter().map(String::as_str)))?;
            for (name, cells) in &rows {
                writer.write_record(std::iter::once(name).chain(cells.iter()))?;
            }
            writer.flush()?;
        }
        CompareFormat::Markdown => {
            writeln!(out, "| {label} | {} |", columns.join(" | "))?;
            writeln!(out, "|---|{}", "---|".repeat(columns.len()))?;
            for (name, cells) in &rows {
                writeln!(out, "| {name} | {} |", cells.join(" | "))?;
            }
        }
        CompareFormat::Json => {
            for (name, cells) in &rows {
                let values: serde_json::Map<String, serde_json::Value> =
                    columns.iter().cloned().zip(cells.iter().map(|c| serde_json::json!(c))).collect();
                writeln!(out, "{}", serde_json::json!({ label: name, "plans": values }))?;
            }
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// `guihua compare --sections A B [C …]`: the topic alignment of each plan with the next.
fn compare_sections(args: &CompareArgs) -> anyhow::Result<ExitCode> {
    if args.files.len() < 2 {
        anyhow::bail!("--sections compares two or more plans: give at least two files");
    }
    let format = args.format.unwrap_or(CompareFormat::Text);
    let mut plans = Vec::new();
    for path in &args.files {
        plans.push((stem(path), read(path, None)?.document));
    }
    let segmenter = guihua_index::Segmenter::new();
    let words = |text: &str| segmenter.cut_words(text);
    let mut out = BufWriter::new(io::stdout().lock());
    if format == CompareFormat::Csv {
        writeln!(
            out,
            "kind,old_plan,new_plan,relation,score,old_number,old_title,old_level,old_line,old_value,new_number,new_title,new_level,new_line,new_value,unit,terms"
        )?;
    }
    for pair in plans.windows(2) {
        let [(old_name, old), (new_name, new)] = pair else { continue };
        let (old, new) = (guihua_diff::profile(old, &words), guihua_diff::profile(new, &words));
        let rows = guihua_diff::align_sections(&old, &new);
        let (rising, falling) = guihua_diff::term_shifts(&old, &new, args.terms);
        let (old_doc, new_doc) = (&pair[0].1, &pair[1].1);
        let mut values = guihua_diff::match_indicators(old_doc, new_doc);
        values.extend(guihua_diff::match_targets(old_doc, new_doc));
        let report = Report { old_name, new_name, rows: &rows, values: &values, rising: &rising, falling: &falling };
        match format {
            CompareFormat::Json => {
                // Section rows say their kind here; indicator and goal rows carry theirs.
                let sections = rows.iter().map(|r| (Some("section"), serde_json::to_value(r)));
                let others = values.iter().map(|r| (None, serde_json::to_value(r)));
                for (kind, value) in sections.chain(others) {
                    let mut value = value?;
                    if let Some(object) = value.as_object_mut() {
                        if let Some(kind) = kind {
                            object.insert("kind".into(), serde_json::json!(kind));
                        }
                        object.insert("old_plan".into(), serde_json::json!(old_name));
                        object.insert("new_plan".into(), serde_json::json!(new_name));
                    }
                    writeln!(out, "{value}")?;
                }
            }
            CompareFormat::Csv => {
                let mut writer = csv::WriterBuilder::new().has_headers(false).from_writer(&mut out);
                // kind, plans, relation, score, then number, title, level, line and value of each side, unit, terms.
                let mut record = |kind: &str,
                                  relation: guihua_model::Relation,
                                  score: f64,
                                  sides: [[String; 5]; 2],
                                  tail: [String; 2]| {
                    let head = [
                        kind.to_owned(),
                        old_name.clone(),
                        new_name.clone(),
                        relation.as_str().to_owned(),
                        format!("{score:.3}"),
                    ];
                    let [old_side, new_side] = sides;
                    writer.write_record(head.into_iter().chain(old_side).chain(new_side).chain(tail))
                };
                for row in &rows {
                    let side = |s: &Option<guihua_model::SectionEnd>| match s {
                        Some(s) => {
                            [s.number.clone(), s.title.clone(), s.level.to_string(), s.line.to_string(), String::new()]
                        }
                        None => Default::default(),
                    };
                    let sides = [side(&row.old), side(&row.new)];
                    record("section", row.relation, row.score, sides, [String::new(), row.terms.join(" ")])?;
                }
                for row in &values {
                    let side = |s: &Option<guihua_model::ValueEnd>| match s {
                        Some(s) => [String::new(), s.title.clone(), String::new(), s.line.to_string(), s.value.clone()],
                        None => Default::default(),
                    };
                    let kind = match row.kind {
                        guihua_model::ValueKind::Indicator => "indicator",
                        guihua_model::ValueKind::Target => "target",
                    };
                    let unit = row.old.as_ref().or(row.new.as_ref()).and_then(|e| e.unit.clone()).unwrap_or_default();
                    record(kind, row.relation, row.score, [side(&row.old), side(&row.new)], [unit, String::new()])?;
                }
                writer.flush()?;
            }
            CompareFormat::Markdown => {
                write_sections_markdown(&mut out, &report)?;
            }
            CompareFormat::Text => write_sections_text(&mut out, &report)?,
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

fn stem(path: &std::path::Path) -> String {
    path.file_stem().map_or_else(|| path.display().to_string(), |s| s.to_string_lossy().into_owned())
}

fn heading(end: &Option<guihua_model::SectionEnd>) -> String {
    match end {
        Some(s) => format!("{}{} (line {})", s.number, s.title, s.line),
        None => String::new(),
    }
}

fn counts(rows: &[guihua_model::SectionRelation]) -> String {
    use guihua_model::Relation;
    let n = |r: Relation| rows.iter().filter(|x| x.relation == r).count();
    format!(
        "{} same, {} split, {} merged, {} old-only, {} new-only",
        n(Relation::Same),
        n(Relation::Split),
        n(Relation::Merged),
        n(Relation::OldOnly),
        n(Relation::NewOnly)
    )
}

fn value_counts(values: &[guihua_model::ValueRelation], kind: guihua_model::ValueKind) -> (usize, usize, usize) {
    use guihua_model::Relation;
    let n = |r: Relation| values.iter().filter(|v| v.kind == kind && v.relation == r).count();
    (n(Relation::Same), n(Relation::OldOnly), n(Relation::NewOnly))
}

fn value_side(end: &Option<guihua_model::ValueEnd>) -> String {
    end.as_ref().map_or(String::new(), |e| format!("{} {} (line {})", e.title, e.value, e.line))
}

/// What a topic comparison of two plans found, for the text and Markdown reports.
struct Report<'a> {
    old_name: &'a str,
    new_name: &'a str,
    rows: &'a [guihua_model::SectionRelation],
    values: &'a [guihua_model::ValueRelation],
    rising: &'a [guihua_model::TermShift],
    falling: &'a [guihua_model::TermShift],
}

fn write_sections_text(out: &mut impl Write, report: &Report<'_>) -> io::Result<()> {
    let Report { old_name, new_name, rows, values, rising, falling } = *report;
    writeln!(out, "{old_name} → {new_name}: {}", counts(rows))?;
    for row in rows {
        let score = if row.old.is_some() && row.new.is_some() { format!("{:.2}", row.score) } else { "    ".into() };
        let indent = |s: &Option<guihua_model::SectionEnd>| {
            "  ".repeat(s.as_ref().map_or(0, |s| s.level.saturating_sub(1) as usize))
        };
        let lead = if row.new.is_some() { indent(&row.new) } else { indent(&row.old) };
        let pair = match (&row.old, &row.new) {
            (Some(_), Some(_)) => format!("{} ⇒ {}", heading(&row.old), heading(&row.new)),
            (Some(_), None) => heading(&row.old),
            _ => heading(&row.new),
        };
        let terms = if row.terms.is_empty() { String::new() } else { format!("  [{}]", row.terms.join(" ")) };
        writeln!(out, "{:<8} {score}  {lead}{pair}{terms}", row.relation.as_str())?;
    }
    let shift = |s: &guihua_model::TermShift| {
        format!("{} {}→{} ({}→{})", s.term, s.old_per_10k, s.new_per_10k, s.old_count, s.new_count)
    };
    for (kind, label) in
        [(guihua_model::ValueKind::Indicator, "indicators"), (guihua_model::ValueKind::Target, "goals")]
    {
        let (same, old_only, new_only) = value_counts(values, kind);
        if same + old_only + new_only == 0 {
            continue;
        }
        writeln!(out, "{label}: {same} in both, {old_only} only in {old_name}, {new_only} only in {new_name}")?;
        for v in values.iter().filter(|v| v.kind == kind && v.relation == guihua_model::Relation::Same) {
            writeln!(out, "  {:.2}  {} ⇒ {}", v.score, value_side(&v.old), value_side(&v.new))?;
        }
    }
    if !rising.is_empty() {
        writeln!(
            out,
            "rising (per 10,000 characters, then counts): {}",
            rising.iter().map(shift).collect::<Vec<_>>().join("; ")
        )?;
    }
    if !falling.is_empty() {
        writeln!(out, "falling: {}", falling.iter().map(shift).collect::<Vec<_>>().join("; "))?;
    }
    writeln!(out)
}

fn write_sections_markdown(out: &mut impl Write, report: &Report<'_>) -> io::Result<()> {
    let Report { old_name, new_name, rows, values, rising, falling } = *report;
    let cell = |s: String| s.replace('|', "\\|");
    writeln!(out, "## {old_name} → {new_name}\n\n{}.\n", counts(rows))?;
    writeln!(out, "| relation | score | {old_name} | {new_name} | shared terms |")?;
    writeln!(out, "|---|---|---|---|---|")?;
    for row in rows {
        let score = if row.old.is_some() && row.new.is_some() { format!("{:.2}", row.score) } else { String::new() };
        writeln!(
            out,
            "| {} | {score} | {} | {} | {} |",
            row.relation.as_str(),
            cell(heading(&row.old)),
            cell(heading(&row.new)),
            row.terms.join("、")
        )?;
    }
    let matched: Vec<&guihua_model::ValueRelation> =
        values.iter().filter(|v| v.relation == guihua_model::Relation::Same).collect();
    if !matched.is_empty() {
        writeln!(out, "\n| kind | {old_name} | {new_name} | name match |")?;
        writeln!(out, "|---|---|---|---|")?;
        for v in matched {
            let kind = if v.kind == guihua_model::ValueKind::Indicator { "indicator" } else { "goal" };
            writeln!(out, "| {kind} | {} | {} | {:.2} |", cell(value_side(&v.old)), cell(value_side(&v.new)), v.score)?;
        }
    }
    if !rising.is_empty() || !falling.is_empty() {
        writeln!(out, "\n| term | {old_name} per 10k | {new_name} per 10k | counts |")?;
        writeln!(out, "|---|---|---|---|")?;
        for s in rising.iter().chain(falling) {
            writeln!(
                out,
                "| {} | {} | {} | {} → {} |",
                s.term, s.old_per_10k, s.new_per_10k, s.old_count, s.new_count
            )?;
        }
    }
    writeln!(out)
}
