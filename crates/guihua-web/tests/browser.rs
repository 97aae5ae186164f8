//! `guihua serve` in a real browser: headless Chromium driven over WebDriver (chromedriver) with fantoccini.
//!
//! The server runs in-process on a loopback port over an in-memory index of the seed plan and a small plan whose
//! text is markup. The scenarios type a query and read the grouped hits, use the keys of `app.js` (`/`, Escape, `j`,
//! Enter), follow the outline, open comparisons, repeat the search with JavaScript off, check that markup in a
//! document is shown as text, and run axe-core (vendored in `tests/vendor`) on each kind of page.
//!
//! Without `/usr/bin/chromium` and `/usr/bin/chromedriver` (Debian's `chromium` and `chromium-driver`) the test is
//! skipped with a message; with `GUIHUA_BROWSER_TESTS=require` it fails instead.

#![cfg(unix)]

mod common;

use std::fmt::{Display, Write as _};
use std::io::Write as _;
use std::net::{SocketAddr, TcpListener as StdListener, TcpStream};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use common::{SEED, SEED_PATH};
use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use fantoccini::key::Key;
use fantoccini::{Client, ClientBuilder, Locator};
use guihua_web::{App, Bundled, Hosts};
use serde_json::{Value, json};

const CHROMIUM: &str = "/usr/bin/chromium";
const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

const SEED_ID: &str = "hebei-industry-transformation-13th-2016";
/// A small plan whose text is markup: the browser must show it as text and run none of it.
const HOSTILE_PATH: &str = "markup-test-2020.txt";
const HOSTILE_ID: &str = "markup-test-2020";
const HOSTILE: &str = "关于<b>测试</b>的实施意见\n\n一、总体要求\n\n推进大数据产业<script>alert(1)</script>发展。到2020年，产值达到100亿元。\n\n二、主要任务\n\n发展大数据 & 云计算。\n";
const SCRIPT_TEXT: &str = "<script>alert(1)</script>";

/// axe-core, injected into each page checked for accessibility (see `tests/vendor/README.md`).
const AXE: &str = include_str!("vendor/axe.min.js");

/// The Chromium flags of every session: headless, and nothing that reaches for the network on its own.
const CHROMIUM_ARGS: [&str; 9] = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
];

type Outcome<T> = Result<T, String>;

/// Adds what was being done to an error.
trait Context<T> {
    fn at(self, what: &str) -> Outcome<T>;
}

impl<T, E: Display> Context<T> for Result<T, E> {
    fn at(self, what: &str) -> Outcome<T> {
        self.map_err(|err| format!("{what}: {err}"))
    }
}

/// Checks a condition, failing with a message (the scenarios return errors so that the sessions are closed).
fn check(condition: bool, message: impl FnOnce() -> String) -> Outcome<()> {
    if condition { Ok(()) } else { Err(message()) }
}

/// chromedriver in a process group of its own, with the browsers it starts, and the folder of their profiles:
/// dropped, the group is ended and the folder removed, whether the test passed or not.
struct Driver {
    child: Child,
    port: u16,
    dir: PathBuf,
    profiles: usize,
}

impl Driver {
    fn start() -> Outcome<Driver> {
        let dir = std::env::temp_dir().join(format!("guihua-browser-{}", std::process::id()));
        std::fs::create_dir_all(&dir).at("creating the profile folder")?;
        let port = StdListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).at("finding a free port")?.port();
        let log = std::fs::File::create(dir.join("chromedriver.log")).at("creating the chromedriver log")?;
        let child = Command::new(CHROMEDRIVER)
            .arg(format!("--port={port}"))
            .stdin(Stdio::null())
            .stdout(log.try_clone().at("opening the chromedriver log")?)
            .stderr(log)
            .process_group(0)
            .spawn()
            .at("starting chromedriver")?;
        let driver = Driver { child, port, dir, profiles: 0 };
        let started = Instant::now();
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            if started.elapsed() > Duration::from_secs(10) {
                return Err(format!("chromedriver did not listen on port {port} within 10 s"));
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        Ok(driver)
    }

