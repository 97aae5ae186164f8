//! `/compare`: two plans side by side (the structural diff, or with `view=sections` the topic alignment), or the
//! indicator (or project) matrix of several.

use std::sync::Arc;

use axum::extract::{RawQuery, State};
use axum::response::Html;
use guihua_diff::MatrixItems;
use guihua_model::{ChangeKind, EditOp, IndicatorState, PlanDiff, SectionEnd, SectionRef};
use maud::{Markup, html};

use crate::doc::{json_name, value_text};
use crate::pages::{href, layout, url_segment};
use crate::params::Params;
use crate::{App, PageError};

/// The most plans one matrix compares.
const MAX_PLANS: usize = 50;

pub(crate) async fn compare(State(app): State<Arc<App>>, RawQuery(raw): RawQuery) -> Result<Html<String>, PageError> {
    let params = Params::parse(raw.as_deref());
    let docs = params.all("doc");
    let (old, new) = (params.get("old"), params.get("new"));
    if docs.len() > MAX_PLANS {
        return Err(PageError::BadRequest(format!("a matrix compares at most {MAX_PLANS} plans, not {}", docs.len())));
    }
    match (old, new) {
        (Some(old), Some(new)) => {
            let view = params.choice("view", &["diff", "sections"])?;
            if view == "sections" { sections(&app, old, new) } else { diff(&app, old, new) }
        }
        _ if docs.len() >= 2 => {
            let items = match params.choice("items", &["indicators", "projects"])? {
                "projects" => MatrixItems::Projects,
                _ => MatrixItems::Indicators,
            };
            matrix(&app, &docs, items)
        }
        _ => {
            if let Some(id) = old.or(new) {
                app.info(id)?;
            }
            Ok(layout("比较 Compare", "", "compare", form(&app, old, new)))
        }
    }
}

/// The forms that pick two plans, or several for a matrix.
fn form(app: &App, old: Option<&str>, new: Option<&str>) -> Markup {
    let options = |selected: Option<&str>| {
        html! {
            @for info in app.documents() {
                option value=(info.doc_id) selected[selected == Some(info.doc_id.as_str())] {
                    (info.title) @if let Some(y) = info.year { " (" (y) ")" }
                }
            }
        }
    };
    html! {
        h1 { "比较 Compare plans" }
        section {
            h2 { "两份文件 Two plans" }
            form.compare-form action="/compare" method="get" {
                label { "旧 Old " select name="old" { (options(old)) } }
                label { " 新 New " select name="new" { (options(new)) } }
                label { " 视图 View "
                    select name="view" {
                        option value="diff" { "结构差异 structural diff" }
                        option value="sections" { "主题对齐 topic alignment" }
                    }
                }
                " " button type="submit" { "比较 Compare" }
            }
        }
        section {
            h2 { "多份文件的指标矩阵 Indicator matrix of several plans" }
            form.compare-form action="/compare" method="get" {
                label { "文件 Plans (选择两份以上 choose two or more) "
                    select name="doc" multiple size="8" { (options(None)) }
                }
                label { " 行 Rows "
                    select name="items" {
                        option value="indicators" { "指标 indicators" }
                        option value="projects" { "项目 projects" }
                    }
                }
                " " button type="submit" { "比较 Compare" }
            }
        }
    }
}

fn doc_link(doc_id: &str, node: &str) -> String {
    format!("/doc/{}#{}", url_segment(doc_id), url_segment(node))
}

fn change_label(change: ChangeKind) -> &'static str {
    match change {
        ChangeKind::Added => "新增 added",
        ChangeKind::Removed => "删除 removed",
        ChangeKind::Renamed => "改名 renamed",
        ChangeKind::Moved => "移动 moved",
        ChangeKind::TextChanged => "文字 text changed",
        ChangeKind::Changed => "变化 changed",
        _ => "changed",
    }
}

