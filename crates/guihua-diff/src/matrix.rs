//! `guihua compare` without `--sections`: one row per indicator (or project), one column per plan.

use std::collections::HashMap;

use guihua_model::Document;

use crate::keys::{project_key, title_key};

/// What the rows of a [`Matrix`] are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MatrixItems {
    /// Indicators of indicator tables; a cell holds the target as written.
    Indicators,
    /// Projects of 专栏 panels; a cell holds the panel's title.
    Projects,
}

impl MatrixItems {
    /// `indicator` or `project`: the name of the label column.
    pub fn label(self) -> &'static str {
        match self {
            MatrixItems::Indicators => "indicator",
            MatrixItems::Projects => "project",
        }
    }
}

/// Items aligned across plans by their normalised name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Matrix {
    /// What the rows are.
    pub items: MatrixItems,
    /// One name per plan.
    pub columns: Vec<String>,
    /// `(label as first written, one cell per plan)`, in order of first appearance; a plan without the item has an
    /// empty cell.
    pub rows: Vec<(String, Vec<String>)>,
}

/// Aligns the indicators (or projects) of `plans`, each given with its column name.
pub fn matrix(plans: &[(String, &Document)], items: MatrixItems) -> Matrix {
    let columns: Vec<String> = plans.iter().map(|(name, _)| name.clone()).collect();
    let mut rows: Vec<(String, Vec<String>)> = Vec::new();
    let mut by_key: HashMap<String, usize> = HashMap::new();
    for (k, (_, doc)) in plans.iter().enumerate() {
        let mut add = |key: String, label: String, cell: String| {
            let row = *by_key.entry(key).or_insert_with(|| {
                rows.push((label, vec![String::new(); plans.len()]));
                rows.len() - 1
            });
            rows[row].1[k] = cell;
        };
        match items {
            MatrixItems::Projects => {
                let titles = doc.panel_titles();
                for p in &doc.projects {
                    let panel = titles.get(p.panel.as_str()).copied().unwrap_or_default();
                    add(project_key(&p.name), p.name.clone(), panel.to_owned());
                }
            }
            MatrixItems::Indicators => {
                for i in &doc.indicators {
                    let unit = i.unit.as_deref().map(|u| format!("（{u}）")).unwrap_or_default();
                    add(title_key(&i.name), format!("{}{unit}", i.name), i.target.raw.clone());
                }
            }
        }
    }
    Matrix { items, columns, rows }
}
