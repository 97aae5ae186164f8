//! 专栏/专项 panels drawn as one-column boxes, and the projects listed in 专栏.

use guihua_model::{PanelKind, Piece};
use regex::Regex;
use std::sync::LazyLock;

use crate::grid::{BoxRows, RowKind};
use crate::text::is_blank;

/// A panel's parts before ids and spans are assigned.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct PanelParts {
    pub kind: PanelKind,
    pub number: Option<u32>,
    pub title: String,
    pub paragraphs: Vec<Paragraph>,
    /// The projects each paragraph of a 专栏 lists (see [`split_projects`]), read with the panel, so that a panel
    /// read ahead on another thread (`boxes_ahead`) brings them along; empty for other kinds.
    pub projects: Vec<Vec<ProjectItem>>,
}

/// A paragraph rebuilt from a panel's wrapped visual lines.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct Paragraph {
    pub text: String,
    pub pieces: Vec<Piece>,
}

impl Paragraph {
    fn push(&mut self, text: &str, start: usize) {
        if !text.is_empty() {
            self.text.push_str(text);
            self.pieces.push(Piece { start, end: start + text.len() });
        }
    }
}

/// The source byte ranges of text ranges `from..to` of a text joined from `pieces` (byte offsets into that text), for
/// many ranges at once. The text itself is not needed: the pieces' lengths say where each begins in it.
pub(crate) fn source_ranges(pieces: &[Piece], ranges: &[(usize, usize)]) -> Vec<(usize, usize)> {
    // `starts[i]` is where piece i begins in the text; binary searches keep long lists of projects linear.
    let mut starts = Vec::with_capacity(pieces.len());
    let mut seen = 0;
    for piece in pieces {
        starts.push(seen);
        seen += piece.end - piece.start;
    }
    let offset = |at: usize, is_end: bool| {
        let i = if is_end { starts.partition_point(|&s| s < at) } else { starts.partition_point(|&s| s <= at) };
        match i.checked_sub(1).and_then(|i| pieces.get(i).map(|p| (i, p))) {
            Some((i, piece)) if at - starts[i] <= piece.end - piece.start => piece.start + (at - starts[i]),
            _ => pieces.last().map_or(0, |p| p.end),
        }
    };
    ranges.iter().map(|&(from, to)| (offset(from, false), offset(to, true))).collect()
}

static PANEL_TITLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(专栏|专项)\s*([0-9０-９]+|[一二三四五六七八九十]+)?\s*[：:．.、]?\s*(.*)$")
        .expect("the panel title pattern is valid")
});

/// Splits a panel's first line into kind, number and title: `专栏1先进装备制造重点项目`, `专项8“互联网＋”协同制造专项`,
/// `专栏 1：标题`. Any other first line makes a plain box whose title is the line.
pub(crate) fn parse_title(line: &str) -> (PanelKind, Option<u32>, String) {
    match PANEL_TITLE.captures(line) {
        Some(caps) => {
            let kind = if &caps[1] == "专栏" { PanelKind::Feature } else { PanelKind::Programme };
            let number = caps.get(2).and_then(|m| crate::numbers::parse_number(m.as_str()));
            (kind, number, caps[3].trim_matches(is_blank).to_owned())
        }
        None => (PanelKind::Box, None, line.to_owned()),
    }
}

/// Reads a one-column box as a panel.
///
/// The content rows before the first rule are the title. After it, a paragraph ends at a visual line whose text ends
/// with `。` and that is padded with at least one U+3000; every other line (a full line, even one ending with `。`,
/// or a padded line not ending with `。`) continues the paragraph, joined without a separator, because box text is
/// wrapped at a fixed width regardless of words and numbers. A rule row also ends a paragraph.
pub(crate) fn read_panel(b: &BoxRows<'_>) -> PanelParts {
    let mut title = Paragraph::default();
    let mut in_title = true;
    let mut paragraphs = Vec::new();
    let mut current = Paragraph::default();
    for row in &b.rows {
        match row.kind {
            RowKind::Top | RowKind::Bottom => {}
            RowKind::Rule => {
                if in_title && !title.text.is_empty() {
                    in_title = false;
                } else if !current.text.is_empty() {
                    paragraphs.push(std::mem::take(&mut current));
                }
            }
            RowKind::Content => {
                let (inner, inner_start) = inner(row.text, row.start);
                let text = inner.trim_matches(is_blank);
                let start = inner_start + (inner.len() - inner.trim_start_matches(is_blank).len());
                if in_title {
                    title.push(text, start);
                    continue;
                }
                current.push(text, start);
                let padding = &inner[inner.trim_end_matches(is_blank).len()..];
                if text.ends_with('。') && padding.contains('\u{3000}') {
                    paragraphs.push(std::mem::take(&mut current));
                }
            }
        }
    }
    if !current.text.is_empty() {
        paragraphs.push(current);
    }
    let (kind, number, title_text) = parse_title(&title.text);
    let projects = match kind {
        PanelKind::Feature => paragraphs.iter().map(|p| split_projects(&p.text)).collect(),
        _ => Vec::new(),
    };
    PanelParts { kind, number, title: title_text, paragraphs, projects }
}

