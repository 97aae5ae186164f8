//! The router answered in-process, without a network: pages, API, errors and the security layer.

mod common;

use std::sync::{Arc, OnceLock};

use axum::body::Body;
use axum::http::{Method, Request, StatusCode, header};
use guihua_web::{App, Bundled, Hosts};
use http_body_util::BodyExt;
use tower::ServiceExt;

use common::{SEED, SEED_PATH};

/// A plan whose text is markup: it must be shown as text everywhere.
const HOSTILE_PATH: &str = "hostile-2020.txt";
const HOSTILE: &str = "关于<b>测试</b>的实施意见\n\n一、总体要求\n\n大数据产业<script>alert(1)</script>发展。到2020年，产值达到100亿元。\n\n二、主要任务\n\n发展大数据 & 云计算。\n";

fn app() -> Arc<App> {
    static APP: OnceLock<Arc<App>> = OnceLock::new();
    Arc::clone(APP.get_or_init(|| {
        let plans =
            [Bundled { path: SEED_PATH, bytes: SEED }, Bundled { path: HOSTILE_PATH, bytes: HOSTILE.as_bytes() }];
        Arc::new(common::app_of(&plans))
    }))
}

struct Answer {
    status: StatusCode,
    headers: axum::http::HeaderMap,
    body: String,
}

async fn request(method: Method, uri: &str, host: &str) -> Answer {
    let router = guihua_web::router(app(), Hosts::for_address("127.0.0.1:8080".parse().unwrap(), &[]));
    let request = Request::builder().method(method).uri(uri).header(header::HOST, host).body(Body::empty()).unwrap();
    let response = router.oneshot(request).await.unwrap();
    let status = response.status();
    let headers = response.headers().clone();
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    Answer { status, headers, body: String::from_utf8(bytes.to_vec()).unwrap() }
}

async fn get(uri: &str) -> Answer {
    request(Method::GET, uri, "127.0.0.1:8080").await
}

fn encode(text: &str) -> String {
    form_urlencoded::byte_serialize(text.as_bytes()).collect()
}

#[tokio::test]
async fn search_groups_hits_by_document_with_facets_and_paging() {
    let answer = get(&format!("/search?q={}", encode("大数据"))).await;
    assert_eq!(answer.status, StatusCode::OK);
    let body = &answer.body;
    // 26 units of the seed plan and 2 of the hostile one.
    assert!(body.contains("<strong>28</strong> 处匹配"), "{body}");
    assert!(body.contains("<strong>2</strong> 份文件"));
    assert_eq!(body.matches("<li class=\"hit\">").count(), 20, "the first page holds 20 hits");
    assert!(body.contains("第 1 / 2 页"));
    assert!(body.contains("rel=\"next\" href=\"/search?q=%E5%A4%A7%E6%95%B0%E6%8D%AE&amp;page=2\""));
    // Facets: documents, types, issuer and year, each with its count.
    assert!(body.contains("河北省工业转型升级“十三五”规划</a> <span class=\"count\">26</span>"));
    assert!(body.contains("项目 project</a> <span class=\"count\">7</span>"));
    assert!(body.contains("河北省人民政府办公厅</a> <span class=\"count\">26</span>"));
    assert!(body.contains("&amp;year=2016\">2016</a> <span class=\"count\">26</span>"));
    assert!(body.contains("&amp;year=2020\">2020</a> <span class=\"count\">2</span>"), "the year from the file name");
    // A hit: breadcrumb, type, line, highlighted snippet, link to its node.
    assert!(body.contains("<mark>大数据</mark>"));
    assert!(body.contains("href=\"/doc/hebei-industry-transformation-13th-2016?q=%E5%A4%A7%E6%95%B0%E6%8D%AE#"));
    let second = get(&format!("/search?q={}&page=2", encode("大数据"))).await;
    assert_eq!(second.body.matches("<li class=\"hit\">").count(), 8);
}

