//! Front matter: the issuing notice (addressees, approval sentence, issuer, date), the title, and the plan period.

use guihua_model::Period;
use regex::Regex;
use std::sync::LazyLock;

use crate::numbers::parse_number;
use crate::text::is_blank;

/// A non-blank line with its index among all lines and its content offset.
#[derive(Debug, Clone, Copy)]
pub(crate) struct FrontLine<'a> {
    pub index: usize,
    pub text: &'a str,
    pub start: usize,
}

/// What the front matter says, as indices into the lines given to [`detect`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct FrontMatter {
    /// The notice's lines (first and last, inclusive), when there is a notice.
    pub notice: Option<(usize, usize)>,
    pub addressees: Vec<String>,
    pub issuer: Option<String>,
    pub issued: Option<String>,
    /// The title line.
    pub title: Option<usize>,
    /// Whether the title goes on over the next line (`title_wrapped`).
    pub title_wrapped: bool,
}

static DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[（(]?([0-9０-９]{4}|[〇○零一二三四五六七八九]{4})年([0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})月([0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})日[）)]?$")
        .expect("the date pattern is valid")
});

/// Reads `2016年9月30日` or `二〇一六年九月三十日` as an ISO date.
pub(crate) fn iso_date(text: &str) -> Option<String> {
    let caps = DATE.captures(text)?;
    let year = year_value(&caps[1])?;
    let month = parse_number(&caps[2]).filter(|m| (1..=12).contains(m))?;
    let day = parse_number(&caps[3]).filter(|d| (1..=31).contains(d))?;
    Some(format!("{year:04}-{month:02}-{day:02}"))
}

/// A four-digit year written in digits or digit by digit in Chinese (`二〇一六`).
fn year_value(text: &str) -> Option<u32> {
    text.chars().try_fold(0u32, |acc, c| Some(acc * 10 + parse_number(c.encode_utf8(&mut [0; 4]))?))
}

/// Words that mark a line as part of an issuing notice.
const NOTICE_WORDS: [&str; 5] = ["印发给你们", "现印发", "现将", "同意", "通知"];

/// Finds the notice and the title among the first non-blank lines, which end before the first heading.
///
/// A notice is recognised by its closing date line (`2016年9月30日`) with, before it, an order line and number
/// (`order_header`), a line addressing someone (ending with `：`) or a sentence with a notice word (`现印发`, `同意`,
/// …). The issuer is the body that orders, else the punctuation-free line right above the date. The title is the first line after the notice (or the first line of a document without one)
/// that is short and is not a sentence.
pub(crate) fn detect(lines: &[FrontLine<'_>]) -> FrontMatter {
    let mut front = FrontMatter::default();
    let date_at = lines.iter().take(12).position(|l| iso_date(l.text).is_some());
    let mut title_from = 0;
    if let Some((order, d)) = date_at.and_then(|d| order_header(&lines[..d]).map(|order| (order, d))) {
        front.notice = Some((0, d));
        front.issued = iso_date(lines[d].text);
        front.issuer = lines[order].text.strip_suffix('令').map(str::to_owned);
        title_from = d + 1;
    } else if let Some(d) = date_at {
        let addressed = lines[0].text.ends_with(['：', ':']);
        let notice_words = lines[..d].iter().any(|l| NOTICE_WORDS.iter().any(|w| l.text.contains(w)));
        if d > 0 && (addressed || notice_words) {
            front.notice = Some((0, d));
            front.issued = iso_date(lines[d].text);
            if addressed {
                front.addressees = split_addressees(lines[0].text);
            }
            let issuer_line = lines[d - 1].text;
            if (d > 1 || !addressed) && is_signature(issuer_line) {
                front.issuer = Some(issuer_line.to_owned());
            }
            title_from = d + 1;
        }
    }
    front.title = lines.get(title_from).filter(|l| is_title(l.text)).map(|_| title_from);
    front.title_wrapped =
        front.title.is_some_and(|t| lines.get(t + 1).is_some_and(|next| title_wrapped(lines[t].text, next.text)));
    if front.notice.is_none() {
        // A law's record lines under its title: the first is the adoption or promulgation.
        let after_title = front.title.map_or(0, |t| t + 1 + usize::from(front.title_wrapped));
        if let Some((issued, issuer)) = lines.iter().skip(after_title).take(4).find_map(|l| promulgation(l.text)) {
            front.issued = Some(issued);
            front.issuer = Some(issuer);
        }
    }
    front
}

static PROMULGATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^([0-9]{4})年([0-9]{1,2})月([0-9]{1,2})日[\s\u{3000}]*(\S.*?)[\s\u{3000}]*(?:通过|公布|发布|批准|颁布)[\s\u{3000}]*$")
        .expect("the promulgation pattern is valid")
});
static SITTING: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"第[0-9一二三四五六七八九十百零〇]+次.*$").expect("the sitting pattern is valid"));
static TERM: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"第[一二三四五六七八九十]+届").expect("the term pattern is valid"));

