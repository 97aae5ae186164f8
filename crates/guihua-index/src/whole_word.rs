//! Whole-word ranking without segmenting at index time (`lexicon_mask`).
//!
//! A unit where the query stands as a word ranks above a unit where it only stands inside a longer term (`数据`
//! alone against `数据` in `大数据`). Segmenting every unit with jieba at index time took 45% of the build; instead:
//! - at index time the `masked` field gets, for every occurrence of a [`DOMAIN_LEXICON`] term, each shorter string
//!   of two characters or more inside it, once per place in the text ([`MaskedTokenizer`]): the occurrences that
//!   stand inside a longer term. The lexicon is small and found with one automaton, so this costs little;
//! - at query time [`WholeWord`] matches the units where the query occurs more often than it occurs masked: its
//!   count is the least term frequency among its bigrams (exact for two characters, an upper bound for more).
//!
//! What jieba did beyond the lexicon (a query that straddles two of its words) no longer lowers a unit's rank.

use std::sync::LazyLock;

use aho_corasick::AhoCorasick;
use tantivy::postings::{Postings, SegmentPostings};
use tantivy::query::{EmptyScorer, EnableScoring, Explanation, Query, Scorer, Weight};
use tantivy::schema::IndexRecordOption;
use tantivy::tokenizer::{Token, TokenStream, Tokenizer};
use tantivy::{DocId, DocSet, Score, SegmentReader, TERMINATED, TantivyError, Term};

use crate::text::{DOMAIN_LEXICON, normalize};

/// The lexicon terms, found in normalised text.
static LEXICON: LazyLock<AhoCorasick> = LazyLock::new(|| {
    let terms: Vec<String> = DOMAIN_LEXICON.iter().map(|t| normalize(t)).collect();
    AhoCorasick::new(terms).expect("the lexicon builds an automaton")
});

/// The tokenizer of the `masked` field (see the module documentation).
#[derive(Debug, Clone, Copy, Default)]
pub struct MaskedTokenizer;

/// The token stream of a [`MaskedTokenizer`]: its tokens, all read at once (a unit holds few lexicon terms).
pub struct MaskedStream {
    tokens: std::vec::IntoIter<Token>,
    token: Token,
}

impl Tokenizer for MaskedTokenizer {
    type TokenStream<'a> = MaskedStream;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> MaskedStream {
        MaskedStream { tokens: masked_tokens(&normalize(text)).into_iter(), token: Token::default() }
    }
}

impl TokenStream for MaskedStream {
    fn advance(&mut self) -> bool {
        match self.tokens.next() {
            Some(token) => {
                self.token = token;
                true
            }
            None => false,
        }
    }

    fn token(&self) -> &Token {
        &self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.token
    }
}

/// Whether `text` holds a lexicon term, so that its units need the masked field at all. The lexicon's characters are
/// common ideographs, which normalising leaves as they are, so the text as written tells.
pub fn holds_lexicon_term(text: &str) -> bool {
    LEXICON.is_match(text)
}

/// The strings of two characters or more that stand inside a lexicon term in `normalized`, each place once.
fn masked_tokens(normalized: &str) -> Vec<Token> {
    let mut places: Vec<(usize, usize)> = Vec::new();
    for m in LEXICON.find_overlapping_iter(normalized) {
        let term = &normalized[m.start()..m.end()];
        let bounds: Vec<usize> = term.char_indices().map(|(i, _)| i).chain([term.len()]).collect();
        let n = bounds.len() - 1;
        for i in 0..n {
            for j in i + 2..=n {
                if (i, j) != (0, n) {
                    places.push((m.start() + bounds[i], m.start() + bounds[j]));
                }
            }
        }
    }
    // Overlapping terms (`互联网` in `工业互联网`) mask the same places: each counts once.
    places.sort_unstable();
    places.dedup();
    places
        .into_iter()
        .enumerate()
        .map(|(position, (from, to))| Token {
            offset_from: from,
            offset_to: to,
            position,
            text: normalized[from..to].to_owned(),
            position_length: 1,
        })
        .collect()
}

/// The units where a query run of two characters or more stands as a word at least once: it occurs (by the least
/// term frequency of its bigrams) more often than it stands inside a lexicon term (its term frequency in the masked
/// field). Scores a constant: the boost.
#[derive(Debug, Clone)]
pub struct WholeWord {
    /// Each distinct bigram of the run, with how often the run holds it.
    bigrams: Vec<(Term, u32)>,
    masked: Term,
}