/// The structural diff of two plans, side by side.
fn diff(app: &App, old_id: &str, new_id: &str) -> Result<Html<String>, PageError> {
    let (old_info, new_info) = (app.info(old_id)?, app.info(new_id)?);
    let (old, new) = (app.parsed(old_id)?, app.parsed(new_id)?);
    let d: PlanDiff = guihua_diff::diff(&old.document, &new.document);
    let s = d.summary;
    let section_cell = |doc_id: &str, side: &Option<SectionRef>| {
        html! {
            @if let Some(r) = side {
                a href=(doc_link(doc_id, &r.id)) { (r.number) " " (r.title) }
                @if !r.path.is_empty() { br; span.path { (r.path.join(" › ")) } }
            } @else { span.none { "—" } }
        }
    };
    let indicator_cell = |doc_id: &str, side: &Option<IndicatorState>| {
        html! {
            @if let Some(i) = side {
                a href=(doc_link(doc_id, &i.id)) { (value_text(&i.baseline)) " → " (value_text(&i.target)) }
                @if let Some(unit) = &i.unit { " " (unit) }
                " " span.bound { (json_name(&i.target.bound)) }
            } @else { span.none { "—" } }
        }
    };
    let body = html! {
        h1 { "比较 Compare" }
        p.pair {
            "旧 Old: " a href=(doc_link(old_id, "")) { (old_info.title) } " · 新 New: " a href=(doc_link(new_id, "")) { (new_info.title) }
            " · " a href=(href("/compare", &[("old", old_id), ("new", new_id), ("view", "sections")])) { "主题对齐 Topic alignment" }
            " · " a href=(href("/compare", &[("old", new_id), ("new", old_id)])) { "交换 Swap" }
        }
        @if d.is_empty() { p.summary role="status" { "两份文件内容相同 The two plans have the same content." } }
        table.summary-table {
            caption { "变化数 Changes" }
            thead { tr { th scope="col" { "类 Kind" } th scope="col" { "新增 added" } th scope="col" { "删除 removed" } th scope="col" { "改名 renamed" } th scope="col" { "移动 moved" } th scope="col" { "改动 changed" } } }
            tbody {
                tr { th scope="row" { "章节 Sections" } td { (s.sections_added) } td { (s.sections_removed) } td { (s.sections_renamed) } td { (s.sections_moved) } td { (s.sections_text_changed) } }
                tr { th scope="row" { "指标 Indicators" } td { (s.indicators_added) } td { (s.indicators_removed) } td { "" } td { "" } td { (s.indicators_changed) } }
                tr { th scope="row" { "项目 Projects" } td { (s.projects_added) } td { (s.projects_removed) } td { (s.projects_renamed) } td { (s.projects_moved) } td { "" } }
                tr { th scope="row" { "句子 Sentences" } td { "" } td { "" } td { "" } td { "" } td { (s.sentences_changed) } }
            }
        }
        @if !d.sections.is_empty() {
            section {
                h2 { "章节 Sections" }
                table.side {
                    thead { tr { th scope="col" { "变化 Change" } th scope="col" { "旧 Old" } th scope="col" { "新 New" } } }
                    tbody { @for c in &d.sections { tr { td { (change_label(c.change)) } td { (section_cell(old_id, &c.old)) } td { (section_cell(new_id, &c.new)) } } } }
                }
            }
        }
        @if !d.indicators.is_empty() {
            section {
                h2 { "指标 Indicators" }
                table.side {
                    thead { tr { th scope="col" { "指标 Indicator" } th scope="col" { "变化 Change" } th scope="col" { "旧 Old" } th scope="col" { "新 New" } } }
                    tbody { @for c in &d.indicators { tr {
                        td { (c.name) } td { (change_label(c.change)) @if !c.fields.is_empty() { br; span.path { (c.fields.join(", ")) } } }
                        td { (indicator_cell(old_id, &c.old)) } td { (indicator_cell(new_id, &c.new)) }
                    } } }
                }
            }
        }
        @if !d.projects.is_empty() {
            section {
                h2 { "项目 Projects" }
                table.side {
                    thead { tr { th scope="col" { "变化 Change" } th scope="col" { "旧 Old" } th scope="col" { "新 New" } } }
                    tbody { @for c in &d.projects { tr {
                        td { (change_label(c.change)) }
                        td { @if let Some(p) = &c.old { a href=(doc_link(old_id, &p.id)) { (p.name) } br; span.path { (p.panel) } } @else { span.none { "—" } } }
                        td { @if let Some(p) = &c.new { a href=(doc_link(new_id, &p.id)) { (p.name) } br; span.path { (p.panel) } } @else { span.none { "—" } } }
                    } } }
                }
            }
        }
        @if !d.text.is_empty() {
            section {
                h2 { "文字改动 Sentence edits" }
                p.legend { "删去的字 " del { "划掉" } "，加入的字 " ins { "下划线" } "。Deleted characters are struck through and inserted ones underlined (with [-…-] and {+…+} for screen readers and copy)." }
                table.side.edits {
                    thead { tr { th scope="col" { "章节 Section" } th scope="col" { "旧 Old" } th scope="col" { "新 New" } } }
                    tbody { @for t in &d.text { tr {
                        td.path { (t.section_path.join(" › ")) }
                        td { @for e in &t.edits { @match e.op {
                            EditOp::Equal => (e.text),
                            EditOp::Delete => del { span.visually-hidden { "[-" } (e.text) span.visually-hidden { "-]" } },
                            _ => {},
                        } } }
                        td { @for e in &t.edits { @match e.op {
                            EditOp::Equal => (e.text),
                            EditOp::Insert => ins { span.visually-hidden { "{+" } (e.text) span.visually-hidden { "+}" } },
                            _ => {},
                        } } }
                    } } }
                }
            }
        }
    };
    Ok(layout("比较 Compare", "", "compare", body))
}

