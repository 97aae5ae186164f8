//! The index: schema, adding and removing documents, searching.

use std::collections::HashMap;
use std::ops::Bound;
use std::path::Path;

use guihua_model::Document;
use tantivy::collector::{Count, TopDocs};
use tantivy::indexer::LogMergePolicy;
use tantivy::query::{BooleanQuery, BoostQuery, Occur, PhraseQuery, Query as TantivyQuery, RangeQuery, TermQuery};
use tantivy::schema::{FAST, Field, IndexRecordOption, STORED, STRING, Schema, TextFieldIndexing, TextOptions, Value};
use tantivy::{Index, IndexReader, IndexWriter, ReloadPolicy, TantivyDocument, Term};

use crate::facets::{FacetCollector, Facets};
use crate::query::{AtomKind, Query, parse_query};

use crate::text::{GramTokenizer, is_gram_char, normalize, query_grams};
use crate::units::units_in;
use crate::whole_word::{MaskedTokenizer, WholeWord, holds_lexicon_term};
use crate::{Result, snippet};

/// Separates the headings of a stored section path.
const PATH_SEPARATOR: char = '\u{1F}';
/// What a whole-word match adds (see `whole_word.rs`): a constant above what a substring match of a query scores, so
/// that the units where a query run stands as a word come before the units where it only stands inside longer terms,
/// and rank among themselves by their substring scores.
const WORD_BOOST: f32 = 1000.0;
/// How much a match in a title or lead phrase adds.
const HEADING_BOOST: f32 = 2.0;
/// The type of the one unit per document that carries its title for `doc:` filters.
const DOCUMENT_KIND: &str = "document";
/// The indexing memory budget of the writer, shared by its threads; a thread's segment is written out when its share
/// is full (about 230,000 units of legal text each).
const WRITER_BUDGET: usize = 200_000_000;
/// `input_sized_budget`: while a file is indexed, its document is held beside the writer's budget, its queue (see
/// [`GIANT_UNIT`]) and the process itself; this much is what the three besides the document may take together, so
/// that a build stays under 400 MB for a file of up to about 200 MB. The budget shrinks as the largest file grows.
const WRITER_SHARE: u64 = 290_000_000;
/// The least budget: tantivy wants 15 MB a thread.
const WRITER_BUDGET_MIN: usize = 48_000_000;
/// `bounded_merges`: only segments smaller than this are merged. A merge reads its input segments through memory maps,
/// and every page it touches counts in the process's resident memory: merging the full segments of a large build
/// took `guihua index` from about 300 MB to 806 MB at ten times the scale corpus. Full segments are left as they are
/// (a search then visits about one segment per 230,000 units); the small ones that updates and the last flush leave
/// are still merged.
const MAX_UNITS_MERGED: usize = 100_000;
/// Snippet width in characters.
const SNIPPET_WIDTH: usize = 80;
/// `giant_windows`: a unit longer than this (no real paragraph is; a file without line breaks is) is indexed as
/// windows of [`WINDOW`] bytes, each a unit of its own that points to the same node. The writer queues up to 10,000
/// units, each with three copies of its text, and indexes a unit in one piece: a 200 MB paragraph took `guihua index`
/// to 1.75 GB. With windows the queue holds at most 10,000 × 3 × 2 KB.
const GIANT_UNIT: usize = 1 << 20;
/// The most bytes of a window of a giant unit; it ends at a sentence or clause end where one is near.
const WINDOW: usize = 2048;

#[derive(Clone, Copy)]
struct Fields {
    doc_id: Field,
    doc_title: Field,
    path: Field,
    node_id: Field,
    kind: Field,
    section_path: Field,
    text: Field,
    line: Field,
    bigrams: Field,
    masked: Field,
    heading: Field,
    title_grams: Field,
    issuer: Field,
    year: Field,
}

const BIGRAM_TOKENIZER: &str = "guihua_bigrams";
const MASKED_TOKENIZER: &str = "guihua_masked";

fn schema() -> (Schema, Fields) {
    let mut builder = Schema::builder();
    let indexed = |tokenizer: &str, record: IndexRecordOption| {
        TextOptions::default()
            .set_indexing_options(TextFieldIndexing::default().set_tokenizer(tokenizer).set_index_option(record))
    };
    let positions = IndexRecordOption::WithFreqsAndPositions;
    let fields = Fields {
        doc_id: builder.add_text_field("doc_id", STRING | STORED | FAST),
        doc_title: builder.add_text_field("doc_title", STORED),
        path: builder.add_text_field("path", STRING | STORED),
        node_id: builder.add_text_field("node_id", STORED),
        kind: builder.add_text_field("type", STRING | STORED | FAST),
        section_path: builder.add_text_field("section_path", STORED),
        text: builder.add_text_field("text", STORED),
        line: builder.add_u64_field("line", STORED),
        bigrams: builder.add_text_field("bigrams", indexed(BIGRAM_TOKENIZER, positions)),
        masked: builder.add_text_field("masked", indexed(MASKED_TOKENIZER, IndexRecordOption::WithFreqs)),
        heading: builder.add_text_field("heading", indexed(BIGRAM_TOKENIZER, positions)),
        title_grams: builder.add_text_field("title_grams", indexed(BIGRAM_TOKENIZER, positions)),
        issuer: builder.add_text_field("issuer", STORED),
        year: builder.add_u64_field("year", STORED),
    };
    (builder.build(), fields)
}

