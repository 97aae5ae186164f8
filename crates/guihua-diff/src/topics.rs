//! Topic alignment of the sections of two different plans (`guihua compare --sections`).
//!
//! Each section is a TF-IDF vector of what it says — its title (weighted three times) and its whole body, subsections
//! included — over two kinds of feature: words from the caller's segmenter (jieba in the CLI) and character bigrams of
//! its Chinese text, both without the [`STOP_WORDS`] that every plan uses. Document frequencies count each section's
//! own text once. Pairs are scored by cosine similarity and aligned in five steps:
//!
//! 1. `same_title`: sections whose titles are the same once numbers, width and punctuation are set aside are the same
//!    topic (score 1), and so are renamed sections — another title, the same text of their own, under paired parents
//!    (what `guihua diff` reports as renamed).
//! 2. `topic_match`: the best remaining pairs one to one, greedily, on the cosine plus a bonus when their parents are
//!    paired (children of matched parents prefer each other), a small one for the same level, and minus a weak
//!    penalty for their distance in reading order; pairs under [`SAME`] are not taken.
//! 3. `split_merge`: a section left over whose best partner is already paired, at the same level as that partner's
//!    own pair, at [`EXTRA`] or more and at least half as close as the pair itself, joins it.
//! 4. `near_best`: any pair at [`PARTIAL`] or more that is nearly as close ([`NEAR_BEST`]) as the best partner of its
//!    old section and of its new section is a link too: a topic that moved in part.
//! 5. Links make the relations: an old section with several links is split, a new one with several links is merged
//!    into, one link each way is the same topic; a section without links is old-only or new-only.
//!
//! On the development gold set (four pairs of real plans, `tests/data/compare`) this gives a link precision of 0.73
//! and a recall of 0.43: the gold counts every partial move of a topic, and raw similarity cannot tell most of them
//! from unrelated sections that share a plan's vocabulary.
//!
//! The shared terms of a pair are the words that weigh most in both. [`term_shifts`] ranks the words whose frequency
//! per 10,000 characters moved most between two plans.

use std::hash::{Hash, Hasher};

use rustc_hash::FxHashMap as HashMap;

use guihua_model::{Document, Node, Relation, Section, SectionEnd, SectionRelation, TermShift};

use crate::keys::title_key;

/// The smallest adjusted score of a one-to-one topic pair.
pub const SAME: f64 = 0.26;
/// The smallest cosine of a partial link (`near_best`).
pub const PARTIAL: f64 = 0.12;
/// The smallest cosine of an extra partner of a pair in `split_merge`.
pub const EXTRA: f64 = 0.28;
/// How close to the best score of both its sections a partial link must be.
pub const NEAR_BEST: f64 = 0.9;
/// The bonus of a pair whose parents are paired.
const PARENT_BONUS: f64 = 0.12;
/// The bonus of a pair at the same level.
const LEVEL_BONUS: f64 = 0.03;
/// The penalty per unit of distance in relative reading order (0 at the same place, 1 from first to last).
const ORDER_PENALTY: f64 = 0.10;
/// How many shared terms a pair lists.
const TERMS: usize = 6;

/// Words every plan says, whatever its topic: they neither pair sections nor make a term shift.
pub const STOP_WORDS: [&str; 66] = [
    "发展",
    "建设",
    "推进",
    "加强",
    "推动",
    "提高",
    "实施",
    "加快",
    "完善",
    "坚持",
    "工作",
    "积极",
    "进一步",
    "全面",
    "深化",
    "重点",
    "促进",
    "我们",
    "一批",
    "主要",
    "重要",
    "有关",
    "相关",
    "方面",
    "开展",
    "支持",
    "提升",
    "按照",
    "健全",
    "切实",
    "不断",
    "继续",
    "努力",
    "大力",
    "着力",
    "认真",
    "实现",
    "形成",
    "建立",
    "加大",
    "进行",
    "以及",
    "要求",
    "通过",
    "坚决",
    "一个",
    "没有",
    "必须",
    "就是",
    "这些",
    "这个",
    "已经",
    "同时",
    "其中",
    "今年",
    "年来",
    "我国",
    "全国",
    "各级",
    "有效",
    "一些",
    "表示",
    "各位",
    "感谢",
    "同志",
    "这样",
];

/// A section with what alignment needs.
struct Flat<'a> {
    section: &'a Section,
    parent: Option<usize>,
    /// Position in reading order, 0 to 1.
    position: f64,
}

/// A feature: a word, or a bigram of two characters.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Feature {
    Word(String),
    Bigram(char, char),
}

/// Features and their counts.
type Counts = HashMap<Feature, u32>;

fn is_han(c: char) -> bool {
    ('\u{4E00}'..='\u{9FFF}').contains(&c) || ('\u{3400}'..='\u{4DBF}').contains(&c)
}

