//! The theme and sub-theme: a theme code, a Vietnamese label (any case or
//! marks) or a sub-theme in the theme cell; with the theme cell empty, the
//! sub-theme's theme, the theme of the section heading above the row (the
//! file said it), or the theme the title's words name (`theme_inferred`),
//! never a guess between two.

use super::super::columns::{Columns, Row};
use super::super::notes::{FileNotes, answer};
use crate::domain::ThemeCode;
use crate::ingest::fields::Field;
use crate::ingest::legacy::or_legacy;
use crate::ingest::reason::{Problem, ReasonCode};
use crate::msg;
use crate::reference::{Inference, Subtheme};

/// A theme and the sub-theme that came with it.
pub(in crate::ingest::normalise) type Themed = (ThemeCode, Option<String>);

/// What the row says of its theme.
#[derive(Debug, Clone, PartialEq)]
pub(in crate::ingest::normalise) struct ThemeReading {
    pub theme: Option<ThemeCode>,
    pub subtheme: Option<String>,
    /// The theme was inferred from the title.
    pub inferred: bool,
}

/// The row's sub-theme cell, if filled: one of `subthemes.csv`.
pub(in crate::ingest::normalise) fn subtheme<'a>(
    cols: &Columns<'a>,
    row: &Row,
    notes: &mut FileNotes<'a>,
    problems: &mut Vec<Problem>,
) -> Option<&'a Subtheme> {
    let s = cols.text(row.cells, Field::Subtheme)?;
    let c = cols.campaign;
    let found = answer(&mut notes.matches.subthemes, &s, || {
        or_legacy(&s, |t| c.match_subtheme(t))
    });
    if found.is_none() {
        problems.push(Problem::new(
            ReasonCode::SubthemeUnknown,
            msg!("normalise-subtheme-unknown", subtheme = &s),
        ));
    }
    found
}

