//! The page frame, the search page, the concordance (KWIC) with the trend across plans, CSV downloads, and errors.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::sync::Arc;

use axum::extract::{RawQuery, State};
use axum::http::header;
use axum::response::{Html, IntoResponse, Response};
use guihua_index::{Hit, Page, SearchResult, parse_query};
use maud::{DOCTYPE, Markup, html};

use crate::params::Params;
use crate::{App, PageError};

/// Hits per search page, unless `per` says otherwise.
const PER_PAGE: usize = 20;
/// The most units a concordance or a CSV download reads.
const MAX_UNITS: usize = 10_000;
/// Bars drawn in the trend chart (the table beside it lists every document).
const MAX_BARS: usize = 60;

/// The frame of every page: the header with the search box and the navigation, then `body`.
pub(crate) fn layout(title: &str, query: &str, active: &str, body: Markup) -> Html<String> {
    let nav = [
        ("search", "/search", "检索 Search"),
        ("kwic", "/kwic", "语境 Concordance"),
        ("compare", "/compare", "比较 Compare"),
    ];
    Html(
        html! {
            (DOCTYPE)
            html lang="zh-CN" {
                head {
                    meta charset="utf-8";
                    meta name="viewport" content="width=device-width, initial-scale=1";
                    title { (title) " · guihua" }
                    link rel="stylesheet" href="/static/style.css";
                    script src="/static/app.js" defer {}
                }
                body {
                    a.skip href="#main" { "跳到正文 Skip to content" }
                    header.top {
                        a.brand href="/" { "规划 guihua" }
                        form.searchbox role="search" action=(if active == "kwic" { "/kwic" } else { "/search" }) method="get" {
                            label.visually-hidden for="q" { "查询 Query" }
                            input #q type="search" name="q" value=(query) placeholder="检索，如 大数据 \"智能制造\" -钢铁 type:indicator" autocomplete="off";
                            button type="submit" { "检索" }
                        }
                        nav aria-label="主导航 Main" {
                            ul {
                                @for (key, href, label) in nav {
                                    li { a href=(href) aria-current=[(key == active).then_some("page")] { (label) } }
                                }
                            }
                        }
                    }
                    main #main { (body) }
                    footer { "guihua " (env!("CARGO_PKG_VERSION")) " · " a href="/api/documents" { "API" } " · 键 Keys: / 检索, j/k 移动, Enter 打开" }
                }
            }
        }
        .into_string(),
    )
}

/// A page for an error.
pub(crate) fn error_page(status: u16, reason: &str, message: &str) -> Html<String> {
    layout(
        reason,
        "",
        "",
        html! {
            h1 { (status) " " (reason) }
            p.error role="alert" { (message) }
            p { a href="/" { "返回检索 Back to search" } }
        },
    )
}

pub(crate) async fn not_found() -> PageError {
    PageError::NotFound("no such page".into())
}

pub(crate) async fn style() -> Response {
    ([(header::CONTENT_TYPE, "text/css; charset=utf-8")], include_str!("../assets/style.css")).into_response()
}

pub(crate) async fn script() -> Response {
    ([(header::CONTENT_TYPE, "text/javascript; charset=utf-8")], include_str!("../assets/app.js")).into_response()
}

/// A URL with its query string encoded.
pub(crate) fn href(path: &str, pairs: &[(&str, &str)]) -> String {
    let mut serializer = form_urlencoded::Serializer::new(String::new());
    for (k, v) in pairs.iter().filter(|(_, v)| !v.is_empty()) {
        serializer.append_pair(k, v);
    }
    let query = serializer.finish();
    if query.is_empty() { path.to_owned() } else { format!("{path}?{query}") }
}