/// Whether a word says something about a topic: two or more Chinese characters, not a stop word.
fn topical(word: &str) -> bool {
    word.chars().count() >= 2 && word.chars().all(is_han) && !STOP_WORDS.contains(&word)
}

/// The features of `text`, added to `counts`; its topical words also to `words_seen`.
fn count(text: &str, words: &dyn Fn(&str) -> Vec<String>, counts: &mut Counts, words_seen: &mut HashMap<String, u32>) {
    for word in words(text) {
        if topical(&word) {
            *words_seen.entry(word.clone()).or_default() += 1;
            *counts.entry(Feature::Word(word)).or_default() += 1;
        }
    }
    let mut previous: Option<char> = None;
    for c in text.chars() {
        if is_han(c) {
            if let Some(p) = previous {
                *counts.entry(Feature::Bigram(p, c)).or_default() += 1;
            }
            previous = Some(c);
        } else {
            previous = None;
        }
    }
}

/// What a document says, read once: its sections with the features of each title and of each section's own text
/// (not its subsections'), and the counts of its topical words over the whole text.
pub struct TopicProfile<'a> {
    flat: Vec<Flat<'a>>,
    /// A hash of each section's own text without white space (`None` where it has none).
    own_text: Vec<Option<u64>>,
    titles: Vec<Counts>,
    own: Vec<Counts>,
    words: HashMap<String, u32>,
    chars: usize,
}

/// Reads `document` for [`align_sections`] and [`term_shifts`], cutting each piece of text into words once with
/// `words` (jieba in the CLI; any segmenter, or none, will do).
pub fn profile<'a>(document: &'a Document, words: &dyn Fn(&str) -> Vec<String>) -> TopicProfile<'a> {
    struct Reader<'a, 'w> {
        words: &'w dyn Fn(&str) -> Vec<String>,
        profile: TopicProfile<'a>,
    }
    impl<'a> Reader<'a, '_> {
        /// The text of a node that is not a section, counted into `counts`.
        fn leaf(&mut self, node: &Node, counts: &mut Counts) -> Option<String> {
            let mut text = String::new();
            match node {
                Node::Paragraph(p) => text.push_str(&p.text),
                Node::Item(i) => {
                    text.push_str(&i.text);
                    // An item's own list (`（二）…包括：` `1.…`) counts as text of the section too.
                    for child in &i.children {
                        let _ = self.leaf(child, counts);
                    }
                }
                Node::Panel(p) => {
                    text.push_str(&p.title);
                    for t in &p.paragraphs {
                        text.push('\n');
                        text.push_str(t);
                    }
                }
                Node::Figure(f) => text.push_str(&f.text),
                Node::Table(t) => {
                    for c in &t.cells {
                        text.push('\n');
                        text.push_str(&c.text);
                    }
                }
                _ => return None,
            }
            self.profile.chars += text.chars().filter(|c| !c.is_whitespace()).count();
            count(&text, self.words, counts, &mut self.profile.words);
            Some(text)
        }

        fn visit(&mut self, nodes: &'a [Node], parent: Option<usize>) {
            for node in nodes {
                match node {
                    Node::Part(p) => self.visit(&p.children, parent),
                    Node::Section(s) => {
                        let index = self.profile.flat.len();
                        self.profile.flat.push(Flat { section: s, parent, position: 0.0 });
                        let mut title = Counts::default();
                        self.profile.chars += s.title.chars().count();
                        count(&s.title, self.words, &mut title, &mut self.profile.words);
                        self.profile.titles.push(title);
                        let mut own = Counts::default();
                        let mut hasher = std::hash::DefaultHasher::new();
                        let mut any = false;
                        for child in &s.children {
                            if !matches!(child, Node::Section(_) | Node::Part(_))
                                && let Some(text) = self.leaf(child, &mut own)
                            {
                                text.chars().filter(|c| !c.is_whitespace()).for_each(|c| c.hash(&mut hasher));
                                any = true;
                            }
                        }
                        self.profile.own_text.push(any.then(|| hasher.finish()));
                        self.profile.own.push(own);
                        self.visit(&s.children, Some(index));
                    }
                    // Text outside every section counts for term shifts only; a section's own text was read with it.
                    other if parent.is_none() => {
                        self.leaf(other, &mut Counts::default());
                    }
                    _ => {}
                }
            }
        }
    }
    let empty = TopicProfile {
        flat: Vec::new(),
        own_text: Vec::new(),
        titles: Vec::new(),
        own: Vec::new(),
        words: HashMap::default(),
        chars: 0,
    };
    let mut reader = Reader { words, profile: empty };
    reader.visit(&document.outline, None);
    let mut profile = reader.profile;
    let n = profile.flat.len().max(2) - 1;
    for (k, f) in profile.flat.iter_mut().enumerate() {
        f.position = k as f64 / n as f64;
    }
    profile
}

