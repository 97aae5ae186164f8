//! Quantified targets in prose: `规模以上工业增加值达到1.7万亿元`, `比2015年下降18%`, `年均增长13%`,
//! `创建10家绿色工业园区`.
//!
//! The `commitment_verb` heuristic: a number is a target only when a verb of commitment governs it in its clause
//! (`达到`, `提高到`, `控制在`, `比2015年提高`, `年均增长`, `培育`, `创建` …) and it carries a unit or stands after such a
//! verb. Dates (`2016年`), document numbers (`〔2021〕82号`), names with digits (`中电科54所`), ordinals and
//! `5G` are never governed that way, so they are never targets.

use std::sync::LazyLock;

use guihua_model::{Bound, Direction, Quantity, Span, Target, TargetKind};
use regex::{Captures, Regex};

use crate::numbers::digit_value;
use crate::text::is_blank;

/// A target found in one text, with the byte range of its quantity in that text. Its id, node and span are the
/// caller's to fill in.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Found {
    pub target: Target,
    pub from: usize,
    pub to: usize,
}

impl std::ops::Deref for Found {
    type Target = Target;

    fn deref(&self) -> &Target {
        &self.target
    }
}

impl std::ops::DerefMut for Found {
    fn deref_mut(&mut self) -> &mut Target {
        &mut self.target
    }
}

const NUMBER: &str = r"(?P<num>(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9０-９]+)(?:[.．][0-9０-９]+)?)(?:[：:∶/](?P<den>[0-9０-９]+))?(?P<mult>万亿|千亿|百亿|亿|千万|百万|万|千)?(?P<unit>个百分点|百分点|[%％‰]|(?:美元|元|吨标准煤|万吨|吨|人次|人年|名|人|个|家|项|件|台|套|座|辆|户|处|条|公里|千米|平方米|米|亩|公顷|千瓦时|千瓦|兆瓦|GW|MW|kW|立方米|小时|分钟|倍|次|张|部|种|所|亿元|千瓦)(?:/人|/年|/吨)?)?(?P<bound>以上|以下|左右|以内)?";

/// One pattern of commitment: where the subject stands and what the verb says about the number.
struct Pattern {
    regex: Regex,
    kind: Option<TargetKind>,
}

static PATTERNS: LazyLock<Vec<Pattern>> = LazyLock::new(|| {
    let p = |re: String, kind| Pattern { regex: Regex::new(&re).expect("a target pattern is valid"), kind };
    vec![
        // 比2015年下降18% / 比2015年提高2个百分点
        p(
            format!(
                r"^(?P<subject>.*?)比(?P<base>(?:19|20)\d{{2}})年(?P<dir>提高|提升|增长|增加|上升|下降|降低|减少|缩小)了?{NUMBER}"
            ),
            Some(TargetKind::Change),
        ),
        // 年均增长13%
        p(format!(r"^(?P<subject>.*?)年均(?:增长|增速|提高)(?:达到|为)?{NUMBER}"), Some(TargetKind::Growth)),
        // 达到1.7万亿元 / 控制在…以内 / 达到每万名员工使用机器人60台
        p(
            format!(
                r"^(?P<subject>.*?)(?P<verb>达到|提高到|提升到|增长到|增加到|下降到|降低到|减少到|调整到|控制在|保持在|稳定在|超过|突破|不低于|不少于|不超过|不高于)(?P<per>每[^0-9０-９，。；]{{1,12}})?{NUMBER}"
            ),
            None,
        ),
        // 创建10家绿色工业园区
        p(
            format!(
                r"^(?P<lead>.*?)(?P<verb>培育|建设|建成|创建|打造|新增|认定|引进|组建){NUMBER}(?P<after>[^，。；0-9０-９]{{2,40}})"
            ),
            Some(TargetKind::Count),
        ),
        // 培育省级试点示范项目100个
        p(
            format!(
                r"^(?P<lead>.*?)(?P<verb>培育|建设|建成|创建|打造|新增|认定|引进|组建)(?P<between>[^，。；0-9０-９]{{2,20}}?){NUMBER}"
            ),
            Some(TargetKind::Count),
        ),
    ]
});

