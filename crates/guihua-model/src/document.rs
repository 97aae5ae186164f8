use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::{Diagnostic, Node, Span};

/// The version of the JSON contract. Bump it, and add a line to `schema/CHANGELOG.md`, whenever the JSON changes:
/// the minor number for added fields, the major number for anything a reader could trip over.
pub const SCHEMA_VERSION: &str = "2.5.0";

/// A parsed plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Document {
    /// The version of this JSON contract ([`SCHEMA_VERSION`]).
    pub schema_version: String,
    /// Where the text came from and how it was decoded.
    pub source: Source,
    /// What the notice and the title say about the plan.
    pub meta: Meta,
    /// The content tree, in source order.
    pub outline: Vec<Node>,
    /// Indicators read from indicator tables, in source order.
    pub indicators: Vec<Indicator>,
    /// Key projects listed in 专栏 panels, in source order.
    pub projects: Vec<Project>,
    /// Quantified commitments found in the prose (paragraphs and panel text), in source order.
    pub targets: Vec<Target>,
    /// What the decoder and the parser noticed, in source order.
    pub diagnostics: Vec<Diagnostic>,
}

impl Default for Document {
    fn default() -> Self {
        Document {
            schema_version: SCHEMA_VERSION.to_owned(),
            source: Source::default(),
            meta: Meta::default(),
            outline: Vec::new(),
            indicators: Vec::new(),
            projects: Vec::new(),
            targets: Vec::new(),
            diagnostics: Vec::new(),
        }
    }
}

impl Document {
    /// The title of every panel, by panel id.
    pub fn panel_titles(&self) -> std::collections::HashMap<&str, &str> {
        self.walk()
            .into_iter()
            .filter_map(|(_, n)| match n {
                Node::Panel(p) => Some((p.id.as_str(), p.title.as_str())),
                _ => None,
            })
            .collect()
    }

    /// Every node of the outline, depth first in source order, with its depth (0 for top-level nodes).
    pub fn walk(&self) -> Vec<(usize, &Node)> {
        fn visit<'a>(nodes: &'a [Node], depth: usize, out: &mut Vec<(usize, &'a Node)>) {
            for node in nodes {
                out.push((depth, node));
                visit(node.children(), depth + 1, out);
            }
        }
        let mut out = Vec::new();
        visit(&self.outline, 0, &mut out);
        out
    }
}

/// Where the text came from.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Source {
    /// The path as given on the command line, or null for text that came from elsewhere.
    pub path: Option<String>,
    /// The encoding the bytes were decoded from as the Encoding Standard names it: `UTF-8`,
    /// `gb18030`, `GBK`, `UTF-16LE`, `UTF-16BE`.
    pub encoding: String,
    /// Whether the bytes opened with a byte-order mark (dropped from the decoded text).
    pub bom: bool,
    /// Hex SHA-256 of the bytes as read.
    pub sha256: String,
    /// Size of the bytes as read.
    pub bytes: u64,
}

/// What the notice and the title say about the plan. Every field is null or empty when the text does not say it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Meta {
    /// The title: `河北省工业转型升级“十三五”规划`.
    pub title: Option<String>,
    /// Who issued it: `河北省人民政府办公厅`; for a rule promulgated by order, the body that orders
    /// (`上海市人民政府`, from `上海市人民政府令`); for a law with record lines under its title, the body of the first
    /// (`全国人民代表大会常务委员会`, from `2021年4月29日 第十三届全国人民代表大会常务委员会第二十八次会议通过`).
    pub issuer: Option<String>,
    /// The issuing date as an ISO date: `2016-09-30`; for a law, the date of its first record line.
    pub issued: Option<String>,
    /// The addressees of the notice, split on `，`: `各市（含定州、辛集市）人民政府`, ….
    pub addressees: Vec<String>,
    /// The years the plan covers.
    pub period: Option<Period>,
}

/// The years a plan covers, both included.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Period {
    /// First year.
    pub start: i32,
    /// Last year.
    pub end: i32,
}

/// An indicator (指标) read from an indicator table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Indicator {
    /// Stable id.
    pub id: String,
    /// The category cell (`创新能力`), read through merged cells.
    pub category: Option<String>,
    /// The name without its trailing unit parenthesis.
    pub name: String,
    /// The unit from the name's parenthesis or a unit column, normalised (`（％）` → `%`).
    pub unit: Option<String>,
    /// The value in the first year column.
    pub baseline: IndicatorValue,
    /// The value in the last year column.
    pub target: IndicatorValue,
    /// The attribute column (`约束性`, `预期性`) when the table has one.
    pub attribute: Option<String>,
    /// The id of the table the indicator was read from.
    pub table: String,
    /// The logical row of that table.
    pub row: u32,
    /// From the row's first cell text to its last.
    pub span: Span,
}

/// One value of an [`Indicator`], as written and as read.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct IndicatorValue {
    /// The cell text as written: `81.13（2014）`, `20以上`, `[18]`, `-`.
    pub raw: String,
    /// The number, or null where the cell has none (`-`).
    pub value: Option<f64>,
    /// The year the value is for: the column's year unless the cell names another (`81.13（2014）`).
    pub year: Option<i32>,
    /// Whether the number is a floor, a ceiling or exact.
    pub bound: Bound,
    /// Whether the value is a cumulative total over the period (written in brackets: `[18]`).
    pub cumulative: bool,
}

