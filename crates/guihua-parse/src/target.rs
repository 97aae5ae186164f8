//! Quantified targets in prose: `规模以上工业增加值达到1.7万亿元`, `比2015年下降18%`, `年均增长13%`,
//! `创建10家绿色工业园区`.
//!
//! The `commitment_verb` heuristic: a number is a target only when a verb of commitment governs it in its clause
//! (`达到`, `提高到`, `控制在`, `比2015年提高`, `年均增长`, `培育`, `创建` …) and it carries a unit or stands after such a
//! verb. Dates (`2016年`), document numbers (`〔2021〕82号`), names with digits (`中电科54所`), ordinals and
//! `5G` are never governed that way, so they are never targets.

use std::sync::LazyLock;

use guihua_model::{Bound, Direction, Quantity, Span, Target, TargetKind, TargetStatus};
use regex::Regex;

use crate::amount::{Amount, Range};
use crate::figures::has_ascii_digit;
use crate::numbers::digit_value;
use crate::text::is_blank;

/// A target found in one text, with the byte range of its quantity in that text. Its id, node and span are the
/// caller's to fill in.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Found {
    pub target: Target,
    pub from: usize,
    pub to: usize,
    /// The byte range of the sentence it stands in.
    pub sentence: (usize, usize),
}

/// What the text around a paragraph says about its targets.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Context {
    /// The plan period's end: the year of a goal that names none.
    pub default_year: Option<i32>,
    /// The year the document was written in (its date, the start of its period, the latest year its headings name):
    /// `今年` is this year, and a result reported for an earlier year is an achievement.
    pub document_year: Option<i32>,
    /// What the nearest section title that says so makes of its numbers (`2015年工作回顾` → achieved, `主要目标` →
    /// goal); see [`section_status`].
    pub section: Option<TargetStatus>,
    /// Whether the document writes figures in Chinese numerals (see [`crate::figures::writes_chinese_figures`]).
    pub chinese_numerals: bool,
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

/// The parts of a pattern's match, as byte ranges of the text it was read in (what a regex's captures would be).
#[derive(Debug, Clone, Copy)]
struct Caps<'t> {
    text: &'t str,
    /// Where the whole match ends (every pattern starts at the start of its text).
    end: usize,
    amount: Amount,
    subject: Option<Range>,
    after: Option<Range>,
    between: Option<Range>,
    verb: Option<Range>,
    per: Option<Range>,
    dir: Option<Range>,
    base: Option<Range>,
}

/// One part of a [`Caps`].
#[derive(Debug, Clone, Copy)]
struct Part<'t> {
    text: &'t str,
    start: usize,
    end: usize,
}

impl<'t> Part<'t> {
    fn as_str(&self) -> &'t str {
        &self.text[self.start..self.end]
    }

    fn start(&self) -> usize {
        self.start
    }

    fn end(&self) -> usize {
        self.end
    }
}

impl<'t> Caps<'t> {
    fn of(text: &'t str, amount: Amount) -> Self {
        Caps {
            text,
            end: amount.end,
            amount,
            subject: None,
            after: None,
            between: None,
            verb: None,
            per: None,
            dir: None,
            base: None,
        }
    }

    fn name(&self, name: &str) -> Option<Part<'t>> {
        let a = &self.amount;
        let range = match name {
            "num" => Some(a.num),
            "den" => a.den,
            "mult" => a.mult,
            "unit" => a.unit,
            "bound" => a.bound,
            "subject" => self.subject,
            "after" => self.after,
            "between" => self.between,
            "verb" => self.verb,
            "per" => self.per,
            "dir" => self.dir,
            "base" => self.base,
            _ => None,
        };
        range.map(|(start, end)| Part { text: self.text, start, end })
    }
}

/// The shapes of a commitment, tried in this order: where the subject stands and what the verb says about the number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    /// `比2015年下降18%` / `比2015年提高2个百分点`
    Change,
    /// `年均增长13%`
    Growth,
    /// `达到1.7万亿元` / `控制在…以内` / `达到每万名员工使用机器人60台`
    Level,
    /// `创建10家绿色工业园区`
    CountAfter,
    /// `培育省级试点示范项目100个`
    CountBetween,
}

impl Shape {
    const ALL: [Shape; 5] = [Shape::Change, Shape::Growth, Shape::Level, Shape::CountAfter, Shape::CountBetween];

    fn kind(self) -> Option<TargetKind> {
        match self {
            Shape::Change => Some(TargetKind::Change),
            Shape::Growth => Some(TargetKind::Growth),
            Shape::Level => None,
            Shape::CountAfter | Shape::CountBetween => Some(TargetKind::Count),
        }
    }
}

/// The verbs that set a level: `达到`, `控制在`, `不低于` ….
const LEVEL_VERBS: [&str; 18] = [
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
];

/// The verbs that create things counted: `培育`, `创建` ….
const COUNT_VERBS: [&str; 9] = ["培育", "建设", "建成", "创建", "打造", "新增", "认定", "引进", "组建"];

/// The directions of a change against a base year.
const CHANGE_WORDS: [&str; 9] = ["提高", "提升", "增长", "增加", "上升", "下降", "降低", "减少", "缩小"];

/// The words one of the [`Shape`]s needs (`比`, `年均`, the level verbs, the count verbs): a clause without any of them
/// holds no commitment, and where they stand is where the shapes are tried.
static TRIGGERS: LazyLock<aho_corasick::AhoCorasick> = LazyLock::new(|| {
    let words = ["比", "年均"].into_iter().chain(LEVEL_VERBS).chain(COUNT_VERBS);
    aho_corasick::AhoCorasick::new(words).expect("the trigger words build an automaton")
});

/// Which shape a trigger word (by its index in [`TRIGGERS`]) opens: the count verbs open two.
fn opens(trigger: usize, shape: Shape) -> bool {
    match shape {
        Shape::Change => trigger == 0,
        Shape::Growth => trigger == 1,
        Shape::Level => (2..2 + LEVEL_VERBS.len()).contains(&trigger),
        Shape::CountAfter | Shape::CountBetween => trigger >= 2 + LEVEL_VERBS.len(),
    }
}

/// The amount at `at`, read greedily, when a digit stands there.
fn amount_here(text: &str, at: usize) -> Option<Amount> {
    text[at..].chars().next().filter(|&c| crate::amount::is_digit(c))?;
    crate::amount::amount_at(text, at)
}

/// `text[at..]` after `word` when it starts with it.
fn after_word(text: &str, at: usize, word: &str) -> Option<usize> {
    text[at..].starts_with(word).then_some(at + word.len())
}

