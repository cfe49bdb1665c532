//! Word lists for Chinese assignments.

/// What may follow a label in its clause: nothing, or a verb of use ("作为负样本进行训练").
/// Role nouns that restate the label ("客户端角色", "显性性状") count as its end too.
pub(super) const TAILS: &[&str] = &[
    "进行", "来", "用于", "使用", "参与", "训练", "送入", "输入", "时", "加以", "处理", "即可",
    "向", "从", "把", "将", "给", "角色", "身份", "一方", "一端", "性状",
];
/// Words in a qualifier that make it a list or a phrase rather than a qualifier.
pub(super) const NOT_QUALIFIER: &[char] = &[
    '和', '与', '或', '及', '、', '跟', '并', '而', '但', '是', '为', '即',
];
pub(super) const DETERMINERS: &[&str] = &[
    "一个", "一种", "一组", "一类", "一批", "一些", "这个", "这些", "那些", "该", "各", "了",
];
pub(super) const CONDITIONS: &[&str] = &[
    "如果", "若", "假如", "假设", "倘若", "一旦", "是否", "如何", "能否", "可否", "要是",
];
pub(super) const CUTS: &[&str] = &["而", "但", "并且", "然后", "因此", "所以", "于是", "其中"];
pub(super) const LEADING: &[&str] = &[
    "而且", "而", "并", "且", "和", "与", "另外", "此外", "然后", "再", "又", "但是", "但", "则",
    "故", "那么", "此时", "这时", "使用", "利用", "采用", "选择", "选取", "选用", "挑选", "以",
    "用", "取", "将", "把",
];
/// Words that start with a leading conjunction or verb without being one.
pub(super) const WORDS_NOT_PREFIXED: &[&str] = &[
    "用户", "以下", "以上", "以前", "以后", "以往", "将来", "并行", "并发", "取值", "再生",
];
pub(super) const NEGATIONS: &[&str] = &[
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
pub(super) const SHARED: &[&str] = &[
    "也都", "也", "都", "均", "同样", "亦", "一样", "一并", "全部", "皆", "还", "同时",
];
pub(super) const ADVERBS: &[&str] = &[
    "则", "就", "将", "被", "仍", "仍然", "依然", "只", "仅", "只能", "才", "便", "了", "通常",
    "一般", "往往", "直接", "主要", "常常", "经常", "总是", "可以", "能够", "需要", "应该", "可能",
    "用来", "会", "又", "有时", "反而", "划", "设", "记", "称", "定义", "判", "归", "选",
];
pub(super) const PRONOUNS: &[&str] = &[
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
