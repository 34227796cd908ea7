//! Reading one file into the project: loading it as the CLI would, recognising its kind, and
//! turning compute, jobs (pipeline children included) and deployments into plan entries with
//! the position of every key they came from.

use std::path::{Component, Path, PathBuf};

use super::kinds::{Recognised, looks_like_azure_ml, recognise, v1_shape};
use super::values::{compute_name, fill_placeholders, is_unknown_value, template_placeholders};
use super::{
    AzureMlDocument, AzureMlFile, AzureMlKind, AzureMlProject, ComputeYaml, DeploymentYaml,
    EnvironmentYaml, Identity, JobEntry, JobYaml, Origin, PipelineSettingsYaml, ResourcesYaml,
};
use crate::fit::InferenceMode;
use crate::gpu::environment_hints;
use crate::lint::rules::{files, values};
use crate::lint::{Diagnostic, KeyPath, SkipReason, SkippedFile};
use crate::plan::{ComputeDef, DeploymentDef, JobDef, Tier};
use crate::project::yaml::{self, Document, Mark, NodeRef, Tag};
use crate::targets::{ComputeKind, InferenceTarget};

/// Deepest pipeline nesting read (inline child pipelines).
const MAX_PIPELINE_DEPTH: usize = 8;

/// What one document yields while it is read.
pub(super) struct Reader<'p, 'd> {
    pub(super) path: &'p Path,
    pub(super) root: NodeRef<'d>,
    /// The placeholders' stand-ins when the file is a template.
    tokens: &'p [String],
    /// Placeholders met in checked values.
    placeholders_met: bool,
    diagnostics: Vec<Diagnostic>,
    /// The pipeline steps being read, innermost last: their key path and node, so a step's
    /// keys are read from its own node (whatever its name holds, dots included).
    bases: Vec<(String, NodeRef<'d>, Mark)>,
}

/// Keys read and where they are.
type Lines = Vec<(String, Mark)>;

fn mark_of(lines: &Lines, key: &str) -> Option<Mark> {
    lines.iter().find(|(k, _)| k == key).map(|(_, m)| *m)
}

/// Where each field of a job or deployment is written: the field, its key path, its place.
type Fields = Vec<(&'static str, String, Mark)>;

/// Takes a job's `resources` (read at `path`): its size and instance count, and where
/// each is written.
fn take_resources(
    job: &mut JobDef,
    fields: &mut Fields,
    resources: Option<&ResourcesYaml>,
    path: &str,
    lines: &Lines,
) {
    if let Some(res) = resources {
        job.size.clone_from(&res.instance_type);
        job.instance_count = res.instance_count;
    }
    for (field, key) in [
        ("size", "instance_type"),
        ("instance_count", "instance_count"),
    ] {
        let key = format!("{path}.{key}");
        if let Some(m) = mark_of(lines, &key) {
            fields.push((field, key, m));
        }
    }
}

/// Takes a job's environment (written at `path`): its name or image, whether it needs a
/// GPU, and where it is written.
fn take_environment(job: &mut JobDef, fields: &mut Fields, env: String, path: &str, lines: &Lines) {
    job.gpu = environment_hints(&env).needs_gpu();
    job.environment = Some(env);
    if let Some(m) = mark_of(lines, path) {
        fields.push(("environment", path.to_owned(), m));
        fields.push(("gpu", path.to_owned(), m));
    }
}

impl<'d> Reader<'_, 'd> {
    /// A diagnostic of `rule` (a constructor of `lint::rules`) at `mark` and `location`.
    fn diagnostic(
        &mut self,
        rule: fn(KeyPath, String) -> Diagnostic,
        mark: Option<Mark>,
        location: &str,
        message: String,
    ) {
        let d = rule(KeyPath::key(location), message).at(self.path, mark.map(super::span));
        self.diagnostics.push(d);
    }

    /// The node at a dotted key path, and the position of its last key. Under a pipeline
    /// step being read, from the step's own node.
    fn node(&self, path: &str) -> Option<(NodeRef<'d>, Mark)> {
        let (mut node, mut mark, rest) = self
            .bases
            .iter()
            .rev()
            .find_map(|(prefix, node, mark)| {
                let rest = path.strip_prefix(prefix.as_str())?;
                if rest.is_empty() {
                    Some((*node, Some(*mark), ""))
                } else {
                    rest.strip_prefix('.')
                        .map(|rest| (*node, Some(*mark), rest))
                }
            })
            .unwrap_or((self.root, None, path));
        if !rest.is_empty() {
            for key in rest.split('.') {
                let (next, m) = node.get(key)?;
                node = next;
                mark = Some(m);
            }
        }
        mark.map(|m| (node, m))
    }

    /// Whether the value at `path` is a placeholder or binding.
    fn is_unknown(&self, path: &str) -> bool {
        self.node(path)
            .and_then(|(n, _)| n.text())
            .is_some_and(|t| is_unknown_value(t, self.tokens))
    }

    /// A string value; a placeholder is `None` (and remembered); a value of the wrong
    /// shape is an `invalid-value` error naming the key.
    fn string(&mut self, path: &str, lines: &mut Lines) -> Option<String> {
        let (node, mark) = self.node(path)?;
        if node.is_null() {
            return None;
        }
        let Some(text) = node.text() else {
            let preview =
                (path == "compute" || path.ends_with(".compute")) && node.get("target").is_some();
            if preview {
                self.diagnostic(
                    values::preview_compute_mapping,
                    Some(mark),
                    path,
                    format!(
                        "`{path}` is a mapping with `target:`, the 2021 preview shape; CLI v2 expects a single value"
                    ),
                );
            } else {
                self.diagnostic(
                    values::invalid_value,
                    Some(mark),
                    path,
                    format!("`{path}` is a list or mapping; a single value is expected"),
                );
            }
            return None;
        };
        if is_unknown_value(text, self.tokens) {
            if !template_placeholders(text).is_empty()
                || self.tokens.iter().any(|t| text.contains(t.as_str()))
            {
                self.placeholders_met = true;
            }
            return None;
        }
        lines.push((path.to_owned(), mark));
        Some(text.to_owned())
    }

    /// A count (an integer, 0 or more, that fits); anything else is an `invalid-value` error.
    fn count<T: TryFrom<u64>>(&mut self, path: &str, lines: &mut Lines) -> Option<T> {
        let (node, mark) = self.node(path)?;
        if node.is_null() {
            return None;
        }
        let text = node.text();
        if text.is_some_and(|t| is_unknown_value(t, self.tokens)) {
            return None;
        }
        let parsed = match (node.tag(), text) {
            (Tag::Int, Some(t)) => parse_yaml_int(t),
            (Tag::Str, Some(t)) => t.trim().parse::<u64>().ok(),
            _ => None,
        };
        if let Some(n) = parsed.and_then(|n| T::try_from(n).ok()) {
            lines.push((path.to_owned(), mark));
            return Some(n);
        }
        let shown = text.map_or_else(
            || "a list or mapping".to_owned(),
            |t| crate::text::Quoted(t).to_string(),
        );
        self.diagnostic(
            values::invalid_value,
            Some(mark),
            path,
            format!(
                "`{path}` is {shown}; a whole number from 0 to {} is expected",
                max_of::<T>()
            ),
        );
        None
    }

    /// `environment`: a name, or an inline mapping with an `image`.
    fn environment(&mut self, path: &str, lines: &mut Lines) -> Option<EnvironmentYaml> {
        let (node, mark) = self.node(path)?;
        if node.is_mapping() {
            let image = node
                .get("image")
                .and_then(|(i, _)| i.text())
                .filter(|i| !is_unknown_value(i, self.tokens))
                .map(str::to_owned);
            lines.push((path.to_owned(), mark));
            return Some(EnvironmentYaml::Inline { image });
        }
        self.string(path, lines).map(EnvironmentYaml::Name)
    }

    /// `resources` at `path` when it is a mapping; another value is an `invalid-value` error.
    fn resources(&mut self, path: &str, lines: &mut Lines) -> Option<ResourcesYaml> {
        let (node, mark) = self.node(path)?;
        if !node.is_mapping() {
            if !node.is_null() {
                self.diagnostic(
                    values::invalid_value,
                    Some(mark),
                    path,
                    format!("`{path}` is not a mapping; expected keys such as instance_type and instance_count"),
                );
            }
            return None;
        }
        Some(ResourcesYaml {
            instance_type: self.string(&format!("{path}.instance_type"), lines),
            instance_count: self.count(&format!("{path}.instance_count"), lines),
        })
    }
}

/// The largest value of a count type, for messages.
fn max_of<T: TryFrom<u64>>() -> u64 {
    let (mut lo, mut hi) = (0_u64, u64::MAX);
    while lo < hi {
        let mid = lo + (hi - lo).div_ceil(2);
        if T::try_from(mid).is_ok() {
            lo = mid;
        } else {
            hi = mid - 1;
        }
    }
    lo
}

/// A YAML 1.1 integer as PyYAML reads it (`0x1F`, `017`, `0o17`, `1_000`, `1:30`, `-0x0`), if
/// it is 0 or more and fits.
fn parse_yaml_int(text: &str) -> Option<u64> {
    crate::project::yaml::int_value(text).and_then(|v| u64::try_from(v).ok())
}

/// `a compute`, `an online endpoint`.
fn with_article(noun: &str) -> String {
    let vowel = noun.starts_with(['a', 'e', 'i', 'o', 'u', 'A', 'E', 'I', 'O', 'U']);
    format!("{} {noun}", if vowel { "an" } else { "a" })
}

/// A file's name without its extension, for documents without a `name`.
pub(super) fn file_stem(path: &Path) -> String {
    path.file_stem().map_or_else(
        || path.display().to_string(),
        |s| s.to_string_lossy().into_owned(),
    )
}

/// `{{A}}, {{B}}` for a note, the first ten distinct ones.
fn placeholder_list(placeholders: &[(usize, usize, &str)]) -> String {
    let mut names: Vec<&str> = Vec::new();
    for &(_, _, name) in placeholders {
        if !names.contains(&name) {
            names.push(name);
        }
    }
    let more = names.len().saturating_sub(10);
    let mut list: Vec<String> = names
        .iter()
        .take(10)
        .map(|n| format!("{{{{{n}}}}}"))
        .collect();
    if more > 0 {
        list.push(format!("and {more} more"));
    }
    list.join(", ")
}

/// The line and column of a byte offset.
pub(super) fn offset_mark(text: &str, offset: usize) -> Mark {
    let before = &text[..offset.min(text.len())];
    Mark {
        line: before.matches('\n').count(),
        column: before.rsplit('\n').next().unwrap_or("").chars().count(),
    }
}

/// `dir/../x/./y` → `x/y`, lexically (a component reference names a file beside the job).
pub(super) fn normalize(path: &Path) -> PathBuf {
    let mut out: Vec<Component<'_>> = Vec::new();
    for c in path.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                if matches!(out.last(), Some(Component::Normal(_))) {
                    out.pop();
                } else {
                    out.push(c);
                }
            }
            c => out.push(c),
        }
    }
    out.iter().collect()
}

