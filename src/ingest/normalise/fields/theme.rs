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
            format!("the sub-theme '{s}' is not in the list of sub-themes (subthemes.csv)"),
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
                let nearest = crate::text::did_you_mean(&t, names)
                    .map(|n| format!("did you mean '{n}'? "))
                    .unwrap_or_default();
                problems.push(Problem::new(
                    ReasonCode::ThemeUnknown,
                    format!(
                        "the theme '{t}' is not a theme code, label or sub-theme ({nearest}codes: {})",
                        codes.join(", ")
                    ),
                ));
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
                        format!(
                            "the theme is empty and the title matches several themes ({}): fill in the theme",
                            names.join(", ")
                        ),
                    ));
                    None
                }
                (None, None, _) => {
                    problems.push(Problem::new(
                        ReasonCode::ThemeMissing,
                        "the theme is empty and cannot be inferred from the title: fill in the theme",
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
                    format!(
                        "the sub-theme {} belongs to the theme {}, not {t}",
                        sub.code, sub.theme
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
}
