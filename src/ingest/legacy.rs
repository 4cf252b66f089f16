//! Vietnamese typed in the legacy 8-bit encodings: TCVN3 (ABC, the `.VnTime`
//! fonts) and VNI-Windows. In a Unicode workbook such text shows as Latin-1
//! letters and symbols (`C¶nh gi¸c` for `Cảnh giác`); in a CSV it is bytes
//! that are not UTF-8. The character tables are `bamboo-core`'s (checked
//! against glibc's `iconv -f TCVN5712-1` in the tests); this module decides
//! *whether* a text is legacy-encoded: only when its words are not
//! Vietnamese as they stand and become Vietnamese syllables once converted,
//! so an English title or a Latin-1 name (`Café`, `Müller`, `®`) is never
//! touched.

use std::collections::BTreeMap;

use bamboo_core::{Charset, decode_charset};
use unicode_normalization::UnicodeNormalization;

/// A legacy Vietnamese encoding.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Legacy {
    /// TCVN 5712:1993 VN3, the ABC fonts (`.VnTime`, `.VnArial`).
    Tcvn3,
    /// VNI-Windows (the `VNI-Times` fonts).
    Vni,
}

impl Legacy {
    pub fn name(self) -> &'static str {
        match self {
            Legacy::Tcvn3 => "TCVN3 (ABC)",
            Legacy::Vni => "VNI-Windows",
        }
    }

    /// Bytes' worth of text (each char one byte, as Latin-1 reads them)
    /// converted to Unicode (NFC), with TCVN3's full table (VN1: capitals
    /// with tones at codes the ABC set leaves free).
    pub fn decode(self, text: &str) -> String {
        self.decode_with(text, true)
    }

    /// A cell's text typed in the encoding, converted: TCVN3 by the ABC
    /// (VN3) set only, which is what a `.VnTime` font types (a Latin-1
    /// letter VN3 has no code for, like `à`, was typed as Unicode and
    /// stays as it is).
    pub fn decode_cell(self, text: &str) -> String {
        self.decode_with(text, false)
    }

    fn decode_with(self, text: &str, vn1: bool) -> String {
        let decoded = match self {
            Legacy::Tcvn3 if vn1 => {
                // the VN1 capitals where VN3 has none, the rest by the table
                let mut out = String::with_capacity(text.len() * 2);
                let mut run_start = 0;
                for (i, c) in text.char_indices() {
                    if let Some(capital) = vn1_capital(c) {
                        out.push_str(&decode_charset(Charset::Tcvn3, &text[run_start..i]));
                        out.push(capital);
                        run_start = i + c.len_utf8();
                    }
                }
                out.push_str(&decode_charset(Charset::Tcvn3, &text[run_start..]));
                out
            }
            Legacy::Tcvn3 => decode_charset(Charset::Tcvn3, text).into_owned(),
            Legacy::Vni => decode_charset(Charset::VniWindows, text).into_owned(),
        };
        if self == Legacy::Vni {
            // VNI has codes of its own for capitals
            return decoded.nfc().collect();
        }
        if capitals(text) {
            return decoded.to_uppercase().nfc().collect();
        }
        let mut out = String::with_capacity(decoded.len());
        for (i, (typed, word)) in text.split(' ').zip(decoded.split(' ')).enumerate() {
            if i > 0 {
                out.push(' ');
            }
            if capitals(typed) {
                out.extend(word.chars().flat_map(char::to_uppercase));
            } else {
                out.push_str(word);
            }
        }
        out.nfc().collect()
    }
}

/// The plain letters as typed tell what a TCVN3 capitals font showed: a
/// text typed all in capitals, or a word of two capitals or more (`B¸O`);
/// one capital alone starts a name (`Lß` is Lò).
fn capitals(typed: &str) -> bool {
    let letters: Vec<char> = typed.chars().filter(char::is_ascii_alphabetic).collect();
    letters.len() >= 2 && letters.iter().all(char::is_ascii_uppercase)
}

