//! The language of the command (`--lang vi|en` on every command, or
//! `BAOCAO_LANG`; Vietnamese by default), and `--help` in it: every
//! command's and argument's help comes from `locales/*/cli.ftl`
//! (`cli-<command>` and `cli-<command>-arg-<argument>`), as do the
//! headings clap writes and the sentences of its common errors.

use baocao::i18n::{Lang, Msg};
use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, ArgAction, Command};

/// The language asked for before the arguments are parsed (their help is
/// said in it): the last `--lang X` or `--lang=X`, else `BAOCAO_LANG`,
/// else Vietnamese. A value that names no language is left for clap to
/// refuse.
pub fn asked(args: &[std::ffi::OsString]) -> Lang {
    let mut lang = std::env::var("BAOCAO_LANG")
        .ok()
        .and_then(|v| Lang::from_code(&v));
    let mut it = args.iter().skip(1).map(|a| a.to_string_lossy());
    while let Some(a) = it.next() {
        if a == "--" {
            break;
        }
        if a == "--lang" {
            if let Some(v) = it.next() {
                lang = Lang::from_code(&v).or(lang);
            }
        } else if let Some(v) = a.strip_prefix("--lang=") {
            lang = Lang::from_code(v).or(lang);
        }
    }
    lang.unwrap_or(Lang::Vi)
}

/// `baocao help ingest` as `baocao ingest --help` (clap's own `help`
/// subcommand would say its help in English).
pub fn help_subcommand(mut args: Vec<std::ffi::OsString>) -> Vec<std::ffi::OsString> {
    if args.get(1).is_some_and(|a| a == "help") {
        args.remove(1);
        args.push("--help".into());
    }
    args
}

/// The message `id` in `lang`, if the files hold it.
fn said(id: &str, lang: Lang) -> Option<String> {
    baocao::i18n::lookup(id, lang)
}

/// `a` with clap's notes after its help (`[default: lake]`, `[env:
/// BAOCAO_LANG]`, `[possible values: vi, en]`) said in `lang`: clap's own
/// are hidden, and the same notes from the message files are added to
/// the help.
fn with_notes(mut a: Arg, lang: Lang) -> Arg {
    if !a.get_action().takes_values() {
        return a;
    }
    let mut notes = Vec::new();
    let values: Vec<String> = a
        .get_possible_values()
        .iter()
        .filter(|v| !v.is_hide_set())
        .map(|v| v.get_name().to_string())
        .collect();
    if !values.is_empty() && !a.is_hide_possible_values_set() {
        notes.push(baocao::msg!("cli-note-values", values = values.join(", ")));
        a = a.hide_possible_values(true);
    }
    if let Some(name) = a.get_env().map(|e| e.to_string_lossy().to_string())
        && !a.is_hide_env_set()
    {
        notes.push(baocao::msg!("cli-note-env", name = name));
        a = a.hide_env(true);
    }
    let defaults: Vec<String> = a
        .get_default_values()
        .iter()
        .map(|v| v.to_string_lossy().to_string())
        .collect();
    if !defaults.is_empty() && !a.is_hide_default_value_set() {
        notes.push(baocao::msg!(
            "cli-note-default",
            value = defaults.join(", ")
        ));
        a = a.hide_default_value(true);
    }
    if notes.is_empty() {
        return a;
    }
    let notes: Vec<String> = notes.iter().map(|m| m.say(lang)).collect();
    let help = a.get_help().map(|h| h.to_string()).unwrap_or_default();
    a.help(format!("{help} {}", notes.join(" ")))
}

/// `cmd` with its help, its arguments' help and clap's headings in
/// `lang`; `path` names the command (`cli` for `baocao`, `cli-ingest`).
pub fn localise(cmd: Command, lang: Lang) -> Command {
    localise_at(cmd, "cli", lang)
}

