//! Compares two parsed plans by their structure, not their text layout.
//!
//! Sections are matched by normalised title (width folded, punctuation dropped, numbering ignored), then, among the
//! children of matched parents only, by content; each is reported as renamed, moved, text-changed, added or
//! removed. Inside matched sections, changed sentences are reported with character-level edits. Indicators are
//! matched by normalised name, projects by a name key tolerant of the spelling noise of real plans (`第6代` ≡ `第六代`,
//! a trailing `项目`, full- and half-width brackets). Layout is not content: the same plan drawn with other table
//! layouts, line ends or encodings diffs as identical.
//!
//! ```
//! let (old, _) = guihua_parse::parse("一、总体要求\n发展目标。到2020年，产值达到100亿元。\n");
//! let (new, _) = guihua_parse::parse("一、总体要求\n发展目标。到2020年，产值达到120亿元。\n");
//! let diff = guihua_diff::diff(&old, &new);
//! assert_eq!(diff.summary.sentences_changed, 1);
//! assert!(guihua_diff::diff(&old, &old).is_empty());
//! ```

mod keys;
mod matrix;
mod sections;
mod topics;
mod values;

use std::collections::HashMap;

use guihua_model::{
    ChangeKind, DiffSide, Document, Indicator, IndicatorChange, IndicatorState, PlanDiff, Project, ProjectChange,
    ProjectState,
};

pub use keys::{project_key, title_key};
pub use matrix::{Matrix, MatrixItems, matrix};
pub use topics::{PARTIAL, SAME, STOP_WORDS, TopicProfile, align_sections, profile, similarities, term_shifts};
pub use values::{NAME, match_indicators, match_targets, name_similarity};

/// Compares two documents.
pub fn diff(old: &Document, new: &Document) -> PlanDiff {
    let side = |d: &Document| DiffSide { path: d.source.path.clone(), title: d.meta.title.clone() };
    let mut out = PlanDiff::new(side(old), side(new));
    sections::diff_sections(old, new, &mut out);
    diff_indicators(&old.indicators, &new.indicators, &mut out);
    diff_projects(old, new, &mut out);
    out
}

fn indicator_state(i: &Indicator) -> IndicatorState {
    IndicatorState {
        id: i.id.clone(),
        category: i.category.clone(),
        unit: i.unit.clone(),
        baseline: i.baseline.clone(),
        target: i.target.clone(),
        span: i.span,
    }
}

/// Whether two indicator values say the same, whatever the spacing of their cells.
fn same_value(a: &guihua_model::IndicatorValue, b: &guihua_model::IndicatorValue) -> bool {
    (a.value, a.bound, a.cumulative, a.year) == (b.value, b.bound, b.cumulative, b.year)
}

fn diff_indicators(old: &[Indicator], new: &[Indicator], out: &mut PlanDiff) {
    let mut by_key: HashMap<String, Vec<usize>> = HashMap::new();
    for (j, indicator) in new.iter().enumerate() {
        by_key.entry(title_key(&indicator.name)).or_default().push(j);
    }
    let mut matched = vec![false; new.len()];
    for o in old {
        let candidate = by_key.get_mut(&title_key(&o.name)).and_then(|list| (!list.is_empty()).then(|| list.remove(0)));
        let Some(j) = candidate else {
            out.summary.indicators_removed += 1;
            out.indicators.push(IndicatorChange {
                change: ChangeKind::Removed,
                name: o.name.clone(),
                fields: Vec::new(),
                old: Some(indicator_state(o)),
                new: None,
            });
            continue;
        };
        matched[j] = true;
        let n = &new[j];
        let mut fields = Vec::new();
        if !same_value(&o.baseline, &n.baseline) {
            fields.push("baseline".to_owned());
        }
        if !same_value(&o.target, &n.target) {
            fields.push("target".to_owned());
        }
        if o.unit != n.unit {
            fields.push("unit".to_owned());
        }
        if o.category.as_deref().map(title_key) != n.category.as_deref().map(title_key) {
            fields.push("category".to_owned());
        }
        if !fields.is_empty() {
            out.summary.indicators_changed += 1;
            out.indicators.push(IndicatorChange {
                change: ChangeKind::Changed,
                name: n.name.clone(),
                fields,
                old: Some(indicator_state(o)),
                new: Some(indicator_state(n)),
            });
        }
    }
    for n in new.iter().zip(&matched).filter(|(_, m)| !**m).map(|(n, _)| n) {
        out.summary.indicators_added += 1;
        out.indicators.push(IndicatorChange {
            change: ChangeKind::Added,
            name: n.name.clone(),
            fields: Vec::new(),
            old: None,
            new: Some(indicator_state(n)),
        });
    }
}

