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

/// Terms of plan language that name a thing of their own, which jieba's default dictionary lacks: a word inside
/// one of them is not that word (`数据` in `大数据`, `能源` in `新能源`), while a word inside an ordinary compound is
/// (`数据` in `数据中心`). This is the `domain_lexicon` heuristic; keep the list to terms that are general across plans.
pub const DOMAIN_LEXICON: [&str; 24] = [
    "大数据",
    "云计算",
    "物联网",
    "互联网",
    "工业互联网",
    "移动互联网",
    "人工智能",
    "区块链",
    "新能源",
    "新材料",
    "新能源汽车",
    "智能制造",
    "两化融合",
    "供给侧",
    "京津冀",
    "一带一路",
    "专精特新",
    "碳达峰",
    "碳中和",
    "数字经济",
    "数字政府",
    "智慧城市",
    "新基建",
    "元宇宙",
];

/// The word segmenter: jieba with the [`DOMAIN_LEXICON`] added. Build it once; it costs about 100 ms.
pub struct Segmenter {
    jieba: Jieba,
}

impl Default for Segmenter {
    fn default() -> Self {
        Segmenter::new()
    }
}

impl Segmenter {
    /// Loads jieba's dictionary and the domain lexicon.
    pub fn new() -> Segmenter {
        let mut jieba = Jieba::new();
        for word in DOMAIN_LEXICON {
            jieba.add_word(word, None, None);
        }
        Segmenter { jieba }
    }

    /// The words of normalised text, as a pre-tokenised field: jieba's cut (HMM off, punctuation and spaces dropped)
    /// plus the dictionary words inside longer compounds (`数据`, `中心` in `数据中心`), except any that lie inside a
    /// domain-lexicon term (`数据` in `大数据`).
    pub fn words(&self, normalized: &str) -> PreTokenizedString {
        let lexicon_spans: Vec<(usize, usize)> = DOMAIN_LEXICON
            .iter()
            .flat_map(|word| {
                normalized
                    .match_indices(word)
                    .map(|(at, w)| (at, at + w.len()))
            })
            .collect();
        let inside_lexicon = |from: usize, to: usize| {
            lexicon_spans
                .iter()
                .any(|&(s, e)| s <= from && to <= e && (s, e) != (from, to))
        };
        let mut tokens = Vec::new();
        for (position, t) in self.jieba.cut(normalized, false).into_iter().enumerate() {
            if !t.word.chars().any(is_gram_char) {
                continue;
            }
            if !inside_lexicon(t.byte_start, t.byte_end) {
                tokens.push(token(t.word.to_owned(), t.byte_start, t.byte_end, position));
            }
            if t.word.chars().count() >= 3 && !DOMAIN_LEXICON.contains(&t.word) {
                for (from, to) in inner_spans(t.word) {
                    let sub = &t.word[from..to];
                    let (from, to) = (t.byte_start + from, t.byte_start + to);
                    if self.jieba.has_word(sub) && !inside_lexicon(from, to) {
                        tokens.push(token(sub.to_owned(), from, to, position));
                    }
                }
            }
        }
        PreTokenizedString {
            text: String::new(),
            tokens,
        }
    }
}

/// Byte ranges of the substrings of `word` of two characters or more, the whole word excepted.
fn inner_spans(word: &str) -> Vec<(usize, usize)> {
    let bounds: Vec<usize> = word
        .char_indices()
        .map(|(i, _)| i)
        .chain([word.len()])
        .collect();
    let n = bounds.len() - 1;
    let mut out = Vec::new();
    for i in 0..n {
        for j in i + 2..=n {
            if (i, j) != (0, n) {
                out.push((bounds[i], bounds[j]));
            }
        }
    }
    out
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

    #[test]
    fn a_word_inside_a_lexicon_term_is_not_that_word() {
        let segmenter = Segmenter::new();
        let words = |text: &str| -> Vec<String> {
            segmenter
                .words(&normalize(text))
                .tokens
                .into_iter()
                .map(|t| t.text)
                .collect()
        };
        assert!(
            !words("张北大数据中心").contains(&"数据".to_owned()),
            "{:?}",
            words("张北大数据中心")
        );
        assert!(words("推进大数据产业").contains(&"大数据".to_owned()));
        assert!(
            words("建设数据中心").contains(&"数据".to_owned()),
            "数据 inside an ordinary compound counts"
        );
        assert!(words("政务数据整合").contains(&"数据".to_owned()));
    }
}
