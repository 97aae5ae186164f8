//! What the test targets of guihua-web share: an app over an in-memory index of plans given as bytes.

use std::path::Path;

use guihua_index::{DocumentInfo, Library};
use guihua_web::{App, Bundled};

/// The seed plan's path, as the index knows it.
pub const SEED_PATH: &str = "corpus/hebei-industry-transformation-13th-2016.txt";
/// The seed plan.
pub const SEED: &[u8] = include_bytes!("../../../../corpus/hebei-industry-transformation-13th-2016.txt");

/// An app over an in-memory index of `plans` (path, bytes), each served from its bytes; a plan's id is its file stem.
pub fn app_of(plans: &[Bundled]) -> App {
    let mut library = Library::in_memory().unwrap();
    for plan in plans {
        let options = guihua_parse::Options { path: Some(plan.path.into()), encoding: None, ..Default::default() };
        let parsed = guihua_parse::parse_bytes(plan.bytes, &options).unwrap();
        let stem = Path::new(plan.path).file_stem().unwrap().to_string_lossy().into_owned();
        let title = parsed.document.meta.title.clone().unwrap_or_else(|| stem.clone());
        let info = DocumentInfo::of(stem, title, plan.path.into(), &parsed.document);
        library.add(&info, &parsed.document).unwrap();
    }
    library.commit().unwrap();
    App::new(library, plans.to_vec()).unwrap()
}
