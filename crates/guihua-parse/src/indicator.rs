//! Indicators (指标) read from indicator tables: which columns hold the category, the name, the unit and the years,
//! and what each value cell says (`81.13（2014）`, `20以上`, `[18]`, `-`).

use guihua_model::{Bound, Cell, Indicator, IndicatorValue, Table};
use regex::Regex;
use std::sync::LazyLock;

use crate::text::{LineIndex, is_blank};

/// The roles of an indicator table's columns, read from its header.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Columns {
    category: Option<usize>,
    name: usize,
    unit: Option<usize>,
    attribute: Option<usize>,
    /// `(column, year)` for every header that names a year (`2015年`, `2020年目标`), in column order.
    years: Vec<(usize, i32)>,
}

static YEAR_HEADER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"((?:19|20)\d{2})\s*年").expect("the year header pattern is valid"));

/// Reads the header: a table is an indicator table when one column names the indicators (`指标`, `名称`) and at least
/// one names a year.
fn columns(table: &Table) -> Option<Columns> {
    let header = &table.columns;
    let role = |words: &[&str]| header.iter().position(|h| words.iter().any(|w| h.contains(w)));
    let name = header
        .iter()
        .position(|h| (h.contains("指标") || h.contains("名称")) && !h.contains("属性") && !h.contains("类"))?;
    let years: Vec<(usize, i32)> = header
        .iter()
        .enumerate()
        .filter(|&(i, _)| i != name)
        .filter_map(|(i, h)| Some((i, YEAR_HEADER.captures(h)?[1].parse().ok()?)))
        .collect();
    if years.is_empty() {
        return None;
    }
    let category = role(&["类别", "领域", "类型", "分类"]).filter(|&c| c < name);
    Some(Columns { category, name, unit: role(&["单位"]), attribute: role(&["属性"]), years })
}

/// Reads the indicators of `table`, or none when it is not an indicator table. Ids are `{table id}.i{n}`.
pub(crate) fn read_indicators(table: &Table, index: &LineIndex) -> Vec<Indicator> {
    let Some(cols) = columns(table) else {
        return Vec::new();
    };
    let covering = CoveringIndex::new(table, &cols);
    let at = |row: u32, col: usize| -> Option<&Cell> { covering.get(row, col).map(|i| &table.cells[i]) };
    let text_at = |row: u32, col: Option<usize>| -> Option<String> {
        let cell = at(row, col?)?;
        (!cell.text.is_empty()).then(|| cell.text.clone())
    };
    let mut out = Vec::new();
    for row in 1..table.rows {
        let Some(name_cell) = at(row, cols.name).filter(|c| c.row == row && !c.text.is_empty()) else {
            continue;
        };
        if name_cell.text == table.columns[cols.name] {
            continue; // a repeated header row
        }
        let (name, name_unit) = split_unit(&name_cell.text);
        let unit = text_at(row, cols.unit).map(|u| normalize_unit(&u)).or(name_unit);
        let value_at = |&(col, year): &(usize, i32)| {
            let raw = at(row, col).filter(|c| c.row == row).map_or("", |c| c.text.as_str());
            parse_value(raw, Some(year))
        };
        let target = cols.years.last().map(value_at).unwrap_or_else(|| parse_value("", None));
        let baseline = if cols.years.len() >= 2 { value_at(&cols.years[0]) } else { parse_value("", None) };
        let row_cells = [Some(cols.name), cols.years.first().map(|y| y.0), cols.years.last().map(|y| y.0)];
        let pieces = row_cells
            .iter()
            .flatten()
            .filter_map(|&c| at(row, c).filter(|cell| cell.row == row))
            .flat_map(|c| c.pieces.iter());
        let start = pieces.clone().map(|p| p.start).min().unwrap_or(table.span.start);
        let end = pieces.map(|p| p.end).max().unwrap_or(table.span.end);
        out.push(Indicator {
            id: String::new(),
            category: text_at(row, cols.category),
            name,
            unit,
            baseline,
            target,
            attribute: text_at(row, cols.attribute),
            table: table.id.clone(),
            row,
            span: index.span(start, end),
        });
    }
    out
}