/// A local component file named by `component:` (`./train.yml`, `file:../c.yml`), relative to
/// the file that names it; registered components (`azureml:…`) are not local.
fn local_component(from: &Path, value: &str) -> Option<PathBuf> {
    let v = value.trim();
    let v = v.strip_prefix("file:").unwrap_or(v);
    if v.starts_with("azureml:") || v.contains("://") || v.is_empty() {
        return None;
    }
    let dir = from.parent().unwrap_or(Path::new(""));
    Some(normalize(&dir.join(v)))
}

/// Where a job's compute comes from: a compute name (`None` for serverless), and the key
/// and position it was read at.
#[derive(Clone)]
struct ComputeRef {
    name: Option<String>,
    key: String,
    mark: Mark,
}

impl AzureMlProject {
    fn note_at(&mut self, file: &Path, mark: Option<Mark>, d: Diagnostic) {
        self.reading.push(d.at(file, mark.map(super::span)));
    }

    /// Reads one YAML file; returns whether its text should also be scanned for size
    /// mentions (YAML that is not Azure ML's, and kinds whose sizes the reader does not read).
    pub(super) fn add(&mut self, path: &Path, text: &str) -> bool {
        let placeholders = template_placeholders(text);
        let (doc, tokens, filled) = match yaml::load(text) {
            Ok(doc) => (doc, Vec::new(), false),
            Err(e) if e.too_dense => {
                self.skipped
                    .push(SkippedFile::new(path, SkipReason::TooDense));
                return true;
            }
            Err(e) if placeholders.is_empty() => {
                if looks_like_azure_ml(text) {
                    self.files_read += 1;
                    self.note_at(path, Some(e.mark), files::yaml_syntax(&e));
                    return false;
                }
                self.files_read += 1;
                return true;
            }
            Err(first) => {
                let (filled_text, tokens) = fill_placeholders(text, &placeholders);
                match yaml::load(&filled_text) {
                    Ok(doc) => (doc, tokens, true),
                    Err(filled) => {
                        if !looks_like_azure_ml(text) {
                            self.files_read += 1;
                            return true;
                        }
                        self.files_read += 1;
                        // Lenient inside the placeholders only: with each `{{NAME}}` filled
                        // by a word of its length, an error that remains is the file's own
                        // (a template engine's `{% … %}` blocks are not YAML until rendered).
                        if text.contains("{%") || text.contains("{#") {
                            let names = placeholder_list(&placeholders);
                            let mark = offset_mark(text, placeholders[0].0);
                            self.note_at(
                                path,
                                Some(mark),
                                files::template(format!(
                                    "a template with placeholders {names}; it does not load until they are filled in ({first}), so it is not checked"
                                )),
                            );
                        } else {
                            self.note_at(path, Some(filled.mark), files::yaml_syntax(&filled));
                        }
                        // Its size names are still read.
                        return true;
                    }
                }
            }
        };
        let Some(doc) = doc else {
            self.files_read += 1;
            return false;
        };
        match recognise(doc.root()) {
            Recognised::NotAzureMl => {
                self.files_read += 1;
                let root = doc.root();
                if let Some((what, key)) = v1_shape(root) {
                    let [sdk, _] = &crate::edition::V1_END_OF_SUPPORT;
                    let mark = root.get(key).map(|(_, m)| m);
                    self.note_at(path, mark, files::v1_api(what, sdk, None));
                }
                true
            }
            Recognised::UnknownSchema(url) => {
                self.files_read += 1;
                let mark = doc.root().get("$schema").map(|(_, m)| m);
                self.note_at(
                    path,
                    mark,
                    files::not_checked(
                        KeyPath::key("$schema"),
                        format!(
                            "an Azure ML file of a kind this crate does not know ($schema {url}); not checked"
                        ),
                    ),
                );
                true
            }
            Recognised::Kind(kind) => {
                self.files_read += 1;
                if let Some((schema, mark)) = doc.root().get("$schema") {
                    if let Some(note) = schema.text().and_then(files::preview_schema) {
                        self.note_at(path, Some(mark), note);
                    }
                }
                let (placeholders_met, checked) = self.add_document(path, &doc, kind, &tokens);
                if filled || placeholders_met {
                    let names = placeholder_list(&placeholders);
                    let first = placeholders
                        .first()
                        .map(|&(offset, _, _)| offset_mark(text, offset));
                    let message = if names.is_empty() {
                        "a template: values that are placeholders are filled in before use and are not checked".to_owned()
                    } else {
                        format!(
                            "a template with placeholders {names}, filled in before use; values that are placeholders are not checked"
                        )
                    };
                    self.note_at(path, first, files::template(message));
                }
                !checked
            }
        }
    }

