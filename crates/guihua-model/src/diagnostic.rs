use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::Span;

/// Something the parser noticed and did not silently guess about: undecodable bytes, a ragged table row, a gap in
/// heading numbering.
///
/// ```json
/// {"code": "heading.numbering_gap", "severity": "warning", "message": "heading `（五）` follows `（三）`", "span": {…}}
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Diagnostic {
    /// A stable, dotted code (`decode.invalid_bytes`, `table.ragged_row`, …) that tools can match on.
    pub code: String,
    /// How much the reader should worry.
    pub severity: Severity,
    /// A lowercase sentence for people, quoting the offending input.
    pub message: String,
    /// Where in the decoded text, when the diagnostic concerns a place.
    pub span: Option<Span>,
}

/// How serious a [`Diagnostic`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Severity {
    /// Data may be lost or wrong (undecodable bytes, a table that could not be read).
    Error,
    /// The result is a best guess that a reader should check (a ragged row, a numbering gap).
    Warning,
    /// Worth knowing, nothing is lost (an OCR bracket read as the intended one).
    Info,
}
