//! Each layout rule of the reader shown on real documents of `../shared/wild` and `../shared/corpus` that need it:
//! at least two documents a rule, none of them named in the parser. Skipped, with a message, where the shared
//! documents are absent.

use guihua_model::{Document, Node, Section};

use crate::support::{root, shared_corpus};

/// A document of `../shared/wild/docs` by the number its file name starts with, or of `../shared/corpus` by name.
#[allow(clippy::print_stderr)] // a skipped test says why
fn shared(name: &str) -> Option<Document> {
    let wild = root().join("../shared/wild/docs");
    let corpus = shared_corpus()?;
    if !wild.is_dir() {
        eprintln!("skipped: {} is absent (the shared documents sit beside the repository)", wild.display());
        return None;
    }
    let path = std::fs::read_dir(&wild)
        .ok()?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .find(|p| p.file_name().is_some_and(|f| f.to_string_lossy().starts_with(&format!("{name}-"))))
        .or_else(|| Some(corpus.join(name)).filter(|p| p.is_file()));
    let Some(path) = path else {
        eprintln!("skipped: {name} is not in {} (the shared documents sit beside the repository)", wild.display());
        return None;
    };
    let bytes = std::fs::read(&path).expect("readable");
    let parsed = guihua_parse::parse_bytes(&bytes, &guihua_parse::Options::default()).expect("decodes");
    assert!(guihua_parse::span_errors(&parsed.document, &parsed.text).is_empty(), "{name}: spans");
    Some(parsed.document)
}

/// What starts on a source line, outermost first: `(depth, kind, number, title or text)`.
fn on_line(doc: &Document, line: u32) -> Vec<(usize, &'static str, String, String)> {
    doc.walk()
        .into_iter()
        .filter_map(|(depth, node)| match node {
            Node::Section(s) if s.heading_span.line == line => {
                Some((depth, "section", s.number.clone(), s.title.clone()))
            }
            Node::Item(i) if i.span.line == line => Some((depth, "item", i.number.clone(), i.text.clone())),
            Node::Toc(t) if t.span.line == line => Some((depth, "toc", String::new(), t.entries.join("|"))),
            Node::Paragraph(p) if p.span.line == line => Some((depth, "paragraph", String::new(), p.text.clone())),
            _ => None,
        })
        .collect()
}

/// The `(kind, number)` of what starts on a line, without depth and text.
fn kinds(doc: &Document, line: u32) -> Vec<(&'static str, String)> {
    on_line(doc, line).into_iter().map(|(_, kind, number, _)| (kind, number)).collect()
}

fn codes(doc: &Document) -> Vec<&str> {
    doc.diagnostics.iter().map(|d| d.code.as_str()).collect()
}

#[test]
fn glued_headings_are_cut_into_lines_of_their_own() {
    // The 7th FYP (sentence per line from PDF): a part, a chapter and its first item on one line, after NBSP runs.
    let Some(doc) = shared("003") else { return };
    let got = on_line(&doc, 15);
    assert_eq!((got[0].1, got[1].1), ("section", "section"));
    assert_eq!((got[0].2.as_str(), got[0].3.as_str()), ("一、", "主要任务和经济发展目标"));
    assert_eq!((got[1].0, got[1].2.as_str(), got[1].3.as_str()), (got[0].0 + 1, "第一章", "主要任务"));
    assert_eq!(kinds(&doc, 22)[..2], [("section", "第二章".to_owned()), ("section", "（一）".to_owned())]);
    // The 8th FYP (OCR): `五、` and `〈九）` glued to the end of the sentence before them.
    let Some(doc) = shared("national-8th-fyp-1991.txt") else { return };
    assert!(kinds(&doc, 291).contains(&("section", "五、".to_owned())));
    assert!(kinds(&doc, 370).contains(&("section", "（九）".to_owned())), "`〈九）` cited as `（九）`");
    assert_eq!(codes(&doc).iter().filter(|c| **c == "heading.glued").count(), 2);
    // A standards guide (PDF): a first heading whose short title ends the line, after `。`.
    let Some(doc) = shared("101") else { return };
    assert_eq!(on_line(&doc, 32).last().map(|n| (n.2.as_str(), n.3.as_str())), Some(("(1)", "资产数据及模型标准")));
}

#[test]
fn clauses_after_a_lead_in_are_items_of_their_article() {
    // Provisions on pre-installed software: 第四条 lists nine prohibited contents, 第五条 four duties.
    let Some(doc) = shared("166") else { return };
    assert_eq!(kinds(&doc, 14)[0], ("section", "第四条".to_owned()));
    assert_eq!(on_line(&doc, 16)[0].1, "item");
    assert_eq!(on_line(&doc, 16)[0].3, "反对宪法所确定的基本原则的；");
    assert_eq!(kinds(&doc, 32), [("item", "（九）".to_owned())]);
    assert_eq!(kinds(&doc, 34)[0], ("section", "第五条".to_owned()), "the next article is a section again");
    assert_eq!(on_line(&doc, 16)[0].0, on_line(&doc, 14)[0].0 + 1, "items stand under their article");
    // Beijing's review regulation: a second list in the same article follows its own lead-in, at article level.
    let Some(doc) = shared("258") else { return };
    assert_eq!(kinds(&doc, 77), [("item", "（五）".to_owned())]);
    let lead_in = &on_line(&doc, 79)[0];
    assert_eq!((lead_in.1, lead_in.0), ("paragraph", on_line(&doc, 77)[0].0), "the lead-in is the article's again");
    assert_eq!(kinds(&doc, 81), [("item", "（一）".to_owned())]);
}