fn project_state(p: &Project, panels: &HashMap<&str, &str>) -> ProjectState {
    ProjectState {
        id: p.id.clone(),
        name: p.name.clone(),
        category: p.category.clone(),
        panel: panels.get(p.panel.as_str()).map_or_else(String::new, |t| (*t).to_owned()),
        span: p.span,
    }
}

fn diff_projects(old: &Document, new: &Document, out: &mut PlanDiff) {
    let (old_panels, new_panels) = (old.panel_titles(), new.panel_titles());
    let mut by_key: HashMap<String, Vec<usize>> = HashMap::new();
    for (j, p) in new.projects.iter().enumerate() {
        by_key.entry(project_key(&p.name)).or_default().push(j);
    }
    let mut matched_new = vec![false; new.projects.len()];
    let mut unmatched_old = Vec::new();
    for (i, o) in old.projects.iter().enumerate() {
        let Some(j) = by_key.get_mut(&project_key(&o.name)).and_then(|l| (!l.is_empty()).then(|| l.remove(0))) else {
            unmatched_old.push(i);
            continue;
        };
        matched_new[j] = true;
        let n = &new.projects[j];
        let (old_state, new_state) = (project_state(o, &old_panels), project_state(n, &new_panels));
        let moved = title_key(&old_state.panel) != title_key(&new_state.panel)
            || o.category.as_deref().map(title_key) != n.category.as_deref().map(title_key);
        if moved {
            out.summary.projects_moved += 1;
            out.projects.push(ProjectChange { change: ChangeKind::Moved, old: Some(old_state), new: Some(new_state) });
        }
    }
    // A project left over on both sides, in panels of the same title and at the same place in them, was renamed.
    let place = |d: &Document, index: usize, panels: &HashMap<&str, &str>| {
        let p = &d.projects[index];
        let position = d.projects[..index].iter().filter(|q| q.panel == p.panel).count();
        (panels.get(p.panel.as_str()).map(|t| title_key(t)), position)
    };
    let mut unmatched_new: Vec<usize> = (0..new.projects.len()).filter(|j| !matched_new[*j]).collect();
    for i in unmatched_old {
        let where_old = place(old, i, &old_panels);
        let renamed = unmatched_new.iter().position(|&j| place(new, j, &new_panels) == where_old);
        let old_state = Some(project_state(&old.projects[i], &old_panels));
        match renamed {
            Some(k) => {
                let j = unmatched_new.remove(k);
                out.summary.projects_renamed += 1;
                let new_state = Some(project_state(&new.projects[j], &new_panels));
                out.projects.push(ProjectChange { change: ChangeKind::Renamed, old: old_state, new: new_state });
            }
            None => {
                out.summary.projects_removed += 1;
                out.projects.push(ProjectChange { change: ChangeKind::Removed, old: old_state, new: None });
            }
        }
    }
    for j in unmatched_new {
        out.summary.projects_added += 1;
        let new_state = Some(project_state(&new.projects[j], &new_panels));
        out.projects.push(ProjectChange { change: ChangeKind::Added, old: None, new: new_state });
    }
}