/// The `promulgation_line` rule: a law's record line (`2021年4月29日 第十三届全国人民代表大会常务委员会第二十八次会议通过`,
/// `2022年3月1日 国家市场监督管理总局令第52号公布`, `1951年2月26日 政务院公布`) gives the date and the body: the one
/// that orders (before `令第`), or the one that sat (the sitting and the term left out).
fn promulgation(text: &str) -> Option<(String, String)> {
    let caps = PROMULGATION.captures(text.trim_matches(is_blank))?;
    let date = iso_date(&format!("{}年{}月{}日", &caps[1], &caps[2], &caps[3]))?;
    let who = &caps[4];
    let body = match who.find("令第") {
        Some(at) => who[..at].to_owned(),
        None => TERM.replace_all(&SITTING.replace(who, ""), "").into_owned(),
    };
    let body = body.trim_matches(is_blank);
    ((2..=30).contains(&body.chars().count()) && is_signature(body) && !body.contains(['《', '》']))
        .then(|| (date, body.to_owned()))
}

static ORDER_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[（(]?第[0-9０-９〇○零一二三四五六七八九十百]{1,6}号[）)]?$")
        .expect("the order number pattern is valid")
});

/// The `order_header` rule: rules a government promulgates by order open with the issuing body's order line and
/// its number (`上海市人民政府令` + `（第19号）`), then the promulgating sentence (`…现予公布，自…起施行。`), the
/// signer (`市长　应勇`) and the date. Returns the index of the order line among `lines` (those before the date): the
/// issuer is that line without its `令`, not the signer above the date.
fn order_header(lines: &[FrontLine<'_>]) -> Option<usize> {
    lines.windows(2).position(|pair| {
        let order = pair[0].text.trim_matches(is_blank);
        let body = order.strip_suffix('令').unwrap_or_default();
        (2..=30).contains(&body.chars().count())
            && is_signature(body)
            && ORDER_NUMBER.is_match(pair[1].text.trim_matches(is_blank))
    })
}

/// A line with no sentence punctuation and at most 40 characters: a signature such as `河北省人民政府办公厅`.
fn is_signature(text: &str) -> bool {
    text.chars().count() <= 40 && !text.contains(['，', '。', '：', '；', ',', ':', ';'])
}

/// A title is at most 80 characters, does not end a sentence and holds no clause break: a first line with a `，` is
/// the first sentence of a document that has no title (text whose `。` were stripped shows no sentence end). Nor is
/// a salutation one (`同志们！`, `各位代表！`: a speech opens with it).
fn is_title(text: &str) -> bool {
    let chars = text.chars().count();
    (2..=80).contains(&chars)
        && !text.ends_with(['。', '；', '：', ':', ';', '！', '!'])
        && !text.contains(['，', '。'])
        && !is_record_note(text)
}

/// A law's record in brackets on a line of its own (`（2021年11月30日…令第23号公布　自2022年1月1日起施行）`): a
/// note under a title, never the title.
fn is_record_note(text: &str) -> bool {
    text.starts_with(['（', '('])
        && text.ends_with(['）', ')'])
        && text.contains('年')
        && ["公布", "施行", "通过", "修正", "修订", "发布"].iter().any(|w| text.contains(w))
}

/// The words a document's title ends with: what kind of document it is.
const DOCUMENT_KINDS: [&str; 26] = [
    "报告", "通知", "意见", "纲要", "规划", "方案", "计划", "办法", "决定", "条例", "规定", "细则", "公告", "通告",
    "决议", "讲话", "要点", "措施", "指南", "清单", "公报", "批复", "规则", "法", "通报", "函",
];

/// Whether `text` ends with the kind of document it names (`…的通知`, `…管理办法`).
pub(crate) fn ends_with_kind(text: &str) -> bool {
    DOCUMENT_KINDS.iter().any(|kind| text.ends_with(kind))
}

/// The `title_wrapped` rule: a cover title set over two lines (`政府工作报` / `告`, `石化行业智能制造标准体系` / `建设指南`,
/// `移动智能终端应用软件预置` / `和分发管理暂行规定`) goes on over the next line when that line is short and
/// title-shaped and the two together end with the kind of document (`报告`, `指南`, `规定`, …) while the first line
/// alone does not. A subtitle (`——2017年3月5日…`), a period (`（2021—2025年）`), a date or a document number under
/// a whole title is no continuation.
fn title_wrapped(title: &str, next: &str) -> bool {
    let next = next.trim_matches(is_blank);
    let title = title.trim_matches(is_blank);
    (1..=20).contains(&next.chars().count())
        && !next.contains(['，', '。', '；', '！', '!', ';'])
        && next != title
        && !next.starts_with(['—', '－', '-', '（', '(', '〔', '[', '【', '《'])
        && !next.contains(['〔', '［', '、', '：', ':'])
        && iso_date(next).is_none()
        && !ends_with_kind(title)
        && ends_with_kind(&format!("{title}{next}"))
}

/// Splits `各市（含定州、辛集市）人民政府，各县（市、区）人民政府，省政府各部门：` on the commas outside brackets.
fn split_addressees(line: &str) -> Vec<String> {
    let body = line.trim_end_matches(['：', ':']);
    let mut out = Vec::new();
    let mut depth = 0i32;
    let mut current = String::new();
    for c in body.chars() {
        match c {
            '（' | '(' => depth += 1,
            '）' | ')' => depth -= 1,
            _ => {}
        }
        if matches!(c, '，' | ',' | '；') && depth <= 0 {
            push_trimmed(&mut out, &current);
            current.clear();
        } else {
            current.push(c);
        }
    }
    push_trimmed(&mut out, &current);
    out
}

fn push_trimmed(out: &mut Vec<String>, item: &str) {
    let item = item.trim_matches(is_blank);
    if !item.is_empty() {
        out.push(item.to_owned());
    }
}

static PERIOD_STATED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:规划期|规划期限|实施期|实施期限|规划时限|规划时段)(?:为|是)?[：:]?\s*((?:19|20)\d{2})\s*年?\s*[-—–－~～至到]\s*((?:19|20)\d{2})\s*年")
        .expect("the stated period pattern is valid")
});