/// `…和100家绿色工厂`: another count governed by the same verb.
static CONTINUATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"^(?:和|及|以及|、)?{NUMBER}(?P<after>[^，。；0-9０-９]{{2,40}})"))
        .expect("the continuation pattern is valid")
});

/// A subject that opens with its own year: `1995年乡镇企业总产值`.
static SUBJECT_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^([12１２][0-9０-９]{3})年(?:底|末)?[，,]?").expect("the subject year pattern is valid")
});

static YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:到|至|截至)\s*((?:19|20|１９|２０)[0-9０-９]{2})\s*年").expect("the target year pattern is valid")
});

/// Words that open a clause without belonging to its subject.
const SUBJECT_PREFIXES: [&str; 10] = ["其中", "力争", "全省", "我省", "预计", "累计", "确保", "同时", "并", "使"];

/// Units that count things.
const COUNT_UNITS: [&str; 17] =
    ["个", "家", "项", "件", "台", "套", "座", "辆", "户", "处", "条", "所", "种", "张", "部", "人", "名"];

static ANY_QUANTITY: LazyLock<Regex> = LazyLock::new(|| Regex::new(NUMBER).expect("the quantity pattern is valid"));

/// What stands right before a number and changes its meaning: `比2015年下降`, `年均增长`, `超过`, `控制在`.
static BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:比(?P<base>(?:19|20|１９|２０)[0-9０-９]{2})年(?P<dir>提高|提升|增长|增加|上升|下降|降低|减少|缩小)了?|(?P<growth>年均(?:增长|增速|提高)(?:达到|为)?)|(?P<verb>超过|突破|不低于|不少于|不超过|不高于|控制在))$")
        .expect("the context pattern is valid")
});

/// Every quantity in `text`: a number with its unit and multiplier, its bound and kind (a change against a base year,
/// an annual growth rate, a share, a count, a ratio, a level), as byte ranges of `text`. Numbers that are parts of
/// dates, ordinals or names (`2016年`, `第6代`, `5G`) are no quantities. Targets and table cells are read with it.
pub fn quantities(text: &str) -> Vec<Quantity> {
    let mut out = Vec::new();
    for caps in ANY_QUANTITY.captures_iter(text) {
        let Some(whole) = caps.get(0) else { continue };
        let before = &text[..whole.start()];
        let after = text[whole.end()..].chars().next();
        let previous = before.chars().next_back();
        // Part of a longer number, an ordinal, or a bare number before a word (a date, a name, a model).
        if previous.is_some_and(|c| c == '第' || c == '.' || c == '．' || digit_value(c).is_some()) {
            continue;
        }
        let has_measure = caps.name("unit").is_some() || caps.name("bound").is_some() || caps.name("den").is_some();
        if !has_measure && after.is_some_and(|c| c.is_alphanumeric() || "·•-－".contains(c)) {
            continue;
        }
        let tail_start = before.char_indices().rev().nth(15).map_or(0, |(i, _)| i);
        let context = BEFORE.captures(&before[tail_start..]);
        let kind = context.as_ref().and_then(|c| {
            if c.name("dir").is_some() {
                Some(TargetKind::Change)
            } else if c.name("growth").is_some() {
                Some(TargetKind::Growth)
            } else {
                None
            }
        });
        let Some(Measure { value, normalized, unit, multiplier, ratio }) = measure(&caps) else { continue };
        let kind = if ratio { TargetKind::Ratio } else { kind.unwrap_or_else(|| kind_of_unit(unit.as_deref())) };
        let verb = context.as_ref().and_then(|c| c.name("verb")).map(|m| m.as_str());
        let bound = bound_of(caps.name("bound").map(|m| m.as_str()), verb);
        let direction = context.as_ref().and_then(|c| c.name("dir")).map(|d| direction_of(d.as_str()));
        out.push(Quantity {
            raw: whole.as_str().to_owned(),
            value,
            normalized,
            unit,
            multiplier,
            bound,
            kind,
            direction,
            base_year: context.as_ref().and_then(|c| c.name("base")).and_then(|b| year_value(b.as_str())),
            start: whole.start(),
            end: whole.end(),
        });
    }
    out
}

