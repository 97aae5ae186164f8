//! Indicators and targets across different plans (`guihua compare --sections`): each matched with its counterpart by
//! name, old and new values side by side.
//!
//! The `reworded_name` rule: two names are the same indicator when their keys (width folded, punctuation dropped) are
//! equal, when one is an abbreviation of the other — its characters appear in order in the longer name, which starts
//! with the same character and ends with the same two (`研发经费投入强度` in `研究与试验发展经费投入强度`) — or when
//! their character bigrams overlap enough ([`NAME`], Dice coefficient). Units must agree where both plans give one.
//! Prose targets (goals only) are matched the same way by subject, and must have the same unit. Pairs are taken
//! greedily, the most alike first.

use guihua_model::{Document, Relation, TargetStatus, ValueEnd, ValueKind, ValueRelation};

use crate::keys::title_key;

/// The smallest name similarity of a match.
pub const NAME: f64 = 0.6;

/// How alike two names are, 0 to 1 (see the module documentation).
pub fn name_similarity(a: &str, b: &str) -> f64 {
    let (a, b) = (title_key(a), title_key(b));
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    if a == b {
        return 1.0;
    }
    let (short, long) = if a.chars().count() <= b.chars().count() { (&a, &b) } else { (&b, &a) };
    if abbreviates(short, long) {
        return 0.9;
    }
    dice(&a, &b)
}

/// Whether `short` is an abbreviation of `long`: its characters in order in `long`, the same first character and the
/// same last two, and at least half as long.
fn abbreviates(short: &str, long: &str) -> bool {
    let s: Vec<char> = short.chars().collect();
    let l: Vec<char> = long.chars().collect();
    if s.len() < 3 || s.len() * 2 < l.len() || s.first() != l.first() || s[s.len() - 2..] != l[l.len() - 2..] {
        return false;
    }
    let mut rest = l.iter();
    s.iter().all(|c| rest.any(|d| d == c))
}

