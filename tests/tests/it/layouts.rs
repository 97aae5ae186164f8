//! The layouts and encodings real plans come in: the same plan in other encodings and line ends, several documents in
//! one file, numbering that runs on across sections, text whose `。` were replaced by line breaks, text hard-wrapped
//! from PDF with page numbers and a table of contents, and noise. Counts are written from reading the documents.

use guihua_model::{Document, Node, PartKind};
use serde_json::Value;

use crate::support::{sections, seed_path, shared_corpus};

fn parse(bytes: &[u8]) -> (Document, String) {
    let parsed = guihua_parse::parse_bytes(bytes, &guihua_parse::Options::default()).expect("decodes");
    assert!(guihua_parse::span_errors(&parsed.document, &parsed.text).is_empty());
    (parsed.document, parsed.text)
}

fn corpus(name: &str) -> Option<(Document, String)> {
    let dir = shared_corpus()?;
    Some(parse(&std::fs::read(dir.join(name)).expect("readable")))
}

/// The document as JSON without its `source` and, when `offsets` is false, without byte offsets (which line ends of
/// another width move): what must not change when only the encoding or the line ends do.
fn essence(document: &Document, offsets: bool) -> Value {
    fn strip(value: &mut Value) {
        match value {
            Value::Object(map) => {
                for key in ["start", "end", "pieces", "paragraph_pieces"] {
                    map.remove(key);
                }
                map.values_mut().for_each(strip);
            }
            Value::Array(items) => items.iter_mut().for_each(strip),
            _ => {}
        }
    }
    let mut value = serde_json::to_value(document).expect("serialises");
    value.as_object_mut().expect("an object").remove("source");
    if !offsets {
        strip(&mut value);
    }
    value
}

fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
    let mut out = if big_endian { vec![0xFE, 0xFF] } else { vec![0xFF, 0xFE] };
    for unit in text.encode_utf16() {
        out.extend(if big_endian { unit.to_be_bytes() } else { unit.to_le_bytes() });
    }
    out
}

fn assert_same_in_every_encoding(text: &str, name: &str) {
    let (reference, _) = parse(text.as_bytes());
    let (gb, _, lossy) = encoding_rs::GB18030.encode(text);
    assert!(!lossy, "{name}: GB18030 holds every character");
    let mut bom = "\u{FEFF}".as_bytes().to_vec();
    bom.extend(text.as_bytes());
    for (encoding, bytes) in [
        ("utf-8+bom", bom),
        ("utf-16le", utf16(text, false)),
        ("utf-16be", utf16(text, true)),
        ("gb18030", gb.to_vec()),
    ] {
        let (document, _) = parse(&bytes);
        assert_eq!(essence(&document, true), essence(&reference, true), "{name} in {encoding}");
    }
    let lf = text.replace("\r\n", "\n").replace('\r', "\n");
    for (ends, converted) in [("lf", lf.clone()), ("crlf", lf.replace('\n', "\r\n")), ("cr", lf.replace('\n', "\r"))] {
        let (document, _) = parse(converted.as_bytes());
        assert_eq!(essence(&document, false), essence(&reference, false), "{name} with {ends} line ends");
    }
}

#[test]
fn the_same_plan_in_any_encoding_or_line_ends_is_the_same_document() {
    let seed = std::fs::read_to_string(seed_path()).expect("the seed is UTF-8");
    assert_same_in_every_encoding(&seed, "seed");
    let Some(dir) = shared_corpus() else { return };
    // The Anhui file mixes CRLF and bare LF; the 12th plan carries a BOM and full-width digits.
    for name in ["anhui-industrial-internet-2021.txt", "national-12th-fyp-2011-sentsplit.txt"] {
        let text = std::fs::read_to_string(dir.join(name)).expect("UTF-8");
        assert_same_in_every_encoding(text.trim_start_matches('\u{FEFF}'), name);
    }
}

