//! The structured differences between two plans, as `guihua diff` reports them.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::{IndicatorValue, SCHEMA_VERSION, Span};

/// What changed from one plan to another: sections, indicators, projects and sentences.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct PlanDiff {
    /// The version of the JSON contract ([`SCHEMA_VERSION`]).
    pub schema_version: String,
    /// The old plan.
    pub old: DiffSide,
    /// The new plan.
    pub new: DiffSide,
    /// Counts of every kind of change.
    pub summary: DiffSummary,
    /// Sections added, removed, renamed, moved or with changed text (unchanged ones are not listed).
    pub sections: Vec<SectionChange>,
    /// Indicators added, removed or changed.
    pub indicators: Vec<IndicatorChange>,
    /// Projects added, removed, renamed or moved.
    pub projects: Vec<ProjectChange>,
    /// Changed sentences inside matched sections, with their character-level edits.
    pub text: Vec<TextChange>,
}

impl PlanDiff {
    /// An empty diff between two plans.
    pub fn new(old: DiffSide, new: DiffSide) -> PlanDiff {
        PlanDiff {
            schema_version: SCHEMA_VERSION.to_owned(),
            old,
            new,
            summary: DiffSummary::default(),
            sections: Vec::new(),
            indicators: Vec::new(),
            projects: Vec::new(),
            text: Vec::new(),
        }
    }

    /// Whether the two plans have the same content.
    pub fn is_empty(&self) -> bool {
        self.sections.is_empty() && self.indicators.is_empty() && self.projects.is_empty() && self.text.is_empty()
    }
}

/// One of the two plans compared.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct DiffSide {
    /// The source path, when known.
    pub path: Option<String>,
    /// The title, when known.
    pub title: Option<String>,
}

/// How many changes of each kind.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct DiffSummary {
    /// Sections only in the new plan.
    pub sections_added: u32,
    /// Sections only in the old plan.
    pub sections_removed: u32,
    /// Sections with a new title.
    pub sections_renamed: u32,
    /// Sections under a new parent.
    pub sections_moved: u32,
    /// Matched sections whose own text changed.
    pub sections_text_changed: u32,
    /// Indicators only in the new plan.
    pub indicators_added: u32,
    /// Indicators only in the old plan.
    pub indicators_removed: u32,
    /// Indicators with a changed value, unit, bound or cumulative flag.
    pub indicators_changed: u32,
    /// Projects only in the new plan.
    pub projects_added: u32,
    /// Projects only in the old plan.
    pub projects_removed: u32,
    /// Projects with a new name in the same place.
    pub projects_renamed: u32,
    /// Projects in another panel or category.
    pub projects_moved: u32,
    /// Changed sentences.
    pub sentences_changed: u32,
}

/// What happened to a section.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ChangeKind {
    /// Only in the new plan.
    Added,
    /// Only in the old plan.
    Removed,
    /// In both, with another title.
    Renamed,
    /// In both, under another parent.
    Moved,
    /// In both, same title and place, its own text changed.
    TextChanged,
    /// In both, with changed values.
    Changed,
}

/// A section that changed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct SectionChange {
    /// What happened. A section both renamed and moved is reported as moved, with both titles.
    pub change: ChangeKind,
    /// The section in the old plan.
    pub old: Option<SectionRef>,
    /// The section in the new plan.
    pub new: Option<SectionRef>,
}

/// A section of one plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct SectionRef {
    /// Its node id.
    pub id: String,
    /// Its number as written.
    pub number: String,
    /// Its title.
    pub title: String,
    /// The titles of the sections above it, outermost first.
    pub path: Vec<String>,
    /// Where its heading stands.
    pub span: Span,
}

/// An indicator that changed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct IndicatorChange {
    /// Added, removed or changed.
    pub change: ChangeKind,
    /// The indicator's name (the new one where it has two spellings).
    pub name: String,
    /// The fields that changed (`target`, `baseline`, `unit`, `category`).
    pub fields: Vec<String>,
    /// The old indicator's id, unit, baseline and target.
    pub old: Option<IndicatorState>,
    /// The new indicator's.
    pub new: Option<IndicatorState>,
}

/// An indicator's values on one side.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct IndicatorState {
    /// Its id.
    pub id: String,
    /// Its category.
    pub category: Option<String>,
    /// Its unit.
    pub unit: Option<String>,
    /// Its baseline.
    pub baseline: IndicatorValue,
    /// Its target.
    pub target: IndicatorValue,
    /// Where it stands.
    pub span: Span,
}

/// A project that changed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ProjectChange {
    /// Added, removed, renamed or moved.
    pub change: ChangeKind,
    /// The project on the old side.
    pub old: Option<ProjectState>,
    /// The project on the new side.
    pub new: Option<ProjectState>,
}

/// A project on one side.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct ProjectState {
    /// Its id.
    pub id: String,
    /// Its name as written.
    pub name: String,
    /// Its category.
    pub category: Option<String>,
    /// The title of its panel.
    pub panel: String,
    /// Where it stands.
    pub span: Span,
}

/// Sentences of a matched section that changed, with the edits that turn the old into the new.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct TextChange {
    /// The section's titles, outermost first (new side).
    pub section_path: Vec<String>,
    /// The old sentences (empty when inserted).
    pub old: String,
    /// The new sentences (empty when deleted).
    pub new: String,
    /// Character-level edits.
    pub edits: Vec<Edit>,
}

/// One run of a character-level diff.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Edit {
    /// `equal`, `insert` or `delete`.
    pub op: EditOp,
    /// The characters.
    pub text: String,
}

/// What an [`Edit`] does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum EditOp {
    /// Kept.
    Equal,
    /// Added in the new text.
    Insert,
    /// Gone from the old text.
    Delete,
}
