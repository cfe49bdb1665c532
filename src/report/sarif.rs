//! `--format sarif`: SARIF 2.1.0 for code-scanning tools (GitHub code scanning and others).
//!
//! One run; the driver lists every rule (checks and pseudo-checks) with its documentation,
//! so `ruleIndex` is stable across runs. Columns count Unicode code points, which the run
//! declares with `columnKind`. Secondary labels become `relatedLocations`, fixes `fixes`.

use super::{FileReport, Lazy, each_finding, rule_metas, write_pretty, written};
use crate::diagnostic::{Diagnostic, Fix, Severity};
use serde::Serialize;
use serde_json::{Value, json};
use std::ops::Range;

const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

pub fn render_sarif(files: &[FileReport]) -> String {
    written(|out| write_sarif(files, out))
}

/// Writes the log to `out` as it is serialised.
pub fn write_sarif(files: &[FileReport], out: &mut dyn std::io::Write) -> std::io::Result<()> {
    let metas: Vec<_> = rule_metas().collect();
    let rules: Vec<Value> = metas
        .iter()
        .map(|m| {
            json!({
                "id": m.id,
                "name": m.id,
                "shortDescription": {"text": m.summary()},
                "fullDescription": {"text": m.docs.trim_end()},
                "help": {"text": m.docs.trim_end(), "markdown": m.docs.trim_end()},
                "defaultConfiguration": {"level": level(m.severity)},
                "properties": {"category": m.category.as_str(), "tags": [m.category.as_str()]},
            })
        })
        .collect();
    let results = || {
        each_finding(files, |f, d| {
            result(f, d, metas.iter().position(|m| m.id == d.rule))
        })
    };
    let artifacts: Vec<Value> = files
        .iter()
        .map(|f| json!({"location": {"uri": uri(&f.path)}, "length": f.source_len()}))
        .collect();
    let log = Log {
        schema: SCHEMA,
        version: "2.1.0",
        runs: [Run {
            tool: json!({"driver": {
                "name": "factlint",
                "version": env!("CARGO_PKG_VERSION"),
                "rules": rules,
            }}),
            artifacts,
            column_kind: "unicodeCodePoints",
            results: Lazy(results),
        }],
    };
    write_pretty(out, &log)
}

// The log as borrowed structs, field order as written: the results (one per finding, possibly
// hundreds of thousands) are serialised one by one as they are made, without a list or a
// `serde_json::Value` tree. The tool and artifacts are small and stay values.

#[derive(Serialize)]
struct Log<R> {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: [Run<R>; 1],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Run<R> {
    tool: Value,
    artifacts: Vec<Value>,
    column_kind: &'static str,
    results: R,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult<'a> {
    rule_id: &'a str,
    level: &'static str,
    message: Text,
    locations: [Location<'a>; 1],
    properties: Properties,
    #[serde(skip_serializing_if = "Option::is_none")]
    rule_index: Option<usize>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    related_locations: Vec<Location<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    fixes: Option<[SarifFix<'a>; 1]>,
}

#[derive(Serialize)]
struct Text {
    text: String,
}

#[derive(Serialize)]
struct Properties {
    category: &'static str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Location<'a> {
    physical_location: PhysicalLocation,
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    message: Option<TextRef<'a>>,
}

#[derive(Serialize)]
struct TextRef<'a> {
    text: &'a str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation {
    artifact_location: Uri,
    region: Region,
}

#[derive(Serialize)]
struct Uri {
    uri: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    start_line: usize,
    start_column: usize,
    end_line: usize,
    end_column: usize,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifFix<'a> {
    description: Text,
    artifact_changes: [ArtifactChange<'a>; 1],
}

#[derive(Serialize)]
struct ArtifactChange<'a> {
    #[serde(rename = "artifactLocation")]
    artifact_location: Uri,
    replacements: Vec<Replacement<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Replacement<'a> {
    deleted_region: Region,
    inserted_content: TextRef<'a>,
}

fn result<'a>(f: &'a FileReport, d: &'a Diagnostic, index: Option<usize>) -> SarifResult<'a> {
    let mut message = d.message.clone();
    if let Some(help) = &d.help {
        message.push_str("\nhelp: ");
        message.push_str(help);
    }
    let related = d
        .related
        .iter()
        .enumerate()
        .map(|(i, r)| Location {
            id: Some(i + 1),
            message: Some(TextRef { text: &r.message }),
            ..location(f, &r.range)
        })
        .collect();
    SarifResult {
        rule_id: d.rule,
        level: level(d.severity),
        message: Text { text: message },
        locations: [location(f, &d.range)],
        properties: Properties {
            category: d.category.as_str(),
        },
        rule_index: index,
        related_locations: related,
        fixes: d.fix.as_ref().map(|x| [fix(f, x)]),
    }
}

fn fix<'a>(f: &'a FileReport, fix: &'a Fix) -> SarifFix<'a> {
    let replacements = fix
        .edits
        .iter()
        .map(|e| Replacement {
            deleted_region: region(f, &e.range),
            inserted_content: TextRef {
                text: &e.replacement,
            },
        })
        .collect();
    SarifFix {
        description: Text {
            text: format!("{} ({})", fix.message, applicability(fix)),
        },
        artifact_changes: [ArtifactChange {
            artifact_location: Uri { uri: uri(&f.path) },
            replacements,
        }],
    }
}

fn applicability(fix: &Fix) -> &'static str {
    match fix.applicability {
        crate::diagnostic::Applicability::Safe => "safe",
        crate::diagnostic::Applicability::Unsafe => "unsafe",
    }
}

fn location<'a>(f: &FileReport, range: &Range<usize>) -> Location<'a> {
    Location {
        physical_location: PhysicalLocation {
            artifact_location: Uri { uri: uri(&f.path) },
            region: region(f, range),
        },
        id: None,
        message: None,
    }
}

/// A region in lines and code-point columns; the end column is exclusive, as in SARIF.
fn region(f: &FileReport, range: &Range<usize>) -> Region {
    let (a, b) = f.span(range);
    Region {
        start_line: a.line,
        start_column: a.column,
        end_line: b.line,
        end_column: b.column,
    }
}

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// A relative URI reference for a path: separators become `/`, and every byte outside the
/// unreserved set is percent-encoded (spaces, CJK names, a `:` that would read as a scheme).
pub(crate) fn uri(path: &str) -> String {
    let path = path.replace('\\', "/");
    let path = path.strip_prefix("./").unwrap_or(&path);
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b'/') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}
