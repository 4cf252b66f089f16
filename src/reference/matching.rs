//! Matching what people write to reference codes. Forms, themes and
//! languages match a code, label or alias after folding case, diacritics and
//! spacing, exactly (`Tin` never matches `Tin bài trên Cổng TTĐT`). Unit
//! names also expand the abbreviations offices use (`UBND`, `H.`, `TT&TT`),
//! and an ambiguous name is reported, never guessed.

use std::collections::{BTreeSet, HashMap};

use super::error::ReferenceError;
use super::types::{Labelled, Subtheme, Theme, ThemeKeyword, Unit};
use crate::domain::ThemeCode;
use crate::text::{clean, fold, strip_marks_lower, words};

/// The outcome of matching a name to one record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Match<T> {
    Found(T),
    Ambiguous(Vec<T>),
    /// The name designates only units that did not exist during the period.
    Outside(Vec<T>),
    NotFound,
}

/// The outcome of inferring a theme from a title.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Inference {
    Theme(ThemeCode),
    Ambiguous(Vec<ThemeCode>),
    Unknown,
}

/// The register's names, aliases and codes by [`unit_key`], each to the
/// rows of `units` it names.
#[derive(Debug, Default)]
pub(super) struct UnitIndex {
    keys: HashMap<String, BTreeSet<usize>>,
}

impl UnitIndex {
    pub(super) fn build(units: &[Unit]) -> UnitIndex {
        let mut keys: HashMap<String, BTreeSet<usize>> = HashMap::new();
        for (i, u) in units.iter().enumerate() {
            for label in [&u.code.0, &u.name_vi].into_iter().chain(&u.aliases) {
                keys.entry(unit_key(label)).or_default().insert(i);
            }
        }
        UnitIndex { keys }
    }

    /// The rows `text` names: those of the code it spells exactly, else
    /// those whose name or alias has its key.
    pub(super) fn candidates(&self, units: &[Unit], text: &str) -> BTreeSet<usize> {
        let exact = text.trim().to_lowercase();
        let by_code: BTreeSet<usize> = units
            .iter()
            .enumerate()
            .filter(|(_, u)| u.code.0 == exact)
            .map(|(i, _)| i)
            .collect();
        if !by_code.is_empty() {
            return by_code;
        }
        remembered(&UNIT_KEYS, unit_key, text, |key| {
            self.keys.get(key).cloned().unwrap_or_default()
        })
    }
}

#[derive(Debug, Default)]
pub(super) struct Index {
    themes: HashMap<String, ThemeCode>,
    subthemes: HashMap<String, String>,
    forms: HashMap<String, String>,
    languages: HashMap<String, String>,
    keywords: Vec<(String, ThemeCode, bool)>,
}

/// The key a unit name is compared by: folded, abbreviations expanded, the
/// word `và` dropped, and a trailing `tỉnh` / `tỉnh Điện Biên` removed.
type Memo = std::cell::RefCell<HashMap<String, String>>;

thread_local! {
    static FOLDED: Memo = Memo::default();
    static UNIT_KEYS: Memo = Memo::default();
}

/// Calls `f` with `key_of(text)`, remembered per thread: every row of a
/// file repeats the same few labels (themes, forms, languages, its unit),
/// and folding Vietnamese text is the costly part of matching it.
fn remembered<R>(
    memo: &'static std::thread::LocalKey<Memo>,
    key_of: fn(&str) -> String,
    text: &str,
    f: impl FnOnce(&str) -> R,
) -> R {
    memo.with(|memo| {
        let mut memo = memo.borrow_mut();
        if memo.len() > 10_000 {
            memo.clear();
        }
        if !memo.contains_key(text) {
            memo.insert(text.to_string(), key_of(text));
        }
        f(&memo[text])
    })
}

fn folded<R>(text: &str, f: impl FnOnce(&str) -> R) -> R {
    remembered(&FOLDED, fold, text, f)
}

