//! The query language: terms are ANDed, `"…"` is an exact phrase, `OR` separates alternatives, `-term` excludes,
//! `type:indicator` and `doc:<id or title words>` filter.

use crate::Error;

/// A parsed query: alternatives (separated by `OR`), each a conjunction of atoms.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Query {
    /// The alternatives; a unit matches when it matches every atom of one of them.
    pub alternatives: Vec<Vec<Atom>>,
}

/// One condition.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Atom {
    /// `-term`: the unit must not match.
    pub negated: bool,
    /// What to match.
    pub kind: AtomKind,
}

/// What an [`Atom`] matches.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum AtomKind {
    /// A term: the unit's text contains it (after normalisation).
    Text(String),
    /// `"…"`: the unit's text contains the phrase exactly (after normalisation), spaces and punctuation included.
    Phrase(String),
    /// `type:X`: the unit's node type.
    Type(String),
    /// `doc:X`: the document id, or words of its title.
    Doc(String),
}

impl Query {
    /// The positive text and phrase needles of every alternative, for highlighting.
    pub fn needles(&self) -> Vec<String> {
        let mut out: Vec<String> = self
            .alternatives
            .iter()
            .flatten()
            .filter(|a| !a.negated)
            .filter_map(|a| match &a.kind {
                AtomKind::Text(t) | AtomKind::Phrase(t) => Some(t.clone()),
                _ => None,
            })
            .collect();
        out.sort();
        out.dedup();
        out
    }
}

/// Parses a query. Errors give the 1-based character column.
pub fn parse_query(input: &str) -> Result<Query, Error> {
    let chars: Vec<char> = input.chars().collect();
    let mut alternatives = vec![Vec::new()];
    let mut i = 0;
    let mut pending_or: Option<usize> = None;
    while i < chars.len() {
        let c = chars[i];
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        let start = i;
        let negated = c == '-' && chars.get(i + 1).is_some_and(|n| !n.is_whitespace());
        if negated {
            i += 1;
        }
        let kind = if chars[i] == '"' || chars[i] == '“' {
            let close = if chars[i] == '"' { '"' } else { '”' };
            let end = chars[i + 1..]
                .iter()
                .position(|&c| c == close)
                .map(|p| i + 1 + p)
                .ok_or_else(|| bad(input, start, "the quote opened here is never closed"))?;
            let phrase: String = chars[i + 1..end].iter().collect();
            i = end + 1;
            if phrase.trim().is_empty() {
                return Err(bad(input, start, "the phrase is empty"));
            }
            AtomKind::Phrase(phrase)
        } else {
            let end = chars[i..].iter().position(|c| c.is_whitespace()).map_or(chars.len(), |p| i + p);
            let word: String = chars[i..end].iter().collect();
            i = end;
            if word == "OR" && !negated {
                if alternatives.last().is_some_and(Vec::is_empty) {
                    return Err(bad(input, start, "`OR` needs a term before it"));
                }
                alternatives.push(Vec::new());
                pending_or = Some(start);
                continue;
            }
            filter_or_text(input, start, &word)?
        };
        pending_or = None;
        alternatives.last_mut().expect("there is always an alternative").push(Atom { negated, kind });
    }
    if let Some(at) = pending_or {
        return Err(bad(input, at, "`OR` needs a term after it"));
    }
    if alternatives.iter().all(Vec::is_empty) {
        return Err(Error::Query { column: 1, message: "the query is empty".into(), query: input.to_owned() });
    }
    for alternative in &alternatives {
        let positive = alternative.iter().any(|a| !a.negated);
        if !positive {
            return Err(bad(input, 0, "a query needs at least one term that is not excluded"));
        }
    }
    Ok(Query { alternatives })
}

fn filter_or_text(input: &str, start: usize, word: &str) -> Result<AtomKind, Error> {
    let Some((field, value)) = word.split_once(':') else {
        return Ok(AtomKind::Text(word.to_owned()));
    };
    if value.is_empty() {
        return Err(bad(input, start, &format!("`{field}:` needs a value")));
    }
    match field {
        "type" => Ok(AtomKind::Type(value.to_owned())),
        "doc" => Ok(AtomKind::Doc(value.to_owned())),
        _ if field.chars().all(|c| c.is_ascii_alphabetic()) => {
            Err(bad(input, start, &format!("unknown filter `{field}:` (filters are `type:` and `doc:`)")))
        }
        _ => Ok(AtomKind::Text(word.to_owned())),
    }
}

fn bad(input: &str, at: usize, message: &str) -> Error {
    Error::Query { column: at + 1, message: message.to_owned(), query: input.to_owned() }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(t: &str) -> Atom {
        Atom { negated: false, kind: AtomKind::Text(t.into()) }
    }

    #[test]
    fn terms_and_alternatives() {
        let q = parse_query("大数据 中心 OR 钢铁").unwrap();
        assert_eq!(q.alternatives, vec![vec![text("大数据"), text("中心")], vec![text("钢铁")]]);
    }

    #[test]
    fn phrases_exclusions_and_filters() {
        let q = parse_query("\"互联网＋ 制造\" -钢铁 type:indicator doc:河北").unwrap();
        assert_eq!(
            q.alternatives[0],
            vec![
                Atom { negated: false, kind: AtomKind::Phrase("互联网＋ 制造".into()) },
                Atom { negated: true, kind: AtomKind::Text("钢铁".into()) },
                Atom { negated: false, kind: AtomKind::Type("indicator".into()) },
                Atom { negated: false, kind: AtomKind::Doc("河北".into()) },
            ]
        );
    }

    #[test]
    fn errors_give_the_column() {
        let err = parse_query("数据 \"大数").unwrap_err().to_string();
        assert_eq!(err, "bad query at column 4: the quote opened here is never closed: `数据 \"大数`");
        assert!(parse_query("OR 数据").unwrap_err().to_string().contains("column 1"));
        assert!(parse_query("数据 OR").unwrap_err().to_string().contains("column 4"));
        assert!(parse_query("   ").unwrap_err().to_string().contains("empty"));
        assert!(parse_query("-数据").unwrap_err().to_string().contains("not excluded"));
        assert!(parse_query("kind:x").unwrap_err().to_string().contains("unknown filter `kind:`"));
    }
}