/// The Dice coefficient of the character bigrams of two keys.
fn dice(a: &str, b: &str) -> f64 {
    let grams = |s: &str| -> Vec<(char, char)> {
        let chars: Vec<char> = s.chars().collect();
        let mut g: Vec<(char, char)> = chars.windows(2).map(|w| (w[0], w[1])).collect();
        g.sort_unstable();
        g
    };
    let (x, y) = (grams(a), grams(b));
    if x.is_empty() || y.is_empty() {
        return 0.0;
    }
    let (mut i, mut j, mut shared) = (0, 0, 0);
    while i < x.len() && j < y.len() {
        match x[i].cmp(&y[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    2.0 * f64::from(shared) / (x.len() + y.len()) as f64
}

/// Pairs `old` and `new` items greedily by similarity (at [`NAME`] or more, where `compatible`), and lists the rest.
fn pair_up(
    kind: ValueKind,
    old: Vec<(ValueEnd, String)>,
    new: Vec<(ValueEnd, String)>,
    compatible: impl Fn(&ValueEnd, &ValueEnd) -> bool,
) -> Vec<ValueRelation> {
    let mut pairs: Vec<(f64, usize, usize)> = Vec::new();
    for (i, (o, on)) in old.iter().enumerate() {
        for (j, (n, nn)) in new.iter().enumerate() {
            if !compatible(o, n) {
                continue;
            }
            let score = name_similarity(on, nn);
            if score >= NAME {
                pairs.push((score, i, j));
            }
        }
    }
    pairs.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let (mut old_taken, mut new_taken) = (vec![None; old.len()], vec![false; new.len()]);
    for (score, i, j) in pairs {
        if old_taken[i].is_none() && !new_taken[j] {
            old_taken[i] = Some((j, score));
            new_taken[j] = true;
        }
    }
    let mut rows = Vec::new();
    let mut new_listed = vec![false; new.len()];
    for (i, (o, _)) in old.iter().enumerate() {
        match old_taken[i] {
            Some((j, score)) => {
                new_listed[j] = true;
                rows.push(ValueRelation {
                    kind,
                    relation: Relation::Same,
                    old: Some(o.clone()),
                    new: Some(new[j].0.clone()),
                    score: (score * 1000.0).round() / 1000.0,
                });
            }
            None => rows.push(ValueRelation {
                kind,
                relation: Relation::OldOnly,
                old: Some(o.clone()),
                new: None,
                score: 0.0,
            }),
        }
    }
    for (j, (n, _)) in new.iter().enumerate() {
        if !new_listed[j] {
            rows.push(ValueRelation { kind, relation: Relation::NewOnly, old: None, new: Some(n.clone()), score: 0.0 });
        }
    }
    rows
}

fn with_year(raw: &str, year: Option<i32>) -> String {
    match year {
        Some(y) if !raw.contains(&y.to_string()) => format!("{raw}（{y}）"),
        _ => raw.to_owned(),
    }
}

/// The indicators of two plans, each with its counterpart: old and new target values side by side.
pub fn match_indicators(old: &Document, new: &Document) -> Vec<ValueRelation> {
    let ends = |d: &Document| -> Vec<(ValueEnd, String)> {
        d.indicators
            .iter()
            .map(|i| {
                let end = ValueEnd {
                    node: i.id.clone(),
                    title: i.name.clone(),
                    line: i.span.line,
                    value: with_year(&i.target.raw, i.target.year),
                    unit: i.unit.clone(),
                };
                (end, i.name.clone())
            })
            .collect()
    };
    let units_agree = |a: &ValueEnd, b: &ValueEnd| match (&a.unit, &b.unit) {
        (Some(x), Some(y)) => title_key(x) == title_key(y),
        _ => true,
    };
    pair_up(ValueKind::Indicator, ends(old), ends(new), units_agree)
}

/// The prose goals of two plans, each with its counterpart by subject and unit.
pub fn match_targets(old: &Document, new: &Document) -> Vec<ValueRelation> {
    let ends = |d: &Document| -> Vec<(ValueEnd, String)> {
        d.targets
            .iter()
            .filter(|t| t.status == TargetStatus::Goal && !t.subject.is_empty())
            .map(|t| {
                let unit = match (&t.multiplier, &t.unit) {
                    (Some(m), Some(u)) => Some(format!("{m}{u}")),
                    (m, u) => u.clone().or_else(|| m.clone()),
                };
                let end = ValueEnd {
                    node: t.id.clone(),
                    title: t.subject.clone(),
                    line: t.span.line,
                    value: with_year(&t.raw, t.year),
                    unit,
                };
                (end, t.subject.clone())
            })
            .collect()
    };
    pair_up(ValueKind::Target, ends(old), ends(new), |a, b| a.unit == b.unit)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reworded_names_are_the_same_indicator() {
        assert!(name_similarity("研究与试验发展经费投入强度", "研发经费投入强度") >= NAME, "an abbreviation");
        assert_eq!(name_similarity("规模以上工业增加值（亿元）", "规模以上工业增加值(亿元)"), 1.0);
        assert!(name_similarity("每万人口发明专利拥有量", "每万人口高价值发明专利拥有量") >= NAME, "a qualifier added");
        assert!(name_similarity("森林覆盖率", "城镇化率") < NAME);
        assert!(name_similarity("单位GDP能耗", "单位GDP二氧化碳排放") < NAME);
    }

    #[test]
    fn indicators_and_goals_side_by_side() {
        let old = "一、主要目标\n到2020年，研究与试验发展经费投入强度达到2.5%，森林覆盖率达到35%。\n";
        let new = "一、主要目标\n到2025年，研发经费投入强度达到3%，城镇化率达到65%。\n";
        let (a, _) = guihua_parse::parse(old);
        let (b, _) = guihua_parse::parse(new);
        let rows = match_targets(&a, &b);
        let same: Vec<_> = rows.iter().filter(|r| r.relation == Relation::Same).collect();
        assert_eq!(same.len(), 1, "{rows:#?}");
        let (o, n) = (same[0].old.as_ref().expect("old"), same[0].new.as_ref().expect("new"));
        assert_eq!((o.value.as_str(), n.value.as_str()), ("2.5%（2020）", "3%（2025）"));
        assert_eq!(o.unit.as_deref(), Some("%"));
        assert_eq!(rows.iter().filter(|r| r.relation == Relation::OldOnly).count(), 1, "森林覆盖率");
        assert_eq!(rows.iter().filter(|r| r.relation == Relation::NewOnly).count(), 1, "城镇化率");
    }
}