/// For the columns an indicator table is read from, which cell covers each logical row: lookups in constant time,
/// built in time linear in the table, so that a huge table stays linear.
struct CoveringIndex {
    /// `(column, the covering cell of each row)`.
    columns: Vec<(usize, Vec<Option<usize>>)>,
}

impl CoveringIndex {
    fn new(table: &Table, cols: &Columns) -> CoveringIndex {
        let mut wanted: Vec<usize> = [Some(cols.name), cols.category, cols.unit, cols.attribute]
            .into_iter()
            .flatten()
            .chain(cols.years.iter().map(|&(c, _)| c))
            .collect();
        wanted.sort_unstable();
        wanted.dedup();
        let rows = table.rows as usize;
        let mut columns: Vec<(usize, Vec<Option<usize>>)> = wanted.into_iter().map(|c| (c, vec![None; rows])).collect();
        for (i, cell) in table.cells.iter().enumerate() {
            let (first_col, last_col) = (cell.col as usize, (cell.col + cell.col_span) as usize);
            for (col, by_row) in columns.iter_mut() {
                if first_col <= *col && *col < last_col {
                    let first_row = (cell.row as usize).min(rows);
                    let last_row = ((cell.row + cell.row_span) as usize).min(rows);
                    by_row[first_row..last_row].iter_mut().for_each(|slot| *slot = Some(i));
                }
            }
        }
        CoveringIndex { columns }
    }

    fn get(&self, row: u32, col: usize) -> Option<usize> {
        let (_, by_row) = self.columns.iter().find(|(c, _)| *c == col)?;
        by_row.get(row as usize).copied().flatten()
    }
}

static UNIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:[%％‰‱]|个百分点|百分点|[万亿千百]?(?:元|美元|人|个|家|项|件|台|套|座|辆|吨|户|所|张|部|次|篇|条|株|头|只|公顷|亩|平方米|平方公里|公里|千米|米|千瓦|瓦|千瓦时|度|吨标准煤|标准煤|立方米|小时|天|年|岁|倍|分)(?:/[^（）()]{1,6})?|[A-Za-z]{1,5}(?:/[A-Za-z]{1,5})?)$",
    )
    .expect("the unit pattern is valid")
});

/// Splits a trailing unit parenthesis off an indicator name: `智能工厂（车间）数量（个）` → (`智能工厂（车间）数量`, `个`).
/// Only a parenthesis that holds a unit counts (the `unit_suffix` heuristic), so `（车间）` stays in the name.
pub(crate) fn split_unit(name: &str) -> (String, Option<String>) {
    let trimmed = name.trim_matches(is_blank);
    let Some(body) = trimmed.strip_suffix('）').or_else(|| trimmed.strip_suffix(')')) else {
        return (trimmed.to_owned(), None);
    };
    let Some(open) = body.rfind(['（', '(']) else {
        return (trimmed.to_owned(), None);
    };
    let unit = normalize_unit(&body[open..][body[open..].chars().next().map_or(0, char::len_utf8)..]);
    if body[..open].is_empty() || !UNIT.is_match(&unit) {
        return (trimmed.to_owned(), None);
    }
    (body[..open].trim_end_matches(is_blank).to_owned(), Some(unit))
}

/// Folds a unit to half-width: `％` → `%`, full-width letters and digits to ASCII.
fn normalize_unit(unit: &str) -> String {
    unit.trim_matches(is_blank)
        .chars()
        .map(|c| match c {
            '！'..='～' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            _ => c,
        })
        .collect()
}

static YEAR_NOTE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[（(]\s*((?:19|20)\d{2})\s*年?\s*[）)]").expect("the year note pattern is valid"));