/// What identifies a document in the index.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DocumentInfo {
    /// A short id (`doc:` filters on it): the file stem.
    pub doc_id: String,
    /// The title shown on hits.
    pub title: String,
    /// The source file, as given when indexing; hits point at `path:line`.
    pub path: String,
    /// The issuing body, when the plan names one (`河北省人民政府`).
    pub issuer: Option<String>,
    /// The year it was issued, when known (see [`DocumentInfo::of`] for where it is read from).
    pub year: Option<i32>,
}

impl DocumentInfo {
    /// The id, title and path given, with the issuer and year read from the parsed plan.
    ///
    /// The year (`year_of_document`) is the first that is known of: the year of issue, the first year of the plan's
    /// period, a year in the title (`2016年政府工作报告`), a year in the file name (`…-2016.txt`, `gzbg2016.txt`).
    /// Years are read from 1949 to 2100 only, so that numbers like `8000` or `12345` are not taken for years.
    pub fn of(doc_id: String, title: String, path: String, document: &Document) -> DocumentInfo {
        let issued_year = document.meta.issued.as_deref().and_then(|d| first_year(d.get(..4).unwrap_or(d)));
        let stem = Path::new(&path).file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        let year = issued_year
            .or_else(|| document.meta.period.as_ref().map(|p| p.start))
            .or_else(|| document.meta.title.as_deref().and_then(first_year))
            .or_else(|| first_year(&stem));
        DocumentInfo { doc_id, title, path, issuer: document.meta.issuer.clone(), year }
    }
}

/// The first run of exactly four ASCII digits in `text` that reads as a year from 1949 to 2100.
fn first_year(text: &str) -> Option<i32> {
    let bytes = text.as_bytes();
    let mut start = 0;
    while start < bytes.len() {
        if !bytes[start].is_ascii_digit() {
            start += 1;
            continue;
        }
        let end = start + bytes[start..].iter().take_while(|b| b.is_ascii_digit()).count();
        if end - start == 4 {
            let year: i32 = text[start..end].parse().unwrap_or(0);
            if (1949..=2100).contains(&year) {
                return Some(year);
            }
        }
        start = end;
    }
    None
}

/// Which hits of a query to return.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Page {
    /// How many hits at most.
    pub limit: usize,
    /// How many of the best hits to pass over first.
    pub offset: usize,
    /// Only units of these documents (by id), when given.
    pub documents: Option<Vec<String>>,
    /// Whether to count the matches per document and per type too ([`SearchResult::facets`]).
    pub facets: bool,
}

/// A search hit.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    /// The document id.
    pub doc_id: String,
    /// The document title.
    pub doc_title: String,
    /// The source file.
    pub path: String,
    /// The 1-based source line of the unit.
    pub line: u32,
    /// The node id in the parsed document.
    pub node_id: String,
    /// The unit type: `paragraph`, `section`, `panel`, `project`, `indicator`, `cell`, ….
    pub kind: String,
    /// The headings above the unit.
    pub section_path: Vec<String>,
    /// The unit's whole text.
    pub text: String,
    /// About 80 characters of the text around the first match.
    pub snippet: String,
    /// Byte ranges of the matches in `snippet`.
    pub highlights: Vec<(usize, usize)>,
    /// The relevance score.
    pub score: f32,
}

/// Hits and how many units matched in all.
#[derive(Debug, Clone, PartialEq)]
pub struct SearchResult {
    /// The best hits, best first.
    pub hits: Vec<Hit>,
    /// How many units matched.
    pub total: usize,
    /// How many matched per document and per type, when the [`Page`] asked for them; else empty.
    pub facets: Facets,
}

/// A search index of plans.
pub struct Library {
    index: Index,
    reader: IndexReader,
    writer: Option<IndexWriter>,
    fields: Fields,
    /// The writer's memory budget (see [`Library::fit_memory_to`]).
    budget: usize,
}

/// The writer's budget for files of up to `largest_file` bytes (see [`Library::fit_memory_to`]).
fn budget_for(largest_file: u64) -> usize {
    let budget = usize::try_from(WRITER_SHARE.saturating_sub(largest_file)).unwrap_or(WRITER_BUDGET);
    budget.clamp(WRITER_BUDGET_MIN, WRITER_BUDGET)
}

/// The pieces of a unit's text to index, each with the line it starts on: the whole text, or the windows of a giant
/// unit (see [`GIANT_UNIT`]).
fn windows(text: &str, line: u32) -> impl Iterator<Item = (u32, &str)> {
    // The common case allocates nothing: the giant windows are a list of their own.
    let giant = text.len() > GIANT_UNIT;
    std::iter::once((line, text))
        .filter(move |_| !giant)
        .chain(giant.then(|| giant_windows(text, line)).into_iter().flatten())
}

