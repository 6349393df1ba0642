//! `docs/report-schema.md` against the code: every object's fields and their presence, every
//! enum's values, the example, and the binary's real output. Edit both together.

use crate::support::*;
use advisor::text::TextRange;
use advisor::*;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};

/// A documented object: field → optional?
type Fields = BTreeMap<String, bool>;

struct Doc {
    objects: BTreeMap<String, Fields>,
    enums: BTreeMap<String, BTreeSet<String>>,
    example: Value,
}

fn doc() -> Doc {
    let text = std::fs::read_to_string(root().join("docs/report-schema.md")).expect("docs/report-schema.md");
    let mut objects: BTreeMap<String, Fields> = BTreeMap::new();
    let mut enums = BTreeMap::new();
    let mut section: Option<String> = None;
    let mut example = None;
    let mut lines = text.lines();
    while let Some(line) = lines.next() {
        if let Some(h) = line.strip_prefix("### `").and_then(|h| h.strip_suffix('`')) {
            section = Some(h.to_owned());
        } else if line.starts_with("## ") {
            section = None;
        }
        if line == "```json" {
            let body: Vec<&str> = lines.by_ref().take_while(|l| *l != "```").collect();
            example = Some(serde_json::from_str(&body.join("\n")).expect("the example is valid JSON"));
            continue;
        }
        let Some(name) = &section else { continue };
        if let Some(values) = line.strip_prefix("- values: ") {
            let set: BTreeSet<String> = values.split(", ").map(|v| v.trim_matches('`').to_owned()).collect();
            enums.insert(name.clone(), set);
        } else if let Some(row) = line.strip_prefix("| `") {
            let cells: Vec<&str> = row.split(" | ").collect();
            let field = cells[0].trim_end_matches('`').to_owned();
            let presence = cells.get(2).copied().unwrap_or("");
            assert!(presence == "always" || presence == "optional", "{name}.{field}: presence {presence:?}");
            objects.entry(name.clone()).or_default().insert(field, presence == "optional");
        }
    }
    Doc { objects, enums, example: example.expect("an example") }
}

fn ev() -> Evidence {
    Evidence {
        input: 0,
        input_name: "a".into(),
        range: TextRange::new(0, 1),
        line_start: 1,
        line_end: 1,
        excerpt: "x".into(),
        label: "l".into(),
    }
}

/// A report with every optional field set and every list non-empty.
fn full_report() -> Report {
    let note = VerdictNote {
        summary: "s".into(),
        reasons: vec!["r".into()],
        missing: vec!["m".into()],
        assumptions: vec!["a".into()],
        evidence: vec![ev()],
        evidence_omitted: 3,
        caveats: vec![advisor::Caveat { rule: "r", text: "c".into(), may_not_hold: true }],
        rests_on: vec!["r"],
        tentative: true,
    };
    Report {
        schema_version: 1,
        lang: Lang::En,
        verdicts: Verdicts::default(),
        verdict_notes: VerdictNotes { clone_restart: note.clone(), replica_crash_safe: note },
        findings: vec![Finding {
            rule: "r",
            severity: Severity::Error,
            title: "t".into(),
            message: "m".into(),
            channel: Some(String::new()),
            evidence: vec![ev()],
            evidence_omitted: 3,
            fixes: vec![Fix {
                target: FixTarget::Sql,
                title: "t".into(),
                text: "x".into(),
                applicability: Applicability::Safe,
                reason: Some("r".into()),
                file_name: Some("f".into()),
                step: Some(1),
            }],
            references: vec![Reference { title: "t".into(), url: "u".into() }],
        }],
        checks: vec![Check { rule: "r", status: CheckStatus::Passed, title: "t".into(), note: "n".into() }],
        documents: vec![DocumentInfo {
            input: 0,
            kind: DocKind::OptionFile,
            label: "l".into(),
            line_start: 1,
            line_end: 1,
            range: TextRange::new(0, 1),
            problems: vec!["p".into()],
        }],
        inputs: vec![InputInfo {
            name: "a".into(),
            lines: 1,
            bytes: 1,
            excerpt_lines: Some(1),
            excerpt_bytes: Some(1),
        }],
        server: ServerSummary {
            flavor: Some("mysql".into()),
            version: Some("8.0.36".into()),
            unit: Some("u".into()),
            channels: vec![String::new()],
            channels_omitted: 3,
        },
        notes: vec!["n".into()],
    }
}

