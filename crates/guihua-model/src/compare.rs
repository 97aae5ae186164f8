//! The topic comparison of different plans (`guihua compare --sections`): which sections carried over, split, merged,
//! were dropped or are new, and the words whose frequency moved most. One JSON Lines row per relation.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// How sections of two plans relate by topic.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Relation {
    /// One old section and one new section on the same topic (identical or renamed sections score 1).
    Same,
    /// One old section whose topic is spread over several new ones: one row per new section.
    Split,
    /// Several old sections whose topics are joined in one new section: one row per old section.
    Merged,
    /// An old section with no counterpart.
    OldOnly,
    /// A new section with no counterpart.
    NewOnly,
}

impl Relation {
    /// The name used in every output format.
    pub fn as_str(self) -> &'static str {
        match self {
            Relation::Same => "same",
            Relation::Split => "split",
            Relation::Merged => "merged",
            Relation::OldOnly => "old-only",
            Relation::NewOnly => "new-only",
        }
    }
}

/// One end of a relation: a section as the reader sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct SectionEnd {
    /// The section's node id in its document's JSON.
    pub node: String,
    /// The number as written (`第二章`, `（三）`; empty for an unnumbered title).
    pub number: String,
    /// The heading text without its number.
    pub title: String,
    /// Depth in the outline, 1 for the outermost numbering.
    pub level: u32,
    /// The 1-based source line where the heading starts.
    pub line: u32,
}

/// How one or two sections relate, with the evidence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct SectionRelation {
    /// How they relate.
    pub relation: Relation,
    /// The old plan's section (null for `new-only`).
    pub old: Option<SectionEnd>,
    /// The new plan's section (null for `old-only`).
    pub new: Option<SectionEnd>,
    /// The topic similarity, 0 to 1 (cosine of TF-IDF vectors of words and character bigrams); 1 for a section whose
    /// title is the same, 0 for a one-sided row.
    pub score: f64,
    /// The words the two sections share that weigh most in both: why they were paired.
    pub terms: Vec<String>,
}

/// A word whose frequency moved between two plans.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct TermShift {
    /// The word (a jieba word, normalised).
    pub term: String,
    /// Occurrences in the old plan.
    pub old_count: u32,
    /// Occurrences in the new plan.
    pub new_count: u32,
    /// Occurrences per 10,000 characters of the old plan.
    pub old_per_10k: f64,
    /// Occurrences per 10,000 characters of the new plan.
    pub new_per_10k: f64,
}

/// What a value row compares.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum ValueKind {
    /// A row of an indicator table.
    Indicator,
    /// A quantified goal in the prose.
    Target,
}

/// One end of a value row: an indicator or a target as its plan writes it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ValueEnd {
    /// The indicator's or target's id in its document's JSON.
    pub node: String,
    /// The indicator's name or the target's subject.
    pub title: String,
    /// The 1-based source line where it stands.
    pub line: u32,
    /// The value as written (an indicator's target cell, a target's figure), with its year where known: `81.13（2020）`.
    pub value: String,
    /// The unit, normalised (`%`, `元`, `个百分点`).
    pub unit: Option<String>,
}

/// An indicator or target of one plan and its counterpart in the next, side by side.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ValueRelation {
    /// An indicator or a target.
    pub kind: ValueKind,
    /// `same` (matched), `old-only` or `new-only`.
    pub relation: Relation,
    /// The old plan's indicator or target (null for `new-only`).
    pub old: Option<ValueEnd>,
    /// The new plan's (null for `old-only`).
    pub new: Option<ValueEnd>,
    /// How alike the names are, 0 to 1 (1 for the same name).
    pub score: f64,
}