#[tokio::test]
async fn filters_restrict_by_document_issuer_year_and_type() {
    let by_doc = get(&format!("/search?q={}&doc=hostile-2020", encode("大数据"))).await;
    assert!(by_doc.body.contains("<strong>2</strong> 处匹配"), "{}", by_doc.body);
    let by_year = get(&format!("/search?q={}&year=2016", encode("大数据"))).await;
    assert!(by_year.body.contains("<strong>26</strong> 处匹配"));
    let by_issuer = get(&format!("/search?q={}&issuer={}", encode("大数据"), encode("河北省人民政府办公厅"))).await;
    assert!(by_issuer.body.contains("<strong>26</strong> 处匹配"));
    let by_type = get(&format!("/search?q={}", encode("大数据 type:project"))).await;
    assert!(by_type.body.contains("<strong>7</strong> 处匹配"));
    let nothing = get(&format!("/search?q={}&year=1990", encode("大数据"))).await;
    assert!(nothing.body.contains("<strong>0</strong> 处匹配"));
}

#[tokio::test]
async fn document_page_renders_the_tree_with_anchors_tables_panels_and_indicators() {
    let answer = get(&format!("/doc/hebei-industry-transformation-13th-2016?q={}", encode("大数据"))).await;
    assert_eq!(answer.status, StatusCode::OK);
    let body = &answer.body;
    assert!(body.contains("<nav class=\"outline\" aria-label=\"大纲 Outline\">"));
    assert!(body.contains("<h1>河北省工业转型升级“十三五”规划</h1>"));
    // The indicator table with its row span, and the indicators read from it.
    assert!(body.contains("<figure class=\"grid\" id=\"table-1\">"));
    assert!(body.contains("<td rowspan=\"3\">创新能力</td>"));
    assert!(body.contains("<tr id=\"indicator-1\">"));
    assert!(body.contains("0.63 (2015)"));
    // A panel with its projects, each anchored.
    assert!(body.contains("<aside class=\"panel\" id=\"panel-1\""));
    assert!(body.contains("<li id=\"project-1\">中车唐山公司高速动车组数字化制造平台"));
    // Query terms marked; links to the JSON and the source.
    assert!(body.contains("<mark>大数据</mark>"));
    assert!(body.contains("href=\"/api/doc/hebei-industry-transformation-13th-2016\""));
    let source = get("/doc/hebei-industry-transformation-13th-2016/source").await;
    assert_eq!(source.headers[header::CONTENT_TYPE], "text/plain; charset=utf-8");
    assert!(source.body.contains("河北省工业转型升级“十三五”规划"));
}

#[tokio::test]
async fn markup_in_documents_and_queries_is_shown_as_text() {
    let doc = get("/doc/hostile-2020").await;
    assert_eq!(doc.status, StatusCode::OK);
    assert!(doc.body.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "{}", doc.body);
    assert!(!doc.body.contains("<script>alert"));
    assert!(!doc.body.contains("<b>测试</b>"));
    assert!(doc.body.contains("大数据 &amp; 云计算"));
    let echoed = get(&format!("/search?q={}", encode("\"<script>x</script>\""))).await;
    assert!(!echoed.body.contains("<script>x"));
    assert!(echoed.body.contains("&lt;script&gt;x&lt;/script&gt;"));
    let kwic = get(&format!("/kwic?q={}", encode("alert"))).await;
    assert!(kwic.body.contains("&lt;script&gt;<"), "{}", kwic.body);
}