/// Calls `f(type name, object)` for every object in a report's JSON.
fn walk(report: &Value, f: &mut dyn FnMut(&str, &Value)) {
    let arr = |v: &Value| v.as_array().cloned().unwrap_or_default();
    let evidence = |e: &Value, f: &mut dyn FnMut(&str, &Value)| {
        f("Evidence", e);
        f("TextRange", &e["range"]);
    };
    f("Report", report);
    f("Verdicts", &report["verdicts"]);
    f("VerdictNotes", &report["verdict_notes"]);
    for k in ["clone_restart", "replica_crash_safe"] {
        let n = &report["verdict_notes"][k];
        f("VerdictNote", n);
        for e in arr(&n["evidence"]) {
            evidence(&e, f);
        }
        for c in arr(&n["caveats"]) {
            f("Caveat", &c);
        }
    }
    for fd in arr(&report["findings"]) {
        f("Finding", &fd);
        for e in arr(&fd["evidence"]) {
            evidence(&e, f);
        }
        for x in arr(&fd["fixes"]) {
            f("Fix", &x);
        }
        for r in arr(&fd["references"]) {
            f("Reference", &r);
        }
    }
    for c in arr(&report["checks"]) {
        f("Check", &c);
    }
    for d in arr(&report["documents"]) {
        f("DocumentInfo", &d);
        f("TextRange", &d["range"]);
    }
    for i in arr(&report["inputs"]) {
        f("InputInfo", &i);
    }
    f("ServerSummary", &report["server"]);
}

fn keys(v: &Value) -> BTreeSet<String> {
    v.as_object().unwrap_or_else(|| panic!("not an object: {v}")).keys().cloned().collect()
}

/// Checks that `obj`'s keys are documented and that every `always` field is present.
fn conforms(doc: &Doc, ty: &str, obj: &Value) {
    let fields = doc.objects.get(ty).unwrap_or_else(|| panic!("`{ty}` is not documented"));
    for k in keys(obj) {
        assert!(fields.contains_key(&k), "{ty}.{k} is in the JSON but not documented");
    }
    for (k, optional) in fields {
        assert!(
            *optional || obj.get(k).is_some(),
            "{ty}.{k} is documented as always present but missing: {obj}"
        );
    }
}

#[test]
fn every_field_is_documented_with_its_presence() {
    let doc = doc();
    let full: Value = serde_json::from_str(&full_report().to_json()).unwrap();
    let mut seen = BTreeSet::new();
    walk(&full, &mut |ty, obj| {
        // With every optional field set, the keys are exactly the documented fields.
        let documented: BTreeSet<String> = doc.objects[ty].keys().cloned().collect();
        assert_eq!(keys(obj), documented, "fields of `{ty}`");
        seen.insert(ty.to_owned());
    });
    assert_eq!(seen, doc.objects.keys().cloned().collect(), "documented objects vs objects in the JSON");

    // With every optional field unset, exactly the optional fields disappear.
    let mut r = full_report();
    r.findings[0].channel = None;
    r.findings[0].evidence_omitted = 0;
    r.verdict_notes.clone_restart.evidence_omitted = 0;
    r.verdict_notes.replica_crash_safe.evidence_omitted = 0;
    for n in [&mut r.verdict_notes.clone_restart, &mut r.verdict_notes.replica_crash_safe] {
        n.caveats.clear();
        n.rests_on.clear();
        n.tentative = false;
    }
    r.findings[0].fixes[0].reason = None;
    r.findings[0].fixes[0].file_name = None;
    r.findings[0].fixes[0].step = None;
    r.checks[0].note.clear();
    r.server = ServerSummary::default();
    r.inputs[0].excerpt_lines = None;
    r.inputs[0].excerpt_bytes = None;
    let bare: Value = serde_json::from_str(&r.to_json()).unwrap();
    walk(&bare, &mut |ty, obj| {
        let always: BTreeSet<String> =
            doc.objects[ty].iter().filter(|(_, opt)| !**opt).map(|(k, _)| k.clone()).collect();
        assert_eq!(keys(obj), always, "always-present fields of `{ty}`");
    });
}

fn json_str<T: serde::Serialize>(v: T) -> String {
    serde_json::to_value(v).unwrap().as_str().unwrap().to_owned()
}

