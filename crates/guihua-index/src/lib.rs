//! Chinese full-text search over parsed plans, with the recall of grep and better ranking.
//!
//! Every searchable unit of a [`guihua_model::Document`] (section titles, paragraphs, panel paragraphs, projects,
//! indicators, table cells) becomes one tantivy document with two views of its normalised text: character bigrams
//! plus the last character of each run, which find every substring exactly (a query run of n ≥ 2 characters is the
//! phrase of its n − 1 bigrams, one character the terms that start with it), and the strings that stand inside a
//! domain-lexicon term, which rank units where the query stands as a word above units where it only stands inside a
//! longer term (数据 vs 大数据; `lexicon_mask`). Neither indexing nor searching loads jieba's dictionary.
//!
//! ```
//! use guihua_index::{DocumentInfo, Library};
//!
//! let text = "发展大数据产业。\n支持数据应用。\n";
//! let (document, _) = guihua_parse::parse(text);
//! let mut library = Library::in_memory().unwrap();
//! let info = DocumentInfo { doc_id: "demo".into(), title: "示例".into(), path: "demo.txt".into(), ..Default::default() };
//! library.add(&info, &document).unwrap();
//! library.commit().unwrap();
//! let result = library.search("数据", 10).unwrap();
//! assert_eq!(result.total, 2);
//! assert_eq!(result.hits[0].line, 2, "the paragraph with the word 数据 ranks above 大数据");
//! assert!(result.hits[0].snippet.contains("数据"));
//! ```

mod facets;
pub mod floor;
mod library;
mod query;
mod snippet;
mod text;
mod units;
mod whole_word;

pub use facets::Facets;
pub use library::{DocumentInfo, Hit, Library, Page, SearchResult, highlight_needles};
pub use query::{Atom, AtomKind, Query, parse_query};
pub use snippet::{matches, snippet};
pub use text::{DOMAIN_LEXICON, Segmenter, fold, normalize};
pub use units::{Unit, units, units_in};

/// What can go wrong with an index or a query.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The query does not follow the query language.
    #[error("bad query at column {column}: {message}: `{query}`")]
    Query {
        /// 1-based character column of the problem.
        column: usize,
        /// What is wrong.
        message: String,
        /// The query as given.
        query: String,
    },
    /// The index folder holds an index written by another, incompatible version of guihua.
    #[error(
        "the index at {path} was written by an incompatible version ({found}); rebuild it with `guihua index --rebuild`"
    )]
    Incompatible {
        /// The index folder.
        path: String,
        /// What the folder says about itself.
        found: String,
    },
    /// tantivy failed (IO, a corrupt segment, …).
    #[error("index error: {0}")]
    Tantivy(#[from] tantivy::TantivyError),
    /// Reading or writing the index folder failed.
    #[error("index io error: {0}")]
    Io(#[from] std::io::Error),
}

/// The result type of this crate.
pub type Result<T> = std::result::Result<T, Error>;