/// The windows of a giant unit, each with the line it starts on.
fn giant_windows(text: &str, line: u32) -> Vec<(u32, &str)> {
    let mut out = Vec::with_capacity(text.len() / WINDOW + 1);
    let (mut start, mut line) = (0, line);
    while start < text.len() {
        let end = window_end(text, start);
        out.push((line, &text[start..end]));
        let breaks = text.as_bytes()[start..end].iter().filter(|&&b| b == b'\n').count();
        line = line.saturating_add(u32::try_from(breaks).unwrap_or(u32::MAX));
        start = end;
    }
    out
}

/// Where the window of `text` from `start` ends: after the first line break within [`WINDOW`] bytes, else after the
/// last sentence end, else after the last clause mark, else at the last character boundary.
fn window_end(text: &str, start: usize) -> usize {
    if text.len() - start <= WINDOW {
        return text.len();
    }
    let mut limit = start + WINDOW;
    while !text.is_char_boundary(limit) {
        limit -= 1;
    }
    let window = &text[start..limit];
    let after = |marks: &[char]| {
        window.rfind(marks).map(|at| start + at + window[at..].chars().next().map_or(1, char::len_utf8))
    };
    // A window never runs across a line break, so that its line is the line of every hit in it.
    let line_end = window.find('\n').map(|at| start + at + 1);
    line_end
        .or_else(|| after(&['。', '！', '？', '；']))
        .or_else(|| after(&['，', '、', '：', ',', ';']))
        .filter(|&end| end > start)
        .unwrap_or(limit)
}

impl Library {
    /// An index in memory, for the plans bundled in the binary and for tests.
    pub fn in_memory() -> Result<Library> {
        let (schema, fields) = schema();
        Library::from_index(Index::create_in_ram(schema), fields)
    }

    /// Opens the index in `dir`, or creates one there if the folder holds none.
    pub fn open_or_create(dir: &Path) -> Result<Library> {
        std::fs::create_dir_all(dir)?;
        let (schema, fields) = schema();
        let directory = tantivy::directory::MmapDirectory::open(dir).map_err(tantivy::TantivyError::from)?;
        let index = Index::open_or_create(directory, schema.clone())?;
        if index.schema() != schema {
            return Err(crate::Error::Incompatible {
                path: dir.display().to_string(),
                found: "an index with other fields".into(),
            });
        }
        Library::from_index(index, fields)
    }

    /// Opens an existing index read-only.
    pub fn open(dir: &Path) -> Result<Library> {
        let (schema, fields) = schema();
        let index = Index::open_in_dir(dir)?;
        if index.schema() != schema {
            return Err(crate::Error::Incompatible {
                path: dir.display().to_string(),
                found: "an index with other fields".into(),
            });
        }
        Library::from_index(index, fields)
    }

    fn from_index(index: Index, fields: Fields) -> Result<Library> {
        let tokenizers = index.tokenizers();
        tokenizers.register(BIGRAM_TOKENIZER, GramTokenizer::BIGRAMS);
        tokenizers.register(MASKED_TOKENIZER, MaskedTokenizer);
        let reader = index.reader_builder().reload_policy(ReloadPolicy::Manual).try_into()?;
        Ok(Library { index, reader, writer: None, fields, budget: WRITER_BUDGET })
    }

    /// Sizes the writer's memory for files of up to `largest_file` bytes (`input_sized_budget`): the full budget
    /// up to 90 MB, less above, at least 48 MB. Call before the first [`Library::add`]; later calls change nothing.
    pub fn fit_memory_to(&mut self, largest_file: u64) {
        self.budget = budget_for(largest_file);
    }

    fn writer(&mut self) -> Result<&mut IndexWriter> {
        if self.writer.is_none() {
            let writer: IndexWriter = self.index.writer(self.budget)?;
            let mut policy = LogMergePolicy::default();
            policy.set_max_docs_before_merge(MAX_UNITS_MERGED);
            writer.set_merge_policy(Box::new(policy));
            self.writer = Some(writer);
        }
        Ok(self.writer.as_mut().expect("the writer was just created"))
    }

    /// Adds every unit of `document`; returns how many. Nothing is searchable before [`Library::commit`].
    ///
    /// The document's title is indexed once, on a unit of type `document` that only `doc:` filters match.
    pub fn add(&mut self, info: &DocumentInfo, document: &Document) -> Result<usize> {
        self.add_in(info, document, "")
    }