pub fn unit_key(name: &str) -> String {
    let lower = strip_marks_lower(&clean(name));
    let spaced: String = lower
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || ".&-".contains(c) {
                c
            } else {
                ' '
            }
        })
        .collect::<String>()
        .replace('.', ". ");
    let expanded: Vec<&str> = spaced
        .split_whitespace()
        .map(|tok| match tok {
            "ubnd" => "uy ban nhan dan",
            "h." | "h" => "huyen",
            "tx." | "tx" => "thi xa",
            "tp." | "tp" => "thanh pho",
            // the 2025 communes and wards: `UBND P. Mường Thanh`, `UBND X. Na Sang`
            "p." => "phuong",
            "x." => "xa",
            "tt&tt" | "tttt" => "thong tin truyen thong",
            "pt-th" | "ptth" | "pt&th" => "phat thanh truyen hinh",
            "vh-tt" | "vhtt" | "vh&tt" => "van hoa thong tin",
            "vh-xh" | "vhxh" | "vh&xh" => "van hoa xa hoi",
            "ldtbxh" | "ld-tb&xh" | "ldtb&xh" => "lao dong thuong binh xa hoi",
            other => other,
        })
        .collect();
    let joined = expanded.join(" ");
    let mut ws: Vec<&str> = words(&joined).into_iter().filter(|w| *w != "va").collect();
    if ws.ends_with(&["tinh", "dien", "bien"]) {
        ws.truncate(ws.len() - 3);
    } else if ws.ends_with(&["tinh"]) {
        ws.pop();
    }
    ws.join(" ")
}

fn insert_unique(
    map: &mut HashMap<String, String>,
    key: String,
    value: &str,
    file: &str,
    label: &str,
) -> Result<(), ReferenceError> {
    if key.is_empty() {
        return Ok(());
    }
    match map.get(&key) {
        Some(existing) if existing != value => Err(ReferenceError::File {
            file: file.to_string(),
            message: crate::msg!(
                "reference-label-ambiguous",
                label = label,
                existing = existing.clone(),
                value = value
            ),
        }),
        _ => {
            map.insert(key, value.to_string());
            Ok(())
        }
    }
}

/// The labels a campaign's matching index is built from.
pub(super) struct Vocabulary<'a> {
    pub themes: &'a [Theme],
    pub subthemes: &'a [Subtheme],
    pub forms: &'a [Labelled],
    pub languages: &'a [Labelled],
    pub keywords: &'a [ThemeKeyword],
}

impl Index {
    /// The index of `c`'s labels; a label that names two codes of one file
    /// is an error naming the file (`dir`).
    pub(super) fn build(c: &Vocabulary, dir: &str) -> Result<Index, ReferenceError> {
        let mut ix = Index::default();
        let themes_file = format!("{dir}/themes.csv");
        let mut themes: HashMap<String, String> = HashMap::new();
        for t in c.themes {
            for label in [&t.code.0, &t.name_vi, &t.name_en]
                .into_iter()
                .chain(&t.aliases)
            {
                insert_unique(&mut themes, fold(label), &t.code.0, &themes_file, label)?;
            }
        }
        let sub_file = format!("{dir}/subthemes.csv");
        for s in c.subthemes {
            for label in [&s.code, &s.name_vi].into_iter().chain(&s.aliases) {
                insert_unique(&mut ix.subthemes, fold(label), &s.code, &sub_file, label)?;
            }
        }
        ix.themes = themes.into_iter().map(|(k, v)| (k, ThemeCode(v))).collect();
        let forms_file = format!("{dir}/forms.csv");
        for f in c.forms {
            for label in [&f.code, &f.name_vi].into_iter().chain(&f.aliases) {
                insert_unique(&mut ix.forms, fold(label), &f.code, &forms_file, label)?;
            }
        }
        let lang_file = format!("{dir}/languages.csv");
        for l in c.languages {
            for label in [&l.code, &l.name_vi].into_iter().chain(&l.aliases) {
                insert_unique(&mut ix.languages, fold(label), &l.code, &lang_file, label)?;
            }
        }
        ix.keywords = c
            .keywords
            .iter()
            .map(|k| (fold(&k.keyword), k.theme.clone(), k.fallback))
            .collect();
        Ok(ix)
    }

    pub(super) fn theme(&self, text: &str) -> Option<(ThemeCode, Option<String>)> {
        folded(text, |key| {
            if let Some(t) = self.themes.get(key) {
                return Some((t.clone(), None));
            }
            let sub = self.subthemes.get(key)?;
            let theme = sub.split('.').next().unwrap_or_default();
            Some((ThemeCode(theme.to_string()), Some(sub.clone())))
        })
    }