/// Reads a value cell: the number, a bracketed cumulative total (`[18]`), a year other than the column's
/// (`81.13（2014）`), a bound (`20以上`, `35以下`, `≥20`, `不低于`, `左右`), or no value (`-`).
pub(crate) fn parse_value(raw: &str, column_year: Option<i32>) -> IndicatorValue {
    let text = raw.trim_matches(is_blank);
    let mut year = column_year;
    let mut rest = text.to_owned();
    if let Some(caps) = YEAR_NOTE.captures(text) {
        year = caps[1].parse().ok().or(year);
        rest = YEAR_NOTE.replace(text, "").into_owned();
    }
    let inner = rest.trim_matches(is_blank);
    let (inner, cumulative) = match strip_brackets(inner) {
        Some(inside) => (inside, true),
        None => (inner, false),
    };
    let bound = bound_of(inner);
    // The number is read by the same quantity reader as prose; a leading minus sign makes it negative.
    let negative = inner.starts_with(['-', '－', '−']);
    let value = crate::target::quantities(inner).first().map(|q| if negative { -q.value } else { q.value });
    IndicatorValue { raw: text.to_owned(), value, year, bound, cumulative }
}

fn strip_brackets(text: &str) -> Option<&str> {
    [('[', ']'), ('［', '］'), ('【', '】'), ('〔', '〕')]
        .iter()
        .find_map(|&(open, close)| text.strip_prefix(open)?.strip_suffix(close).map(|s| s.trim_matches(is_blank)))
}

fn bound_of(text: &str) -> Bound {
    const AT_LEAST: [&str; 6] = ["以上", "≥", ">", "＞", "不低于", "不少于"];
    const AT_MOST: [&str; 7] = ["以下", "≤", "<", "＜", "不超过", "不高于", "以内"];
    if AT_LEAST.iter().any(|w| text.contains(w)) {
        Bound::AtLeast
    } else if AT_MOST.iter().any(|w| text.contains(w)) {
        Bound::AtMost
    } else if text.contains("左右") || text.contains('约') {
        Bound::About
    } else {
        Bound::Exact
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(raw: &str) -> (Option<f64>, Option<i32>, Bound, bool) {
        let value = parse_value(raw, Some(2020));
        (value.value, value.year, value.bound, value.cumulative)
    }

    #[test]
    fn value_cells() {
        assert_eq!(v("0.63"), (Some(0.63), Some(2020), Bound::Exact, false));
        assert_eq!(v("81.13（2014）"), (Some(81.13), Some(2014), Bound::Exact, false));
        assert_eq!(v("20以上"), (Some(20.0), Some(2020), Bound::AtLeast, false));
        assert_eq!(v("35以下"), (Some(35.0), Some(2020), Bound::AtMost, false));
        assert_eq!(v("-"), (None, Some(2020), Bound::Exact, false));
        assert_eq!(v("[2]"), (Some(2.0), Some(2020), Bound::Exact, true));
        assert_eq!(v("［18］"), (Some(18.0), Some(2020), Bound::Exact, true));
        assert_eq!(v("≥５０"), (Some(50.0), Some(2020), Bound::AtLeast, false));
        assert_eq!(v("-3.5"), (Some(-3.5), Some(2020), Bound::Exact, false));
        assert_eq!(v("1,500左右"), (Some(1500.0), Some(2020), Bound::About, false));
        assert_eq!(parse_value("[18]", None).raw, "[18]");
    }

    #[test]
    fn units_come_off_the_name_only_when_they_are_units() {
        assert_eq!(
            split_unit("规模以上工业企业R&D经费支出占主营业务收入比（％）"),
            ("规模以上工业企业R&D经费支出占主营业务收入比".into(), Some("%".into()))
        );
        assert_eq!(split_unit("智能工厂（车间）数量（个）"), ("智能工厂（车间）数量".into(), Some("个".into())));
        assert_eq!(split_unit("全员劳动生产率（万元/人）"), ("全员劳动生产率".into(), Some("万元/人".into())));
        assert_eq!(split_unit("智能工厂（车间）"), ("智能工厂（车间）".into(), None));
        assert_eq!(split_unit("（%）"), ("（%）".into(), None));
        assert_eq!(split_unit("能耗"), ("能耗".into(), None));
    }
}