    /// [`Library::add`] for a document parsed with `giant_text_by_span`: the paragraphs it left in the decoded text
    /// `source` are read from there.
    pub fn add_in(&mut self, info: &DocumentInfo, document: &Document, source: &str) -> Result<usize> {
        let f = self.fields;
        let writer = self.writer()?;
        let mut head = TantivyDocument::default();
        head.add_text(f.doc_id, &info.doc_id);
        head.add_text(f.doc_title, &info.title);
        head.add_text(f.path, &info.path);
        head.add_text(f.kind, DOCUMENT_KIND);
        head.add_text(f.title_grams, &info.title);
        if let Some(issuer) = &info.issuer {
            head.add_text(f.issuer, issuer);
        }
        if let Some(year) = info.year.and_then(|y| u64::try_from(y).ok()) {
            head.add_u64(f.year, year);
        }
        writer.add_document(head)?;
        let mut count = 0;
        for unit in units_in(document, source) {
            let path: Vec<&str> = unit.section_path.iter().map(String::as_str).collect();
            let path = path.join(&PATH_SEPARATOR.to_string());
            for (line, text) in windows(&unit.text, unit.line) {
                let mut doc = TantivyDocument::default();
                doc.add_text(f.doc_id, &info.doc_id);
                doc.add_text(f.doc_title, &info.title);
                doc.add_text(f.path, &info.path);
                doc.add_text(f.node_id, &unit.node_id);
                doc.add_text(f.kind, unit.kind);
                doc.add_text(f.section_path, &path);
                doc.add_u64(f.line, u64::from(line));
                doc.add_text(f.bigrams, text);
                // Most units hold no lexicon term: they are not copied into the masked field.
                if holds_lexicon_term(text) {
                    doc.add_text(f.masked, text);
                }
                if !unit.heading.is_empty() {
                    doc.add_text(f.heading, &unit.heading);
                }
                doc.add_text(f.text, text);
                writer.add_document(doc)?;
                count += 1;
            }
        }
        Ok(count)
    }

    /// Removes every unit that came from `path`.
    pub fn remove(&mut self, path: &str) -> Result<()> {
        let term = Term::from_field_text(self.fields.path, path);
        self.writer()?.delete_term(term);
        Ok(())
    }

    /// Makes the changes searchable, all at once.
    pub fn commit(&mut self) -> Result<()> {
        self.commit_with_payload(None)
    }

    /// Makes the changes searchable and stores `payload` with them, in one atomic step: a reader sees either the
    /// previous commit and its payload or this one and this payload, whatever happens to the process in between.
    pub fn commit_with_payload(&mut self, payload: Option<&str>) -> Result<()> {
        if payload.is_some() && self.writer.is_none() {
            self.writer()?;
        }
        if let Some(writer) = self.writer.as_mut() {
            let mut prepared = writer.prepare_commit()?;
            if let Some(payload) = payload {
                prepared.set_payload(payload);
            }
            prepared.commit()?;
        }
        self.reader.reload()?;
        Ok(())
    }

    /// The payload stored by the last commit, if any.
    pub fn payload(&self) -> Result<Option<String>> {
        Ok(self.index.load_metas()?.payload)
    }

    /// How many units the index holds.
    pub fn units(&self) -> u64 {
        let searcher = self.reader.searcher();
        let kind = Term::from_field_text(self.fields.kind, DOCUMENT_KIND);
        let documents = searcher.search(&TermQuery::new(kind, IndexRecordOption::Basic), &Count).unwrap_or(0);
        searcher.num_docs().saturating_sub(documents as u64)
    }

    /// Runs a query in the query language; returns the best `limit` hits and the number of matching units.
    pub fn search(&self, query: &str, limit: usize) -> Result<SearchResult> {
        let parsed = parse_query(query)?;
        self.search_query(&parsed, limit)
    }

    /// Runs a parsed query.
    pub fn search_query(&self, query: &Query, limit: usize) -> Result<SearchResult> {
        self.search_page(query, &Page { limit, ..Page::default() })
    }

    /// Runs a parsed query and returns one page of its hits, best first, and the number of matching units.
    pub fn search_page(&self, query: &Query, page: &Page) -> Result<SearchResult> {
        let tantivy_query = self.restricted(self.compile(query), page.documents.as_deref());
        let searcher = self.reader.searcher();
        let needles = highlight_needles(query);
        let mut hits = Vec::new();
        let total;
        let (limit, offset) = (page.limit, page.offset);
        let mut facets = Facets::default();
        if !needs_text_check(query) {
            // No hits asked for (`--count`): nothing is scored, so the ranking clauses are not evaluated at all.
            let top_docs = (limit > 0).then(|| TopDocs::with_limit(limit).and_offset(offset).order_by_score());
            let counts = page.facets.then_some(FacetCollector { documents: "doc_id", types: "type" });
            let (top, count, counts) = searcher.search(&tantivy_query, &(top_docs, Count, counts))?;
            let top = top.unwrap_or_default();
            total = count;
            if let Some((documents, types)) = counts {
                facets = Facets::from_counts(documents, types);
            }
            for (score, address) in top.into_iter().take(limit) {
                let doc: TantivyDocument = searcher.doc(address)?;
                hits.push(self.hit(&doc, score, &needles));
            }
        } else {
            // Phrases with spaces or punctuation, or excluded multi-run terms: the n-gram query finds candidates, the
            // stored text decides.
            let documents = self.doc_filters(query);
            let candidates = searcher.search(&tantivy_query, &Count)?;
            let top = searcher.search(&tantivy_query, &TopDocs::with_limit(candidates.max(1)).order_by_score())?;
            let mut matched = 0;
            let (mut by_document, mut by_type) = (HashMap::new(), HashMap::new());
            for (score, address) in top {
                let doc: TantivyDocument = searcher.doc(address)?;
                if self.matches_text(query, &doc, &documents) {
                    matched += 1;
                    if matched > offset && hits.len() < limit {
                        hits.push(self.hit(&doc, score, &needles));
                    }
                    if page.facets {
                        *by_document.entry(self.stored(&doc, self.fields.doc_id).to_owned()).or_default() += 1;
                        *by_type.entry(self.stored(&doc, self.fields.kind).to_owned()).or_default() += 1;
                    }
                }
            }
            total = matched;
            facets = Facets::from_counts(by_document, by_type);
        }
        Ok(SearchResult { hits, total, facets })
    }

