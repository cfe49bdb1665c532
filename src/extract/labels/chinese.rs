//! Chinese assignments: "其生成的数据作为判别器的负样本", "将A视为正例".

use super::{LabelForm, Object, Subject, is_quote_or_markup};
use std::ops::Range;

/// What may follow a label in its clause: nothing, or a verb of use ("作为负样本进行训练").
/// Role nouns that restate the label ("客户端角色", "显性性状") count as its end too.
const TAILS: &[&str] = &[
    "进行", "来", "用于", "使用", "参与", "训练", "送入", "输入", "时", "加以", "处理", "即可",
    "向", "从", "把", "将", "给", "角色", "身份", "一方", "一端", "性状",
];
/// Words in a qualifier that make it a list or a phrase rather than a qualifier.
const NOT_QUALIFIER: &[char] = &[
    '和', '与', '或', '及', '、', '跟', '并', '而', '但', '是', '为', '即',
];
const DETERMINERS: &[&str] = &[
    "一个", "一种", "一组", "一类", "一批", "一些", "这个", "这些", "那些", "该", "各", "了",
];
const CONDITIONS: &[&str] = &[
    "如果", "若", "假如", "假设", "倘若", "一旦", "是否", "如何", "能否", "可否", "要是",
];
const CUTS: &[&str] = &["而", "但", "并且", "然后", "因此", "所以", "于是", "其中"];
const LEADING: &[&str] = &[
    "而且", "而", "并", "且", "和", "与", "另外", "此外", "然后", "再", "又", "但是", "但", "则",
    "故", "那么", "此时", "这时", "使用", "利用", "采用", "选择", "选取", "选用", "挑选", "以",
    "用", "取", "将", "把",
];
/// Words that start with a leading conjunction or verb without being one.
const WORDS_NOT_PREFIXED: &[&str] = &[
    "用户", "以下", "以上", "以前", "以后", "以往", "将来", "并行", "并发", "取值", "再生",
];
const NEGATIONS: &[&str] = &[
    "不",
    "不再",
    "不能",
    "不会",
    "不应",
    "不应该",
    "不可",
    "不可以",
    "未",
    "没有",
    "没",
    "并不",
    "从不",
    "无法",
    "不被",
    "未被",
    "不是",
    "并非",
    "而非",
    "非",
    "分别",
];
const SHARED: &[&str] = &[
    "也都", "也", "都", "均", "同样", "亦", "一样", "一并", "全部", "皆", "还", "同时",
];
const ADVERBS: &[&str] = &[
    "则", "就", "将", "被", "仍", "仍然", "依然", "只", "仅", "只能", "才", "便", "了", "通常",
    "一般", "往往", "直接", "主要", "常常", "经常", "总是", "可以", "能够", "需要", "应该", "可能",
    "用来", "会", "又", "有时", "反而", "划", "设", "记", "称", "定义", "判", "归", "选",
];
const PRONOUNS: &[&str] = &[
    "它",
    "它们",
    "这",
    "这些",
    "这个",
    "那",
    "那个",
    "那些",
    "此",
    "其",
    "该",
    "他们",
    "她们",
    "其中",
    "本身",
    "自己",
    "其余的",
    "其他的",
    "剩下的",
    "所有的",
];

pub(super) fn object(text: &str, span: Range<usize>, labels: &[LabelForm]) -> Option<Object> {
    let obj = &text[span.clone()];
    let mut best: Option<(usize, &LabelForm)> = None;
    // An empty label (possible in a user's rules file) labels nothing.
    for l in labels
        .iter()
        .filter(|l| l.words.is_empty() && !l.text.is_empty())
    {
        let mut from = 0;
        while let Some(p) = obj[from..].find(l.text.as_str()) {
            let at = from + p;
            if valid_tail(&obj[at + l.text.len()..]) {
                let better =
                    best.is_none_or(|(s, b)| at < s || (at == s && l.text.len() > b.text.len()));
                if better {
                    best = Some((at, l));
                }
                break;
            }
            from = at + l.text.len();
        }
    }
    let (at, label) = best?;
    let qualifier = qualifier(obj, at)?;
    if labels
        .iter()
        .any(|l| l.pair == label.pair && obj[..at].contains(l.text.as_str()))
    {
        return None;
    }
    Some(Object {
        label: span.start + at..span.start + at + label.text.len(),
        pair: label.pair,
        side: label.side,
        qualifier: qualifier.map(|q| span.start + q.start..span.start + q.end),
        shared: false,
    })
}

fn valid_tail(after: &str) -> bool {
    let after = after.trim_start_matches(|c: char| c.is_whitespace() || is_quote_or_markup(c));
    after.is_empty() || TAILS.iter().any(|t| after.starts_with(t))
}

