//! Helpers shared by the closed name sets (enums spelled as strings).

/// Implements serde on top of `Display` and `FromStr`, so there is one naming truth.
macro_rules! serde_via_str {
    ($ty:ty, $expecting:expr) => {
        #[cfg(feature = "serde")]
        impl serde::Serialize for $ty {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.collect_str(self)
            }
        }

        #[cfg(feature = "serde")]
        impl<'de> serde::Deserialize<'de> for $ty {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                struct Visitor;
                impl serde::de::Visitor<'_> for Visitor {
                    type Value = $ty;
                    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        f.write_str($expecting)
                    }
                    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<$ty, E> {
                        v.parse().map_err(E::custom)
                    }
                }
                deserializer.deserialize_str(Visitor)
            }
        }
    };
}

/// Adds the common surface of a closed name set derived with strum's `EnumString`,
/// `IntoStaticStr`, `VariantArray` and `VariantNames`: `ALL`, `NAMES`, `as_str`, `parse`,
/// the error constructor named in `#[strum(parse_err_fn = ...)]`, and serde.
macro_rules! name_set {
    ($ty:ident, $what:literal) => {
        impl $ty {
            /// Every variant, in declaration order.
            pub const ALL: &'static [Self] = <Self as strum::VariantArray>::VARIANTS;

            /// The canonical spelling of every variant, in the order of [`Self::ALL`].
            pub const NAMES: &'static [&'static str] = <Self as strum::VariantNames>::VARIANTS;

            /// The canonical spelling, the one `Display` prints and serde writes.
            #[must_use]
            pub fn as_str(self) -> &'static str {
                self.into()
            }

            /// Parses a canonical spelling or an alias, ignoring ASCII case.
            ///
            /// # Errors
            ///
            /// [`ParseNameError`](crate::names::ParseNameError) quoting the input and listing
            /// [`Self::NAMES`].
            pub fn parse(s: &str) -> Result<Self, crate::names::ParseNameError> {
                s.parse()
            }

            fn parse_error(s: &str) -> crate::names::ParseNameError {
                crate::names::ParseNameError::new($what, s, Self::NAMES)
            }
        }

        crate::macros::serde_via_str!($ty, concat!("a ", $what, " name"));
    };
}

/// Declares a closed name set: the enum with its derives (strum's `EnumString`,
/// `IntoStaticStr`, `Display`, `VariantArray` and `VariantNames`, ASCII case ignored, our
/// [`ParseNameError`](crate::names::ParseNameError)) and [`name_set!`]'s surface. The literal after
/// the name says what the set is, for error messages (`unknown VM series "x"; …`).
macro_rules! name_enum {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident ($what:literal) {
            $($body:tt)*
        }
    ) => {
        $(#[$meta])*
        #[derive(
            Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash,
            strum::EnumString, strum::IntoStaticStr, strum::Display,
            strum::VariantArray, strum::VariantNames,
        )]
        #[strum(
            ascii_case_insensitive,
            parse_err_ty = crate::names::ParseNameError,
            parse_err_fn = Self::parse_error
        )]
        $vis enum $name {
            $($body)*
        }

        crate::macros::name_set!($name, $what);
    };
}

pub(crate) use {name_enum, name_set, serde_via_str};