fn part_summary(document: &Document) -> Vec<(PartKind, Option<String>, usize)> {
    document
        .outline
        .iter()
        .filter_map(|n| match n {
            Node::Part(p) => {
                let sections = p.children.iter().filter(|c| matches!(c, Node::Section(_))).count();
                Some((p.kind, p.title.clone(), sections))
            }
            _ => None,
        })
        .collect()
}

#[test]
fn a_notice_with_a_policy_an_action_plan_and_an_attachment_gives_three_parts() {
    let Some((document, _)) = corpus("anhui-industrial-internet-2021.txt") else { return };
    assert!(matches!(document.outline[0], Node::Notice(_)));
    assert_eq!(
        part_summary(&document),
        [
            (PartKind::Document, Some("支持工业互联网发展若干政策".to_owned()), 8),
            (PartKind::Document, Some("安徽省工业互联网创新发展行动计划（2021-2023年）".to_owned()), 4),
            (PartKind::Appendix, Some("省推进工业互联网创新发展专项工作组名单".to_owned()), 0),
        ]
    );
    // The action plan's items run 1﹒ to 24﹒ across its nine （N） sections, each under the section it stands in.
    let items: Vec<(u32, String)> = sections(&document)
        .into_iter()
        .filter(|(_, s)| s.number.ends_with('﹒'))
        .map(|(path, s)| (s.ordinal.unwrap_or_default(), path[path.len() - 2].clone()))
        .collect();
    assert_eq!(items.iter().map(|i| i.0).collect::<Vec<_>>(), (1..=24).collect::<Vec<_>>());
    assert_eq!(items[2], (3, "基础支撑增强行动".to_owned()));
    assert_eq!(items[23], (24, "生态体系构建行动".to_owned()));
    // Its twelve 专栏 stand under the numbered item they follow.
    let panels: Vec<(u32, String)> = crate::support::panels(&document)
        .into_iter()
        .map(|(path, p)| (p.number.expect("numbered"), path.last().cloned().unwrap_or_default()))
        .collect();
    assert_eq!(panels.len(), 12);
    assert_eq!(panels[0], (1, "推进企业内网改造升级".to_owned()));
    assert_eq!(panels[11], (12, "构建工业互联网应用推广体系".to_owned()));
    // Search hits carry the part in their breadcrumb.
    let units = guihua_index::units(&document);
    let panel =
        units.iter().find(|u| u.kind == "panel" && u.section_path.last().is_some_and(|p| p == "专栏1")).expect("专栏1");
    assert_eq!(
        panel.section_path,
        [
            "安徽省工业互联网创新发展行动计划（2021-2023年）",
            "二、行动步骤",
            "（一）网络体系强基行动",
            "2﹒推进企业内网改造升级",
            "专栏1"
        ]
    );
}

#[test]
fn an_attachment_after_a_list_of_attachments_gives_one_appendix() {
    let Some((document, _)) = corpus("baotou-digital-2022.txt") else { return };
    let parts = part_summary(&document);
    assert_eq!(
        parts,
        [
            (PartKind::Document, Some("包头市2022年数字政府建设考评办法".to_owned()), 4),
            (PartKind::Appendix, Some("包头市数字政府建设考评指标".to_owned()), 7),
        ]
    );
    // The appendix's 90 scored items are numbered 1． to 90． across its sections, as headings or as list items.
    let items: Vec<u32> = document
        .walk()
        .into_iter()
        .filter_map(|(_, n)| match n {
            Node::Section(s) if s.number.ends_with('．') => s.ordinal,
            Node::Item(i) if i.number.ends_with('．') => Some(i.ordinal),
            _ => None,
        })
        .collect();
    assert_eq!(items, (1..=90).collect::<Vec<_>>());
}

