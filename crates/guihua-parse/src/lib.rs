//! Turns the text of a Chinese government plan into a [`guihua_model::Document`].
//!
//! Parsing never fails: [`parse`] returns the document it could read and the [`Diagnostic`]s for everything it had
//! to guess about. Only decoding bytes can fail ([`decode()`], [`parse_bytes`]): on input that is not text at all,
//! or when asked for an encoding that does not exist.
//!
//! What is recognised: the issuing notice and the title; the plan period; numbered headings of every common ladder
//! (`一、`, `（一）`, `1.`, `（1）`, `①`, `第一章` …), checked for sequence so that `1.7万亿元` stays body text; run-in
//! headings (`（一）指导思想。全面贯彻…`); paragraphs and their lead phrases; box-drawing tables read by display
//! width, with row spans, column spans, wrapped cells, continued tables and their notes; 专栏/专项 panels; indicators
//! from indicator tables; projects from 专栏 lists; figure placeholders.
//!
//! ```
//! use guihua_model::Node;
//!
//! let text = "一、总体要求\n（一）指导思想。全面贯彻新发展理念。\n（二）发展目标。\n工业经济平稳增长。规模以上工业增加值达到1.7万亿元。\n";
//! let (doc, diagnostics) = guihua_parse::parse(text);
//! assert!(diagnostics.is_empty());
//! let Node::Section(top) = &doc.outline[0] else { panic!("a section") };
//! assert_eq!((top.level, top.title.as_str()), (1, "总体要求"));
//! let Node::Section(goals) = &top.children[1] else { panic!("a section") };
//! let Node::Paragraph(p) = &goals.children[0] else { panic!("a paragraph") };
//! assert_eq!(p.lead.as_deref(), Some("工业经济平稳增长"));
//! assert_eq!(&text[p.span.start..p.span.end], p.text);
//! ```

mod amount;
mod ascii;
mod build;
mod decode;
mod figures;
mod front;
mod furniture;
mod grid;
mod heading;
mod indicator;
mod layout;
mod logical;
mod lost;
mod markup;
mod numbers;
mod panel;
mod target;
mod text;
mod validate;

pub use build::{GIANT_TEXT, parse};
pub use decode::{Decoded, decode, hex_sha256};
pub use target::quantities;
pub use text::{LineIndex, is_blank, width};
pub use validate::span_errors;

use guihua_model::{Diagnostic, Document};

/// What can go wrong before parsing starts.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The bytes hold a NUL byte and no UTF-16 byte-order mark: a binary file, not a text document.
    #[error("not a text document: NUL byte at byte offset {offset}")]
    NotText {
        /// Byte offset of the first NUL byte.
        offset: usize,
    },
    /// The encoding asked for is not one the Encoding Standard knows.
    #[error("unknown encoding `{0}`")]
    UnknownEncoding(String),
}

/// The result type of the fallible functions of this crate.
pub type Result<T> = std::result::Result<T, Error>;

/// How to read bytes.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The path to record in `source.path`.
    pub path: Option<String>,
    /// An encoding label that overrides detection (`gbk`, `utf-16le`, …).
    pub encoding: Option<String>,
    /// Leave `targets` empty: for callers that do not read them, such as the indexer. Reading targets is about half
    /// the work of a parse.
    pub skip_targets: bool,
    /// With `skip_targets`: a paragraph of over 1 MiB on one line keeps an empty `text`, to be read from the decoded
    /// text by its span ([`guihua_model::Paragraph::text_in`]), instead of a copy: a giant paragraph is then held
    /// once (the `giant_text_by_span` rule). For callers that keep the decoded text, such as the indexer.
    pub giant_text_by_span: bool,
}

/// A document parsed from bytes, with the decoded text its spans point into.
#[derive(Debug, Clone)]
pub struct Parsed {
    /// The document, its `source` filled in and its `diagnostics` those of decoding and parsing, in source order.
    pub document: Document,
    /// The decoded text.
    pub text: String,
}

/// Reads every box-drawing box in `text` as a grid, on its own (no headings, panels or indicators): the cells of each
/// box, and the problems found. For tools and fuzzing; [`parse`] reads boxes as part of a document.
pub fn read_grids(text: &str) -> (Vec<guihua_model::Table>, Vec<Diagnostic>) {
    build::read_grids(text)
}

/// Decodes and parses `bytes`.
pub fn parse_bytes(bytes: &[u8], options: &Options) -> Result<Parsed> {
    parse_decoded(decode(bytes, options.encoding.as_deref())?, options)
}

/// [`parse_bytes`], taking the bytes: valid UTF-8 becomes the text without a copy, so a large file is held once.
pub fn parse_owned(bytes: Vec<u8>, options: &Options) -> Result<Parsed> {
    parse_decoded(decode::decode_owned(bytes, options.encoding.as_deref())?, options)
}

fn parse_decoded(decoded: Decoded, options: &Options) -> Result<Parsed> {
    let reading = match (options.skip_targets, options.giant_text_by_span) {
        (false, _) => build::Reading::Everything,
        (true, false) => build::Reading::Structure,
        (true, true) => build::Reading::StructureBySpan,
    };
    let (mut document, diagnostics) = build::parse_with(&decoded.text, reading);
    document.source = decoded.source;
    document.source.path.clone_from(&options.path);
    document.diagnostics = merge_diagnostics(decoded.diagnostics, diagnostics);
    Ok(Parsed { document, text: decoded.text })
}

fn merge_diagnostics(mut first: Vec<Diagnostic>, second: Vec<Diagnostic>) -> Vec<Diagnostic> {
    first.extend(second);
    first.sort_by_key(|d| d.span.map_or((0, 0), |s| (s.start, s.end)));
    first
}
