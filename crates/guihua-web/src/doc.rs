//! `/doc/{doc_id}`: a plan rendered faithfully, with its outline; `/doc/{doc_id}/source`: the decoded source text.

use std::collections::HashMap;
use std::sync::Arc;

use axum::extract::{Path, RawQuery, State};
use axum::http::header;
use axum::response::{Html, IntoResponse, Response};
use guihua_model::{Document, Indicator, IndicatorValue, Node, Project, Table};
use maud::{Markup, html};

use crate::pages::{href, layout, marked, needle_ranges, url_segment};
use crate::params::Params;
use crate::{App, PageError};

/// What a node needs from the whole document to be drawn.
struct Context<'a> {
    needles: Vec<String>,
    indicators: HashMap<&'a str, Vec<&'a Indicator>>,
    projects: HashMap<&'a str, Vec<&'a Project>>,
}

impl Context<'_> {
    fn text(&self, text: &str) -> Markup {
        marked(text, &needle_ranges(text, &self.needles))
    }
}

/// A serde enum's name as written in the JSON (`at_least`).
pub(crate) fn json_name<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_value(value).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default()
}

pub(crate) fn value_text(v: &IndicatorValue) -> String {
    let mut out = v.raw.clone();
    if let Some(year) = v.year {
        out.push_str(&format!(" ({year})"));
    }
    out
}

pub(crate) async fn document(
    State(app): State<Arc<App>>,
    Path(doc_id): Path<String>,
    RawQuery(raw): RawQuery,
) -> Result<Html<String>, PageError> {
    let params = Params::parse(raw.as_deref());
    let query = params.query()?;
    let info = app.info(&doc_id)?;
    let parsed = app.parsed(&doc_id)?;
    let doc = &parsed.document;
    let needles = if query.is_empty() {
        Vec::new()
    } else {
        guihua_index::parse_query(query).map(|q| guihua_index::highlight_needles(&q)).unwrap_or_default()
    };
    let mut context = Context { needles, indicators: HashMap::new(), projects: HashMap::new() };
    for indicator in &doc.indicators {
        context.indicators.entry(indicator.table.as_str()).or_default().push(indicator);
    }
    for project in &doc.projects {
        context.projects.entry(project.panel.as_str()).or_default().push(project);
    }
    let title = doc.meta.title.clone().unwrap_or_else(|| info.title.clone());
    let segment = url_segment(&doc_id);
    let body = html! {
        div.docview {
            nav.outline aria-label="大纲 Outline" {
                h2 { "大纲 Outline" }
                (outline(&doc.outline))
                @if !doc.targets.is_empty() { p { a href="#targets" { "目标 Targets (" (doc.targets.len()) ")" } } }
            }
            article.plan {
                header.dochead {
                    h1 { (title) }
                    dl.meta {
                        @if let Some(issuer) = &doc.meta.issuer { dt { "发文机关 Issuer" } dd { (issuer) } }
                        @if let Some(issued) = &doc.meta.issued { dt { "日期 Issued" } dd { (issued) } }
                        @if let Some(period) = &doc.meta.period { dt { "规划期 Period" } dd { (period.start) "–" (period.end) } }
                        dt { "来源 Source" } dd { code { (info.path) } }
                        dt { "内容 Contents" } dd {
                            (doc.indicators.len()) " 指标 indicators · " (doc.projects.len()) " 项目 projects · "
                            (doc.targets.len()) " 目标 targets · " (doc.diagnostics.len()) " 诊断 diagnostics"
                        }
                    }
                    p.links {
                        a href=(format!("/api/doc/{segment}")) { "JSON" } " · "
                        a href=(format!("/doc/{segment}/source")) { "原文 Source text" } " · "
                        a href=(href("/compare", &[("old", &doc_id)])) { "比较 Compare with…" }
                    }
                    form.docsearch action="/search" method="get" {
                        input type="hidden" name="doc" value=(doc_id);
                        label for="docq" { "在本文件中检索 Search this document " }
                        input #docq type="search" name="q" value=(query);
                        button type="submit" { "检索" }
                    }
                }
                (nodes(&doc.outline, &context))
                @if !doc.targets.is_empty() { (targets(doc)) }
            }
        }
    };
    Ok(layout(&title, query, "", body))
}