#[test]
fn chapters_numbered_through_the_parts_of_the_12th_plan() {
    let Some((document, _)) = corpus("national-12th-fyp-2011-sentsplit.txt") else { return };
    let all = sections(&document);
    let count = |suffix: char| all.iter().filter(|(_, s)| s.number.ends_with(suffix)).count();
    assert_eq!((count('篇'), count('章'), count('节')), (16, 62, 167));
    let levels: Vec<u32> = all.iter().filter(|(_, s)| s.number.ends_with('章')).map(|(_, s)| s.level).collect();
    assert!(levels.iter().all(|&l| l == 2), "every chapter stands under its part");
    let (path, chapter) = all.iter().find(|(_, s)| s.number == "第十八章").expect("chapter 18");
    assert_eq!(chapter.title, "实施区域发展总体战略");
    assert_eq!(path[0], "优化格局　促进区域协调发展和城镇化健康发展");
    // Sentences whose `。` became line breaks are read back into the paragraph they belong to.
    let (_, first) = all.iter().find(|(_, s)| s.number == "第一章").expect("chapter 1");
    let paragraphs: Vec<&str> = first
        .children
        .iter()
        .filter_map(|n| if let Node::Paragraph(p) = n { Some(p.text.as_str()) } else { None })
        .collect();
    assert_eq!(paragraphs.len(), 4);
    assert!(paragraphs[0].starts_with("“十一五”时期是我国发展史上极不平凡的五年\n面对国内外环境的复杂变化"));
    assert_eq!(paragraphs[0].lines().count(), 10, "source lines 3 to 12");
}

#[test]
fn the_contents_and_page_numbers_of_the_8th_plan_are_not_headings_or_text() {
    let Some((document, _)) = corpus("national-8th-fyp-1991.txt") else { return };
    let tocs: Vec<_> = document
        .walk()
        .into_iter()
        .filter_map(|(_, n)| if let Node::Toc(t) = n { Some(t.clone()) } else { None })
        .collect();
    assert_eq!(tocs.len(), 1);
    assert_eq!(tocs[0].span.line, 6, "the contents start at `目录`");
    assert!(tocs[0].entries.iter().any(|e| e.contains("基本指导方针")));
    let first_heading = sections(&document).first().map(|(_, s)| s.span.line).expect("headings");
    assert!(first_heading > tocs[0].span.end_line, "no heading is read inside the contents");
    // `本世纪最后十年…今` + page number `375` + `后十年在…`: one paragraph, the page number dropped.
    let joined = document
        .walk()
        .into_iter()
        .find_map(|(_, n)| match n {
            Node::Paragraph(p) if p.text.starts_with("本世纪最后十年") => Some(p.clone()),
            _ => None,
        })
        .expect("the preface");
    assert!(joined.text.contains("是非常关键的时期。今后十年在已经取得巨大成就的基础上"), "{}", joined.text);
    assert!(!joined.text.contains("375"));
    assert!(document.diagnostics.iter().any(|d| d.code == "layout.page_numbers"));
}

/// Lays a document out as text extracted from PDF: every line hard-wrapped at the width of `width` Chinese
/// characters (a digit or a Latin letter takes half of one, as on the page), a page number (`- N -`, between blank
/// lines) after every 40 lines, and a table of contents with dot leaders in front.
fn as_pdf_text(text: &str, width: usize, contents: &[String]) -> String {
    let mut lines = Vec::new();
    for line in text.lines() {
        if line.is_empty() {
            lines.push(String::new());
        }
        let mut current = String::new();
        let mut columns = 0;
        for c in line.chars() {
            let w = guihua_parse::width(c);
            if columns + w > width * 2 {
                lines.push(std::mem::take(&mut current));
                columns = 0;
            }
            current.push(c);
            columns += w;
        }
        if !current.is_empty() {
            lines.push(current);
        }
    }
    // The title, then the contents, then the text.
    let mut out = format!("{}\n\n目　录\n", lines[0]);
    for (i, entry) in contents.iter().enumerate() {
        out.push_str(&format!("{entry}……………………{}\n", i * 3 + 1));
    }
    out.push('\n');
    for (i, line) in lines.iter().enumerate().skip(1) {
        out.push_str(line);
        out.push('\n');
        if i % 40 == 39 {
            out.push_str(&format!("\n- {} -\n\n", i / 40 + 1));
        }
    }
    out
}

