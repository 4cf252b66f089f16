//! A spreadsheet formula worked out as the spreadsheet would, for the
//! simple ones a report holds (`=F6+G6`, `=G8*H8`, `=SUM(I6:I8)`): numbers,
//! cell references, `+ - * /`, brackets and `SUM` of ranges and lists. A
//! workbook that asks to be recalculated when opened may hold results no
//! spreadsheet computed (XlsxWriter stores 0); a stored result that agrees
//! with the formula was computed, one that does not was not.

/// The value of `formula` (with or without its `=`), reading each cell
/// (row, column, 0-based) through `cell`; none when the formula holds
/// anything else (text, another function, a reference to another sheet)
/// or a cell it reads is not a number (an empty cell is 0, as in Excel).
pub(super) fn evaluate(formula: &str, cell: &dyn Fn(u32, u32) -> Cell) -> Option<f64> {
    let tokens = tokens(formula.trim().trim_start_matches('='))?;
    let mut p = Parser {
        tokens: &tokens,
        at: 0,
        cell,
    };
    let v = p.sum()?;
    (p.at == tokens.len() && v.is_finite()).then_some(v)
}

/// The formula of a cell a shared formula reaches (`<f t="shared" si="0"/>`):
/// its anchor's text with each relative reference moved by the cell's
/// distance from the anchor (`F5+G5` at H5 is `F7+G7` at H7), as Excel
/// means it; `$`-anchored parts stay. Text in quotes and function names
/// (`LOG10(`) are left alone; a reference moved before row 1 or column A
/// makes it `None`.
pub(super) fn shifted(anchor: &str, rows: i64, cols: i64) -> Option<String> {
    let chars: Vec<char> = anchor.chars().collect();
    let mut out = String::with_capacity(anchor.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '"' {
            // a string literal, its "" doubled quotes included
            let start = i;
            i += 1;
            while i < chars.len() && chars[i] != '"' {
                i += 1;
            }
            i = (i + 1).min(chars.len());
            out.extend(&chars[start..i]);
            continue;
        }
        if !(c.is_ascii_alphanumeric() || c == '$' || c == '_' || c == '.') {
            out.push(c);
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len()
            && (chars[i].is_ascii_alphanumeric() || matches!(chars[i], '$' | '_' | '.'))
        {
            i += 1;
        }
        let word: String = chars[start..i].iter().collect();
        let is_function = chars.get(i) == Some(&'(');
        match (is_function, moved(&word, rows, cols)) {
            (false, Some(moved)) => out.push_str(&moved?),
            _ => out.push_str(&word),
        }
    }
    Some(out)
}

/// `word` moved when it is a cell reference (`F5`, `$F5`, `F$5`): the
/// outer `None` for a word that is not one, the inner for one moved off
/// the sheet.
fn moved(word: &str, rows: i64, cols: i64) -> Option<Option<String>> {
    let b = word.as_bytes();
    let mut i = 0;
    let col_fixed = b.first() == Some(&b'$');
    i += col_fixed as usize;
    let letters = b[i..]
        .iter()
        .take_while(|c| c.is_ascii_alphabetic())
        .count();
    if letters == 0 || letters > 3 {
        return None;
    }
    let col = &word[i..i + letters];
    i += letters;
    let row_fixed = b.get(i) == Some(&b'$');
    i += row_fixed as usize;
    let row = &word[i..];
    if row.is_empty() || !row.bytes().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let (r, c) = reference(&format!("{col}{row}"))?;
    let r = if row_fixed { r as i64 } else { r as i64 + rows };
    let c = if col_fixed { c as i64 } else { c as i64 + cols };
    if r < 0 || c < 0 {
        return Some(None);
    }
    let mut name = String::new();
    let mut n = c + 1;
    while n > 0 {
        name.insert(0, (b'A' + ((n - 1) % 26) as u8) as char);
        n = (n - 1) / 26;
    }
    Some(Some(format!(
        "{}{name}{}{}",
        if col_fixed { "$" } else { "" },
        if row_fixed { "$" } else { "" },
        r + 1
    )))
}

/// What a formula reads of a cell.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Cell {
    Empty,
    Number(f64),
    /// Text, a formula, an error: nothing to count with.
    Other,
}