static PERIOD_IN_TITLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[（(]\s*((?:19|20)\d{2})\s*年?\s*[-—–－~～至到]\s*((?:19|20)\d{2})\s*年?\s*[）)]")
        .expect("the title period pattern is valid")
});

static FIVE_YEAR_PLAN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"“?十([一二三四五六七八九])五”?|第([一二三四五六七八九十]+)个五年")
        .expect("the five-year plan pattern is valid")
});

/// The years a plan covers: stated in the text (`规划期2016-2020年`), else a year range in the title
/// (`（2021-2023年）`), else the five-year plan the title names (`“十三五”` → 2016–2020).
pub(crate) fn period(title: Option<&str>, intro: &str) -> Option<Period> {
    let range = |caps: regex::Captures<'_>| -> Option<Period> {
        let start = caps[1].parse().ok()?;
        let end = caps[2].parse().ok()?;
        (start <= end).then_some(Period { start, end })
    };
    if let Some(p) = PERIOD_STATED.captures(intro).and_then(range) {
        return Some(p);
    }
    let title = title?;
    if let Some(p) = PERIOD_IN_TITLE.captures(title).and_then(range) {
        return Some(p);
    }
    let caps = FIVE_YEAR_PLAN.captures(title)?;
    let nth = match (caps.get(1), caps.get(2)) {
        (Some(unit), _) => 10 + parse_number(unit.as_str())?,
        (None, Some(n)) => parse_number(n.as_str())?,
        _ => return None,
    };
    five_year_plan(nth)
}