/// The first of `words` at `at`, as a range.
fn one_of(text: &str, at: usize, words: &[&str]) -> Option<Range> {
    words.iter().find(|w| text[at..].starts_with(**w)).map(|w| (at, at + w.len()))
}

/// Up to `max` characters from `at` that are none of `，。；` nor a digit (the words after or between in a count).
fn words_from(text: &str, at: usize, max: usize) -> (usize, usize) {
    let mut count = 0;
    let mut end = at;
    for (i, c) in text[at..].char_indices() {
        if count == max || matches!(c, '，' | '。' | '；') || crate::amount::is_digit(c) {
            break;
        }
        count += 1;
        end = at + i + c.len_utf8();
    }
    (count, end)
}

/// The match of `shape` whose trigger word stands at `at` (the subject, or the lead, is `clause[..at]`).
fn shape_at(shape: Shape, clause: &str, at: usize, trigger: Range) -> Option<Caps<'_>> {
    let caps = |amount: Amount| Caps::of(clause, amount);
    match shape {
        Shape::Change => {
            // 比 (19|20)\d\d 年 (提高|…) 了? amount
            let year_at = trigger.1;
            if !clause[year_at..].starts_with("19") && !clause[year_at..].starts_with("20") {
                return None;
            }
            let mut year_end = year_at + 2;
            for _ in 0..2 {
                let c = clause[year_end..].chars().next().filter(|&c| crate::amount::is_digit(c))?;
                year_end += c.len_utf8();
            }
            let dir_at = after_word(clause, year_end, "年")?;
            let dir = one_of(clause, dir_at, &CHANGE_WORDS)?;
            let number_at =
                after_word(clause, dir.1, "了").filter(|&k| amount_here(clause, k).is_some()).unwrap_or(dir.1);
            let mut found = caps(amount_here(clause, number_at)?);
            (found.subject, found.base, found.dir) = (Some((0, at)), Some((year_at, year_end)), Some(dir));
            Some(found)
        }
        Shape::Growth => {
            // 年均 (增长|增速|提高) (达到|为)? amount
            let word = one_of(clause, trigger.1, &["增长", "增速", "提高"])?;
            let number_at = one_of(clause, word.1, &["达到", "为"])
                .map(|w| w.1)
                .filter(|&k| amount_here(clause, k).is_some())
                .unwrap_or(word.1);
            let mut found = caps(amount_here(clause, number_at)?);
            found.subject = Some((0, at));
            Some(found)
        }
        Shape::Level => {
            // verb (每 …{1,12})? amount
            let per = after_word(clause, trigger.1, "每").and_then(|k| {
                let (count, end) = words_from(clause, k, 13);
                ((1..=12).contains(&count) && amount_here(clause, end).is_some()).then_some((trigger.1, end))
            });
            let mut found = caps(amount_here(clause, per.map_or(trigger.1, |p| p.1))?);
            (found.subject, found.verb, found.per) = (Some((0, at)), Some(trigger), per);
            Some(found)
        }
        Shape::CountAfter => {
            // verb amount (words){2,40}
            amount_here(clause, trigger.1)?;
            let amount = crate::amount::amount_then(clause, trigger.1, &mut |a| words_from(clause, a.end, 2).0 == 2)?;
            let mut found = caps(amount);
            let (_, after_end) = words_from(clause, amount.end, 40);
            (found.verb, found.after, found.end) = (Some(trigger), Some((amount.end, after_end)), after_end);
            Some(found)
        }
        Shape::CountBetween => {
            // verb (words){2,20} amount
            let (count, end) = words_from(clause, trigger.1, 21);
            if !(2..=20).contains(&count) {
                return None;
            }
            let mut found = caps(amount_here(clause, end)?);
            (found.verb, found.between) = (Some(trigger), Some((trigger.1, end)));
            Some(found)
        }
    }
}

/// `…和100家绿色工厂`: another count governed by the same verb — `(和|及|以及|、)? amount (words){2,40}` at the start
/// of `text`.
fn continuation(text: &str) -> Option<Caps<'_>> {
    let at = one_of(text, 0, &["和", "及", "以及", "、"]).map_or(0, |w| w.1);
    amount_here(text, at)?;
    let amount = crate::amount::amount_then(text, at, &mut |a| words_from(text, a.end, 2).0 == 2)?;
    let (_, after_end) = words_from(text, amount.end, 40);
    let mut found = Caps::of(text, amount);
    (found.after, found.end) = (Some((amount.end, after_end)), after_end);
    Some(found)
}

/// The upper end of a range after a number: `—7%`, `-5`, `～10个`, `至5个`.
fn range_after(text: &str) -> Option<Caps<'_>> {
    let dash = ["——", "—", "–", "－", "-", "~", "～", "至"]
        .iter()
        .find(|d| text.starts_with(**d) && amount_here(text, d.len()).is_some())?;
    let amount = amount_here(text, dash.len())?;
    Some(Caps::of(text, amount))
}

/// A subject that opens with its own year: `1995年乡镇企业总产值`.
/// [`SUBJECT_YEAR`]'s captures, asked only of a text that opens with a digit it allows.
fn subject_year(text: &str) -> Option<regex::Captures<'_>> {
    text.starts_with(['1', '2', '１', '２']).then(|| SUBJECT_YEAR.captures(text)).flatten()
}

static SUBJECT_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^([12１２][0-9０-９]{3})年(?:底|末)?[，,]?").expect("the subject year pattern is valid")
});

/// `到2020年`, `至 2025 年`, `截至２０１５年`: the year a goal is set for — `(到|至)\s*(19|20)dd\s*年`, the century in
/// ASCII or in full-width digits. Returns the match's byte range and the year's.
fn year_phrase(text: &str) -> Option<(Range, Range)> {
    text.match_indices(['到', '至']).find_map(|(at, word)| {
        let digits_at = at + word.len() + blank_run(&text[at + word.len()..]);
        let rest = &text[digits_at..];
        let century = ["19", "20", "１９", "２０"].iter().find(|c| rest.starts_with(**c))?;
        let mut end = digits_at + century.len();
        for _ in 0..2 {
            let c = text[end..].chars().next().filter(|&c| crate::amount::is_digit(c))?;
            end += c.len_utf8();
        }
        let year = (digits_at, end);
        let after = end + blank_run(&text[end..]);
        // `截至` opens the phrase where it is written.
        let start = if word == "至" && text[..at].ends_with('截') { at - '截'.len_utf8() } else { at };
        text[after..].starts_with('年').then_some(((start, after + '年'.len_utf8()), year))
    })
}

/// The byte length of the whitespace at the start of `text`.
fn blank_run(text: &str) -> usize {
    text.len() - text.trim_start_matches(char::is_whitespace).len()
}

