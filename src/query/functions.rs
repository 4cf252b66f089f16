//! SQL functions of baocao's own, for what analysts type in Vietnamese.
//!
//! `vn_fold(text)`: lower case, no diacritics, `đ` as `d`, whatever form
//! the text was typed in (precomposed, decomposed, `Ð` for `Đ`), so
//! `WHERE vn_fold(title) LIKE '%mua ban nguoi%'` finds every title about
//! trafficking however it was written.
//!
//! `say_reason(reason_args, reason, lang)`: a refusal's reason said in
//! `lang` (`'vi'` or `'en'`) from the messages `rejects.reason_args`
//! keeps, or the stored `reason` where none were kept (the `rejects`
//! view's `reason_vi` and `reason_en`); without `lang`, in the process's
//! language.
//!
//! `say(id, name, value, ...)`: the message `id` of `locales/` with its
//! arguments (a number is an amount, anything else text), said in the
//! process's language: the sentences named queries write for people (the
//! trend alerts' `detail`).
//!
//! `lang()`: the language `say` speaks, `'vi'` or `'en'` (to pick a
//! reference file's `description_vi` or `description_en`).

use std::sync::Arc;

use datafusion::arrow::array::{Array, ArrayRef, StringArray};
use datafusion::arrow::compute::cast;
use datafusion::arrow::datatypes::DataType;
use datafusion::common::{Result, ScalarValue};
use datafusion::logical_expr::{
    ColumnarValue, ScalarFunctionArgs, ScalarUDF, ScalarUDFImpl, Signature, TypeSignature,
    Volatility,
};

/// The functions a session registers.
pub(super) fn functions() -> Vec<ScalarUDF> {
    vec![
        ScalarUDF::from(VnFold::new()),
        ScalarUDF::from(SayReason::new()),
        ScalarUDF::from(Say::new()),
        ScalarUDF::from(LangOf::new()),
    ]
}

/// `lang() -> text`: see the module's doc.
#[derive(Debug, PartialEq, Eq, Hash)]
struct LangOf {
    signature: Signature,
}

impl LangOf {
    fn new() -> Self {
        LangOf {
            signature: Signature::exact(vec![], Volatility::Stable),
        }
    }
}

impl ScalarUDFImpl for LangOf {
    fn name(&self) -> &str {
        "lang"
    }

    fn signature(&self) -> &Signature {
        &self.signature
    }

    fn return_type(&self, _args: &[DataType]) -> Result<DataType> {
        Ok(DataType::Utf8)
    }

    fn invoke_with_args(&self, _args: ScalarFunctionArgs) -> Result<ColumnarValue> {
        Ok(ColumnarValue::Scalar(ScalarValue::Utf8(Some(
            crate::i18n::current().code().to_string(),
        ))))
    }
}

/// `say_reason(reason_args, reason, lang) -> text`: see the module's doc.
/// A `lang` that names no language baocao speaks is an error.
#[derive(Debug, PartialEq, Eq, Hash)]
struct SayReason {
    signature: Signature,
}

impl SayReason {
    fn new() -> Self {
        SayReason {
            signature: Signature::one_of(
                vec![TypeSignature::String(2), TypeSignature::String(3)],
                Volatility::Stable,
            ),
        }
    }
}

/// `array` as `Utf8` strings, one per row of `rows` (a scalar repeated).
fn utf8_column(value: &ColumnarValue, rows: usize) -> Result<StringArray> {
    let array = value.to_array(rows)?;
    let array = cast(&array, &DataType::Utf8)?;
    Ok(array
        .as_any()
        .downcast_ref::<StringArray>()
        .cloned()
        .unwrap_or_else(|| StringArray::new_null(rows)))
}

/// A function's answer: one value when every argument was one (a
/// literal), else a column.
fn answer(args: &ScalarFunctionArgs, out: StringArray) -> Result<ColumnarValue> {
    if args
        .args
        .iter()
        .all(|a| matches!(a, ColumnarValue::Scalar(_)))
    {
        return Ok(ColumnarValue::Scalar(ScalarValue::try_from_array(&out, 0)?));
    }
    Ok(ColumnarValue::Array(Arc::new(out) as ArrayRef))
}

impl ScalarUDFImpl for SayReason {
    fn name(&self) -> &str {
        "say_reason"
    }