/// Every variant, by exhaustive matches: adding a variant breaks this test until the doc lists it.
fn code_enums() -> BTreeMap<&'static str, BTreeSet<String>> {
    let mut m = BTreeMap::new();
    let set = |v: Vec<String>| v.into_iter().collect::<BTreeSet<_>>();
    let langs = [Lang::En, Lang::ZhCn];
    langs.iter().for_each(|l| match l {
        Lang::En | Lang::ZhCn => {}
    });
    m.insert("Lang", set(langs.iter().map(json_str).collect()));
    let cr = [
        CloneRestart::Works,
        CloneRestart::Fails,
        CloneRestart::StaysDown,
        CloneRestart::Unknown,
        CloneRestart::NotApplicable,
    ];
    cr.iter().for_each(|c| match c {
        CloneRestart::Works
        | CloneRestart::Fails
        | CloneRestart::StaysDown
        | CloneRestart::Unknown
        | CloneRestart::NotApplicable => {}
    });
    m.insert("CloneRestart", set(cr.iter().map(json_str).collect()));
    let cs = [CrashSafe::Yes, CrashSafe::No, CrashSafe::Unknown];
    cs.iter().for_each(|c| match c {
        CrashSafe::Yes | CrashSafe::No | CrashSafe::Unknown => {}
    });
    m.insert("CrashSafe", set(cs.iter().map(json_str).collect()));
    let sv = [Severity::Error, Severity::Warning, Severity::Info];
    sv.iter().for_each(|s| match s {
        Severity::Error | Severity::Warning | Severity::Info => {}
    });
    m.insert("Severity", set(sv.iter().map(json_str).collect()));
    let ft = [
        FixTarget::SystemdDropin,
        FixTarget::MyCnf,
        FixTarget::Sql,
        FixTarget::Shell,
        FixTarget::LauncherFile,
    ];
    ft.iter().for_each(|t| match t {
        FixTarget::SystemdDropin
        | FixTarget::MyCnf
        | FixTarget::Sql
        | FixTarget::Shell
        | FixTarget::LauncherFile => {}
    });
    m.insert("FixTarget", set(ft.iter().map(json_str).collect()));
    let ap = [Applicability::Safe, Applicability::NeedsReview, Applicability::DisplayOnly];
    ap.iter().for_each(|a| match a {
        Applicability::Safe | Applicability::NeedsReview | Applicability::DisplayOnly => {}
    });
    m.insert("Applicability", set(ap.iter().map(json_str).collect()));
    let st = [CheckStatus::Fired, CheckStatus::Passed, CheckStatus::Unknown, CheckStatus::NotApplicable];
    st.iter().for_each(|s| match s {
        CheckStatus::Fired | CheckStatus::Passed | CheckStatus::Unknown | CheckStatus::NotApplicable => {}
    });
    m.insert("CheckStatus", set(st.iter().map(json_str).collect()));
    use DocKind::*;
    let dk = [
        SystemdUnit,
        SystemctlCat,
        SystemctlShow,
        OptionFile,
        MyPrintDefaults,
        MysqldAutoCnf,
        ShowVariables,
        ReplicaStatus,
        ConnectionConfiguration,
        ApplierConfiguration,
        CloneStatus,
        CloneProgress,
        VariableQuery,
        QueryResult,
        MysqldVersion,
        ErrorLog,
        ClientError,
        ChangeReplicationSource,
        Container,
        Dockerfile,
        ShellScript,
        ProcessList,
        ProcStatus,
        ProcEnviron,
        DockerPs,
        DockerInspect,
        KubectlPod,
        Mysqlsh,
        Journal,
        SystemctlStatus,
        SupervisordConf,
        SupervisordLog,
        ServiceScript,
        WindowsService,
        Unrecognized,
    ];
    dk.iter().for_each(|k| match k {
        SystemdUnit
        | SystemctlCat
        | SystemctlShow
        | OptionFile
        | MyPrintDefaults
        | MysqldAutoCnf
        | ShowVariables
        | ReplicaStatus
        | ConnectionConfiguration
        | ApplierConfiguration
        | CloneStatus
        | CloneProgress
        | VariableQuery
        | QueryResult
        | MysqldVersion
        | ErrorLog
        | ClientError
        | ChangeReplicationSource
        | Container
        | Dockerfile
        | ShellScript
        | ProcessList
        | ProcStatus
        | ProcEnviron
        | DockerPs
        | DockerInspect
        | KubectlPod
        | Mysqlsh
        | Journal
        | SystemctlStatus
        | SupervisordConf
        | SupervisordLog
        | ServiceScript
        | WindowsService
        | Unrecognized => {}
    });
    for k in &dk {
        assert_eq!(json_str(k), k.as_str(), "DocKind::as_str agrees with serde");
    }
    m.insert("DocKind", set(dk.iter().map(json_str).collect()));
    m
}