/// TCVN3's capitals with tone marks, which the full standard (VN1) puts at
/// codes the ABC set leaves to control characters and Latin-1 symbols;
/// `bamboo-core` holds VN3 only. The codes are glibc's `TCVN5712-1` table.
fn vn1_capital(c: char) -> Option<char> {
    Some(match c {
        '\u{01}' => 'Ú',
        '\u{02}' => 'Ụ',
        '\u{04}' => 'Ừ',
        '\u{05}' => 'Ử',
        '\u{06}' => 'Ữ',
        '\u{11}' => 'Ứ',
        '\u{12}' => 'Ự',
        '\u{13}' => 'Ỳ',
        '\u{14}' => 'Ỷ',
        '\u{15}' => 'Ỹ',
        '\u{16}' => 'Ý',
        '\u{17}' => 'Ỵ',
        '\u{80}' => 'À',
        '\u{81}' => 'Ả',
        '\u{82}' => 'Ã',
        '\u{83}' => 'Á',
        '\u{84}' => 'Ạ',
        '\u{85}' => 'Ặ',
        '\u{86}' => 'Ậ',
        '\u{87}' => 'È',
        '\u{88}' => 'Ẻ',
        '\u{89}' => 'Ẽ',
        '\u{8A}' => 'É',
        '\u{8B}' => 'Ẹ',
        '\u{8C}' => 'Ệ',
        '\u{8D}' => 'Ì',
        '\u{8E}' => 'Ỉ',
        '\u{8F}' => 'Ĩ',
        '\u{90}' => 'Í',
        '\u{91}' => 'Ị',
        '\u{92}' => 'Ò',
        '\u{93}' => 'Ỏ',
        '\u{94}' => 'Õ',
        '\u{95}' => 'Ó',
        '\u{96}' => 'Ọ',
        '\u{97}' => 'Ộ',
        '\u{98}' => 'Ờ',
        '\u{99}' => 'Ở',
        '\u{9A}' => 'Ỡ',
        '\u{9B}' => 'Ớ',
        '\u{9C}' => 'Ợ',
        '\u{9D}' => 'Ù',
        '\u{9E}' => 'Ủ',
        '\u{9F}' => 'Ũ',
        '\u{AF}' => 'Ằ',
        '\u{BA}' => 'Ẳ',
        '\u{BF}' => 'Ẵ',
        '\u{C0}' => 'Ắ',
        '\u{C1}' => 'Ầ',
        '\u{C2}' => 'Ẩ',
        '\u{C3}' => 'Ẫ',
        '\u{C4}' => 'Ấ',
        '\u{C5}' => 'Ề',
        '\u{CD}' => 'Ể',
        '\u{D9}' => 'Ễ',
        '\u{DA}' => 'Ế',
        '\u{DB}' => 'Ồ',
        '\u{E0}' => 'Ổ',
        '\u{F0}' => 'Ỗ',
        '\u{FF}' => 'Ố',
        _ => return None,
    })
}

/// How Vietnamese a text reads: its words with letters beyond ASCII, and
/// how many of those are Vietnamese syllables.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Reading {
    words: usize,
    valid: usize,
    /// Words with a character that is not a letter (`¸`, `®`): no Latin
    /// script word has one.
    symbols: usize,
}

fn reading(text: &str) -> Reading {
    let mut r = Reading::default();
    for word in
        text.split(|c: char| c.is_whitespace() || (c.is_ascii() && !c.is_ascii_alphanumeric()))
    {
        if word.is_ascii() {
            continue;
        }
        r.words += 1;
        if word.chars().any(|c| !c.is_alphanumeric()) {
            r.symbols += 1;
        }
        if is_syllable(word) {
            r.valid += 1;
        }
    }
    r
}

/// What a text is, as far as legacy encodings go.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// Unicode (or ASCII, or another language): left as it is.
    Unicode,
    /// Typed in a legacy encoding: this is the Unicode text.
    Converted(Legacy, String),
    /// Looks typed in a legacy encoding, but a quarter or more of its words
    /// do not become Vietnamese: neither reading can be trusted.
    Unconvertible(Legacy),
}

/// A word of Vietnamese as it stands: every syllable valid, and no capital
/// after a small letter (`truyÒn`, `huÊn` are TCVN3 codes, not words).
fn is_word(w: &str) -> bool {
    let r = reading(w);
    let mut previous_small = false;
    for c in w.chars() {
        if c.is_uppercase() && previous_small {
            return false;
        }
        previous_small = c.is_lowercase();
    }
    r.words > 0 && r.valid == r.words
}

