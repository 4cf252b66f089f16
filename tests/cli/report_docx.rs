//! `summary`'s Word report on the hand-computed fixture lake, read back
//! with an independent reader (the Python `python-docx` package): the
//! administrative format (A4, margins, Times New Roman, the header block),
//! the title, the reporting figures and the tables equal to the named
//! queries' answers, the missing units named, one image and caption per
//! chart, header rows that repeat, NFC text; and the English version.

use serde_json::{Map, Value};

use super::query::fixture_lake;
use super::support::{Workdir, python_json, v};

/// Everything python-docx reads of `path`, as JSON.
const READ: &str = r#"
import json, sys, unicodedata, docx
from docx.oxml.ns import qn
d = docx.Document(sys.argv[1])
s = d.sections[0]
def runs(p):
    return [{"text": r.text, "bold": bool(r.bold), "italic": bool(r.italic),
             "underline": bool(r.underline)} for r in p.runs]
def cell(c):
    return [{"text": p.text, "runs": runs(p)} for p in c.paragraphs]
body = d.element.body
paragraphs = [{"text": p.text, "runs": runs(p)} for p in d.paragraphs]
tables = []
for t in d.tables:
    rows = [[c.text for c in r.cells] for r in t.rows]
    tr_pr = t.rows[0]._tr.trPr
    header = tr_pr is not None and tr_pr.find(qn("w:tblHeader")) is not None
    tables.append({"rows": rows, "repeats_header": header})
rpr = d.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
texts = [p["text"] for p in paragraphs] + [c for t in tables for r in t["rows"] for c in r]
print(json.dumps({
    "page_mm": [round(s.page_width.mm), round(s.page_height.mm)],
    "margins_mm": [round(s.top_margin.mm), round(s.right_margin.mm),
                   round(s.bottom_margin.mm), round(s.left_margin.mm)],
    "font": rpr.find(qn("w:rFonts")).get(qn("w:ascii")),
    "size_half_points": int(rpr.find(qn("w:sz")).get(qn("w:val"))),
    "header_left": cell(d.tables[0].cell(0, 0)),
    "header_right": cell(d.tables[0].cell(0, 1)),
    "signature": cell(d.tables[-1].cell(0, 1)),
    "recipients": [p["text"] for p in cell(d.tables[-1].cell(0, 0))],
    "paragraphs": paragraphs,
    "tables": tables,
    "images_cm": [round(i.width.cm, 2) for i in d.inline_shapes],
    "nfc": all(unicodedata.normalize("NFC", t) == t for t in texts),
}))
"#;

fn read_docx(w: &Workdir, rel: &str) -> Option<Value> {
    let script = READ.replace("sys.argv[1]", &format!("{:?}", rel));
    python_json(w.dir.path(), "docx", &script)
}

