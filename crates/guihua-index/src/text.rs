//! Normalisation and tokenisation, identical at index and query time.
//!
//! Normalisation folds one character to one character (full-width to half-width, upper to lower case, common variant
//! characters to their usual form), so a character index in the normalised text is the same character index in the
//! text as written: snippets and highlights are cut from the original without any offset table.

use jieba_rs::Jieba;

use tantivy::tokenizer::{Token, TokenStream, Tokenizer};

/// Variant characters that real plans use for common ones (`髙` for `高`), folded for search only.
const VARIANTS: [(char, char); 6] =
    [('髙', '高'), ('﨑', '崎'), ('羣', '群'), ('敎', '教'), ('衞', '卫'), ('銹', '锈')];

/// Folds one character for search: full-width ASCII to ASCII, the ideographic space to a space, lower case (for
/// characters whose lower case is one character), and the variants above.
pub fn fold(c: char) -> char {
    if is_common_ideograph(c) {
        return c; // the fast path: most of a plan's characters fold to themselves
    }
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
    VARIANTS.iter().find(|(from, _)| *from == c).map_or(c, |&(_, to)| to)
}

/// The normalised text: [`fold`] applied to every character.
pub fn normalize(text: &str) -> String {
    text.chars().map(fold).collect()
}

/// Whether a character takes part in n-grams: letters, digits and ideographs. Punctuation and spaces separate runs.
pub fn is_gram_char(c: char) -> bool {
    is_common_ideograph(c) || c.is_alphanumeric()
}

/// CJK Unified Ideographs, the block nearly all of a plan's characters come from.
fn is_common_ideograph(c: char) -> bool {
    ('\u{4E00}'..='\u{9FFF}').contains(&c) && !VARIANTS.iter().any(|&(v, _)| v == c)
}

/// Character n-grams (n = 1 or 2) of text, folded on the fly, as a tantivy tokenizer.
///
/// An n-gram stands at the position of its first character; runs of gram characters are separated by a gap of two
/// positions so that a phrase of consecutive bigrams never crosses punctuation. A substring of a run of length
/// `k ≥ 2` is therefore found exactly by the phrase of its `k - 1` bigrams.
///
/// `run_end_unigrams`: the bigram tokenizer also emits the last character of every run on its own (at that
/// character's position, which no bigram takes). Every occurrence of a character then starts a term: the bigram it
/// opens, or its run-end unigram. So a single character is found exactly by the terms that start with it (a prefix
/// range of the term dictionary), without a unigram field that cost a token per character of text.
#[derive(Debug, Clone, Copy)]
pub struct GramTokenizer;

impl GramTokenizer {
    /// Character bigrams, and the last character of each run (`run_end_unigrams`).
    pub const BIGRAMS: GramTokenizer = GramTokenizer;
}

/// The token stream of a [`GramTokenizer`].
pub struct GramStream<'a> {
    chars: std::str::CharIndices<'a>,
    /// The previous gram character of the current run: its byte range and folded form.
    previous: Option<(usize, usize, char)>,
    position: usize,
    token: Token,
}

impl Tokenizer for GramTokenizer {
    type TokenStream<'a> = GramStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> GramStream<'a> {
        GramStream { chars: text.char_indices(), previous: None, position: 0, token: Token::default() }
    }
}

impl GramStream<'_> {
    /// Ends the current run: its last character becomes a token (true), if there was a run.
    fn end_run(&mut self) -> bool {
        let Some((from, to, c)) = self.previous.take() else { return false };
        let last = self.position - 1;
        self.position += 2;
        let token = &mut self.token;
        token.text.clear();
        token.text.push(c);
        (token.offset_from, token.offset_to, token.position) = (from, to, last);
        true
    }
}

impl TokenStream for GramStream<'_> {
    fn advance(&mut self) -> bool {
        loop {
            let Some((offset, raw)) = self.chars.next() else { return self.end_run() };
            let c = fold(raw);
            if !is_gram_char(c) {
                if self.end_run() {
                    return true;
                }
                continue;
            }
            let end = offset + raw.len_utf8();
            let position = self.position;
            self.position += 1;
            let previous = self.previous.replace((offset, end, c));
            if let Some((p_offset, _, p)) = previous {
                let token = &mut self.token;
                token.text.clear();
                token.text.push(p);
                token.text.push(c);
                (token.offset_from, token.offset_to, token.position) = (p_offset, end, position - 1);
                return true;
            }
        }
    }

    fn token(&self) -> &Token {
        &self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.token
    }
}

/// The bigram terms of a query run, in order, for a phrase; a one-character run gives that character (the prefix of
/// the terms that find it).
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

    /// jieba's words of `text`, normalised, punctuation and spaces dropped: the pre-segmented words of an export.
    pub fn cut_words(&self, text: &str) -> Vec<String> {
        let normalized = normalize(text);
        self.jieba
            .cut(&normalized, false)
            .into_iter()
            .filter(|t| t.word.chars().any(is_gram_char))
            .map(|t| t.word.trim().to_owned())
            .collect()
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

    fn all(mut tokenizer: impl Tokenizer, text: &str) -> Vec<(String, usize, usize)> {
        let mut stream = tokenizer.token_stream(text);
        let mut out = Vec::new();
        while let Some(t) = stream.next() {
            out.push((t.text.clone(), t.position, t.offset_from));
        }
        out
    }

    #[test]
    fn grams_stop_at_punctuation_and_fold() {
        let b = all(GramTokenizer::BIGRAMS, "大数据，中心ＡＩ");
        let b: Vec<_> = b.iter().map(|(t, p, _)| (t.as_str(), *p)).collect();
        // Each run's last character stands alone too (`run_end_unigrams`).
        assert_eq!(b, [("大数", 0), ("数据", 1), ("据", 2), ("中心", 5), ("心a", 6), ("ai", 7), ("i", 8)]);
        let single = all(GramTokenizer::BIGRAMS, "《数》、A");
        assert_eq!(single, [("数".to_owned(), 0, 3), ("a".to_owned(), 3, 12)]);
        assert_eq!(query_grams("大数据"), ["大数", "数据"]);
        assert_eq!(query_grams("数"), ["数"]);
    }
}