#[test]
fn a_level_whose_first_member_was_never_numbered_still_opens() {
    // (Shandong's digital workshop measures, with no `第一章` line, are in `chapter_headings_whose_numbers_the_source_lost`.)
    // The building-materials action plan lost `6.`: `7.` still heads the items of （三）.
    let Some(doc) = shared("148") else { return };
    assert_eq!(kinds(&doc, 47)[0], ("section", "7.".to_owned()));
    assert_eq!(on_line(&doc, 47)[0].0, on_line(&doc, 46)[0].0 + 1);
}

#[test]
fn contents_written_as_headings_are_contents() {
    for (name, toc_line, first_chapter) in [("258", 11, 21), ("259", 7, 25)] {
        let Some(doc) = shared(name) else { return };
        assert_eq!(kinds(&doc, toc_line), [("toc", String::new())], "{name}");
        assert_eq!(kinds(&doc, first_chapter), [("section", "第一章".to_owned())], "{name}");
        let chapters_one =
            doc.walk().into_iter().filter(|(_, n)| matches!(n, Node::Section(s) if s.number == "第一章")).count();
        assert_eq!(chapters_one, 1, "{name}: one 第一章, the body's");
    }
    // Leaders without page numbers, longer than 80 characters (a ship standards guide).
    let Some(doc) = shared("136") else { return };
    assert_eq!(kinds(&doc, 4), [("toc", String::new())]);
    let Some(Node::Toc(toc)) = doc.outline.iter().find(|n| matches!(n, Node::Toc(_))) else { panic!("contents") };
    assert_eq!(toc.entries.len(), 14);
}

#[test]
fn letter_spaced_titles_and_look_alike_numerals() {
    let Some(doc) = shared("241") else { return };
    assert_eq!(on_line(&doc, 9)[0].3, "总  则");
    let Some(doc) = shared("251") else { return };
    assert_eq!(on_line(&doc, 11)[0].3, "总　　则");
    // `第三十－条`: the articles after it are found again.
    let Some(doc) = shared("234") else { return };
    assert_eq!(kinds(&doc, 119)[0], ("section", "第三十－条".to_owned()));
    assert_eq!(kinds(&doc, 123)[0], ("section", "第三十二条".to_owned()));
}

#[test]
fn numbers_on_a_line_of_their_own_and_numberings_nested_in_themselves() {
    // The 1986 work report: `（一）` alone on its line, its text on the next (an item of the tasks that `基本任务是：`
    // leads in); `一、` numbered again inside `二、`.
    let Some(doc) = shared("020") else { return };
    let first = &on_line(&doc, 56)[0];
    assert_eq!((first.1, first.2.as_str()), ("item", "（一）"));
    assert!(first.3.starts_with("进一步为经济体制改革创造良好的经济环境"));
    let nested = &on_line(&doc, 73)[0];
    assert_eq!((nested.0, nested.2.as_str()), (1, "一、"), "inside 二、, not a second document");
    assert!(codes(&doc).contains(&"heading.nested_numbering"));
    // The 1st FYP: a sub-list glued after its lead-in (`…注意下列各项：　　（1）…`) is a list of items.
    let Some(doc) = shared("001") else { return };
    assert_eq!(kinds(&doc, 708).last(), Some(&("item", "（1）".to_owned())));
    assert_eq!(kinds(&doc, 714), [("item", "（6）".to_owned())]);
}

#[test]
fn hard_wrapped_text_is_rejoined_by_its_width() {
    // Two PDF extractions whose lines hold 24 to 32 characters but the same width on the page.
    for (name, line, starts) in [("136", 20, "智能船舶融合了现代信息技术"), ("114", 22, "石化行业是我国国民经济")]
    {
        let Some(doc) = shared(name) else { return };
        let paragraph = on_line(&doc, line).into_iter().find(|n| n.1 == "paragraph").expect("a paragraph");
        assert!(paragraph.3.starts_with(starts), "{name}: {}", paragraph.3);
        assert!(paragraph.3.ends_with('。'), "{name}: the paragraph runs to its sentence end: {}", paragraph.3);
        assert!(paragraph.3.chars().count() > 100, "{name}: several lines joined");
    }
}

