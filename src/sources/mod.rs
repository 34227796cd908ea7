//! Readers that turn what a repository holds into the crate's model, each finding with its
//! file, line and key.

#[cfg(feature = "yaml")]
pub(crate) mod walk;
#[cfg(feature = "yaml")]
pub(crate) mod yaml;