/// `text` with the byte `ranges` marked (`<mark>`); ranges that are out of order or not on character boundaries are
/// left unmarked.
pub(crate) fn marked(text: &str, ranges: &[(usize, usize)]) -> Markup {
    let mut parts: Vec<(&str, bool)> = Vec::new();
    let mut at = 0;
    for &(start, end) in ranges {
        if start >= at && end > start && text.get(start..end).is_some() && text.get(at..start).is_some() {
            parts.push((&text[at..start], false));
            parts.push((&text[start..end], true));
            at = end;
        }
    }
    parts.push((&text[at..], false));
    html! { @for (part, mark) in parts { @if mark { mark { (part) } } @else { (part) } } }
}

/// The Chinese and English name of a unit type.
pub(crate) fn type_label(kind: &str) -> String {
    let chinese = match kind {
        "paragraph" => "段落",
        "section" => "章节",
        "panel" => "专栏",
        "project" => "项目",
        "indicator" => "指标",
        "cell" => "表格",
        "item" => "条目",
        "title" => "标题",
        "notice" => "通知",
        "toc" => "目录",
        "figure" => "图",
        "target" => "目标",
        _ => return kind.to_owned(),
    };
    format!("{chinese} {kind}")
}

/// The link that opens a hit in its document, at its node, with the query marked.
pub(crate) fn hit_href(hit: &Hit, query: &str) -> String {
    format!("{}#{}", href(&format!("/doc/{}", url_segment(&hit.doc_id)), &[("q", query)]), url_segment(&hit.node_id))
}

/// A path segment or fragment, percent-encoded (everything but unreserved ASCII).
pub(crate) fn url_segment(text: &str) -> String {
    let mut out = String::new();
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
            out.push(b as char);
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

/// The filters of a search page: documents by id, issuer, year; `None` when none is set.
struct Filters<'a> {
    docs: Vec<&'a str>,
    issuer: Option<&'a str>,
    year: Option<i32>,
}