    /// Reads one recognised document; returns whether a checked value was a placeholder,
    /// and whether the reader checked the document's sizes.
    fn add_document(
        &mut self,
        path: &Path,
        doc: &Document,
        kind: AzureMlKind,
        tokens: &[String],
    ) -> (bool, bool) {
        let mut reader = Reader {
            path,
            root: doc.root(),
            tokens,
            placeholders_met: false,
            diagnostics: Vec::new(),
            bases: Vec::new(),
        };
        let checked = match kind {
            AzureMlKind::Compute => self.add_compute(&mut reader),
            AzureMlKind::Job => self.add_job(&mut reader),
            AzureMlKind::ManagedOnlineDeployment
            | AzureMlKind::KubernetesOnlineDeployment
            | AzureMlKind::BatchDeployment => {
                self.add_deployment(&mut reader, kind);
                true
            }
            other => {
                if other == AzureMlKind::Component {
                    self.add_component(&mut reader);
                }
                let (key, mark) = match reader.root.get("$schema") {
                    Some((_, m)) => ("$schema", m),
                    None => (
                        "type",
                        reader
                            .root
                            .get("type")
                            .map_or(reader.root.mark(), |(_, m)| m),
                    ),
                };
                reader.diagnostic(
                    files::not_checked,
                    Some(mark),
                    key,
                    format!(
                        "{}: recognised, not checked (this crate checks compute, jobs and deployments)",
                        with_article(other.as_str())
                    ),
                );
                self.documents.push(AzureMlDocument {
                    file: path.to_owned(),
                    line: doc.root().mark().line1(),
                    content: AzureMlFile::Other(other),
                });
                false
            }
        };
        self.reading.extend(reader.diagnostics);
        (reader.placeholders_met, checked)
    }

