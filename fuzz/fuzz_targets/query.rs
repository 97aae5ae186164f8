//! The query language: parsing never panics, and any query that parses runs against an index without panicking,
//! with highlights inside their snippets.
#![no_main]

use std::sync::{Arc, OnceLock};

use guihua_index::{DocumentInfo, Library};
use libfuzzer_sys::fuzz_target;

fn library() -> &'static Library {
    static LIBRARY: OnceLock<Library> = OnceLock::new();
    LIBRARY.get_or_init(|| {
        let text = include_str!("../../corpus/hebei-industry-transformation-13th-2016.txt");
        let (document, _) = guihua_parse::parse(text);
        let mut library = Library::in_memory().expect("an in-memory index");
        let info = DocumentInfo { doc_id: "seed".into(), title: "河北".into(), path: "seed.txt".into(), ..Default::default() };
        library.add(&info, &document).expect("indexes");
        library.commit().expect("commits");
        library
    })
}

fuzz_target!(|query: &str| {
    let Ok(parsed) = guihua_index::parse_query(query) else { return };
    let result = library().search_query(&parsed, 5).expect("a parsed query runs");
    for hit in result.hits {
        for (start, end) in hit.highlights {
            assert!(hit.snippet.get(start..end).is_some(), "highlight {start}..{end} in {:?}", hit.snippet);
        }
    }
});