/// A year written in ASCII or full-width digits (`2020`, `２０２０`).
fn year_value(digits: &str) -> Option<i32> {
    crate::numbers::parse_number(digits).and_then(|y| i32::try_from(y).ok())
}

/// Finds the targets in `text` (a paragraph). `default_year` is the plan period's end, used where the text names no
/// year. A year named earlier in the paragraph (`到2020年，…。…`) holds for the sentences after it.
pub(crate) fn find_targets(text: &str, default_year: Option<i32>) -> Vec<Found> {
    let mut out = Vec::new();
    let mut paragraph_year = None;
    if !has_digit(text) {
        return out; // every target has a number; most paragraphs of a plan have none
    }
    for (sentence_start, sentence) in split_keep_offsets(text, &['。', '！', '？', '；', '\n']) {
        if !has_digit(sentence) {
            continue;
        }
        let sentence_year = YEAR.captures(sentence).and_then(|c| year_value(&c[1]));
        if sentence_year.is_some() {
            paragraph_year = sentence_year;
        }
        let year = sentence_year.or(paragraph_year).or(default_year);
        let mut previous_subject: Option<String> = None;
        let mut previous_clause: Option<&str> = None;
        for (clause_start, clause) in split_keep_offsets(sentence, &['，', '：', ',', ':']) {
            let found_here = if has_digit(clause) { match_clause(clause) } else { Vec::new() };
            for mut found in found_here {
                found.year = year;
                let own_year = SUBJECT_YEAR.captures(&found.subject).map(|caps| {
                    let year = crate::numbers::parse_number(&caps[1]).and_then(|y| i32::try_from(y).ok());
                    (year, found.subject[caps.get(0).map_or(0, |m| m.end())..].to_owned())
                });
                if let Some((own, subject)) = own_year {
                    found.year = own;
                    found.subject = subject;
                }
                if found.subject.is_empty() {
                    // `有效发明专利拥有量年均增长13%，达到10000件以上`: the subject of the clause before; or a short
                    // clause that names it alone: `第三产业增加值，1995年比1990年增长53.9%`.
                    let short_clause = previous_clause.map(clean_subject).filter(|c| {
                        (2..=20).contains(&c.chars().count()) && !c.chars().any(|ch| digit_value(ch).is_some())
                    });
                    match previous_subject.clone().or(short_clause) {
                        Some(subject) => found.subject = subject,
                        None => continue,
                    }
                }
                previous_subject = Some(found.subject.clone());
                found.text = sentence.trim_matches(is_blank).to_owned();
                found.from += sentence_start + clause_start;
                found.to += sentence_start + clause_start;
                out.push(found);
            }
            previous_clause = Some(clause);
        }
    }
    out
}

/// Whether `text` holds an ASCII or a full-width digit (U+FF10–U+FF19, `EF BC 90`–`EF BC 99` in UTF-8).
fn has_digit(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.iter().any(u8::is_ascii_digit)
        || memchr::memmem::find_iter(bytes, &[0xEF, 0xBC])
            .any(|i| bytes.get(i + 2).is_some_and(|c| (0x90..=0x99).contains(c)))
}