impl<'a> Filters<'a> {
    fn read(params: &'a Params) -> Result<Filters<'a>, PageError> {
        let year = match params.get("year") {
            Some(y) => {
                Some(y.parse::<i32>().map_err(|_| PageError::BadRequest(format!("year must be a year, not `{y}`")))?)
            }
            None => None,
        };
        Ok(Filters { docs: params.all("doc"), issuer: params.get("issuer"), year })
    }

    fn is_empty(&self) -> bool {
        self.docs.is_empty() && self.issuer.is_none() && self.year.is_none()
    }

    /// The ids of the documents that pass, or `None` when nothing is filtered.
    fn documents(&self, app: &App) -> Option<Vec<String>> {
        if self.is_empty() {
            return None;
        }
        Some(
            app.documents()
                .iter()
                .filter(|d| self.docs.is_empty() || self.docs.contains(&d.doc_id.as_str()))
                .filter(|d| self.issuer.is_none() || d.issuer.as_deref() == self.issuer)
                .filter(|d| self.year.is_none() || d.year == self.year)
                .map(|d| d.doc_id.clone())
                .collect(),
        )
    }

    /// The query-string pairs that carry the filters.
    fn pairs(&self) -> Vec<(&'static str, String)> {
        let mut out: Vec<(&'static str, String)> = self.docs.iter().map(|d| ("doc", (*d).to_owned())).collect();
        if let Some(issuer) = self.issuer {
            out.push(("issuer", issuer.to_owned()));
        }
        if let Some(year) = self.year {
            out.push(("year", year.to_string()));
        }
        out
    }
}

/// Runs the search a page asks for.
fn run(app: &App, query: &str, filters: &Filters<'_>, page: Page) -> Result<SearchResult, PageError> {
    let parsed = parse_query(query)?;
    let page = Page { documents: filters.documents(app), ..page };
    Ok(app.library().search_page(&parsed, &page)?)
}

/// `/search?q=…` (and `/`): hits grouped by document, facets, paging.
pub(crate) async fn search(State(app): State<Arc<App>>, RawQuery(raw): RawQuery) -> Result<Html<String>, PageError> {
    let params = Params::parse(raw.as_deref());
    let query = params.query()?;
    let page = params.number("page", 1, 1, 1_000)?;
    let per = params.number("per", PER_PAGE, 1, 100)?;
    let filters = Filters::read(&params)?;
    if query.is_empty() {
        return Ok(layout("检索 Search", "", "search", home(&app)));
    }
    let result =
        run(&app, query, &filters, Page { limit: per, offset: (page - 1) * per, documents: None, facets: true })?;
    let filter_pairs = filters.pairs();
    let link = |extra: &[(&str, &str)], drop: &[&str]| {
        let mut pairs: Vec<(&str, &str)> = vec![("q", query)];
        pairs.extend(filter_pairs.iter().filter(|(k, _)| !drop.contains(k)).map(|(k, v)| (*k, v.as_str())));
        pairs.extend_from_slice(extra);
        href("/search", &pairs)
    };
    // Hits grouped by document, in the order of each document's best hit.
    let mut groups: Vec<(&str, Vec<&Hit>)> = Vec::new();
    for hit in &result.hits {
        match groups.iter_mut().find(|(id, _)| *id == hit.doc_id) {
            Some(group) => group.1.push(hit),
            None => groups.push((&hit.doc_id, vec![hit])),
        }
    }
    let units_in = |id: &str| result.facets.documents.iter().find(|(d, _)| d == id).map_or(0, |(_, n)| *n);
    let pages = result.total.div_ceil(per).max(1);
    let mut issuers: HashMap<&str, usize> = HashMap::new();
    let mut years: HashMap<i32, usize> = HashMap::new();
    for (id, n) in &result.facets.documents {
        if let Some(info) = app.document(id) {
            if let Some(issuer) = &info.issuer {
                *issuers.entry(issuer).or_default() += n;
            }
            if let Some(year) = info.year {
                *years.entry(year).or_default() += n;
            }
        }
    }
    let mut issuers: Vec<(&str, usize)> = issuers.into_iter().collect();
    issuers.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let mut years: Vec<(i32, usize)> = years.into_iter().collect();
    years.sort();
    let body = html! {
        h1.visually-hidden { "检索结果 Search results" }
        p.summary role="status" {
            strong { (result.total) } " 处匹配 matching units in " strong { (result.facets.documents.len()) } " 份文件 documents"
            @if pages > 1 { " · 第 " (page) " / " (pages) " 页 page" }
            " · " a href=(href("/kwic", &[("q", query)])) { "语境 KWIC & trend" }
            " · " a href=(link(&[], &[]).replacen("/search", "/search.csv", 1)) download { "CSV" }
            " · " a href=(href("/api/search", &[("q", query)])) { "JSON" }
        }
        @if !filters.is_empty() {
            p.filters { "筛选 Filters: "
                @for (k, v) in &filter_pairs { span.chip { (k) ": " (v) } " " }
                a href=(href("/search", &[("q", query)])) { "清除 clear" }
            }
        }
        div.results {
            aside.facets aria-label="分面 Facets" {
                (facet_list("文件 Document", result.facets.documents.iter().take(20).map(|(id, n)| {
                    let title = app.document(id).map_or(id.as_str(), |d| d.title.as_str());
                    (title.to_owned(), *n, link(&[("doc", id)], &["doc"]))
                })))
                (facet_list("类型 Type", result.facets.types.iter().map(|(kind, n)| {
                    let q = format!("{query} type:{kind}");
                    (type_label(kind), *n, href("/search", &[("q", &q)]))
                })))
                (facet_list("发文机关 Issuer", issuers.iter().take(20).map(|(issuer, n)| {
                    ((*issuer).to_owned(), *n, link(&[("issuer", issuer)], &["issuer"]))
                })))
                (facet_list("年份 Year", years.iter().map(|(year, n)| {
                    let y = year.to_string();
                    (y.clone(), *n, link(&[("year", &y)], &["year"]))
                })))
            }
            section.hits aria-label="命中 Hits" {
                @if result.hits.is_empty() { p { "没有匹配 No match." } }
                @for (doc_id, hits) in &groups {
                    @let title = app.document(doc_id).map_or(*doc_id, |d| d.title.as_str());
                    section.group {
                        h2 { a href=(href(&format!("/doc/{}", url_segment(doc_id)), &[("q", query)])) { (title) }
                            " " span.count { (units_in(doc_id)) " 处 units" } }
                        ol.hitlist {
                            @for hit in hits {
                                li.hit {
                                    p.crumb {
                                        a.open href=(hit_href(hit, query)) { (title) }
                                        @for heading in &hit.section_path { " › " (heading) }
                                    }
                                    p.meta { span.type { (type_label(&hit.kind)) } " 第 " (hit.line) " 行 line " span.path { (hit.path) } }
                                    p.snippet { (marked(&hit.snippet, &hit.highlights)) }
                                }
                            }
                        }
                    }
                }
                @if pages > 1 {
                    nav.pager aria-label="分页 Pages" {
                        @if page > 1 { a rel="prev" href=(link(&[("page", &(page - 1).to_string())], &[])) { "← 上一页 Previous" } }
                        " "
                        @if page < pages { a rel="next" href=(link(&[("page", &(page + 1).to_string())], &[])) { "下一页 Next →" } }
                    }
                }
            }
        }
    };
    Ok(layout(&format!("{query} · 检索"), query, "search", body))
}

fn facet_list(heading: &str, entries: impl Iterator<Item = (String, usize, String)>) -> Markup {
    let entries: Vec<(String, usize, String)> = entries.collect();
    html! {
        @if !entries.is_empty() {
            section.facet {
                h2 { (heading) }
                ul {
                    @for (label, n, link) in &entries {
                        li { a href=(link) { (label) } " " span.count { (n) } }
                    }
                }
            }
        }
    }
}

/// The page with no query: the query language, and the documents of the index.
fn home(app: &App) -> Markup {
    let documents = app.documents();
    html! {
        h1 { "规划检索 Search plans" }
        p { "索引中有 " strong { (documents.len()) } " 份文件 documents in the index." }
        section.help {
            h2 { "查询语法 Query language" }
            dl {
                dt { code { "大数据 产业" } } dd { "两个词都出现 both terms (AND)" }
                dt { code { "\"智能制造\"" } } dd { "整个短语 the exact phrase" }
                dt { code { "钢铁 OR 煤炭" } } dd { "任一 either" }
                dt { code { "产业 -钢铁" } } dd { "排除 exclude a term" }
                dt { code { "type:indicator" } } dd { "类型：indicator 指标, project 项目, panel 专栏, paragraph, section, cell" }
                dt { code { "doc:河北" } } dd { "文件 id 或标题中的词 a document id or words of its title" }
            }
        }
        section {
            h2 { "文件 Documents" }
            table.documents {
                thead { tr { th scope="col" { "标题 Title" } th scope="col" { "发文机关 Issuer" } th scope="col" { "年份 Year" } th scope="col" { "id" } } }
                tbody {
                    @for info in documents.iter().take(500) {
                        tr {
                            td { a href=(format!("/doc/{}", url_segment(&info.doc_id))) { (info.title) } }
                            td { (info.issuer.as_deref().unwrap_or("")) }
                            td { @if let Some(y) = info.year { (y) } }
                            td { code { (info.doc_id) } }
                        }
                    }
                }
            }
            @if documents.len() > 500 { p { "…及另外 " (documents.len() - 500) " 份 and more; search with doc:… to find one." } }
        }
    }
}

/// `/search.csv?q=…`: the hits (up to 10,000, or `limit`) as CSV, with the filters of the page.
pub(crate) async fn search_csv(State(app): State<Arc<App>>, RawQuery(raw): RawQuery) -> Result<Response, PageError> {
    let params = Params::parse(raw.as_deref());
    let query = required_query(&params)?;
    let limit = params.number("limit", MAX_UNITS, 1, MAX_UNITS)?;
    let filters = Filters::read(&params)?;
    let result = run(&app, query, &filters, Page { limit, ..Page::default() })?;
    let mut writer = csv::Writer::from_writer(Vec::new());
    let header = ["doc_id", "doc_title", "path", "line", "node_id", "type", "section_path", "snippet", "score"];
    let csv_error = |e: csv::Error| PageError::Internal(e.to_string());
    writer.write_record(header).map_err(csv_error)?;
    for hit in &result.hits {
        let record = [
            hit.doc_id.clone(),
            hit.doc_title.clone(),
            hit.path.clone(),
            hit.line.to_string(),
            hit.node_id.clone(),
            hit.kind.clone(),
            hit.section_path.join(" › "),
            hit.snippet.clone(),
            format!("{:.3}", hit.score),
        ];
        writer.write_record(&record).map_err(csv_error)?;
    }
    csv_response(writer, "guihua-search.csv")
}

fn csv_response(writer: csv::Writer<Vec<u8>>, name: &str) -> Result<Response, PageError> {
    let bytes = writer.into_inner().map_err(|e| PageError::Internal(e.to_string()))?;
    Ok((
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_owned()),
            (header::CONTENT_DISPOSITION, format!("attachment; filename=\"{name}\"")),
        ],
        bytes,
    )
        .into_response())
}

