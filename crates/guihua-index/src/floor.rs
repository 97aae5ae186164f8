//! tantivy's own floor for indexing Chinese text: the cheapest bigram tokeniser there is, which the index bench and
//! `cargo xtask perf` measure guihua's indexing against. Not used by the index itself.

/// Every pair of adjacent characters, at the position of the first: the cheapest bigram tokeniser there is.
#[derive(Debug, Clone, Copy)]
pub struct PlainBigrams;

#[doc(hidden)]
pub struct PlainBigramStream {
    chars: Vec<(usize, char)>,
    next: usize,
    token: tantivy::tokenizer::Token,
}

impl tantivy::tokenizer::Tokenizer for PlainBigrams {
    type TokenStream<'a> = PlainBigramStream;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> PlainBigramStream {
        PlainBigramStream { chars: text.char_indices().collect(), next: 0, token: Default::default() }
    }
}

impl tantivy::tokenizer::TokenStream for PlainBigramStream {
    fn advance(&mut self) -> bool {
        let (Some(&(from, a)), Some(&(_, b))) = (self.chars.get(self.next), self.chars.get(self.next + 1)) else {
            return false;
        };
        self.token.text.clear();
        self.token.text.push(a);
        self.token.text.push(b);
        (self.token.offset_from, self.token.offset_to) = (from, from + a.len_utf8() + b.len_utf8());
        self.token.position = self.next;
        self.next += 1;
        true
    }

    fn token(&self) -> &tantivy::tokenizer::Token {
        &self.token
    }

    fn token_mut(&mut self) -> &mut tantivy::tokenizer::Token {
        &mut self.token
    }
}
