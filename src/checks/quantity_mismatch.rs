use super::{Check, CheckMeta, Context, declare_check};
use crate::diagnostic::Diagnostic;
use crate::extract::ProseQuantity;
use crate::extract::quantities::{self, Quantity};
use crate::extract::subjects::AboutIn;
use crate::hash::HashMap;

declare_check! {
    /// A number that contradicts the cited work's title, or the same quantity given two
    /// different values in one document.
    ///
    /// A number about a cited work (`splits images into 14×14 patches [7]`, `24 high-redshift
    /// supernovae [3]`, `39 K [5]`) is compared with the numbers in that work's title (`An
    /// Image is Worth 16x16 Words`, `…from 42 High-Redshift Supernovae`, `Superconductivity
    /// at 93 K`) when both measure the same thing (same unit, or same noun), and with the key
    /// numbers of a known work in the rules. Within a document, a quantity of the same thing
    /// in the same unit (`4 KiB` base page … `8 KiB` base pages of the same x86-64) must keep
    /// its value; quantities of different named things (`x86-64` and `ARM64`) may differ.
    pub struct QuantityMismatch {
        id: "quantity-mismatch",
        category: Quantity,
        severity: Warning,
    }
}

impl Check for QuantityMismatch {
    fn meta(&self) -> &'static CheckMeta {
        &Self::META
    }

    fn run(&self, ctx: &Context<'_, '_>, out: &mut Vec<Diagnostic>) {
        self.against_titles(ctx, out);
        self.within_document(ctx, out);
    }
}

impl QuantityMismatch {
    fn against_titles(&self, ctx: &Context<'_, '_>, out: &mut Vec<Diagnostic>) {
        let doc = ctx.doc;
        let Some(bib) = &doc.bibliography else { return };
        // What the current sentence cites or names, read once for all its quantities (they
        // come in text order).
        let mut about: Option<((usize, usize), AboutIn)> = None;
        for pq in ctx.claims.quantities() {
            let block = &doc.blocks[pq.block];
            let Some(sentence) = block.sentences.get(pq.sentence) else {
                continue;
            };
            let here = (pq.block, pq.sentence);
            let in_sentence = match &about {
                Some((at, a)) if *at == here => a,
                _ => {
                    let a = ctx.claims.subjects().about_in(doc, pq.block, sentence);
                    &about.insert((here, a)).1
                }
            };
            let Some(key) = in_sentence.at(pq.quantity.range.start) else {
                continue;
            };
            let Some(entry) = bib.get(&key) else { continue };
            // A footnote that is a remark has no title to compare with.
            if !entry.is_bibliographic() {
                continue;
            }
            let mut facts: Vec<(Quantity, Option<std::ops::Range<usize>>)> = Vec::new();
            if let Some(t) = &entry.parsed.title {
                for q in quantities::mentions(&entry.text, t.clone()) {
                    let r = q.range.clone();
                    facts.push((q, Some(r)));
                }
            }
            if let Some(work) = ctx.claims.subjects().work(&key, ctx.rules) {
                facts.extend(
                    work.numbers
                        .iter()
                        .filter_map(|n| known_number(n))
                        .map(|q| (q, None)),
                );
            }
            let q = &pq.quantity;
            let same_thing: Vec<&(Quantity, Option<std::ops::Range<usize>>)> =
                facts.iter().filter(|(f, _)| measures_same(q, f)).collect();
            if same_thing.is_empty() || same_thing.iter().any(|(f, _)| f.value == q.value) {
                continue;
            }
            let (fact, range) = same_thing[0];
            let written = range
                .as_ref()
                .map_or_else(|| fact.value.clone(), |r| entry.text[r.clone()].to_string());
            let mut d = ctx.diagnostic(
                pq.range.clone(),
                format!(
                    "text says {}; the title of reference {key} says {written}",
                    doc.text.get(pq.range.clone()).unwrap_or(&q.value)
                ),
            );
            d = match range {
                Some(r) => d.with_related(
                    entry.source_range(doc, r.clone()),
                    format!("title of {key}"),
                ),
                None => d.with_related(
                    entry.key_range.clone(),
                    format!("{key} is a known work with {written}"),
                ),
            };
            out.push(d);
        }
    }