fn required_query(params: &Params) -> Result<&str, PageError> {
    let query = params.query()?;
    if query.is_empty() {
        return Err(PageError::BadRequest("the query q is missing: /search.csv?q=大数据".into()));
    }
    Ok(query)
}

/// One line of a concordance.
pub(crate) struct KwicLine<'a> {
    hit: &'a Hit,
    left: String,
    keyword: String,
    right: String,
}

/// The concordance of `hits`: every occurrence of the query's needles, with `width` characters either side.
fn concordance<'a>(hits: &'a [Hit], needles: &[String], width: usize) -> Vec<KwicLine<'a>> {
    let flat = |s: &str| s.replace(['\n', '\r'], " ");
    let mut lines = Vec::new();
    for hit in hits {
        let text = &hit.text;
        for (start, end) in guihua_index::matches(text, needles) {
            let left_start = text[..start].char_indices().rev().nth(width.saturating_sub(1)).map_or(0, |(i, _)| i);
            let right_end = text[end..].char_indices().nth(width).map_or(text.len(), |(i, _)| end + i);
            lines.push(KwicLine {
                hit,
                left: flat(&text[left_start..start]),
                keyword: flat(&text[start..end]),
                right: flat(&text[end..right_end]),
            });
        }
    }
    lines
}

fn sort_lines(lines: &mut [KwicLine<'_>], sort: &str) {
    match sort {
        "left" => lines.sort_by(|a, b| a.left.chars().rev().cmp(b.left.chars().rev())),
        "right" => lines.sort_by(|a, b| a.right.cmp(&b.right)),
        "keyword" => lines.sort_by(|a, b| a.keyword.cmp(&b.keyword)),
        _ => {}
    }
}

/// What a concordance page or download asks for, and the matching units it reads.
struct Concordance {
    /// Characters of context either side.
    width: usize,
    sort: &'static str,
    /// How many of the best units are read.
    units: usize,
    search: SearchResult,
    needles: Vec<String>,
}

impl Concordance {
    /// Reads `width`, `sort` and `units`, and runs the query; `facets` counts the matches per document too (for the
    /// trend).
    fn read(app: &App, params: &Params, query: &str, facets: bool) -> Result<Concordance, PageError> {
        let width = params.number("width", 20, 1, 200)?;
        let sort = params.choice("sort", &["doc", "left", "right", "keyword"])?;
        let units = params.number("units", 500, 1, MAX_UNITS)?;
        let filters = Filters::read(params)?;
        let needles = guihua_index::highlight_needles(&parse_query(query)?);
        let search = run(app, query, &filters, Page { limit: units, facets, ..Page::default() })?;
        Ok(Concordance { width, sort, units, search, needles })
    }

    /// Every occurrence, sorted as asked.
    fn lines(&self) -> Vec<KwicLine<'_>> {
        let mut lines = concordance(&self.search.hits, &self.needles, self.width);
        sort_lines(&mut lines, self.sort);
        lines
    }
}

