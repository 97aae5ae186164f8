//! Snippets: about 80 characters of the text as written around the first match, with every match highlighted.

use crate::text::fold;

/// Characters of context kept before the first match.
const LEAD: usize = 20;

/// Cuts a snippet of about `width` characters from `text` around the first occurrence of any needle (needles are
/// normalised; matching folds the text the same way), and returns it with the byte ranges of every occurrence inside
/// it. Line breaks become spaces; a cut end is marked with `…`.
pub fn snippet(text: &str, needles: &[String], width: usize) -> (String, Vec<(usize, usize)>) {
    let chars: Vec<char> = text.chars().collect();
    let merged = char_matches(&chars, needles);
    let first = merged.first().map_or(0, |m| m.0);
    let start = first.saturating_sub(LEAD);
    let end = (start + width).min(chars.len());
    let start = end.saturating_sub(width).min(start);
    let mut out = String::new();
    if start > 0 {
        out.push('…');
    }
    let mut byte_at = Vec::with_capacity(end - start + 1);
    for &c in &chars[start..end] {
        byte_at.push(out.len());
        out.push(if c == '\n' || c == '\r' { ' ' } else { c });
    }
    byte_at.push(out.len());
    if end < chars.len() {
        out.push('…');
    }
    let highlights = merged
        .into_iter()
        .filter(|&(s, e)| e > start && s < end)
        .map(|(s, e)| (byte_at[s.max(start) - start], byte_at[e.min(end) - start]))
        .collect();
    (out, highlights)
}

/// The byte ranges in `text` where any needle occurs (needles normalised, the text folded the same way), in order,
/// overlapping occurrences merged.
pub fn matches(text: &str, needles: &[String]) -> Vec<(usize, usize)> {
    let mut byte_at: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
    byte_at.push(text.len());
    let chars: Vec<char> = text.chars().collect();
    char_matches(&chars, needles).into_iter().map(|(s, e)| (byte_at[s], byte_at[e])).collect()
}

/// The character ranges where any needle occurs, merged.
fn char_matches(chars: &[char], needles: &[String]) -> Vec<(usize, usize)> {
    let folded: Vec<char> = chars.iter().map(|&c| fold(c)).collect();
    let mut matches: Vec<(usize, usize)> = Vec::new();
    for needle in needles {
        let needle: Vec<char> = needle.chars().map(fold).collect();
        if needle.is_empty() || needle.len() > folded.len() {
            continue;
        }
        for start in 0..=folded.len() - needle.len() {
            if folded[start..start + needle.len()] == needle[..] {
                matches.push((start, start + needle.len()));
            }
        }
    }
    matches.sort_unstable();
    merge(matches)
}

fn merge(sorted: Vec<(usize, usize)>) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    for (s, e) in sorted {
        match out.last_mut() {
            Some(last) if s <= last.1 => last.1 = last.1.max(e),
            _ => out.push((s, e)),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn highlights_every_occurrence_in_the_window() {
        let (s, h) = snippet("推进大数据产业，建设数据中心。", &["数据".into()], 80);
        assert_eq!(s, "推进大数据产业，建设数据中心。");
        let marked: Vec<_> = h.iter().map(|&(a, b)| &s[a..b]).collect();
        assert_eq!(marked, ["数据", "数据"]);
    }

    #[test]
    fn long_text_is_cut_around_the_first_match_and_folding_applies() {
        let text = format!("{}ＡＩ芯片{}", "甲".repeat(100), "乙".repeat(100));
        let (s, h) = snippet(&text, &["ai".into()], 40);
        assert!(s.starts_with('…') && s.ends_with('…'));
        assert_eq!(s.chars().count(), 42);
        assert_eq!(&s[h[0].0..h[0].1], "ＡＩ");
    }
}
