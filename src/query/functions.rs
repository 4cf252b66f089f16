//! SQL functions of baocao's own, for what analysts type in Vietnamese.
//!
//! `vn_fold(text)`: lower case, no diacritics, `đ` as `d`, whatever form
//! the text was typed in (precomposed, decomposed, `Ð` for `Đ`), so
//! `WHERE vn_fold(title) LIKE '%mua ban nguoi%'` finds every title about
//! trafficking however it was written.

use std::sync::Arc;

use datafusion::arrow::array::{Array, ArrayRef, StringArray};
use datafusion::arrow::compute::cast;
use datafusion::arrow::datatypes::DataType;
use datafusion::common::{Result, ScalarValue};
use datafusion::logical_expr::{
    ColumnarValue, ScalarFunctionArgs, ScalarUDF, ScalarUDFImpl, Signature, Volatility,
};

/// The functions a session registers.
pub(super) fn functions() -> Vec<ScalarUDF> {
    vec![ScalarUDF::from(VnFold::new())]
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
            ColumnarValue::Array(array) => {
                let strings = cast(array, &DataType::Utf8)?;
                let strings = strings
                    .as_any()
                    .downcast_ref::<StringArray>()
                    .expect("cast to Utf8 gives a StringArray");
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