    /// A component's environment, for pipeline steps that name its file.
    fn add_component(&mut self, r: &mut Reader<'_, '_>) {
        let mut lines = Lines::new();
        let env = r
            .environment("environment", &mut lines)
            .and_then(|e| e.name_or_image().map(str::to_owned));
        let mark = mark_of(&lines, "environment");
        if let (Some(env), Some(mark)) = (env, mark) {
            self.components
                .insert(normalize(r.path), (env, r.path.to_owned(), mark));
        }
    }

    /// Returns whether the compute's size was read (a compute of a kind this crate checks).
    fn add_compute(&mut self, r: &mut Reader<'_, '_>) -> bool {
        let mut lines = Lines::new();
        let y = ComputeYaml {
            schema: r.string("$schema", &mut lines),
            name: r.string("name", &mut lines),
            kind: r.string("type", &mut lines),
            size: r.string("size", &mut lines),
            tier: r.string("tier", &mut lines),
            min_instances: r.count("min_instances", &mut lines),
            max_instances: r.count("max_instances", &mut lines),
            idle_time_before_scale_down: r.count("idle_time_before_scale_down", &mut lines),
            idle_time_before_shutdown_minutes: r
                .count("idle_time_before_shutdown_minutes", &mut lines),
            location: r.string("location", &mut lines),
        };
        let start = r.root.mark();
        let Some(ty) = y.kind.as_deref() else {
            r.diagnostic(
                files::not_checked,
                Some(start),
                "type",
                "a compute file without a `type`; not checked".to_owned(),
            );
            return false;
        };
        let kind = match ty.to_ascii_lowercase().as_str() {
            "amlcompute" => ComputeKind::ComputeCluster,
            "computeinstance" => ComputeKind::ComputeInstance,
            "kubernetes" => ComputeKind::Kubernetes,
            "virtualmachine" => ComputeKind::RemoteVm,
            "synapsespark" => ComputeKind::SynapseSpark,
            other => {
                let message = format!(
                    "compute type {other:?} is not checked (checked: amlcompute, computeinstance, kubernetes, virtualmachine, synapsespark)"
                );
                r.diagnostic(files::not_checked, mark_of(&lines, "type"), "type", message);
                return false;
            }
        };
        if let Some(tier) = y.tier.as_deref() {
            if tier.parse::<Tier>().is_err() {
                r.diagnostic(
                    values::invalid_value,
                    mark_of(&lines, "tier"),
                    "tier",
                    format!(
                        "`tier` is {}; expected dedicated or low_priority",
                        crate::text::Quoted(tier)
                    ),
                );
            }
        }
        let name = y.name.clone().unwrap_or_default();
        if let (Some(name), Some(mark)) = (&y.name, mark_of(&lines, "name")) {
            self.identities.push(Identity {
                what: "compute",
                shown: format!("{name:?}"),
                key: name.to_ascii_lowercase(),
                file: r.path.to_owned(),
                mark,
            });
        }
        let mut def = ComputeDef::new(&name, kind);
        def.size.clone_from(&y.size);
        def.tier = y.tier.as_deref().and_then(|t| t.parse::<Tier>().ok());
        def.min_instances = y.min_instances;
        def.max_instances = y.max_instances;
        def.idle_time_before_scale_down = y.idle_time_before_scale_down;
        def.idle_time_before_shutdown_minutes = y.idle_time_before_shutdown_minutes;
        def.region.clone_from(&y.location);
        let fields: Vec<_> = [
            "size",
            "tier",
            "min_instances",
            "max_instances",
            "idle_time_before_scale_down",
            "idle_time_before_shutdown_minutes",
        ]
        .into_iter()
        .filter_map(|f| mark_of(&lines, f).map(|m| (f, f.to_owned(), m)))
        .collect();
        self.computes.push((
            def,
            Origin {
                file: r.path.into(),
                fields: fields.into(),
                start,
            },
        ));
        self.documents.push(AzureMlDocument {
            file: r.path.to_owned(),
            line: start.line1(),
            content: AzureMlFile::Compute(y),
        });
        true
    }

