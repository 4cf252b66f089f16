//! Every sentence baocao writes for a person, in Vietnamese (the default of
//! the `baocao` command) or English: messages are data, in Project Fluent's
//! format, one file per stage and language under `locales/{vi,en}/*.ftl`
//! (a translator edits those files, never code). Code names a message by
//! id with its arguments ([`Msg`], built with [`msg!`](crate::msg)); the
//! sentence is made when it is said ([`Msg::say`], or `Display` in the
//! process's language, [`current`]).
//!
//! A [`Msg`] is also data: it serialises to JSON (`{"id": ..., "args":
//! {...}}`), so a refusal keeps the values its sentence names
//! (`rejects.reason_args`) and can be said again in either language.
//!
//! Numbers are formatted by the language: Vietnamese `1.234` and `93,3`,
//! English `1,234` and `93.3`. Values that are names rather than amounts
//! (a year, a row number, a cell address) are passed as text.

use std::collections::BTreeMap;
use std::fmt;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicU8, Ordering};

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use include_dir::{Dir, include_dir};
use serde::{Deserialize, Serialize};

/// The message files, `locales/<lang>/<stage>.ftl`.
static LOCALES: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/locales");

/// A language baocao speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, clap::ValueEnum, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Vietnamese, the default of the `baocao` command.
    Vi,
    /// English, on request (`--lang en`, `BAOCAO_LANG=en`).
    En,
}

impl Lang {
    /// Both languages, Vietnamese first.
    pub const ALL: [Lang; 2] = [Lang::Vi, Lang::En];

    /// Picks the Vietnamese or English text.
    pub fn t<'a>(self, vi: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Vi => vi,
            Lang::En => en,
        }
    }

    /// The language's code: `vi` or `en` (its folder under `locales/`).
    pub fn code(self) -> &'static str {
        self.t("vi", "en")
    }

    /// The language a code names (`vi`, `en`, `vi-VN`, `VI`), if it is one
    /// baocao speaks.
    pub fn from_code(code: &str) -> Option<Lang> {
        let c = code.trim().to_ascii_lowercase();
        let base = c.split(['-', '_', '.']).next().unwrap_or("");
        match base {
            "vi" => Some(Lang::Vi),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    fn index(self) -> u8 {
        match self {
            Lang::Vi => 1,
            Lang::En => 2,
        }
    }
}

/// The process's language; unset means English (the library's language
/// for callers that never choose; the `baocao` command always sets it).
static CURRENT: AtomicU8 = AtomicU8::new(0);

/// Sets the language messages are said in by `Display` (the `baocao`
/// command does this once, from `--lang` or `BAOCAO_LANG`).
pub fn set_current(lang: Lang) {
    CURRENT.store(lang.index(), Ordering::Relaxed);
}

tokio::task_local! {
    /// The language of one task: a server connection speaks its client's
    /// language, whatever the process's is.
    static TASK_LANG: Lang;
}

/// Runs `work` with messages said in `lang` (by `Display` and
/// [`current`]) wherever it runs, across awaits.
pub async fn speaking<F: std::future::Future>(lang: Lang, work: F) -> F::Output {
    TASK_LANG.scope(lang, work).await
}

/// [`speaking`] for synchronous work.
pub fn speaking_sync<R>(lang: Lang, work: impl FnOnce() -> R) -> R {
    TASK_LANG.sync_scope(lang, work)
}

/// The language messages are said in by `Display`: the task's (see
/// [`speaking`]), else the process's.
pub fn current() -> Lang {
    if let Ok(lang) = TASK_LANG.try_with(|l| *l) {
        return lang;
    }
    match CURRENT.load(Ordering::Relaxed) {
        1 => Lang::Vi,
        _ => Lang::En,
    }
}

/// One value a message names.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Arg {
    /// An amount, formatted by the language (`1.234` / `1,234`).
    Number(f64),
    /// Text said as it is: a name, a file, a year, a row number.
    Text(String),
    /// Names said as a list in the language, each in quotes
    /// (`'A', 'B' và 'C'` / `'A', 'B' and 'C'`).
    Names(NameList),
    /// Another message, said in the same language.
    Msg(Box<Msg>),
    /// Clauses said one after another, `; ` between them.
    Clauses(Vec<Msg>),
    /// Clauses said as one sentence: capital first letter, full stop (a
    /// refused row's reason quoted inside a file's).
    Sentence(SentenceOf),
}