    /// Every document in the index, ordered by id.
    pub fn documents(&self) -> Result<Vec<DocumentInfo>> {
        let f = self.fields;
        let searcher = self.reader.searcher();
        let query = TermQuery::new(Term::from_field_text(f.kind, DOCUMENT_KIND), IndexRecordOption::Basic);
        let count = searcher.search(&query, &Count)?;
        let top = searcher.search(&query, &TopDocs::with_limit(count.max(1)).order_by_score())?;
        let mut out = Vec::with_capacity(count);
        for (_, address) in top {
            let doc: TantivyDocument = searcher.doc(address)?;
            let issuer = self.stored(&doc, f.issuer);
            out.push(DocumentInfo {
                doc_id: self.stored(&doc, f.doc_id).to_owned(),
                title: self.stored(&doc, f.doc_title).to_owned(),
                path: self.stored(&doc, f.path).to_owned(),
                issuer: (!issuer.is_empty()).then(|| issuer.to_owned()),
                year: doc.get_first(f.year).and_then(|v| v.as_u64()).and_then(|y| i32::try_from(y).ok()),
            });
        }
        out.sort_by(|a, b| a.doc_id.cmp(&b.doc_id).then_with(|| a.path.cmp(&b.path)));
        Ok(out)
    }

    /// `query`, limited to units of `documents` when given.
    fn restricted(&self, query: Box<dyn TantivyQuery>, documents: Option<&[String]>) -> Box<dyn TantivyQuery> {
        let Some(documents) = documents else { return query };
        let either: Vec<(Occur, Box<dyn TantivyQuery>)> = documents
            .iter()
            .map(|id| {
                let term = Term::from_field_text(self.fields.doc_id, id);
                (Occur::Should, Box::new(TermQuery::new(term, IndexRecordOption::Basic)) as Box<dyn TantivyQuery>)
            })
            .collect();
        Box::new(BooleanQuery::new(vec![(Occur::Must, query), (Occur::Must, Box::new(BooleanQuery::new(either)))]))
    }

    /// The documents each `doc:` filter of the query names.
    fn doc_filters(&self, query: &Query) -> Vec<(String, Vec<String>)> {
        query
            .alternatives
            .iter()
            .flatten()
            .filter_map(|a| match &a.kind {
                AtomKind::Doc(d) => Some((d.clone(), self.documents_matching(d))),
                _ => None,
            })
            .collect()
    }

    /// Whether a unit matches the query, judged on its stored fields: the exact semantics that the n-gram query
    /// approximates from above.
    fn matches_text(&self, query: &Query, doc: &TantivyDocument, documents: &[(String, Vec<String>)]) -> bool {
        let f = self.fields;
        let text = normalize(self.stored(doc, f.text));
        let kind = self.stored(doc, f.kind);
        let doc_id = self.stored(doc, f.doc_id);
        let holds = |atom: &crate::query::Atom| match &atom.kind {
            AtomKind::Text(t) => runs(&normalize(t)).iter().all(|r| text.contains(r.as_str())),
            AtomKind::Phrase(p) => text.contains(normalize(p).as_str()),
            AtomKind::Type(k) => kind == k,
            AtomKind::Doc(d) => documents.iter().any(|(name, ids)| name == d && ids.iter().any(|id| id == doc_id)),
        };
        query.alternatives.iter().any(|atoms| atoms.iter().all(|atom| holds(atom) != atom.negated))
    }

