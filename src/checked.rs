//! Serde helpers that reject values no plan or need can mean: a negative or non-finite
//! quantity, a count of zero. The error names the value; serde's path names the field.

/// `Option<f64>`: finite and 0 or more.
pub(crate) mod quantity {
    use serde::{Deserialize, Deserializer, de::Error};

    pub(crate) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<f64>, D::Error> {
        match Option::<f64>::deserialize(d)? {
            Some(x) if !x.is_finite() || x < 0.0 => Err(D::Error::custom(format!(
                "expected a finite number, 0 or more, got {x}"
            ))),
            v => Ok(v),
        }
    }
}

/// `Option<u32>`: 1 or more.
pub(crate) mod count {
    use serde::{Deserialize, Deserializer, de::Error};

    pub(crate) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u32>, D::Error> {
        match Option::<u32>::deserialize(d)? {
            Some(0) => Err(D::Error::custom("expected 1 or more, got 0")),
            v => Ok(v),
        }
    }
}