/// `/kwic?q=…`: the concordance, sortable, and the matching units per document as a bar chart and a table.
pub(crate) async fn kwic(State(app): State<Arc<App>>, RawQuery(raw): RawQuery) -> Result<Html<String>, PageError> {
    let params = Params::parse(raw.as_deref());
    let query = params.query()?;
    if query.is_empty() {
        let body = html! {
            h1 { "语境与趋势 Concordance and trend" }
            p { "输入查询，看每处匹配的左右语境（按字计），以及每份文件的匹配数。Enter a query to see each match with its context, counted in characters, and the matches per document." }
        };
        return Ok(layout("语境 Concordance", "", "kwic", body));
    }
    let concordance = Concordance::read(&app, &params, query, true)?;
    let (width, sort, units, result) = (concordance.width, concordance.sort, concordance.units, &concordance.search);
    let lines = concordance.lines();
    // The trend: matching units per document, ordered by year, then title.
    let mut trend: Vec<(&str, String, Option<i32>, usize)> = result
        .facets
        .documents
        .iter()
        .map(|(id, n)| {
            let info = app.document(id);
            (id.as_str(), info.map_or_else(|| id.clone(), |d| d.title.clone()), info.and_then(|d| d.year), *n)
        })
        .collect();
    trend.sort_by(|a, b| a.2.cmp(&b.2).then_with(|| a.1.cmp(&b.1)));
    let width_s = width.to_string();
    let units_s = units.to_string();
    let sort_link = |s: &str| href("/kwic", &[("q", query), ("width", &width_s), ("units", &units_s), ("sort", s)]);
    let body = html! {
        h1 { "语境与趋势 Concordance and trend: " q { (query) } }
        p.summary role="status" {
            strong { (result.total) } " 处匹配单元 matching units in " strong { (trend.len()) } " 份文件 documents; "
            strong { (lines.len()) } " 处出现 occurrences in the first " (result.hits.len()) " units"
            " · " a href=(href("/kwic.csv", &[("q", query), ("width", &width_s), ("units", &units_s), ("sort", sort)])) download { "CSV" }
            " · " a href=(href("/search", &[("q", query)])) { "检索结果 Search results" }
        }
        form.kwic-options action="/kwic" method="get" {
            input type="hidden" name="q" value=(query);
            label { "语境字数 Context (characters) " input type="number" name="width" min="1" max="200" value=(width); }
            label { " 单元数 Units " input type="number" name="units" min="1" max=(MAX_UNITS) value=(units); }
            label { " 排序 Sort "
                select name="sort" {
                    @for (value, label) in [("doc", "相关度 relevance"), ("left", "左语境 left context"), ("right", "右语境 right context"), ("keyword", "关键词 keyword")] {
                        option value=(value) selected[value == sort] { (label) }
                    }
                }
            }
            " " button type="submit" { "更新 Update" }
        }
        section aria-labelledby="trend-h" {
            h2 #trend-h { "趋势 Matching units per document" }
            div.trend {
                (trend_chart(&trend))
                table.trend-table {
                    caption { "每份文件的匹配单元数 Matching units per document, by year" }
                    thead { tr { th scope="col" { "文件 Document" } th scope="col" { "年份 Year" } th scope="col" { "单元 Units" } } }
                    tbody {
                        @for (id, title, year, n) in &trend {
                            tr {
                                td { a href=(href("/search", &[("q", query), ("doc", id)])) { (title) } }
                                td { @if let Some(y) = year { (y) } }
                                td.num { (n) }
                            }
                        }
                    }
                }
            }
        }
        section aria-labelledby="kwic-h" {
            h2 #kwic-h { "语境 Concordance" }
            table.kwic {
                thead { tr {
                    th scope="col" { "文件 Document" }
                    th scope="col" { a href=(sort_link("left")) { "左 Left" } }
                    th scope="col" { a href=(sort_link("keyword")) { "词 Keyword" } }
                    th scope="col" { a href=(sort_link("right")) { "右 Right" } }
                } }
                tbody {
                    @for line in &lines {
                        tr {
                            td.doc { a href=(hit_href(line.hit, query)) { (line.hit.doc_title) " :" (line.hit.line) } }
                            td.left { (line.left) }
                            td.kw { mark { (line.keyword) } }
                            td.right { (line.right) }
                        }
                    }
                }
            }
        }
    };
    Ok(layout(&format!("{query} · 语境"), query, "kwic", body))
}

