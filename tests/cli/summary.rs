//! `summary` on the hand-computed fixture lake: every file exists and
//! decodes at the promised size, the page and the workbook show exactly the
//! named queries' figures, two runs give the same bytes, and an empty year
//! is refused with a sentence.

use serde_json::{Map, Value};

use super::query::fixture_lake;
use super::support::{Workdir, v};

const CHARTS: [&str; 8] = [
    "themes",
    "units_by_theme",
    "monthly",
    "peaks",
    "reporting",
    "offices_monthly",
    "forms",
    "languages",
];

fn query_rows(w: &Workdir, name: &str) -> Vec<Map<String, Value>> {
    let run = w.run(&["query", name, "--format", "json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    serde_json::from_str(&run.stdout).unwrap()
}

#[test]
fn summary_writes_every_chart_and_document() {
    let w = fixture_lake();
    let run = w.run(&["summary", "--year", "2023", "--out", "s"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    for name in CHARTS {
        let png = std::fs::File::open(w.path(&format!("s/{name}.png"))).unwrap();
        let decoder = png::Decoder::new(std::io::BufReader::new(png));
        let reader = decoder.read_info().unwrap();
        let (width, height) = (reader.info().width, reader.info().height);
        assert!(width >= 1600, "{name}.png is {width} px wide");
        assert!(height >= 500, "{name}.png is {height} px high");
        let svg = std::fs::read_to_string(w.path(&format!("s/{name}.svg"))).unwrap();
        assert!(svg.contains("<svg") && svg.contains("</svg>"), "{name}.svg");
    }
    // the heat map grows with the number of units: 49 rows
    let heat = png::Decoder::new(std::io::BufReader::new(
        std::fs::File::open(w.path("s/units_by_theme.png")).unwrap(),
    ))
    .read_info()
    .unwrap();
    assert!(heat.info().height >= 49 * 30, "{}", heat.info().height);
    for doc in ["summary.html", "summary.md", "summary.xlsx"] {
        assert!(w.path(&format!("s/{doc}")).exists(), "{doc}");
    }
    let html = std::fs::read_to_string(w.path("s/summary.html")).unwrap();
    // self-contained: charts inline, nothing fetched
    assert_eq!(html.matches("<svg").count(), 8);
    assert!(!html.contains("src=\"http") && !html.contains("href=\"http"));
}

#[test]
fn html_and_workbook_show_the_named_queries_figures() {
    let w = fixture_lake();
    let run = w.run(&["summary", "--year", "2023", "--out", "s", "--lang", "vi"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let html = std::fs::read_to_string(w.path("s/summary.html")).unwrap();
    // each theme's row, as coverage_by_theme answers it (Vietnamese number format)
    for r in query_rows(&w, "coverage_by_theme") {
        let row = format!(
            "<td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td>",
            v(&r, "theme").as_str().unwrap(),
            v(&r, "items"),
            v(&r, "quantity"),
            v(&r, "reach")
                .as_i64()
                .unwrap()
                .to_string()
                .chars()
                .rev()
                .collect::<Vec<_>>()
                .chunks(3)
                .map(|c| c.iter().collect::<String>())
                .collect::<Vec<_>>()
                .join(".")
                .chars()
                .rev()
                .collect::<String>(),
        );
        assert!(html.contains(&row), "missing {row}");
    }
    // headline: 11 items, quantity 18, reach 25.584, 5 units, rates 4,2 % and 3,4 %
    for card in [
        "<b>11</b>",
        "<b>18</b>",
        "<b>25.584</b>",
        "<b>5</b>",
        "<b>4,2</b>",
        "<b>3,4</b>",
    ] {
        assert!(html.contains(card), "headline {card}");
    }

    // the workbook: one sheet per table, the same values as the query
    use calamine::{Data, Reader, Xlsx, open_workbook};
    let mut book: Xlsx<_> = open_workbook(w.path("s/summary.xlsx")).unwrap();
    for name in [
        "coverage_by_theme",
        "reporting_rate",
        "coverage_by_peak",
        "top_works",
    ] {
        let rows = query_rows(&w, name);
        let range = book.worksheet_range(name).unwrap();
        assert_eq!(range.height(), rows.len() + 1, "{name}");
        let header: Vec<String> = range
            .rows()
            .next()
            .unwrap()
            .iter()
            .map(|c| c.to_string())
            .collect();
        for (i, r) in rows.iter().enumerate() {
            let cells = range.rows().nth(i + 1).unwrap();
            for (j, col) in header.iter().enumerate() {
                let want = v(r, col);
                let got = match &cells[j] {
                    Data::Float(f) => serde_json::json!(f),
                    Data::Int(n) => serde_json::json!(n),
                    Data::String(s) => serde_json::json!(s),
                    Data::Bool(b) => serde_json::json!(b),
                    _ => Value::Null,
                };
                match (want.as_f64(), got.as_f64()) {
                    (Some(a), Some(b)) => {
                        assert!((a - b).abs() < 1e-9, "{name} row {i} {col}: {a} vs {b}")
                    }
                    _ => assert_eq!(got, want, "{name} row {i} {col}"),
                }
            }
        }
    }
}

#[test]
fn the_same_lake_and_year_give_the_same_bytes() {
    let w = fixture_lake();
    assert_eq!(w.run(&["summary", "--year", "2023", "--out", "a"]).code, 0);
    assert_eq!(w.run(&["summary", "--year", "2023", "--out", "b"]).code, 0);
    let a = w.snapshot("a");
    let b = w.snapshot("b");
    // 8 charts x (PNG, SVG), the page, Markdown, workbook and Word report
    assert_eq!(a.len(), 20);
    for ((pa, ba), (pb, bb)) in a.iter().zip(b.iter()) {
        assert_eq!(pa.rsplit('/').next(), pb.rsplit('/').next());
        assert!(ba == bb, "{pa} differs between two runs");
    }
}

#[test]
fn an_empty_year_is_refused_with_a_sentence() {
    let w = fixture_lake();
    let run = w.run(&["summary", "--year", "2022", "--out", "s"]);
    assert_eq!(run.code, 1);
    assert_eq!(
        run.stderr,
        "baocao: the lake holds no activity for 2022: ingest that year's reports first, or choose another --year\n"
    );
    assert!(!w.path("s/summary.html").exists());
}

/// A theme added to the reference folder (a seventh, `environment`) is a
/// column of its own in the heat map and in the workbook, with its own
/// figures: no code lists the themes.
#[test]
fn a_theme_added_to_the_reference_appears_in_the_heat_map_and_workbook() {
    let w = Workdir::new();
    w.reference_copy("2023", |name, text| {
        if name == "themes.csv" {
            text + "environment,Quyền được sống trong môi trường trong lành,Right to a healthy environment,Môi trường\n"
        } else {
            text
        }
    });
    w.write(
        "inbox/pvhtt-tuan-giao_2023-07.csv",
        "Ngày,Chủ đề,Hình thức,Tên tin bài,Số lượng\n\
         05/07/2023,environment,Tin,Bảo vệ rừng đầu nguồn,4\n\
         06/07/2023,Môi trường,Bài,Nước sạch cho bản vùng cao,2\n\
         07/07/2023,ethnic,Tin,Phát thanh tiếng Thái,1\n"
            .as_bytes(),
    );
    let base = ["--lake", "lake", "--reference", "ref"];
    let run = w.run(
        &[
            &["ingest", "inbox", "--received-at", "2023-07-10"][..],
            &base,
        ]
        .concat(),
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let summary = ["summary", "--year", "2023", "--out", "s", "--lang", "vi"];
    let run = w.run(&[&summary[..], &base].concat());
    assert_eq!(run.code, 0, "{}", run.stderr);

    // the workbook's unit x theme sheet: the new theme before the total
    use calamine::{Data, DataType, Reader, Xlsx, open_workbook};
    let mut book: Xlsx<_> = open_workbook(w.path("s/summary.xlsx")).unwrap();
    let range = book.worksheet_range("coverage_by_unit").unwrap();
    let header: Vec<String> = range
        .rows()
        .next()
        .unwrap()
        .iter()
        .map(|c| c.to_string())
        .collect();
    assert_eq!(
        header,
        [
            "unit_code",
            "unit",
            "unit_kind",
            "religion",
            "ethnic",
            "trafficking",
            "labour",
            "commitments",
            "general",
            "environment",
            "total"
        ]
    );
    let row = range
        .rows()
        .find(|r| r[0] == Data::String("pvhtt-tuan-giao".into()))
        .expect("the unit's row");
    let num = |col: &str| {
        let j = header.iter().position(|h| h == col).unwrap();
        row[j].as_f64().unwrap_or(f64::NAN)
    };
    assert_eq!(
        (num("environment"), num("ethnic"), num("total")),
        (6.0, 1.0, 7.0)
    );

    // the heat map: a column headed with the theme's name, holding 6
    let md = std::fs::read_to_string(w.path("s/summary.md")).unwrap();
    let table = md
        .split("\n## ")
        .find(|s| s.contains("units_by_theme.png"))
        .expect("the heat map's section");
    let head = table
        .lines()
        .find(|l| l.starts_with("| "))
        .expect("table header");
    let cols: Vec<&str> = head.split('|').map(str::trim).collect();
    let j = cols
        .iter()
        .position(|c| *c == "Quyền được sống trong môi trường trong lành")
        .unwrap_or_else(|| panic!("no column for the new theme in {head}"));
    let line = table
        .lines()
        .find(|l| l.contains("Phòng Văn hóa - Thông tin huyện Tuần Giáo"))
        .expect("the unit's line");
    assert_eq!(line.split('|').map(str::trim).nth(j), Some("6"));
    let svg = std::fs::read_to_string(w.path("s/units_by_theme.svg")).unwrap();
    assert!(svg.contains("môi trường"), "the heat map names the theme");

    // read with a reference that no longer lists the theme, its items still
    // count: the themes add up to the year's quantity, and the unit x theme
    // table keeps a column for it, named by its code
    w.bundled_reference("ref0");
    let run = w.run(&[
        "query",
        "coverage_by_theme",
        "--lake",
        "lake",
        "--reference",
        "ref0",
        "--format",
        "json",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let themes: Vec<Map<String, Value>> = serde_json::from_str(&run.stdout).unwrap();
    let quantity = |code: &str| {
        themes
            .iter()
            .find(|r| r["theme_code"] == code)
            .map(|r| r["quantity"].clone())
    };
    assert_eq!(quantity("environment"), Some(serde_json::json!(6)));
    assert_eq!(quantity("ethnic"), Some(serde_json::json!(1)));
    let total: i64 = themes.iter().map(|r| r["quantity"].as_i64().unwrap()).sum();
    assert_eq!(total, 7);
}