#[derive(Debug, Clone, PartialEq)]
enum Token {
    Number(f64),
    /// (row, column), 0-based
    Ref(u32, u32),
    Op(char),
    Open,
    Close,
    Colon,
    Comma,
    Sum,
}

fn tokens(s: &str) -> Option<Vec<Token>> {
    let chars: Vec<char> = s.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        match c {
            ' ' => i += 1,
            '+' | '-' | '*' | '/' => {
                out.push(Token::Op(c));
                i += 1;
            }
            '(' => {
                out.push(Token::Open);
                i += 1;
            }
            ')' => {
                out.push(Token::Close);
                i += 1;
            }
            ':' => {
                out.push(Token::Colon);
                i += 1;
            }
            ',' | ';' => {
                out.push(Token::Comma);
                i += 1;
            }
            '0'..='9' | '.' => {
                let start = i;
                while i < chars.len() && (chars[i].is_ascii_digit() || chars[i] == '.') {
                    i += 1;
                }
                let n: String = chars[start..i].iter().collect();
                out.push(Token::Number(n.parse().ok()?));
            }
            '$' | 'A'..='Z' | 'a'..='z' => {
                let start = i;
                while i < chars.len() && (chars[i].is_ascii_alphanumeric() || chars[i] == '$') {
                    i += 1;
                }
                let word: String = chars[start..i].iter().collect::<String>().replace('$', "");
                if word.eq_ignore_ascii_case("sum") {
                    out.push(Token::Sum);
                } else {
                    let (r, c) = reference(&word)?;
                    out.push(Token::Ref(r, c));
                }
            }
            _ => return None,
        }
    }
    Some(out)
}

/// `B9` → (8, 1).
fn reference(word: &str) -> Option<(u32, u32)> {
    let letters = word.chars().take_while(char::is_ascii_alphabetic).count();
    let (col, row) = word.split_at(letters);
    if col.is_empty() || col.len() > 3 || row.is_empty() {
        return None;
    }
    let col = col.bytes().fold(0u32, |n, b| {
        n * 26 + (b.to_ascii_uppercase() - b'A' + 1) as u32
    });
    Some((row.parse::<u32>().ok()?.checked_sub(1)?, col - 1))
}

struct Parser<'t> {
    tokens: &'t [Token],
    at: usize,
    cell: &'t dyn Fn(u32, u32) -> Cell,
}