    /// The compute a job or pipeline writes at `prefix` (`compute`, then
    /// `settings.default_compute`): `Err(())` when it is a placeholder or binding,
    /// `Ok(None)` when it writes none. `read`: the two values when the caller has read them
    /// already (each key is read once: a second read would report a bad value again).
    fn compute_ref(
        r: &mut Reader<'_, '_>,
        prefix: &str,
        lines: &mut Lines,
        read: Option<[Option<String>; 2]>,
    ) -> Result<Option<ComputeRef>, ()> {
        let mut read = read.map(IntoIterator::into_iter);
        for key in ["compute", "settings.default_compute"] {
            let path = if prefix.is_empty() {
                key.to_owned()
            } else {
                format!("{prefix}.{key}")
            };
            if r.is_unknown(&path) {
                return Err(());
            }
            let value = match &mut read {
                Some(values) => values.next().flatten(),
                None => r.string(&path, lines),
            };
            if let Some(value) = value {
                let mark = mark_of(lines, &path).unwrap_or_default();
                let name = compute_name(&value);
                let name = (!name.eq_ignore_ascii_case("serverless")).then(|| name.to_owned());
                return Ok(Some(ComputeRef {
                    name,
                    key: path,
                    mark,
                }));
            }
        }
        Ok(None)
    }

