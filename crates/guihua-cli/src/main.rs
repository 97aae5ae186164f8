//! The `guihua` command: parse Chinese government plans into structured data.
//!
//! Exit codes: 0 success, 1 "no match" or "differences" where a command has such an answer, 2 an error.
#![allow(clippy::print_stdout, clippy::print_stderr)]

mod diff_cmd;
mod export_cmd;
mod parse_cmd;
mod search_cmd;
mod serve_cmd;
mod table_cmd;

use std::io::{self, Write};
use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Turn Chinese government plans (规划, 行动计划, 实施意见 …) into structured data.
#[derive(Debug, Parser)]
#[command(name = "guihua", version, about, long_about = None, arg_required_else_help = true)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Parse plans into JSON (one document per line for several files) or a readable outline.
    Parse(parse_cmd::ParseArgs),
    /// Index plans for full-text search (files, or folders of .txt and .md files).
    Index(search_cmd::IndexArgs),
    /// Search indexed plans (with no index, the plan bundled in guihua). Exit 1 when nothing matches.
    Search(search_cmd::SearchArgs),
    /// Export searchable units as JSON Lines for Elasticsearch, OpenSearch or Quickwit (see docs/scale-out.md).
    Export(export_cmd::ExportArgs),
    /// List the indicators of indicator tables, one row each (CSV for spreadsheets, or JSON Lines).
    Indicators(table_cmd::TableArgs),
    /// List the key projects of 专栏 panels, one row each (CSV or JSON Lines).
    Projects(table_cmd::TableArgs),
    /// List the quantified goals found in the prose (or, with --status, the results reported), one row each (CSV or
    /// JSON Lines).
    Targets(table_cmd::TargetArgs),
    /// Compare two plans: sections, indicators, projects and sentences. Exit 0 when identical, 1 when they differ.
    Diff(diff_cmd::DiffArgs),
    /// Align many plans: one row per indicator (or project), one column per plan.
    Compare(diff_cmd::CompareArgs),
    /// Serve a local web interface over the index: search, documents, comparisons, concordance (127.0.0.1 by
    /// default).
    Serve(serve_cmd::ServeArgs),
    /// Print the JSON Schema of the document JSON that `guihua parse` writes.
    Schema,
}

/// jemalloc: a parse builds a tree of many small strings and vectors, and an index build many more; the system
/// allocator spent a fifth of the parse time in `malloc` and `free`. mimalloc was faster still but took the index
/// build on the scale corpus from 275 MB to 367 MB (ARCHITECTURE.md, "Performance").
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

fn main() -> ExitCode {
    let cli = Cli::parse_from(exclusions_as_options(std::env::args_os()));
    let json_errors = matches!(&cli.command, Command::Search(args) if args.json);
    let result = match cli.command {
        Command::Parse(args) => parse_cmd::run(&args),
        Command::Index(args) => search_cmd::index(&args),
        Command::Search(args) => search_cmd::search(&args),
        Command::Export(args) => export_cmd::export(&args),
        Command::Indicators(args) => table_cmd::run(table_cmd::Items::Indicators, &args),
        Command::Projects(args) => table_cmd::run(table_cmd::Items::Projects, &args),
        Command::Targets(args) => table_cmd::run_targets(&args),
        Command::Diff(args) => diff_cmd::diff(&args),
        Command::Compare(args) => diff_cmd::compare(&args),
        Command::Serve(args) => serve_cmd::serve(&args),
        Command::Schema => print_schema().map(|()| ExitCode::SUCCESS),
    };
    match result {
        Ok(code) => code,
        Err(err) if is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) if json_errors => {
            // Scripts that asked for JSON get the error as JSON too: the message and its chain of causes.
            let causes: Vec<String> = err.chain().map(ToString::to_string).collect();
            eprintln!("{}", serde_json::json!({"error": format!("{err:#}"), "causes": causes}));
            ExitCode::from(2)
        }
        Err(err) => {
            eprintln!("guihua: {err:#}");
            ExitCode::from(2)
        }
    }
}

/// `guihua search 产业 -钢铁`: a query term that starts with `-` and is not an ASCII flag (`-钢铁`, `-"…"`, `-5G`) would be
/// taken for an option; it is passed as `--exclude=钢铁` instead, which the search adds back as `-钢铁`.
fn exclusions_as_options(args: impl Iterator<Item = std::ffi::OsString>) -> Vec<std::ffi::OsString> {
    let mut searching = false;
    let mut after_separator = false;
    args.map(|arg| {
        let Some(text) = arg.to_str() else { return arg };
        if text == "search" {
            searching = true;
        } else if text == "--" {
            after_separator = true;
        } else if searching && !after_separator {
            let mut chars = text.chars();
            if chars.next() == Some('-') && chars.next().is_some_and(|c| c != '-' && !c.is_ascii_alphabetic()) {
                return format!("--exclude={}", &text[1..]).into();
            }
        }
        arg
    })
    .collect()
}

fn print_schema() -> anyhow::Result<()> {
    let schema = guihua_model::json_schema();
    let mut out = io::stdout().lock();
    serde_json::to_writer_pretty(&mut out, &schema)?;
    writeln!(out)?;
    Ok(())
}

/// A closed pipe (`guihua parse … | head`) is not an error.
pub(crate) fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause.downcast_ref::<io::Error>().is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
            || cause
                .downcast_ref::<csv::Error>()
                .is_some_and(|e| matches!(e.kind(), csv::ErrorKind::Io(io) if io.kind() == io::ErrorKind::BrokenPipe))
            || cause
                .downcast_ref::<serde_json::Error>()
                .is_some_and(|e| e.io_error_kind() == Some(io::ErrorKind::BrokenPipe))
    })
}
