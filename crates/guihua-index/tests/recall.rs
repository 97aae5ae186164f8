//! Property test: on any small collection, a query returns exactly the units whose normalised text contains it
//! (the recall of grep), alone and ANDed with a second term.

use guihua_index::{DocumentInfo, Library, normalize, units};
use proptest::prelude::*;

/// Lines over a small alphabet, so that queries hit often; full-width letters test folding.
fn lines() -> impl Strategy<Value = Vec<String>> {
    prop::collection::vec("[数据大产业中心钢铁Ａa，。]{1,30}", 1..25)
}

fn query() -> impl Strategy<Value = String> {
    "[数据大产业中心钢铁Ａa]{1,4}"
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn hits_are_exactly_the_units_that_contain_the_query(lines in lines(), q in query(), q2 in query()) {
        let text = lines.join("\n");
        let (document, _) = guihua_parse::parse(&text);
        let mut library = Library::in_memory().unwrap();
        let info = DocumentInfo { doc_id: "d".into(), title: "t".into(), path: "d.txt".into(), ..Default::default() };
        library.add(&info, &document).unwrap();
        library.commit().unwrap();
        let texts: Vec<String> = units(&document).iter().map(|u| normalize(&u.text)).collect();
        let (nq, nq2) = (normalize(&q), normalize(&q2));
        let expected = texts.iter().filter(|t| t.contains(&nq)).count();
        prop_assert_eq!(library.search(&q, 0).unwrap().total, expected);
        let both = texts.iter().filter(|t| t.contains(&nq) && t.contains(&nq2)).count();
        prop_assert_eq!(library.search(&format!("{q} {q2}"), 0).unwrap().total, both);
    }
}