fn query_rows(w: &Workdir, name: &str) -> Vec<Map<String, Value>> {
    let run = w.run(&["query", name, "--format", "json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    serde_json::from_str(&run.stdout).unwrap()
}

fn texts(cells: &Value) -> Vec<String> {
    cells
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["text"].as_str().unwrap().to_string())
        .collect()
}

/// `1.234` as Vietnamese write whole numbers; `4,2` for a decimal.
fn vi_number(v: &Value) -> String {
    match v.as_i64() {
        Some(n) => {
            let digits = n.to_string();
            let mut out = String::new();
            for (i, c) in digits.chars().enumerate() {
                if i > 0 && (digits.len() - i) % 3 == 0 {
                    out.push('.');
                }
                out.push(c);
            }
            out
        }
        None => v.as_f64().unwrap().to_string().replace('.', ","),
    }
}

#[test]
fn the_report_is_an_administrative_document_with_the_queries_figures() {
    let w = fixture_lake();
    let run = w.run(&["summary", "--year", "2023", "--out", "s", "--lang", "vi"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    // the run speaks the language it was asked for
    assert!(
        run.stderr.contains("đã ghi s/bao-cao-2023.docx"),
        "{}",
        run.stderr
    );
    let Some(doc) = read_docx(&w, "s/bao-cao-2023.docx") else {
        return;
    };
    // Decree 30/2020: A4, margins top 20, right 15, bottom 20, left 30 mm,
    // Times New Roman 14 pt
    assert_eq!(doc["page_mm"], serde_json::json!([210, 297]));
    assert_eq!(doc["margins_mm"], serde_json::json!([20, 15, 20, 30]));
    assert_eq!(doc["font"], "Times New Roman");
    assert_eq!(doc["size_half_points"], 28);
    assert!(doc["nfc"].as_bool().unwrap(), "every text is NFC");

    // the header block: the issuing body left, the motto right
    assert_eq!(
        texts(&doc["header_left"]),
        [
            "UBND TỈNH ĐIỆN BIÊN",
            "SỞ THÔNG TIN VÀ TRUYỀN THÔNG",
            "",
            "Số: .../BC-STTTT"
        ]
    );
    let issuer = &doc["header_left"][1]["runs"][0];
    assert!(issuer["bold"].as_bool().unwrap() && issuer["underline"].as_bool().unwrap());
    assert_eq!(
        texts(&doc["header_right"]),
        [
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Độc lập - Tự do - Hạnh phúc",
            "",
            "Điện Biên, ngày ... tháng ... năm ..."
        ]
    );
    assert!(
        doc["header_right"][3]["runs"][0]["italic"]
            .as_bool()
            .unwrap()
    );
    let paragraphs: Vec<String> = texts(&doc["paragraphs"]);
    let at = |text: &str| {
        paragraphs
            .iter()
            .position(|p| p == text)
            .unwrap_or_else(|| panic!("no paragraph '{text}'"))
    };
    let title = at("BÁO CÁO");
    assert_eq!(
        paragraphs[title + 1],
        "Kết quả công tác truyền thông về quyền con người năm 2023"
    );

    // the reporting situation, as reporting_rate answers it: 119 expected,
    // 5 received (4,2 %), 4 on time, 1 late, 114 missing
    let rate = query_rows(&w, "reporting_rate");
    let all = rate
        .iter()
        .find(|r| r["period_kind"] == "all" && r["unit_kind"] == "all")
        .unwrap();
    let sentence = format!(
        "Tổng số báo cáo các cơ quan, đơn vị, địa phương phải gửi trong năm 2023: {}; đã nhận {} ({}%), trong đó đúng hạn {}, muộn {}; chưa gửi {}.",
        vi_number(&v(all, "expected")),
        vi_number(&v(all, "received")),
        vi_number(&v(all, "reporting_rate_pct")),
        vi_number(&v(all, "on_time")),
        vi_number(&v(all, "late")),
        vi_number(&v(all, "missing"))
    );
    assert_eq!(
        sentence,
        "Tổng số báo cáo các cơ quan, đơn vị, địa phương phải gửi trong năm 2023: 119; đã nhận 5 (4,2%), trong đó đúng hạn 4, muộn 1; chưa gửi 114."
    );
    assert!(paragraphs.contains(&sentence), "{paragraphs:#?}");
    // the units still missing, named: 46 units (all but the 3 whose annual
    // report came), the Tuần Giáo office with its annual and 6 months
    let from = at("Các cơ quan, đơn vị chưa gửi báo cáo:");
    let missing: Vec<&String> = paragraphs[from + 1..]
        .iter()
        .take_while(|p| p.starts_with("- "))
        .collect();
    assert_eq!(missing.len(), 46, "{missing:#?}");
    assert!(missing.contains(
        &&"- Phòng Văn hóa - Thông tin huyện Tuần Giáo: năm 2023; tháng 06/2023, 08/2023, 09/2023, 10/2023, 11/2023, 12/2023".to_string()
    ));
    assert!(
        !missing.iter().any(|m| m.contains("Sở Y tế")),
        "its report came, late"
    );

    // one image per chart, 16 cm wide, each with its numbered caption
    let images = doc["images_cm"].as_array().unwrap();
    assert_eq!(images.len(), 8);
    assert!(
        images.iter().all(|w| w.as_f64() == Some(16.0)),
        "{images:?}"
    );
    for n in 1..=8 {
        assert!(
            paragraphs
                .iter()
                .any(|p| p.starts_with(&format!("Biểu đồ {n}. "))),
            "caption {n}"
        );
    }

    // tables: the theme figures as coverage_by_theme answers them
    let tables = doc["tables"].as_array().unwrap();
    let rows: Vec<Vec<String>> = tables
        .iter()
        .flat_map(|t| t["rows"].as_array().unwrap().iter())
        .map(|r| {
            r.as_array()
                .unwrap()
                .iter()
                .map(|c| c.as_str().unwrap().to_string())
                .collect()
        })
        .collect();
    for r in query_rows(&w, "coverage_by_theme") {
        let want = [
            v(&r, "theme").as_str().unwrap().to_string(),
            vi_number(&v(&r, "items")),
            vi_number(&v(&r, "quantity")),
            vi_number(&v(&r, "reach")),
        ];
        assert!(
            rows.iter().any(|row| row.windows(4).any(|w| w == want)),
            "no row {want:?}"
        );
    }
    // the sub-themes under their theme's name, as coverage_by_subtheme
    // and coverage_by_theme answer them
    let theme_names: std::collections::HashMap<String, String> =
        query_rows(&w, "coverage_by_theme")
            .iter()
            .map(|r| {
                (
                    v(r, "theme_code").as_str().unwrap().to_string(),
                    v(r, "theme").as_str().unwrap().to_string(),
                )
            })
            .collect();
    let subthemes = query_rows(&w, "coverage_by_subtheme");
    assert!(!subthemes.is_empty());
    for r in subthemes {
        let want = [
            theme_names[v(&r, "theme_code").as_str().unwrap()].clone(),
            v(&r, "subtheme").as_str().unwrap().to_string(),
            vi_number(&v(&r, "items")),
            vi_number(&v(&r, "quantity")),
        ];
        assert!(
            rows.iter().any(|row| row.windows(4).any(|w| w == want)),
            "no sub-theme row {want:?}"
        );
    }
    // reporting_rate's total row
    assert!(rows.iter().any(|row| {
        row == &["Tất cả", "Tất cả", "119", "5", "4", "1", "114", "4,2"].map(String::from)
    }));
    // every data table repeats its header row on each page; the header and
    // signature blocks are not data tables
    for t in &tables[1..tables.len() - 1] {
        assert!(t["repeats_header"].as_bool().unwrap(), "{:?}", t["rows"][0]);
    }
    // the official's sections are headed blanks; then recipients, signature
    for heading in ["IV. ĐÁNH GIÁ CHUNG", "V. ĐỀ XUẤT, KIẾN NGHỊ"] {
        let i = at(heading);
        assert!(
            paragraphs[i + 1].chars().all(|c| c == '.'),
            "{heading}: blank"
        );
    }
    assert_eq!(doc["recipients"][0], "Nơi nhận:");
    assert!(doc["recipients"].as_array().unwrap().len() > 3);
    assert_eq!(
        texts(&doc["signature"])[..2],
        ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"]
    );
}

#[test]
fn the_report_in_english_has_the_same_structure() {
    let w = fixture_lake();
    let run = w.run(&["summary", "--year", "2023", "--out", "en", "--lang", "en"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let Some(doc) = read_docx(&w, "en/bao-cao-2023.docx") else {
        return;
    };
    assert_eq!(
        texts(&doc["header_right"])[..2],
        [
            "SOCIALIST REPUBLIC OF VIET NAM",
            "Independence - Freedom - Happiness"
        ]
    );
    assert_eq!(
        texts(&doc["header_left"])[1],
        "DEPARTMENT OF INFORMATION AND COMMUNICATIONS"
    );
    let paragraphs = texts(&doc["paragraphs"]);
    assert!(paragraphs.contains(&"REPORT".to_string()));
    assert!(paragraphs.contains(
        &"Reports the agencies, units and localities owed in 2023: 119; received 5 (4.2%), of which 4 on time and 1 late; missing 114.".to_string()
    ));
    assert_eq!(doc["images_cm"].as_array().unwrap().len(), 8);
    assert!(paragraphs.iter().any(|p| p.starts_with("Chart 8. ")));
}

/// `summary --year 2023 --out s --reference ref --lang LANG` in `w`.
fn summary_in_s(w: &Workdir, lang: &str) -> super::support::Run {
    w.run(&[
        "summary",
        "--year",
        "2023",
        "--out",
        "s",
        "--reference",
        "ref",
        "--lang",
        lang,
    ])
}

/// The fixture lake's summary in `lang` with `settings` as the reference
/// folder's `report_settings.csv`.
fn summary_with_settings(settings: &str, lang: &str) -> (Workdir, super::support::Run) {
    let w = fixture_lake();
    w.bundled_reference("ref");
    w.write("ref/report_settings.csv", settings.as_bytes());
    let run = summary_in_s(&w, lang);
    (w, run)
}

#[test]
fn the_issuing_body_comes_from_the_reference_folder() {
    let bundled =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/reference/report_settings.csv");
    let settings = std::fs::read_to_string(bundled)
        .unwrap()
        .replace(
            "SỞ THÔNG TIN VÀ TRUYỀN THÔNG",
            "\"SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH\"",
        )
        .replace("signer_name,,", "signer_name,Nguyễn Văn A,");
    let (w, run) = summary_with_settings(&settings, "vi");
    assert_eq!(run.code, 0, "{}", run.stderr);
    let Some(doc) = read_docx(&w, "s/bao-cao-2023.docx") else {
        return;
    };
    assert_eq!(
        texts(&doc["header_left"])[1],
        "SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH"
    );
    assert_eq!(texts(&doc["signature"]).last().unwrap(), "Nguyễn Văn A");
}

#[test]
fn a_broken_settings_file_is_refused_naming_the_line() {
    let cases = [
        (
            "key,vi,en\nsigner_nmae,Nguyễn Văn A,\n",
            "report_settings.csv line 2, field `key`: 'signer_nmae' is not a setting: the settings are issuer_parent, issuer,",
        ),
        (
            "key,vi,en\nissuer,\"SỞ VĂN HÓA,en\nsigner_name,A,\n",
            "report_settings.csv line 2, field `vi`: the value of 'issuer' runs over several lines: a double quote is not closed",
        ),
        (
            "",
            "report_settings.csv line 1, field ``: the first line must be the header key,vi,en, not ''",
        ),
        (
            "key,vi,en\nplace,Điện Biên,\nplace,Lai Châu,\n",
            "report_settings.csv line 3, field `key`: 'place' is given twice",
        ),
    ];
    for (text, want) in cases {
        let (_, run) = summary_with_settings(text, "en");
        assert_eq!(run.code, 1, "{want}");
        assert!(
            run.stderr.contains(want),
            "want: {want}\ngot: {}",
            run.stderr
        );
    }
    // a file that gives only some keys keeps the others' bundled values
    let (w, run) = summary_with_settings("key,vi,en\nsigner_name,Nguyễn Văn A,\n", "vi");
    assert_eq!(run.code, 0, "{}", run.stderr);
    let Some(doc) = read_docx(&w, "s/bao-cao-2023.docx") else {
        return;
    };
    assert_eq!(texts(&doc["header_left"])[0], "UBND TỈNH ĐIỆN BIÊN");
    assert_eq!(texts(&doc["signature"]).last().unwrap(), "Nguyễn Văn A");
}

#[test]
fn a_campaign_folder_s_own_settings_name_that_year_s_issuer() {
    let w = fixture_lake();
    w.bundled_reference("ref");
    w.write(
        "ref/2023/report_settings.csv",
        "key,vi,en\nissuer,SỞ KHOA HỌC VÀ CÔNG NGHỆ,\nissuer_name,Sở Khoa học và Công nghệ,\n"
            .as_bytes(),
    );
    let run = summary_in_s(&w, "vi");
    assert_eq!(run.code, 0, "{}", run.stderr);
    let Some(doc) = read_docx(&w, "s/bao-cao-2023.docx") else {
        return;
    };
    // the year's issuer, the folder's parent body and signatory
    assert_eq!(
        texts(&doc["header_left"])[..2],
        ["UBND TỈNH ĐIỆN BIÊN", "SỞ KHOA HỌC VÀ CÔNG NGHỆ"]
    );
    assert_eq!(texts(&doc["signature"])[0], "KT. GIÁM ĐỐC");
}

/// The refused rows to follow up (section III): in the Vietnamese report
/// each kind is said by its Vietnamese description (`reason_codes.
/// description_vi`) and no example sentence of the run that refused it
/// (written in English before the messages of issue 27) is copied in; the
/// English report keeps both.
#[test]
fn the_refusals_to_follow_up_are_said_in_the_reports_language() {
    let w = fixture_lake();
    let refused = query_rows(&w, "rejects_summary");
    assert!(!refused.is_empty(), "the fixture lake has refusals");
    let described = w.run(&[
        "sql",
        "SELECT reason_code, description, description_vi FROM reason_codes",
        "--format",
        "json",
    ]);
    let described: Vec<Map<String, Value>> = serde_json::from_str(&described.stdout).unwrap();
    let meaning = |code: &Value, col: &str| {
        described
            .iter()
            .find(|d| d["reason_code"] == *code)
            .map(|d| d[col].as_str().unwrap().to_string())
            .unwrap()
    };
    for (lang, out) in [("vi", "vi"), ("en", "en")] {
        let run = w.run(&["summary", "--year", "2023", "--out", out, "--lang", lang]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        let Some(doc) = read_docx(&w, &format!("{out}/bao-cao-2023.docx")) else {
            return;
        };
        let cells: Vec<String> = doc["tables"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|t| t["rows"].as_array().unwrap().iter())
            .flat_map(|r| r.as_array().unwrap().iter())
            .map(|c| c.as_str().unwrap().to_string())
            .collect();
        for r in &refused {
            let example = r["example_reason"].as_str().unwrap();
            if lang == "vi" {
                let said = meaning(&r["reason_code"], "description_vi");
                assert!(cells.contains(&said), "{said} not in {cells:?}");
                assert!(!cells.iter().any(|c| c == example), "{example}");
            } else {
                assert!(cells.contains(&meaning(&r["reason_code"], "description")));
                assert!(cells.iter().any(|c| c == example), "{example}");
            }
        }
    }
    // one by hand: the fixture's file that names no unit
    assert!(
        refused.iter().any(|r| r["reason_code"] == "unit.missing"),
        "{refused:?}"
    );
    assert_eq!(
        meaning(&Value::from("unit.missing"), "description_vi"),
        "Tệp không ghi đơn vị gửi báo cáo."
    );
}

/// Whole words English writes and Vietnamese never does.
const ENGLISH_WORDS: &[&str] = &[
    "the", "is", "are", "not", "which", "file", "files", "row", "rows", "of", "and", "to", "with",
    "for", "from", "per", "this", "that", "was", "were", "has", "have", "unit", "units", "report",
    "reports", "items", "quantity", "none", "month", "made", "source", "theme", "chart",
];

/// Words and phrases only Vietnamese writes.
const VIETNAMESE_WORDS: &[&str] = &[
    "của",
    "và",
    "được",
    "đơn vị",
    "báo cáo",
    "các",
    "những",
    "theo",
    "trong",
    "ngày",
    "tháng",
    "năm",
    "chưa",
    "không",
    "có",
    "số lượng",
    "chủ đề",
    "hoạt động",
    "biểu đồ",
    "tỷ lệ",
];

/// The text a person reads on the page: no style sheet, no tags (the
/// charts' SVG text kept), entities decoded.
fn html_text(html: &str) -> String {
    let no_style = regex::Regex::new(r"(?s)<style>.*?</style>").unwrap();
    let tags = regex::Regex::new(r"<[^>]+>").unwrap();
    let unstyled = no_style.replace_all(html, " ");
    let text = tags.replace_all(&unstyled, "\n");
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&amp;", "&")
}

/// `text` without what may be in any language: URLs, quoted values from
/// the files, codes (`unit.missing`, `coverage_by_unit`, `summary.xlsx`),
/// and the names of units and titles of works (`names`), longest first.
fn scrub(text: &str, names: &[String]) -> String {
    let mut text = text.to_string();
    for n in names {
        text = text.replace(n.as_str(), " ");
    }
    for re in [
        r"https?://\S+",
        r"'[^'\n]*'",
        r"\b\w+(?:[./]\w+)+\b",
        r"\b\w*_\w*\b",
    ] {
        text = regex::Regex::new(re)
            .unwrap()
            .replace_all(&text, " ")
            .into_owned();
    }
    text
}

/// The words of `list` that `text` holds as whole words (case folded),
/// each with where it was met.
fn words_met(text: &str, list: &[&str]) -> Vec<String> {
    let lower = text.to_lowercase();
    list.iter()
        .filter_map(|w| {
            let re = regex::Regex::new(&format!(
                r"(?:^|[^\p{{L}}\p{{N}}]){w}(?:[^\p{{L}}\p{{N}}]|$)"
            ))
            .unwrap();
            re.find(&lower).map(|m| {
                let at = m.start();
                let from = lower[..at]
                    .char_indices()
                    .rev()
                    .nth(40)
                    .map_or(0, |(i, _)| i);
                let to = lower[at..]
                    .char_indices()
                    .nth(60)
                    .map_or(lower.len(), |(i, _)| at + i);
                format!("'{w}' in …{}…", lower[from..to].replace('\n', " / "))
            })
        })
        .collect()
}

/// The demo lake's summary in each language speaks only that language:
/// the Vietnamese Word report and page carry no English word (codes, SQL
/// names, unit names and URLs aside), the English ones no Vietnamese word
/// outside the names of units and the titles of works (issue 27).
#[test]
fn the_demo_summary_speaks_only_its_language() {
    let w = Workdir::new();
    let run = w.run_vi(&["demo", "--out", "d"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let run = w.run(&[
        "summary", "--year", "2023", "--lake", "d/lake", "--out", "en", "--lang", "en",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let column = |sql: &str, col: &str| -> Vec<String> {
        let run = w.run(&["sql", sql, "--lake", "d/lake", "--format", "json"]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        let rows: Vec<Map<String, Value>> = serde_json::from_str(&run.stdout).unwrap();
        rows.iter()
            .filter_map(|r| r[col].as_str().map(String::from))
            .collect()
    };
    let mut names = column("SELECT name_vi FROM units", "name_vi");
    names.extend(column(
        "SELECT DISTINCT title FROM activities WHERE title IS NOT NULL",
        "title",
    ));
    names.sort_by_key(|n| std::cmp::Reverse(n.chars().count()));
    for (dir, lang) in [("d/summary", "vi"), ("en", "en")] {
        let html = std::fs::read_to_string(w.path(&format!("{dir}/summary.html"))).unwrap();
        let mut read = vec![("summary.html", scrub(&html_text(&html), &names))];
        if let Some(doc) = read_docx(&w, &format!("{dir}/bao-cao-2023.docx")) {
            let mut all = texts(&doc["paragraphs"]);
            for t in doc["tables"].as_array().unwrap() {
                for r in t["rows"].as_array().unwrap() {
                    all.extend(
                        r.as_array()
                            .unwrap()
                            .iter()
                            .map(|c| c.as_str().unwrap().to_string()),
                    );
                }
            }
            read.push(("bao-cao-2023.docx", scrub(&all.join("\n"), &names)));
        }
        for (file, text) in read {
            let foreign = if lang == "vi" {
                words_met(&text, ENGLISH_WORDS)
            } else {
                words_met(&text, VIETNAMESE_WORDS)
            };
            assert!(foreign.is_empty(), "{lang} {file}:\n{}", foreign.join("\n"));
        }
    }
    // and the check can fail: the English page is full of English words
    let en = std::fs::read_to_string(w.path("en/summary.html")).unwrap();
    assert!(words_met(&scrub(&html_text(&en), &names), ENGLISH_WORDS).len() > 10);
    let vi = std::fs::read_to_string(w.path("d/summary/summary.html")).unwrap();
    assert!(words_met(&scrub(&html_text(&vi), &names), VIETNAMESE_WORDS).len() > 10);
}