/// A horizontal bar chart, drawn on the server: one bar per document (the first [`MAX_BARS`]).
fn trend_chart(trend: &[(&str, String, Option<i32>, usize)]) -> Markup {
    let shown = &trend[..trend.len().min(MAX_BARS)];
    let max = shown.iter().map(|t| t.3).max().unwrap_or(1).max(1);
    let (label_w, bar_w, row_h) = (260.0, 300.0, 22.0);
    let height = row_h * shown.len() as f64 + 8.0;
    let short = |title: &str| -> String {
        let chars: Vec<char> = title.chars().collect();
        if chars.len() > 18 { chars[..17].iter().collect::<String>() + "…" } else { title.to_owned() }
    };
    html! {
        svg.chart role="img" aria-labelledby="chart-title" width=(label_w + bar_w + 60.0) height=(height)
            viewBox=(format!("0 0 {} {height}", label_w + bar_w + 60.0)) xmlns="http://www.w3.org/2000/svg" {
            title #chart-title { "每份文件的匹配单元数 Matching units per document" }
            @for (k, (_, title, year, n)) in shown.iter().enumerate() {
                @let y = 4.0 + row_h * k as f64;
                @let w = (bar_w * *n as f64 / max as f64).max(1.0);
                text x=(label_w - 6.0) y=(y + 15.0) text-anchor="end" class="label" {
                    @if let Some(year) = year { (year) " " } (short(title))
                }
                rect x=(label_w) y=(y + 3.0) width=(format!("{w:.1}")) height=(row_h - 6.0) class="bar" {}
                text x=(label_w + w + 4.0) y=(y + 15.0) class="value" { (n) }
            }
        }
        @if trend.len() > MAX_BARS { p.note { "图中为前 " (MAX_BARS) " 份；表中为全部。The chart shows the first " (MAX_BARS) "; the table lists all." } }
    }
}