fn paragraph_texts(document: &Document) -> Vec<String> {
    document
        .walk()
        .into_iter()
        .filter_map(|(_, n)| if let Node::Paragraph(p) = n { Some(p.text.clone()) } else { None })
        .collect()
}

#[test]
fn a_plan_hard_wrapped_from_pdf_reads_as_the_plan() {
    let Some(dir) = shared_corpus() else { return };
    for (name, width) in [("shandong-education-14th.txt", 32), ("zhongyang-rural-revitalization-opinion-2018.txt", 38)]
    {
        let text = std::fs::read_to_string(dir.join(name)).expect("UTF-8");
        let text = text.trim_start_matches('\u{FEFF}');
        let (original, _) = parse(text.as_bytes());
        let contents: Vec<String> = sections(&original)
            .iter()
            .filter(|(p, _)| p.len() == 1)
            .map(|(_, s)| format!("{}{}", s.number, s.title))
            .collect();
        let wrapped = as_pdf_text(text, width, &contents);
        let (document, _) = parse(wrapped.as_bytes());
        let titles = |d: &Document| -> Vec<(Vec<String>, String)> {
            sections(d).into_iter().map(|(p, s)| (p, s.number.clone())).collect()
        };
        assert_eq!(titles(&document), titles(&original), "{name}: the same sections");
        let (got, want) = (paragraph_texts(&document), paragraph_texts(&original));
        let first_difference = got.iter().zip(&want).position(|(a, b)| a != b);
        assert_eq!(first_difference.map(|i| (&got[i], &want[i])), None, "{name}: the same paragraphs");
        assert_eq!(got.len(), want.len(), "{name}: as many paragraphs");
        let toc = document.outline.iter().find_map(|n| if let Node::Toc(t) = n { Some(t) } else { None });
        assert_eq!(toc.map(|t| t.entries.len()), Some(contents.len() + 1), "{name}: `目录` and one entry per part");
        assert!(document.diagnostics.iter().any(|d| d.code == "layout.page_numbers"));
    }
}

#[test]
fn zero_width_and_en_spaces_and_full_width_digits() {
    let text = "\u{200B}一、总体要求\n\u{3000}\u{3000}到２０２５年，全省工业增加值达到１０００亿元。\n\u{2002}二、\u{200B}重点任务\n\u{3000}\u{3000}推进改革。\n";
    let (document, _) = parse(text.as_bytes());
    let all = sections(&document);
    assert_eq!(all.iter().map(|(_, s)| s.number.as_str()).collect::<Vec<_>>(), ["一、", "二、"]);
    assert_eq!(all[0].1.title, "总体要求");
    let target = document.targets.first().expect("a target");
    assert_eq!((target.value, target.year, target.multiplier.as_deref()), (1000.0, Some(2025), Some("亿")));
    assert!(text.contains(&target.raw), "the raw text stays as written: {}", target.raw);
}

#[test]
fn a_truncated_document_keeps_everything_before_the_cut() {
    let Some(dir) = shared_corpus() else { return };
    for name in ["anhui-industrial-internet-2021.txt", "stcouncil-new-gen-ai-plan-2017.txt"] {
        let text = std::fs::read_to_string(dir.join(name)).expect("UTF-8");
        let (whole, _) = parse(text.as_bytes());
        for fraction in [3, 2] {
            let mut cut = text.len() / fraction;
            while !text.is_char_boundary(cut) {
                cut -= 1;
            }
            let (document, _) = parse(&text.as_bytes()[..cut]);
            let before: Vec<_> = sections(&whole)
                .into_iter()
                .filter(|(_, s)| s.heading_span.end <= cut)
                .map(|(p, s)| (p, s.number.clone()))
                .collect();
            let got: Vec<_> = sections(&document).into_iter().map(|(p, s)| (p, s.number.clone())).collect();
            assert_eq!(got, before, "{name} cut at {cut}");
        }
    }
}

