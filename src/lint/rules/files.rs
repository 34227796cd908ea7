//! Files: `yaml-syntax`, `not-checked`, `template`.

use std::fmt::Display;

use crate::lint::{Code, Diagnostic, KeyPath};

/// `yaml-syntax`: an Azure ML file PyYAML's `safe_load` refuses, with PyYAML's words.
pub(crate) fn yaml_syntax(error: impl Display) -> Diagnostic {
    Diagnostic::new(
        Code::YamlSyntax,
        format!("does not load as the Azure ML CLI loads it: {error}"),
        "",
    )
    .with_help("fix the YAML so that PyYAML's `yaml.safe_load` reads it")
}

/// `not-checked`: an Azure ML file, or a part of one, of a kind the checker does not check.
pub(crate) fn not_checked(key: KeyPath, message: String) -> Diagnostic {
    Diagnostic::new(Code::NotChecked, message, key)
}

/// `template`: a file with `{{NAME}}` placeholders.
pub(crate) fn template(message: String) -> Diagnostic {
    Diagnostic::new(Code::Template, message, "")
}