    fn stored<'a>(&self, doc: &'a TantivyDocument, field: Field) -> &'a str {
        doc.get_first(field).and_then(|v| v.as_str()).unwrap_or_default()
    }

    fn hit(&self, doc: &TantivyDocument, score: f32, needles: &[String]) -> Hit {
        let f = self.fields;
        let text = self.stored(doc, f.text);
        let (snippet, highlights) = snippet::snippet(text, needles, SNIPPET_WIDTH);
        let section_path = self.stored(doc, f.section_path);
        Hit {
            doc_id: self.stored(doc, f.doc_id).to_owned(),
            doc_title: self.stored(doc, f.doc_title).to_owned(),
            path: self.stored(doc, f.path).to_owned(),
            line: doc.get_first(f.line).and_then(|v| v.as_u64()).and_then(|l| u32::try_from(l).ok()).unwrap_or(0),
            node_id: self.stored(doc, f.node_id).to_owned(),
            kind: self.stored(doc, f.kind).to_owned(),
            section_path: if section_path.is_empty() {
                Vec::new()
            } else {
                section_path.split(PATH_SEPARATOR).map(str::to_owned).collect()
            },
            text: text.to_owned(),
            snippet,
            highlights,
            score,
        }
    }

    fn compile(&self, query: &Query) -> Box<dyn TantivyQuery> {
        let alternatives: Vec<(Occur, Box<dyn TantivyQuery>)> =
            query.alternatives.iter().map(|atoms| (Occur::Should, self.conjunction(atoms))).collect();
        if alternatives.len() == 1 {
            return alternatives.into_iter().next().expect("one alternative").1;
        }
        Box::new(BooleanQuery::new(alternatives))
    }

    fn conjunction(&self, atoms: &[crate::query::Atom]) -> Box<dyn TantivyQuery> {
        let mut clauses: Vec<(Occur, Box<dyn TantivyQuery>)> = Vec::new();
        for atom in atoms {
            let occur = if atom.negated { Occur::MustNot } else { Occur::Must };
            match &atom.kind {
                AtomKind::Text(text) | AtomKind::Phrase(text) => {
                    let normalized = normalize(text);
                    let runs = runs(&normalized);
                    let approximate =
                        runs.len() > 1 || (matches!(atom.kind, AtomKind::Phrase(_)) && runs.concat() != normalized);
                    if atom.negated && approximate {
                        continue; // excluding each run would exclude too much: the text check decides
                    }
                    for run in runs {
                        clauses.push((occur, self.run_query(&run)));
                    }
                }
                AtomKind::Type(kind) => {
                    let term = Term::from_field_text(self.fields.kind, kind);
                    clauses.push((occur, Box::new(TermQuery::new(term, IndexRecordOption::Basic))));
                }
                AtomKind::Doc(doc) => {
                    let ids = self.documents_matching(doc);
                    let either = ids
                        .into_iter()
                        .map(|id| {
                            let term = Term::from_field_text(self.fields.doc_id, &id);
                            let query: Box<dyn TantivyQuery> = Box::new(TermQuery::new(term, IndexRecordOption::Basic));
                            (Occur::Should, query)
                        })
                        .collect();
                    clauses.push((occur, Box::new(BooleanQuery::new(either))));
                }
            }
        }
        if clauses.iter().all(|(o, _)| *o == Occur::MustNot) {
            // Only exclusions (e.g. a query of punctuation only): match nothing rather than everything.
            return Box::new(BooleanQuery::new(Vec::new()));
        }
        Box::new(BooleanQuery::new(clauses))
    }

    /// The ids of the documents whose id is `doc` or whose title contains it (title runs of two characters or more).
    fn documents_matching(&self, doc: &str) -> Vec<String> {
        let f = self.fields;
        let mut either: Vec<(Occur, Box<dyn TantivyQuery>)> = vec![(
            Occur::Should,
            Box::new(TermQuery::new(Term::from_field_text(f.doc_id, doc), IndexRecordOption::Basic)),
        )];
        let runs: Vec<String> = runs(&normalize(doc)).into_iter().filter(|r| r.chars().count() >= 2).collect();
        if !runs.is_empty() {
            let all: Vec<(Occur, Box<dyn TantivyQuery>)> =
                runs.iter().map(|run| (Occur::Must, substring(f.title_grams, run))).collect();
            either.push((Occur::Should, Box::new(BooleanQuery::new(all))));
        }
        let kind = Term::from_field_text(f.kind, DOCUMENT_KIND);
        let query = BooleanQuery::new(vec![
            (Occur::Must, Box::new(TermQuery::new(kind, IndexRecordOption::Basic)) as Box<dyn TantivyQuery>),
            (Occur::Must, Box::new(BooleanQuery::new(either))),
        ]);
        let searcher = self.reader.searcher();
        let Ok(top) = searcher.search(&query, &TopDocs::with_limit(10_000).order_by_score()) else { return Vec::new() };
        let mut ids: Vec<String> = top
            .into_iter()
            .filter_map(|(_, address)| searcher.doc::<TantivyDocument>(address).ok())
            .map(|d| self.stored(&d, f.doc_id).to_owned())
            .collect();
        ids.sort();
        ids.dedup();
        ids
    }

    /// A run of gram characters: it must occur as a substring; a whole-word match and a match in a heading rank higher.
    fn run_query(&self, run: &str) -> Box<dyn TantivyQuery> {
        let f = self.fields;
        let body = substring(f.bigrams, run);
        let mut clauses: Vec<(Occur, Box<dyn TantivyQuery>)> = vec![(Occur::Must, body)];
        if run.chars().count() >= 2 {
            let grams = query_grams(run).iter().map(|g| Term::from_field_text(f.bigrams, g)).collect();
            let word = WholeWord::new(grams, Term::from_field_text(f.masked, run));
            clauses.push((Occur::Should, Box::new(BoostQuery::new(Box::new(word), WORD_BOOST))));
            let heading = substring(f.heading, run);
            clauses.push((Occur::Should, Box::new(BoostQuery::new(heading, HEADING_BOOST))));
        }
        Box::new(BooleanQuery::new(clauses))
    }
}