#[test]
fn a_line_of_indentation_indents_the_line_after_it() {
    // Work reports that put each paragraph's indentation on a line of its own: `一是` and the text under it are one
    // paragraph, not a title and a paragraph (the line break was markup: they join without one).
    for (name, line, text) in [("030", 119, "一是加快基础设施建设。"), ("026", 33, "一是去年出台的调价项目")]
    {
        let Some(doc) = shared(name) else { return };
        let paragraph = &on_line(&doc, line)[0];
        assert_eq!(paragraph.1, "paragraph", "{name}");
        assert!(paragraph.3.starts_with(text), "{name}: {}", paragraph.3);
    }
}

#[test]
fn a_paragraph_broken_at_markup_after_its_indentation_line_is_one() {
    // Work report 1982 (wiki export): `以下规定。` then `一、…。` and its rest on the next line, each block opened by
    // a line of U+3000: five items, each with the sentence after its break.
    let Some(doc) = shared("016") else { return };
    let items: Vec<_> = [167, 171, 175, 179, 183].iter().flat_map(|&l| on_line(&doc, l)).collect();
    assert!(items.iter().all(|n| n.1 == "item"), "{items:?}");
    assert_eq!(items.iter().map(|n| n.2.as_str()).collect::<Vec<_>>(), ["一、", "二、", "三、", "四、", "五、"]);
    assert!(items[0].3.ends_with("统一纳入国家计划。不论哪个地区和部门，如果突破固定资产投资的计划，都必须事前按照隶属关系报请上级批准，否则以违反财经纪律论处。"));
    // Work report 1986: `一、` alone on its line, its text on the next; the list closes and `三、` (line 113) goes on
    // the level of `二、` (line 82); `第一、`–`第十、` after the same layout are items too.
    let Some(doc) = shared("020") else { return };
    let first = on_line(&doc, 92);
    assert_eq!((first[0].1, first[0].2.as_str()), ("item", "一、"));
    assert!(first[0].3.starts_with("继续增加能源、交通"), "{first:?}");
    let (outer, inner) = (on_line(&doc, 82), on_line(&doc, 113));
    assert_eq!((inner[0].1, inner[0].0), ("section", outer[0].0));
    assert_eq!(kinds(&doc, 170), [("section", "三、".to_owned())]);
    assert_eq!(kinds(&doc, 291), [("item", "第十、".to_owned())]);
    // Work report 2000: a bold first sentence and `《会计法》` links broke the lines of one paragraph.
    let Some(doc) = shared("030") else { return };
    let paragraph = on_line(&doc, 160);
    assert_eq!(paragraph.len(), 1);
    assert!(paragraph[0].3.starts_with("严肃财经纪律，严格财经管理。增强预算的透明度"), "{paragraph:?}");
    assert!(paragraph[0].3.contains("切实贯彻《会计法》，提高会计信息质量。"), "{paragraph:?}");
}

/// A member of the scale corpus (`../shared/scale/laws.tar.xz`), unpacked once into the temporary directory.
#[allow(clippy::print_stderr)] // a skipped test says why
fn scale_law(member: &str) -> Option<Document> {
    let archive = root().join("../shared/scale/laws.tar.xz");
    if !archive.is_file() {
        eprintln!("skipped: {} is absent (the shared documents sit beside the repository)", archive.display());
        return None;
    }
    let dir = std::env::temp_dir().join("guihua-it-laws");
    let path = dir.join(member);
    if !path.is_file() {
        std::fs::create_dir_all(&dir).expect("a temporary directory");
        let status =
            std::process::Command::new("tar").arg("-xJf").arg(&archive).arg("-C").arg(&dir).arg(member).status();
        assert!(status.is_ok_and(|s| s.success()), "tar unpacks {member} from {}", archive.display());
    }
    let bytes = std::fs::read(&path).expect("readable");
    let parsed = guihua_parse::parse_bytes(&bytes, &guihua_parse::Options::default()).expect("decodes");
    assert!(guihua_parse::span_errors(&parsed.document, &parsed.text).is_empty(), "{member}: spans");
    Some(parsed.document)
}

#[test]
fn books_of_a_code_stand_above_their_chapters() {
    // 刑法: `## 第一编 总则` and `## 第二编 分则`, each numbering its chapters from 1; articles run through both.
    let Some(doc) = scale_law("laws/刑法/刑法.md") else { return };
    let (first, second) = (on_line(&doc, 37), on_line(&doc, 531));
    assert_eq!((first[0].0, first[0].2.as_str(), first[0].3.as_str()), (0, "第一编", "总则"));
    assert_eq!((second[0].0, second[0].2.as_str(), second[0].3.as_str()), (0, "第二编", "分则"));
    let chapter = on_line(&doc, 533);
    assert_eq!((chapter[0].0, chapter[0].2.as_str()), (1, "第一章"), "the first chapter of the second book");
    assert!(!codes(&doc).contains(&"heading.numbering_restart"), "{:?}", codes(&doc));
    // 民法典 物权编: `## 第一分编  通则` above `### 第一章`, chapters numbered on through the sub-books.
    let Some(doc) = scale_law("laws/民法典/物权编.md") else { return };
    assert_eq!(kinds(&doc, 11), [("section", "第一分编".to_owned())]);
    let (sub, chapter) = (on_line(&doc, 127), on_line(&doc, 129));
    assert_eq!((sub[0].2.as_str(), chapter[0].2.as_str()), ("第二分编", "第四章"));
    assert_eq!(chapter[0].0, sub[0].0 + 1);
}