/// The words one of [`PATTERNS`] needs: a clause without any of them holds no target, and is not run through them.
static TRIGGERS: LazyLock<aho_corasick::AhoCorasick> = LazyLock::new(|| {
    aho_corasick::AhoCorasick::new([
        "比",
        "年均",
        "达到",
        "提高到",
        "提升到",
        "增长到",
        "增加到",
        "下降到",
        "降低到",
        "减少到",
        "调整到",
        "控制在",
        "保持在",
        "稳定在",
        "超过",
        "突破",
        "不低于",
        "不少于",
        "不超过",
        "不高于",
        "培育",
        "建设",
        "建成",
        "创建",
        "打造",
        "新增",
        "认定",
        "引进",
        "组建",
    ])
    .expect("the trigger words build an automaton")
});

/// Pieces of `text` split at each of `delimiters` (kept out), with their byte offsets. A delimiter between two
/// digits (`3：7`, `1,500`) belongs to the number and does not split.
fn split_keep_offsets<'a>(text: &'a str, delimiters: &[char]) -> Vec<(usize, &'a str)> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut previous: Option<char> = None;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let next = chars.peek().map(|&(_, n)| n);
        let between_digits = previous.and_then(digit_value).is_some() && next.and_then(digit_value).is_some();
        previous = Some(c);
        if delimiters.contains(&c) && !between_digits {
            out.push((start, &text[start..i]));
            start = i + c.len_utf8();
        }
    }
    out.push((start, &text[start..]));
    out.retain(|(_, piece)| !piece.trim_matches(is_blank).is_empty());
    out
}

/// The targets of one clause: the first pattern that matches, then any counts the same verb goes on to govern.
fn match_clause(clause: &str) -> Vec<Found> {
    if !TRIGGERS.is_match(clause) {
        return Vec::new();
    }
    for pattern in PATTERNS.iter() {
        let Some(caps) = pattern.regex.captures(clause) else { continue };
        let Some(found) = build(&caps, pattern.kind, clause) else { continue };
        let mut end = caps.get(0).map_or(clause.len(), |m| m.end());
        let mut out = vec![found];
        while let Some(caps) = CONTINUATION.captures(&clause[end..]) {
            let Some(mut more) = build(&caps, Some(TargetKind::Count), &clause[end..]) else { break };
            more.from += end;
            more.to += end;
            end += caps.get(0).map_or(0, |m| m.end());
            out.push(more);
        }
        return out;
    }
    Vec::new()
}

fn build(caps: &Captures<'_>, kind: Option<TargetKind>, clause: &str) -> Option<Found> {
    let num = caps.name("num")?;
    let has_unit = caps.name("unit").is_some();
    let next = clause[caps.get(0).map_or(clause.len(), |m| m.end())..].chars().next();
    // A bare number before a word is a number with a measure this reader does not know: better no target than a
    // wrong one. Before a date or ordinal word it is no quantity at all (`达到2020年`, `第6代`, `5G`).
    let ends_clause = next.is_none_or(|c| is_blank(c) || "）)」』”、。；".contains(c));
    if !has_unit && caps.name("den").is_none() && caps.name("bound").is_none() && !ends_clause {
        return None;
    }
    let bound_word = caps.name("bound").map(|m| m.as_str());
    let verb = caps.name("verb").map(|m| m.as_str());
    if !has_unit && caps.name("den").is_none() {
        if matches!(kind, Some(TargetKind::Count)) {
            return None; // a count needs its measure word
        }
        if verb.is_none() && kind.is_none() {
            return None;
        }
    }
    let Measure { value, normalized, unit, multiplier, ratio } = measure(caps)?;
    let kind = if ratio { TargetKind::Ratio } else { kind.unwrap_or_else(|| kind_of_unit(unit.as_deref())) };
    let direction = caps.name("dir").map(|d| direction_of(d.as_str()));
    let bound = bound_of(bound_word, verb);
    let subject = match (caps.name("subject"), caps.name("after"), caps.name("between")) {
        (Some(s), _, _) => clean_subject(s.as_str()),
        (None, Some(after), _) => clean_subject(after.as_str()),
        (None, None, Some(between)) => clean_subject(between.as_str()),
        _ => String::new(),
    };
    if subject.chars().count() > 40 {
        return None; // a whole clause, not a subject
    }
    let from = num.start();
    let to = caps
        .name("bound")
        .or(caps.name("unit"))
        .or(caps.name("mult"))
        .or(caps.name("den"))
        .map_or(num.end(), |m| m.end());
    let raw = caps.get(0).map_or(String::new(), |m| m.as_str()[from - m.start()..to - m.start()].to_owned());
    let target = Target {
        id: String::new(),
        subject,
        value,
        normalized,
        unit,
        multiplier,
        per: caps.name("per").map(|m| m.as_str().to_owned()),
        bound,
        kind,
        direction,
        year: None,
        base_year: caps.name("base").and_then(|b| year_value(b.as_str())),
        raw,
        text: String::new(),
        node: String::new(),
        span: Span::default(),
    };
    Some(Found { target, from, to })
}