/// Words that open a clause without belonging to its subject.
const SUBJECT_PREFIXES: [&str; 10] = ["其中", "力争", "全省", "我省", "预计", "累计", "确保", "同时", "并", "使"];

/// Units that count things.
const COUNT_UNITS: [&str; 17] =
    ["个", "家", "项", "件", "台", "套", "座", "辆", "户", "处", "条", "所", "种", "张", "部", "人", "名"];

/// What stands right before a number and changes its meaning: `比2015年下降`, `年均增长`, `超过`, `控制在`.
static BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:比(?P<base>(?:19|20|１９|２０)[0-9０-９]{2})年(?P<dir>提高|提升|增长|增加|上升|下降|降低|减少|缩小|翻)了?|(?P<growth>年均(?:增长|增速|提高)(?:达到|为)?)|(?P<verb>超过|突破|不低于|不少于|不超过|不高于|控制在))$")
        .expect("the context pattern is valid")
});

/// Whether `text` ends with a character that every match of [`BEFORE`] ends with: most numbers have none of its words
/// before them, and this spares them the search.
fn may_end_before(text: &str) -> bool {
    text.chars().next_back().is_some_and(|c| "高升长加降低少小翻了速到为过破于在".contains(c))
}

/// Every quantity in `text`: a number with its unit and multiplier, its bound and kind (a change against a base year,
/// an annual growth rate, a share, a count, a ratio, a level), as byte ranges of `text`. Numbers that are parts of
/// dates, ordinals or names (`2016年`, `第6代`, `5G`) are no quantities. Targets and table cells are read with it.
pub fn quantities(text: &str) -> Vec<Quantity> {
    let mut out = Vec::new();
    for amount in crate::amount::amounts(text) {
        let caps = Caps::of(text, amount);
        let before = &text[..amount.start];
        let after = text[amount.end..].chars().next();
        let previous = before.chars().next_back();
        // Part of a longer number, an ordinal, or a bare number before a word (a date, a name, a model); or the end
        // of a decimal that OCR broke (`53· 9％`).
        if previous.is_some_and(|c| c == '第' || c == '.' || c == '．' || digit_value(c).is_some())
            || before.trim_end_matches(is_blank).ends_with(['·', '•'])
        {
            continue;
        }
        // `350万青壮年文盲`: 万 and 亿 count what follows them.
        let counts = caps.name("mult").is_some_and(|m| m.as_str().ends_with(['万', '亿']));
        let has_measure =
            caps.name("unit").is_some() || caps.name("bound").is_some() || caps.name("den").is_some() || counts;
        if !has_measure && after.is_some_and(|c| c.is_alphanumeric() || "·•-－".contains(c)) {
            continue;
        }
        let tail_start = before.char_indices().rev().nth(15).map_or(0, |(i, _)| i);
        // Most numbers have none of these words before them: a match test first, captures only then.
        let tail = &before[tail_start..];
        let context = if may_end_before(tail) { BEFORE.captures(tail) } else { None };
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
            raw: text[amount.start..amount.end].to_owned(),
            value,
            normalized,
            unit,
            multiplier,
            bound,
            kind,
            direction,
            base_year: context.as_ref().and_then(|c| c.name("base")).and_then(|b| year_value(b.as_str())),
            start: amount.start,
            end: amount.end,
        });
    }
    out
}

/// A year written in ASCII or full-width digits (`2020`, `２０２０`).
fn year_value(digits: &str) -> Option<i32> {
    crate::numbers::parse_number(digits).and_then(|y| i32::try_from(y).ok())
}

/// Finds the targets in `text` (a paragraph), each with its status and year (see [`Context`]). Figures are read
/// through OCR spacing, full-width digits, thousands separators and Chinese numerals (see [`crate::figures`]); the
/// byte ranges found are the source's. A year named earlier in the paragraph (`到2020年，…。…`) holds for the
/// sentences after it.
pub(crate) fn find_targets(text: &str, context: &Context) -> Vec<Found> {
    let normalized = crate::figures::normalize(text, context.chinese_numerals);
    let read = normalized.as_ref().map_or(text, |n| n.text.as_str());
    let mut out = read_targets(read, context);
    for f in &mut out {
        if let Some(n) = &normalized {
            (f.from, f.to) = (n.source(f.from), n.source_end(f.to));
            f.target.raw = text[f.from..f.to].to_owned();
            let (a, b) = (n.source(f.sentence.0), n.source_end(f.sentence.1));
            f.sentence = (a, b);
        }
        f.target.text = text[f.sentence.0..f.sentence.1].trim_matches(is_blank).to_owned();
    }
    out
}