#[test]
fn articles_and_items_in_a_chapter_set_on_one_line() {
    // The `joined_paragraphs` rule on a regulation whose chapters each stand on one line, articles and items parted by
    // one blank (`…服务。 第二十九条 飞行管制的基本任务是： （一）监督…； （二）禁止…`): the items are the article's.
    let Some(doc) = scale_law("laws/行政法规/飞行基本规则(2007-10-18).md") else { return };
    let line = on_line(&doc, 21);
    let article = line.iter().position(|n| n.2 == "第二十九条").expect("第二十九条 on line 21");
    let items: Vec<&str> = line[article + 1..].iter().filter(|n| n.1 == "item").map(|n| n.2.as_str()).take(4).collect();
    assert_eq!(items, ["（一）", "（二）", "（三）", "（四）"], "{line:?}");
    assert!(line[article + 1..].iter().filter(|n| n.1 == "item").all(|n| n.0 == line[article].0 + 1));
}

#[test]
fn clauses_that_bind_are_items_and_cut_lines_join_them() {
    // The `binding_clause` rule's lone modal `应` (`…的系统应被视为第一部分的物项`): the notes of an export control list
    // are items, not headings.
    let Some(doc) = scale_law("laws/行政法规/导弹及相关物项和技术出口管制条例(2002-08-22).md")
    else {
        return;
    };
    for line in [79, 81, 83] {
        assert_eq!(kinds(&doc, line)[0].0, "item", "line {line}");
    }
    // The `cut_rest` rule: `…标准的１５０％支付` / `劳动者工资；` is one item, joined without a break.
    let Some(doc) = scale_law("laws/行政法规/工资支付暂行规定(1994-12-06).md") else { return };
    let item = on_line(&doc, 51);
    assert_eq!(item[0].1, "item");
    assert!(item[0].3.ends_with("的１５０％支付劳动者工资；"), "{item:?}");
}

#[test]
fn lines_broken_at_the_links_of_book_titles_join() {
    // Work report 2004 (flush left, no indentation lines): `…修订《` / `中华人民共和国传染病防治法` / `》，制定《` / … one
    // paragraph, joined without breaks.
    let Some(doc) = shared("034") else { return };
    let paragraph = on_line(&doc, 37);
    assert_eq!(paragraph.len(), 1, "{paragraph:?}");
    assert!(
        paragraph[0].3.contains("《中华人民共和国传染病防治法》，制定《突发公共卫生事件应急条例》，将非典"),
        "{paragraph:?}"
    );
    // Work report 1987: a line that opens with `》，` goes on the paragraph before it.
    let Some(doc) = shared("021") else { return };
    let paragraph = on_line(&doc, 203);
    assert!(paragraph[0].3.contains("》，使我国的民族区域自治制度日臻完善"), "{paragraph:?}");
}

#[test]
fn titles_that_stand_alone_without_numbers() {
    // Work reports exported from a wiki: `过去五年的回顾`, `今后五年的主要任务` and `结束语` stand flush left between
    // blank lines in indented text; the numbered headings after them nest under them, and the closing words no longer
    // fall into the last numbered section.
    let Some(doc) = shared("017") else { return };
    for (line, title) in [(9, "过去五年的回顾"), (44, "今后五年的主要任务"), (221, "结束语")] {
        let node = on_line(&doc, line);
        assert_eq!((node[0].0, node[0].1, node[0].2.as_str(), node[0].3.as_str()), (0, "section", "", title));
    }
    assert_eq!(on_line(&doc, 53)[0].0, 1, "（一） under 今后五年的主要任务");
    for name in ["023", "025"] {
        let Some(doc) = shared(name) else { return };
        let closing = doc.outline.iter().rev().find_map(|n| match n {
            Node::Section(s) => Some(s.title.as_str()),
            _ => None,
        });
        assert_eq!(closing, Some("结束语"), "{name}: the closing words are a top-level section");
    }
}