/// The query that finds `run` as a substring: for one character the terms that start with it (`run_end_unigrams`),
/// for two their bigram, for more the phrase of their bigrams.
fn substring(field: Field, run: &str) -> Box<dyn TantivyQuery> {
    let mut chars = run.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        // The next code point after `c` (past the surrogate gap): terms starting with `c` sort below it.
        let next = (u32::from(c) + 1..=0x10FFFF).find_map(char::from_u32);
        let lower = Bound::Included(Term::from_field_text(field, c.encode_utf8(&mut [0; 4])));
        let upper = next
            .map_or(Bound::Unbounded, |n| Bound::Excluded(Term::from_field_text(field, n.encode_utf8(&mut [0; 4]))));
        return Box::new(RangeQuery::new(lower, upper));
    }
    let grams = query_grams(run);
    if grams.len() == 1 {
        return Box::new(TermQuery::new(Term::from_field_text(field, &grams[0]), IndexRecordOption::WithFreqs));
    }
    let terms = grams.iter().map(|g| Term::from_field_text(field, g)).collect();
    Box::new(PhraseQuery::new(terms))
}

/// The runs of gram characters in normalised text.
fn runs(normalized: &str) -> Vec<String> {
    normalized.split(|c: char| !is_gram_char(c)).filter(|r| !r.is_empty()).map(str::to_owned).collect()
}

/// Whether the n-gram query only approximates the query, so that the stored text must decide: a phrase with spaces or
/// punctuation inside, or an excluded term of several runs.
fn needs_text_check(query: &Query) -> bool {
    query.alternatives.iter().flatten().any(|a| match &a.kind {
        AtomKind::Phrase(p) => {
            let normalized = normalize(p);
            runs(&normalized).concat() != normalized
        }
        AtomKind::Text(t) => a.negated && runs(&normalize(t)).len() > 1,
        _ => false,
    })
}

