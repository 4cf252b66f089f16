//! Text handling shared by every stage: NFC clean-up of what is stored, and
//! the "folded" form used only for matching (no case, no diacritics, no
//! punctuation, single spaces), so `Hình thức`, `HINH THUC` and `hinh  thuc`
//! name the same column. Unicode work is done by `unicode-normalization`.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// What is stored: Unicode NFC, whitespace (including no-break spaces and
/// line breaks) collapsed to single spaces, trimmed, invisible characters
/// (zero-width spaces and joiners, soft hyphens, a stray byte-order mark)
/// removed and look-alike letters replaced (`Ð` U+00D0, the Icelandic eth
/// that Vietnamese keyboards and fonts confuse with `Đ` U+0110).
pub fn clean(s: &str) -> String {
    let s = look_alikes(s);
    // Most cells are already NFC: check (cheap) before rebuilding.
    if unicode_normalization::is_nfc_quick(s.chars()) == unicode_normalization::IsNormalized::Yes {
        collapse_spaces(&s)
    } else {
        collapse_spaces(&s.nfc().collect::<String>())
    }
}

/// Characters that show as nothing: a cell holding one matches nothing.
fn invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{AD}'
    )
}

/// `s` with invisible characters removed and look-alike letters replaced
/// by the Vietnamese letters they stand for.
pub fn look_alikes(s: &str) -> std::borrow::Cow<'_, str> {
    if s.is_ascii()
        || !s
            .chars()
            .any(|c| invisible(c) || matches!(c, 'Ð' | 'ð' | 'Ɖ'))
    {
        return std::borrow::Cow::Borrowed(s);
    }
    std::borrow::Cow::Owned(
        s.chars()
            .filter(|c| !invisible(*c))
            .map(|c| match c {
                'Ð' | 'Ɖ' => 'Đ',
                'ð' => 'đ',
                other => other,
            })
            .collect(),
    )
}

/// Whitespace (including no-break spaces and line breaks) collapsed to
/// single spaces, trimmed; for text already in NFC (a decoded file is
/// normalised whole, once).
pub fn collapse_spaces(s: &str) -> String {
    // one pass to see whether anything needs doing (it rarely does)
    let mut after_space = true;
    let mut tidy = true;
    for c in s.chars() {
        if c == ' ' {
            if after_space {
                tidy = false;
                break;
            }
            after_space = true;
        } else if c.is_whitespace() {
            tidy = false;
            break;
        } else {
            after_space = false;
        }
    }
    if tidy && (!after_space || s.is_empty()) {
        return s.to_string();
    }
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Lower case without diacritics; `đ` becomes `d`. Punctuation is kept.
pub fn strip_marks_lower(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    look_alikes(s)
        .nfd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .map(|c| if c == 'đ' { 'd' } else { c })
        .collect()
}

/// The matching key: no case, no diacritics, punctuation as spaces, single
/// spaces. `Tin bài trên Cổng/Trang TTĐT` → `tin bai tren cong trang ttdt`.
pub fn fold(s: &str) -> String {
    words(&strip_marks_lower(s)).join(" ")
}

/// Alphanumeric runs of an already lower-cased, mark-free string.
pub fn words(s: &str) -> Vec<&str> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect()
}

/// A whole number with its thousands grouped by `sep`: `1.234.567`
/// (Vietnamese) or `1,234,567` (English).
pub fn group_thousands(n: i64, sep: char) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if n < 0 {
        out.push('-');
    }
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

/// A reason as a sentence a person reads: capital first letter, one full stop.
pub fn sentence(s: &str) -> String {
    let s = s.trim().trim_end_matches('.');
    let mut c = s.chars();
    let first: String = c
        .next()
        .map(|f| f.to_uppercase().collect())
        .unwrap_or_default();
    format!("{first}{}.", c.as_str())
}

/// The name of `known` a person most likely meant by `typed` ("did you
/// mean"): compared without case or diacritics (`coverage_by_them`,
/// `Mương Nhé` for `Mường Nhé`), by normalised Damerau-Levenshtein
/// similarity, the best one of at least 0.7, or one that starts with or
/// contains what was typed when that is a single name; none otherwise.
pub fn did_you_mean<'a>(typed: &str, known: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let typed = strip_marks_lower(typed.trim());
    if typed.is_empty() {
        return None;
    }
    let known: Vec<&str> = known.into_iter().collect();
    let mut best: Option<(f64, &str)> = None;
    for name in &known {
        let score = strsim::normalized_damerau_levenshtein(&typed, &strip_marks_lower(name));
        if score >= 0.7 && best.is_none_or(|(b, _)| score > b) {
            best = Some((score, name));
        }
    }
    if let Some((_, name)) = best {
        return Some(name);
    }
    let mut holding = known
        .iter()
        .filter(|name| typed.len() >= 3 && strip_marks_lower(name).contains(&typed));
    match (holding.next(), holding.next()) {
        (Some(name), None) => Some(name),
        _ => None,
    }
}