    /// Returns whether the reader checked the job's sizes.
    fn add_job(&mut self, r: &mut Reader<'_, '_>) -> bool {
        let mut lines = Lines::new();
        let start = r.root.mark();
        let ty_text = r.string("type", &mut lines);
        let ty = ty_text
            .as_deref()
            .map_or_else(|| "command".to_owned(), str::to_ascii_lowercase);
        if !matches!(ty.as_str(), "command" | "sweep" | "pipeline" | "automl") {
            let mark = mark_of(&lines, "type").unwrap_or(start);
            r.diagnostic(
                files::not_checked,
                Some(mark),
                "type",
                format!(
                    "{} job: recognised, not checked (checked: command, sweep, pipeline, automl)",
                    with_article(&ty)
                ),
            );
            return false;
        }
        // A sweep's trial holds its resources and environment.
        let trial = r.root.get("trial").is_some();
        let resources_path = if r.node("resources").is_none() && trial {
            "trial.resources"
        } else {
            "resources"
        };
        let env_path = if r.node("environment").is_none() && trial {
            "trial.environment"
        } else {
            "environment"
        };
        let resources = r.resources(resources_path, &mut lines);
        let y = JobYaml {
            schema: r.string("$schema", &mut lines),
            name: r.string("name", &mut lines),
            display_name: r.string("display_name", &mut lines),
            kind: ty_text,
            compute: r.string("compute", &mut lines),
            resources,
            environment: r.environment(env_path, &mut lines),
            settings: r.node("settings").map(|_| PipelineSettingsYaml {
                default_compute: r.string("settings.default_compute", &mut lines),
            }),
        };
        if let (Some(name), Some(mark)) = (&y.name, mark_of(&lines, "name")) {
            self.identities.push(Identity {
                what: "job",
                shown: format!("{name:?}"),
                key: name.clone(),
                file: r.path.to_owned(),
                mark,
            });
        }
        // A job without `name` gets a generated one from Azure: for messages, its display
        // name or file name.
        let shown_name = y
            .name
            .clone()
            .or_else(|| y.display_name.clone())
            .unwrap_or_else(|| file_stem(r.path));
        self.documents.push(AzureMlDocument {
            file: r.path.to_owned(),
            line: start.line1(),
            content: AzureMlFile::Job(y.clone()),
        });
        let read = [
            y.compute.clone(),
            y.settings.as_ref().and_then(|s| s.default_compute.clone()),
        ];
        let Ok(compute) = Self::compute_ref(r, "", &mut lines, Some(read)) else {
            return true; // runs on a compute the file does not name
        };
        let compute = compute.unwrap_or(ComputeRef {
            name: None,
            key: "compute".to_owned(),
            mark: start,
        });
        // A pipeline with steps: the steps are the jobs that run (the pipeline itself is
        // checked only when none of its steps is).
        if ty == "pipeline" && r.node("jobs").is_some_and(|(n, _)| n.is_mapping()) {
            let before = self.jobs.len();
            self.add_children(r, "jobs", &shown_name, &compute, 0);
            if self.jobs.len() > before {
                return true;
            }
        }
        let mut job = JobDef {
            name: shown_name,
            automated_ml: ty == "automl",
            ml_pipelines: ty == "pipeline",
            ..JobDef::default()
        };
        job.target = compute
            .name
            .clone()
            .unwrap_or_else(|| "serverless-compute".to_owned());
        let mut fields = vec![("target", compute.key.clone(), compute.mark)];
        take_resources(
            &mut job,
            &mut fields,
            y.resources.as_ref(),
            resources_path,
            &lines,
        );
        if let Some(env) = y
            .environment
            .as_ref()
            .and_then(EnvironmentYaml::name_or_image)
        {
            take_environment(&mut job, &mut fields, env.to_owned(), env_path, &lines);
        }
        self.jobs.push(JobEntry {
            def: job,
            origin: Origin {
                file: r.path.into(),
                fields: fields.into(),
                start,
            },
            component: None,
        });
        true
    }

