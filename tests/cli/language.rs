//! The language of the command: Vietnamese when none is asked for (no
//! `--lang`, no `BAOCAO_LANG`), English with `--lang en`, for what
//! `ingest` prints and for the help of every command.

use super::support::Workdir;

/// A folder with one report (three items, one refused row: 31/02/2023)
/// and a file that is not a report.
fn inbox() -> Workdir {
    let w = Workdir::new();
    w.fixture("pvhtt-tuan-giao_2023-07.csv", "pvhtt-tuan-giao_2023-07.csv");
    w.fixture("pvhtt-nam-po_2023-10.pdf", "pvhtt-nam-po_2023-10.pdf");
    w
}

#[test]
fn ingest_says_its_summary_and_totals_in_vietnamese_by_default() {
    let w = inbox();
    let run = w.run_vi(&["ingest", "inbox", "--received-at", "2023-07-10"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    for said in [
        "  nhận     inbox/pvhtt-tuan-giao_2023-07.csv  [pvhtt-tuan-giao 2023-07; ",
        "]: 3 mục được nhận, 1 dòng bị từ chối\n",
        "             dòng 6: ",
        "'31/02/2023' không phải là một ngày có thật",
        "  TỪ CHỐI  inbox/pvhtt-nam-po_2023-10.pdf: ",
        "\n2 tệp: 1 tệp được nhập, 0 tệp đã có trong kho, 1 tệp bị từ chối; 3 mục được nhận, 1 dòng bị từ chối; 0 bản sửa đổi\n",
        "\nkho: lake\n",
    ] {
        assert!(
            run.stderr.contains(said),
            "{said:?} not in:\n{}",
            run.stderr
        );
    }
    for english in ["accepted", "refused", "REFUSED", "files:", "lake: "] {
        assert!(
            !run.stderr.contains(english),
            "{english:?} in:\n{}",
            run.stderr
        );
    }
    // the same files again: nothing changes, said in Vietnamese
    let again = w.run_vi(&["ingest", "inbox", "--received-at", "2023-07-10"]);
    assert_eq!(again.code, 0, "{}", again.stderr);
    for said in [
        "  trùng    inbox/pvhtt-tuan-giao_2023-07.csv  [pvhtt-tuan-giao 2023-07]: đã có trong kho, không có gì thay đổi\n",
        "  từ chối  inbox/pvhtt-nam-po_2023-10.pdf (lặp lại, đã ghi nhận trước đây): ",
        "\n2 tệp: 0 tệp được nhập, 1 tệp đã có trong kho, 1 tệp bị từ chối; 0 mục được nhận, 0 dòng bị từ chối; 0 bản sửa đổi\n",
    ] {
        assert!(
            again.stderr.contains(said),
            "{said:?} not in:\n{}",
            again.stderr
        );
    }
    // a dry run says that nothing is written
    let dry = inbox().run_vi(&[
        "ingest",
        "inbox",
        "--received-at",
        "2023-07-10",
        "--dry-run",
    ]);
    assert!(
        dry.stderr
            .contains("1 tệp sẽ được nhập (chạy thử: không ghi gì)"),
        "{}",
        dry.stderr
    );
}

#[test]
fn ingest_says_its_summary_and_totals_in_english_when_asked() {
    let w = inbox();
    let run = w.run_vi(&[
        "--lang",
        "en",
        "ingest",
        "inbox",
        "--received-at",
        "2023-07-10",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    for said in [
        "  ok       inbox/pvhtt-tuan-giao_2023-07.csv  [pvhtt-tuan-giao 2023-07; ",
        "]: 3 accepted, 1 refused\n",
        "             row 6: ",
        "'31/02/2023' is not a real date",
        "  REFUSED  inbox/pvhtt-nam-po_2023-10.pdf: ",
        "\n2 files: 1 ingested, 0 already in the lake, 1 refused; 3 items accepted, 1 row refused; 0 corrections\n",
        "\nlake: lake\n",
    ] {
        assert!(
            run.stderr.contains(said),
            "{said:?} not in:\n{}",
            run.stderr
        );
    }
    // BAOCAO_LANG asks as --lang does, and --lang wins over it
    let env = w.run_env(&["ingest", "inbox", "--dry-run"], &[("BAOCAO_LANG", "en")]);
    assert!(env.stderr.contains("already in the lake"), "{}", env.stderr);
    let both = w.run_env(
        &["ingest", "inbox", "--dry-run", "--lang", "vi"],
        &[("BAOCAO_LANG", "en")],
    );
    assert!(both.stderr.contains("đã có trong kho"), "{}", both.stderr);
}

/// Every command, with a sentence of its Vietnamese help.
const COMMANDS: &[(&[&str], &str)] = &[
    (&[], "Hệ thống phân tích báo cáo"),
    (
        &["ingest"],
        "Kiểm tra các tệp báo cáo đã nộp và đưa vào kho dữ liệu",
    ),
    (&["sql"], "Chạy truy vấn SQL chỉ đọc trên kho dữ liệu"),
    (
        &["query"],
        "Chạy một truy vấn có sẵn trong thư mục queries/",
    ),
    (&["queries"], "Liệt kê các truy vấn có sẵn"),
    (&["summary"], "Lập báo cáo tổng hợp năm của tỉnh"),
    (&["trends"], "Ghi các tệp xu hướng"),
    (&["compact"], "Gộp các tệp nhỏ của kho"),
    (&["cluster", "scheduler"], "Khởi động bộ điều phối Ballista"),
    (
        &["cluster", "executor"],
        "Khởi động một máy thực thi Ballista",
    ),
    (&["gen"], "Tạo một bộ báo cáo lớn kèm dữ liệu danh mục"),
    (&["demo"], "Chạy toàn bộ quy trình trên các báo cáo mẫu"),
    (
        &["reference"],
        "Lập, kiểm tra và so sánh các thư mục danh mục",
    ),
    (
        &["reference", "new"],
        "Ghi một thư mục danh mục có thêm năm triển khai mới",
    ),
    (&["reference", "check"], "Kiểm tra một thư mục danh mục"),
    (
        &["reference", "diff"],
        "Cho biết những gì thay đổi giữa hai năm triển khai",
    ),
];

#[test]
fn the_help_of_every_command_is_vietnamese_by_default() {
    let w = Workdir::new();
    for (command, about) in COMMANDS {
        let mut args = command.to_vec();
        args.push("--help");
        let run = w.run_vi(&args);
        assert_eq!(run.code, 0, "{args:?}: {}", run.stderr);
        let help = &run.stdout;
        for said in [*about, "Cách dùng:", "Tuỳ chọn:", "Hiển thị hướng dẫn"] {
            assert!(help.contains(said), "{args:?}: {said:?} not in:\n{help}");
        }
        for english in [
            "Usage:",
            "Options:",
            "Print help",
            "[default:",
            "[env:",
            "possible values",
            "Possible values",
            "The language baocao speaks",
        ] {
            assert!(!help.contains(english), "{args:?}: {english:?} in:\n{help}");
        }
    }
    // an argument's help, and clap's notes after it, in Vietnamese
    let ingest = w.run_vi(&["ingest", "--help"]).stdout;
    for said in [
        "Thư mục kho dữ liệu, hoặc s3://BUCKET/THƯ-MỤC",
        "[mặc định: lake]",
        "Kỳ báo cáo: 2023-07 (báo cáo tháng) hoặc 2023 (báo cáo năm)",
        "[biến môi trường: BAOCAO_LANG]",
    ] {
        assert!(ingest.contains(said), "{said:?} not in:\n{ingest}");
    }
    // `baocao help ingest` is the same help
    assert_eq!(w.run_vi(&["help", "ingest"]).stdout, ingest);
}

#[test]
fn the_help_of_every_command_is_english_when_asked() {
    let w = Workdir::new();
    for (command, _) in COMMANDS {
        let mut args = vec!["--lang", "en"];
        args.extend(command.iter());
        args.push("--help");
        let run = w.run_vi(&args);
        assert_eq!(run.code, 0, "{args:?}: {}", run.stderr);
        let help = &run.stdout;
        for said in ["Usage:", "Options:", "Print help"] {
            assert!(help.contains(said), "{args:?}: {said:?} not in:\n{help}");
        }
        assert!(!help.contains("Cách dùng"), "{args:?}:\n{help}");
    }
    let ingest = w.run_vi(&["--lang", "en", "ingest", "--help"]).stdout;
    for said in [
        "Validate submitted report files and add them to the lake",
        "The lake folder, or s3://BUCKET/PREFIX on S3-compatible storage",
        "[default: lake]",
        "The period reported on: 2023-07 (monthly) or 2023 (annual)",
        "[env: BAOCAO_LANG]",
    ] {
        assert!(ingest.contains(said), "{said:?} not in:\n{ingest}");
    }
}

/// The other commands speak Vietnamese by default too, and English with
/// `--lang en`: an SQL hint, a named query's "did you mean", the list of
/// named queries, `reference check`, `trends` and `compact`.
#[test]
fn the_other_commands_speak_vietnamese_by_default_and_english_when_asked() {
    let w = inbox();
    let run = w.run(&["ingest", "inbox", "--received-at", "2023-07-10"]);
    assert!(run.code == 0 || run.code == 2, "{}", run.stderr);
    let err = |run: super::support::Run| run.stderr;

    let vi = err(w.run_vi(&["sql", "SELECT * FROM activitis"]));
    assert!(
        vi.contains("gợi ý: có phải là 'activities'? các bảng là activities,"),
        "{vi}"
    );
    let en = err(w.run(&["sql", "SELECT * FROM activitis"]));
    assert!(
        en.contains("hint: did you mean 'activities'? the tables are activities,"),
        "{en}"
    );

    let vi = err(w.run_vi(&["query", "coverage_by_them"]));
    assert!(
        vi.starts_with(
            "baocao: không có truy vấn có tên 'coverage_by_them' (có phải là 'coverage_by_theme'?)"
        ),
        "{vi}"
    );

    let vi = w.run_vi(&["queries"]).stdout;
    assert!(
        vi.contains("Kết quả theo từng chủ đề trong năm: số mục, số lượng, lượt tiếp cận"),
        "{vi}"
    );
    let en = w.run(&["queries"]).stdout;
    assert!(
        en.contains("What was covered per theme in a year: items, quantity, reach"),
        "{en}"
    );

    let vi = w.run_vi(&["reference", "check"]);
    assert!(
        vi.stdout
            .contains("2023: 49 đơn vị tồn tại trong năm, dự kiến 119 báo cáo, 5 đợt cao điểm"),
        "{}{}",
        vi.stdout,
        vi.stderr
    );
    let en = w.run(&["reference", "check"]);
    assert!(
        en.stdout
            .contains("2023: 49 units existed in the year, 119 reports expected, 5 peak periods"),
        "{}{}",
        en.stdout,
        en.stderr
    );

    let vi = w.run_vi(&["trends", "--out", "tr", "--as-of", "2023-12-31"]);
    assert_eq!(vi.code, 0, "{}", vi.stderr);
    assert!(vi.stderr.contains("vào tr"), "{}", vi.stderr);
    assert!(!vi.stderr.contains("wrote"), "{}", vi.stderr);

    let vi = w.run_vi(&["compact"]);
    assert_eq!(vi.code, 0, "{}", vi.stderr);
    assert!(vi.stderr.contains("không có gì để gộp"), "{}", vi.stderr);
}
