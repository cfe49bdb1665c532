//! Output formats against their specifications: SARIF validates against the official
//! 2.1.0 schema, GitHub workflow commands survive hostile text, rdjson and JUnit carry the
//! positions, fixes and related locations.

use factlint::diagnostic::{Category, Diagnostic, Severity};
use factlint::report::{self, FileReport};
use factlint::rules::Rules;
use serde_json::Value;

/// A document whose findings quote text that looks like workflow commands, with a TOC fix
/// (related label + safe fix) and a list-numbering fix, in Chinese and English.
const HOSTILE: &str = "# Doc\n\nContents\n\n- [Intro ::set-output name=x::y, 50%0A: done](#intro)\n- [Usage](#usage)\n\n## Intro ::error::now, 50%0A: done\n\n## Usage\n\n1. a\n3. 中文 b\n";

fn reports() -> Vec<FileReport> {
    let rules = Rules::defaults().expect("default rules");
    let diagnostics = factlint::check_text(HOSTILE, &rules);
    assert_eq!(diagnostics.len(), 2, "{diagnostics:?}");
    let mut synthetic = diagnostics[1].clone();
    synthetic.severity = Severity::Error;
    synthetic.category = Category::Numbering;
    synthetic.message =
        "quoted \"x\"\n::error::injected\r\n::set-output name=a::b %0A, : <tag> & 'q'\u{1}".into();
    synthetic.help = Some("line one\nline two".into());
    let info = Diagnostic {
        severity: Severity::Info,
        ..diagnostics[0].clone()
    };
    vec![
        FileReport::new(
            "docs/a dir,x:y/文档.md".into(),
            HOSTILE.into(),
            vec![diagnostics[0].clone(), synthetic, info],
        ),
        FileReport::new("clean.md".into(), "# Clean\n".into(), Vec::new()),
    ]
}

#[test]
fn sarif_validates_against_the_schema() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/schemas/sarif-schema-2.1.0.json"
    );
    let schema: Value = serde_json::from_str(
        &std::fs::read_to_string(path).expect("the SARIF schema beside the crate (../shared)"),
    )
    .expect("schema is JSON");
    let validator = jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("schema compiles");
    let sarif: Value = serde_json::from_str(&report::render_sarif(&reports())).expect("JSON");
    let errors: Vec<String> = validator
        .iter_errors(&sarif)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{}", errors.join("\n"));
    // An invalid document is rejected, so the validator really checks.
    let mut broken = sarif.clone();
    broken["runs"][0]["results"][0]["level"] = "fatal".into();
    assert!(!validator.is_valid(&broken));

    let run = &sarif["runs"][0];
    assert_eq!(run["columnKind"], "unicodeCodePoints");
    let rules = run["tool"]["driver"]["rules"].as_array().expect("rules");
    let toc = rules
        .iter()
        .find(|r| r["id"] == "toc-mismatch")
        .expect("rule");
    assert_eq!(
        toc["shortDescription"]["text"],
        "A table of contents that disagrees with the headings."
    );
    assert_eq!(toc["defaultConfiguration"]["level"], "warning");
    assert!(rules.iter().any(|r| r["id"] == "unused-suppression"));
    let first = &run["results"][0];
    assert_eq!(first["ruleId"], "toc-mismatch");
    let loc = &first["locations"][0]["physicalLocation"];
    assert_eq!(
        loc["artifactLocation"]["uri"],
        "docs/a%20dir%2Cx%3Ay/%E6%96%87%E6%A1%A3.md"
    );
    assert_eq!(loc["region"]["startLine"], 5);
    assert_eq!(loc["region"]["startColumn"], 4);
    assert_eq!(
        first["relatedLocations"][0]["message"]["text"],
        "the heading"
    );
    assert_eq!(
        first["relatedLocations"][0]["physicalLocation"]["region"]["startLine"],
        8
    );
    let replacement = &first["fixes"][0]["artifactChanges"][0]["replacements"][0];
    assert_eq!(
        replacement["insertedContent"]["text"],
        "Intro ::error::now, 50%0A: done"
    );
    assert_eq!(replacement["deletedRegion"]["endColumn"], 45);
    // Columns count code points: `3. 中文 b` ends after 8 characters on line 13.
    let list = &run["results"][1]["locations"][0]["physicalLocation"]["region"];
    assert_eq!(
        (&list["startLine"], &list["startColumn"]),
        (&13.into(), &1.into())
    );
    assert_eq!(run["results"][2]["level"], "note");
}