/// The targets of `text` with its figures already rewritten (see [`find_targets`]).
fn read_targets(text: &str, context: &Context) -> Vec<Found> {
    let mut out = Vec::new();
    let mut paragraph_year = None;
    // The year a sentence reports for holds for its `；`-separated parts (`1997年，…；农村居民…增长5.4％`).
    let mut reported_before = None;
    // Every target has a number, and most paragraphs of a plan have none. Full-width digits were rewritten (see
    // [`find_targets`]), so an ASCII digit is what to look for.
    if !has_ascii_digit(text) {
        return out;
    }
    for (sentence_start, sentence) in split_keep_offsets(text, &['。', '！', '？', '；', '\n']) {
        let after_semicolon = text[..sentence_start].trim_end_matches(is_blank).ends_with(['；', ';']);
        let reported = reported_year(sentence).or(if after_semicolon { reported_before } else { None });
        reported_before = reported;
        if !has_ascii_digit(sentence) {
            continue;
        }
        // A sentence that sets a subsidy, an award or a fine states rules, not goals (see [`bare_quantities`]).
        // Asked once, and only of a sentence with a quantity in it.
        let rule_cell = std::cell::OnceCell::new();
        let rule = || *rule_cell.get_or_init(|| OTHER_MARKERS.is_match(sentence));
        let sentence_year = goal_year(sentence, context);
        if sentence_year.is_some() {
            paragraph_year = sentence_year;
        }
        let year = sentence_year.or(paragraph_year).or(context.default_year);
        let mut previous_subject: Option<String> = None;
        let mut previous_clause: Option<&str> = None;
        // The markers of goals and results in the sentence, found once when a first target needs them.
        let mut markers: Option<Vec<(usize, bool)>> = None;
        for (clause_start, clause) in split_keep_offsets(sentence, &['，', '：', ',', ':']) {
            // A verb earlier in the sentence governs the counts of its later clauses (`培育3家…，20家…`).
            // Whether a verb in the clauses before governs this one's counts (`培育3家…，20家…`): asked only of a count
            // right after a word.
            let governed = || PREDICATES.is_match(&sentence[..clause_start]);
            let found_here = if has_ascii_digit(clause) { match_clause(clause, &rule, &governed) } else { Vec::new() };
            for mut found in found_here {
                found.year = year;
                let own_year = subject_year(&found.subject).map(|caps| {
                    let year = crate::numbers::parse_number(&caps[1]).and_then(|y| i32::try_from(y).ok());
                    (year, found.subject[caps.get(0).map_or(0, |m| m.end())..].to_owned())
                });
                let mut own = None;
                if let Some((year, subject)) = own_year {
                    found.year = year;
                    own = year;
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
                let at = clause_start + found.from;
                let markers = markers.get_or_insert_with(|| markers_in(sentence));
                found.status = status_of(&sentence[..at], markers, at, own.or(reported), sentence_year, context);
                if found.status == TargetStatus::Achieved {
                    found.year = own.or(reported).or(relative_year(sentence, context, true));
                }
                found.sentence = (sentence_start, sentence_start + sentence.len());
                found.from += sentence_start + clause_start;
                found.to += sentence_start + clause_start;
                out.push(found);
            }
            previous_clause = Some(clause);
        }
    }
    out
}

/// The year a sentence sets its goals for: `到2020年`, `到“十四五”末` (a plan period's end), `今年` or `明年` against
/// the document's year.
fn goal_year(sentence: &str, context: &Context) -> Option<i32> {
    year_phrase(sentence)
        .and_then(|(_, (a, b))| year_value(&sentence[a..b]))
        // Every plan name has a `五`: most sentences need no search.
        .or_else(|| {
            sentence.contains('五').then(|| PLAN_END.captures(sentence).and_then(|c| plan_end_year(&c[1]))).flatten()
        })
        .or_else(|| relative_year(sentence, context, false))
}

/// `今年`/`明年` (or, for results, `去年`/`上年`) against the document's year.
fn relative_year(sentence: &str, context: &Context, past: bool) -> Option<i32> {
    let year = context.document_year?;
    // Which of `去年`, `上年`, `今年` (not `今年以来`) and `明年` the sentence says: a look before each `年`.
    let (mut last, mut this, mut since, mut next) = (false, false, false, false);
    for (at, _) in sentence.match_indices('年') {
        match sentence[..at].chars().next_back() {
            Some('去' | '上') => last = true,
            Some('今') => {
                this = true;
                since |= sentence[at..].starts_with("年以来");
            }
            Some('明') => next = true,
            _ => {}
        }
    }
    if past {
        return if last { Some(year - 1) } else { this.then_some(year) };
    }
    if next { Some(year + 1) } else { (this && !since).then_some(year) }
}

/// A year a sentence reports for, at its start: `2015年，全省…`, `1997年国内生产总值…`.
fn reported_year(sentence: &str) -> Option<i32> {
    subject_year(sentence.trim_start_matches(is_blank)).and_then(|c| year_value(&c[1]))
}

/// The end year of a five-year plan named by its ordinal (`十四五` → 2025, `八五` → 1995).
fn plan_end_year(ordinal: &str) -> Option<i32> {
    let n = match ordinal {
        "六" => 6,
        "七" => 7,
        "八" => 8,
        "九" => 9,
        "十" => 10,
        "十一" => 11,
        "十二" => 12,
        "十三" => 13,
        "十四" => 14,
        "十五" => 15,
        _ => return None,
    };
    // The sixth plan ran 1981–1985; each lasts five years.
    Some(1985 + 5 * (n - 6))
}

/// `到“十四五”末`, `“十三五”期末`, `“十四五”时期`, `十三五期间`: a goal stated over a plan period.
static PLAN_END: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"[“"]?(十[一二三四五]?|[六七八九])五[”"]?(?:末|期末|时期|期间|规划期)"#)
        .expect("the plan period pattern is valid")
});

/// The `goal_or_result` heuristic: whether a quantity states a goal or reports a result. In order:
/// - a starting value (`从40个减少到29个`, `由每人每年380元提高到420元`) is a result;
/// - a goal year in the sentence after the document's year (`到2020年`) makes it a goal;
/// - a year it reports for before the document's year (`2015年全省…达到`) makes it a result;
/// - the last marker before the number decides: results (`已`, `实现了`, `同比`, `累计完成`, `去年`, `五年来` …)
///   against goals (`力争`, `确保`, `预期`, `目标`, `将`, `要`, `今年` …); a result marker after it (`…，完成了`)
///   counts too when the sentence names no goal year;
/// - else the section it stands in (see [`section_status`]), else a goal: plans state goals.
fn status_of(
    before: &str,
    markers: &[(usize, bool)],
    at: usize,
    reported: Option<i32>,
    goal_year: Option<i32>,
    context: &Context,
) -> TargetStatus {
    let now = context.document_year;
    // A starting value: `从40个减少到29个`, `由1655亿美元增加到3251亿美元`, `从人均8.7万元提高到…`.
    let tail: String = before.chars().rev().take(6).collect();
    if tail.contains(['从', '由']) && !tail.contains(['到', '至', '，']) {
        return TargetStatus::Achieved;
    }
    if let (Some(goal), Some(now)) = (goal_year, now)
        && goal > now
    {
        return TargetStatus::Goal;
    }
    if let (Some(year), Some(now)) = (reported, now)
        && year < now
    {
        return TargetStatus::Achieved;
    }
    let last = |result: bool| markers.iter().filter(|&&(m, r)| m < at && r == result).map(|&(m, _)| m).next_back();
    match (last(true), last(false)) {
        (Some(a), Some(g)) if a > g => return TargetStatus::Achieved,
        (Some(_), None) => return TargetStatus::Achieved,
        (_, Some(_)) => return TargetStatus::Goal,
        (None, None) => {}
    }
    // After the number: `…增长6.9%，完成了全年目标`.
    if markers.iter().any(|&(m, result)| m >= at && result) && goal_year.is_none() {
        return TargetStatus::Achieved;
    }
    context.section.unwrap_or(TargetStatus::Goal)
}