/// A word of Latin-1 letters and symbols beyond ASCII: what a legacy font
/// types.
fn latin(w: &str) -> bool {
    !w.is_ascii() && w.chars().all(|c| c as u32 <= 0xFF)
}

/// A plain vowel followed by a Latin-1 mark, the shape of VNI (`eâ`, `aø`).
fn vni_pair(w: &str) -> bool {
    let mut after_vowel = false;
    for c in w.chars() {
        if after_vowel && ('\u{C0}'..='\u{FF}').contains(&c) {
            return true;
        }
        after_vowel = matches!(
            c,
            'a' | 'e' | 'i' | 'o' | 'u' | 'y' | 'A' | 'E' | 'I' | 'O' | 'U' | 'Y'
        );
    }
    false
}

/// Whether `text` (one cell) was typed in a legacy encoding, and its
/// Unicode form if so. Its words are judged one by one: a word that is not
/// Vietnamese as it stands and becomes Vietnamese once converted is
/// legacy-typed; the encoding that converts most of them is the cell's.
/// The cell is converted when two in three such words convert. A cell is
/// typed in one encoding: in a cell with no Unicode letters beyond
/// Latin-1, every word that becomes Vietnamese is converted, those that
/// are Vietnamese both ways too (`Nhõ` is `Nhừ`, `Pó` is `Pú`); only a word
/// that converts to nothing Vietnamese (`Café`, `José`) is left as it is.
/// In a Unicode cell with legacy words pasted into it, the words that are
/// Vietnamese as they stand were typed in Unicode and stay.
pub fn detect(text: &str) -> Verdict {
    if text.is_ascii() {
        return Verdict::Unicode;
    }
    thread_local! {
        static VERDICTS: crate::memo::Cache<Verdict> = Default::default();
    }
    crate::memo::cached(&VERDICTS, text, || detect_text(text))
}

/// [`detect`], computed.
fn detect_text(text: &str) -> Verdict {
    // Unicode Vietnamese has letters beyond Latin-1 (ơ, ư, đ, ạ, ...): such a
    // cell is read again only with a trace of a legacy encoding in it
    let mixed = text.chars().any(|c| c as u32 > 0xFF);
    if mixed && !text.chars().any(legacy_marker) && !vni_pair(text) {
        return Verdict::Unicode;
    }
    let tokens: Vec<&str> = text.split_whitespace().collect();
    let suspects: Vec<&str> = tokens
        .iter()
        .copied()
        .filter(|w| latin(w) && !is_word(w))
        .collect();
    if suspects.is_empty() {
        return Verdict::Unicode;
    }
    // a character no word has: `¸`, `®`, a soft hyphen, a superscript `¹`
    let symbols = suspects
        .iter()
        .any(|w| w.chars().any(|c| !c.is_ascii() && !c.is_alphabetic()));
    let Some((legacy, converted)) = [Legacy::Tcvn3, Legacy::Vni]
        .into_iter()
        .map(|l| {
            (
                l,
                suspects
                    .iter()
                    .filter(|w| is_word(&l.decode_cell(w)))
                    .count(),
            )
        })
        .max_by_key(|(_, n)| *n)
        .filter(|(_, n)| *n > 0)
    else {
        return Verdict::Unicode;
    };
    let valid_latin = tokens.iter().filter(|w| latin(w) && is_word(w)).count();
    if !mixed && valid_latin * 2 >= valid_latin + suspects.len() && !symbols && converted < 2 {
        // half its words are Vietnamese as they stand and one odd word
        // (`½ tháng`): Unicode that needs nothing beyond Latin-1
        return Verdict::Unicode;
    }
    // two in three such words convert (the others, a foreign name, stay)
    let clean = (suspects.len() - converted) * 3 <= suspects.len();
    let enough = converted >= 2
        || symbols
        || (legacy == Legacy::Vni && suspects.iter().any(|w| vni_pair(w)));
    if clean && enough {
        Verdict::Converted(legacy, convert_words(text, legacy, mixed))
    } else if symbols && converted >= 2 && converted * 2 >= suspects.len() {
        Verdict::Unconvertible(legacy)
    } else {
        Verdict::Unicode
    }
}