/// The outline sidebar: sections, parts, panels and tables, nested as in the document.
fn outline(nodes: &[Node]) -> Markup {
    let entries: Vec<&Node> = nodes
        .iter()
        .filter(|n| matches!(n, Node::Section(_) | Node::Part(_) | Node::Panel(_) | Node::Table(_)))
        .collect();
    html! {
        @if !entries.is_empty() {
            ul {
                @for node in entries {
                    li {
                        @match node {
                            Node::Section(s) => { a href=(format!("#{}", s.id)) { (s.number) " " (s.title) } (outline(&s.children)) }
                            Node::Part(p) => { a href=(format!("#{}", p.id)) { (p.title.as_deref().unwrap_or("附件 Part")) } (outline(&p.children)) }
                            Node::Panel(p) => { a.panel-link href=(format!("#{}", p.id)) { (p.kind.as_str()) (p.number.map(|n| n.to_string()).unwrap_or_default()) " " (p.title) } }
                            Node::Table(t) => { a.table-link href=(format!("#{}", t.id)) { "表 Table " (t.columns.join(" | ")) } }
                            _ => {}
                        }
                    }
                }
            }
        }
    }
}

fn nodes(nodes: &[Node], context: &Context<'_>) -> Markup {
    html! { @for node in nodes { (node_html(node, context)) } }
}

fn node_html(node: &Node, context: &Context<'_>) -> Markup {
    match node {
        Node::Notice(n) => html! { div.notice id=(n.id) { @for line in &n.lines { p { (context.text(line)) } } } },
        Node::Title(t) => html! { p.doctitle id=(t.id) { (context.text(&t.text)) } },
        Node::Part(p) => html! {
            section.part id=(p.id) {
                @if let Some(title) = &p.title { h2 { (context.text(title)) } }
                (nodes(&p.children, context))
            }
        },
        Node::Toc(t) => html! {
            details.toc id=(t.id) { summary { "目录 Table of contents" } ul { @for entry in &t.entries { li { (entry) } } } }
        },
        Node::Section(s) => {
            let level = (s.level + 1).clamp(2, 6);
            let heading = html! { span.num { (s.number) } " " (context.text(&s.title)) };
            html! {
                section.sec id=(s.id) {
                    @match level {
                        2 => h2 { (heading) },
                        3 => h3 { (heading) },
                        4 => h4 { (heading) },
                        5 => h5 { (heading) },
                        _ => h6 { (heading) },
                    }
                    (nodes(&s.children, context))
                }
            }
        }
        Node::Paragraph(p) => html! {
            p id=(p.id) {
                @match p.lead.as_deref().filter(|lead| p.text.starts_with(*lead)) {
                    Some(lead) => { strong.lead { (context.text(lead)) } (context.text(&p.text[lead.len()..])) }
                    None => (context.text(&p.text)),
                }
            }
        },
        Node::Item(i) => html! {
            p.item id=(i.id) {
                @if !i.text.starts_with(&i.number) { span.num { (i.number) } " " }
                (context.text(&i.text))
            }
            @if !i.children.is_empty() { div.sublist { (nodes(&i.children, context)) } }
        },
        Node::Table(t) => table(t, context),
        Node::Panel(p) => html! {
            aside.panel id=(p.id) aria-labelledby=(format!("{}-title", p.id)) {
                h3 id=(format!("{}-title", p.id)) { (p.kind.as_str()) (p.number.map(|n| n.to_string()).unwrap_or_default()) " " (context.text(&p.title)) }
                @for paragraph in &p.paragraphs { p { (context.text(paragraph)) } }
                @if let Some(projects) = context.projects.get(p.id.as_str()) {
                    h4 { "重点项目 Projects (" (projects.len()) ")" }
                    ol.projects {
                        @for project in projects {
                            li id=(project.id) { (context.text(&project.name)) @if let Some(c) = &project.category { " " span.category { "（" (c) "）" } } }
                        }
                    }
                }
            }
        },
        Node::Figure(f) => html! { p.figure id=(f.id) { (f.text) } },
        _ => html! {},
    }
}