impl WholeWord {
    /// The whole-word query of `grams` (the run's bigrams, in order) in the bigram field, against `masked` (the run
    /// in the masked field).
    pub fn new(grams: Vec<Term>, masked: Term) -> WholeWord {
        let mut bigrams: Vec<(Term, u32)> = Vec::new();
        for gram in grams {
            match bigrams.iter_mut().find(|(t, _)| *t == gram) {
                Some((_, count)) => *count += 1,
                None => bigrams.push((gram, 1)),
            }
        }
        WholeWord { bigrams, masked }
    }
}

impl Query for WholeWord {
    fn weight(&self, _: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        Ok(Box::new(self.clone()))
    }
}

impl Weight for WholeWord {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        let Some((first, _)) = self.bigrams.first() else { return Ok(Box::new(EmptyScorer)) };
        let index = reader.inverted_index(first.field())?;
        let mut postings = Vec::with_capacity(self.bigrams.len());
        for (term, count) in &self.bigrams {
            match index.read_postings(term, IndexRecordOption::WithFreqs)? {
                Some(p) => postings.push((p, *count)),
                None => return Ok(Box::new(EmptyScorer)),
            }
        }
        let masked =
            reader.inverted_index(self.masked.field())?.read_postings(&self.masked, IndexRecordOption::WithFreqs)?;
        Ok(Box::new(WholeWordScorer::new(postings, masked, boost)))
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        let mut scorer = self.scorer(reader, 1.0)?;
        if scorer.doc() <= doc && scorer.seek(doc) == doc {
            Ok(Explanation::new("the query stands as a word", scorer.score()))
        } else {
            Err(TantivyError::InvalidArgument(format!("document {doc} holds the query only inside longer terms")))
        }
    }
}

struct WholeWordScorer {
    postings: Vec<(SegmentPostings, u32)>,
    masked: Option<SegmentPostings>,
    boost: Score,
    doc: DocId,
}

impl WholeWordScorer {
    fn new(postings: Vec<(SegmentPostings, u32)>, masked: Option<SegmentPostings>, boost: Score) -> WholeWordScorer {
        let mut scorer = WholeWordScorer { postings, masked, boost, doc: 0 };
        scorer.doc = scorer.first_from(0);
        scorer
    }

    /// The first document at or after `target` that holds every bigram and the run as a word.
    fn first_from(&mut self, mut target: DocId) -> DocId {
        loop {
            let mut candidate = target;
            let mut agreed = true;
            for (postings, _) in &mut self.postings {
                let doc = if postings.doc() < candidate { postings.seek(candidate) } else { postings.doc() };
                if doc == TERMINATED {
                    return TERMINATED;
                }
                if doc != candidate {
                    agreed = false;
                    candidate = candidate.max(doc);
                }
            }
            if !agreed {
                target = candidate;
                continue;
            }
            if self.stands_as_word(candidate) {
                return candidate;
            }
            target = candidate + 1;
        }
    }

    /// Whether the run occurs in `doc` (on which every bigram stands) more often than inside lexicon terms.
    fn stands_as_word(&mut self, doc: DocId) -> bool {
        let occurrences = self.postings.iter().map(|(p, count)| p.term_freq() / count).min().unwrap_or(0);
        let masked = match self.masked.as_mut() {
            Some(m) => {
                if m.doc() < doc {
                    m.seek(doc);
                }
                if m.doc() == doc { m.term_freq() } else { 0 }
            }
            None => 0,
        };
        occurrences > masked
    }
}

impl DocSet for WholeWordScorer {
    fn advance(&mut self) -> DocId {
        if self.doc != TERMINATED {
            self.doc = self.first_from(self.doc + 1);
        }
        self.doc
    }

    fn doc(&self) -> DocId {
        self.doc
    }

    fn size_hint(&self) -> u32 {
        self.postings.iter().map(|(p, _)| p.size_hint()).min().unwrap_or(0)
    }
}

impl Scorer for WholeWordScorer {
    fn score(&mut self) -> Score {
        self.boost
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_strings_inside_lexicon_terms_are_masked_once_per_place() {
        let texts =
            |normalized: &str| -> Vec<String> { masked_tokens(normalized).into_iter().map(|t| t.text).collect() };
        assert_eq!(texts("发展大数据产业"), ["大数", "数据"]);
        assert!(texts("数据开放").is_empty(), "no lexicon term, nothing masked");
        // Two lexicon terms over the same characters (互联网 in 工业互联网) mask each place once; the shorter term is
        // masked inside the longer.
        let twice = texts("工业互联网平台");
        assert_eq!(twice.iter().filter(|t| *t == "联网").count(), 1);
        assert!(twice.iter().any(|t| t == "互联网"));
        assert!(!twice.iter().any(|t| t == "工业互联网"), "a term is not masked by itself");
    }
}
