//! `baocao demo [--out DIR]`: the pipeline on the bundled sample reports.
//! It writes the samples to `DIR/inbox`, ingests them into `DIR/lake` and
//! prints what landed, answered by the named queries, then writes the
//! 2023 summary to `DIR/summary` and the trend files as of 2023-12-31 to
//! `DIR/trends`.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use chrono::NaiveDate;

use baocao::i18n::tr;
use baocao::ingest::{IngestOptions, ingest};
use baocao::lake::Lake;
use baocao::msg;
use baocao::query::output::{Format, write};
use baocao::query::{Session, named};
use baocao::reference::Reference;

/// The sample reports are for 2023: the demo's trend files are as of its
/// last day, so they are the same whenever the demo runs.
const DEMO_AS_OF: NaiveDate = NaiveDate::from_ymd_opt(2023, 12, 31).expect("a real date");

/// The overview's column of reports by format.
const FORMATS: &str = "formats";

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
            .with_context(|| tr("cli-no-reference"))?,
    );
    let inbox = args.out.join("inbox");
    let shown = inbox.display().to_string();
    let n = baocao::samples::extract_bundled(&inbox)
        .with_context(|| msg!("cli-demo-no-samples", inbox = shown.as_str()).to_string())?;
    eprintln!(
        "{}",
        msg!("cli-demo-samples", n = n, inbox = shown.as_str())
    );
    let lake = Lake::new(args.out.join("lake"));
    let report = ingest(
        &[inbox],
        &lake,
        &reference,
        &IngestOptions::default(),
        |_, _, _| {},
    )
    .with_context(|| tr("cli-demo-ingest-failed"))?;
    eprint!("{}", report.render(&lake.root));

    super::common::block_on(async {
        let session = Session::open(&lake, &reference).await?;
        let run = |name: &'static str| {
            let session = &session;
            async move {
                let q = named::find(name)?;
                let params = q.bind(&[])?;
                let mut results = session.run(&q.sql, &params).await?;
                results.pop().with_context(|| tr("cli-demo-no-answer"))
            }
        };
        let o = run("lake_overview").await?;
        let n = |c: &str| o.first_i64(c).unwrap_or(0);
        let root = lake.root.display().to_string();
        println!("{}", msg!("cli-demo-landed", lake = root.as_str()));
        let submissions = msg!(
            "cli-demo-submissions",
            current = n("current_submissions"),
            units = n("units"),
            superseded = n("superseded_submissions")
        );
        println!("  {submissions}");
        let items = msg!(
            "cli-demo-items",
            items = n("items"),
            quantity = n("quantity")
        );
        println!("  {items}");
        if let Some(formats) = o.first_str(FORMATS) {
            println!("  {}", msg!("cli-demo-formats", formats = formats));
        }
        let refused = msg!(
            "cli-demo-refused",
            rows = n("rows_refused"),
            files = n("files_refused")
        );
        println!("  {refused}");
        let mut stdout = std::io::stdout();
        for (name, title) in [
            ("coverage_by_theme", "cli-demo-coverage"),
            ("reporting_rate", "cli-demo-reporting-rate"),
        ] {
            let title = msg!(
                "cli-demo-query-title",
                title = tr(title),
                query = name,
                lake = root.as_str()
            );
            println!("\n{title}");
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
        let summary = msg!(
            "cli-demo-summary",
            files = files.files.len(),
            out = opts.out.display().to_string()
        );
        println!("\n{summary}");
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
        let written = msg!(
            "cli-demo-trends",
            day = manifest.as_of.to_string(),
            files = manifest.files.len(),
            alerts = alerts,
            out = trends.out.display().to_string(),
            lake = root.as_str()
        );
        println!("{written}");
        println!("{}", msg!("cli-demo-ask", lake = root.as_str()));
        Ok(ExitCode::SUCCESS)
    })
}
