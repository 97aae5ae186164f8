//! Pathological inputs: each yields a document with diagnostics or a clear error, never a panic or a hang. The inputs
//! are generated here, not committed.

use guihua_model::Node;

use crate::support::guihua;

fn parse(text: &str) -> (guihua_model::Document, Vec<String>) {
    let (doc, diagnostics) = guihua_parse::parse(text);
    let mut checked = doc.clone();
    checked.diagnostics = diagnostics.clone();
    let errors = guihua_parse::span_errors(&checked, text);
    assert!(errors.is_empty(), "{:?}", &errors[..errors.len().min(5)]);
    (doc, diagnostics.into_iter().map(|d| d.code).collect())
}

fn sections(doc: &guihua_model::Document) -> usize {
    doc.walk().iter().filter(|(_, n)| matches!(n, Node::Section(_))).count()
}

#[test]
fn empty_and_blank_input() {
    for text in ["", "   ", "\n\n\r\n", "\u{3000}\u{3000}\n\t\n"] {
        let (doc, codes) = parse(text);
        assert!(doc.outline.is_empty() && codes.is_empty(), "{text:?}");
    }
}

#[test]
fn random_bytes_decode_or_are_refused() {
    let mut state = 0x2545_F491_4F6C_DD1Du64;
    for _ in 0..50 {
        let bytes: Vec<u8> = (0..4096)
            .map(|_| {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                (state >> 24) as u8
            })
            .collect();
        match guihua_parse::parse_bytes(&bytes, &guihua_parse::Options::default()) {
            Ok(parsed) => assert!(guihua_parse::span_errors(&parsed.document, &parsed.text).is_empty()),
            Err(err) => assert!(err.to_string().starts_with("not a text document")),
        }
    }
    // Without NUL bytes, random bytes decode with a diagnostic for every undecodable sequence.
    let bytes: Vec<u8> = (0..4096u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 24) as u8 | 1).collect();
    let parsed = guihua_parse::parse_bytes(&bytes, &guihua_parse::Options::default()).expect("no NUL: decodes");
    assert!(parsed.document.diagnostics.iter().any(|d| d.code == "decode.invalid_bytes"));
}

#[test]
fn a_twenty_megabyte_line() {
    let text = "数据".repeat(20_000_000 / 6);
    let (doc, _) = parse(&text);
    assert_eq!(doc.outline.len(), 1);
}

#[test]
fn a_megabyte_of_top_left_corners() {
    let text = "┌".repeat((1 << 20) / 3);
    let (doc, codes) = parse(&text);
    assert!(!doc.outline.is_empty());
    assert!(codes.iter().any(|c| c == "table.unclosed"), "{codes:?}");
}

#[test]
fn ragged_rows_and_a_box_that_never_closes_are_reported() {
    let text = "┌──┬──┐\n│甲　│乙　　　│\n├──┼──┤\n│丙　│丁　│\n";
    let (doc, codes) = parse(text);
    assert!(codes.contains(&"table.ragged_row".to_owned()), "{codes:?}");
    assert!(codes.contains(&"table.unclosed".to_owned()), "{codes:?}");
    let Node::Table(table) = &doc.outline[0] else { panic!("a table") };
    let texts: Vec<_> = table.cells.iter().map(|c| c.text.as_str()).collect();
    assert_eq!(texts, ["甲", "乙", "丙", "丁"], "no text is lost");
}

#[test]
fn a_very_wide_box_and_a_very_long_one() {
    let wide = format!(
        "┌{}┐\n{}└{}┘\n",
        "┬".repeat(20_000),
        format!("{}\n", "│".repeat(20_002)).repeat(5),
        "┴".repeat(20_000)
    );
    let (doc, _) = parse(&wide);
    let Node::Table(table) = &doc.outline[0] else { panic!("a table") };
    assert_eq!(table.columns.len(), 20_001);
    let long = format!("┌──┬───┐\n│指标│2020年│\n{}└──┴───┘\n", "├──┼───┤\n│甲　│1　　 │\n".repeat(20_000));
    let (doc, _) = parse(&long);
    assert_eq!(doc.indicators.len(), 20_000);
}

#[test]
fn a_hundred_thousand_headings() {
    let text: String = (1..=100_000).map(|i| format!("{i}.标题{i}\n")).collect();
    let (doc, codes) = parse(&text);
    assert_eq!(sections(&doc), 100_000);
    assert!(codes.is_empty());
}

#[test]
fn deeply_nested_numbering() {
    let ladder = ["第一篇 甲", "第一章 乙", "第一节 丙", "一、丁", "（一）戊", "1.己", "（1）庚", "①辛"];
    let text: String = ladder.iter().map(|l| format!("{l}\n正文。\n")).collect::<String>().repeat(3);
    let (doc, _) = parse(&text);
    let depths: Vec<u32> = doc
        .walk()
        .iter()
        .filter_map(|(_, n)| match n {
            Node::Section(s) => Some(s.level),
            _ => None,
        })
        .take(8)
        .collect();
    assert_eq!(depths, [1, 2, 3, 4, 5, 6, 7, 8]);
}

#[test]
fn a_hundred_thousand_words_that_name_a_number_once() {
    // The `named_number` rule keeps one run per word: a text naming many words once each (`甲乙1：…`) stays linear
    // (a search through the runs made it quadratic), and no word numbers a run, so no section comes of it.
    let text: String = (0..100_000u32)
        .map(|i| {
            let a = char::from_u32(0x4e00 + i % 20_000).unwrap_or('甲');
            let b = char::from_u32(0x4e00 + i / 20_000 + 7).unwrap_or('乙');
            format!("{a}{b}1：标题内容\n")
        })
        .collect();
    let (doc, _) = parse(&text);
    assert_eq!(sections(&doc), 0);
    // One word counting 1, 2, 3 on every line is a run of headings, its first line no title (numbers of up to three
    // digits).
    let text: String = (1..=999).map(|i| format!("行动{i}：标题内容\n")).collect();
    let (doc, _) = parse(&text);
    assert_eq!(sections(&doc), 999);
}

#[test]
fn a_heading_like_line_on_every_line() {
    let text = "1.同一编号的行\n".repeat(10_000);
    let (doc, _) = parse(&text);
    assert_eq!(sections(&doc), 1, "only the first `1.` is a heading; the rest break the sequence");
}

#[test]
fn paths_that_are_not_files_give_clear_errors() {
    let dir = std::env::temp_dir();
    let output = guihua().arg("parse").arg(&dir).output().expect("guihua runs");
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains(&dir.display().to_string()), "{stderr}");
    let missing = guihua().args(["parse", "/nonexistent/plan.txt"]).output().expect("guihua runs");
    assert!(String::from_utf8_lossy(&missing.stderr).contains("cannot read /nonexistent/plan.txt"));
    assert!(!String::from_utf8_lossy(&missing.stderr).contains("panicked"));
}