#[test]
fn chapter_headings_whose_numbers_the_source_lost() {
    // Shandong's planning regulation (Markdown export): `建设项目选址规划` stands alone between 第三十六条 and 第三十七条,
    // and the divisions of 第三章 skip from 第一节 to 第三节: it is 第二节, and the articles after it go under it.
    let Some(doc) = shared("241") else { return };
    let node = on_line(&doc, 207);
    assert_eq!((node[0].1, node[0].2.as_str(), node[0].3.as_str()), ("section", "第二节", "建设项目选址规划"));
    assert_eq!(on_line(&doc, 209)[0].0, node[0].0 + 1, "第三十七条 under it");
    assert_eq!(on_line(&doc, 167)[0].0, node[0].0, "beside 第一节");
    assert!(codes(&doc).contains(&"heading.lost_number"));
    // Shandong's digital workshop measures: 第一条–第四条 stand before 第二章 with no heading of their own: they are
    // 第一章, untitled, with a warning.
    let Some(doc) = shared("202") else { return };
    let first = on_line(&doc, 1);
    assert_eq!((first[0].0, first[0].2.as_str(), first[0].3.as_str()), (0, "第一章", ""));
    assert_eq!((first[1].0, first[1].2.as_str()), (1, "第一条"));
    assert_eq!(kinds(&doc, 5)[0], ("section", "第二章".to_owned()));
    assert_eq!(on_line(&doc, 6)[0].0, 1, "第五条 stands under 第二章");
    assert!(codes(&doc).contains(&"heading.lost_first"));
}

#[test]
fn chapter_headings_lost_in_the_laws_of_the_scale_corpus() {
    // Shenzhen's green building regulation: `规划和建设` and `运行和改造` stand alone between articles, and 第一章 is
    // followed by 第四章: they are 第二章 and 第三章.
    let Some(doc) = scale_law("laws/DLC/广东地方法规/地方性法规/广东/深圳经济特区绿色建筑条例(2022-03-28).md")
    else {
        return;
    };
    assert_eq!(on_line(&doc, 54)[0].2, "第二章");
    assert_eq!(on_line(&doc, 88)[0].2, "第三章");
    assert_eq!((on_line(&doc, 88)[0].0, on_line(&doc, 90)[0].0), (0, 1), "第十八条 under 第三章");
    // Henan's surveying regulation: no 第一章 line at all, `基础测绘` without its number, then `## 第三章`.
    let Some(doc) = scale_law("laws/DLC/河南地方法规/地方性法规/河南/河南省测绘管理条例(2004-11-26).md")
    else {
        return;
    };
    let first = on_line(&doc, 11);
    assert_eq!((first[0].0, first[0].2.as_str(), first[0].3.as_str()), (0, "第一章", ""));
    assert_eq!((on_line(&doc, 27)[0].2.as_str(), on_line(&doc, 27)[0].3.as_str()), ("第二章", "基础测绘"));
}

#[test]
fn list_items_whose_numbers_the_source_lost() {
    // Weifang's coastal regulation: the first five of seven protected areas lost `（一）`–`（五）`; `（六）` and `（七）`
    // after them count them.
    let Some(doc) = scale_law("laws/DLC/山东地方法规/地方性法规/山东/潍坊市海岸带保护条例(2019-12-04).md")
    else {
        return;
    };
    let first = on_line(&doc, 87);
    assert_eq!(
        (first[0].1, first[0].2.as_str(), first[0].3.as_str()),
        ("item", "（一）", "自然保护区和海洋特别保护区；")
    );
    assert_eq!(kinds(&doc, 95), [("item", "（五）".to_owned())]);
    assert_eq!(kinds(&doc, 97), [("item", "（六）".to_owned())]);
    // 第十八条 likewise: two lost before `（三）`.
    assert_eq!(kinds(&doc, 103), [("item", "（一）".to_owned())]);
    assert_eq!(codes(&doc).iter().filter(|c| **c == "item.lost_number").count(), 7);
    // Binzhou's parking regulation: `（三）` and `（四）` lost inside the list; Zhejiang's e-commerce one: `（二）`.
    for (member, line, number) in [
        ("laws/DLC/山东地方法规/地方性法规/山东/滨州市停车场管理条例(2021-08-05).md", 79, "（四）"),
        ("laws/DLC/浙江地方法规/地方性法规/浙江/浙江省电子商务条例(2021-09-30).md", 89, "（二）"),
    ] {
        let Some(doc) = scale_law(member) else { return };
        assert_eq!(kinds(&doc, line), [("item", number.to_owned())], "{member}");
        assert!(
            !doc.walk().iter().any(|(_, n)| matches!(n, Node::Section(s) if s.number.starts_with('（'))),
            "{member}"
        );
    }
}

#[test]
fn blanks_between_a_numeral_and_its_unit_are_the_extraction_s() {
    // The 1st FYP (sentence per line): `第三  节国营商业和合作社营商业的经营管理`, cited as `第三节`.
    let Some(doc) = shared("001") else { return };
    let node = on_line(&doc, 950);
    assert_eq!((node[0].2.as_str(), node[0].3.as_str()), ("第三节", "国营商业和合作社营商业的经营管理"));
    // Qingdao's maritime traffic regulation: `第七十五 条体育运动…`, an article between 第七十四条 and 第七十六条.
    let Some(doc) = scale_law("laws/DLC/山东地方法规/地方性法规/山东/青岛市海上交通安全条例(2014-09-26).md")
    else {
        return;
    };
    assert_eq!(kinds(&doc, 337)[0], ("section", "第七十五条".to_owned()));
}