/// The topic alignment of two plans (`guihua compare --sections`), with indicators and goals side by side.
fn sections(app: &App, old_id: &str, new_id: &str) -> Result<Html<String>, PageError> {
    let (old_info, new_info) = (app.info(old_id)?, app.info(new_id)?);
    let (old, new) = (app.parsed(old_id)?, app.parsed(new_id)?);
    let segmenter = app.segmenter();
    let words = |text: &str| segmenter.cut_words(text);
    let (old_profile, new_profile) =
        (guihua_diff::profile(&old.document, &words), guihua_diff::profile(&new.document, &words));
    let rows = guihua_diff::align_sections(&old_profile, &new_profile);
    let (rising, falling) = guihua_diff::term_shifts(&old_profile, &new_profile, 15);
    let mut values = guihua_diff::match_indicators(&old.document, &new.document);
    values.extend(guihua_diff::match_targets(&old.document, &new.document));
    let end = |doc_id: &str, side: &Option<SectionEnd>| {
        html! {
            @if let Some(e) = side { a href=(doc_link(doc_id, &e.node)) { (e.number) " " (e.title) } } @else { span.none { "—" } }
        }
    };
    let body = html! {
        h1 { "主题对齐 Topic alignment" }
        p.pair {
            "旧 Old: " a href=(doc_link(old_id, "")) { (old_info.title) } " · 新 New: " a href=(doc_link(new_id, "")) { (new_info.title) }
            " · " a href=(href("/compare", &[("old", old_id), ("new", new_id)])) { "结构差异 Structural diff" }
        }
        section {
            h2 { "章节 Sections" }
            table.side {
                thead { tr { th scope="col" { "关系 Relation" } th scope="col" { "相似度 Score" } th scope="col" { "旧 Old" } th scope="col" { "新 New" } th scope="col" { "共有词 Shared words" } } }
                tbody { @for r in &rows { tr {
                    td { (r.relation.as_str()) } td.num { (format!("{:.2}", r.score)) }
                    td { (end(old_id, &r.old)) } td { (end(new_id, &r.new)) } td { (r.terms.join("、")) }
                } } }
            }
        }
        @if !values.is_empty() {
            section {
                h2 { "指标与目标 Indicators and goals" }
                table.side {
                    thead { tr { th scope="col" { "类 Kind" } th scope="col" { "关系 Relation" } th scope="col" { "旧 Old" } th scope="col" { "新 New" } } }
                    tbody { @for v in &values { tr {
                        td { (json_name(&v.kind)) } td { (v.relation.as_str()) }
                        td { @if let Some(e) = &v.old { a href=(doc_link(old_id, &e.node)) { (e.title) } ": " (e.value) } @else { "—" } }
                        td { @if let Some(e) = &v.new { a href=(doc_link(new_id, &e.node)) { (e.title) } ": " (e.value) } @else { "—" } }
                    } } }
                }
            }
        }
        section {
            h2 { "用词变化 Term shifts (per 10,000 characters)" }
            div.shifts {
                @for (caption, list) in [("上升 Rising", &rising), ("下降 Falling", &falling)] {
                    table {
                        caption { (caption) }
                        thead { tr { th scope="col" { "词 Term" } th scope="col" { "旧 Old" } th scope="col" { "新 New" } } }
                        tbody { @for t in list { tr { td { (t.term) } td.num { (format!("{:.1}", t.old_per_10k)) } td.num { (format!("{:.1}", t.new_per_10k)) } } } }
                    }
                }
            }
        }
    };
    Ok(layout("主题对齐 Topic alignment", "", "compare", body))
}

/// The indicator (or project) matrix of several plans.
fn matrix(app: &App, docs: &[&str], items: MatrixItems) -> Result<Html<String>, PageError> {
    let mut parsed = Vec::new();
    for id in docs {
        parsed.push((app.info(id)?.title.clone(), app.parsed(id)?));
    }
    let plans: Vec<(String, &guihua_model::Document)> = parsed.iter().map(|(t, p)| (t.clone(), &p.document)).collect();
    let m = guihua_diff::matrix(&plans, items);
    let other = if items == MatrixItems::Projects { "indicators" } else { "projects" };
    let mut other_link: Vec<(&str, &str)> = docs.iter().map(|d| ("doc", *d)).collect();
    other_link.push(("items", other));
    let body = html! {
        h1 { @if items == MatrixItems::Projects { "项目矩阵 Project matrix" } @else { "指标矩阵 Indicator matrix" } }
        p { (m.rows.len()) " 行 rows × " (m.columns.len()) " 份文件 plans · "
            a href=(href("/compare", &other_link)) { @if items == MatrixItems::Projects { "指标 Indicators" } @else { "项目 Projects" } } }
        @if m.rows.is_empty() { p { "这些文件中没有读出的" (items.label()) "。No " (items.label()) "s were read from these plans." } }
        div.scroll {
            table.matrix {
                thead { tr { th scope="col" { (items.label()) } @for (id, column) in docs.iter().zip(&m.columns) { th scope="col" { a href=(doc_link(id, "")) { (column) } } } } }
                tbody { @for (label, cells) in &m.rows { tr { th scope="row" { (label) } @for cell in cells { td { (cell) } } } } }
            }
        }
    };
    Ok(layout("矩阵 Matrix", "", "compare", body))
}