    fn signature(&self) -> &Signature {
        &self.signature
    }

    fn return_type(&self, _args: &[DataType]) -> Result<DataType> {
        Ok(DataType::Utf8)
    }

    fn invoke_with_args(&self, args: ScalarFunctionArgs) -> Result<ColumnarValue> {
        let rows = args.number_rows;
        let json = utf8_column(&args.args[0], rows)?;
        let stored = utf8_column(&args.args[1], rows)?;
        let langs = match args.args.get(2) {
            Some(l) => utf8_column(l, rows)?,
            None => std::iter::repeat_n(Some(crate::i18n::current().code()), rows).collect(),
        };
        let mut out = Vec::with_capacity(rows);
        for i in 0..rows {
            let lang = match langs.is_null(i) {
                true => None,
                false => Some(crate::i18n::Lang::from_code(langs.value(i)).ok_or_else(|| {
                    datafusion::error::DataFusionError::Plan(
                        crate::msg!("query-say-reason-lang", lang = langs.value(i)).to_string(),
                    )
                })?),
            };
            let said = match (lang, json.is_null(i)) {
                (Some(lang), false) => crate::i18n::reason_from_json(json.value(i), lang),
                _ => None,
            };
            out.push(said.or_else(|| (!stored.is_null(i)).then(|| stored.value(i).to_string())));
        }
        answer(&args, out.into_iter().collect())
    }
}

/// `say(id, name, value, ...) -> text`: see the module's doc. A null
/// value leaves its argument out; a null id gives null.
#[derive(Debug, PartialEq, Eq, Hash)]
struct Say {
    signature: Signature,
}

impl Say {
    fn new() -> Self {
        Say {
            signature: Signature::variadic_any(Volatility::Stable),
        }
    }
}

/// One argument column of `say`: amounts or text.
enum SayColumn {
    Number(datafusion::arrow::array::Float64Array),
    Text(StringArray),
}

impl ScalarUDFImpl for Say {
    fn name(&self) -> &str {
        "say"
    }

    fn signature(&self) -> &Signature {
        &self.signature
    }

    fn return_type(&self, _args: &[DataType]) -> Result<DataType> {
        Ok(DataType::Utf8)
    }

    fn invoke_with_args(&self, args: ScalarFunctionArgs) -> Result<ColumnarValue> {
        let rows = args.number_rows;
        if args.args.len().is_multiple_of(2) {
            return Err(datafusion::error::DataFusionError::Plan(
                crate::msg!("query-say-arguments").to_string(),
            ));
        }
        let ids = utf8_column(&args.args[0], rows)?;
        let mut pairs = Vec::new();
        for pair in args.args[1..].chunks(2) {
            let names = utf8_column(&pair[0], rows)?;
            let values = match pair[1].data_type() {
                t if t.is_numeric() => {
                    let array = cast(&pair[1].to_array(rows)?, &DataType::Float64)?;
                    SayColumn::Number(
                        array
                            .as_any()
                            .downcast_ref::<datafusion::arrow::array::Float64Array>()
                            .cloned()
                            .unwrap_or_else(|| {
                                datafusion::arrow::array::Float64Array::new_null(rows)
                            }),
                    )
                }
                _ => SayColumn::Text(utf8_column(&pair[1], rows)?),
            };
            pairs.push((names, values));
        }
        let lang = crate::i18n::current();
        let out: StringArray = (0..rows)
            .map(|i| {
                if ids.is_null(i) {
                    return None;
                }
                let mut msg = crate::i18n::Msg::new(ids.value(i));
                for (names, values) in &pairs {
                    if names.is_null(i) {
                        continue;
                    }
                    msg = match values {
                        SayColumn::Number(v) if v.is_valid(i) => {
                            msg.with(names.value(i), v.value(i))
                        }
                        SayColumn::Text(v) if v.is_valid(i) => msg.with(names.value(i), v.value(i)),
                        _ => msg,
                    };
                }
                Some(msg.say(lang))
            })
            .collect();
        answer(&args, out)
    }
}

/// `vn_fold(text) -> text`: [`crate::text::strip_marks_lower`] of each
/// value (null stays null); any string type in, `Utf8` out.
#[derive(Debug, PartialEq, Eq, Hash)]
struct VnFold {
    signature: Signature,
}

