//! `baocao demo [--out DIR]`: the pipeline on the bundled sample reports.
//! It writes the samples to `DIR/inbox`, ingests them into `DIR/lake` and
//! prints what landed, answered by the named queries, then writes the
//! 2023 summary to `DIR/summary` and the trend files as of 2023-12-31 to
//! `DIR/trends`.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use chrono::NaiveDate;

use baocao::ingest::{IngestOptions, ingest};
use baocao::lake::Lake;
use baocao::query::output::{Format, write};
use baocao::query::{Session, named};
use baocao::reference::Reference;

/// The sample reports are for 2023: the demo's trend files are as of its
/// last day, so they are the same whenever the demo runs.
const DEMO_AS_OF: NaiveDate = NaiveDate::from_ymd_opt(2023, 12, 31).expect("a real date");

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Where to write the demo's inbox, lake, summary and trend files
    #[arg(long, value_name = "DIR", default_value = "baocao-demo")]
    pub out: PathBuf,
    #[command(flatten)]
    pub reference: super::common::ReferenceArg,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let reference = std::sync::Arc::new(
        Reference::load(args.reference.reference.as_deref())
            .context("cannot load the reference data")?,
    );
    let inbox = args.out.join("inbox");
    let n = baocao::samples::extract_bundled(&inbox)
        .with_context(|| format!("cannot write the sample reports to {}", inbox.display()))?;
    eprintln!("wrote {n} sample report files to {}", inbox.display());
    let lake = Lake::new(args.out.join("lake"));
    let report = ingest(
        &[inbox],
        &lake,
        &reference,
        &IngestOptions::default(),
        |_, _, _| {},
    )
    .context("the demo's ingest failed")?;
    eprint!("{}", report.render(&lake.root));

    super::common::block_on(async {
        let session = Session::open(&lake, &reference).await?;
        let run = |name: &'static str| {
            let session = &session;
            async move {
                let q = named::find(name)?;
                let params = q.bind(&[])?;
                let mut results = session.run(&q.sql, &params).await?;
                results.pop().context("the query gave no answer")
            }
        };
        let o = run("lake_overview").await?;
        let n = |c: &str| o.first_i64(c).unwrap_or(0);
        println!("What landed in {}:", lake.root.display());
        println!(
            "  {} current submissions from {} units ({} superseded by corrections)",
            n("current_submissions"),
            n("units"),
            n("superseded_submissions")
        );
        println!("  {} activities, quantity {}", n("items"), n("quantity"));
        if let Some(formats) = o.first_str("formats") {
            println!("  reports by format: {formats}");
        }
        println!(
            "  {} rows and {} files refused (baocao query rejects_summary)",
            n("rows_refused"),
            n("files_refused")
        );
        let mut stdout = std::io::stdout();
        for (name, title) in [
            ("coverage_by_theme", "Coverage by theme, 2023"),
            ("reporting_rate", "Reporting rate, 2023"),
        ] {
            println!(
                "\n{title} (baocao query {name} --lake {}):",
                lake.root.display()
            );
            write(&run(name).await?, Format::Table, &mut stdout)?;
        }
        let opts = baocao::summary::SummaryOptions {
            year: 2023,
            lang: baocao::i18n::current(),
            out: args.out.join("summary"),
            stamp: baocao::summary::today(),
            source: lake.root.display().to_string(),
        };
        let files = baocao::summary::build(&session, &reference, &opts).await?;
        println!(
            "\nThe 2023 summary ({} files) is in {}: open summary.html, and bao-cao-2023.docx for the report to edit and sign",
            files.files.len(),
            opts.out.display()
        );
        let trends = baocao::trends::TrendsOptions {
            out: args.out.join("trends"),
            as_of: DEMO_AS_OF,
            wait: true,
        };
        let manifest = baocao::trends::run(&lake, &reference, &trends).await?;
        let alerts = manifest
            .files
            .iter()
            .find(|f| f.name == "alerts.csv")
            .map_or(0, |f| f.rows);
        println!(
            "The trend files as of {} ({} files, {alerts} alerts) are in {}: \
             baocao trends --lake {} --as-of {} writes them again",
            manifest.as_of,
            manifest.files.len(),
            trends.out.display(),
            lake.root.display(),
            manifest.as_of,
        );
        println!(
            "Ask your own questions: baocao sql --lake {}",
            lake.root.display()
        );
        Ok(ExitCode::SUCCESS)
    })
}
