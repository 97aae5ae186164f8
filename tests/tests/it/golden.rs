//! Whole-document golden snapshots of the seed (review changes with `cargo insta review`).

use crate::support::seed;

#[test]
fn seed_json() {
    let (doc, _) = seed();
    insta::assert_json_snapshot!("seed_json", doc);
}

#[test]
fn seed_outline() {
    let (doc, _) = seed();
    insta::assert_snapshot!("seed_outline", guihua_model::render_outline(&doc));
}