    /// A new browser session with a fresh profile; `javascript: false` turns scripts off for every page.
    async fn session(&mut self, javascript: bool) -> Outcome<Client> {
        self.profiles += 1;
        let profile = self.dir.join(format!("profile-{}", self.profiles));
        let mut args: Vec<String> = CHROMIUM_ARGS.iter().map(|a| (*a).to_owned()).collect();
        args.push(format!("--user-data-dir={}", profile.display()));
        args.push("--window-size=1280,900".to_owned());
        let mut options = json!({ "binary": CHROMIUM, "args": args });
        if !javascript {
            options["prefs"] = json!({ "profile.managed_default_content_settings.javascript": 2 });
        }
        let capabilities = json!({ "browserName": "chrome", "goog:chromeOptions": options });
        let Value::Object(capabilities) = capabilities else { unreachable!() };
        let connector = hyper_util::client::legacy::connect::HttpConnector::new();
        ClientBuilder::new(connector)
            .capabilities(capabilities)
            .connect(&format!("http://127.0.0.1:{}", self.port))
            .await
            .at("starting a Chromium session (see chromedriver.log)")
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        // The whole group: chromedriver and any browser a failed test left open.
        let group = format!("-{}", self.child.id());
        let _ = Command::new("kill").args(["-TERM", "--", &group]).stderr(Stdio::null()).status();
        let deadline = Instant::now() + Duration::from_secs(3);
        while Instant::now() < deadline && matches!(self.child.try_wait(), Ok(None)) {
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = Command::new("kill").args(["-KILL", "--", &group]).stderr(Stdio::null()).status();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// Why the browser tests cannot run here, if they cannot.
fn missing_browser() -> Option<String> {
    let missing: Vec<&str> = [CHROMIUM, CHROMEDRIVER].into_iter().filter(|p| !Path::new(p).exists()).collect();
    (!missing.is_empty())
        .then(|| format!("{} not found (Debian packages chromium and chromium-driver)", missing.join(" and ")))
}

/// The app over an in-memory index of the seed plan and the plan whose text is markup.
fn app() -> App {
    common::app_of(&[
        Bundled { path: SEED_PATH, bytes: SEED },
        Bundled { path: HOSTILE_PATH, bytes: HOSTILE.as_bytes() },
    ])
}

/// Serves the app on a free loopback port, in a task of the test's runtime.
async fn serve() -> SocketAddr {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let router = guihua_web::router(Arc::new(app()), Hosts::for_address(addr, &[]));
    tokio::spawn(async move { axum::serve(listener, router).await.unwrap() });
    addr
}

fn encode(text: &str) -> String {
    form_urlencoded::byte_serialize(text.as_bytes()).collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[allow(clippy::print_stderr)]
async fn the_web_interface_works_in_a_real_browser() {
    if let Some(why) = missing_browser() {
        if std::env::var("GUIHUA_BROWSER_TESTS").is_ok_and(|v| v == "require") {
            panic!("GUIHUA_BROWSER_TESTS=require, but {why}");
        }
        // Straight to stderr, past the test harness's capture, so that the skip shows in `cargo test`'s output.
        let _ = writeln!(
            std::io::stderr(),
            "browser tests skipped: {why}; set GUIHUA_BROWSER_TESTS=require to make this a failure"
        );
        return;
    }
    let started = Instant::now();
    let addr = serve().await;
    let base = format!("http://{addr}");
    let mut driver = Driver::start().unwrap();
    let log = driver.dir.join("chromedriver.log");
    let mut audit = Audit::default();
    let outcome = run(&mut driver, &base, &mut audit).await;
    if let Err(err) = outcome {
        let log = std::fs::read_to_string(&log).unwrap_or_default();
        let tail: Vec<&str> = log.lines().rev().take(20).collect();
        let tail: Vec<&str> = tail.into_iter().rev().collect();
        drop(driver);
        panic!("{err}\n--- the end of chromedriver's log ---\n{}", tail.join("\n"));
    }
    drop(driver);
    eprintln!("browser tests: {:.1} s", started.elapsed().as_secs_f64());
    for line in &audit.lesser {
        eprintln!("axe-core, minor or moderate: {line}");
    }
    assert!(
        audit.serious.is_empty(),
        "axe-core found {} serious or critical accessibility violations:\n{}",
        audit.serious.len(),
        audit.serious.join("\n")
    );
}

/// Every scenario, in two sessions (JavaScript on, then off); each session is closed whatever its scenarios gave.
async fn run(driver: &mut Driver, base: &str, audit: &mut Audit) -> Outcome<()> {
    let client = driver.session(true).await?;
    let with_js = scripted(&client, base, audit).await;
    let closed = client.close().await.at("closing the session");
    let hits = with_js?;
    closed?;
    let client = driver.session(false).await?;
    let without_js = unscripted(&client, base, hits).await;
    let closed = client.close().await.at("closing the session without JavaScript");
    without_js?;
    closed
}

/// The scenarios with JavaScript on; returns how many hits the first page of `大数据` shows.
async fn scripted(client: &Client, base: &str, audit: &mut Audit) -> Outcome<usize> {
    let hits = search_from_the_front_page(client, base).await?;
    keys_open_a_hit(client).await?;
    outline_links_move_to_their_section(client).await?;
    comparisons(client, base).await?;
    markup_is_text(client, base).await?;
    for page in [
        "/".to_owned(),
        format!("/search?q={}", encode("大数据")),
        format!("/doc/{SEED_ID}?q={}", encode("大数据")),
        format!("/doc/{HOSTILE_ID}"),
        "/compare".to_owned(),
        format!("/compare?old={SEED_ID}&new={HOSTILE_ID}"),
        format!("/compare?doc={SEED_ID}&doc={HOSTILE_ID}"),
        format!("/kwic?q={}", encode("大数据")),
    ] {
        client.goto(&format!("{base}{page}")).await.at(&page)?;
        axe(client, &page, audit).await?;
    }
    Ok(hits)
}

/// Runs a script returning a value.
async fn eval(client: &Client, script: &str) -> Outcome<Value> {
    client.execute(script, Vec::new()).await.at(script)
}

/// Waits (5 s at most) until `condition`, a JavaScript expression, holds.
async fn wait_until(client: &Client, condition: &str) -> Outcome<()> {
    let script = format!("return !!({condition});");
    let started = Instant::now();
    loop {
        if eval(client, &script).await? == Value::Bool(true) {
            return Ok(());
        }
        if started.elapsed() > Duration::from_secs(5) {
            let url = client.current_url().await.map(|u| u.to_string()).unwrap_or_default();
            return Err(format!("timed out waiting for `{condition}` on {url}"));
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// Presses and releases `key` where the focus is (not on an element of our choosing).
async fn press(client: &Client, key: char) -> Outcome<()> {
    let actions =
        KeyActions::new("keyboard".to_owned()).then(KeyAction::Down { value: key }).then(KeyAction::Up { value: key });
    client.perform_actions(actions).await.at(&format!("pressing {key:?}"))
}

async fn text_of(client: &Client, css: &str) -> Outcome<String> {
    client.find(Locator::Css(css)).await.at(css)?.text().await.at(css)
}

async fn count(client: &Client, css: &str) -> Outcome<usize> {
    Ok(client.find_all(Locator::Css(css)).await.at(css)?.len())
}

/// a. The query typed on the front page and submitted with Enter gives grouped hits.
async fn search_from_the_front_page(client: &Client, base: &str) -> Outcome<usize> {
    client.goto(&format!("{base}/")).await.at("opening /")?;
    let box_ = client.find(Locator::Css("#q")).await.at("the search box")?;
    box_.send_keys("大数据").await.at("typing the query")?;
    box_.send_keys(&Key::Enter.to_string()).await.at("submitting the query")?;
    wait_until(client, "location.pathname === '/search' && document.querySelector('li.hit')").await?;
    let url = client.current_url().await.at("the URL")?;
    check(url.as_str().contains("/search?q="), || format!("the form went to {url}"))?;
    let q: Vec<String> = url.query_pairs().filter(|(k, _)| k == "q").map(|(_, v)| v.into_owned()).collect();
    check(q == ["大数据"], || format!("the query sent was {q:?}"))?;
    let groups = count(client, "section.group").await?;
    let hits = count(client, "section.group li.hit").await?;
    check(groups == 2, || format!("{groups} document groups, not the 2 plans that mention 大数据"))?;
    check(hits == 20, || format!("{hits} hits on the first page, not 20"))?;
    let total = text_of(client, "p.summary strong").await?;
    check(total.trim().parse::<usize>().is_ok_and(|n| n > hits), || format!("the summary counts {total:?} units"))?;
    Ok(hits)
}

/// b. `/` focuses the search box, Escape leaves it, `j` selects the first hit and Enter opens it at its unit.
async fn keys_open_a_hit(client: &Client) -> Outcome<()> {
    wait_until(client, "document.activeElement === document.body").await?;
    press(client, '/').await?;
    wait_until(client, "document.activeElement && document.activeElement.id === 'q'").await?;
    let value = eval(client, "return document.getElementById('q').value;").await?;
    check(value == "大数据", || format!("the search box holds {value} after `/`: the key was typed into it"))?;
    press(client, Key::Escape.into()).await?;
    wait_until(client, "document.activeElement !== document.getElementById('q')").await?;
    press(client, 'j').await?;
    wait_until(client, "document.querySelector('li.hit.selected')").await?;
    let first = client.find(Locator::Css("li.hit")).await.at("the first hit")?;
    let class = first.attr("class").await.at("its class")?.unwrap_or_default();
    check(class.split_whitespace().any(|c| c == "selected"), || format!("the first hit has class {class:?}"))?;
    check(count(client, "li.hit.selected").await? == 1, || "more than one hit selected".to_owned())?;
    let href = first.find(Locator::Css("a.open")).await.at("the hit's link")?.attr("href").await.at("href")?;
    let href = href.ok_or("the hit's link has no href")?;
    press(client, Key::Enter.into()).await?;
    wait_until(client, "location.pathname.startsWith('/doc/')").await?;
    let url = client.current_url().await.at("the URL")?;
    let opened = &url.as_str()[url.origin().ascii_serialization().len()..];
    check(opened == href, || format!("Enter opened {opened}, not the selected hit {href}"))?;
    let fragment = url.fragment().unwrap_or_default().to_owned();
    check(!fragment.is_empty(), || format!("{url} names no unit"))?;
    let target = eval(
        client,
        "const t = document.querySelector(':target'); \
         return t && { id: t.id, marks: t.querySelectorAll('mark').length, hash: decodeURIComponent(location.hash.slice(1)) };",
    )
    .await?;
    check(target["id"] == target["hash"] && target["id"] != Value::Null, || format!("the :target is {target}"))?;
    check(target["marks"].as_u64().is_some_and(|n| n > 0), || format!("the unit opened marks no term: {target}"))
}

/// c. An outline link moves to its section.
async fn outline_links_move_to_their_section(client: &Client) -> Outcome<()> {
    let links = client.find_all(Locator::Css("nav.outline a[href^='#']")).await.at("the outline")?;
    check(links.len() >= 5, || format!("the outline has {} links", links.len()))?;
    let link = &links[2];
    let href = link.attr("href").await.at("href")?.unwrap_or_default();
    let label = link.text().await.at("the link's text")?;
    link.click().await.at("clicking an outline link")?;
    wait_until(client, &format!("location.hash === {}", json!(href))).await?;
    let heading =
        eval(client, &format!("const t = document.getElementById({}); return t && t.textContent;", json!(&href[1..])))
            .await?;
    let heading = heading.as_str().unwrap_or_default();
    let number = label.split_whitespace().next().unwrap_or_default();
    check(!number.is_empty() && heading.contains(number), || {
        format!(
            "the outline link {label:?} ({href}) leads to an element reading {:?}",
            heading.chars().take(80).collect::<String>()
        )
    })
}

/// d. Comparisons: a plan with itself, two plans, and the indicator matrix.
async fn comparisons(client: &Client, base: &str) -> Outcome<()> {
    client.goto(&format!("{base}/compare?old={SEED_ID}&new={SEED_ID}")).await.at("comparing a plan with itself")?;
    let main = text_of(client, "main").await?;
    check(main.contains("相同"), || format!("a plan compared with itself: {main}"))?;
    client.goto(&format!("{base}/compare?old={SEED_ID}&new={HOSTILE_ID}")).await.at("comparing two plans")?;
    let rows = count(client, "table.summary-table tr").await?;
    check(rows > 1, || format!("the summary table of two plans has {rows} rows"))?;
    let main = text_of(client, "main").await?;
    check(!main.contains("内容相同"), || "two different plans are said to be the same".to_owned())?;
    client.goto(&format!("{base}/compare?doc={SEED_ID}&doc={HOSTILE_ID}")).await.at("the indicator matrix")?;
    let rows = count(client, "table.matrix tbody tr").await?;
    check(rows > 0, || format!("the indicator matrix has {rows} rows"))
}

/// f. Markup in a document is shown as text, and none of it runs.
async fn markup_is_text(client: &Client, base: &str) -> Outcome<()> {
    client.goto(&format!("{base}/doc/{HOSTILE_ID}")).await.at("opening the plan whose text is markup")?;
    let text = text_of(client, "main").await?;
    check(text.contains(SCRIPT_TEXT), || format!("the document page does not show {SCRIPT_TEXT} as text: {text}"))?;
    check(text.contains("关于<b>测试</b>的实施意见"), || {
        format!("the title's markup is not shown as text: {text}")
    })?;
    let inline = eval(client, "return document.querySelectorAll('script:not([src]), b').length;").await?;
    check(inline == 0, || format!("the page holds {inline} inline scripts or <b> elements"))?;
    no_alert(client).await?;
    client.goto(&format!("{base}/search?q=alert")).await.at("searching for alert")?;
    let snippet = text_of(client, "li.hit p.snippet").await?;
    check(snippet.contains(SCRIPT_TEXT), || format!("the hit's snippet reads {snippet:?}"))?;
    no_alert(client).await
}

async fn no_alert(client: &Client) -> Outcome<()> {
    match client.get_alert_text().await {
        Ok(text) => Err(format!("the page opened an alert: {text:?}")),
        Err(err) if err.is_no_such_alert() => Ok(()),
        Err(err) => Err(format!("asking for an alert: {err}")),
    }
}

/// What axe-core found on a page: serious or critical violations (which fail the test) and lesser ones (printed).
#[derive(Default)]
struct Audit {
    serious: Vec<String>,
    lesser: Vec<String>,
}

/// g. axe-core on the current page.
async fn axe(client: &Client, page: &str, audit: &mut Audit) -> Outcome<()> {
    client.execute(AXE, Vec::new()).await.at(&format!("injecting axe-core into {page}"))?;
    let found = client
        .execute_async(
            "const done = arguments[arguments.length - 1];
             axe.run(document, { resultTypes: ['violations'] })
               .then(r => done({ rules: r.passes.length + r.violations.length + r.incomplete.length,
                 violations: r.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help, count: v.nodes.length,
                   targets: v.nodes.slice(0, 3).map(n => n.target.join(' ')),
                   summary: v.nodes.length ? v.nodes[0].failureSummary : '' })) }))
               .catch(e => done({ error: String(e) }));",
            Vec::new(),
        )
        .await
        .at(&format!("running axe-core on {page}"))?;
    if let Some(error) = found.get("error") {
        return Err(format!("axe-core failed on {page}: {error}"));
    }
    let rules = found["rules"].as_u64().unwrap_or(0);
    check(rules >= 20, || format!("axe-core applied only {rules} rules to {page}: {found}"))?;
    for v in found["violations"].as_array().ok_or_else(|| format!("axe-core answered {found}"))? {
        let mut line = format!("{page}: {} ({}): {} — {} nodes, e.g.", v["id"], v["impact"], v["help"], v["count"]);
        for target in v["targets"].as_array().into_iter().flatten() {
            let _ = write!(line, " {target}");
        }
        let _ = write!(line, "; {}", v["summary"].as_str().unwrap_or_default().replace('\n', " "));
        if matches!(v["impact"].as_str(), Some("serious" | "critical")) {
            audit.serious.push(line);
        } else {
            audit.lesser.push(line);
        }
    }
    Ok(())
}

/// e. With JavaScript off the same hits render, the form still searches, and the keys do nothing.
async fn unscripted(client: &Client, base: &str, hits_with_js: usize) -> Outcome<()> {
    client.goto(&format!("{base}/search?q={}", encode("大数据"))).await.at("searching without JavaScript")?;
    let hits = count(client, "li.hit").await?;
    check(hits == hits_with_js, || format!("{hits} hits without JavaScript, {hits_with_js} with it"))?;
    check(count(client, "section.group").await? == 2, || "the hits are not grouped without JavaScript".to_owned())?;
    press(client, 'j').await?;
    let selected = count(client, "li.hit.selected").await?;
    check(selected == 0, || "`j` selected a hit: JavaScript is not off in this session".to_owned())?;
    let box_ = client.find(Locator::Css("#q")).await.at("the search box")?;
    box_.clear().await.at("clearing the search box")?;
    box_.send_keys("数字经济").await.at("typing a query")?;
    client.find(Locator::Css("form.searchbox button")).await.at("the search button")?.click().await.at("submitting")?;
    let started = Instant::now();
    loop {
        let url = client.current_url().await.at("the URL")?;
        let q: Vec<String> = url.query_pairs().filter(|(k, _)| k == "q").map(|(_, v)| v.into_owned()).collect();
        if url.path() == "/search" && q == ["数字经济"] {
            break;
        }
        if started.elapsed() > Duration::from_secs(5) {
            return Err(format!("the form without JavaScript went to {url}"));
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let summary = text_of(client, "p.summary").await?;
    check(summary.contains("处匹配"), || format!("the search without JavaScript shows {summary:?}"))
}
