//! `guihua parse`.

use std::fs;
use std::io::{self, BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use clap::{Args, ValueEnum};

/// Arguments of `guihua parse`.
#[derive(Debug, Args)]
pub(crate) struct ParseArgs {
    /// Plan text files (UTF-8, UTF-16 with BOM, GB18030/GBK are detected).
    #[arg(required = true, value_name = "FILE")]
    files: Vec<PathBuf>,
    /// What to print: the document as JSON, or an indented outline for people.
    #[arg(long, value_enum, default_value_t = Format::Json)]
    format: Format,
    /// Indent the JSON (one file only; several files give JSON Lines, one document per line).
    #[arg(long)]
    pretty: bool,
    /// Write to this file instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Read the files in this encoding instead of detecting it (`gbk`, `gb18030`, `utf-16le`, `utf-8`, …).
    #[arg(long, value_name = "LABEL")]
    encoding: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    /// The versioned JSON document (see `guihua schema`).
    Json,
    /// An indented tree: headings, tables, panels, diagnostics.
    Outline,
}

pub(crate) fn run(args: &ParseArgs) -> anyhow::Result<ExitCode> {
    let mut out: Box<dyn Write> = match &args.output {
        Some(path) => Box::new(BufWriter::new(
            fs::File::create(path).with_context(|| format!("cannot create {}", path.display()))?,
        )),
        None => Box::new(BufWriter::new(io::stdout().lock())),
    };
    let pretty = args.pretty && args.files.len() == 1;
    let mut failed = 0;
    for path in &args.files {
        let parsed = match read(path, args.encoding.as_deref()) {
            Ok(parsed) => parsed,
            Err(err) => {
                eprintln!("guihua: {err:#}");
                failed += 1;
                continue;
            }
        };
        let document = &parsed.document;
        match args.format {
            Format::Json => {
                // serde_json writes a token at a time: a buffer of its own, concrete rather than behind `dyn`, takes
                // each without a dynamic call, and goes to the output a megabyte at a time (a whole document held in
                // memory grew by reallocation, copies and page faults, a third of the time on large plans).
                let mut json = BufWriter::with_capacity(1 << 20, &mut out);
                if pretty {
                    serde_json::to_writer_pretty(&mut json, document)?;
                } else {
                    serde_json::to_writer(&mut json, document)?;
                }
                writeln!(json)?;
                json.flush()?;
            }
            Format::Outline => {
                if args.files.len() > 1 {
                    writeln!(out, "== {}", path.display())?;
                }
                out.write_all(guihua_model::render_outline(document).as_bytes())?;
            }
        }
    }
    out.flush()?;
    Ok(if failed > 0 { ExitCode::from(2) } else { ExitCode::SUCCESS })
}

/// Reads and parses one file; errors name the file.
pub(crate) fn read(path: &PathBuf, encoding: Option<&str>) -> anyhow::Result<guihua_parse::Parsed> {
    let bytes = fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
    let options = guihua_parse::Options {
        path: Some(path.display().to_string()),
        encoding: encoding.map(str::to_owned),
        ..Default::default()
    };
    guihua_parse::parse_bytes(&bytes, &options).with_context(|| format!("{}", path.display()))
}