/// A unit-length sparse vector, sorted by feature index.
type Vector = Vec<(u32, f64)>;

struct Vectors {
    old: Vec<Vector>,
    new: Vec<Vector>,
    /// The features by index, to name shared terms.
    features: Vec<Feature>,
}

/// The TF-IDF vectors of every section of both plans: the title three times over, then the section's whole text —
/// title, own text and every subsection's. Document frequencies count each section's own text and title once.
fn vectors<'p>(old: &'p TopicProfile<'_>, new: &'p TopicProfile<'_>) -> Vectors {
    let mut index: HashMap<&'p Feature, u32> = HashMap::default();
    let mut features: Vec<Feature> = Vec::new();
    let mut df: Vec<u32> = Vec::new();
    let mut ids = |p: &'p TopicProfile<'_>| -> Vec<Vec<(u32, u32)>> {
        (0..p.flat.len())
            .map(|i| {
                let mut own: HashMap<u32, u32> = HashMap::default();
                for (feature, &n) in p.titles[i].iter().chain(p.own[i].iter()) {
                    let next = u32::try_from(features.len()).unwrap_or(u32::MAX);
                    let id = *index.entry(feature).or_insert_with(|| {
                        features.push(feature.clone());
                        df.push(0);
                        next
                    });
                    *own.entry(id).or_default() += n;
                }
                for &id in own.keys() {
                    df[id as usize] += 1;
                }
                own.into_iter().collect()
            })
            .collect()
    };
    let old_own = ids(old);
    let new_own = ids(new);
    let sections = (old.flat.len() + new.flat.len()).max(1) as f64;
    let whole = |p: &TopicProfile<'_>, own: Vec<Vec<(u32, u32)>>| -> Vec<Vector> {
        // Whole counts: own (title included) plus the title twice more, then every subsection's whole counts, added
        // from the last section up (subsections follow their parent).
        let mut counts: Vec<HashMap<u32, u32>> = own.into_iter().map(|o| o.into_iter().collect()).collect();
        for i in (0..p.flat.len()).rev() {
            for (feature, &n) in &p.titles[i] {
                if let Some(&id) = index.get(feature) {
                    *counts[i].entry(id).or_default() += 2 * n;
                }
            }
            if let Some(parent) = p.flat[i].parent {
                let child = std::mem::take(&mut counts[i]);
                for (&id, &n) in &child {
                    *counts[parent].entry(id).or_default() += n;
                }
                counts[i] = child;
            }
        }
        counts
            .into_iter()
            .map(|c| {
                let mut v: Vector = c
                    .into_iter()
                    .map(|(f, tf)| {
                        let df = f64::from(df[f as usize].max(1));
                        (f, (1.0 + f64::from(tf).ln()) * (1.0 + sections / df).ln())
                    })
                    .collect();
                let norm = v.iter().map(|(_, w)| w * w).sum::<f64>().sqrt();
                if norm > 0.0 {
                    v.iter_mut().for_each(|(_, w)| *w /= norm);
                }
                v.sort_unstable_by_key(|&(f, _)| f);
                v
            })
            .collect()
    };
    let old_vectors = whole(old, old_own);
    let new_vectors = whole(new, new_own);
    Vectors { old: old_vectors, new: new_vectors, features }
}

/// Every cosine between an old and a new vector, through postings of the old ones: only shared features cost.
fn cosines(v: &Vectors) -> Vec<Vec<f64>> {
    let mut postings: Vec<Vec<(u32, f64)>> = vec![Vec::new(); v.features.len()];
    for (i, vector) in v.old.iter().enumerate() {
        for &(f, w) in vector {
            postings[f as usize].push((u32::try_from(i).unwrap_or(u32::MAX), w));
        }
    }
    let mut out = vec![vec![0.0; v.new.len()]; v.old.len()];
    for (j, vector) in v.new.iter().enumerate() {
        for &(f, w) in vector {
            for &(i, wi) in &postings[f as usize] {
                out[i as usize][j] += w * wi;
            }
        }
    }
    out
}

/// The first `n` sections of a profile with a single level.
fn truncate<'a>(profile: &TopicProfile<'a>, n: usize) -> TopicProfile<'a> {
    let n = n.min(profile.flat.len());
    TopicProfile {
        flat: profile.flat[..n]
            .iter()
            .map(|f| Flat { section: f.section, parent: None, position: f.position })
            .collect(),
        own_text: profile.own_text[..n].to_vec(),
        titles: profile.titles[..n].to_vec(),
        own: profile.own[..n].to_vec(),
        words: profile.words.clone(),
        chars: profile.chars,
    }
}

