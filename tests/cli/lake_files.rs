//! The lake's files as other programs see them: a lake where one partition
//! was compacted and another was not opens in DataFusion, DuckDB, polars
//! and pyarrow with their default options, and an ingested file and a
//! compacted file of one partition carry the same schema, writer settings
//! and statistics (read with the arrow-rs `parquet` crate).

use std::fs::File;
use std::path::{Path, PathBuf};

use parquet::basic::{Compression, Encoding};
use parquet::file::reader::{FileReader, SerializedFileReader};
use serde_json::json;

use super::support::{Workdir, python_json};

/// Two runs into 2023 (compacted into one file), one into 2024 (left as
/// ingested), then one more into 2023: `year=2023` holds a compacted file
/// and an ingested one, `year=2024` an ingested one.
fn mixed_lake() -> Workdir {
    let w = Workdir::new();
    // a 2024 campaign made from the 2023 one, for a second year partition
    w.reference_copy("2023", |_, text| text);
    w.reference_copy("2024", |_, text| {
        text.replace("2023-", "2024-").replace(",2023,", ",2024,")
    });
    let report = |unit: &str, period: &str, rows: &[(&str, &str, &str, u32)]| {
        let mut s = String::from("Ngày,Chủ đề,Hình thức,Tên tin bài,Số lượng\n");
        for (day, theme, form, q) in rows {
            s.push_str(&format!("{day},{theme},{form},Tin {unit} {day},{q}\n"));
        }
        w.write(&format!("inbox/{period}/{unit}_{period}.csv"), s.as_bytes());
    };
    report(
        "pvhtt-tuan-giao",
        "2023-07",
        &[
            ("05/07/2023", "ethnic", "Tin", 2),
            ("06/07/2023", "religion", "Bài", 1),
        ],
    );
    report(
        "pvhtt-muong-cha",
        "2023-08",
        &[("10/08/2023", "trafficking", "Tin", 3)],
    );
    report(
        "pvhtt-tuan-giao",
        "2024-03",
        &[
            ("01/03/2024", "labour", "Tin", 4),
            ("02/03/2024", "general", "Bài", 5),
        ],
    );
    report(
        "pvhtt-muong-cha",
        "2023-09",
        &[("11/09/2023", "general", "Phóng sự", 6)],
    );
    for (dir, received) in [
        ("2023-07", "2023-08-10"),
        ("2023-08", "2023-09-10"),
        ("2024-03", "2024-04-10"),
    ] {
        let inbox = format!("inbox/{dir}");
        let run = w.run(&[
            "ingest",
            &inbox,
            "--received-at",
            received,
            "--reference",
            "ref",
        ]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        assert!(run.stderr.contains("1 ingested"), "{}", run.stderr);
    }
    let run = w.run(&["compact"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let run = w.run(&[
        "ingest",
        "inbox/2023-09",
        "--received-at",
        "2023-10-10",
        "--reference",
        "ref",
    ]);
    // every file became a submission
    assert!(run.stderr.contains("1 ingested"), "{}", run.stderr);
    assert_eq!(run.code, 0, "{}", run.stderr);
    w
}

fn files(dir: &Path) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "parquet"))
        .collect();
    out.sort();
    out
}

#[test]
fn a_lake_partly_compacted_opens_in_every_reader() {
    let w = mixed_lake();
    let y2023 = files(&w.path("lake/activities/year=2023"));
    let names: Vec<String> = y2023
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().to_string())
        .collect();
    assert_eq!(names.len(), 2, "{names:?}");
    assert!(
        names.iter().any(|n| n.starts_with("part-compact-")),
        "{names:?}"
    );
    assert!(
        names.iter().any(|n| !n.starts_with("part-compact-")),
        "{names:?}"
    );

    // each reader: rows and total quantity of the activities folder (its
    // year partitions), and the rows of the ledger
    let script = r#"