/// Clauses said as one sentence (see [`Arg::Sentence`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SentenceOf {
    pub sentence: Vec<Msg>,
}

/// `msgs` said as one sentence, as an argument.
pub fn sentence(msgs: Vec<Msg>) -> Arg {
    Arg::Sentence(SentenceOf { sentence: msgs })
}

/// Names said as a list (see [`Arg::Names`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NameList {
    pub names: Vec<String>,
}

impl From<&str> for Arg {
    fn from(s: &str) -> Arg {
        Arg::Text(s.to_string())
    }
}
impl From<String> for Arg {
    fn from(s: String) -> Arg {
        Arg::Text(s)
    }
}
impl From<&String> for Arg {
    fn from(s: &String) -> Arg {
        Arg::Text(s.clone())
    }
}
impl From<Vec<Msg>> for Arg {
    fn from(m: Vec<Msg>) -> Arg {
        Arg::Clauses(m)
    }
}
impl From<Msg> for Arg {
    fn from(m: Msg) -> Arg {
        Arg::Msg(Box::new(m))
    }
}
impl From<f64> for Arg {
    fn from(n: f64) -> Arg {
        Arg::Number(n)
    }
}
macro_rules! number_arg {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            fn from(n: $t) -> Arg {
                Arg::Number(n as f64)
            }
        }
    )*};
}
number_arg!(i32, i64, u32, u64, usize);

/// Names said as a quoted list in the message's language.
pub fn names<S: AsRef<str>>(names: &[S]) -> Arg {
    Arg::Names(NameList {
        names: names.iter().map(|s| s.as_ref().to_string()).collect(),
    })
}

/// A sentence (or part of one) by id, with the values it names. Said in a
/// language with [`Msg::say`]; `Display` says it in [`current`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Msg {
    pub id: String,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub args: BTreeMap<String, Arg>,
}

/// A [`Msg`]: `msg!("quantity-below-one", n = 3)`. Each argument is
/// anything `Into<Arg>` (numbers are amounts; pass a year or row number as
/// text).
#[macro_export]
macro_rules! msg {
    ($id:expr $(, $k:ident = $v:expr)* $(,)?) => {
        $crate::i18n::Msg::new($id)$(.with(stringify!($k), $v))*
    };
}

impl Msg {
    /// The message `id` with no arguments.
    pub fn new(id: impl Into<String>) -> Msg {
        Msg {
            id: id.into(),
            args: BTreeMap::new(),
        }
    }

    /// The message with the argument `name` set to `value`.
    pub fn with(mut self, name: &str, value: impl Into<Arg>) -> Msg {
        self.args.insert(name.replace('_', "-"), value.into());
        self
    }

    /// Text that is said as it is in every language: a sentence from
    /// outside baocao (a library's own words) or one not yet moved to
    /// the message files. Its id is empty.
    pub fn verbatim(text: impl Into<String>) -> Msg {
        Msg::new("").with("text", text.into())
    }

    /// The sentence in `lang`. A message missing from `lang`'s files is
    /// said in English; one missing from both is said as its id and
    /// arguments (a test keeps every id the code names in both files).
    pub fn say(&self, lang: Lang) -> String {
        if self.id.is_empty() {
            return match self.args.get("text") {
                Some(Arg::Text(t)) => t.clone(),
                _ => String::new(),
            };
        }
        let bundle = bundle(lang);
        let Some(pattern) = bundle.get_message(&self.id).and_then(|m| m.value()) else {
            if lang != Lang::En {
                return self.say(Lang::En);
            }
            return format!("{} {:?}", self.id, self.args);
        };
        let mut args = FluentArgs::new();
        for (k, v) in &self.args {
            let value = match v {
                Arg::Number(n) => FluentValue::from(*n),
                Arg::Text(s) => FluentValue::from(s.clone()),
                Arg::Names(list) => FluentValue::from(name_list(&list.names, lang)),
                Arg::Msg(m) => FluentValue::from(m.say(lang)),
                Arg::Clauses(ms) => FluentValue::from(clauses(ms, lang)),
                Arg::Sentence(s) => FluentValue::from(reason(&s.sentence, lang)),
            };
            args.set(k.clone(), value);
        }
        let mut errors = Vec::new();
        bundle
            .format_pattern(pattern, Some(&args), &mut errors)
            .into_owned()
    }