/// What to highlight: each phrase whole, each term's runs (normalised; see [`crate::matches`]).
pub fn highlight_needles(query: &Query) -> Vec<String> {
    let mut out = Vec::new();
    for atom in query.alternatives.iter().flatten().filter(|a| !a.negated) {
        match &atom.kind {
            AtomKind::Phrase(p) => out.push(normalize(p)),
            AtomKind::Text(t) => out.extend(runs(&normalize(t))),
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_giant_unit_is_cut_into_windows_at_sentence_ends() {
        let sentence = "推进产业转型升级，提高发展质量。";
        let half = sentence.repeat(GIANT_UNIT / sentence.len() / 2 + 10);
        let text = format!("{half}\n{half}第二行");
        let windows: Vec<(u32, &str)> = windows(&text, 7).collect();
        assert!(windows.len() > GIANT_UNIT / WINDOW);
        assert_eq!(windows.iter().map(|(_, w)| *w).collect::<String>(), text, "nothing lost, nothing doubled");
        assert!(windows.iter().all(|(_, w)| w.len() <= WINDOW));
        assert!(windows[..windows.len() - 1].iter().all(|(_, w)| w.ends_with('。') || w.ends_with('\n')));
        assert_eq!(windows[0].0, 7);
        assert_eq!(windows.last().map(|(line, w)| (*line, w.ends_with("质量。第二行"))), Some((8, true)));
        let break_at = windows.iter().position(|(_, w)| w.ends_with('\n')).expect("a window ends at the line break");
        assert!(windows[..=break_at].iter().all(|(line, _)| *line == 7));
        assert!(windows[break_at + 1..].iter().all(|(line, _)| *line == 8));
        // A unit of ordinary size is one piece; a giant one without any mark is cut at character boundaries.
        assert_eq!(super::windows("一段话。", 3).collect::<Vec<_>>(), vec![(3, "一段话。")]);
        let unmarked = "字".repeat(GIANT_UNIT);
        assert!(super::windows(&unmarked, 1).all(|(_, w)| w.len() <= WINDOW && w.chars().all(|c| c == '字')));
    }

    #[test]
    fn a_giant_paragraph_left_in_the_source_is_indexed_from_there() {
        let filler = "坚持创新驱动发展，推动产业转型升级。";
        let text = format!("{}到2025年建成大数据中心。", filler.repeat(GIANT_UNIT / filler.len() + 1));
        let options = guihua_parse::Options { skip_targets: true, giant_text_by_span: true, ..Default::default() };
        let parsed = guihua_parse::parse_bytes(text.as_bytes(), &options).unwrap();
        let guihua_model::Node::Paragraph(p) = &parsed.document.outline[0] else { panic!("a paragraph") };
        assert!(p.text_by_span() && p.text.is_empty(), "not copied");
        let mut library = Library::in_memory().unwrap();
        let info = DocumentInfo::of("giant".into(), "giant".into(), "giant.txt".into(), &parsed.document);
        library.add_in(&info, &parsed.document, &parsed.text).unwrap();
        library.commit().unwrap();
        let found = library.search("大数据中心", 10).unwrap();
        assert_eq!((found.total, found.hits[0].node_id.as_str()), (1, "paragraph-1"));
        assert_eq!(library.search("转型升级", 0).unwrap().total as u64, library.units(), "every window read");
    }

    #[test]
    fn the_writer_budget_shrinks_as_the_largest_file_grows() {
        assert_eq!(budget_for(0), WRITER_BUDGET);
        assert_eq!(budget_for(80_000_000), WRITER_BUDGET, "a large plan or compendium keeps the full budget");
        assert_eq!(budget_for(200_000_000), 90_000_000);
        assert_eq!(budget_for(u64::MAX), WRITER_BUDGET_MIN);
    }

    #[test]
    fn hits_in_a_giant_unit_point_to_its_node() {
        let filler = "坚持创新驱动发展，推动产业转型升级。";
        let text = format!("{}到2025年建成大数据中心。", filler.repeat(GIANT_UNIT / filler.len() + 1));
        let (document, _) = guihua_parse::parse(&text);
        let mut library = Library::in_memory().unwrap();
        let info = DocumentInfo::of("giant".into(), "giant".into(), "giant.txt".into(), &document);
        let units = library.add(&info, &document).unwrap();
        library.commit().unwrap();
        assert!(units > GIANT_UNIT / WINDOW);
        let found = library.search("大数据中心", 10).unwrap();
        assert_eq!(found.total, 1);
        let hit = &found.hits[0];
        assert_eq!((hit.node_id.as_str(), hit.kind.as_str(), hit.line), ("paragraph-1", "paragraph", 1));
        assert!(hit.snippet.contains("大数据中心"));
        assert!(hit.text.len() <= WINDOW);
    }

    #[test]
    fn units_where_the_query_stands_as_a_word_come_first() {
        // Each a paragraph of its own; the ones holding 数据 only inside 大数据 (and 互联网 only inside 工业互联网)
        // come last, whatever their substring scores; a unit with both kinds is a whole-word unit.
        let text = "发展大数据产业，大数据大数据。\n\n推动大数据和数据开放。\n\n数据共享。\n\n\
                    建设工业互联网平台。\n\n互联网加政务服务。\n";
        let (document, _) = guihua_parse::parse(text);
        let mut library = Library::in_memory().unwrap();
        let info = DocumentInfo::of("t".into(), "t".into(), "t.txt".into(), &document);
        library.add(&info, &document).unwrap();
        library.commit().unwrap();
        let order = |query: &str| -> Vec<String> {
            library.search(query, 10).unwrap().hits.into_iter().map(|h| h.text).collect()
        };
        let data = order("数据");
        assert_eq!(data.len(), 3);
        assert_eq!(data[2], "发展大数据产业，大数据大数据。");
        assert!(data[..2].contains(&"推动大数据和数据开放。".to_owned()));
        assert_eq!(order("互联网"), ["互联网加政务服务。", "建设工业互联网平台。"]);
        // A lexicon term itself is a word.
        assert_eq!(order("大数据").len(), 2);
    }

    #[test]
    fn years_come_from_four_digit_runs_in_range() {
        assert_eq!(first_year("2016年政府工作报告"), Some(2016));
        assert_eq!(first_year("001-fyp-national-1st-1953-1957-sentsplit"), Some(1953));
        assert_eq!(first_year("gzbg2017"), Some(2017));
        assert_eq!(first_year("表12345与8000及1900"), None);
        assert_eq!(first_year(""), None);
    }

    #[test]
    fn the_year_of_issue_comes_before_the_title_and_the_file_name() {
        let mut doc = guihua_parse::parse("").0;
        doc.meta.title = Some("2015年报告".into());
        let info = DocumentInfo::of("x".into(), "t".into(), "dir/report-2014.txt".into(), &doc);
        assert_eq!(info.year, Some(2015));
        doc.meta.issued = Some("2016-03-05".into());
        let info = DocumentInfo::of("x".into(), "t".into(), "dir/report-2014.txt".into(), &doc);
        assert_eq!(info.year, Some(2016));
        doc.meta.issued = None;
        doc.meta.title = None;
        let info = DocumentInfo::of("x".into(), "t".into(), "dir/report-2014.txt".into(), &doc);
        assert_eq!(info.year, Some(2014));
    }
}
