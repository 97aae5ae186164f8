//! Normalisation and tokenisation, identical at index and query time.
//!
//! Normalisation folds one character to one character (full-width to half-width, upper to lower case, common variant
//! characters to their usual form), so a character index in the normalised text is the same character index in the
//! text as written: snippets and highlights are cut from the original without any offset table.

use jieba_rs::Jieba;
use tantivy::tokenizer::{PreTokenizedString, Token};

/// Variant characters that real plans use for common ones (`髙` for `高`), folded for search only.
const VARIANTS: [(char, char); 6] = [
    ('髙', '高'),
    ('﨑', '崎'),
    ('羣', '群'),
    ('敎', '教'),
    ('衞', '卫'),
    ('銹', '锈'),
];

/// Folds one character for search: full-width ASCII to ASCII, the ideographic space to a space, lower case (for
/// characters whose lower case is one character), and the variants above.
pub fn fold(c: char) -> char {
    let c = match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        _ => c,
    };
    if c.is_uppercase() {
        let mut lower = c.to_lowercase();
        if let (Some(l), None) = (lower.next(), lower.next()) {
            return l;
        }
        return c;
    }
    VARIANTS
        .iter()
        .find(|(from, _)| *from == c)
        .map_or(c, |&(_, to)| to)
}

/// The normalised text: [`fold`] applied to every character.
pub fn normalize(text: &str) -> String {
    text.chars().map(fold).collect()
}

/// Whether a character takes part in n-grams: letters, digits and ideographs. Punctuation and spaces separate runs.
pub fn is_gram_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// Character bigrams and unigrams of normalised text, as pre-tokenised fields.
///
/// Bigrams stand at the position of their first character; runs of gram characters are separated by a gap of two
/// positions so that a phrase of consecutive bigrams never crosses punctuation. A substring of a run of length `n ≥ 2`
/// is therefore found exactly by the phrase of its `n - 1` bigrams, and a single character by its unigram.
pub fn grams(normalized: &str) -> (PreTokenizedString, PreTokenizedString) {
    let mut bigrams = Vec::new();
    let mut unigrams = Vec::new();
    let mut position = 0;
    let mut previous: Option<(char, usize)> = None;
    for (offset, c) in normalized.char_indices() {
        if !is_gram_char(c) {
            if previous.take().is_some() {
                position += 2;
            }
            continue;
        }
        unigrams.push(token(
            c.to_string(),
            offset,
            offset + c.len_utf8(),
            position,
        ));
        if let Some((p, p_offset)) = previous {
            let mut text = String::with_capacity(8);
            text.push(p);
            text.push(c);
            bigrams.push(token(text, p_offset, offset + c.len_utf8(), position - 1));
        }
        previous = Some((c, offset));
        position += 1;
    }
    let pre = |tokens| PreTokenizedString {
        text: String::new(),
        tokens,
    };
    (pre(bigrams), pre(unigrams))
}

/// The bigram terms of a query run, in order, for a phrase; a one-character run gives its unigram instead.
pub fn query_grams(run: &str) -> Vec<String> {
    let chars: Vec<char> = run.chars().collect();
    if chars.len() == 1 {
        return vec![chars[0].to_string()];
    }
    chars.windows(2).map(|w| w.iter().collect()).collect()
}

/// jieba words of normalised text (HMM off, punctuation and spaces dropped), as a pre-tokenised field.
pub fn words(jieba: &Jieba, normalized: &str) -> PreTokenizedString {
    let tokens = jieba
        .cut(normalized, false)
        .into_iter()
        .filter(|t| t.word.chars().any(is_gram_char))
        .enumerate()
        .map(|(position, t)| token(t.word.to_owned(), t.byte_start, t.byte_end, position))
        .collect();
    PreTokenizedString {
        text: String::new(),
        tokens,
    }
}

fn token(text: String, offset_from: usize, offset_to: usize, position: usize) -> Token {
    Token {
        offset_from,
        offset_to,
        position,
        text,
        position_length: 1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_keeps_one_char_per_char() {
        assert_eq!(normalize("ＲＡＭ８０％髙"), "ram80%高");
        assert_eq!(normalize("R&D"), "r&d");
        let text = "互联网＋制造　ＡＩ";
        assert_eq!(text.chars().count(), normalize(text).chars().count());
    }

    #[test]
    fn grams_stop_at_punctuation() {
        let (bigrams, unigrams) = grams("大数据，中心");
        let b: Vec<_> = bigrams
            .tokens
            .iter()
            .map(|t| (t.text.as_str(), t.position))
            .collect();
        assert_eq!(b, [("大数", 0), ("数据", 1), ("中心", 5)]);
        assert_eq!(unigrams.tokens.len(), 5);
        assert_eq!(query_grams("大数据"), ["大数", "数据"]);
        assert_eq!(query_grams("数"), ["数"]);
    }
}