/// The text between a content row's first and last characters (its side borders), with its offset.
fn inner(text: &str, start: usize) -> (&str, usize) {
    let mut chars = text.char_indices();
    let from = chars.next().map_or(0, |(_, c)| c.len_utf8());
    let to = match text.char_indices().next_back() {
        Some((i, c)) if crate::grid::is_box_char(c) && i >= from => i,
        _ => text.len(),
    };
    (&text[from..to], start + from)
}

/// A project found in a 专栏 list: its name as a byte range of the paragraph text, and the list's category.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ProjectItem {
    pub name: String,
    pub from: usize,
    pub to: usize,
    pub category: Option<String>,
}

static LIST_END: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"等((?:[^、，。等]*项目)?)。$").expect("the list end pattern is valid"));

/// Splits a 专栏 paragraph that lists projects into the projects.
///
/// A list is items separated by `、` (or a stray `，`) and closed by `等<类别>项目。` or `等。`; the category is the
/// text between `等` and `项目`, with the `项目` of a compound (`等核电项目和输变电项目。` → `核电和输变电`) dropped.
/// Separators inside brackets (`中国（衡水）…`) do not split. A paragraph that does not end that way, has a single
/// item, or holds a sentence before its list, is no list and yields nothing.
pub(crate) fn split_projects(text: &str) -> Vec<ProjectItem> {
    let Some(caps) = LIST_END.captures(text) else {
        return Vec::new();
    };
    let tail = caps.get(0).expect("group 0 always matches");
    let raw_category = &caps[1];
    let category = if raw_category.is_empty() {
        None
    } else {
        let stem = raw_category.strip_suffix("项目").unwrap_or(raw_category);
        Some(stem.replace("项目", ""))
    };
    let body = &text[..tail.start()];
    if body.contains(['。', '；', '：']) {
        return Vec::new(); // prose that ends in a list (`1.大数据智能理论。研究…、…等。`), not a list of projects
    }
    let mut items = Vec::new();
    let mut depth = 0i32;
    let mut item_start = 0;
    for (i, c) in body.char_indices() {
        match c {
            '（' | '(' | '《' | '“' | '「' | '【' | '[' => depth += 1,
            '）' | ')' | '》' | '”' | '」' | '】' | ']' => depth -= 1,
            '、' | '，' | '；' if depth <= 0 => {
                push_item(&mut items, body, item_start, i);
                item_start = i + c.len_utf8();
            }
            _ => {}
        }
    }
    push_item(&mut items, body, item_start, body.len());
    if items.len() < 2 {
        return Vec::new();
    }
    for item in &mut items {
        item.category.clone_from(&category);
    }
    items
}

fn push_item(items: &mut Vec<ProjectItem>, body: &str, from: usize, to: usize) {
    let raw = &body[from..to];
    let name = raw.trim_matches(is_blank);
    if !name.chars().any(char::is_alphanumeric) {
        return; // punctuation or drawing left between separators is no name
    }
    let from = from + (raw.len() - raw.trim_start_matches(is_blank).len());
    items.push(ProjectItem { name: name.to_owned(), from, to: from + name.len(), category: None });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<(String, Option<String>)> {
        split_projects(text).into_iter().map(|p| (p.name, p.category)).collect()
    }

    #[test]
    fn a_list_splits_on_enumeration_commas_and_names_its_category() {
        assert_eq!(
            names("中车唐山公司高速动车组数字化制造平台、中车石家庄城轨车辆等先进轨道交通装备项目。"),
            [
                ("中车唐山公司高速动车组数字化制造平台".into(), Some("先进轨道交通装备".into())),
                ("中车石家庄城轨车辆".into(), Some("先进轨道交通装备".into())),
            ]
        );
    }

    #[test]
    fn brackets_protect_their_commas_and_a_stray_comma_splits() {
        let got = names("中国（衡水、冀州）交通装备制造基地，国家电网风光储二期、风帆股份储能蓄能等。");
        let got: Vec<_> = got.into_iter().map(|(n, c)| (n, c.is_none())).collect();
        assert_eq!(
            got,
            [
                ("中国（衡水、冀州）交通装备制造基地".into(), true),
                ("国家电网风光储二期".into(), true),
                ("风帆股份储能蓄能".into(), true)
            ]
        );
    }

    #[test]
    fn a_compound_category_drops_its_inner_xiangmu() {
        let got = names("海兴核电、保定天威大型变压器等核电项目和输变电项目。");
        assert_eq!(got[1], ("保定天威大型变压器".into(), Some("核电和输变电".into())));
    }

    #[test]
    fn prose_is_not_a_list() {
        assert!(names("到2020年，培育省级试点示范项目100个。").is_empty());
        assert!(names("加快推进“固废资源利用与生态发展创新中心”等部省合作项目建设。").is_empty());
        assert!(names("1.大数据智能理论。研究数据驱动的新方法、认知计算理论等。").is_empty());
    }

    #[test]
    fn titles_split_into_kind_number_and_text() {
        assert_eq!(
            parse_title("专栏1先进装备制造重点项目"),
            (PanelKind::Feature, Some(1), "先进装备制造重点项目".into())
        );
        assert_eq!(
            parse_title("专项8“互联网＋”协同制造专项"),
            (PanelKind::Programme, Some(8), "“互联网＋”协同制造专项".into())
        );
        assert_eq!(parse_title("专栏 12：工业互联网"), (PanelKind::Feature, Some(12), "工业互联网".into()));
        assert_eq!(parse_title("重点任务"), (PanelKind::Box, None, "重点任务".into()));
    }
}