    /// The message as JSON (`{"id": ..., "args": {...}}`), as kept in
    /// `rejects.reason_args`.
    pub fn to_json(&self) -> serde_json::Value {
        serde_json::to_value(self).unwrap_or(serde_json::Value::Null)
    }
}

impl From<String> for Msg {
    fn from(text: String) -> Msg {
        Msg::verbatim(text)
    }
}

impl From<&str> for Msg {
    fn from(text: &str) -> Msg {
        Msg::verbatim(text)
    }
}

/// Messages said one after another, `; ` between them.
pub fn clauses(msgs: &[Msg], lang: Lang) -> String {
    msgs.iter()
        .map(|m| m.say(lang))
        .collect::<Vec<_>>()
        .join("; ")
}

/// A refusal's reason in `lang`: its clauses as one sentence (capital
/// first letter, full stop), as `rejects.reason` holds it.
pub fn reason(msgs: &[Msg], lang: Lang) -> String {
    crate::text::sentence(&clauses(msgs, lang))
}

/// A refusal's reason in `lang` from `rejects.reason_args` (a JSON array
/// of messages); `None` when the JSON is not one (a lake written before
/// the arguments were kept holds none).
pub fn reason_from_json(json: &str, lang: Lang) -> Option<String> {
    let msgs: Vec<Msg> = serde_json::from_str(json).ok()?;
    Some(reason(&msgs, lang))
}

impl fmt::Display for Msg {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.say(current()))
    }
}

/// The message `id` (with no arguments) in `lang`, if `lang`'s files
/// hold it; no fallback to English.
pub fn lookup(id: &str, lang: Lang) -> Option<String> {
    bundle(lang).get_message(id).and_then(|m| m.value())?;
    Some(Msg::new(id).say(lang))
}

/// The sentence of `id` with no arguments, in the process's language.
pub fn tr(id: &str) -> String {
    Msg::new(id).say(current())
}

/// Names in quotes, said as a list: `'A', 'B' và 'C'`.
fn name_list(names: &[String], lang: Lang) -> String {
    let quoted: Vec<String> = names.iter().map(|n| format!("'{n}'")).collect();
    list(&quoted, lang)
}

/// Items said as a list in `lang`: `A, B và C` / `A, B and C`.
pub fn list<S: AsRef<str>>(items: &[S], lang: Lang) -> String {
    let and = lang.t(" và ", " and ");
    match items {
        [] => String::new(),
        [one] => one.as_ref().to_string(),
        [init @ .., last] => format!(
            "{}{and}{}",
            init.iter()
                .map(|s| s.as_ref())
                .collect::<Vec<_>>()
                .join(", "),
            last.as_ref()
        ),
    }
}

/// A number as `lang` writes it: grouped thousands (`1.234` / `1,234`),
/// the decimal comma in Vietnamese (`93,3` / `93.3`), with at most
/// `max_fraction` digits after it (trailing zeros dropped).
pub fn number(n: f64, lang: Lang, max_fraction: usize) -> String {
    let (group, decimal) = match lang {
        Lang::Vi => ('.', ','),
        Lang::En => (',', '.'),
    };
    let fixed = format!("{:.*}", max_fraction, n.abs());
    let (int, frac) = fixed.split_once('.').unwrap_or((&fixed, ""));
    let frac = frac.trim_end_matches('0');
    let mut out = String::new();
    if n < 0.0 && fixed.chars().any(|c| c.is_ascii_digit() && c != '0') {
        out.push('-');
    }
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(group);
        }
        out.push(c);
    }
    if !frac.is_empty() {
        out.push(decimal);
        out.push_str(frac);
    }
    out
}

/// The number formatter of a bundle: the language's separators; the
/// message's `maximumFractionDigits` (default 1) and `useGrouping`.
fn formatter<M>(lang: Lang) -> fn(&FluentValue, &M) -> Option<String> {
    fn with(v: &FluentValue, lang: Lang) -> Option<String> {
        let FluentValue::Number(n) = v else {
            return None;
        };
        let digits = n.options.maximum_fraction_digits.unwrap_or(1);
        let mut s = number(n.value, lang, digits);
        // NUMBER($month, minimumIntegerDigits: 2): `07`
        if let Some(width) = n.options.minimum_integer_digits
            && n.value >= 0.0
        {
            let int = s.split([',', '.']).next().unwrap_or("").len();
            if int < width {
                s.insert_str(0, &"0".repeat(width - int));
            }
        }
        Some(if n.options.use_grouping {
            s
        } else {
            s.replace(lang.t(".", ","), "")
        })
    }
    match lang {
        Lang::Vi => |v, _| with(v, Lang::Vi),
        Lang::En => |v, _| with(v, Lang::En),
    }
}