/// Where the markers of results and of goals stand in `text` (see [`ACHIEVED_MARKERS`], [`GOAL_MARKERS`]), in order,
/// each with whether it marks a result; read in one pass. `要` in `主要`, `重要`, `需要` or `要素` is no marker, nor
/// `去年`/`上年` after `比` (a change's base, said of goals too: `今年…比去年增加5600亿元`), nor `将` in `将来`.
fn markers_in(text: &str) -> Vec<(usize, bool)> {
    static MARKERS: LazyLock<aho_corasick::AhoCorasick> = LazyLock::new(|| {
        aho_corasick::AhoCorasick::new(ACHIEVED_MARKERS.iter().chain(GOAL_MARKERS.iter()))
            .expect("the markers build an automaton")
    });
    let mut out = Vec::new();
    for m in MARKERS.find_overlapping_iter(text) {
        let marker = &text[m.start()..m.end()];
        let before = text[..m.start()].chars().next_back();
        let after = text[m.end()..].chars().next();
        let counts = match marker {
            "要" => {
                !before.is_some_and(|c| "主重需必纲摘紧显只".contains(c))
                    && !after.is_some_and(|c| "素求点件闻".contains(c))
            }
            "去年" | "上年" => before != Some('比'),
            "将" => after != Some('来'),
            _ => true,
        };
        if counts {
            out.push((m.start(), m.pattern().as_usize() < ACHIEVED_MARKERS.len()));
        }
    }
    out
}

/// Words that report a result.
const ACHIEVED_MARKERS: [&str; 24] = [
    "同比",
    "已经",
    "已",
    "实现了",
    "完成了",
    "达到了",
    "增长了",
    "下降了",
    "提高了",
    "降低了",
    "减少了",
    "增加了",
    "超过了",
    "突破了",
    "累计完成",
    "过去",
    "年来",
    "以来",
    "去年",
    "上年",
    "前三季度",
    "上半年",
    "截至",
    "截止",
];

/// Words that set a goal.
const GOAL_MARKERS: [&str; 14] =
    ["力争", "确保", "预期", "目标", "计划到", "争取", "力求", "将", "要", "今年", "明年", "到20", "到19", "至20"];

/// The `section_status` rule: what a section title makes of the numbers under it — a review (`2015年工作回顾`,
/// `发展基础`, `取得的成就`, `现状与形势`) reports results, a programme (`主要目标`, `重点任务`, `保障措施`, `2016年重点
/// 工作`, `…的建议`) sets goals; `None` for a title that says neither.
pub(crate) fn section_status(title: &str) -> Option<TargetStatus> {
    const REVIEW: [&str; 16] = [
        "回顾",
        "发展基础",
        "现实基础",
        "工作基础",
        "良好基础",
        "基础条件",
        "基础与",
        "基础和",
        "成就",
        "成绩",
        "现状",
        "形势",
        "进展",
        "成效",
        "过去",
        "发展环境",
    ];
    const PROGRAMME: [&str; 13] =
        ["目标", "任务", "举措", "措施", "重点", "安排", "部署", "建议", "指标", "要求", "布局", "路径", "保障"];
    static WORDS: LazyLock<aho_corasick::AhoCorasick> = LazyLock::new(|| {
        aho_corasick::AhoCorasick::new(REVIEW.iter().chain(PROGRAMME.iter()))
            .expect("the title words build an automaton")
    });
    let mut status = None;
    for m in WORDS.find_overlapping_iter(title) {
        if m.pattern().as_usize() < REVIEW.len() {
            return Some(TargetStatus::Achieved);
        }
        status = Some(TargetStatus::Goal);
    }
    status
}

/// Pieces of `text` split at each of `delimiters` (kept out), with their byte offsets. A delimiter between two
/// digits (`3：7`, `1,500`) belongs to the number and does not split.
fn split_keep_offsets<'a>(text: &'a str, delimiters: &[char]) -> Vec<(usize, &'a str)> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut push = |from: usize, to: usize| {
        let piece = &text[from..to];
        if !piece.trim_matches(is_blank).is_empty() {
            out.push((from, piece));
        }
    };
    // The first bytes of the delimiters' encodings (`。` and the full-width marks open with E3 or EF): a vector search
    // finds them, and a character starts at each, since none is a continuation byte.
    let mut first = [0u8; 4];
    let mut distinct = 0;
    for d in delimiters {
        let byte = d.encode_utf8(&mut [0; 4]).as_bytes()[0];
        if !first[..distinct].contains(&byte) {
            if distinct == first.len() {
                distinct = usize::MAX; // more than memchr3 takes
                break;
            }
            first[distinct] = byte;
            distinct += 1;
        }
    }
    let bytes = text.as_bytes();
    let (one, two, three) = match distinct {
        1 => (first[0], first[0], first[0]),
        2 => (first[0], first[1], first[1]),
        3 => (first[0], first[1], first[2]),
        _ => (0, 0, 0),
    };
    let scan = (1..=3).contains(&distinct).then(|| memchr::memchr3_iter(one, two, three, bytes));
    let every = (!(1..=3).contains(&distinct)).then(|| (0..bytes.len()).filter(|&i| text.is_char_boundary(i)));
    let candidates = scan.into_iter().flatten().chain(every.into_iter().flatten());
    for i in candidates {
        let Some(c) = text[i..].chars().next() else { break };
        if !delimiters.contains(&c) {
            continue;
        }
        let after = i + c.len_utf8();
        let previous = text[..i].chars().next_back();
        let next = text[after..].chars().next();
        if !(previous.and_then(digit_value).is_some() && next.and_then(digit_value).is_some()) {
            push(start, i);
            start = after;
        }
    }
    push(start, text.len());
    out
}

/// The targets of one clause: the first pattern that matches, then any counts the same verb goes on to govern, then
/// every other quantity of the clause that measures something (see [`bare_quantities`]).
fn match_clause(clause: &str, rule: &dyn Fn() -> bool, governed: &dyn Fn() -> bool) -> Vec<Found> {
    // A clause whose digits make no quantity (`2016年9月30日`) holds no target: the patterns need not run.
    let quantities = quantities(clause);
    if quantities.is_empty() {
        return Vec::new();
    }
    let mut out = committed(clause);
    if !rule() {
        let covered: Vec<(usize, usize)> = out.iter().map(|f| (f.from, f.to)).collect();
        out.extend(bare_quantities(clause, quantities, &covered, governed));
    }
    out.sort_by_key(|f| f.from);
    out
}

/// The targets a verb of commitment governs (the `commitment_verb` heuristic).
fn committed(clause: &str) -> Vec<Found> {
    // Where each trigger word stands, in order; a subject never runs across a line break.
    let limit = clause.find('\n').unwrap_or(clause.len());
    let mut triggers: Vec<(usize, usize, usize)> = TRIGGERS
        .find_overlapping_iter(clause)
        .filter(|m| m.start() <= limit)
        .map(|m| (m.start(), m.end(), m.pattern().as_usize()))
        .collect();
    if triggers.is_empty() {
        return Vec::new();
    }
    triggers.sort_unstable();
    for shape in Shape::ALL {
        let Some(caps) = triggers
            .iter()
            .filter(|t| opens(t.2, shape))
            .find_map(|&(start, end, _)| shape_at(shape, clause, start, (start, end)))
        else {
            continue;
        };
        let Some(found) = build(&caps, shape.kind(), clause) else { continue };
        let mut end = caps.end;
        let mut out = vec![found];
        while let Some(caps) = continuation(&clause[end..]) {
            let Some(mut more) = build(&caps, Some(TargetKind::Count), &clause[end..]) else { break };
            more.from += end;
            more.to += end;
            end += caps.end;
            out.push(more);
        }
        return out;
    }
    Vec::new()
}