    fn within_document(&self, ctx: &Context<'_, '_>, out: &mut Vec<Diagnostic>) {
        let doc = ctx.doc;
        // Group by unit (and head concept for unitless counts): the index keeps this linear.
        let mut groups: HashMap<(Option<&str>, Option<&str>), Vec<&ProseQuantity>> =
            HashMap::default();
        let mut stating = HashMap::default();
        for pq in ctx.claims.quantities() {
            let q = &pq.quantity;
            // Only measured values: digits with a unit, not counts, shares or dimensions.
            // Measured values only: digits with a unit (not counts, shares or dimensions).
            if q.value.contains('x')
                || q.concepts.is_empty()
                || !q.digits
                || q.categorical
                || matches!(q.unit, None | Some("%"))
                || !is_statement(doc, pq, &mut stating)
            {
                continue;
            }
            groups.entry((q.unit, None)).or_default().push(pq);
        }
        let mut reported = crate::hash::HashSet::default();
        for members in groups.values() {
            // The earlier members by concept: two statements of the same quantity share a
            // concept (see `same_quantity`), so only those are compared, the first
            // `MAX_COMPARED` of them, keeping a document with thousands of statements of one
            // unit linear.
            let mut by_concept: HashMap<&str, Vec<usize>> = HashMap::default();
            for (k, later) in members.iter().enumerate() {
                let mut compared: Vec<usize> = later
                    .quantity
                    .concepts
                    .iter()
                    .filter_map(|c| by_concept.get(c.as_str()))
                    .flat_map(|list| list.iter().take(MAX_COMPARED).copied())
                    .collect();
                compared.sort_unstable();
                compared.dedup();
                for c in &later.quantity.concepts {
                    by_concept.entry(c.as_str()).or_default().push(k);
                }
                let earlier = compared
                    .into_iter()
                    .take(MAX_COMPARED)
                    .map(|i| members[i])
                    .find(|e| {
                        e.block != later.block
                            && e.quantity.value != later.quantity.value
                            && same_quantity(&e.quantity, &later.quantity)
                    });
                let Some(earlier) = earlier else { continue };
                if !reported.insert(later.range.start) {
                    continue;
                }
                let shown =
                    |p: &ProseQuantity| doc.text.get(p.range.clone()).unwrap_or("").to_string();
                out.push(
                    ctx.diagnostic(
                        later.range.clone(),
                        format!(
                            "text says {} here but {} earlier for the same quantity",
                            shown(later),
                            shown(earlier)
                        ),
                    )
                    .with_related(
                        earlier.range.clone(),
                        format!("{} stated here", shown(earlier)),
                    ),
                );
            }
        }
    }
}

/// Whether a prose quantity and a title (or known) quantity measure the same thing.
fn measures_same(q: &Quantity, f: &Quantity) -> bool {
    let dims = q.value.contains('x') == f.value.contains('x');
    let unit = match (q.unit, f.unit) {
        (Some(a), Some(b)) => a == b,
        (None, None) => true,
        _ => false,
    };
    let noun = q.unit.is_some() && q.concepts.is_empty() || shares_concept(q, f);
    dims && unit && noun
}

fn shares_concept(a: &Quantity, b: &Quantity) -> bool {
    let generic = |c: &String| {
        matches!(
            c.as_str(),
            "high" | "low" | "new" | "large" | "small" | "total"
        )
    };
    a.concepts
        .iter()
        .any(|c| !generic(c) && b.concepts.contains(c))
}

/// How many earlier statements sharing a concept a statement is compared with.
const MAX_COMPARED: usize = 64;

/// Whether two statements give the same quantity of the same thing. The first must define
/// it ("the base page is 4 KiB") or both must word it alike ("31 km grid" / "25 km grid");
/// named things (`x86-64`, `ERA5`) must agree when either statement names one.
fn same_quantity(a: &Quantity, b: &Quantity) -> bool {
    let words = |q: &Quantity| {
        q.concepts
            .iter()
            .filter(|c| !c.ends_with('·'))
            .cloned()
            .collect::<Vec<_>>()
    };
    let (wa, wb) = (words(a), words(b));
    // CJK nouns have no end marker ("持有期" / "持有期计算"): one may extend the other.
    let (short, long) = if wa.len() <= wb.len() {
        (&wa, &wb)
    } else {
        (&wb, &wa)
    };
    let alike = !short.is_empty() && long.starts_with(short) && (short.len() >= 2 || short == long);
    let shared = wa.iter().any(|c| wb.contains(c) && c.chars().count() > 1);
    let named = match (a.entities.is_empty(), b.entities.is_empty()) {
        (false, false) => a.entities.iter().any(|e| b.entities.contains(e)),
        (true, true) => alike && a.defined,
        _ => false,
    };
    // A defined value of a named thing may be restated with another noun of the same kind
    // ("HDFS 的默认块大小为 128 MB" / "HDFS … 64 MB 的数据块"): one shared character suffices.
    let same_thing = !a.entities.is_empty() && !b.entities.is_empty();
    let shares_character = a
        .concepts
        .iter()
        .any(|c| c.ends_with('·') && b.concepts.contains(c));
    named && (alike || (a.defined && (shared || (same_thing && shares_character))))
}