/// The qualifier before the label (`Some(None)` when there is none); `None` when the words
/// before the label are not a qualifier.
fn qualifier(obj: &str, at: usize) -> Option<Option<Range<usize>>> {
    let mut q = trim(obj, 0..at);
    loop {
        let before = q.clone();
        q = strip_suffix(obj, q, DETERMINERS);
        q = strip_suffix(obj, q, &["的"]);
        q = strip_prefix(obj, q, DETERMINERS);
        q = trim(obj, q);
        if q == before {
            break;
        }
    }
    let s = &obj[q.clone()];
    if s.is_empty() {
        return Some(None);
    }
    if s.contains(NOT_QUALIFIER) || s.chars().count() > 12 {
        return None;
    }
    Some(Some(q))
}

/// `floor` is where the sentence (or the text after the previous assignment) starts.
pub(super) fn subject(text: &str, floor: usize, span: Range<usize>) -> Option<Subject> {
    let mut r = trim(text, span);
    let s = &text[r.clone()];
    if CONDITIONS.iter().any(|c| s.contains(c)) || s.starts_with('当') {
        return None;
    }
    // "而B也作为负样本" contrasts B with the subject before: "也" does not make it shared.
    let contrast = text[r.clone()].contains('而');
    for cut in CUTS {
        if let Some(p) = text[r.clone()].rfind(cut) {
            r.start += p + cut.len();
        }
    }
    let mut agent = None;
    if let Some(p) = text[r.clone()].rfind('被') {
        let after = r.start + p + '被'.len_utf8();
        let a = trim(text, after..r.end);
        if !a.is_empty() {
            agent = Some(a);
            r.end = r.start + p;
        }
    }
    for marker in ["将", "把"] {
        if let Some(p) = text[r.clone()].rfind(marker)
            && !text[..r.start + p].ends_with('即')
            && !text[r.start + p + marker.len()..].starts_with(['来', '要'])
        {
            r.start += p + marker.len();
        }
    }
    // "以X作为输入": whoever takes X (the words before "以") is the context.
    let mut instrumental = false;
    let lead = strip_prefix(text, trim(text, r.clone()), &["而", "并", "且", "并且"]);
    let s = &text[lead.clone()];
    if ["以", "用"].iter().any(|m| s.starts_with(m))
        && !WORDS_NOT_PREFIXED.iter().any(|w| s.starts_with(w))
    {
        agent = Some(floor_agent(text, floor, lead.start));
        instrumental = true;
    }
    let mut shared = false;
    loop {
        let before = r.clone();
        r = trim(text, r);
        let list = strip_prefix(text, r.clone(), &["和", "与", "及", "以及", "或"]);
        if list != r {
            // "…和文本作为输入": the end of a list of subjects.
            shared = true;
            r = list;
        }
        r = strip_prefix(text, r, LEADING);
        let s = &text[r.clone()];
        if NEGATIONS.iter().any(|n| s.ends_with(n)) {
            return None;
        }
        let stripped = strip_suffix(text, r.clone(), SHARED);
        if stripped != r {
            shared = !contrast;
            r = stripped;
        }
        r = strip_suffix(text, r, ADVERBS);
        if r == before {
            break;
        }
    }
    let s = &text[r.clone()];
    if s.is_empty() || PRONOUNS.contains(&s) || s.chars().count() > 30 {
        return None;
    }
    shared |= s.contains(['和', '与', '及', '或', '、', '跟', '等', '均', '都'])
        || ["同时", "所有", "全部"].iter().any(|w| s.contains(w));
    Some(Subject {
        range: r,
        shared,
        agent,
        instrumental,
    })
}

fn trim(text: &str, r: Range<usize>) -> Range<usize> {
    let s = &text[r.clone()];
    let start = s.len() - s.trim_start_matches(is_space_or_quote).len();
    let end = s.trim_end_matches(is_space_or_quote).len().max(start);
    r.start + start..r.start + end
}

fn is_space_or_quote(c: char) -> bool {
    c.is_whitespace() || is_quote_or_markup(c)
}

fn strip_prefix(text: &str, r: Range<usize>, words: &[&str]) -> Range<usize> {
    let s = &text[r.clone()];
    if WORDS_NOT_PREFIXED.iter().any(|w| s.starts_with(w)) {
        return r;
    }
    match words
        .iter()
        .filter(|w| s.starts_with(*w))
        .map(|w| w.len())
        .max()
    {
        Some(n) => r.start + n..r.end,
        None => r,
    }
}

fn strip_suffix(text: &str, r: Range<usize>, words: &[&str]) -> Range<usize> {
    let s = &text[r.clone()];
    match words
        .iter()
        .filter(|w| s.ends_with(*w))
        .map(|w| w.len())
        .max()
    {
        Some(n) => r.start..r.end - n,
        None => r,
    }
}

/// The words before an instrumental "以"/"用" back to `floor`, without punctuation and
/// conjunctions; possibly empty.
fn floor_agent(text: &str, floor: usize, at: usize) -> Range<usize> {
    let mut r = floor..at;
    let s = &text[r.clone()];
    let start = s.len()
        - s.trim_start_matches(|c: char| !c.is_alphanumeric() || matches!(c, '而' | '并'))
            .len();
    r.start += start;
    let s = &text[r.clone()];
    r.end = r.start
        + s.trim_end_matches(|c: char| !c.is_alphanumeric() || c == '可')
            .len();
    r
}
