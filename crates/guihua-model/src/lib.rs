//! The extracted structure of a Chinese government plan (规划, 行动计划, 实施意见 …).
//!
//! This crate holds only data: the serde types that `guihua-parse` produces and that the index, the diff and every
//! tool reading guihua's JSON consume. It does no IO and no parsing. The JSON it serialises to is a versioned
//! contract: [`SCHEMA_VERSION`] names the version, [`json_schema`] publishes it as a JSON Schema, and
//! `schema/CHANGELOG.md` records every change.
//!
//! A [`Document`] has three parts: where it came from ([`Source`]), what the issuing notice says about it
//! ([`Meta`]), and the tree of its content ([`Node`]s under `outline`), with the indicators and projects found in that
//! tree listed again at the top level for tools that want a flat table. Every node carries a [`Span`]: byte offsets
//! into the decoded source text, plus the 1-based lines they fall on.
//!
//! ```
//! use guihua_model::{Document, Node, Paragraph, Span, SCHEMA_VERSION};
//!
//! let mut doc = Document::default();
//! doc.outline.push(Node::Paragraph(Paragraph {
//!     id: "p1".into(),
//!     span: Span { start: 0, end: 12, line: 1, end_line: 1 },
//!     text: "绿色发展。".into(),
//!     lead: None,
//!     pieces: Vec::new(),
//! }));
//! let json = serde_json::to_value(&doc).unwrap();
//! assert_eq!(json["schema_version"], SCHEMA_VERSION);
//! assert_eq!(json["outline"][0]["type"], "paragraph");
//! ```

mod compare;
mod diagnostic;
mod diff;
mod document;
mod node;
mod outline;

pub use compare::{Relation, SectionEnd, SectionRelation, TermShift, ValueEnd, ValueKind, ValueRelation};
pub use diagnostic::{Diagnostic, Severity};
pub use diff::{
    ChangeKind, DiffSide, DiffSummary, Edit, EditOp, IndicatorChange, IndicatorState, PlanDiff, ProjectChange,
    ProjectState, SectionChange, SectionRef, TextChange,
};
pub use document::{
    Bound, Direction, Document, Indicator, IndicatorValue, Meta, Period, Project, Quantity, SCHEMA_VERSION, Source,
    Target, TargetKind, TargetStatus,
};
pub use node::{
    Cell, Figure, Item, Node, Notice, Panel, PanelKind, Paragraph, Part, PartKind, Piece, Section, Span, Table, Title,
    Toc,
};
pub use outline::render_outline;

/// The JSON Schema of [`Document`], as published in `schema/guihua-document.schema.json`.
pub fn json_schema() -> serde_json::Value {
    let schema = schemars::schema_for!(Document);
    serde_json::to_value(schema).expect("a generated JSON Schema is always serialisable")
}
