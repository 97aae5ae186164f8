//! Property tests: on any text, the parser returns, and every span it produces holds.

use proptest::prelude::*;

/// Pieces of plan text: box-drawing and ASCII grid characters, numbering, punctuation, contents, page numbers,
/// attachments, padding and line ends, so that random strings hit tables, panels and headings often.
fn fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("┌".to_owned()),
        Just("┬".to_owned()),
        Just("┐".to_owned()),
        Just("├".to_owned()),
        Just("┼".to_owned()),
        Just("┤".to_owned()),
        Just("└".to_owned()),
        Just("┴".to_owned()),
        Just("┘".to_owned()),
        Just("│".to_owned()),
        Just("──".to_owned()),
        Just("\u{3000}".to_owned()),
        Just("\u{3000}\u{3000}".to_owned()),
        Just(" ".to_owned()),
        Just("\n".to_owned()),
        Just("\r\n".to_owned()),
        Just("\r".to_owned()),
        Just("一、".to_owned()),
        Just("（一）".to_owned()),
        Just("1.".to_owned()),
        Just("（1）".to_owned()),
        Just("①".to_owned()),
        Just("第一章".to_owned()),
        Just("。".to_owned()),
        Just("、".to_owned()),
        Just("，".to_owned()),
        Just("专栏1".to_owned()),
        Just("等项目。".to_owned()),
        Just("注：".to_owned()),
        Just("（图略）".to_owned()),
        Just("2016年9月30日".to_owned()),
        Just("指标".to_owned()),
        Just("2020年".to_owned()),
        Just("[18]".to_owned()),
        Just("|".to_owned()),
        Just("|---|---|".to_owned()),
        Just("专栏1  ".to_owned()),
        Just("+--+----+".to_owned()),
        Just("+==+".to_owned()),
        Just("| ".to_owned()),
        Just("目　录".to_owned()),
        Just("……12".to_owned()),
        Just("- 3 -".to_owned()),
        Just("附件".to_owned()),
        Just("、标题文字".to_owned()),
        Just("\u{000C}".to_owned()),
        Just("\u{200B}".to_owned()),
        Just("２０２５".to_owned()),
        "[a-z0-9%]{1,3}",
        "[\u{4e00}-\u{4e20}]{1,4}",
    ]
}

fn plan_like() -> impl Strategy<Value = String> {
    prop::collection::vec(fragment(), 0..120).prop_map(|parts| parts.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 600, ..ProptestConfig::default() })]

    #[test]
    fn plan_like_text_parses_with_sound_spans(text in plan_like()) {
        let (document, diagnostics) = guihua_parse::parse(&text);
        let mut document = document;
        document.diagnostics = diagnostics;
        let errors = guihua_parse::span_errors(&document, &text);
        prop_assert!(errors.is_empty(), "{:?}", errors);
    }

    #[test]
    fn any_text_parses(text in any::<String>()) {
        let (document, diagnostics) = guihua_parse::parse(&text);
        let mut document = document;
        document.diagnostics = diagnostics;
        prop_assert!(guihua_parse::span_errors(&document, &text).is_empty());
    }

    #[test]
    fn any_bytes_decode_or_are_refused(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        match guihua_parse::parse_bytes(&bytes, &guihua_parse::Options::default()) {
            Ok(parsed) => prop_assert!(guihua_parse::span_errors(&parsed.document, &parsed.text).is_empty()),
            Err(err) => prop_assert!(err.to_string().starts_with("not a text document")),
        }
    }

    #[test]
    fn parsing_is_deterministic(text in plan_like()) {
        prop_assert_eq!(guihua_parse::parse(&text), guihua_parse::parse(&text));
    }
}

/// A regular box with every kind of row, generated with random cell text, reads back the same cells.
#[test]
fn a_generated_grid_reads_back() {
    let header = "┌──┬────┐\u{3000}\u{3000}│类别│指标　　│\u{3000}\u{3000}├──┼────┤";
    let body = "\u{3000}\u{3000}│创新│比例　　│\u{3000}\u{3000}│　　├────┤\u{3000}\u{3000}│　　│专利　　│\u{3000}\u{3000}└──┴────┘";
    let text = format!("{header}{body}\n");
    let (document, diagnostics) = guihua_parse::parse(&text);
    assert!(diagnostics.is_empty(), "{diagnostics:?}");
    let guihua_model::Node::Table(table) = &document.outline[0] else { panic!("a table") };
    let cells: Vec<_> = table.cells.iter().map(|c| (c.row, c.col, c.row_span, c.text.as_str())).collect();
    assert_eq!(cells, [(0, 0, 1, "类别"), (0, 1, 1, "指标"), (1, 0, 2, "创新"), (1, 1, 1, "比例"), (2, 1, 1, "专利")]);
}
