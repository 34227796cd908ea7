//! Files: `yaml-syntax`, `not-checked`, `template`, `preview-schema`, `v1-api`, `unused-ignore`.

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

/// The 2021 CLI v2 preview's schema location.
const PREVIEW_SCHEMAS: &str = "azuremlsdk2.blob.core.windows.net/preview/";

/// `preview-schema`: a `$schema` under the 2021 preview's location, with the current URL of
/// the same schema file; `None` for any other URL.
pub(crate) fn preview_schema(url: &str) -> Option<Diagnostic> {
    let lower = url.trim().to_ascii_lowercase();
    lower.find(PREVIEW_SCHEMAS)?;
    let file = url.trim().rsplit('/').next().unwrap_or_default();
    Some(
        Diagnostic::new(
            Code::PreviewSchema,
            format!(
                "`$schema` is the 2021 preview's ({}); the file is read as its kind",
                url.trim()
            ),
            KeyPath::key("$schema"),
        )
        .with_help(format!(
            "use https://azuremlschemas.azureedge.net/latest/{file}"
        )),
    )
}

/// `v1-api`: a script's first use of the v1 SDK or CLI (found by `project::mentions::v1_use`).
pub(crate) fn v1_api(
    what: &str,
    eos: &crate::edition::EndOfSupport,
    cell: Option<usize>,
) -> Diagnostic {
    // Words that hold on any date the check is run on, before the end of support or after.
    let deprecated = eos
        .deprecated
        .map(|d| format!("deprecated on {d}, "))
        .unwrap_or_default();
    Diagnostic::new(
        Code::V1Api,
        format!(
            "{what} is {}: {deprecated}end of support {} ({})",
            eos.what, eos.ends, eos.source
        ),
        cell.map_or_else(String::new, |n| format!("cell {n}")),
    )
    .with_help("move to v2: the SDK `azure-ai-ml` or the CLI `az ml` 2.x (Microsoft's \"Upgrade to v2\" guide maps each v1 call)")
}

/// `unused-ignore`: a suppression comment's code that silenced nothing (`known`: whether the
/// code exists at all).
pub(crate) fn unused_ignore(code: &str, whole_file: bool, known: bool) -> Diagnostic {
    let comment = if whole_file { "ignore-file" } else { "ignore" };
    let (message, help) = if known {
        (
            format!("`# aml: {comment}[{code}]` silences nothing here"),
            "remove the code from the comment (or the comment)",
        )
    } else {
        (
            format!("`# aml: {comment}[{code}]` names no code of this checker"),
            "check the spelling: `aml explain --all` lists the codes",
        )
    };
    Diagnostic::new(Code::UnusedIgnore, message, "").with_help(help)
}