impl Parser<'_> {
    fn peek(&self) -> Option<&Token> {
        self.tokens.get(self.at)
    }

    fn next(&mut self) -> Option<Token> {
        let t = self.tokens.get(self.at).cloned();
        self.at += 1;
        t
    }

    fn value(&self, r: u32, c: u32) -> Option<f64> {
        match (self.cell)(r, c) {
            Cell::Empty => Some(0.0),
            Cell::Number(n) => Some(n),
            Cell::Other => None,
        }
    }

    fn sum(&mut self) -> Option<f64> {
        let mut v = self.product()?;
        while let Some(Token::Op(op @ ('+' | '-'))) = self.peek().cloned() {
            self.at += 1;
            let w = self.product()?;
            v = if op == '+' { v + w } else { v - w };
        }
        Some(v)
    }

    fn product(&mut self) -> Option<f64> {
        let mut v = self.unary()?;
        while let Some(Token::Op(op @ ('*' | '/'))) = self.peek().cloned() {
            self.at += 1;
            let w = self.unary()?;
            v = if op == '*' { v * w } else { v / w };
        }
        Some(v)
    }

    fn unary(&mut self) -> Option<f64> {
        match self.peek() {
            Some(Token::Op('-')) => {
                self.at += 1;
                Some(-self.unary()?)
            }
            Some(Token::Op('+')) => {
                self.at += 1;
                self.unary()
            }
            _ => self.atom(),
        }
    }

    fn atom(&mut self) -> Option<f64> {
        match self.next()? {
            Token::Number(n) => Some(n),
            Token::Ref(r, c) => self.value(r, c),
            Token::Open => {
                let v = self.sum()?;
                (self.next()? == Token::Close).then_some(v)
            }
            Token::Sum => {
                if self.next()? != Token::Open {
                    return None;
                }
                let mut total = 0.0;
                loop {
                    total += self.sum_argument()?;
                    match self.next()? {
                        Token::Comma => {}
                        Token::Close => return Some(total),
                        _ => return None,
                    }
                }
            }
            _ => None,
        }
    }

    /// A range (`I6:I8`) or a value, inside `SUM`.
    fn sum_argument(&mut self) -> Option<f64> {
        if let (Some(Token::Ref(r0, c0)), Some(Token::Colon), Some(Token::Ref(r1, c1))) = (
            self.tokens.get(self.at).cloned(),
            self.tokens.get(self.at + 1).cloned(),
            self.tokens.get(self.at + 2).cloned(),
        ) {
            self.at += 3;
            let cells = (r1.abs_diff(r0) as u64 + 1) * (c1.abs_diff(c0) as u64 + 1);
            if cells > 10_000 {
                return None;
            }
            let mut total = 0.0;
            for r in r0.min(r1)..=r0.max(r1) {
                for c in c0.min(c1)..=c0.max(c1) {
                    total += self.value(r, c)?;
                }
            }
            return Some(total);
        }
        self.sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_shared_formula_moves_its_relative_references() {
        assert_eq!(shifted("F5+G5", 2, 0).as_deref(), Some("F7+G7"));
        assert_eq!(
            shifted("SUM($F$5:F5)*2", 1, 1).as_deref(),
            Some("SUM($F$5:G6)*2")
        );
        assert_eq!(shifted("$F5+G$5", 3, 2).as_deref(), Some("$F8+I$5"));
        assert_eq!(shifted("Z1+AA1", 0, 1).as_deref(), Some("AA1+AB1"));
        // a function's name and a quoted text are not references
        assert_eq!(
            shifted("LOG10(A1)&\"B2\"", 1, 0).as_deref(),
            Some("LOG10(A2)&\"B2\"")
        );
        assert_eq!(shifted("A1", -1, 0), None);
    }

    #[test]
    fn the_formulas_a_report_holds() {
        // F6 = 2, G6 = 1, G8 = 12500, H8 = 0.28, I6..I8 = 180, 120, empty
        let cell = |r: u32, c: u32| match (r, c) {
            (5, 5) => Cell::Number(2.0),
            (5, 6) => Cell::Number(1.0),
            (7, 6) => Cell::Number(12500.0),
            (7, 7) => Cell::Number(0.28),
            (5, 8) => Cell::Number(180.0),
            (6, 8) => Cell::Number(120.0),
            (0, 0) => Cell::Other,
            _ => Cell::Empty,
        };
        let e = |f: &str| evaluate(f, &cell);
        assert_eq!(e("=F6+G6"), Some(3.0));
        assert_eq!(e("G8*H8"), Some(12500.0 * 0.28));
        assert_eq!(e("=SUM(I6:I8)"), Some(300.0));
        assert_eq!(e("=sum($I$6:$I$8, 5)"), Some(305.0));
        assert_eq!(e("=(F6+G6)*2-1"), Some(5.0));
        assert_eq!(e("=-F6/4"), Some(-0.5));
        assert_eq!(e("=A1+1"), None, "text is not a number");
        assert_eq!(e("=AVERAGE(I6:I8)"), None);
        assert_eq!(e("=Sheet2!A1"), None);
        assert_eq!(e("=F6+"), None);
    }
}