#[test]
fn a_government_order_names_the_body_that_orders_and_its_date() {
    // Rules promulgated by order (pkulaw exports): `上海市人民政府令` `（第19号）` … `市长　应勇` `2019年8月12日`.
    for (name, issuer, issued) in [("219", "上海市人民政府", "2019-08-12"), ("220", "中山市人民政府", "2020-05-15")]
    {
        let Some(doc) = shared(name) else { return };
        assert_eq!(doc.meta.issuer.as_deref(), Some(issuer), "{name}: the ordering body, not the signer");
        assert_eq!(doc.meta.issued.as_deref(), Some(issued), "{name}");
        assert!(
            matches!(&doc.outline[0], Node::Notice(n) if n.lines.iter().any(|l| l.ends_with("人民政府令"))),
            "{name}"
        );
    }
}

#[test]
fn a_law_s_first_record_line_gives_its_date_and_body() {
    for (name, issuer, issued) in [
        ("250", "全国人民代表大会常务委员会", "2021-04-29"),
        ("256", "国家市场监督管理总局", "2022-03-01"),
        ("222", "政务院", "1951-02-26"),
        ("241", "山东省人民代表大会常务委员会", "2012-08-01"),
    ] {
        let Some(doc) = shared(name) else { return };
        assert_eq!((doc.meta.issuer.as_deref(), doc.meta.issued.as_deref()), (Some(issuer), Some(issued)), "{name}");
    }
}

#[test]
fn a_one_that_ocr_read_as_a_letter_opens_its_list() {
    // The 1st FYP: `造纸工业应当注意：　　（I）积极地进行…` then `（2）` `（3）`: the list's first item, cited as `（1）`.
    let Some(doc) = shared("001") else { return };
    assert_eq!(kinds(&doc, 502).last(), Some(&("item", "（1）".to_owned())));
    assert_eq!(kinds(&doc, 503), [("item", "（2）".to_owned())]);
    assert!(codes(&doc).contains(&"item.ocr_number"));
}

#[test]
fn titles_that_stand_alone_in_flush_left_reports() {
    // Flush-left work reports: an unnumbered title of up to 16 characters before the numbered headings
    // (`全面实现六五计划的主要措施`), and `结束语` after them, are top-level sections; the speech's salutation is no title.
    let Some(doc) = shared("016") else { return };
    let node = on_line(&doc, 146);
    assert_eq!((node[0].0, node[0].1, node[0].3.as_str()), (0, "section", "全面实现六五计划的主要措施"));
    for (name, line) in [("024", 262), ("026", 234), ("027", 246), ("028", 272), ("030", 331)] {
        let Some(doc) = shared(name) else { return };
        let node = on_line(&doc, line);
        assert_eq!((node[0].0, node[0].1, node[0].3.as_str()), (0, "section", "结束语"), "{name}");
    }
    for name in ["012", "051"] {
        let Some(doc) = shared(name) else { return };
        assert_eq!(doc.meta.title, None, "{name}: `各位代表！` or `同志们！` opens the speech");
    }
    // `各位代表：` with a zero-width joiner a web page left after it (a blank, like U+200B) is a salutation too.
    let Some(doc) = shared("044") else { return };
    assert_eq!(doc.meta.title, None, "044");
    assert_eq!(kinds(&doc, 1), [("paragraph", String::new())], "044");
}

#[test]
fn decimal_numbers_nest_under_the_sections_they_number() {
    // The AI security governance framework numbers `3.` > `3.1` > `3.1.1`: each decimal level nests under the section
    // its first parts number.
    let Some(doc) = shared("175") else { return };
    assert_eq!(on_line(&doc, 14)[0].2, "3.");
    assert_eq!(kinds(&doc, 16), [("section", "3.1".to_owned())]);
    assert_eq!(on_line(&doc, 16)[0].0, 1);
    assert_eq!((on_line(&doc, 17)[0].0, on_line(&doc, 17)[0].2.as_str()), (2, "3.1.1"));
    assert_eq!((on_line(&doc, 43)[0].0, on_line(&doc, 43)[0].2.as_str()), (2, "3.2.3"));
    let decimals = doc
        .walk()
        .into_iter()
        .filter(|(_, n)| matches!(n, Node::Section(s) if s.number.contains('.') && s.number.len() > 2))
        .count();
    assert!(decimals >= 40, "{decimals} decimal sections");
}

#[test]
fn numbers_right_under_an_article_are_its_items() {
    // A provision's article with `（一）`…`（四）` after a lead-in that ends with `：` but members that read like titles:
    // items of the article, not sections.
    let Some(doc) = shared("166") else { return };
    for line in [76, 78, 80, 82] {
        assert_eq!(kinds(&doc, line)[0].0, "item", "line {line}");
    }
}