/// The years of the nth five-year plan. The first two ran 1953–1962; after three years of adjustment the third
/// began in 1966, and every later one follows on.
pub(crate) fn five_year_plan(nth: u32) -> Option<Period> {
    let start = match nth {
        1 => 1953,
        2 => 1958,
        n @ 3..=40 => 1966 + 5 * (i32::try_from(n).ok()? - 3),
        _ => return None,
    };
    Some(Period { start, end: start + 4 })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_first_sentence_is_no_title() {
        assert!(is_title("河北省工业转型升级“十三五”规划"));
        assert!(is_title("国务院关于印发《新一代人工智能发展规划》的通知"));
        assert!(!is_title("中华人民共和国国民经济和社会发展的第七个五年计划时期，是全面改革我国经济体制的关键时期"));
        assert!(!is_title("有色金属行业是制造业的重要基础产业之一，是实现制"));
        assert!(!is_title("各市人民政府："));
        assert!(!is_title("同志们！"));
    }

    fn lines<'a>(texts: &[&'a str]) -> Vec<FrontLine<'a>> {
        texts.iter().enumerate().map(|(index, &text)| FrontLine { index, text, start: 0 }).collect()
    }

    #[test]
    fn a_notice_with_addressees_issuer_date_and_title() {
        let front = detect(&lines(&[
            "各市（含定州、辛集市）人民政府，各县（市、区）人民政府，省政府各部门：",
            "《河北省工业转型升级“十三五”规划》已经省政府同意，现印发给你们，请认真组织实施。",
            "河北省人民政府办公厅",
            "2016年9月30日",
            "河北省工业转型升级“十三五”规划",
            "“十三五”是建设制造强省的关键时期。",
        ]));
        assert_eq!(front.notice, Some((0, 3)));
        assert_eq!(front.addressees, ["各市（含定州、辛集市）人民政府", "各县（市、区）人民政府", "省政府各部门"]);
        assert_eq!(front.issuer.as_deref(), Some("河北省人民政府办公厅"));
        assert_eq!(front.issued.as_deref(), Some("2016-09-30"));
        assert_eq!(front.title, Some(4));
    }

    #[test]
    fn an_order_names_its_issuer_and_date() {
        let front = detect(&lines(&[
            "中山市政务数据管理办法",
            "中山市人民政府令",
            "（第16号）",
            "《中山市政务数据管理办法》已经2020年4月29日中山市人民政府十五届94次常务会议通过，现予公布，自2020年7月1日起施行。",
            "市长 危伟汉",
            "2020年5月15日",
            "中山市政务数据管理办法",
        ]));
        assert_eq!(front.notice, Some((0, 5)));
        assert_eq!(front.issuer.as_deref(), Some("中山市人民政府"), "the body that orders, not the signer");
        assert_eq!(front.issued.as_deref(), Some("2020-05-15"));
        assert_eq!(front.title, Some(6));
        // A line ending with 令 without an order number after it is no order.
        let front = detect(&lines(&["关于实施禁令", "各单位：", "现将有关事项通知如下。", "某某局", "2020年5月15日"]));
        assert_eq!(front.issuer.as_deref(), Some("某某局"));
    }

    #[test]
    fn a_law_s_record_lines_give_its_date_and_body() {
        let cases = [
            (
                "2021年4月29日 第十三届全国人民代表大会常务委员会第二十八次会议通过",
                "2021-04-29",
                "全国人民代表大会常务委员会",
            ),
            (
                "2017年7月28日 浙江省第十二届人民代表大会常务委员会第四十三次会议通过",
                "2017-07-28",
                "浙江省人民代表大会常务委员会",
            ),
            ("2022年3月1日 国家市场监督管理总局令第52号公布", "2022-03-01", "国家市场监督管理总局"),
            ("1988年12月27日 国务院第30次常务会议通过", "1988-12-27", "国务院"),
            ("1951年2月26日 政务院公布", "1951-02-26", "政务院"),
        ];
        for (line, date, body) in cases {
            assert_eq!(promulgation(line), Some((date.to_owned(), body.to_owned())), "{line}");
        }
        assert_eq!(promulgation("2014年7月29日 《国务院关于修改部分行政法规的决定》第一次修订"), None);
        assert_eq!(promulgation("2016年9月30日，省政府召开常务会议通过"), None);
        let front = detect(&lines(&[
            "# 中华人民共和国乡村振兴促进法",
            "2021年4月29日 第十三届全国人民代表大会常务委员会第二十八次会议通过",
        ]));
        assert_eq!(front.issued.as_deref(), Some("2021-04-29"));
        assert_eq!(front.issuer.as_deref(), Some("全国人民代表大会常务委员会"));
        assert_eq!(front.title, Some(0));
    }

    #[test]
    fn no_notice_the_first_short_line_is_the_title() {
        let front = detect(&lines(&["新一代人工智能发展规划", "人工智能的迅速发展将深刻改变人类社会生活。"]));
        assert_eq!(front.notice, None);
        assert_eq!(front.title, Some(0));
        let front = detect(&lines(&["人工智能的迅速发展将深刻改变人类社会生活、改变世界。"]));
        assert_eq!(front.title, None);
    }

    #[test]
    fn a_title_set_over_two_lines() {
        for (first, second) in [
            ("政府工作报", "告"),
            ("石化行业智能制造标准体系", "建设指南"),
            ("移动智能终端应用软件预置", "和分发管理暂行规定"),
        ] {
            let front = detect(&lines(&[first, second, "为推动移动互联网健康有序发展，构建安全可靠的环境。"]));
            assert_eq!((front.title, front.title_wrapped), (Some(0), true), "{first}");
        }
        let whole = [
            ["政府工作报告", "——2017年3月5日在第十二届全国人民代表大会第五次会议上"],
            ["河北省“十四五”规划", "（2021—2025年）"],
            ["新一代人工智能发展规划", "国发〔2017〕35号"],
            ["关于加强管理的", "2020年5月15日"],
            ["数字经济发展", "一、总体要求"],
        ];
        for [first, second] in whole {
            let front = detect(&lines(&[first, second]));
            assert!(!front.title_wrapped, "{first} / {second}");
        }
    }

    #[test]
    fn dates_in_digits_and_in_chinese() {
        assert_eq!(iso_date("2016年9月30日").as_deref(), Some("2016-09-30"));
        assert_eq!(iso_date("二〇一六年九月三十日").as_deref(), Some("2016-09-30"));
        assert_eq!(iso_date("２０２１年１０月８日").as_deref(), Some("2021-10-08"));
        assert_eq!(iso_date("2016年13月30日"), None);
        assert_eq!(iso_date("到2016年9月30日前完成"), None);
    }

    #[test]
    fn periods_stated_in_titles_and_by_plan_number() {
        let p = |t: Option<&str>, i: &str| period(t, i).map(|p| (p.start, p.end));
        assert_eq!(p(None, "制定本规划。规划期2016-2020年。"), Some((2016, 2020)));
        assert_eq!(p(Some("工业互联网创新发展行动计划（2021-2023年）"), ""), Some((2021, 2023)));
        assert_eq!(p(Some("河北省工业转型升级“十三五”规划"), ""), Some((2016, 2020)));
        assert_eq!(p(Some("山东省“十四五”科技创新规划"), ""), Some((2021, 2025)));
        assert_eq!(p(Some("国民经济和社会发展第八个五年计划纲要"), ""), Some((1991, 1995)));
        assert_eq!(p(Some("关于实施乡村振兴战略的意见"), ""), None);
    }
}