/// Whether section `j` lies under section `i`.
fn descends(flat: &[Flat<'_>], j: usize, i: usize) -> bool {
    let mut at = flat[j].parent;
    while let Some(p) = at {
        if p == i {
            return true;
        }
        at = flat[p].parent;
    }
    false
}

/// The words two vectors share that weigh most in both.
fn shared_terms(a: &Vector, b: &Vector, features: &[Feature]) -> Vec<String> {
    let mut shared = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                if let Some(Feature::Word(w)) = features.get(a[i].0 as usize) {
                    shared.push((a[i].1.min(b[j].1), w.clone()));
                }
                i += 1;
                j += 1;
            }
        }
    }
    shared.sort_by(|x, y| y.0.total_cmp(&x.0).then_with(|| x.1.cmp(&y.1)));
    shared.into_iter().take(TERMS).map(|(_, w)| w).collect()
}

fn end(f: &Flat<'_>) -> SectionEnd {
    let s = f.section;
    SectionEnd {
        node: s.id.clone(),
        number: s.number.clone(),
        title: s.title.clone(),
        level: s.level,
        line: s.heading_span.line,
    }
}

/// The topic similarity of every old section with every new section, by node id: the cosines the alignment starts
/// from, for analysis and tuning.
pub fn similarities(old: &TopicProfile<'_>, new: &TopicProfile<'_>) -> Vec<(String, String, f64)> {
    let cos = cosines(&vectors(old, new));
    let mut out = Vec::new();
    for (i, o) in old.flat.iter().enumerate() {
        for (j, n) in new.flat.iter().enumerate() {
            out.push((o.section.id.clone(), n.section.id.clone(), cos[i][j]));
        }
    }
    out
}

/// The most section pairs one alignment scores: two plans of 2,000 sections each. Past it, the deepest levels are
/// left out (their text still counts in the sections above them), so that memory stays bounded whatever the input.
pub const MAX_PAIRS: usize = 4_000_000;

/// `profile` without the sections deeper than `max_level`: each dropped section's own text is counted in the nearest
/// section kept above it.
fn coarse<'a>(profile: &TopicProfile<'a>, max_level: u32) -> TopicProfile<'a> {
    let mut kept: Vec<Option<usize>> = vec![None; profile.flat.len()];
    let mut out = TopicProfile {
        flat: Vec::new(),
        own_text: Vec::new(),
        titles: Vec::new(),
        own: Vec::new(),
        words: profile.words.clone(),
        chars: profile.chars,
    };
    for (i, f) in profile.flat.iter().enumerate() {
        // The nearest kept section at or above this one.
        let mut at = Some(i);
        while let Some(k) = at {
            if profile.flat[k].section.level <= max_level {
                break;
            }
            at = profile.flat[k].parent;
        }
        if at == Some(i) {
            kept[i] = Some(out.flat.len());
            let parent = f.parent.and_then(|p| kept[p]);
            out.flat.push(Flat { section: f.section, parent, position: f.position });
            out.own_text.push(profile.own_text[i]);
            out.titles.push(profile.titles[i].clone());
            out.own.push(profile.own[i].clone());
        } else if let Some(k) = at.and_then(|k| kept[k]) {
            for (feature, &n) in profile.titles[i].iter().chain(profile.own[i].iter()) {
                *out.own[k].entry(feature.clone()).or_default() += n;
            }
        }
    }
    out
}