#[test]
fn a_letter_spaced_preface_is_a_section_that_the_first_number_closes() {
    // The `framing_title` rule on standards guidelines extracted from PDF: `前 言` alone on its line after the contents,
    // then hard-wrapped text, then `一、总体要求`, which is its sibling, not its child.
    for (name, preface, first) in [("114", 21, 35), ("129", 23, 39), ("136", 19, 36)] {
        let Some(doc) = shared(name) else { return };
        let title = on_line(&doc, preface);
        let heading = on_line(&doc, first);
        assert_eq!((title[0].1, title[0].3.as_str()), ("section", "前 言"), "{name}");
        assert_eq!((heading[0].1, heading[0].2.as_str()), ("section", "一、"), "{name}");
        assert_eq!(title[0].0, heading[0].0, "{name}: 一、 stands beside 前言");
    }
}

#[test]
fn a_subscript_on_a_line_of_its_own_stays_in_its_paragraph() {
    // The `broken_link` rule on wiki exports of work reports: `细颗粒物（PM` / `2.5` / `）浓度…` is one paragraph.
    for name in ["045", "046"] {
        let Some(doc) = shared(name) else { return };
        let texts: Vec<&str> = doc
            .walk()
            .into_iter()
            .filter_map(|(_, n)| if let Node::Paragraph(p) = n { Some(p.text.as_str()) } else { None })
            .collect();
        assert!(!texts.iter().any(|t| t.starts_with("2.5）")), "{name}: a paragraph opens with the subscript");
        assert!(texts.iter().filter(|t| t.contains("（PM2.5）")).count() >= 2, "{name}");
    }
}

#[test]
fn points_on_lines_of_their_own_title_their_text() {
    // The `standalone_point` rule on work reports that set each point (`一是推进农业结构调整。`) as a line of its own
    // above its text: each is a section right under the heading of its passage.
    for (name, first, parent) in [("033", 133, 128), ("045", 72, 25), ("041", 140, 98)] {
        let Some(doc) = shared(name) else { return };
        let point = on_line(&doc, first);
        assert_eq!((point[0].1, point[0].2.as_str()), ("section", "一是"), "{name}");
        let above =
            doc.walk().into_iter().take_while(|(_, node)| node.span().line < first).fold(None, |last, n| match n {
                (depth, Node::Section(s)) if depth + 1 == point[0].0 => Some(s.heading_span.line),
                _ => last,
            });
        assert_eq!(above, Some(parent), "{name}");
    }
}

#[test]
fn points_run_in_with_their_passages_are_sections_of_one_paragraph() {
    // The `run_in_point` rule on a work report's review (`一是因时因势加强和创新宏观调控，推动经济回升向好。…`) and an
    // action plan's actions (`一是培育创新主体。…`): each point a section holding its own paragraph.
    for (name, first, count) in [("048", 20u32, 7usize), ("096", 21, 5), ("035", 154, 5)] {
        let Some(doc) = shared(name) else { return };
        let points: Vec<&Section> = doc
            .walk()
            .into_iter()
            .filter_map(|(_, n)| match n {
                Node::Section(s) if s.number.ends_with('是') && s.heading_span.line >= first => Some(s),
                _ => None,
            })
            .take_while(|s| s.heading_span.line < first + 2 * count as u32)
            .collect();
        assert_eq!(points.len(), count, "{name}");
        assert!(points.iter().all(|s| s.children.len() == 1), "{name}: a point holds its own paragraph only");
        assert_eq!(points[0].number, "一是", "{name}");
    }
}

#[test]
fn numbered_passages_with_run_in_titles_are_sections() {
    // The `titled_passage` rule: `第一，坚持解放思想、实事求是的思想路线。` and its passage (work reports), `1.积极推进“智慧城市”
    // 试点，…。` and its passage (provincial opinions): sections, not list items.
    for (name, line, number) in [("028", 55, "第一，"), ("038", 113, "第一，"), ("163", 44, "（一）"), ("179", 9, "1.")]
    {
        let Some(doc) = shared(name) else { return };
        assert_eq!(kinds(&doc, line)[0], ("section", number.to_owned()), "{name}");
    }
}

#[test]
fn a_cover_title_set_over_two_lines_is_one_title() {
    // The `title_wrapped` rule on a work report's cover (`政府工作报` / `告`), a guideline's (`…标准体系` / `建设指南`)
    // and a regulation's (`…应用软件预置` / `和分发管理暂行规定`).
    for (name, title) in [
        ("045", "政府工作报告"),
        ("114", "石化行业智能制造标准体系建设指南"),
        ("166", "移动智能终端应用软件预置和分发管理暂行规定"),
        ("200", "青岛市支持省级数字经济园区建设等奖补政策实施细则"),
    ] {
        let Some(doc) = shared(name) else { return };
        assert_eq!(doc.meta.title.as_deref(), Some(title), "{name}");
    }
}