    /// The steps of a pipeline under `prefix` (`jobs`, `jobs.sub.jobs`): command, sweep and
    /// AutoML steps become jobs on their own compute or the pipeline's default; inline child
    /// pipelines are read in turn.
    fn add_children(
        &mut self,
        r: &mut Reader<'_, '_>,
        prefix: &str,
        pipeline: &str,
        inherited: &ComputeRef,
        depth: usize,
    ) {
        if depth > MAX_PIPELINE_DEPTH {
            return;
        }
        let Some((jobs, _)) = r.node(prefix) else {
            return;
        };
        let outer = r.bases.len();
        for (child, node, key_mark) in jobs.entries() {
            r.bases.truncate(outer);
            if !node.is_mapping() {
                continue;
            }
            let path = format!("{prefix}.{child}");
            r.bases.push((path.clone(), node, key_mark));
            let mut lines = Lines::new();
            let ty = r
                .string(&format!("{path}.type"), &mut lines)
                .map_or_else(|| "command".to_owned(), |t| t.to_ascii_lowercase());
            let Ok(own) = Self::compute_ref(r, &path, &mut lines, None) else {
                continue; // on a compute the file does not name
            };
            // The step's own compute, or the pipeline's (whose key says where it is written).
            let compute = own.clone().unwrap_or_else(|| inherited.clone());
            if ty == "pipeline" {
                let inner = format!("{path}.jobs");
                if r.node(&inner).is_some_and(|(n, _)| n.is_mapping()) {
                    self.add_children(
                        r,
                        &inner,
                        &format!("{pipeline}/{child}"),
                        &compute,
                        depth + 1,
                    );
                }
                continue;
            }
            if !matches!(ty.as_str(), "command" | "sweep" | "automl") {
                continue;
            }
            let trial = format!("{path}.trial");
            let env_path = if ty == "sweep" && r.node(&format!("{path}.environment")).is_none() {
                format!("{trial}.environment")
            } else {
                format!("{path}.environment")
            };
            let resources = r.resources(&format!("{path}.resources"), &mut lines);
            let environment = r
                .environment(&env_path, &mut lines)
                .and_then(|e| e.name_or_image().map(str::to_owned));
            let mut job = JobDef {
                name: format!("{pipeline}/{child}"),
                automated_ml: ty == "automl",
                ml_pipelines: true,
                ..JobDef::default()
            };
            job.target = compute
                .name
                .clone()
                .unwrap_or_else(|| "serverless-compute".to_owned());
            // A step on its own compute points at its `compute:`, one on the pipeline's
            // default at the step; a missing compute is reported where its name is written.
            let target_mark = own.as_ref().map_or(key_mark, |c| c.mark);
            let mut fields = vec![
                ("target", format!("{path}.compute"), target_mark),
                ("compute", compute.key.clone(), compute.mark),
            ];
            take_resources(
                &mut job,
                &mut fields,
                resources.as_ref(),
                &format!("{path}.resources"),
                &lines,
            );
            // The environment: the step's, or that of the component file it names.
            let mut component = None;
            if let Some(env) = environment {
                take_environment(&mut job, &mut fields, env, &env_path, &lines);
            } else {
                let reference = if ty == "sweep" {
                    trial.clone()
                } else {
                    format!("{path}.component")
                };
                if let Some((node, mark)) = r.node(&reference) {
                    if let Some(file) = node.text().and_then(|v| local_component(r.path, v)) {
                        component = Some(file);
                        fields.push(("environment", reference.clone(), mark));
                        fields.push(("gpu", reference, mark));
                    } else if node.is_mapping() {
                        let inline = format!("{reference}.environment");
                        if let Some(env) = r
                            .environment(&inline, &mut lines)
                            .and_then(|e| e.name_or_image().map(str::to_owned))
                        {
                            take_environment(&mut job, &mut fields, env, &inline, &lines);
                        }
                    }
                }
            }
            self.jobs.push(JobEntry {
                def: job,
                origin: Origin {
                    file: r.path.into(),
                    fields: fields.into(),
                    start: key_mark,
                },
                component,
            });
        }
        r.bases.truncate(outer);
    }