fn localise_at(mut cmd: Command, path: &str, lang: Lang) -> Command {
    if let Some(about) = said(path, lang) {
        cmd = cmd.about(about);
    }
    let options = said("cli-heading-options", lang).unwrap_or_else(|| "Options".into());
    let arguments = said("cli-heading-arguments", lang).unwrap_or_else(|| "Arguments".into());
    let ids: Vec<String> = cmd
        .get_arguments()
        .map(|a| a.get_id().to_string())
        .collect();
    for id in ids {
        let key = format!("{path}-arg-{}", id.replace('_', "-"));
        let help = said(&key, lang);
        let (options, arguments) = (options.clone(), arguments.clone());
        cmd = cmd.mut_arg(&id, move |a: Arg| {
            let heading = if a.is_positional() {
                arguments
            } else {
                options
            };
            let a = a.help_heading(heading);
            let a = match help {
                Some(h) => a.help(h),
                None => a,
            };
            with_notes(a, lang)
        });
    }
    cmd = cmd
        .disable_help_flag(true)
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .help(said("cli-help", lang).unwrap_or_else(|| "Print help".into()))
                .help_heading(options.clone()),
        )
        .disable_help_subcommand(true)
        .subcommand_help_heading(
            said("cli-heading-commands", lang).unwrap_or_else(|| "Commands".into()),
        )
        .help_template(format!(
            "{{about-with-newline}}\n{} {{usage}}\n\n{{all-args}}{{after-help}}",
            said("cli-heading-usage", lang).unwrap_or_else(|| "Usage:".into())
        ));
    if cmd.get_version().is_some() {
        cmd = cmd.disable_version_flag(true).arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help(said("cli-version", lang).unwrap_or_else(|| "Print version".into()))
                .help_heading(options),
        );
    }
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in names {
        let sub_path = format!("{path}-{name}");
        cmd = cmd.mut_subcommand(&name, |s| localise_at(s, &sub_path, lang));
    }
    cmd
}

/// A parse error said in `lang`: clap's own sentence for the kinds it
/// has no message for here, and for help and version (which are not
/// errors).
pub fn error_text(err: &clap::Error, lang: Lang) -> Option<String> {
    let text = |kind: ContextKind| match err.get(kind) {
        Some(ContextValue::String(s)) => Some(s.clone()),
        Some(ContextValue::Strings(v)) => Some(v.join(", ")),
        _ => None,
    };
    let usage = match err.get(ContextKind::Usage) {
        Some(ContextValue::StyledStr(s)) => s.to_string(),
        _ => String::new(),
    };
    let arg = text(ContextKind::InvalidArg).unwrap_or_default();
    let value = text(ContextKind::InvalidValue).unwrap_or_default();
    let msg = match err.kind() {
        ErrorKind::UnknownArgument => baocao::msg!("cli-error-unknown-argument", arg = arg),
        ErrorKind::InvalidSubcommand => baocao::msg!(
            "cli-error-unknown-command",
            command = text(ContextKind::InvalidSubcommand).unwrap_or_default()
        ),
        ErrorKind::InvalidValue => baocao::msg!(
            "cli-error-invalid-value",
            arg = arg,
            value = value,
            valid = text(ContextKind::ValidValue).unwrap_or_default()
        ),
        ErrorKind::MissingRequiredArgument => baocao::msg!("cli-error-missing-argument", arg = arg),
        ErrorKind::ValueValidation => {
            let cause = std::error::Error::source(err)
                .map(|c| c.to_string())
                .unwrap_or_default();
            baocao::msg!("cli-error-bad-value", arg = arg, value = value, why = cause)
        }
        ErrorKind::MissingSubcommand | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            return None;
        }
        _ => return None,
    };
    let suggested = match err
        .get(ContextKind::SuggestedSubcommand)
        .or_else(|| err.get(ContextKind::SuggestedArg))
    {
        Some(ContextValue::String(s)) => Some(s.clone()),
        Some(ContextValue::Strings(v)) => v.first().cloned(),
        _ => None,
    };
    let mut text = Msg::say(&msg, lang);
    if let Some(name) = suggested {
        text.push_str(" (");
        text.push_str(&Msg::say(
            &baocao::msg!("cli-error-did-you-mean", name = name),
            lang,
        ));
        text.push(')');
    }
    let usage = usage
        .trim()
        .trim_start_matches("Usage:")
        .trim()
        .trim_start_matches(['\n', ' ']);
    if !usage.is_empty() {
        text.push_str(&format!(
            "\n\n{} {usage}",
            said("cli-heading-usage", lang).unwrap_or_else(|| "Usage:".into())
        ));
    }
    text.push_str("\n\n");
    text.push_str(&Msg::say(&baocao::msg!("cli-error-try-help"), lang));
    Some(text)
}