/// A legacy-typed cell converted (see [`detect`]): whole when it is typed
/// in one encoding (`mixed` false), word by word when legacy words were
/// pasted into a Unicode cell.
fn convert_words(text: &str, legacy: Legacy, mixed: bool) -> String {
    // a cell typed all in capitals (`B¸O C¸O`) reads all in capitals
    let all_capitals = legacy == Legacy::Tcvn3 && capitals(text);
    let mut out = String::with_capacity(text.len() + 8);
    for piece in text.split_inclusive(char::is_whitespace) {
        let word = piece.trim_end();
        let space = &piece[word.len()..];
        let decoded = {
            let d = legacy.decode_cell(word);
            if all_capitals { d.to_uppercase() } else { d }
        };
        // in a cell typed partly in Unicode, a word that is Vietnamese as
        // it stands was typed in Unicode too
        let take =
            latin(word) && decoded != word && is_word(&decoded) && (!mixed || !is_word(word));
        out.push_str(if take { &decoded } else { word });
        out.push_str(space);
    }
    out.nfc().collect()
}

/// The encoding a whole workbook's text is typed in, when its text cells
/// (an Excel 5.0/95 workbook's, read in its code page) are mostly
/// Vietnamese typed in a legacy font: then every cell of it is that
/// encoding, the short ones too that no cell alone would prove (`Pó`).
pub(crate) fn detect_book<'t>(texts: impl Iterator<Item = &'t str>) -> Option<Legacy> {
    let mut counts: BTreeMap<Legacy, usize> = BTreeMap::new();
    let mut judged = 0usize;
    for t in texts.filter(|t| !t.is_ascii() && t.chars().all(|c| c as u32 <= 0xFF)) {
        judged += 1;
        if let Verdict::Converted(l, _) = detect(t) {
            *counts.entry(l).or_default() += 1;
        }
    }
    let (legacy, n) = counts.into_iter().max_by_key(|(_, n)| *n)?;
    (n >= 2 && n * 2 >= judged).then_some(legacy)
}

/// A cell of a workbook typed in `legacy` (see [`detect_book`]): its
/// Latin-1 words that become Vietnamese, converted; none when nothing
/// converts.
pub(crate) fn convert_in_book(text: &str, legacy: Legacy) -> Option<String> {
    if text.is_ascii() || text.chars().any(|c| c as u32 > 0xFF) {
        return None;
    }
    let converted = convert_words(text, legacy, false);
    (converted != text).then_some(converted)
}

/// A Latin-1 character that is not a letter of Vietnamese (nor a no-break
/// space): in a Unicode cell, the trace of a legacy encoding.
fn legacy_marker(c: char) -> bool {
    ('\u{80}'..='\u{FF}').contains(&c)
        && !matches!(
            c,
            '\u{A0}'
                | 'à'
                | 'á'
                | 'â'
                | 'ã'
                | 'è'
                | 'é'
                | 'ê'
                | 'ì'
                | 'í'
                | 'ò'
                | 'ó'
                | 'ô'
                | 'õ'
                | 'ù'
                | 'ú'
                | 'ý'
                | 'À'
                | 'Á'
                | 'Â'
                | 'Ã'
                | 'È'
                | 'É'
                | 'Ê'
                | 'Ì'
                | 'Í'
                | 'Ò'
                | 'Ó'
                | 'Ô'
                | 'Õ'
                | 'Ù'
                | 'Ú'
                | 'Ý'
        )
}

/// Which encoding bytes that are not UTF-8 are in: Windows-1258 (what Excel
/// writes as CSV on a Vietnamese Windows) unless TCVN3 or VNI makes more of
/// the words Vietnamese.
pub(super) fn detect_bytes(bytes: &[u8]) -> Option<Legacy> {
    let sample = &bytes[..bytes.len().min(64 * 1024)];
    let (cp1258, _, _) = encoding_rs::WINDOWS_1258.decode(sample);
    let cp1258: String = cp1258.nfc().collect();
    let latin1: String = sample.iter().map(|&b| b as char).collect();
    let base = reading(&cp1258).valid;
    [Legacy::Tcvn3, Legacy::Vni]
        .into_iter()
        .map(|l| (l, reading(&l.decode(&latin1)).valid))
        .filter(|(_, valid)| *valid > base)
        .max_by_key(|(_, valid)| *valid)
        .map(|(l, _)| l)
}