/// The `measured_quantity` heuristic: a quantity no verb of commitment governs is still a target when it measures
/// something — a count (`新建800个智能工厂`), a share or change (`生产效率提高20%以上`), an amount with its
/// multiplier (`今年再转500亿元`) — unless its clause is a rule rather than a statement: a subsidy, award or fine
/// (`给予最高100万元奖励`, `罚款1万元`) anywhere in its sentence or a term (`3年期`) — or it is a threshold or a
/// class (`500平方米以上的`, `450立方米及以下高炉`, `超10亿元的企业`), or a number in a name (`中电科54所`, a count
/// right after a word with no verb before it). A count names what it counts after it; anything else, before it.
fn bare_quantities(
    clause: &str,
    quantities: Vec<Quantity>,
    covered: &[(usize, usize)],
    governed: &dyn Fn() -> bool,
) -> Vec<Found> {
    let mut out = Vec::new();
    // Where the words about the next quantity start: after the quantity before it (`钢铁产能6000万吨、水泥产能…`).
    let mut words_from = 0;
    for q in quantities {
        let from = std::mem::replace(&mut words_from, q.end).min(q.start);
        let taken = out.last().map_or(0, |f: &Found| f.to); // the upper end of a range read with its lower one
        if q.start < taken || covered.iter().any(|&(a, b)| q.start < b && a < q.end) {
            continue;
        }
        let measured = q.unit.is_some() || q.multiplier.is_some();
        if !measured || q.unit.as_deref() == Some("年") {
            continue;
        }
        let after = &clause[q.end..];
        // A threshold or a class: `500万元以上的企业` (a share is no threshold: `覆盖80%以上的大城市`),
        // `450立方米及以下高炉`, `70%及以上比例`, `超10亿元的企业`, `超50亿元优势企业`.
        if after.starts_with('的') && q.bound != Bound::Exact && q.unit.as_deref() != Some("%") {
            continue;
        }
        if after.starts_with("及以下") || after.starts_with("及以上") {
            continue;
        }
        let after_char = after.chars().next();
        if clause[..q.start].ends_with('超') && after_char.is_some_and(|c| c == '的' || crate::figures::is_cjk(c)) {
            continue;
        }
        let (mut to, mut upper) = (q.end, None);
        if let Some(r) = range_after(after)
            && let Some(high) = r.name("num").and_then(|n| parse_decimal(n.as_str()))
            && high > q.value
        {
            upper = Some(high);
            to = q.end + r.end;
        }
        // A count, or `万`/`亿` before what it counts (`350万青壮年文盲`, `3600万重量箱`).
        let counts = q.unit.as_deref().is_some_and(|u| COUNT_UNITS.contains(&u))
            || (q.unit.is_none() && q.multiplier.as_deref().is_some_and(|m| m.ends_with(['万', '亿'])));
        // A count with no predicate before it in its sentence, right after a word, names something
        // (`中电科54所北斗卫星导航产业集群`); after `等` it sums up a list (`钢铁、石化等8个领域`), and a bound
        // measures (`工业人工智能应用100个以上`).
        let after_word = clause[..q.start]
            .chars()
            .next_back()
            .is_some_and(|c| crate::figures::is_cjk(c) && !"等约共近超达".contains(c));
        if counts && q.bound == Bound::Exact && after_word && !PREDICATES.is_match(&clause[..q.start]) && !governed() {
            continue;
        }
        let named_after = clean_subject(after.split(['，', '。', '；', '、', '（', '(']).next().unwrap_or_default());
        // Without the words that make it a change (`比2010年翻`, `年均增长`): they are no subject.
        let words = &clause[from..q.start];
        let words =
            if may_end_before(words) { BEFORE.find(words).map_or(words, |m| &words[..m.start()]) } else { words };
        let before = clean_subject(trim_verbs(words.trim_start_matches(['、', '和', '及'])));
        let named = (2..=40).contains(&named_after.chars().count());
        // What a count counts follows it; so does what a share is of when nothing names it before (`在70%左右的地市`).
        let subject = if named && (counts || before.chars().count() <= 2) { named_after } else { before };
        if subject.chars().count() > 40 {
            continue;
        }
        let target = Target {
            id: String::new(),
            subject,
            value: q.value,
            normalized: q.normalized,
            unit: q.unit,
            multiplier: q.multiplier,
            per: None,
            bound: q.bound,
            kind: q.kind,
            direction: q.direction,
            upper,
            year: None,
            status: TargetStatus::Goal,
            base_year: q.base_year,
            raw: clause[q.start..to].to_owned(),
            text: String::new(),
            node: String::new(),
            span: Span::default(),
        };
        out.push(Found { target, from: q.start, to, sentence: (0, clause.len()) });
    }
    out
}

/// Verbs (and verb characters) one of which a clause with a count needs: a noun phrase with a number in it names.
static PREDICATES: LazyLock<aho_corasick::AhoCorasick> = LazyLock::new(|| {
    aho_corasick::AhoCorasick::new([
        "建", "发布", "遴选", "培育", "实施", "推动", "推广", "组织", "开展", "面向", "扫除", "解决", "转", "达", "增",
        "减", "提高", "形成", "引导", "支持", "带动", "吸引", "完成", "实现", "有", "为", "是", "共", "累计", "超",
        "突破", "布局", "打造", "认定", "培训", "覆盖", "服务", "扩大", "安排", "投", "落实", "改造", "设立", "部署",
        "再", "引进", "组建", "创建", "新增", "培养", "招收", "录取", "认证", "评选", "打造", "升级", "到", "发展",
        "壮大", "提升", "争取", "扶持", "淘汰", "压减", "化解", "拓展", "开发", "研发", "制定", "攻克", "吸纳",
    ])
    .expect("the predicate words build an automaton")
});

/// Words of a clause that make its numbers rules rather than statements (see [`bare_quantities`]).
static OTHER_MARKERS: LazyLock<aho_corasick::AhoCorasick> = LazyLock::new(|| {
    aho_corasick::AhoCorasick::new(["给予", "最高", "奖补", "奖励", "贴息", "罚款", "处以", "年期"])
        .expect("the rule words build an automaton")
});