    fn add_deployment(&mut self, r: &mut Reader<'_, '_>, kind: AzureMlKind) {
        let mut lines = Lines::new();
        let start = r.root.mark();
        let resources = r.resources("resources", &mut lines);
        let y = DeploymentYaml {
            schema: r.string("$schema", &mut lines),
            name: r.string("name", &mut lines),
            endpoint_name: r.string("endpoint_name", &mut lines),
            kind: r.string("type", &mut lines),
            instance_type: r.string("instance_type", &mut lines),
            instance_count: r.count("instance_count", &mut lines),
            compute: r.string("compute", &mut lines),
            resources,
            environment: r.environment("environment", &mut lines),
        };
        let batch = kind == AzureMlKind::BatchDeployment;
        // Identity: (online or batch, endpoint, name); without the endpoint (given on the
        // command line) or the name, nothing to compare.
        if let (Some(name), Some(endpoint), Some(mark)) =
            (&y.name, &y.endpoint_name, mark_of(&lines, "name"))
        {
            let what = if batch {
                "batch deployment"
            } else {
                "online deployment"
            };
            self.identities.push(Identity {
                what,
                shown: format!("{name:?} of endpoint {endpoint:?}"),
                key: format!(
                    "{}\u{0}{}",
                    endpoint.to_ascii_lowercase(),
                    name.to_ascii_lowercase()
                ),
                file: r.path.to_owned(),
                mark,
            });
        }
        let shown_name = match (&y.endpoint_name, &y.name) {
            (Some(e), Some(n)) => format!("{e}/{n}"),
            (None, Some(n)) => n.clone(),
            (_, None) => file_stem(r.path),
        };
        let target = match kind {
            AzureMlKind::KubernetesOnlineDeployment => InferenceTarget::Kubernetes,
            _ => InferenceTarget::Endpoints,
        };
        let mut d = DeploymentDef::new(&shown_name, target);
        let mut fields = Vec::new();
        if batch {
            d.mode = InferenceMode::Batch;
            // The compute it runs on: `compute`, or a pipeline component deployment's
            // `settings.default_compute`.
            let compute = y.compute.clone().map(|c| (c, "compute")).or_else(|| {
                r.string("settings.default_compute", &mut lines)
                    .map(|c| (c, "settings.default_compute"))
            });
            if let Some((value, key)) = compute {
                let name = compute_name(&value);
                if !name.eq_ignore_ascii_case("serverless") {
                    d.compute = Some(name.to_owned());
                    if let Some(m) = mark_of(&lines, key) {
                        fields.push(("compute", key.to_owned(), m));
                    }
                }
            }
        }
        // A Kubernetes deployment's instance_type names a Kubernetes instance type, not a VM.
        if kind == AzureMlKind::ManagedOnlineDeployment {
            d.size.clone_from(&y.instance_type);
            if let Some(m) = mark_of(&lines, "instance_type") {
                fields.push(("size", "instance_type".to_owned(), m));
            }
        }
        d.instance_count = y
            .instance_count
            .or_else(|| y.resources.as_ref().and_then(|r| r.instance_count));
        for key in ["instance_count", "resources.instance_count"] {
            if let Some(m) = mark_of(&lines, key) {
                fields.push(("instance_count", key.to_owned(), m));
                break;
            }
        }
        if let Some(env) = y
            .environment
            .as_ref()
            .and_then(EnvironmentYaml::name_or_image)
        {
            let hints = environment_hints(env);
            d.gpu = hints.needs_gpu();
            d.environment = Some(env.to_owned());
            if let Some(m) = mark_of(&lines, "environment") {
                fields.push(("gpu", "environment".to_owned(), m));
                fields.push(("environment", "environment".to_owned(), m));
            }
        }
        self.deployments.push((
            d,
            Origin {
                file: r.path.into(),
                fields: fields.into(),
                start,
            },
        ));
        let content = if batch {
            AzureMlFile::BatchDeployment(y)
        } else {
            AzureMlFile::OnlineDeployment(y)
        };
        self.documents.push(AzureMlDocument {
            file: r.path.to_owned(),
            line: start.line1(),
            content,
        });
    }
}