/// Draws a table as an ASCII grid (`+---+`, `|`), padding cells to the widest text of their column; a merged cell
/// leaves the rules under its upper rows open.
fn ascii_grid(table: &guihua_model::Table) -> String {
    use unicode_width::UnicodeWidthStr;
    let columns = table.columns.len();
    let covering = |r: u32, c: usize| {
        table.cells.iter().find(|x| x.col as usize == c && x.row <= r && r < x.row + x.row_span).expect("a full grid")
    };
    let mut widths = vec![2; columns];
    for cell in &table.cells {
        assert_eq!(cell.col_span, 1, "this drawing has no column spans");
        widths[cell.col as usize] = widths[cell.col as usize].max(cell.text.width_cjk() + 2);
    }
    let rule = |r: Option<u32>| -> String {
        let mut line = String::from("+");
        for (c, w) in widths.iter().enumerate() {
            let closed = r.is_none_or(|r| {
                let cell = covering(r, c);
                cell.row + cell.row_span - 1 == r
            });
            line.push_str(&(if closed { "-" } else { " " }).repeat(*w));
            line.push('+');
        }
        // A row of open columns keeps its bars: `|    +----+`.
        let mut chars: Vec<char> = line.chars().collect();
        let mut at = 0;
        for (c, w) in widths.iter().enumerate() {
            let open = r.is_some_and(|r| {
                let cell = covering(r, c);
                cell.row + cell.row_span - 1 != r
            });
            let next_open = r.is_some_and(|r| {
                c + 1 < columns && {
                    let cell = covering(r, c + 1);
                    cell.row + cell.row_span - 1 != r
                }
            });
            if open && (c == 0) {
                chars[at] = '|';
            }
            if open && next_open {
                chars[at + w + 1] = '|';
            }
            if open && c + 1 == columns {
                chars[at + w + 1] = '|';
            }
            at += w + 1;
        }
        chars.into_iter().collect()
    };
    let mut out = rule(None) + "\n";
    for r in 0..table.rows {
        let mut line = String::from("|");
        for (c, w) in widths.iter().enumerate() {
            let cell = covering(r, c);
            let text = if cell.row == r { cell.text.as_str() } else { "" };
            line.push(' ');
            line.push_str(text);
            line.push_str(&" ".repeat(w - 1 - text.width_cjk()));
            line.push('|');
        }
        out.push_str(&line);
        out.push('\n');
        out.push_str(&rule(if r + 1 == table.rows { None } else { Some(r) }));
        out.push('\n');
    }
    out
}

#[test]
fn the_seeds_indicator_table_drawn_as_an_ascii_grid_gives_the_same_indicators() {
    let (seed, _) = crate::support::seed();
    let table = seed
        .walk()
        .into_iter()
        .find_map(|(_, n)| match n {
            Node::Table(t) if t.id == seed.indicators[0].table => Some(t.clone()),
            _ => None,
        })
        .expect("the indicator table");
    let text = format!("一、主要指标\n{}注：带[　]内为5年累计数。\n", ascii_grid(&table));
    let (document, _) = parse(text.as_bytes());
    let strip = |d: &Document| -> Vec<Value> {
        d.indicators
            .iter()
            .map(|i| {
                let mut v = serde_json::to_value(i).expect("serialises");
                for key in ["span", "table", "id"] {
                    v.as_object_mut().expect("an object").remove(key);
                }
                v
            })
            .collect()
    };
    assert_eq!(seed.indicators.len(), 17);
    assert_eq!(strip(&document), strip(&seed), "{text}");
}