/// The message files of `lang`, by file name.
pub fn files(lang: Lang) -> Vec<(&'static str, &'static str)> {
    let mut out: Vec<(&str, &str)> = LOCALES
        .get_dir(lang.code())
        .map(|d| {
            d.files()
                .filter(|f| f.path().extension().is_some_and(|e| e == "ftl"))
                .filter_map(|f| Some((f.path().file_name()?.to_str()?, f.contents_utf8()?)))
                .collect()
        })
        .unwrap_or_default();
    out.sort();
    out
}

type Bundle = FluentBundle<FluentResource>;

/// The bundle of `lang`, built once from its files.
fn bundle(lang: Lang) -> &'static Bundle {
    static VI: OnceLock<Bundle> = OnceLock::new();
    static EN: OnceLock<Bundle> = OnceLock::new();
    let cell = match lang {
        Lang::Vi => &VI,
        Lang::En => &EN,
    };
    cell.get_or_init(|| {
        let id: unic_langid::LanguageIdentifier = lang.code().parse().unwrap_or_default();
        let mut bundle = Bundle::new_concurrent(vec![id]);
        bundle.set_use_isolating(false);
        bundle.set_formatter(Some(formatter(lang)));
        // NUMBER($n, maximumFractionDigits: 2, useGrouping: "false")
        let _ = bundle.add_builtins();
        for (_, text) in files(lang) {
            // a file that does not parse keeps the messages that do (a
            // test parses every file without error)
            let resource = FluentResource::try_new(text.to_string()).unwrap_or_else(|(r, _)| r);
            bundle.add_resource_overriding(resource);
        }
        bundle
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::{BTreeSet, HashMap};

    use fluent_syntax::ast;

    #[test]
    fn numbers_are_written_as_each_language_writes_them() {
        assert_eq!(number(1234.0, Lang::Vi, 1), "1.234");
        assert_eq!(number(1234.0, Lang::En, 1), "1,234");
        assert_eq!(number(93.33, Lang::Vi, 1), "93,3");
        assert_eq!(number(93.33, Lang::En, 1), "93.3");
        assert_eq!(number(1234567.0, Lang::Vi, 0), "1.234.567");
        assert_eq!(number(-3.0, Lang::En, 1), "-3");
        assert_eq!(number(0.04, Lang::En, 1), "0");
    }

    #[test]
    fn lists_of_names_are_said_in_the_language() {
        let m = msg!("test-names", names = names(&["A", "B", "C"]));
        assert_eq!(name_list(&["A".into()], Lang::Vi), "'A'");
        assert_eq!(list(&["A", "B", "C"], Lang::Vi), "A, B và C");
        assert_eq!(list(&["A", "B"], Lang::En), "A and B");
        // a message survives the trip through JSON
        let back: Msg = serde_json::from_value(m.to_json()).unwrap();
        assert_eq!(back, m);
    }

    #[test]
    fn a_message_with_nested_message_and_numbers_round_trips_json() {
        let m = msg!("a", n = 3, year = "2023", why = msg!("b", cell = "x"));
        let json = m.to_json();
        assert_eq!(json["args"]["n"], serde_json::json!(3.0));
        assert_eq!(json["args"]["year"], serde_json::json!("2023"));
        assert_eq!(json["args"]["why"]["id"], serde_json::json!("b"));
        let back: Msg = serde_json::from_value(json).unwrap();
        assert_eq!(back, m);
    }

    #[test]
    fn lang_codes_are_read_as_people_write_them() {
        assert_eq!(Lang::from_code("vi"), Some(Lang::Vi));
        assert_eq!(Lang::from_code("vi_VN.UTF-8"), Some(Lang::Vi));
        assert_eq!(Lang::from_code("EN-us"), Some(Lang::En));
        assert_eq!(Lang::from_code("fr"), None);
    }

    /// Each message's variables, by id, from every file of `lang`.
    fn messages(lang: Lang) -> HashMap<String, BTreeSet<String>> {
        let mut out = HashMap::new();
        for (file, text) in files(lang) {
            let resource = FluentResource::try_new(text.to_string())
                .unwrap_or_else(|(_, e)| panic!("{}/{file} does not parse: {e:?}", lang.code()));
            for entry in resource.entries() {
                if let ast::Entry::Message(m) = entry {
                    let mut vars = BTreeSet::new();
                    if let Some(p) = &m.value {
                        pattern_variables(p, &mut vars);
                    }
                    let id = m.id.name.to_string();
                    assert!(
                        out.insert(id.clone(), vars).is_none(),
                        "{id} is defined twice in {}",
                        lang.code()
                    );
                }
            }
        }
        out
    }

    fn pattern_variables(p: &ast::Pattern<&str>, vars: &mut BTreeSet<String>) {
        for e in &p.elements {
            if let ast::PatternElement::Placeable { expression } = e {
                expression_variables(expression, vars);
            }
        }
    }

    fn expression_variables(e: &ast::Expression<&str>, vars: &mut BTreeSet<String>) {
        match e {
            ast::Expression::Inline(i) => inline_variables(i, vars),
            ast::Expression::Select { selector, variants } => {
                inline_variables(selector, vars);
                for v in variants {
                    pattern_variables(&v.value, vars);
                }
            }
        }
    }

    fn inline_variables(i: &ast::InlineExpression<&str>, vars: &mut BTreeSet<String>) {
        match i {
            ast::InlineExpression::VariableReference { id } => {
                vars.insert(id.name.to_string());
            }
            ast::InlineExpression::FunctionReference { arguments, .. } => {
                for a in &arguments.positional {
                    inline_variables(a, vars);
                }
            }
            ast::InlineExpression::Placeable { expression } => {
                expression_variables(expression, vars)
            }
            _ => {}
        }
    }

    #[test]
    fn the_two_message_files_hold_the_same_ids_with_the_same_arguments() {
        let vi = messages(Lang::Vi);
        let en = messages(Lang::En);
        assert!(!vi.is_empty());
        let mut wrong = Vec::new();
        for (id, vars) in &en {
            match vi.get(id) {
                None => wrong.push(format!("{id}: not in vi")),
                Some(v) if v != vars => {
                    wrong.push(format!("{id}: vi names {v:?}, en names {vars:?}"))
                }
                _ => {}
            }
        }
        for id in vi.keys().filter(|id| !en.contains_key(*id)) {
            wrong.push(format!("{id}: not in en"));
        }
        wrong.sort();
        assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    }

    #[test]
    fn the_message_files_are_named_alike_in_both_languages() {
        let names = |l| files(l).into_iter().map(|(f, _)| f).collect::<Vec<_>>();
        assert_eq!(names(Lang::Vi), names(Lang::En));
    }

    #[test]
    fn every_message_the_code_names_is_in_both_files() {
        let vi = messages(Lang::Vi);
        let en = messages(Lang::En);
        let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let re = regex::Regex::new(r#"(?:msg!\(|Msg::new\(|\btr\()\s*"([a-z0-9-]+)""#).unwrap();
        let mut missing = BTreeSet::new();
        let mut stack = vec![src];
        while let Some(dir) = stack.pop() {
            for e in std::fs::read_dir(&dir).unwrap() {
                let p = e.unwrap().path();
                if p.is_dir() {
                    stack.push(p);
                } else if p.extension().is_some_and(|x| x == "rs") && !p.ends_with("i18n.rs") {
                    let text = std::fs::read_to_string(&p).unwrap();
                    for c in re.captures_iter(&text) {
                        let id = &c[1];
                        if !vi.contains_key(id) || !en.contains_key(id) {
                            missing.insert(format!("{id} ({})", p.display()));
                        }
                    }
                }
            }
        }
        assert!(
            missing.is_empty(),
            "messages named in code but not in both files:\n{}",
            missing.iter().cloned().collect::<Vec<_>>().join("\n")
        );
    }

    #[test]
    fn vietnamese_messages_are_in_nfc() {
        use unicode_normalization::UnicodeNormalization;
        for (file, text) in files(Lang::Vi) {
            let nfc: String = text.nfc().collect();
            assert!(nfc == text, "vi/{file} is not in NFC");
        }
    }
}