import json
import datafusion, duckdb, polars, pyarrow.dataset as ds
out = {}
ctx = datafusion.SessionContext()
ctx.register_parquet("a", "lake/activities/")
out["datafusion"] = [int(v) for v in ctx.sql("SELECT count(*), sum(quantity) FROM a").to_pylist()[0].values()]
out["duckdb"] = list(duckdb.sql("SELECT count(*), sum(quantity) FROM read_parquet('lake/activities/*/*.parquet', hive_partitioning = true)").fetchall()[0])
df = polars.read_parquet("lake/activities/")
out["polars"] = [df.height, int(df["quantity"].sum())]
t = ds.dataset("lake/activities", format="parquet", partitioning="hive").to_table()
out["pyarrow"] = [t.num_rows, sum(v.as_py() for v in t.column("quantity"))]
out["ledger"] = [duckdb.sql("SELECT count(*) FROM 'lake/submissions/submissions.parquet'").fetchall()[0][0],
                 polars.read_parquet("lake/submissions/submissions.parquet").height]
print(json.dumps(out))
"#;
    let Some(got) = python_json(&w.path(""), "datafusion, duckdb, polars, pyarrow", script) else {
        return;
    };
    // 6 rows: 2 + 1 + 2 + 1; quantities 2 + 1 + 3 + 4 + 5 + 6 = 21
    assert_eq!(
        got,
        json!({
            "datafusion": [6, 21],
            "duckdb": [6, 21],
            "polars": [6, 21],
            "pyarrow": [6, 21],
            "ledger": [4, 4],
        })
    );
}

/// What one column chunk of a file says about how it was written.
#[derive(Debug, PartialEq)]
struct ColumnSettings {
    name: String,
    compression: Compression,
    dictionary: bool,
    statistics: bool,
}

fn settings(path: &Path) -> (String, Vec<ColumnSettings>, bool) {
    let reader = SerializedFileReader::new(File::open(path).unwrap()).unwrap();
    let meta = reader.metadata();
    let schema = format!("{:?}", meta.file_metadata().schema_descr().columns());
    let group = meta.row_group(0);
    let columns = group
        .columns()
        .iter()
        .map(|c| ColumnSettings {
            name: c.column_path().string(),
            compression: c.compression(),
            dictionary: c.dictionary_page_offset().is_some()
                || c.encodings().any(|e| e == Encoding::RLE_DICTIONARY),
            statistics: c.statistics().is_some(),
        })
        .collect();
    // page statistics are written as a column index
    let options = parquet::file::serialized_reader::ReadOptionsBuilder::new()
        .with_page_index()
        .build();
    let indexed = SerializedFileReader::new_with_options(File::open(path).unwrap(), options)
        .unwrap()
        .metadata()
        .column_index()
        .is_some();
    (schema, columns, indexed)
}

#[test]
fn an_ingested_and_a_compacted_file_of_one_partition_are_written_alike() {
    let w = mixed_lake();
    let y2023 = files(&w.path("lake/activities/year=2023"));
    let (compacted, ingested): (Vec<&PathBuf>, Vec<&PathBuf>) = y2023.iter().partition(|p| {
        p.file_name()
            .unwrap()
            .to_string_lossy()
            .starts_with("part-compact-")
    });
    let (a_schema, a_cols, a_index) = settings(ingested[0]);
    let (b_schema, b_cols, b_index) = settings(compacted[0]);
    assert_eq!(a_schema, b_schema);
    assert_eq!(a_cols, b_cols);
    assert!(a_index && b_index, "both files have page statistics");
    let by_name = |name: &str| a_cols.iter().find(|c| c.name == name).unwrap();
    // codes and dates dictionary-encoded, ids and free text not; zstd and
    // min/max statistics everywhere
    for code in ["unit_code", "theme_code", "form_code", "activity_date"] {
        assert!(by_name(code).dictionary, "{code}");
    }
    for text in ["activity_id", "title"] {
        assert!(!by_name(text).dictionary, "{text}");
    }
    assert!(
        a_cols
            .iter()
            .all(|c| matches!(c.compression, Compression::ZSTD(_)))
    );
    assert!(a_cols.iter().all(|c| c.statistics));
    // the Arrow schema both files carry: plain strings, no view types
    let arrow_schema = |p: &Path| {
        parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder::try_new(
            File::open(p).unwrap(),
        )
        .unwrap()
        .schema()
        .clone()
    };
    let (sa, sb) = (arrow_schema(ingested[0]), arrow_schema(compacted[0]));
    assert_eq!(sa.fields(), sb.fields());
    assert_eq!(
        sa.field_with_name("unit_code").unwrap().data_type(),
        &arrow::datatypes::DataType::Utf8
    );
}