/// Aligns the sections of two plans by topic (see the module documentation). Rows come in the new plan's reading
/// order, with each old-only section after the rows of the old section before it. Plans with more than
/// [`MAX_PAIRS`] pairs of sections are aligned down to the deepest level that keeps under it.
pub fn align_sections(old: &TopicProfile<'_>, new: &TopicProfile<'_>) -> Vec<SectionRelation> {
    if old.flat.len().saturating_mul(new.flat.len()) > MAX_PAIRS {
        let deepest = old.flat.iter().chain(&new.flat).map(|f| f.section.level).max().unwrap_or(0);
        if deepest > 1 {
            return align_sections(&coarse(old, deepest - 1), &coarse(new, deepest - 1));
        }
        // One level and still too many: the first sections of each, in reading order.
        let old = truncate(old, 2000);
        let new = truncate(new, MAX_PAIRS / old.flat.len().max(1));
        return align_sections(&old, &new);
    }
    let (old_flat, new_flat) = (&old.flat, &new.flat);
    let v = vectors(old, new);
    let (n_old, n_new) = (old_flat.len(), new_flat.len());
    let cos = cosines(&v);
    let mut old_pair: Vec<Option<usize>> = vec![None; n_old];
    let mut new_pair: Vec<Option<usize>> = vec![None; n_new];
    // The new section an old one is the same as by its title or its own text (score 1).
    let mut exact: Vec<Option<usize>> = vec![None; n_old];

    // Whether two sections' parents are paired (two outermost sections count as paired).
    let parents_paired = |old_pair: &[Option<usize>], i: usize, j: usize| match (old_flat[i].parent, new_flat[j].parent)
    {
        (Some(p), Some(q)) => old_pair[p] == Some(q),
        (None, None) => true,
        _ => false,
    };

    // 1. `same_title`, in reading order; among equal titles, the closest in content.
    let new_keys: Vec<String> = new_flat.iter().map(|f| title_key(&f.section.title)).collect();
    for i in 0..n_old {
        let key = title_key(&old_flat[i].section.title);
        if key.is_empty() {
            continue;
        }
        let best = (0..n_new)
            .filter(|&j| new_pair[j].is_none() && new_keys[j] == key)
            .max_by(|&a, &b| cos[i][a].total_cmp(&cos[i][b]));
        if let Some(j) = best {
            old_pair[i] = Some(j);
            new_pair[j] = Some(i);
            exact[i] = Some(j);
        }
    }

    // …and renamed sections: another title, the same text of their own, under paired parents.
    for i in 0..n_old {
        if old_pair[i].is_some() || old.own_text[i].is_none() {
            continue;
        }
        let renamed = (0..n_new)
            .find(|&j| new_pair[j].is_none() && parents_paired(&old_pair, i, j) && new.own_text[j] == old.own_text[i]);
        if let Some(j) = renamed {
            old_pair[i] = Some(j);
            new_pair[j] = Some(i);
            exact[i] = Some(j);
        }
    }

    // 2. `topic_match`: greedy on the adjusted score, the parent bonus following the pairs made so far.
    loop {
        let mut best: Option<(f64, usize, usize)> = None;
        for i in (0..n_old).filter(|&i| old_pair[i].is_none()) {
            for j in (0..n_new).filter(|&j| new_pair[j].is_none()) {
                let c = cos[i][j];
                if c < SAME - PARENT_BONUS - LEVEL_BONUS {
                    continue;
                }
                let parents = parents_paired(&old_pair, i, j);
                let level = old_flat[i].section.level == new_flat[j].section.level;
                let score = c + if parents { PARENT_BONUS } else { 0.0 } + if level { LEVEL_BONUS } else { 0.0 }
                    - ORDER_PENALTY * (old_flat[i].position - new_flat[j].position).abs();
                if score >= SAME && best.is_none_or(|(s, _, _)| score > s) {
                    best = Some((score, i, j));
                }
            }
        }
        let Some((_, i, j)) = best else { break };
        old_pair[i] = Some(j);
        new_pair[j] = Some(i);
    }

    // 3. `split_merge`: extra partners of pairs made.
    let mut extra_new: Vec<Vec<usize>> = vec![Vec::new(); n_old]; // old i → more new sections (split)
    let mut extra_old: Vec<Vec<usize>> = vec![Vec::new(); n_new]; // new j → more old sections (merged)
    let related = |a: usize, b: usize, flat: &[Flat<'_>]| descends(flat, a, b) || descends(flat, b, a);
    let (old_flat, new_flat) = (old_flat.as_slice(), new_flat.as_slice());
    for j in (0..n_new).filter(|&j| new_pair[j].is_none()) {
        let best = (0..n_old).max_by(|&a, &b| cos[a][j].total_cmp(&cos[b][j]));
        if let Some(i) = best
            && let Some(j2) = old_pair[i]
            && cos[i][j] >= EXTRA
            && cos[i][j] * 2.0 >= cos[i][j2]
            && new_flat[j].section.level == new_flat[j2].section.level
            && !related(j, j2, new_flat)
        {
            extra_new[i].push(j);
        }
    }
    for i in (0..n_old).filter(|&i| old_pair[i].is_none()) {
        let best = (0..n_new).max_by(|&a, &b| cos[i][a].total_cmp(&cos[i][b]));
        if let Some(j) = best
            && let Some(i2) = new_pair[j]
            && cos[i][j] >= EXTRA
            && cos[i][j] * 2.0 >= cos[i2][j]
            && old_flat[i].section.level == old_flat[i2].section.level
            && !related(i, i2, old_flat)
        {
            extra_old[j].push(i);
        }
    }
    let mut links: Vec<(usize, usize)> = (0..n_old).filter_map(|i| old_pair[i].map(|j| (i, j))).collect();
    for (i, extra) in extra_new.iter().enumerate() {
        links.extend(extra.iter().map(|&j| (i, j)));
    }
    for (j, extra) in extra_old.iter().enumerate() {
        links.extend(extra.iter().map(|&i| (i, j)));
    }

    // 3b. `near_best`: a pair nearly as close as the closest partner of either side is a partial link too (a topic
    // that moved in part): at [`PARTIAL`] or more, and at [`NEAR_BEST`] of the best score of its old section and of
    // its new section.
    let row_best: Vec<f64> = cos.iter().map(|r| r.iter().copied().fold(0.0, f64::max)).collect();
    let col_best: Vec<f64> = (0..n_new).map(|j| (0..n_old).map(|i| cos[i][j]).fold(0.0, f64::max)).collect();
    for i in 0..n_old {
        for j in 0..n_new {
            let c = cos[i][j];
            if c >= PARTIAL && c >= NEAR_BEST * row_best[i] && c >= NEAR_BEST * col_best[j] {
                links.push((i, j)); // duplicates of earlier links go below
            }
        }
    }
    links.sort_unstable();
    links.dedup();
    let mut old_degree = vec![0usize; n_old];
    let mut new_degree = vec![0usize; n_new];
    for &(i, j) in &links {
        old_degree[i] += 1;
        new_degree[j] += 1;
    }

    // 4. Rows, in the new plan's order; old-only sections after the row of the old section before them.
    let row = |i: usize, j: usize| -> SectionRelation {
        let relation = if old_degree[i] > 1 {
            Relation::Split
        } else if new_degree[j] > 1 {
            Relation::Merged
        } else {
            Relation::Same
        };
        let score = if exact[i] == Some(j) { 1.0 } else { (cos[i][j] * 1000.0).round() / 1000.0 };
        SectionRelation {
            relation,
            old: Some(end(&old_flat[i])),
            new: Some(end(&new_flat[j])),
            score,
            terms: shared_terms(&v.old[i], &v.new[j], &v.features),
        }
    };
    let mut rows: Vec<(f64, SectionRelation)> = Vec::new();
    // Where the last row of each old section stands, for the old-only sections after it.
    let mut position_of_old: Vec<Option<f64>> = vec![None; n_old];
    for (j, section) in new_flat.iter().enumerate() {
        let position = j as f64;
        let partners: Vec<usize> = links.iter().filter(|l| l.1 == j).map(|l| l.0).collect();
        if partners.is_empty() {
            rows.push((
                position,
                SectionRelation {
                    relation: Relation::NewOnly,
                    old: None,
                    new: Some(end(section)),
                    score: 0.0,
                    terms: Vec::new(),
                },
            ));
        }
        for i in partners {
            rows.push((position, row(i, j)));
            position_of_old[i] = Some(position);
        }
    }
    // Each old-only section goes after the rows of the paired old section before it (or first), in old order.
    let mut anchor = -1.0;
    for i in 0..n_old {
        match position_of_old[i] {
            Some(p) => anchor = p,
            None => rows.push((
                anchor + 0.5 + i as f64 / (4.0 * n_old as f64),
                SectionRelation {
                    relation: Relation::OldOnly,
                    old: Some(end(&old_flat[i])),
                    new: None,
                    score: 0.0,
                    terms: Vec::new(),
                },
            )),
        }
    }
    rows.sort_by(|a, b| a.0.total_cmp(&b.0));
    rows.into_iter().map(|(_, r)| r).collect()
}

/// The words whose frequency per 10,000 characters rose most (`rising`) and fell most (`falling`) from `old` to `new`,
/// `limit` of each, among words of two or more Chinese characters said three times or more in one of the plans, stop
/// words out. Ties go to the more frequent word, then to the word.
pub fn term_shifts(old: &TopicProfile<'_>, new: &TopicProfile<'_>, limit: usize) -> (Vec<TermShift>, Vec<TermShift>) {
    let (old_counts, old_chars) = (&old.words, old.chars.max(1) as f64);
    let (new_counts, new_chars) = (&new.words, new.chars.max(1) as f64);
    let mut all: Vec<&String> = old_counts.keys().chain(new_counts.keys()).collect();
    all.sort_unstable();
    all.dedup();
    let round = |x: f64| (x * 100.0).round() / 100.0;
    let mut shifts: Vec<(f64, TermShift)> = all
        .into_iter()
        .filter_map(|term| {
            let (a, b) = (old_counts.get(term).copied().unwrap_or(0), new_counts.get(term).copied().unwrap_or(0));
            if a.max(b) < 3 {
                return None;
            }
            let (ra, rb) = (f64::from(a) * 1e4 / old_chars, f64::from(b) * 1e4 / new_chars);
            let shift = TermShift {
                term: term.clone(),
                old_count: a,
                new_count: b,
                old_per_10k: round(ra),
                new_per_10k: round(rb),
            };
            Some((rb - ra, shift))
        })
        .collect();
    let total = |s: &TermShift| s.old_count + s.new_count;
    // Rising: the largest rise first; falling: the largest fall first; ties to the more frequent word, then the word.
    shifts.sort_by(|x, y| {
        y.0.total_cmp(&x.0).then_with(|| total(&y.1).cmp(&total(&x.1))).then_with(|| x.1.term.cmp(&y.1.term))
    });
    let rising: Vec<TermShift> = shifts.iter().filter(|s| s.0 > 0.0).take(limit).map(|s| s.1.clone()).collect();
    shifts.sort_by(|x, y| {
        x.0.total_cmp(&y.0).then_with(|| total(&y.1).cmp(&total(&x.1))).then_with(|| x.1.term.cmp(&y.1.term))
    });
    let falling: Vec<TermShift> = shifts.iter().filter(|s| s.0 < 0.0).take(limit).map(|s| s.1.clone()).collect();
    (rising, falling)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// No words: character bigrams alone, as with a segmenter that finds nothing.
    fn bigrams_only(_: &str) -> Vec<String> {
        Vec::new()
    }

    fn relations(old: &str, new: &str) -> Vec<(Relation, String, String)> {
        let (old, _) = guihua_parse::parse(old);
        let (new, _) = guihua_parse::parse(new);
        let title = |s: &Option<SectionEnd>| s.as_ref().map_or(String::new(), |s| s.title.clone());
        align_sections(&profile(&old, &bigrams_only), &profile(&new, &bigrams_only))
            .into_iter()
            .map(|r| (r.relation, title(&r.old), title(&r.new)))
            .collect()
    }

    const OLD: &str = "一、发展目标
到2020年，全省粮食产量稳定在700亿斤，农民收入持续增长，农村基础设施明显改善，城乡居民生活水平显著提高。
二、科技创新与人才培养
加强基础研究和关键核心技术攻关，建设国家实验室和重大创新平台，提升企业技术创新能力。培养高层次科技人才和青年科学家，完善人才引进和激励政策。
三、生态环境保护
治理大气污染，削减燃煤消费总量，推进河湖水污染防治和土壤修复。
四、文化旅游
发展文化产业和全域旅游，建设精品旅游景区，保护历史文化遗产。
五、对外开放
扩大进出口贸易，吸引外商直接投资，建设自由贸易试验区和综合保税区。
";

    const NEW: &str = "一、总体目标
到2025年，全省粮食产量稳定在700亿斤以上，农民收入持续较快增长，农村基础设施全面改善，城乡居民生活水平显著提高。
二、科技创新
加强基础研究和关键核心技术攻关，建设国家实验室和重大创新平台，提升企业技术创新能力。
三、人才队伍
培养高层次科技人才和青年科学家，完善人才引进和激励政策，优化人才发展环境。
四、开放与文旅
发展文化产业和全域旅游，建设精品旅游景区，保护历史文化遗产。扩大进出口贸易，吸引外商直接投资，建设自由贸易试验区和综合保税区。
五、数字经济
发展大数据、人工智能和软件产业，建设第五代移动通信网络和数据中心。
";

    #[test]
    fn renamed_split_merged_old_only_and_new_only() {
        let got = relations(OLD, NEW);
        let has = |r: Relation, old: &str, new: &str| got.contains(&(r, old.to_owned(), new.to_owned()));
        assert!(has(Relation::Same, "发展目标", "总体目标"), "renamed with the same content: {got:#?}");
        assert!(has(Relation::Split, "科技创新与人才培养", "科技创新"), "{got:#?}");
        assert!(has(Relation::Split, "科技创新与人才培养", "人才队伍"), "{got:#?}");
        assert!(has(Relation::Merged, "文化旅游", "开放与文旅"), "{got:#?}");
        assert!(has(Relation::Merged, "对外开放", "开放与文旅"), "{got:#?}");
        assert!(has(Relation::OldOnly, "生态环境保护", ""), "{got:#?}");
        assert!(has(Relation::NewOnly, "", "数字经济"), "{got:#?}");
        assert_eq!(got.len(), 7, "one row per link and per one-sided section: {got:#?}");
    }

    #[test]
    fn moved_and_identical_sections_are_the_same_with_score_one() {
        let old = "一、生态环境保护\n治理大气污染。\n二、对外开放\n扩大进出口贸易。\n";
        let new = "一、对外开放\n扩大进出口贸易和服务贸易。\n二、生态环境保护\n治理大气污染。\n";
        let (a, _) = guihua_parse::parse(old);
        let (b, _) = guihua_parse::parse(new);
        let rows = align_sections(&profile(&a, &bigrams_only), &profile(&b, &bigrams_only));
        assert_eq!(rows.len(), 2);
        for row in &rows {
            assert_eq!((row.relation, row.score), (Relation::Same, 1.0), "{row:#?}");
            assert_eq!(row.old.as_ref().map(|o| &o.title), row.new.as_ref().map(|n| &n.title));
        }
        assert_eq!(rows[0].new.as_ref().map(|n| n.line), Some(1), "rows follow the new plan's order");
        assert_eq!(rows[0].old.as_ref().map(|o| (o.number.as_str(), o.line)), Some(("二、", 3)));
    }

    #[test]
    fn a_section_renamed_with_its_text_unchanged_scores_one() {
        let old = "一、总体要求\n坚持创新驱动，推动制造业高质量发展，建设制造强省。\n二、保障措施\n加强组织领导，完善财税金融政策。\n";
        let new = "一、总体思路\n坚持创新驱动，推动制造业高质量发展，建设制造强省。\n二、保障措施\n加强组织领导，完善财税金融政策。\n";
        let (a, _) = guihua_parse::parse(old);
        let (b, _) = guihua_parse::parse(new);
        let rows = align_sections(&profile(&a, &bigrams_only), &profile(&b, &bigrams_only));
        let renamed = rows.iter().find(|r| r.new.as_ref().is_some_and(|n| n.title == "总体思路")).expect("a row");
        assert_eq!((renamed.relation, renamed.score), (Relation::Same, 1.0), "{renamed:#?}");
        assert_eq!(renamed.old.as_ref().map(|o| o.title.as_str()), Some("总体要求"));
    }

    #[test]
    fn children_of_paired_parents_prefer_each_other() {
        // Both plans have a 工业 part and an 农业 part with a 技术 subsection each; the subsections' text is alike, so
        // only their parents tell them apart.
        let old = "一、工业\n制造业转型升级，钢铁化工建材。\n（一）技术改造\n推广先进适用技术，更新设备。\n二、农业\n粮食生产，种植养殖，农田水利。\n（一）技术推广\n推广先进适用技术，更新农机。\n";
        let new = "一、农业农村\n粮食生产，种植养殖，农田水利。\n（一）农业技术\n推广先进适用技术，更新农机设备。\n二、工业制造\n制造业转型升级，钢铁化工建材。\n（一）工业技术\n推广先进适用技术，更新设备。\n";
        let got = relations(old, new);
        assert!(got.contains(&(Relation::Same, "技术改造".into(), "工业技术".into())), "{got:#?}");
        assert!(got.contains(&(Relation::Same, "技术推广".into(), "农业技术".into())), "{got:#?}");
    }

    #[test]
    fn plans_with_too_many_sections_are_aligned_at_coarser_levels() {
        // 2,100 numbered subsections under 3 chapters on each side: 4.4 million pairs.
        let plan = |year: &str| -> String {
            let mut text = String::new();
            for (chapter, topic) in
                [("第一章 农业", "粮食种植灌溉"), ("第二章 工业", "钢铁冶炼机床"), ("第三章 服务业", "物流金融旅游")]
            {
                text.push_str(&format!("{chapter}\n{year}年{topic}总体要求。\n"));
                for k in 1..=700 {
                    text.push_str(&format!("第{k}条 {topic}规定。\n"));
                }
            }
            text
        };
        let (a, _) = guihua_parse::parse(&plan("2020"));
        let (b, _) = guihua_parse::parse(&plan("2025"));
        let (pa, pb) = (profile(&a, &bigrams_only), profile(&b, &bigrams_only));
        assert!(pa.flat.len() * pb.flat.len() > MAX_PAIRS, "{} × {}", pa.flat.len(), pb.flat.len());
        let rows = align_sections(&pa, &pb);
        assert!(rows.iter().all(|r| r.old.iter().chain(&r.new).all(|e| e.level == 1)), "chapters only");
        assert_eq!(rows.iter().filter(|r| r.relation == Relation::Same).count(), 3, "{rows:#?}");
    }

    #[test]
    fn term_shifts_rank_rises_and_falls_per_ten_thousand_characters() {
        let (old, _) = guihua_parse::parse("一、产业\n钢铁产能。钢铁产量。钢铁企业。煤炭。\n");
        let (new, _) = guihua_parse::parse("一、产业\n数据中心。数据要素。数据产业。煤炭。\n");
        let words = |t: &str| -> Vec<String> {
            ["钢铁", "数据", "煤炭"]
                .iter()
                .flat_map(|w| std::iter::repeat_n(w.to_string(), t.matches(w).count()))
                .collect()
        };
        let (rising, falling) = term_shifts(&profile(&old, &words), &profile(&new, &words), 5);
        assert_eq!(
            rising.iter().map(|s| (s.term.as_str(), s.old_count, s.new_count)).collect::<Vec<_>>(),
            [("数据", 0, 3)]
        );
        assert_eq!(
            falling.iter().map(|s| (s.term.as_str(), s.old_count, s.new_count)).collect::<Vec<_>>(),
            [("钢铁", 3, 0)]
        );
        assert!(rising[0].new_per_10k > 0.0 && rising[0].old_per_10k == 0.0);
    }
}