#[tokio::test]
async fn bad_parameters_are_400_and_unknown_ids_404() {
    for (uri, status, message) in [
        ("/search?q=x&page=0", StatusCode::BAD_REQUEST, "page must be a whole number from 1 to 1000"),
        ("/search?q=x&per=abc", StatusCode::BAD_REQUEST, "not `abc`"),
        ("/search?q=x&year=MMXX", StatusCode::BAD_REQUEST, "year must be a year"),
        ("/search?q=%22unclosed", StatusCode::BAD_REQUEST, "bad query"),
        ("/kwic?q=x&sort=up", StatusCode::BAD_REQUEST, "sort must be one of"),
        ("/doc/nope", StatusCode::NOT_FOUND, "no document with id `nope`"),
        ("/doc/..%2F..%2Fetc%2Fpasswd", StatusCode::NOT_FOUND, "no document with id `../../etc/passwd`"),
        ("/doc/%2Fetc%2Fpasswd/source", StatusCode::NOT_FOUND, "no document"),
        ("/compare?old=nope&new=hostile-2020", StatusCode::NOT_FOUND, "no document"),
        ("/nowhere", StatusCode::NOT_FOUND, "no such page"),
        ("/search.csv", StatusCode::BAD_REQUEST, "the query q is missing"),
    ] {
        let answer = get(uri).await;
        assert_eq!(answer.status, status, "{uri}");
        assert!(answer.body.contains(message), "{uri}: {}", answer.body);
    }
    let long = format!("/search?q={}", "x".repeat(3_000));
    assert_eq!(get(&long).await.status, StatusCode::BAD_REQUEST);
    let api = get("/api/doc/nope").await;
    assert_eq!(api.status, StatusCode::NOT_FOUND);
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&api.body).unwrap()["error"],
        "no document with id `nope` in this index"
    );
}