#[test]
fn every_enum_value_is_documented() {
    let doc = doc();
    let code = code_enums();
    let documented: BTreeSet<&str> = doc.enums.keys().map(String::as_str).collect();
    assert_eq!(documented, code.keys().copied().collect(), "documented enums");
    for (name, values) in code {
        assert_eq!(doc.enums[name], values, "values of `{name}`");
    }
    // as_str agrees with serde for the verdicts and severities (the renderers use as_str).
    assert_eq!(json_str(CloneRestart::StaysDown), CloneRestart::StaysDown.as_str());
    assert_eq!(json_str(Severity::Warning), Severity::Warning.as_str());
    assert_eq!(json_str(FixTarget::SystemdDropin), FixTarget::SystemdDropin.as_str());
}

/// Where each enum appears: (object type, field).
const ENUM_FIELDS: &[(&str, &str, &str)] = &[
    ("Report", "lang", "Lang"),
    ("Verdicts", "clone_restart", "CloneRestart"),
    ("Verdicts", "replica_crash_safe", "CrashSafe"),
    ("Finding", "severity", "Severity"),
    ("Fix", "target", "FixTarget"),
    ("Fix", "applicability", "Applicability"),
    ("Check", "status", "CheckStatus"),
    ("DocumentInfo", "kind", "DocKind"),
];

fn conforms_with_enums(doc: &Doc, report: &Value) {
    walk(report, &mut |ty, obj| {
        conforms(doc, ty, obj);
        for (t, field, en) in ENUM_FIELDS {
            if *t == ty {
                let v = obj[field].as_str().unwrap_or_else(|| panic!("{ty}.{field} is not a string"));
                assert!(doc.enums[*en].contains(v), "{ty}.{field} = {v:?} is not a documented `{en}`");
            }
        }
    });
}

#[test]
fn the_documented_example_conforms() {
    let doc = doc();
    conforms_with_enums(&doc, &doc.example);
    assert_eq!(doc.example["schema_version"], 1);
}

#[test]
fn the_binary_output_conforms() {
    let doc = doc();
    for files in [
        &[T3707][..],
        &[ORACLE_RPM, ERROR_LOG_3707, CLONE_SESSION],
        &[REPLICA_CNF, REPLICA_STATUS],
        &[SECRETS_CNF, SECRETS_UNIT, NOT_MYSQL, LATIN1],
    ] {
        let report = json(files);
        // The top-level fields are exactly the documented ones (none optional).
        let documented: BTreeSet<String> = doc.objects["Report"].keys().cloned().collect();
        assert_eq!(keys(&report), documented);
        assert_eq!(report["schema_version"], 1);
        conforms_with_enums(&doc, &report);
    }
}

#[test]
fn a_streamed_log_conforms_and_describes_the_file() {
    let doc = doc();
    let dir = crate::biglog::TempDir::new("schema-stream");
    let log = dir.0.join("error.log");
    crate::biglog::write_log(&log, 9);
    let size = std::fs::metadata(&log).expect("stat").len();
    assert!(size >= advisor::logscan::STREAM_THRESHOLD);
    let report = json(&[log.to_str().expect("UTF-8 path")]);
    conforms_with_enums(&doc, &report);
    let input = &report["inputs"][0];
    assert_eq!(input["bytes"].as_u64(), Some(size));
    for k in ["excerpt_lines", "excerpt_bytes"] {
        assert!(doc.objects["InputInfo"][k], "InputInfo.{k} is documented as optional");
        assert!(input[k].as_u64().is_some_and(|n| n > 0), "{k}: {input}");
    }
    assert!(input["excerpt_bytes"].as_u64() < input["bytes"].as_u64());
    // Whole inputs have no excerpt fields.
    let whole = json(&[T3707]);
    assert!(whole["inputs"][0].get("excerpt_bytes").is_none());
    assert!(whole["inputs"][0].get("excerpt_lines").is_none());
}
