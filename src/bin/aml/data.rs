//! `aml data`: every data table with its row count, as-of date and source.

use aml_targets::DATA_AS_OF;
use serde_json::{Value, json};

use crate::{Ctx, json_text};

pub(crate) fn run(ctx: &Ctx, out: &mut String) {
    let tables = aml_targets::data::data_tables();
    if ctx.json {
        let rows: Vec<Value> = tables
            .iter()
            .map(|t| {
                json!({
                    "name": t.name,
                    "rows": t.rows,
                    "as_of": t.as_of.to_string(),
                    "source": t.source,
                })
            })
            .collect();
        out.push_str(&json_text(&json!({
            "data_as_of": DATA_AS_OF.to_string(),
            "tables": rows,
        })));
        return;
    }
    wln!(
        out,
        "Data as of {} (a newer crate version may know later announcements)",
        DATA_AS_OF
    );
    wln!(
        out,
        "  {:<24} {:>5}  {:<10}  source",
        "table",
        "rows",
        "as of"
    );
    for t in tables {
        wln!(
            out,
            "  {:<24} {:>5}  {:<10}  {}",
            t.name,
            t.rows,
            t.as_of.to_string(),
            t.source
        );
    }
}