#[tokio::test]
async fn only_get_from_our_own_host_with_security_headers_and_no_cors() {
    let post = request(Method::POST, "/search?q=x", "127.0.0.1:8080").await;
    assert_eq!(post.status, StatusCode::METHOD_NOT_ALLOWED);
    assert_eq!(post.headers[header::ALLOW], "GET, HEAD");
    let rebound = request(Method::GET, "/", "attacker.example:8080").await;
    assert_eq!(rebound.status, StatusCode::FORBIDDEN);
    let ok = request(Method::GET, "/", "localhost:8080").await;
    assert_eq!(ok.status, StatusCode::OK);
    let csp = ok.headers[header::CONTENT_SECURITY_POLICY].to_str().unwrap();
    assert!(csp.contains("default-src 'none'") && csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"));
    assert_eq!(ok.headers[header::X_CONTENT_TYPE_OPTIONS], "nosniff");
    assert!(!ok.headers.contains_key(header::ACCESS_CONTROL_ALLOW_ORIGIN));
    // Errors carry the headers too.
    assert!(rebound.headers.contains_key(header::CONTENT_SECURITY_POLICY));
}

#[tokio::test]
async fn api_search_and_document_have_the_fields_of_the_cli_json() {
    let answer = get(&format!("/api/search?q={}&limit=3", encode("大数据"))).await;
    assert_eq!(answer.status, StatusCode::OK);
    let value: serde_json::Value = serde_json::from_str(&answer.body).unwrap();
    assert_eq!(value["total"], 28);
    let hits = value["hits"].as_array().unwrap();
    assert_eq!(hits.len(), 3);
    let mut keys: Vec<&str> = hits[0].as_object().unwrap().keys().map(String::as_str).collect();
    keys.sort_unstable();
    assert_eq!(
        keys,
        ["doc_id", "doc_title", "highlights", "line", "node_id", "path", "score", "section_path", "snippet", "type"]
    );
    let first_four: serde_json::Value =
        serde_json::from_str(&get(&format!("/api/search?q={}&limit=4", encode("大数据"))).await.body).unwrap();
    let fourth: serde_json::Value =
        serde_json::from_str(&get(&format!("/api/search?q={}&limit=1&offset=3", encode("大数据"))).await.body).unwrap();
    assert_eq!(fourth["hits"].as_array().unwrap().len(), 1);
    assert_eq!(fourth["hits"][0], first_four["hits"][3], "offset 3 starts at the fourth hit");
    let doc: serde_json::Value =
        serde_json::from_str(&get("/api/doc/hebei-industry-transformation-13th-2016").await.body).unwrap();
    assert_eq!(doc["schema_version"], guihua_model::SCHEMA_VERSION);
    assert_eq!(doc["indicators"][0]["baseline"]["raw"], "0.63");
    let missing = get("/api/search").await;
    assert_eq!(missing.status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn compare_shows_the_diff_the_alignment_and_the_matrix() {
    let same =
        get("/compare?old=hebei-industry-transformation-13th-2016&new=hebei-industry-transformation-13th-2016").await;
    assert!(same.body.contains("两份文件内容相同"), "{}", same.body);
    let diff = get("/compare?old=hostile-2020&new=hebei-industry-transformation-13th-2016").await;
    assert_eq!(diff.status, StatusCode::OK);
    assert!(diff.body.contains("<caption>变化数 Changes</caption>"));
    assert!(diff.body.contains("新增 added"));
    let sections = get("/compare?old=hostile-2020&new=hebei-industry-transformation-13th-2016&view=sections").await;
    assert!(sections.body.contains("<h1>主题对齐 Topic alignment</h1>"));
    assert!(sections.body.contains("new-only"));
    let matrix = get("/compare?doc=hebei-industry-transformation-13th-2016&doc=hostile-2020").await;
    assert!(matrix.body.contains("<table class=\"matrix\">"));
    assert!(
        matrix.body.contains(
            "<th scope=\"row\">规模以上工业企业R&amp;D经费支出占主营业务收入比（%）</th><td>1.2</td><td></td>"
        ),
        "{}",
        matrix.body
    );
    let form = get("/compare").await;
    assert!(form.body.contains("<select name=\"old\">"));
}

#[tokio::test]
async fn kwic_counts_characters_of_context_and_sorts() {
    let answer = get(&format!("/kwic?q={}&width=4&sort=right", encode("大数据"))).await;
    assert_eq!(answer.status, StatusCode::OK);
    let body = &answer.body;
    let lefts: Vec<&str> =
        body.split("<td class=\"left\">").skip(1).map(|s| s.split("</td>").next().unwrap()).collect();
    assert!(!lefts.is_empty());
    assert!(lefts.iter().all(|l| l.chars().count() <= 4 || l.contains('&')), "{lefts:?}");
    let rights: Vec<&str> =
        body.split("<td class=\"right\">").skip(1).map(|s| s.split("</td>").next().unwrap()).collect();
    let mut sorted = rights.clone();
    sorted.sort_unstable();
    assert_eq!(rights, sorted, "sorted by the right context");
    // The trend: units per document, as bars and as numbers.
    assert!(body.contains("<rect"));
    assert!(body.contains("<td class=\"num\">26</td>"));
    let csv = get(&format!("/kwic.csv?q={}&width=4", encode("大数据"))).await;
    assert_eq!(csv.headers[header::CONTENT_TYPE], "text/csv; charset=utf-8");
    assert!(csv.body.starts_with("doc_id,doc_title,line,node_id,left,keyword,right\n"));
    let search_csv = get(&format!("/search.csv?q={}", encode("大数据"))).await;
    assert_eq!(search_csv.body.lines().count(), 29, "a header and 28 hits");
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig { cases: 64, ..Default::default() })]

    /// Whatever the query string, every route answers 200, 400 or 404 with a page: never a panic, never a 500.
    #[test]
    fn any_parameters_get_an_answer_not_a_failure(
        value in proptest::string::string_regex("(?s).{0,40}").unwrap(),
        number in proptest::prelude::any::<i64>(),
        key in proptest::sample::select(vec!["q", "page", "per", "doc", "year", "issuer", "width", "sort", "units", "old", "new", "view", "items", "limit", "offset"]),
    ) {
        let runtime = tokio::runtime::Builder::new_current_thread().build().unwrap();
        let encoded = encode(&value);
        for route in ["/search", "/kwic", "/compare", "/api/search", "/search.csv", "/kwic.csv"] {
            for uri in [
                format!("{route}?q={}&{key}={encoded}", encode("大数据")),
                format!("{route}?{key}={number}&q={encoded}"),
                format!("{route}?old=hostile-2020&new={encoded}&{key}={encoded}"),
            ] {
                let answer = runtime.block_on(get(&uri));
                proptest::prop_assert!(
                    [StatusCode::OK, StatusCode::BAD_REQUEST, StatusCode::NOT_FOUND].contains(&answer.status),
                    "{} for {}: {}", answer.status, uri, answer.body
                );
            }
        }
        for route in ["/doc/", "/api/doc/"] {
            let answer = runtime.block_on(get(&format!("{route}{encoded}")));
            proptest::prop_assert!([StatusCode::NOT_FOUND, StatusCode::OK].contains(&answer.status), "{}", answer.status);
        }
    }
}
