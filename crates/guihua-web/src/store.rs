//! The server's state: the index, its documents, and the plans parsed from their sources on demand.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

use guihua_index::{DocumentInfo, Library, Segmenter};
use guihua_parse::Parsed;

use crate::PageError;

/// A plan compiled into the binary, served when there is no index: its path (as the index knows it) and bytes.
#[derive(Debug, Clone, Copy)]
pub struct Bundled {
    /// The path the index was given for it.
    pub path: &'static str,
    /// Its bytes.
    pub bytes: &'static [u8],
}

/// How many parsed plans are kept in memory.
const CACHED_PLANS: usize = 16;

/// Everything a request may read.
pub struct App {
    library: Library,
    documents: Vec<DocumentInfo>,
    by_id: HashMap<String, usize>,
    bundled: Vec<Bundled>,
    /// The plans parsed most recently, newest last.
    cache: Mutex<Vec<(String, Arc<Parsed>)>>,
    /// jieba, for the topic alignment of two plans: built on the first such request (about 100 ms).
    segmenter: OnceLock<Arc<Segmenter>>,
}

impl App {
    /// Serves `library`; `bundled` are plans whose sources are compiled in (the index of the bundled plan).
    pub fn new(library: Library, bundled: Vec<Bundled>) -> Result<App, PageError> {
        let documents = library.documents()?;
        let mut by_id = HashMap::new();
        for (k, info) in documents.iter().enumerate() {
            by_id.entry(info.doc_id.clone()).or_insert(k);
        }
        Ok(App { library, documents, by_id, bundled, cache: Mutex::new(Vec::new()), segmenter: OnceLock::new() })
    }

    /// The index.
    pub fn library(&self) -> &Library {
        &self.library
    }

    /// Every document of the index, by id.
    pub fn documents(&self) -> &[DocumentInfo] {
        &self.documents
    }

    /// The document with this id, if the index holds one.
    pub(crate) fn document(&self, doc_id: &str) -> Option<&DocumentInfo> {
        self.by_id.get(doc_id).map(|&k| &self.documents[k])
    }

    /// The document with this id, else a 404.
    pub(crate) fn info(&self, doc_id: &str) -> Result<&DocumentInfo, PageError> {
        self.document(doc_id)
            .ok_or_else(|| PageError::NotFound(format!("no document with id `{doc_id}` in this index")))
    }

    /// The document with this id, parsed from its source (the file the index was built from, or the bundled bytes).
    pub(crate) fn parsed(&self, doc_id: &str) -> Result<Arc<Parsed>, PageError> {
        let info = self.info(doc_id)?;
        if let Ok(mut cache) = self.cache.lock()
            && let Some(k) = cache.iter().position(|(id, _)| id == doc_id)
        {
            let entry = cache.remove(k);
            let parsed = Arc::clone(&entry.1);
            cache.push(entry);
            return Ok(parsed);
        }
        let bytes = self.source_bytes(info)?;
        let options = guihua_parse::Options { path: Some(info.path.clone()), encoding: None, ..Default::default() };
        let parsed = guihua_parse::parse_bytes(&bytes, &options)
            .map_err(|e| PageError::Internal(format!("cannot read {}: {e}", info.path)))?;
        let parsed = Arc::new(parsed);
        if let Ok(mut cache) = self.cache.lock() {
            if cache.len() >= CACHED_PLANS {
                cache.remove(0);
            }
            cache.push((doc_id.to_owned(), Arc::clone(&parsed)));
        }
        Ok(parsed)
    }

    /// The source bytes of a document: the bundled copy, else the file at the path the index was built from.
    fn source_bytes(&self, info: &DocumentInfo) -> Result<Cow<'static, [u8]>, PageError> {
        if let Some(bundled) = self.bundled.iter().find(|b| b.path == info.path) {
            return Ok(Cow::Borrowed(bundled.bytes));
        }
        std::fs::read(&info.path).map(Cow::Owned).map_err(|e| {
            PageError::NotFound(format!(
                "the source of `{}` is not readable at {} ({e}); start guihua serve where the index was built",
                info.doc_id, info.path
            ))
        })
    }

    /// jieba, built once.
    pub(crate) fn segmenter(&self) -> &Arc<Segmenter> {
        self.segmenter.get_or_init(|| Arc::new(Segmenter::new()))
    }
}