/// The subject without a leading year phrase or connective (`到2020年电子信息产业主营业务收入` → `电子信息产业主营业务收入`)
/// and without a trailing one (`…示范园区和` before the next count, `…分别`, `…力争`).
fn clean_subject(raw: &str) -> String {
    let mut subject = raw.trim_matches(is_blank);
    loop {
        let before = subject;
        if let Some(m) = YEAR.find(subject).filter(|m| m.start() == 0) {
            subject = subject[m.end()..].trim_start_matches(['底', '末', '前']);
        }
        for prefix in SUBJECT_PREFIXES {
            subject = subject.strip_prefix(prefix).unwrap_or(subject);
        }
        subject = subject.trim_start_matches(is_blank);
        if subject == before {
            break;
        }
    }
    loop {
        let before = subject;
        for suffix in ["以及", "和", "及", "、", "的", "要", "将", "均", "力争", "分别", "达"] {
            subject = subject.strip_suffix(suffix).unwrap_or(subject);
        }
        if subject == before {
            return subject.to_owned();
        }
    }
}

/// The number of a [`NUMBER`] match: its value, its value scaled by the multiplier (or a ratio's quotient), its unit
/// and multiplier, and whether it is a ratio.
struct Measure {
    value: f64,
    normalized: f64,
    unit: Option<String>,
    multiplier: Option<String>,
    ratio: bool,
}

fn measure(caps: &Captures<'_>) -> Option<Measure> {
    let value = parse_decimal(caps.name("num")?.as_str())?;
    let unit = caps.name("unit").map(|m| normalize_unit(m.as_str()));
    let multiplier = caps.name("mult").map(|m| m.as_str().to_owned());
    let (normalized, ratio) = match caps.name("den") {
        Some(den) => (value / parse_decimal(den.as_str()).filter(|d| *d != 0.0)?, true),
        None => {
            let exponent = multiplier.as_deref().map_or(0, multiplier_exponent);
            (parse_decimal_scaled(caps.name("num")?.as_str(), exponent)?, false)
        }
    };
    Some(Measure { value, normalized, unit, multiplier, ratio })
}

/// The bound a suffix (`以上`) or a verb before the number (`超过`, `控制在`) puts on it.
fn bound_of(suffix: Option<&str>, verb: Option<&str>) -> Bound {
    match (suffix, verb) {
        (Some("以上"), _) | (_, Some("超过" | "突破" | "不低于" | "不少于")) => Bound::AtLeast,
        (Some("以下" | "以内"), _) | (_, Some("不超过" | "不高于" | "控制在")) => Bound::AtMost,
        (Some("左右"), _) => Bound::About,
        _ => Bound::Exact,
    }
}

fn direction_of(word: &str) -> Direction {
    match word {
        "下降" | "降低" | "减少" | "缩小" => Direction::Decrease,
        _ => Direction::Increase,
    }
}

fn kind_of_unit(unit: Option<&str>) -> TargetKind {
    match unit {
        Some("%" | "‰") => TargetKind::Share,
        Some("个百分点" | "百分点") => TargetKind::Change,
        Some(u) if COUNT_UNITS.contains(&u) => TargetKind::Count,
        _ => TargetKind::Level,
    }
}