    pub(super) fn subtheme(&self, text: &str) -> Option<&str> {
        folded(text, |key| self.subthemes.get(key).map(String::as_str))
    }

    pub(super) fn form(&self, text: &str) -> Option<&str> {
        folded(text, |key| self.forms.get(key).map(String::as_str))
    }

    pub(super) fn language(&self, text: &str) -> Option<&str> {
        folded(text, |key| self.languages.get(key).map(String::as_str))
    }

    /// The languages whose names stand in `text` as whole words (`Tiếng
    /// Thái trắng`, `Song ngữ Việt - Thái`).
    pub(super) fn languages_within(&self, text: &str) -> BTreeSet<String> {
        let hay = format!(" {} ", fold(text));
        self.languages
            .iter()
            .filter(|(label, _)| label.len() > 1 && hay.contains(&format!(" {label} ")))
            .map(|(_, code)| code.clone())
            .collect()
    }

    pub(super) fn infer(&self, title: &str) -> Inference {
        let hay = format!(" {} ", fold(title));
        let hits = |fallback: bool| -> BTreeSet<ThemeCode> {
            self.keywords
                .iter()
                .filter(|(kw, _, fb)| *fb == fallback && hay.contains(&format!(" {kw} ")))
                .map(|(_, t, _)| t.clone())
                .collect()
        };
        let specific = hits(false);
        match specific.len() {
            1 => {
                return Inference::Theme(
                    specific
                        .into_iter()
                        .next()
                        .unwrap_or(ThemeCode(String::new())),
                );
            }
            n if n > 1 => return Inference::Ambiguous(specific.into_iter().collect()),
            _ => {}
        }
        let general = hits(true);
        match general.len() {
            0 => Inference::Unknown,
            1 => Inference::Theme(
                general
                    .into_iter()
                    .next()
                    .unwrap_or(ThemeCode(String::new())),
            ),
            _ => Inference::Ambiguous(general.into_iter().collect()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Period, UnitCode};
    use crate::reference::Reference;

    fn code(m: Match<UnitCode>) -> String {
        match m {
            Match::Found(c) => c.0,
            other => format!("{other:?}"),
        }
    }

    #[test]
    fn unit_names_with_the_contract_abbreviations() {
        let r = Reference::bundled().unwrap();
        let c = r.campaign(2023).unwrap();
        let cases = [
            ("UBND huyện Tuần Giáo", "ubnd-h-tuan-giao"),
            ("UBND H.Tuần Giáo", "ubnd-h-tuan-giao"),
            ("ủy ban nhân dân HUYỆN tuần giáo", "ubnd-h-tuan-giao"),
            ("UBND TP. Điện Biên Phủ", "ubnd-tp-dien-bien-phu"),
            ("UBND TX. Mường Lay", "ubnd-tx-muong-lay"),
            ("Sở TT&TT", "so-tttt"),
            ("Sở Thông tin và Truyền thông tỉnh Điện Biên", "so-tttt"),
            ("Đài PT-TH tỉnh", "dai-ptth-dien-bien"),
            ("Đài PTTH tỉnh Điện Biên", "dai-ptth-dien-bien"),
            ("Phòng VH-TT huyện Mường Chà", "pvhtt-muong-cha"),
            ("Phòng Văn hóa - Thông tin H. Nậm Pồ", "pvhtt-nam-po"),
            ("Sở LĐTBXH", "so-ldtbxh"),
            ("Sở Lao động - Thương binh và Xã hội tỉnh", "so-ldtbxh"),
            ("Công an tỉnh Điện Biên", "cong-an-tinh"),
            ("  PVHTT-TUAN-GIAO ", "pvhtt-tuan-giao"),
            ("Báo Điện Biên Phủ", "bao-dien-bien-phu"),
        ];
        for (name, want) in cases {
            assert_eq!(code(c.match_unit(name, Period::Year(2023))), want, "{name}");
        }
        assert_eq!(
            c.match_unit("Phòng VH-TT", Period::Year(2023)),
            Match::NotFound
        );
        assert_eq!(
            c.match_unit("Sở Du lịch", Period::Year(2023)),
            Match::NotFound
        );
    }

    #[test]
    fn an_alias_shared_by_two_units_is_ambiguous_not_guessed() {
        let dir = tempfile::tempdir().unwrap();
        let year = dir.path().join("2023");
        std::fs::create_dir(&year).unwrap();
        let bundled = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/reference");
        for f in crate::reference::CAMPAIGN_FILES {
            std::fs::copy(bundled.join("2023").join(f), year.join(f)).unwrap();
        }
        // a campaign folder with its own units.csv, as before the register
        std::fs::copy(bundled.join("units.csv"), year.join("units.csv")).unwrap();
        let units = std::fs::read_to_string(year.join("units.csv")).unwrap();
        let units = units
            .replace(
                "Sở Nội vụ,department,,2023-01-01,,",
                "Sở Nội vụ,department,,2023-01-01,,Sở NV",
            )
            .replace(
                "Sở Ngoại vụ,department,,2023-01-01,,",
                "Sở Ngoại vụ,department,,2023-01-01,,Sở NV",
            );
        std::fs::write(year.join("units.csv"), units).unwrap();
        let r = Reference::from_dir(dir.path()).unwrap();
        let c = r.campaign(2023).unwrap();
        assert_eq!(
            c.match_unit("Sở NV", Period::Year(2023)),
            Match::Ambiguous(vec![
                UnitCode("so-noi-vu".into()),
                UnitCode("so-ngoai-vu".into())
            ])
        );
    }

    #[test]
    fn forms_match_exactly_after_folding() {
        let r = Reference::bundled().unwrap();
        let c = r.campaign(2023).unwrap();
        assert_eq!(c.match_form("Tin"), Some("news"));
        assert_eq!(c.match_form("  tin   TỨC "), Some("news"));
        assert_eq!(c.match_form("Tin bài trên Cổng TTĐT"), Some("portal_post"));
        assert_eq!(
            c.match_form("Tin bài trên Cổng/Trang TTĐT"),
            Some("portal_post")
        );
        assert_eq!(c.match_form("PHONG SU"), Some("reportage"));
        assert_eq!(c.match_form("Tin bài"), None);
        assert_eq!(c.match_form("Video"), None);
    }

    #[test]
    fn themes_by_code_label_alias_and_subtheme() {
        let r = Reference::bundled().unwrap();
        let c = r.campaign(2023).unwrap();
        let t = |s: &str| c.match_theme(s).map(|(t, sub)| (t.0, sub));
        assert_eq!(t("trafficking"), Some(("trafficking".into(), None)));
        assert_eq!(
            t("PHÒNG, CHỐNG MUA BÁN NGƯỜI"),
            Some(("trafficking".into(), None))
        );
        assert_eq!(
            t("quyen tu do tin nguong, ton giao"),
            Some(("religion".into(), None))
        );
        assert_eq!(
            t("labour.overseas"),
            Some(("labour".into(), Some("labour.overseas".into())))
        );
        assert_eq!(t("Bình đẳng giới"), None);
    }

    #[test]
    fn keyword_inference_prefers_specific_and_refuses_two() {
        let r = Reference::bundled().unwrap();
        let c = r.campaign(2023).unwrap();
        let th = |s: &str| Inference::Theme(ThemeCode(s.into()));
        assert_eq!(
            c.infer_theme("Tuyên truyền phòng, chống MUA BÁN NGƯỜI"),
            th("trafficking")
        );
        assert_eq!(
            c.infer_theme("Quyền con người và đạo Tin Lành"),
            th("religion")
        );
        assert_eq!(
            c.infer_theme("Kỷ niệm 75 năm Tuyên ngôn nhân quyền"),
            th("general")
        );
        assert_eq!(
            c.infer_theme("Việt Nam tại Hội đồng Nhân quyền"),
            th("commitments")
        );
        assert_eq!(
            c.infer_theme("Người lao động dân tộc thiểu số"),
            Inference::Ambiguous(vec![ThemeCode("ethnic".into()), ThemeCode("labour".into())])
        );
        assert_eq!(c.infer_theme("Hội thi văn nghệ"), Inference::Unknown);
    }
}
