//! `baocao query NAME [--param key=value]...` runs a named query from
//! `queries/`; `baocao queries` lists them with their descriptions.

use std::process::ExitCode;

use baocao::lake::Lake;
use baocao::query::{ReferenceSource, Session, named};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The query's name (see baocao queries)
    #[arg(value_name = "NAME")]
    pub name: String,
    /// A parameter, as key=value (e.g. --param year=2023); repeat for more
    #[arg(long = "param", short = 'p', value_name = "KEY=VALUE", value_parser = parse_param)]
    pub params: Vec<(String, String)>,
    #[command(flatten)]
    pub out: super::common::OutputArgs,
}

fn parse_param(s: &str) -> Result<(String, String), String> {
    s.split_once('=')
        .map(|(k, v)| (k.trim().trim_start_matches('$').to_string(), v.to_string()))
        .filter(|(k, _)| !k.is_empty())
        .ok_or_else(|| baocao::msg!("cli-not-a-param", value = s).to_string())
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let query = named::find(&args.name)?;
    if args.out.cluster.is_some() && !baocao::query::CLUSTER_VERIFIED.contains(&query.name.as_str())
    {
        anyhow::bail!(
            "{}",
            baocao::msg!(
                "cli-cluster-not-verified",
                name = query.name.as_str(),
                names = baocao::query::CLUSTER_VERIFIED.join(", ")
            )
        );
    }
    let params = query.bind(&args.params)?;
    let reference = ReferenceSource::lazy(args.out.reference.reference.as_deref())?;
    let lake = Lake::open(&args.out.lake)?;
    super::common::block_on(async {
        let session = Session::open_options(&lake, reference, args.out.session_options()).await?;
        let results = session.run(&query.sql, &params).await?;
        super::common::print_results(&results, args.out.format, args.out.output.as_deref())?;
        Ok(ExitCode::SUCCESS)
    })
}

/// `baocao queries`
pub fn list() -> anyhow::Result<ExitCode> {
    let all = named::all()?;
    let width = all.iter().map(|q| q.name.len()).max().unwrap_or(0);
    for q in all {
        let params: Vec<String> = q
            .params
            .iter()
            .map(|p| match &p.default {
                Some(d) => format!("{}={d}", p.name),
                None => format!("{}=?", p.name),
            })
            .collect();
        let params = if params.is_empty() {
            String::new()
        } else {
            format!(" [{}]", params.join(" "))
        };
        println!(
            "{:<width$}  {}{params}",
            q.name,
            q.description_in(baocao::i18n::current())
        );
    }
    Ok(ExitCode::SUCCESS)
}