/// The power of ten a multiplier stands for (`万亿` → 12).
fn multiplier_exponent(multiplier: &str) -> i32 {
    match multiplier {
        "万亿" => 12,
        "千亿" => 11,
        "百亿" => 10,
        "亿" => 8,
        "千万" => 7,
        "百万" => 6,
        "万" => 4,
        "千" => 3,
        _ => 0,
    }
}

fn normalize_unit(unit: &str) -> String {
    unit.chars().map(|c| if c == '％' { '%' } else { c }).collect()
}

/// A decimal written in ASCII or full-width digits, with `.` or `．`, and thousands separated by `,` or not.
fn parse_decimal(text: &str) -> Option<f64> {
    parse_decimal_scaled(text, 0)
}

/// A number as written times `10^exponent`, rounded once: `4.1万亿` is exactly 4100000000000, not the product of two
/// rounded floats (4099999999999.9995).
fn parse_decimal_scaled(text: &str, exponent: i32) -> Option<f64> {
    let ascii: String = text
        .chars()
        .filter(|&c| c != ',')
        .map(|c| match digit_value(c) {
            Some(d) => char::from_digit(d, 10).unwrap_or('0'),
            None => '.',
        })
        .collect();
    format!("{ascii}e{exponent}").parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(text: &str) -> (String, f64, Option<String>, Bound, TargetKind) {
        let found = find_targets(text, Some(2020));
        assert_eq!(found.len(), 1, "{text}: {found:#?}");
        let f = &found[0];
        (f.subject.clone(), f.value, f.unit.clone(), f.bound, f.kind)
    }

    #[test]
    fn levels_shares_and_bounds() {
        assert_eq!(
            one("规模以上工业增加值达到1.7万亿元，比2010年翻一番。"),
            ("规模以上工业增加值".into(), 1.7, Some("元".into()), Bound::Exact, TargetKind::Level)
        );
        assert_eq!(
            one("技改投资占工业投资比重达到60%以上。"),
            ("技改投资占工业投资比重".into(), 60.0, Some("%".into()), Bound::AtLeast, TargetKind::Share)
        );
        assert_eq!(
            one("制造业质量竞争力指数达到82.5。"),
            ("制造业质量竞争力指数".into(), 82.5, None, Bound::Exact, TargetKind::Level)
        );
        let f = &find_targets("规模以上工业增加值达到1.7万亿元。", None)[0];
        assert_eq!((f.normalized, f.multiplier.as_deref(), f.raw.as_str()), (1.7e12, Some("万亿"), "1.7万亿元"));
        let f = &find_targets("规模以上工业增加值达到4.1万亿元。", None)[0];
        assert_eq!(f.normalized, 4.1e12, "scaled in one rounding, so that the JSON reads back the same");
    }

    #[test]
    fn changes_growth_and_carried_subjects() {
        let found =
            find_targets("规模以上工业万元增加值能耗比2015年下降18%，固体废弃物综合利用率达到73%。", Some(2020));
        assert_eq!(found[0].subject, "规模以上工业万元增加值能耗");
        assert_eq!(
            (found[0].kind, found[0].direction, found[0].base_year),
            (TargetKind::Change, Some(Direction::Decrease), Some(2015))
        );
        assert_eq!(found[1].subject, "固体废弃物综合利用率");
        let found = find_targets("有效发明专利拥有量年均增长13%，达到10000件以上。", Some(2020));
        assert_eq!((found[0].kind, found[0].value), (TargetKind::Growth, 13.0));
        assert_eq!(
            (found[1].subject.as_str(), found[1].value, found[1].bound),
            ("有效发明专利拥有量", 10000.0, Bound::AtLeast)
        );
        let points = &find_targets("工业增加值率比2015年提高2个百分点。", None)[0];
        assert_eq!((points.unit.as_deref(), points.direction), (Some("个百分点"), Some(Direction::Increase)));
    }

    #[test]
    fn years_rates_counts_and_ratios() {
        let found = find_targets(
            "到2020年，智能工厂（教字化车间）达到1500家，工业机器人密度达到每万名员工使用机器人60台。",
            None,
        );
        assert_eq!(
            (found[0].subject.as_str(), found[0].year, found[0].kind),
            ("智能工厂（教字化车间）", Some(2020), TargetKind::Count)
        );
        assert_eq!((found[1].per.as_deref(), found[1].value), (Some("每万名员工使用机器人"), 60.0));
        let found = find_targets("到2020年电子信息产业主营业务收入达到3000亿元以上。", Some(2025));
        assert_eq!((found[0].subject.as_str(), found[0].year), ("电子信息产业主营业务收入", Some(2020)));
        let found = find_targets("到2020年，创建10家绿色工业园区和100家绿色工厂，培育省级试点示范项目100个。", None);
        let subjects: Vec<_> = found.iter().map(|f| (f.subject.as_str(), f.value)).collect();
        assert_eq!(subjects, [("绿色工业园区", 10.0), ("绿色工厂", 100.0), ("省级试点示范项目", 100.0)]);
        let named = &find_targets("第三产业增加值，1995年比1990年增长53.9％。", None)[0];
        assert_eq!((named.subject.as_str(), named.year, named.value), ("第三产业增加值", Some(1995), 53.9));
        assert!(find_targets("1995年比1990年增长53· 9％。", None).is_empty(), "a number broken by OCR is no target");
        let own_year = &find_targets("1995年乡镇企业总产值达到14000亿元。", Some(2000))[0];
        assert_eq!((own_year.subject.as_str(), own_year.year), ("乡镇企业总产值", Some(1995)));
        let ratio = &find_targets("化学原料药和制剂比调整到3：7。", None)[0];
        assert_eq!((ratio.kind, ratio.raw.as_str()), (TargetKind::Ratio, "3：7"));
    }

    #[test]
    fn every_quantity_of_a_text() {
        let q = quantities(
            "规模以上工业增加值达到1.7万亿元，比2015年下降18%，年均增长13%，达到60%以上，调整到3：7，每万名员工60台。",
        );
        let read: Vec<_> = q.iter().map(|q| (q.raw.as_str(), q.kind, q.bound, q.direction)).collect();
        assert_eq!(
            read,
            [
                ("1.7万亿元", TargetKind::Level, Bound::Exact, None),
                ("18%", TargetKind::Change, Bound::Exact, Some(Direction::Decrease)),
                ("13%", TargetKind::Growth, Bound::Exact, None),
                ("60%以上", TargetKind::Share, Bound::AtLeast, None),
                ("3：7", TargetKind::Ratio, Bound::Exact, None),
                ("60台", TargetKind::Count, Bound::Exact, None),
            ]
        );
        assert_eq!((q[0].normalized, q[1].base_year), (1.7e12, Some(2015)));
        assert_eq!(quantities("２０１１年，增长１２．５％。")[0].value, 12.5, "full-width digits read as numbers");
        for text in ["2016年9月30日", "第6代AMOLED", "5G网络", "“十三五”"] {
            assert!(quantities(text).is_empty(), "{text}: {:?}", quantities(text));
        }
    }

    #[test]
    fn numbers_that_are_not_commitments() {
        for text in [
            "河北省人民政府办公厅2016年9月30日印发。",
            "“十三五”是建设制造强省的关键时期。",
            "中电科54所北斗卫星导航产业集群。",
            "固安第六代有源矩阵有机发光二极体面板（AMOLED）生产线。",
            "加快5G网络建设。",
            "皖政办秘〔2021〕82号。",
            "规划期2016-2020年。",
        ] {
            assert!(find_targets(text, Some(2020)).is_empty(), "{text}: {:?}", find_targets(text, Some(2020)));
        }
    }
}