/// A grid table as an HTML table with its row and column spans, then the indicators read from it.
fn table(t: &Table, context: &Context<'_>) -> Markup {
    let mut rows: Vec<Vec<&guihua_model::Cell>> = vec![Vec::new(); t.rows as usize];
    for cell in &t.cells {
        if let Some(row) = rows.get_mut(cell.row as usize) {
            row.push(cell);
        }
    }
    for row in &mut rows {
        row.sort_by_key(|c| c.col);
    }
    html! {
        figure.grid id=(t.id) {
            table {
                @for (r, row) in rows.iter().enumerate() {
                    tr {
                        @for cell in row {
                            @if r == 0 {
                                th scope="col" rowspan=[(cell.row_span > 1).then_some(cell.row_span)] colspan=[(cell.col_span > 1).then_some(cell.col_span)] { (context.text(&cell.text)) }
                            } @else {
                                td rowspan=[(cell.row_span > 1).then_some(cell.row_span)] colspan=[(cell.col_span > 1).then_some(cell.col_span)] { (context.text(&cell.text)) }
                            }
                        }
                    }
                }
            }
            @for note in &t.notes { figcaption { (note) } }
        }
        @if let Some(indicators) = context.indicators.get(t.id.as_str()) {
            table.indicators aria-label="指标 Indicators" {
                caption { "读出的指标 Indicators read from this table" }
                thead { tr { th scope="col" { "指标 Indicator" } th scope="col" { "单位 Unit" } th scope="col" { "基期 Baseline" } th scope="col" { "目标 Target" } th scope="col" { "界 Bound" } th scope="col" { "属性 Attribute" } } }
                tbody {
                    @for i in indicators {
                        tr id=(i.id) {
                            td { @if let Some(c) = &i.category { span.category { (c) " · " } } (context.text(&i.name)) }
                            td { (i.unit.as_deref().unwrap_or("")) }
                            td.num { (value_text(&i.baseline)) }
                            td.num { (value_text(&i.target)) @if i.target.cumulative { " 累计 cumulative" } }
                            td { (json_name(&i.target.bound)) }
                            td { (i.attribute.as_deref().unwrap_or("")) }
                        }
                    }
                }
            }
        }
    }
}

/// The quantified goals read from the prose, each linked to its paragraph.
fn targets(doc: &Document) -> Markup {
    html! {
        section #targets {
            h2 { "目标 Targets read from the text" }
            table.targets {
                thead { tr { th scope="col" { "对象 Subject" } th scope="col" { "值 Value" } th scope="col" { "年份 Year" } th scope="col" { "类型 Status" } th scope="col" { "原文 Text" } } }
                tbody {
                    @for t in &doc.targets {
                        tr id=(t.id) {
                            td { (t.subject) }
                            td { (t.raw) " " span.bound { (json_name(&t.bound)) } }
                            td { @if let Some(y) = t.year { (y) } }
                            td { (json_name(&t.status)) }
                            td { a href=(format!("#{}", t.node)) { (t.text) } }
                        }
                    }
                }
            }
        }
    }
}

/// `/doc/{doc_id}/source`: the decoded source as UTF-8 text.
pub(crate) async fn source(State(app): State<Arc<App>>, Path(doc_id): Path<String>) -> Result<Response, PageError> {
    let parsed = app.parsed(&doc_id)?;
    Ok(([(header::CONTENT_TYPE, "text/plain; charset=utf-8")], parsed.text.clone()).into_response())
}