/// How a number bounds the quantity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Bound {
    /// `以上`, `不低于`, `≥`.
    AtLeast,
    /// `以下`, `不超过`, `≤`.
    AtMost,
    /// `左右`.
    About,
    /// The number as it stands.
    Exact,
}

/// A key project (重点项目) listed in a 专栏.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Project {
    /// Stable id.
    pub id: String,
    /// The name as written, whole even when the box wrapped it.
    pub name: String,
    /// The words between `等` and the closing `项目` of its list (`先进轨道交通装备`), or null for a list ending `等。`.
    pub category: Option<String>,
    /// The id of the panel that lists it.
    pub panel: String,
    /// From the name's first byte to its last, in the source (a wrapped name includes the box border between).
    pub span: Span,
}

/// A quantified commitment stated in prose: `到2020年，装备制造业工业增加值达到5000亿元`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Target {
    /// Stable id.
    pub id: String,
    /// What the number is about: `装备制造业工业增加值`.
    pub subject: String,
    /// The number as written (`1.7` in `1.7万亿元`; `18` in `下降18%`; the lower end of a range `6.5%—7%`), read
    /// through OCR spacing (`1 2 %`), full-width digits, thousands separators and Chinese numerals (`百分之七十七点五`).
    pub value: f64,
    /// The upper end of a range (`7` in `6.5%—7%`), null for a single number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub upper: Option<f64>,
    /// The number scaled by its multiplier (`1.7万亿元` → 1.7e12), or for a ratio `3：7` its quotient.
    pub normalized: f64,
    /// The unit after the multiplier, half-width: `元`, `%`, `个百分点`, `家`, `元/人`, `台`; null for a bare number.
    pub unit: Option<String>,
    /// The multiplier as written: `万`, `亿`, `万亿`.
    pub multiplier: Option<String>,
    /// A rate's base written before the number: `每万名员工使用机器人` in `每万名员工使用机器人60台`.
    pub per: Option<String>,
    /// Whether the number is a floor (`以上`, `超过`), a ceiling (`以下`, `控制在`) or exact.
    pub bound: Bound,
    /// What kind of quantity it is.
    pub kind: TargetKind,
    /// For a change, whether it rises (`提高`) or falls (`下降`).
    pub direction: Option<Direction>,
    /// The year the target is for: `到2020年`, `今年` and `明年` against the document's year, `到“十四五”末`, or the
    /// plan period's end when the text implies it; for an achievement, the year it was reported for.
    pub year: Option<i32>,
    /// Whether the statement sets a goal or reports a result.
    #[serde(default)]
    pub status: TargetStatus,
    /// The year a change is measured from: `比2015年`.
    pub base_year: Option<i32>,
    /// The quantity as written, bound included: `60%以上`.
    pub raw: String,
    /// The sentence it comes from.
    pub text: String,
    /// The id of the paragraph, item or panel it stands in.
    pub node: String,
    /// Where the quantity stands in the source.
    pub span: Span,
}

/// Whether a [`Target`] is a commitment about the future or a reported result: read from the section it stands in
/// (回顾, 基础, 成就 versus 目标, 任务), from tense and aspect markers (已, 实现了, 比上年, 同比 versus 到…年, 力争,
/// 确保, 预期) and from its year against the document's own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum TargetStatus {
    /// A goal the document sets: `到2020年达到1.7万亿元`, `预期增长6.5%左右`.
    #[default]
    Goal,
    /// A result it reports: `2015年达到1.1万亿元`, `比上年增长6.9%`.
    Achieved,
}

/// What kind of quantity a [`Target`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum TargetKind {
    /// An amount: `1.7万亿元`, `82.5`.
    Level,
    /// A share in percent: `60%`.
    Share,
    /// A number of things: `1500家`, `100个`.
    Count,
    /// An annual growth rate: `年均增长13%`.
    Growth,
    /// A change against a base year: `比2015年下降18%`, `提高2个百分点`.
    Change,
    /// A ratio: `3：7`.
    Ratio,
}

/// Which way a change goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Direction {
    /// `提高`, `增长`, `增加`.
    Increase,
    /// `下降`, `降低`, `减少`.
    Decrease,
}

/// A number as a plan writes it, with what surrounds it: `1.7万亿元`, `60%以上`, `比2015年下降18%`, `3：7`.
///
/// The parser's quantity reader returns these for any text (`guihua_parse::quantities`); targets are the quantities
/// that a verb of commitment governs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Quantity {
    /// The quantity as written, bound included.
    pub raw: String,
    /// The number as written.
    pub value: f64,
    /// The number scaled by its multiplier, or a ratio's quotient.
    pub normalized: f64,
    /// The unit, half-width.
    pub unit: Option<String>,
    /// The multiplier as written.
    pub multiplier: Option<String>,
    /// Floor, ceiling, about or exact.
    pub bound: Bound,
    /// Level, share, count, growth rate, change or ratio.
    pub kind: TargetKind,
    /// For a change, its direction.
    pub direction: Option<Direction>,
    /// For a change, the year it is measured from.
    pub base_year: Option<i32>,
    /// Byte offset of the first byte in the text read.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
}