/// The clause before a number without the verb or adverb that governs the number (`生产效率提高` → `生产效率`).
fn trim_verbs(before: &str) -> &str {
    const VERBS: [&str; 24] = [
        "提高", "提升", "增长", "增加", "下降", "降低", "减少", "达到", "实现", "超过", "突破", "为", "在", "到", "约",
        "再", "共", "累计", "分别", "新建", "发布", "遴选", "超", "推动",
    ];
    let mut text = before.trim_end_matches(is_blank);
    loop {
        let trimmed = VERBS.iter().fold(text, |t, v| t.strip_suffix(v).unwrap_or(t));
        if trimmed == text {
            return text;
        }
        text = trimmed;
    }
}

fn build(caps: &Caps<'_>, kind: Option<TargetKind>, clause: &str) -> Option<Found> {
    let num = caps.name("num")?;
    let whole_end = caps.end;
    // A range: `6.5%—7%`, `6.5—7%`, `3至5个`; its unit and bound may stand after its upper end only.
    let range = range_after(&clause[whole_end..]).filter(|_| caps.name("den").is_none());
    let later = |name: &str| caps.name(name).or_else(|| range.as_ref().and_then(|r| r.name(name)));
    let has_unit = later("unit").is_some();
    let next = clause[whole_end..].chars().next();
    // A bare number before a word is a number with a measure this reader does not know: better no target than a
    // wrong one. Before a date or ordinal word it is no quantity at all (`达到2020年`, `第6代`, `5G`).
    let ends_clause = next.is_none_or(|c| is_blank(c) || "）)」』”、。；".contains(c)) || range.is_some();
    if !has_unit && caps.name("den").is_none() && later("bound").is_none() && !ends_clause {
        return None;
    }
    let bound_word = later("bound").map(|m| m.as_str());
    let verb = caps.name("verb").map(|m| m.as_str());
    if !has_unit && caps.name("den").is_none() {
        if matches!(kind, Some(TargetKind::Count)) {
            return None; // a count needs its measure word
        }
        if verb.is_none() && kind.is_none() {
            return None;
        }
    }
    let Measure { value, mut normalized, mut unit, mut multiplier, ratio } = measure(caps)?;
    let mut upper = None;
    let mut to = caps
        .name("bound")
        .or(caps.name("unit"))
        .or(caps.name("mult"))
        .or(caps.name("den"))
        .map_or(num.end(), |m| m.end());
    if let Some(r) = &range {
        let high = r.name("num").and_then(|n| parse_decimal(n.as_str()));
        if high.is_some_and(|h| h > value) {
            upper = high;
            if unit.is_none() && multiplier.is_none() {
                unit = r.name("unit").map(|m| normalize_unit(m.as_str()));
                multiplier = r.name("mult").map(|m| m.as_str().to_owned());
                let exponent = multiplier.as_deref().map_or(0, multiplier_exponent);
                normalized = parse_decimal_scaled(num.as_str(), exponent)?;
            }
            to = whole_end + r.end;
        }
    }
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
    let raw = clause[from..to].to_owned();
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
        upper,
        year: None,
        status: TargetStatus::Goal,
        base_year: caps.name("base").and_then(|b| year_value(b.as_str())),
        raw,
        text: String::new(),
        node: String::new(),
        span: Span::default(),
    };
    Some(Found { target, from, to, sentence: (0, clause.len()) })
}