#[test]
fn numbers_named_by_a_word_are_headings() {
    // The `named_number` rule on a list of application scenarios (`应用一：形式审查` to `应用十五：风险管理`, numbered on
    // across the four `一、` classes).
    let Some(doc) = shared("097") else { return };
    let named: Vec<(u32, String)> = doc
        .walk()
        .into_iter()
        .filter_map(|(depth, n)| match n {
            Node::Section(s) if s.number.starts_with("应用") => Some((depth as u32, s.number.clone())),
            _ => None,
        })
        .collect();
    assert_eq!(named.len(), 15);
    assert!(named.iter().all(|(depth, _)| *depth == 1));
    assert_eq!((named[3].1.as_str(), named[14].1.as_str()), ("应用四：", "应用十五："));
    assert_eq!(kinds(&doc, 11)[0], ("section", "应用四：".to_owned()));
}

#[test]
fn the_parts_of_a_standard_are_no_parts_of_the_document() {
    // The `standard_part` rule: `第1部分：系统要求国家标准已发布…` in a table of standards names a part of a standard.
    let Some(doc) = shared("114") else { return };
    assert!(kinds(&doc, 868).is_empty(), "{:?}", kinds(&doc, 868));
    assert!(!doc.walk().into_iter().any(|(_, n)| matches!(n, Node::Section(s) if s.number.starts_with("第1部分"))));
}

#[test]
fn tables_flattened_one_cell_per_line_are_told() {
    // The `flattened_table` rule on the application forms of a pilot notice (`序号` / `项目名称` / `牵头单位名称` / …).
    let Some(doc) = shared("125") else { return };
    let lines: Vec<u32> = doc
        .diagnostics
        .iter()
        .filter(|d| d.code == "layout.flattened_table")
        .filter_map(|d| d.span.map(|s| s.line))
        .collect();
    assert_eq!(lines, [895, 1907]);
}

#[test]
fn a_paragraph_cut_at_a_blank_line_mid_word_goes_on() {
    // The `blank_link` rule on a double-spaced wiki export: `…对科学事业也表现了很` / blank / `大的积极性。`.
    let Some(doc) = shared("009") else { return };
    let paragraph = on_line(&doc, 139).into_iter().find(|(_, kind, _, _)| *kind == "paragraph");
    assert!(paragraph.is_some_and(|(_, _, _, text)| text.ends_with("也表现了很大的积极性。")));
}

#[test]
fn a_notice_printed_again_further_down_is_a_document_of_its_own() {
    // The `issued_head` rule on a pilot notice printed twice: the second copy's title, document number
    // (`（市监标技发〔2022〕34号）`) and addressee begin a document of their own, not text of the last attachment.
    let Some(doc) = shared("125") else { return };
    let parts: Vec<_> = doc
        .outline
        .iter()
        .filter_map(
            |n| if let Node::Part(p) = n { Some((p.span.line, p.title.clone().unwrap_or_default())) } else { None },
        )
        .collect();
    let (line, title) = &parts[5];
    assert_eq!(*line, 1011);
    assert_eq!(title, "市场监管总局办公厅、工业和信息化部办公厅关于开展2022年度智能制造标准应用试点工作的通知");
    assert_eq!(kinds(&doc, 1015), [("section", "一、".to_owned())]);
    assert_eq!(on_line(&doc, 1015)[0].0, 1, "一、 opens under the new part");
}

#[test]
fn points_with_a_passage_of_one_sentence_run_in_among_the_others() {
    // The loose form of `run_in_point`: `三是加强农业基础设施和农村民生工程建设。` with one sentence after it, among points
    // with passages of their own, is one of the run.
    for (name, first, last) in [("039", 188, 196), ("040", 293, 301)] {
        let Some(doc) = shared(name) else { return };
        for line in (first..=last).step_by(2) {
            let found = kinds(&doc, line);
            assert!(matches!(found.first(), Some(("section", n)) if n.ends_with('是')), "{name}:{line}: {found:?}");
        }
    }
}

#[test]
fn an_item_of_an_article_leading_in_a_numbered_list_keeps_the_articles_items_together() {
    // The `article_sublist` rule: `(四)…下列各项信息…：` `1.车辆控制模式；` … `(五)…` under one article are items
    // all, the inner ones under `(四)`, and the article's items no sections.
    for (name, first, inner, after) in [("161", 41, 48, 65), ("235", 261, 263, 273)] {
        let Some(doc) = shared(name) else { return };
        for line in [first, inner, after] {
            assert!(matches!(kinds(&doc, line).as_slice(), [("item", _)]), "{name}:{line}: {:?}", kinds(&doc, line));
        }
    }
}

#[test]
fn lead_sentences_alone_over_their_paragraphs_are_sections() {
    // The `lead_sentence` rule on two central work reports: `深化国有资产管理体制和国有企业改革。` and
    // `——必须坚持树立和落实科学发展观。`, each alone over its paragraph, one after the other.
    for (name, lines) in [("034", [227, 230, 233]), ("035", [86, 90, 94])] {
        let Some(doc) = shared(name) else { return };
        for line in lines {
            assert!(
                matches!(kinds(&doc, line).as_slice(), [("section", n)] if n.is_empty()),
                "{name}:{line}: {:?}",
                kinds(&doc, line)
            );
        }
    }
}