/// The English plural ending for a count: `""` for 1, `"s"` otherwise
/// (`1 row`, `3 rows`), as the messages put it.
pub fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// Re-encode NFC text the way a Vietnamese Windows keyboard stores it
/// (base letter with its vowel mark precomposed, tone as a combining mark),
/// which is what Windows-1258 can hold. Used by the sample generator to write
/// realistic legacy files; the reader undoes it with [`clean`].
pub fn to_windows_1258_form(s: &str) -> String {
    const TONES: [char; 5] = ['\u{300}', '\u{301}', '\u{303}', '\u{309}', '\u{323}'];
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        let decomposed: Vec<char> = std::iter::once(c).nfd().collect();
        let (tones, rest): (Vec<char>, Vec<char>) =
            decomposed.into_iter().partition(|m| TONES.contains(m));
        out.extend(rest.into_iter().nfc());
        out.extend(tones);
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn did_you_mean_names_the_nearest_known_name() {
        let tables = [
            "activities",
            "activities_all",
            "submissions",
            "rejects",
            "reporting_status",
        ];
        assert_eq!(super::did_you_mean("activites", tables), Some("activities"));
        assert_eq!(super::did_you_mean("REJECT", tables), Some("rejects"));
        assert_eq!(
            super::did_you_mean("status", tables),
            Some("reporting_status")
        );
        assert_eq!(super::did_you_mean("weather", tables), None);
        let units = ["Mường Nhé", "Mường Chà", "Mường Ảng"];
        assert_eq!(super::did_you_mean("Muong Nhe", units), Some("Mường Nhé"));
        assert_eq!(super::did_you_mean("muong", units), None);
    }

    use super::*;

    #[test]
    fn clean_collapses_spaces_and_composes() {
        assert_eq!(clean("Tin bài"), "Tin bài");
        assert_eq!(clean("  Tin \u{a0} bài\n"), "Tin bài");
        assert_eq!(clean("Tin  bài"), "Tin bài");
        // decomposed (as Windows-1258 files store tones) becomes NFC
        assert_eq!(clean("Vie\u{302}\u{323}t"), "Việt");
        assert_eq!(clean(""), "");
        assert_eq!(clean(" "), "");
    }

    #[test]
    fn look_alikes_and_invisible_characters_before_matching() {
        // Ð (U+00D0) for Đ (U+0110), a zero-width space, a no-break space
        assert_eq!(clean("\u{D0}iện\u{A0}Biên\u{200B}"), "Điện Biên");
        assert_eq!(clean("\u{F0}ài"), "đài");
        assert_eq!(clean("Hình\u{200D} thức\u{FEFF}"), "Hình thức");
        assert_eq!(fold("\u{D0}ÀI PT\u{AD}TH"), "dai ptth");
        assert_eq!(fold("Hình\u{200B}\u{A0}thức"), "hinh thuc");
        assert_eq!(clean("Tin bài"), "Tin bài");
    }

    #[test]
    fn fold_removes_case_diacritics_and_punctuation() {
        assert_eq!(fold("  Hình   THỨC "), "hinh thuc");
        assert_eq!(
            fold("Tin bài trên Cổng/Trang TTĐT"),
            "tin bai tren cong trang ttdt"
        );
        assert_eq!(fold("Thời lượng (phút)"), "thoi luong phut");
        assert_eq!(fold("Đường dẫn"), "duong dan");
    }

    #[test]
    fn clean_composes_to_nfc_and_collapses_space() {
        // "Việt" written with a combining dot below and circumflex
        let decomposed = "Vie\u{302}\u{323}t\u{a0}\u{a0}Nam\n";
        assert_eq!(clean(decomposed), "Việt Nam");
        assert_eq!(clean(decomposed).chars().count(), 8);
    }

    #[test]
    fn thousands_grouping() {
        assert_eq!(group_thousands(1234, '.'), "1.234");
        assert_eq!(group_thousands(12_345_678, ','), "12,345,678");
        assert_eq!(group_thousands(999, '.'), "999");
        assert_eq!(group_thousands(-1500, '.'), "-1.500");
    }

    #[test]
    fn reasons_become_sentences() {
        assert_eq!(sentence("the form is missing"), "The form is missing.");
        assert_eq!(sentence("Đơn vị không rõ."), "Đơn vị không rõ.");
        assert_eq!(sentence("ngày sai"), "Ngày sai.");
    }

    #[test]
    fn windows_1258_form_keeps_vowel_marks_and_splits_tones() {
        let s = to_windows_1258_form("Việt");
        assert_eq!(s, "Vi\u{ea}\u{323}t");
        assert_eq!(clean(&s), "Việt");
    }
}