/// Bytes in a legacy encoding as Unicode text.
pub(super) fn decode_bytes(legacy: Legacy, bytes: &[u8]) -> String {
    let latin1: String = bytes.iter().map(|&b| b as char).collect();
    legacy.decode(&latin1)
}

const TONES: [char; 5] = ['\u{300}', '\u{301}', '\u{303}', '\u{309}', '\u{323}'];

/// Initial consonants, longest first.
const INITIALS: [&str; 27] = [
    "ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr", "b", "c", "d", "đ", "g",
    "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x",
];

/// Vowel groups (with their glides) and whether they must, may or must not
/// take a final consonant.
const NUCLEI: &[(&str, Final)] = &[
    ("a", Final::May),
    ("ă", Final::Must),
    ("â", Final::Must),
    ("e", Final::May),
    ("ê", Final::May),
    ("i", Final::May),
    ("o", Final::May),
    ("ô", Final::May),
    ("ơ", Final::May),
    ("u", Final::May),
    ("ư", Final::May),
    ("y", Final::May),
    ("ai", Final::Never),
    ("ao", Final::Never),
    ("au", Final::Never),
    ("ay", Final::Never),
    ("âu", Final::Never),
    ("ây", Final::Never),
    ("eo", Final::Never),
    ("êu", Final::Never),
    ("ia", Final::Never),
    ("iê", Final::Must),
    ("iu", Final::Never),
    ("oa", Final::May),
    ("oă", Final::Must),
    ("oe", Final::May),
    ("oi", Final::Never),
    ("oo", Final::Must),
    ("ôi", Final::Never),
    ("ơi", Final::Never),
    ("ua", Final::Never),
    ("uâ", Final::Must),
    ("uê", Final::May),
    ("ui", Final::Never),
    ("uô", Final::Must),
    ("uơ", Final::Never),
    ("uy", Final::May),
    ("ưa", Final::Never),
    ("ưi", Final::Never),
    ("ươ", Final::Must),
    ("ưu", Final::Never),
    ("yê", Final::Must),
    ("iêu", Final::Never),
    ("oai", Final::Never),
    ("oao", Final::Never),
    ("oay", Final::Never),
    ("oeo", Final::Never),
    ("uây", Final::Never),
    ("uôi", Final::Never),
    ("ươi", Final::Never),
    ("ươu", Final::Never),
    ("uya", Final::Never),
    ("uyê", Final::Must),
    ("uyu", Final::Never),
    ("yêu", Final::Never),
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Final {
    Must,
    May,
    Never,
}

const FINALS: [&str; 8] = ["ch", "ng", "nh", "c", "m", "n", "p", "t"];

/// True when `word` is one Vietnamese syllable: an initial consonant (or
/// none), a vowel group, a final consonant (or none) and at most one tone
/// mark, with the spelling rules that tell Vietnamese from other Latin
/// script (`k` and `gh` only before `i e ê y`; after `c ch p t` only the
/// sắc and nặng tones).
pub(super) fn is_syllable(word: &str) -> bool {
    // a language has a few thousand syllables: each distinct word is
    // spelled out once per thread
    thread_local! {
        static SYLLABLES: crate::memo::Cache<bool> = Default::default();
    }
    crate::memo::cached(&SYLLABLES, word, || spelled_as_syllable(word))
}

/// [`is_syllable`], computed.
fn spelled_as_syllable(word: &str) -> bool {
    let mut tone = None;
    let mut bare = String::with_capacity(word.len());
    for c in word
        .chars()
        .flat_map(char::to_lowercase)
        .collect::<String>()
        .nfd()
    {
        if TONES.contains(&c) {
            if tone.replace(c).is_some() {
                return false;
            }
        } else {
            bare.push(c);
        }
    }
    let bare: String = bare.nfc().collect();
    if bare.is_empty()
        || !bare
            .chars()
            .all(|c| matches!(c, 'a'..='z' | 'đ' | 'ă' | 'â' | 'ê' | 'ô' | 'ơ' | 'ư'))
        || bare.contains(['f', 'j', 'w', 'z'])
    {
        return false;
    }
    // `gì`, `gìn`: g before i, which `rhyme_fits` allows
    INITIALS
        .iter()
        .copied()
        .filter(|i| bare.starts_with(i))
        .chain(std::iter::once(""))
        .any(|initial| rhyme_fits(initial, &bare[initial.len()..], tone))
}

fn is_vowel(c: char) -> bool {
    matches!(
        c,
        'a' | 'ă' | 'â' | 'e' | 'ê' | 'i' | 'o' | 'ô' | 'ơ' | 'u' | 'ư' | 'y'
    )
}

fn rhyme_fits(initial: &str, rhyme: &str, tone: Option<char>) -> bool {
    let vowels_end = rhyme.find(|c: char| !is_vowel(c)).unwrap_or(rhyme.len());
    let (nucleus, last) = rhyme.split_at(vowels_end);
    let Some((_, rule)) = NUCLEI.iter().find(|(n, _)| *n == nucleus) else {
        return false;
    };
    if !(last.is_empty() || FINALS.contains(&last)) {
        return false;
    }
    match (rule, last.is_empty()) {
        (Final::Must, true) | (Final::Never, false) => return false,
        _ => {}
    }
    // `ch` and `nh` end only a, ê, i (and their glided forms)
    if matches!(last, "ch" | "nh") && !matches!(nucleus, "a" | "ê" | "i" | "oa" | "uê" | "uy") {
        return false;
    }
    // a stop ending takes only the sắc or nặng tone
    if matches!(last, "c" | "ch" | "p" | "t") && !matches!(tone, Some('\u{301}' | '\u{323}')) {
        return false;
    }
    let front = nucleus.starts_with(['i', 'e', 'ê', 'y']);
    match initial {
        "k" | "gh" | "ngh" => front,
        "c" | "ng" => !front,
        "g" => !nucleus.starts_with(['e', 'ê']) || nucleus.is_empty(),
        "qu" => !nucleus.starts_with('u'),
        _ => true,
    }
}

/// `find` on the text, or, when that finds nothing and the text could be a
/// legacy encoding (Latin-1 letters and symbols only), on its TCVN3 or VNI
/// reading: a label typed in `.VnTime` (`Bµi`, `Phãng sù`) is too short
/// for the text detector to be sure of, but a label of the reference data
/// once converted is.
pub(super) fn or_legacy<T>(text: &str, find: impl Fn(&str) -> Option<T>) -> Option<T> {
    find(text).or_else(|| {
        if text.is_ascii() || text.chars().any(|c| c as u32 > 0xFF) {
            return None;
        }
        [Legacy::Tcvn3, Legacy::Vni]
            .into_iter()
            .find_map(|l| find(&l.decode(text)))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vietnamese_syllables_and_other_words() {
        for w in [
            "Cảnh", "giác", "với", "thủ", "đoạn", "người", "xã", "hội", "nghiêng", "quyền",
            "chuyện", "khuya", "gì", "gìn", "giữ", "Mường", "Nhé", "Huổi", "Lụ", "Thầu", "Pồ",
            "tuyên", "truyền", "oái", "uống", "kẻng", "BÁO", "CÁO", "yêu", "khoanh", "Tài", "hoặc",
            "ngoằn", "tuần",
        ] {
            assert!(is_syllable(w), "{w} is Vietnamese");
        }
        for w in [
            "Café",
            "Müller",
            "Señor",
            "Cafộ",
            "đ",
            "Josộ",
            "Mỹller",
            "C¶nh",
            "ng\u{ad}êi",
            "x·",
            "Tuyªn",
            "cảt",
            "kan",
            "ghá",
            "ngé",
            "qa",
            "phòngg",
            "thuyềnn",
            "truyÒn",
            "fan",
            "zalo",
            "wifi",
            "việtt",
            "âm\u{300}\u{300}",
        ] {
            assert!(!is_syllable(w), "{w} is not Vietnamese");
        }
    }

    #[test]
    fn tcvn3_cells_are_converted() {
        let v = |s: &str| match detect(s) {
            Verdict::Converted(l, t) => (Some(l), t),
            other => (None, format!("{other:?}")),
        };
        assert_eq!(
            v("C¶nh gi¸c víi thñ ®o¹n mua b¸n ng\u{ad}êi qua m¹ng x· héi"),
            (
                Some(Legacy::Tcvn3),
                "Cảnh giác với thủ đoạn mua bán người qua mạng xã hội".into()
            )
        );
        assert_eq!(v("Th¸i"), (Some(Legacy::Tcvn3), "Thái".into()));
        // a word that is Vietnamese by chance beside one with TCVN3's ư
        assert_eq!(v("Sè l\u{ad}îng"), (Some(Legacy::Tcvn3), "Số lượng".into()));
        // typed with a capitals font: codes of small letters, plain letters in capitals
        assert_eq!(
            v("B¸O C¸O KÕT QU¶ TUY£N TRUYÒN"),
            (Some(Legacy::Tcvn3), "BÁO CÁO KẾT QUẢ TUYÊN TRUYỀN".into())
        );
        assert_eq!(v("§iÖn Biªn"), (Some(Legacy::Tcvn3), "Điện Biên".into()));
        // one capital starts a name; a cell all in capitals is all capitals
        assert_eq!(
            v("Së T\u{ad} ph¸p vµ bµ Lß ThÞ Hµ"),
            (Some(Legacy::Tcvn3), "Sở Tư pháp và bà Lò Thị Hà".into())
        );
        assert_eq!(
            v("TØNH §IÖN BI£N, Hµ NéI"),
            (Some(Legacy::Tcvn3), "TỈNH ĐIỆN BIÊN, HÀ NỘI".into())
        );
        assert_eq!(
            v("tieáng Vieät Nam"),
            (Some(Legacy::Vni), "tiếng Việt Nam".into())
        );
        assert_eq!(
            v("Ñieän Bieân Phuû"),
            (Some(Legacy::Vni), "Điện Biên Phủ".into())
        );
    }

    #[test]
    fn text_that_must_not_be_taken_for_a_legacy_encoding() {
        for s in [
            "Tuyên truyền phòng, chống mua bán người",
            "Cảnh giác",
            "Human rights day ® 2023",
            "Café ¸ la carte",
            "José Müller",
            "Señor García",
            "Tài",
            "Bé Cá",
            "© Báo Điện Biên Phủ",
            "Zalo, Facebook",
            "Phát thanh tiếng Thái",
            "½ hour",
            "Ö",
            "®",
            "Ñandú",
            "Gérard Depardieu à Paris",
            "Straße",
            "½ tháng",
            "Hà Lê",
            "Été à Paris",
            "Überprüfung für Mädchen",
            "Señora Núñez",
        ] {
            assert_eq!(detect(s), Verdict::Unicode, "{s}");
        }
    }

    #[test]
    fn legacy_words_pasted_into_a_unicode_cell() {
        assert_eq!(
            detect("Cảnh giác với thñ ®o¹n mua b¸n ng\u{ad}êi"),
            Verdict::Converted(Legacy::Tcvn3, "Cảnh giác với thủ đoạn mua bán người".into())
        );
        // Latin-1 words that are Vietnamese, or foreign, stay as they are
        for s in [
            "Quán Café ở Hà Nội",
            "Tài liệu tuyên truyền",
            "Ghé thăm Café ® Điện Biên",
            "Hội nghị với José Müller",
        ] {
            assert_eq!(detect(s), Verdict::Unicode, "{s}");
        }
    }

    #[test]
    fn unicode_words_beside_legacy_ones_stay_as_typed() {
        let v = |s: &str| match detect(s) {
            Verdict::Converted(_, t) => t,
            other => format!("{other:?}"),
        };
        assert_eq!(v("Tuyªn truyÒn cho bà con"), "Tuyên truyền cho bà con");
        // v3: a cell is typed in one encoding, its names too (`Cô Lê` in
        // a TCVN3 cell reads `Cụ Lờ`, `Pá` reads `Pỏ`)
        assert_eq!(v("Tuyªn truyÒn cho Cô Lê"), "Tuyên truyền cho Cụ Lờ");
        assert_eq!(
            v("C¶nh gi¸c mua b¸n ng\u{ad}êi - Café Pá Khoang"),
            "Cảnh giác mua bán người - Café Pỏ Khoang"
        );
        assert_eq!(
            v("Tuyªn truyÒn t¹i x· Nµ Nhõ"),
            "Tuyên truyền tại xã Nà Nhừ"
        );
        assert_eq!(v("Häp d©n b¶n Pó Nhi"), "Họp dân bản Pú Nhi");
        assert_eq!(v("Bµi viÕt vÒ Café Tây"), "Bài viết về Café Tây");
        // typed partly in Unicode: its Vietnamese words stay as typed
        assert_eq!(
            v("TËp huÊn cho c¸n bé x· Sá Tổng"),
            "Tập huấn cho cán bé xã Sá Tổng"
        );
        assert_eq!(
            v("Tuyªn truyÒn víi ông Lò Văn Pó"),
            "Tuyên truyền với ông Lò Văn Pó"
        );
        assert_eq!(v("Tuyªn truyÒn cho José"), "Tuyên truyền cho José");
        assert_eq!(v("Hội nghị t¹i Mường Nhé"), "Hội nghị tại Mường Nhé");
        assert_eq!(
            v("Hội nghị tuyeân truyeàn về quyền con người"),
            "Hội nghị tuyên truyền về quyền con người"
        );
        assert_eq!(v("Mường Ảng: phaùt thanh"), "Mường Ảng: phát thanh");
        assert_eq!(v("Ghi chuù"), "Ghi chú");
    }

    #[test]
    fn a_half_converting_text_is_flagged() {
        // TCVN3 words mixed with symbols that convert to nothing Vietnamese
        assert_eq!(
            detect("C¶nh gi¸c víi ®®® ÷÷÷"),
            Verdict::Unconvertible(Legacy::Tcvn3)
        );
    }

    /// Every byte but the line breaks (and the NUL) iconv is given.
    const BYTES: [u8; 252] = {
        let mut out = [0u8; 252];
        let (mut b, mut i) = (1u16, 0);
        while b <= 0xFF {
            if !matches!(b, 0x0A | 0x0D | 0x1A) {
                out[i] = b as u8;
                i += 1;
            }
            b += 1;
        }
        out
    };

    #[test]
    fn tcvn3_table_agrees_with_glibc_iconv() {
        // glibc's TCVN5712-1, the independent converter on every machine
        let Ok(out) = std::process::Command::new("iconv")
            .args(["-f", "TCVN5712-1", "-t", "UTF-8"])
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .spawn()
            .and_then(|mut child| {
                use std::io::Write;
                let bytes: Vec<u8> = BYTES.iter().flat_map(|&b| [b, b'\n']).collect();
                child.stdin.take().expect("stdin").write_all(&bytes)?;
                child.wait_with_output()
            })
        else {
            assert!(
                std::env::var("CI").is_err(),
                "iconv is needed under CI to check the TCVN3 table"
            );
            eprintln!("SKIPPED: iconv (glibc) is not installed, the TCVN3 table is not checked");
            return;
        };
        let theirs: Vec<String> = String::from_utf8(out.stdout)
            .expect("utf-8")
            .lines()
            .map(|l| l.nfc().collect())
            .collect();
        assert_eq!(theirs.len(), BYTES.len());
        for (byte, want) in BYTES.iter().zip(&theirs) {
            // 0xB0-0xB4 are combining tone marks in VN1, not used by the ABC fonts
            if (0xB0..=0xB4).contains(byte) {
                continue;
            }
            let ours = decode_bytes(Legacy::Tcvn3, &[*byte]);
            // the ABC set shares one code between a small and a capital
            // letter (a capitals font told them apart); VN1 gives the capital
            assert_eq!(ours.to_lowercase(), want.to_lowercase(), "byte {byte:#04X}");
        }
    }
}