#[test]
fn github_commands_cannot_be_injected() {
    let out = report::render_github(&reports());
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 3, "{out}");
    assert!(!out.contains('\r'));
    for line in &lines {
        let command = ["::warning ", "::error ", "::notice "]
            .iter()
            .find(|p| line.starts_with(**p))
            .unwrap_or_else(|| panic!("unexpected command: {line}"));
        let rest = &line[command.len()..];
        // The runner splits at the first `::` after the command: the properties before it
        // must be exactly ours. A `::` later in the message is inert text on the same line.
        let (properties, _message) = rest.split_once("::").expect("a message separator");
        let keys: Vec<&str> = properties
            .split(',')
            .map(|p| p.split_once('=').map_or("", |(k, _)| k))
            .collect();
        assert_eq!(
            keys,
            ["file", "line", "col", "endLine", "endColumn", "title"],
            "{line}"
        );
    }
    assert!(lines[0].starts_with(
        "::warning file=docs/a dir%2Cx%3Ay/文档.md,line=5,col=4,endLine=5,endColumn=45,title=factlint toc/toc-mismatch::"
    ));
    assert!(lines[1].starts_with("::error "));
    assert!(lines[1].ends_with(
        "::quoted \"x\"%0A::error::injected%0D%0A::set-output name=a::b %250A, : <tag> & 'q'\u{1}%0A12:1: previous number here%0Ahelp: line one%0Aline two"
    ), "{}", lines[1]);
    assert!(lines[2].starts_with("::notice "));
    assert!(lines[0].contains("50%250A"), "a literal %0A stays literal");
}

#[test]
fn rdjson_counts_byte_columns_and_carries_suggestions() {
    let out: Value = serde_json::from_str(&report::render_rdjson(&reports())).expect("JSON");
    assert_eq!(out["source"]["name"], "factlint");
    let d = &out["diagnostics"];
    assert_eq!(d[0]["code"]["value"], "toc-mismatch");
    assert_eq!(d[0]["severity"], "WARNING");
    assert_eq!(d[0]["location"]["path"], "docs/a dir,x:y/文档.md");
    assert_eq!(
        d[0]["location"]["range"]["start"],
        serde_json::json!({"line": 5, "column": 4})
    );
    assert_eq!(
        d[0]["suggestions"][0]["text"],
        "Intro ::error::now, 50%0A: done"
    );
    assert_eq!(
        d[0]["related_locations"][0]["location"]["range"]["start"]["line"],
        8
    );
    assert_eq!(d[1]["severity"], "ERROR");
    assert_eq!(d[2]["severity"], "INFO");
}

#[test]
fn junit_has_a_suite_per_file_and_escapes_text() {
    let out = report::render_junit(&reports());
    assert!(out.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"factlint\" tests=\"4\" failures=\"3\" errors=\"0\">"));
    assert_eq!(out.matches("<testsuite ").count(), 2);
    assert_eq!(out.matches("<failure ").count(), 3);
    assert!(out.contains("<testcase name=\"factlint\" classname=\"clean.md\" file=\"clean.md\"/>"));
    assert!(out.contains("message=\"quoted &quot;x&quot;&#10;::error::injected&#13;&#10;::set-output name=a::b %0A, : &lt;tag&gt; &amp; &apos;q&apos;\u{FFFD}\""));
    assert!(!out.contains('\u{1}'));
    for forbidden in ["<tag>", "& "] {
        assert!(!out.contains(forbidden), "{forbidden} unescaped");
    }
}

#[test]
fn statistics_count_per_rule() {
    let out = report::render_statistics(&reports());
    assert_eq!(
        out,
        "2  toc-mismatch             [toc]\n1  list-numbering           [numbering]\n"
    );
}