/// Statements of a value, not specifications, recipes or comparisons: prose paragraphs
/// whose sentence does not set several values side by side.
fn is_statement(
    doc: &crate::document::Document<'_>,
    pq: &ProseQuantity,
    stating: &mut HashMap<(usize, usize), bool>,
) -> bool {
    let block = &doc.blocks[pq.block];
    if block.kind != crate::document::BlockKind::Paragraph || block.item.is_some() {
        return false;
    }
    // Read once per sentence, however many quantities it holds.
    if !*stating
        .entry((pq.block, pq.sentence))
        .or_insert_with(|| states(block, pq.sentence))
    {
        return false;
    }
    // Only the words around the number: "from 4 KiB to 8 KiB", "比 128 MB 大".
    let (start, end) = (pq.quantity.range.start, pq.quantity.range.end);
    let before: String = block.text[..start]
        .chars()
        .rev()
        .take(8)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let after: String = block.text[end..].chars().take(6).collect();
    let s = format!(" {before} {after} ").to_lowercase();
    const COMPARING: &[&str] = &[
        " from ",
        " to ",
        " vs",
        " than ",
        " at ",
        " against ",
        "比",
        "到",
        "至",
        "~",
        "～",
        "/",
        " versus ",
        "增加",
        "减少",
        "提高",
        "降低",
        "increase",
        "decrease",
        "reduce",
    ];
    !COMPARING.iter().any(|c| s.contains(c))
}

/// Whether a sentence states values: not a question, nor a sentence that sets things side
/// by side ("In comparison, DDP …").
fn states(block: &crate::document::Block, sentence: usize) -> bool {
    let sentence = block
        .sentences
        .get(sentence)
        .map_or("", |r| &block.text[r.clone()]);
    let lower = sentence.to_lowercase();
    let contrast = [
        "comparison",
        "contrast",
        "compared",
        "相比",
        "对比",
        "相较",
        "如果",
        "假如",
        "假设",
        "若",
        "if ",
        "suppose",
        "assume",
    ]
    .iter()
    .any(|w| lower.contains(w));
    !(sentence.trim_end().ends_with(['?', '？']) || contrast)
}

/// A known work's key number from the rules: `16x16 patch|word|图像块`.
fn known_number(spec: &str) -> Option<Quantity> {
    let (value, nouns) = spec.split_once(' ').unwrap_or((spec, ""));
    let q = quantities::mentions(value, 0..value.len())
        .into_iter()
        .next();
    let value = q.map_or_else(|| value.to_string(), |q| q.value);
    let concepts: Vec<String> = nouns
        .split('|')
        .map(|n| quantities::singular(&n.trim().to_lowercase()))
        .filter(|n| !n.is_empty())
        .collect();
    (!concepts.is_empty()).then_some(Quantity {
        range: 0..0,
        value,
        unit: None,
        concepts,
        entities: Default::default(),
        digits: true,
        defined: true,
        categorical: false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn quantity(concepts: Vec<&str>, entities: Vec<&str>, defined: bool) -> Quantity {
        Quantity {
            range: 0..1,
            value: "1".into(),
            unit: Some("ms"),
            concepts: concepts.into_iter().map(String::from).collect(),
            entities: entities.into_iter().map(String::from).collect(),
            digits: true,
            defined,
            categorical: false,
        }
    }

    fn concepts() -> impl Strategy<Value = Vec<&'static str>> {
        proptest::collection::vec(
            prop_oneof![
                Just("latency"),
                Just("page"),
                Just("base"),
                Just("grid"),
                Just("块·"),
                Just("期·"),
                Just("持有期"),
                Just("x")
            ],
            0..4,
        )
    }

    proptest! {
        /// The concept index of `within_document` compares only statements sharing a
        /// concept: no other pair can be the same quantity.
        #[test]
        fn the_same_quantity_shares_a_concept(
            (ca, cb) in (concepts(), concepts()),
            (ea, eb) in (
                proptest::collection::vec(prop_oneof![Just("HDFS"), Just("x86-64")], 0..2),
                proptest::collection::vec(prop_oneof![Just("HDFS"), Just("x86-64")], 0..2),
            ),
            defined in any::<bool>(),
        ) {
            let (a, b) = (quantity(ca, ea, defined), quantity(cb, eb, defined));
            if same_quantity(&a, &b) {
                prop_assert!(a.concepts.iter().any(|c| b.concepts.contains(c)));
            }
        }
    }
}