/// `/kwic.csv?q=…`: the concordance as CSV.
pub(crate) async fn kwic_csv(State(app): State<Arc<App>>, RawQuery(raw): RawQuery) -> Result<Response, PageError> {
    let params = Params::parse(raw.as_deref());
    let query = required_query(&params)?;
    let concordance = Concordance::read(&app, &params, query, false)?;
    let lines = concordance.lines();
    let mut writer = csv::Writer::from_writer(Vec::new());
    let csv_error = |e: csv::Error| PageError::Internal(e.to_string());
    writer.write_record(["doc_id", "doc_title", "line", "node_id", "left", "keyword", "right"]).map_err(csv_error)?;
    for line in &lines {
        let hit = line.hit;
        let line_no = hit.line.to_string();
        writer
            .write_record([&hit.doc_id, &hit.doc_title, &line_no, &hit.node_id, &line.left, &line.keyword, &line.right])
            .map_err(csv_error)?;
    }
    csv_response(writer, "guihua-kwic.csv")
}

/// Marks `needles` in a text of a document: the byte ranges to pass to [`marked`].
pub(crate) fn needle_ranges(text: &str, needles: &[String]) -> Vec<(usize, usize)> {
    if needles.is_empty() { Vec::new() } else { guihua_index::matches(text, needles) }
}