impl VnFold {
    fn new() -> Self {
        VnFold {
            signature: Signature::string(1, Volatility::Immutable),
        }
    }
}

impl ScalarUDFImpl for VnFold {
    fn name(&self) -> &str {
        "vn_fold"
    }

    fn signature(&self) -> &Signature {
        &self.signature
    }

    fn return_type(&self, _args: &[DataType]) -> Result<DataType> {
        Ok(DataType::Utf8)
    }

    fn invoke_with_args(&self, args: ScalarFunctionArgs) -> Result<ColumnarValue> {
        let fold = |s: &str| crate::text::strip_marks_lower(s);
        match &args.args[0] {
            ColumnarValue::Scalar(value) => {
                let text = match value {
                    ScalarValue::Utf8(s) | ScalarValue::LargeUtf8(s) | ScalarValue::Utf8View(s) => {
                        s.as_deref().map(fold)
                    }
                    ScalarValue::Null => None,
                    other => Some(fold(&other.to_string())),
                };
                Ok(ColumnarValue::Scalar(ScalarValue::Utf8(text)))
            }
            value @ ColumnarValue::Array(array) => {
                let strings = utf8_column(value, array.len())?;
                let folded: StringArray = strings.iter().map(|s| s.map(fold)).collect();
                Ok(ColumnarValue::Array(Arc::new(folded) as ArrayRef))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use datafusion::prelude::SessionContext;

    use super::*;

    async fn folded(sql: &str) -> Vec<Option<String>> {
        let ctx = SessionContext::new();
        for f in functions() {
            ctx.register_udf(f);
        }
        let batches = ctx.sql(sql).await.unwrap().collect().await.unwrap();
        let mut out = Vec::new();
        for b in batches {
            let c = cast(b.column(0), &DataType::Utf8).unwrap();
            let c = c.as_any().downcast_ref::<StringArray>().unwrap();
            out.extend(c.iter().map(|s| s.map(str::to_string)));
        }
        out
    }

    #[tokio::test]
    async fn a_reason_is_said_from_its_arguments_or_the_stored_sentence() {
        let args = r#"[{"id":"","args":{"text":"kept as typed"}}]"#;
        let got = folded(&format!(
            "SELECT say_reason(a, r, 'vi') FROM (VALUES ('{args}', 'stored'), (NULL, 'Stored sentence.'), (NULL, NULL)) AS v(a, r)"
        ))
        .await;
        assert_eq!(
            got,
            [
                Some("Kept as typed.".to_string()),
                Some("Stored sentence.".to_string()),
                None
            ]
        );
        let ctx = SessionContext::new();
        for f in functions() {
            ctx.register_udf(f);
        }
        let err = match ctx.sql("SELECT say_reason(NULL, 'x', 'fr')").await {
            Ok(df) => df.collect().await.unwrap_err().to_string(),
            Err(e) => e.to_string(),
        };
        assert!(err.contains("'fr' is not a language"), "{err}");
    }

    #[tokio::test]
    async fn precomposed_decomposed_and_look_alike_text_fold_alike() {
        // "Mua bán người" precomposed (NFC), decomposed (NFD: a + U+0301),
        // and "Đ" typed as the look-alike U+00D0
        let nfc = "Phòng, chống Mua bán người";
        let nfd = "Pho\u{300}ng, cho\u{302}\u{301}ng Mua ba\u{301}n ngu\u{31b}o\u{31b}\u{300}i";
        assert_ne!(nfc, nfd);
        let got = folded(&format!(
            "SELECT vn_fold(t) FROM (VALUES ('{nfc}'), ('{nfd}'), ('\u{d0}ài \u{110}IỆN BIÊN'), (NULL)) AS v(t)"
        ))
        .await;
        assert_eq!(
            got,
            [
                Some("phong, chong mua ban nguoi".to_string()),
                Some("phong, chong mua ban nguoi".to_string()),
                Some("dai dien bien".to_string()),
                None
            ]
        );
        // a literal, and LIKE over the folded text
        assert_eq!(
            folded("SELECT vn_fold('Quyền con NGƯỜI') LIKE '%con nguoi%'").await,
            [Some("true".to_string())]
        );
    }
}