/// The row's theme: from its theme cell, its sub-theme, the `section`
/// heading above it or its `title`; a sub-theme of another theme than the
/// cell's is refused.
pub(in crate::ingest::normalise) fn theme(
    cols: &Columns,
    row: &Row,
    section: Option<&Themed>,
    subtheme: Option<&Subtheme>,
    title: Option<&str>,
    notes: &mut FileNotes,
    problems: &mut Vec<Problem>,
) -> ThemeReading {
    let c = cols.campaign;
    let mut inferred = false;
    let theme: Option<Themed> = match cols.text(row.cells, Field::Theme) {
        Some(t) => {
            let found = answer(&mut notes.matches.themes, &t, || {
                or_legacy(&t, |t| c.match_theme(t))
            });
            if found.is_none() {
                let codes: Vec<&str> = c.themes.iter().map(|t| t.code.0.as_str()).collect();
                let names = c
                    .themes
                    .iter()
                    .flat_map(|t| [t.code.0.as_str(), t.name_vi.as_str()]);
                let codes = codes.join(", ");
                let said = match crate::text::did_you_mean(&t, names) {
                    Some(near) => msg!(
                        "normalise-theme-unknown-near",
                        theme = &t,
                        near = near,
                        codes = codes
                    ),
                    None => msg!("normalise-theme-unknown", theme = &t, codes = codes),
                };
                problems.push(Problem::new(ReasonCode::ThemeUnknown, said));
            }
            found
        }
        None => {
            let inference =
                title.map(|t| answer(&mut notes.matches.inferred, t, || c.infer_theme(t)));
            match (subtheme, section, inference) {
                (Some(sub), _, _) => Some((sub.theme.clone(), Some(sub.code.clone()))),
                // the section heading above the row names it: the file said it
                (None, Some(named), _) => Some(named.clone()),
                (None, None, Some(Inference::Theme(t))) => {
                    inferred = true;
                    Some((t, None))
                }
                (None, None, Some(Inference::Ambiguous(list))) => {
                    let names: Vec<&str> = list.iter().map(|t| t.0.as_str()).collect();
                    problems.push(Problem::new(
                        ReasonCode::ThemeAmbiguous,
                        msg!("normalise-theme-ambiguous", themes = names.join(", ")),
                    ));
                    None
                }
                (None, None, _) => {
                    problems.push(Problem::new(
                        ReasonCode::ThemeMissing,
                        msg!("normalise-theme-missing"),
                    ));
                    None
                }
            }
        }
    };
    let (theme, subtheme) = match (theme, subtheme) {
        (Some((t, sub_from_theme)), Some(sub)) => {
            if sub.theme != t {
                problems.push(Problem::new(
                    ReasonCode::SubthemeMismatch,
                    msg!(
                        "normalise-subtheme-mismatch",
                        subtheme = &sub.code,
                        belongs = sub.theme.to_string(),
                        theme = t.to_string(),
                    ),
                ));
            }
            (Some(t), Some(sub.code.clone()).or(sub_from_theme))
        }
        (Some((t, sub)), None) => (Some(t), sub),
        (None, _) => (None, None),
    };
    ThemeReading {
        theme,
        subtheme,
        inferred,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::ingest::cell::Cell;
    use crate::ingest::normalise::columns::tests::{columns, table};

    /// (theme, sub-theme, inferred, problems) of a row with these theme,
    /// sub-theme and title cells, under `section`.
    fn read(
        cells: [&str; 3],
        section: Option<&Themed>,
    ) -> (Option<String>, Option<String>, bool, Vec<ReasonCode>) {
        let out = table(&["Chủ đề", "Nội dung cụ thể", "Tên tin bài"], &[]);
        let cols = columns(&out);
        let cells: Vec<Cell> = cells.iter().map(|s| Cell::text(s)).collect();
        let row = Row {
            line: 2,
            cells: &cells,
        };
        let mut notes = FileNotes::default();
        let mut p = Vec::new();
        let sub = subtheme(&cols, &row, &mut notes, &mut p);
        let title = cols.text(&cells, Field::Title);
        let r = theme(
            &cols,
            &row,
            section,
            sub,
            title.as_deref(),
            &mut notes,
            &mut p,
        );
        (
            r.theme.map(|t| t.0),
            r.subtheme,
            r.inferred,
            p.into_iter().map(|p| p.code).collect(),
        )
    }

    fn some(s: &str) -> Option<String> {
        Some(s.to_string())
    }

    #[test]
    fn a_code_a_label_in_any_case_or_a_subtheme() {
        assert_eq!(read(["ethnic", "", ""], None).0, some("ethnic"));
        assert_eq!(
            read(["PHÒNG, CHỐNG MUA BÁN NGƯỜI", "", ""], None).0,
            some("trafficking")
        );
        assert_eq!(
            read(["phong chong mua ban nguoi", "", ""], None).0,
            some("trafficking")
        );
        assert_eq!(
            read(["", "trafficking.results", ""], None),
            (
                some("trafficking"),
                some("trafficking.results"),
                false,
                vec![]
            )
        );
        assert_eq!(
            read(["Môi trường", "", ""], None).3,
            [ReasonCode::ThemeUnknown]
        );
        assert_eq!(
            read(["", "religion.nonsense", ""], None).3,
            [ReasonCode::SubthemeUnknown, ReasonCode::ThemeMissing]
        );
        assert_eq!(
            read(["ethnic", "trafficking.results", ""], None).3,
            [ReasonCode::SubthemeMismatch]
        );
    }

    #[test]
    fn an_empty_theme_from_the_section_or_the_title() {
        let section: Themed = (ThemeCode("labour".into()), None);
        assert_eq!(
            read(["", "", "Cảnh giác mua bán người"], Some(&section)),
            (some("labour"), None, false, vec![])
        );
        assert_eq!(
            read(["", "", "Cảnh giác với thủ đoạn mua bán người"], None),
            (some("trafficking"), None, true, vec![])
        );
        // the general theme only when nothing more specific matched
        assert_eq!(
            read(["", "", "Tuyên truyền về quyền con người"], None).0,
            some("general")
        );
        assert_eq!(
            read(["", "", "Mua bán người và người lao động"], None).3,
            [ReasonCode::ThemeAmbiguous]
        );
        assert_eq!(
            read(["", "", "Bản tin"], None).3,
            [ReasonCode::ThemeMissing]
        );
    }

    #[test]
    fn an_unknown_or_missing_theme_is_refused_in_vietnamese() {
        let out = table(&["Chủ đề", "Tên tin bài"], &[]);
        let cols = columns(&out);
        let said = |cells: [&str; 2]| {
            let cells: Vec<Cell> = cells.iter().map(|s| Cell::text(s)).collect();
            let row = Row {
                line: 2,
                cells: &cells,
            };
            let mut p = Vec::new();
            let title = cols.text(&cells, Field::Title);
            let notes = &mut FileNotes::default();
            theme(&cols, &row, None, None, title.as_deref(), notes, &mut p);
            let msg = p.remove(0).msg;
            (msg.say(Lang::En), crate::i18n::reason(&[msg], Lang::Vi))
        };
        let codes = "religion, ethnic, trafficking, labour, commitments, general";
        assert_eq!(
            said(["Môi trường", ""]),
            (
                format!(
                    "the theme 'Môi trường' is not a theme code, label or sub-theme (codes: {codes})"
                ),
                format!(
                    "Chủ đề 'Môi trường' không phải là mã, tên hay chủ đề con nào trong danh mục (các mã: {codes})."
                )
            )
        );
        assert_eq!(
            said(["", "Bản tin"]).1,
            "Chủ đề để trống và không suy ra được từ tên tin bài: hãy điền chủ đề."
        );
    }
}
