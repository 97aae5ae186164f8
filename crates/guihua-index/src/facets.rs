//! Counts of matching units per document and per type, read from fast fields in one pass over the matches.

use std::collections::HashMap;

use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::StrColumn;
use tantivy::{DocId, Score, SegmentOrdinal, SegmentReader};

/// How many matching units each document and each unit type holds, most first (ties by name).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Facets {
    /// `(doc_id, units)`.
    pub documents: Vec<(String, usize)>,
    /// `(type, units)`: `paragraph`, `indicator`, `project` ….
    pub types: Vec<(String, usize)>,
}

impl Facets {
    pub(crate) fn from_counts(documents: HashMap<String, usize>, types: HashMap<String, usize>) -> Facets {
        Facets { documents: sorted(documents), types: sorted(types) }
    }
}

fn sorted(counts: HashMap<String, usize>) -> Vec<(String, usize)> {
    let mut out: Vec<(String, usize)> = counts.into_iter().filter(|(_, n)| *n > 0).collect();
    out.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    out
}

/// Counts the term ords of two string fast fields per segment, and turns them into strings once per segment.
pub(crate) struct FacetCollector {
    pub(crate) documents: &'static str,
    pub(crate) types: &'static str,
}

pub(crate) struct FacetSegment {
    documents: Option<StrColumn>,
    types: Option<StrColumn>,
    document_counts: Vec<usize>,
    type_counts: Vec<usize>,
}

type Counts = (HashMap<String, usize>, HashMap<String, usize>);

impl Collector for FacetCollector {
    type Fruit = Counts;
    type Child = FacetSegment;

    fn for_segment(&self, _: SegmentOrdinal, segment: &SegmentReader) -> tantivy::Result<FacetSegment> {
        let documents = segment.fast_fields().str(self.documents)?;
        let types = segment.fast_fields().str(self.types)?;
        Ok(FacetSegment {
            document_counts: vec![0; documents.as_ref().map_or(0, |c| c.num_terms())],
            type_counts: vec![0; types.as_ref().map_or(0, |c| c.num_terms())],
            documents,
            types,
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<Counts>) -> tantivy::Result<Counts> {
        let mut out = Counts::default();
        for (documents, types) in fruits {
            for (key, n) in documents {
                *out.0.entry(key).or_default() += n;
            }
            for (key, n) in types {
                *out.1.entry(key).or_default() += n;
            }
        }
        Ok(out)
    }
}

impl SegmentCollector for FacetSegment {
    type Fruit = Counts;

    fn collect(&mut self, doc: DocId, _: Score) {
        count(self.documents.as_ref(), &mut self.document_counts, doc);
        count(self.types.as_ref(), &mut self.type_counts, doc);
    }

    fn harvest(self) -> Counts {
        (named(self.documents.as_ref(), &self.document_counts), named(self.types.as_ref(), &self.type_counts))
    }
}

fn count(column: Option<&StrColumn>, counts: &mut [usize], doc: DocId) {
    if let Some(ord) = column.and_then(|c| c.ords().first(doc))
        && let Some(slot) = usize::try_from(ord).ok().and_then(|o| counts.get_mut(o))
    {
        *slot += 1;
    }
}

/// The counted ords as names. The ords are looked up together, in order, so that each compressed block of the
/// column's dictionary is read once (one lookup per ord decompressed a block each time: 100 ms for a common word on
/// 3,500 documents).
fn named(column: Option<&StrColumn>, counts: &[usize]) -> HashMap<String, usize> {
    let mut out = HashMap::new();
    let Some(column) = column else { return out };
    let ords: Vec<u64> = (0..counts.len() as u64).filter(|&o| counts[o as usize] > 0).collect();
    let mut at = 0;
    let _ = column.dictionary().sorted_ords_to_term_cb(&ords, |bytes| {
        if let (Some(&ord), Ok(name)) = (ords.get(at), std::str::from_utf8(bytes)) {
            *out.entry(name.to_owned()).or_default() += counts[ord as usize];
        }
        at += 1;
    });
    out
}