/// The subject without a leading year phrase or connective (`到2020年电子信息产业主营业务收入` → `电子信息产业主营业务收入`)
/// and without a trailing one (`…示范园区和` before the next count, `…分别`, `…力争`).
fn clean_subject(raw: &str) -> String {
    let mut subject = raw.trim_matches(is_blank);
    loop {
        let before = subject;
        if let Some(((_, end), _)) = year_phrase(subject).filter(|((start, _), _)| *start == 0) {
            subject = subject[end..].trim_start_matches(['底', '末', '前']);
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

/// The number of a [`Amount`]: its value, its value scaled by the multiplier (or a ratio's quotient), its unit
/// and multiplier, and whether it is a ratio.
struct Measure {
    value: f64,
    normalized: f64,
    unit: Option<String>,
    multiplier: Option<String>,
    ratio: bool,
}

fn measure(caps: &Caps<'_>) -> Option<Measure> {
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
/// rounded floats (4099999999999.9995). Read without allocating: the digits make an integer mantissa, scaled by one
/// multiplication or division by an exact power of ten (long numbers go through the float parser).
fn parse_decimal_scaled(text: &str, exponent: i32) -> Option<f64> {
    let mut mantissa: u64 = 0;
    let mut decimals: i32 = 0;
    let mut digits = 0;
    let mut point = false;
    for c in text.chars() {
        if c == ',' {
            continue;
        }
        match digit_value(c) {
            Some(d) => {
                mantissa = mantissa.checked_mul(10)?.checked_add(u64::from(d))?;
                digits += 1;
                decimals += i32::from(point);
            }
            None if !point => point = true,
            None => return None,
        }
    }
    if digits == 0 {
        return None;
    }
    let scale = exponent - decimals;
    // Below 2^53 the mantissa is exact, and so is every power of ten up to 10^22: one rounding in all.
    if mantissa < (1 << 53) && scale.abs() <= 22 {
        let power = 10f64.powi(scale.abs());
        return Some(if scale >= 0 { mantissa as f64 * power } else { mantissa as f64 / power });
    }
    format!("{mantissa}e{scale}").parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(default_year: Option<i32>) -> Context {
        Context { default_year, ..Context::default() }
    }

    fn one(text: &str) -> (String, f64, Option<String>, Bound, TargetKind) {
        let found = find_targets(text, &at(Some(2020)));
        assert_eq!(found.len(), 1, "{text}: {found:#?}");
        let f = &found[0];
        (f.subject.clone(), f.value, f.unit.clone(), f.bound, f.kind)
    }

    #[test]
    fn levels_shares_and_bounds() {
        let doubling = &find_targets("规模以上工业增加值达到1.7万亿元，比2010年翻一番。", &at(Some(2020)))[1];
        assert_eq!(
            (doubling.value, doubling.unit.as_deref(), doubling.base_year, doubling.raw.as_str()),
            (1.0, Some("番"), Some(2010), "一番")
        );
        assert_eq!(
            one("规模以上工业增加值达到1.7万亿元。"),
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
        let f = &find_targets("规模以上工业增加值达到1.7万亿元。", &at(None))[0];
        assert_eq!((f.normalized, f.multiplier.as_deref(), f.raw.as_str()), (1.7e12, Some("万亿"), "1.7万亿元"));
        let f = &find_targets("规模以上工业增加值达到4.1万亿元。", &at(None))[0];
        assert_eq!(f.normalized, 4.1e12, "scaled in one rounding, so that the JSON reads back the same");
    }

    #[test]
    fn changes_growth_and_carried_subjects() {
        let found =
            find_targets("规模以上工业万元增加值能耗比2015年下降18%，固体废弃物综合利用率达到73%。", &at(Some(2020)));
        assert_eq!(found[0].subject, "规模以上工业万元增加值能耗");
        assert_eq!(
            (found[0].kind, found[0].direction, found[0].base_year),
            (TargetKind::Change, Some(Direction::Decrease), Some(2015))
        );
        assert_eq!(found[1].subject, "固体废弃物综合利用率");
        let found = find_targets("有效发明专利拥有量年均增长13%，达到10000件以上。", &at(Some(2020)));
        assert_eq!((found[0].kind, found[0].value), (TargetKind::Growth, 13.0));
        assert_eq!(
            (found[1].subject.as_str(), found[1].value, found[1].bound),
            ("有效发明专利拥有量", 10000.0, Bound::AtLeast)
        );
        let points = &find_targets("工业增加值率比2015年提高2个百分点。", &at(None))[0];
        assert_eq!((points.unit.as_deref(), points.direction), (Some("个百分点"), Some(Direction::Increase)));
    }

    #[test]
    fn years_rates_counts_and_ratios() {
        let found = find_targets(
            "到2020年，智能工厂（教字化车间）达到1500家，工业机器人密度达到每万名员工使用机器人60台。",
            &at(None),
        );
        assert_eq!(
            (found[0].subject.as_str(), found[0].year, found[0].kind),
            ("智能工厂（教字化车间）", Some(2020), TargetKind::Count)
        );
        assert_eq!((found[1].per.as_deref(), found[1].value), (Some("每万名员工使用机器人"), 60.0));
        let found = find_targets("到2020年电子信息产业主营业务收入达到3000亿元以上。", &at(Some(2025)));
        assert_eq!((found[0].subject.as_str(), found[0].year), ("电子信息产业主营业务收入", Some(2020)));
        let found =
            find_targets("到2020年，创建10家绿色工业园区和100家绿色工厂，培育省级试点示范项目100个。", &at(None));
        let subjects: Vec<_> = found.iter().map(|f| (f.subject.as_str(), f.value)).collect();
        assert_eq!(subjects, [("绿色工业园区", 10.0), ("绿色工厂", 100.0), ("省级试点示范项目", 100.0)]);
        let named = &find_targets("第三产业增加值，1995年比1990年增长53.9％。", &at(None))[0];
        assert_eq!((named.subject.as_str(), named.year, named.value), ("第三产业增加值", Some(1995), 53.9));
        assert!(
            find_targets("1995年比1990年增长53· 9％。", &at(None)).is_empty(),
            "a number broken by OCR is no target"
        );
        let own_year = &find_targets("1995年乡镇企业总产值达到14000亿元。", &at(Some(2000)))[0];
        assert_eq!((own_year.subject.as_str(), own_year.year), ("乡镇企业总产值", Some(1995)));
        let ratio = &find_targets("化学原料药和制剂比调整到3：7。", &at(None))[0];
        assert_eq!((ratio.kind, ratio.raw.as_str()), (TargetKind::Ratio, "3：7"));
    }

    #[test]
    fn goals_told_from_results() {
        let report = Context { document_year: Some(2016), chinese_numerals: true, ..Context::default() };
        let read = |text: &str, context: &Context| -> Vec<(f64, TargetStatus, Option<i32>)> {
            find_targets(text, context).iter().map(|f| (f.value, f.status, f.year)).collect()
        };
        // Tense and aspect markers, the year against the document's, a starting value.
        assert_eq!(read("去年国内生产总值增长6.9%。", &report), [(6.9, TargetStatus::Achieved, Some(2015))]);
        assert_eq!(read("今年国内生产总值预期增长6.5%－7%。", &report), [(6.5, TargetStatus::Goal, Some(2016))]);
        assert_eq!(
            read("全员劳动生产率从人均8.7万元提高到12万元以上。", &report),
            [(8.7, TargetStatus::Achieved, None), (12.0, TargetStatus::Goal, None)]
        );
        assert_eq!(read("2015年，全省粮食产量达到670亿斤。", &report)[0].1, TargetStatus::Achieved);
        assert_eq!(read("到“十四五”末，普及率达到80%。", &report), [(80.0, TargetStatus::Goal, Some(2025))]);
        // `主要` holds no `要`; the section decides where the sentence does not.
        let review = Context { section: Some(TargetStatus::Achieved), ..report };
        assert_eq!(read("主要污染物排放量减少12%以上。", &review)[0].1, TargetStatus::Achieved);
        assert_eq!(read("力争主要污染物排放量减少12%以上。", &review)[0].1, TargetStatus::Goal);
        // A range keeps both ends; OCR spacing and Chinese numerals are read through.
        let range = &find_targets("国内生产总值增长6.5%－7%。", &report)[0];
        assert_eq!((range.value, range.upper, range.raw.as_str()), (6.5, Some(7.0), "6.5%－7%"));
        let spaced = &find_targets("城镇居民人均可支配收入达到5 1 6 0 元。", &report)[0];
        assert_eq!((spaced.value, spaced.raw.as_str()), (5160.0, "5 1 6 0 元"));
        assert_eq!(find_targets("粮食产量增长百分之七十七点五。", &report)[0].value, 77.5);
        // Rules are no goals: a subsidy, a threshold.
        assert!(find_targets("对符合条件的项目给予最高500万元奖补。", &report).is_empty());
        assert!(find_targets("淘汰450立方米及以下高炉。", &report).is_empty());
    }

    #[test]
    fn split_at_delimiters_of_any_lead_byte() {
        let pieces = |delimiters: &[char]| -> Vec<&str> {
            split_keep_offsets("一，二：三,四:五；六。七", delimiters).into_iter().map(|(_, p)| p).collect()
        };
        assert_eq!(pieces(&['，', '：', ',', ':']), ["一", "二", "三", "四", "五；六。七"]);
        assert_eq!(
            pieces(&['，', '；', '。', ',', ':']),
            ["一", "二：三", "四", "五", "六", "七"],
            "more lead bytes than memchr3 takes"
        );
        assert_eq!(
            split_keep_offsets("比例3：7，达到", &['：', '，']),
            [(0, "比例3：7"), ("比例3：7，".len(), "达到")]
        );
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
            assert!(
                find_targets(text, &at(Some(2020))).is_empty(),
                "{text}: {:?}",
                find_targets(text, &at(Some(2020)))
            );
        }
    }
}
