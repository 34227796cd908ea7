//! Azure ML repositories: CLI v2 YAML files — compute, jobs (pipeline steps included),
//! online and batch deployments — read into a [`Plan`](crate::plan::Plan) and checked with
//! [`validate`](crate::lint::validate); computes defined elsewhere (`az ml compute list` output,
//! `az ml compute create` in scripts); and VM size names mentioned anywhere else (scripts,
//! notebooks, templates, YAML values). Every diagnostic points at the file, line, column and
//! key. Needs the `yaml` feature.
//!
//! Precision on repositories nobody here wrote comes first:
//!
//! - Files are loaded as the Azure ML CLI loads them (PyYAML's `safe_load`; see the crate's
//!   YAML loader): what the CLI accepts is read, what it rejects is a `yaml-syntax` error with
//!   line and column — for files that look like Azure ML's; other YAML is listed as skipped,
//!   with the reason, and its values are scanned for size names.
//! - Every Azure ML file kind is recognised by its `$schema`, or without one by its shape
//!   (`type` and the keys that go with it). Kinds this crate does not check (components,
//!   endpoints, data, environments, connections, workspaces, …) are `not-checked` notes.
//! - Identity follows Azure: a compute is its name; a job without `name` gets a generated
//!   one and is never a duplicate; a deployment is (online or batch, `endpoint_name`,
//!   `name`) and is not compared without `endpoint_name` (the CLI's `--endpoint-name`
//!   supplies it). A real duplicate is a warning — sample repositories define alternatives
//!   on purpose — that names both places.
//! - Templates: a file with `{{NAME}}` placeholders, which scripts substitute before use,
//!   gets one `template` note, never an error. Values that are placeholders (`{{NAME}}`,
//!   `<NAME>`, `$NAME`, `${{…}}` bindings) are unknown: never checked as sizes, computes,
//!   images or names.
//!
//! Mapping to the plan: a compute file becomes a [`ComputeDef`]; a job becomes a [`JobDef`]
//! whose target is its `compute` (`azureml:NAME`, resolved against the computes of the
//! project — its YAML files first, then computes given with
//! [`AzureMlProject::with_computes`], then those scripts create; `azureml:serverless` or no
//! compute is serverless compute, sized by `resources.instance_type`). A pipeline's steps
//! are jobs of their own, on their own compute or the pipeline's default, with their own
//! environment or that of the component file they name. A managed online deployment is a
//! real-time deployment to Azure ML endpoints sized by `instance_type`; a Kubernetes online
//! deployment one to Kubernetes; a batch deployment runs on its `compute`.

mod kinds;
mod models;
mod read;
pub(crate) mod values;

use std::collections::hash_map::Entry;
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

pub use kinds::AzureMlKind;
pub use models::{
    AzureMlDocument, AzureMlFile, ComputeYaml, DeploymentYaml, EnvironmentYaml, JobYaml,
    PipelineSettingsYaml, ResourcesYaml,
};

use crate::lint::MentionContext;
use crate::lint::rules::{files, names, targets};
use crate::lint::{
    Code, Diagnostic, KeyPath, PlanList, Related, Report, SkipReason, SkippedFile, Span,
};
use crate::plan::{ComputeDef, DeploymentDef, JobDef, Plan, Tier};
use crate::project::DefinedCompute;
use crate::project::globs::Globs;
use crate::project::ignores::Ignore;
use crate::project::mentions::{SizeMention, TextKind, each_mention};
use crate::project::walk;
use crate::project::yaml::Mark;
use crate::targets::ComputeKind;
use crate::vm::{Catalog, VmSize};

/// Where a plan entry's fields come from.
#[derive(Debug, Clone)]
struct Origin {
    /// Shared with the plan's copy of the entry.
    file: std::sync::Arc<Path>,
    /// Plan field name -> (YAML key path, key position); shared with the plan's copy.
    fields: std::sync::Arc<[(&'static str, String, Mark)]>,
    /// Where the entry starts.
    start: Mark,
}

impl Origin {
    fn field(&self, name: &str) -> Option<(&str, Mark)> {
        self.fields
            .iter()
            .find(|(f, _, _)| *f == name)
            .map(|(_, k, m)| (k.as_str(), *m))
    }
}

/// A job and where it came from.
#[derive(Debug, Clone)]
struct JobEntry {
    def: JobDef,
    origin: Origin,
    /// The local component file whose environment the job runs, when it has none of its own.
    component: Option<PathBuf>,
}

/// An identity Azure would enforce, and where it was defined.
#[derive(Debug, Clone)]
struct Identity {
    /// `compute`, `job`, `online deployment`, `batch deployment`.
    what: &'static str,
    /// What the message calls it (`"gpu-cluster"`, `"blue" of endpoint "my-endpoint"`).
    shown: String,
    /// The comparison key.
    key: String,
    file: PathBuf,
    mark: Mark,
}

/// A size name found in a file, kept until the check's date is known.
#[derive(Debug, Clone)]
struct Mention {
    /// Shared by the file's mentions.
    file: std::sync::Arc<Path>,
    name: String,
    size: VmSize,
    line: usize,
    column: usize,
    cell: Option<usize>,
    context: MentionContext,
    key: Option<String>,
    /// For the mention after the first [`MENTIONS_SHOWN`] of a name in a file: how many
    /// mentions it stands for (itself and the ones after it).
    more: usize,
}

/// How many mentions of one size name, in one file and one kind of place (provisioning or
/// not), are reported one by one; the rest are one finding, "… and N more mentions".
const MENTIONS_SHOWN: usize = 5;

/// Files a reading thread takes at a time.
const BATCH: usize = 16;

/// The parts of a project read by batches, put together in walk order as they come.
#[derive(Default)]
struct InOrder {
    project: AzureMlProject,
    /// Parts read ahead of a part not read yet, by batch.
    waiting: std::collections::BTreeMap<usize, AzureMlProject>,
    /// The batch whose part joins next.
    next: usize,
}

impl InOrder {
    /// Adds the part of batch `index`, and every waiting part that can join after it.
    fn add(&mut self, index: usize, part: AzureMlProject) {
        self.waiting.insert(index, part);
        while let Some(part) = self.waiting.remove(&self.next) {
            self.project.absorb(part);
            self.next += 1;
        }
    }

    /// Adds the parts the reading threads finished.
    fn take(&mut self, done: &std::sync::Mutex<Vec<(usize, AzureMlProject)>>) {
        let finished = match done.lock() {
            Ok(mut done) => std::mem::take(&mut *done),
            Err(_) => return,
        };
        for (index, part) in finished {
            self.add(index, part);
        }
    }
}

/// Which files [`AzureMlProject::read_paths_with`] reads, besides the usual ones.
///
/// ```
/// use aml_targets::project::ReadOptions;
///
/// let options = ReadOptions::default().include("*.md").exclude("docs/archive/**");
/// assert_eq!(options.include, ["*.md"]);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[non_exhaustive]
pub struct ReadOptions {
    /// Globs of files to read too (`*.md`: Markdown is a sweep, not read by default). A
    /// glob without `/` matches file names; one with `/` matches paths; `*` stays within a
    /// folder, `**` crosses folders, `?` is one character, `[ab]` and `{a,b}` are
    /// alternatives (globset's syntax). A glob that does not compile makes the read fail.
    pub include: Vec<String>,
    /// Globs of files and folders not to read: `venv` (a name: any folder or file so named),
    /// `docs/archive` or `docs/archive/**` (a path: that folder, not entered).
    pub exclude: Vec<String>,
}

impl ReadOptions {
    /// Also reads files matching `glob`.
    #[must_use]
    pub fn include(mut self, glob: impl Into<String>) -> Self {
        self.include.push(glob.into());
        self
    }

    /// Does not read files or folders matching `glob`.
    #[must_use]
    pub fn exclude(mut self, glob: impl Into<String>) -> Self {
        self.exclude.push(glob.into());
        self
    }

    /// The globs compiled: (include, exclude).
    ///
    /// # Errors
    ///
    /// The first glob that does not compile.
    pub(crate) fn compiled(&self) -> Result<(Globs, Globs), String> {
        Ok((Globs::new(&self.include)?, Globs::new(&self.exclude)?))
    }
}

/// Whether the walk reads `path`: YAML, scripts, Python, notebooks, JSON, Bicep and Terraform
/// by default, plus what `include` names, minus what `exclude` names.
fn wants(include: &Globs, exclude: &Globs, path: &Path) -> bool {
    if exclude.matches(path) {
        return false;
    }
    let usual = TextKind::from_path(path).is_some_and(|k| k != TextKind::Markdown);
    usual || include.matches(path)
}

/// A set of Azure ML files, scripts and templates read into one plan, ready to check.
///
/// ```
/// use aml_targets::{AzureMlProject, Code};
///
/// let compute = "$schema: https://azuremlschemas.azureedge.net/latest/amlCompute.schema.json
/// name: gpu-cluster
/// type: amlcompute
/// size: Standard_NC6
/// ";
/// let job = "$schema: https://azuremlschemas.azureedge.net/latest/commandJob.schema.json
/// command: python train.py
/// compute: azureml:gpu-cluster
/// environment: mcr.microsoft.com/azureml/openmpi4.1.0-cuda12.1-cudnn8-ubuntu22.04:latest
/// ";
/// let project = AzureMlProject::from_sources([
///     ("compute/gpu.yml", compute),
///     ("jobs/train.yml", job),
/// ]);
/// let report = project.check("2026-11-26".parse()?);
/// let codes: Vec<Code> = report.diagnostics.iter().map(|d| d.code).collect();
/// assert_eq!(codes, [Code::RetiredSeries, Code::CudaNvidia]);
/// assert_eq!(report.diagnostics[0].line(), Some(4)); // the `size:` key
/// assert_eq!(report.diagnostics[1].file_or_empty().to_str(), Some("jobs/train.yml"));
/// // The job's diagnostic says where its compute is defined.
/// assert_eq!(report.diagnostics[1].related[0].file.to_str(), Some("compute/gpu.yml"));
/// # Ok::<(), aml_targets::date::ParseDateError>(())
/// ```
#[derive(Debug, Clone, Default)]
pub struct AzureMlProject {
    documents: Vec<AzureMlDocument>,
    /// Computes of the YAML files.
    computes: Vec<(ComputeDef, Origin)>,
    /// Computes given with `with_computes` (`az ml compute list`).
    listed: Vec<(ComputeDef, Origin)>,
    /// Computes `az ml compute create` makes in scripts.
    scripted: Vec<(ComputeDef, Origin)>,
    jobs: Vec<JobEntry>,
    deployments: Vec<(DeploymentDef, Origin)>,
    /// Component files' environments: normalized path → (environment, file, key position).
    components: HashMap<PathBuf, (String, PathBuf, Mark)>,
    identities: Vec<Identity>,
    mentions: Vec<Mention>,
    /// Each file's suppression comments.
    ignores: HashMap<PathBuf, Vec<Ignore>>,
    /// Diagnostics found while reading (syntax errors, unchecked kinds, templates, bad
    /// values).
    reading: Vec<Diagnostic>,
    files_read: usize,
    skipped: Vec<SkippedFile>,
    // Built by `finish`: the plan and where each of its entries came from.
    plan: Plan,
    plan_computes: Vec<Origin>,
    plan_jobs: Vec<(Origin, Option<usize>)>,
    plan_deployments: Vec<(Origin, Option<usize>)>,
    resolution: Vec<Diagnostic>,
    /// The region's size listing and quota, when given.
    listing: Option<crate::vm::Catalog>,
    usages: Option<crate::quota::Usages>,
}

/// A path that could not be read at all (it does not exist, or is not readable).
#[derive(Debug, thiserror::Error)]
#[error("{}: {source}", path.display())]
#[non_exhaustive]
pub struct ReadError {
    /// The path.
    pub path: PathBuf,
    /// Why.
    #[source]
    pub source: std::io::Error,
}

impl AzureMlProject {
    /// Reads files given as (path, contents); paths only name them in diagnostics and tell
    /// their kind (`.yml`, `.sh`, `.ipynb`, …; see [`TextKind`]). Files of other kinds are
    /// listed as skipped.
    pub fn from_sources<P: AsRef<Path>, S: AsRef<str>>(
        sources: impl IntoIterator<Item = (P, S)>,
    ) -> AzureMlProject {
        let mut project = AzureMlProject::default();
        for (path, text) in sources {
            project.add_text(path.as_ref(), text.as_ref());
        }
        project.finish();
        project
    }

    /// [`read_paths_with`](Self::read_paths_with) with the default options.
    ///
    /// # Errors
    ///
    /// A given path that does not exist or cannot be read.
    pub fn read_paths<P: AsRef<Path>>(
        paths: impl IntoIterator<Item = P>,
    ) -> Result<AzureMlProject, ReadError> {
        AzureMlProject::read_paths_with(paths, &ReadOptions::default())
    }

    /// Reads every file under each path that the checker reads — YAML, shell and
    /// PowerShell scripts, Python, notebooks, JSON, Bicep and Terraform, and what
    /// `options.include` adds — each once: files are read as they are; directories are
    /// walked in name order, hidden folders included, not entering
    /// [`DEFAULT_EXCLUDES`](crate::project::DEFAULT_EXCLUDES), `options.exclude`, or what
    /// `.gitignore`, `.ignore` and git's `info/exclude` ignore (in a git repository or not),
    /// following symbolic links only to places inside the given paths not yet read. Files that
    /// cannot be read, are not regular files, are not UTF-8 or are larger than 4 MiB are
    /// listed in the report's `skipped` with the reason.
    ///
    /// # Errors
    ///
    /// A given path that does not exist or cannot be read, or a glob of `options` that does
    /// not compile.
    pub fn read_paths_with<P: AsRef<Path>>(
        paths: impl IntoIterator<Item = P>,
        options: &ReadOptions,
    ) -> Result<AzureMlProject, ReadError> {
        let roots: Vec<PathBuf> = paths.into_iter().map(|p| p.as_ref().to_owned()).collect();
        let scope = crate::guard::Scope::new(&roots);
        let (include, exclude) = options.compiled().map_err(|e| ReadError {
            path: PathBuf::new(),
            source: std::io::Error::new(std::io::ErrorKind::InvalidInput, e),
        })?;
        // Files are independent until `finish` resolves them together: they are read and
        // checked on every core while the walk goes on, in batches that keep their walk
        // order; each batch folds its files into one part (a part per file held until the
        // end took about 1.5 KB a file).
        // Each thread reads into one buffer it keeps.
        let read = |file: &walk::Found, bytes: &mut Vec<u8>| {
            let mut part = AzureMlProject::default();
            match file.read(&scope, bytes) {
                Ok(()) => match std::str::from_utf8(bytes) {
                    Ok(text) => part.add_text(&file.path, text),
                    Err(e) => part.add_not_utf8(&file.path, bytes, e),
                },
                Err(reason) => {
                    let skipped = SkippedFile::new(&file.path, reason);
                    part.skipped
                        .push(if file.named { skipped.named() } else { skipped });
                }
            }
            part
        };
        let fold = |files: &[walk::Found], bytes: &mut Vec<u8>| {
            files
                .iter()
                .fold(AzureMlProject::default(), |mut part, file| {
                    part.absorb(read(file, bytes));
                    part
                })
        };
        let workers = std::thread::available_parallelism()
            .map_or(1, std::num::NonZero::get)
            .clamp(1, 8);
        let (send, receive) =
            std::sync::mpsc::sync_channel::<(usize, Vec<walk::Found>)>(4 * workers);
        let receive = std::sync::Mutex::new(receive);
        let done = std::sync::Mutex::new(Vec::new());
        let mut parts = InOrder::default();
        let skipped = std::thread::scope(|threads| {
            let work = || {
                let mut bytes = Vec::new();
                loop {
                    let batch = match receive.lock() {
                        Ok(receive) => receive.recv(),
                        Err(_) => return,
                    };
                    let Ok((index, files)) = batch else { return };
                    let part = fold(&files, &mut bytes);
                    if let Ok(mut done) = done.lock() {
                        done.push((index, part));
                    }
                }
            };
            let spawned = (0..workers)
                .filter(|_| {
                    std::thread::Builder::new()
                        .spawn_scoped(threads, work)
                        .is_ok()
                })
                .count();
            // Read in this thread what no worker could take (a platform without threads).
            let mut bytes = Vec::new();
            let mut batch = Vec::with_capacity(BATCH);
            let mut index = 0;
            let mut hand_over = |batch: Vec<walk::Found>, parts: &mut InOrder| {
                if spawned == 0 {
                    parts.add(index, fold(&batch, &mut bytes));
                } else if let Err(std::sync::mpsc::SendError((i, batch))) =
                    send.send((index, batch))
                {
                    parts.add(i, fold(&batch, &mut bytes));
                }
                index += 1;
                // The parts read so far join the project as they come, in walk order, so
                // that they are not all held apart until the end.
                parts.take(&done);
            };
            let walked = walk::walk(
                &roots,
                &scope,
                |p| wants(&include, &exclude, p),
                |d| exclude.matches_folder(d),
                |file| {
                    batch.push(file);
                    if batch.len() == BATCH {
                        let full = std::mem::replace(&mut batch, Vec::with_capacity(BATCH));
                        hand_over(full, &mut parts);
                    }
                },
            );
            if !batch.is_empty() {
                hand_over(batch, &mut parts);
            }
            drop(send);
            walked
        });
        let skipped = skipped.map_err(|(path, source)| ReadError { path, source })?;
        parts.take(&done);
        let mut project = parts.project;
        // The walk's skipped files first, then those refused while reading, in walk order.
        let read_skipped = std::mem::replace(&mut project.skipped, skipped);
        project.skipped.extend(read_skipped);
        project.shrink_to_fit();
        project.finish();
        Ok(project)
    }

    /// Adds computes defined outside the files — what `az ml compute list` printed
    /// ([`computes_from_json`](crate::project::computes_from_json)) — for jobs and deployments to
    /// resolve against. A compute of the same name in the YAML files wins; these win over
    /// computes that scripts create.
    #[must_use]
    pub fn with_computes(mut self, computes: impl IntoIterator<Item = DefinedCompute>) -> Self {
        for c in computes {
            let start = Mark {
                line: c.line.map_or(0, |l| l.saturating_sub(1)),
                column: 0,
            };
            self.listed.push((
                c.compute,
                Origin {
                    file: c.file.into(),
                    fields: std::sync::Arc::new([]),
                    start,
                },
            ));
        }
        self.finish();
        self
    }

    /// The plan the files make (computes of every source, resolved jobs and deployments).
    #[must_use]
    pub fn plan(&self) -> &Plan {
        &self.plan
    }

    /// The Azure ML documents read, typed, in reading order.
    #[must_use]
    pub fn documents(&self) -> &[AzureMlDocument] {
        &self.documents
    }

    /// Gives back what the parts' joining left unused (a list grown by doubling holds up to
    /// twice its entries) before `finish` builds the plan beside them.
    fn shrink_to_fit(&mut self) {
        self.documents.shrink_to_fit();
        self.computes.shrink_to_fit();
        self.listed.shrink_to_fit();
        self.scripted.shrink_to_fit();
        self.jobs.shrink_to_fit();
        self.deployments.shrink_to_fit();
        self.components.shrink_to_fit();
        self.identities.shrink_to_fit();
        self.mentions.shrink_to_fit();
        self.ignores.shrink_to_fit();
        self.reading.shrink_to_fit();
        self.skipped.shrink_to_fit();
    }

    /// Takes in what another project read (of other files).
    fn absorb(&mut self, part: AzureMlProject) {
        self.documents.extend(part.documents);
        self.computes.extend(part.computes);
        self.listed.extend(part.listed);
        self.scripted.extend(part.scripted);
        self.jobs.extend(part.jobs);
        self.deployments.extend(part.deployments);
        for (path, component) in part.components {
            self.components.entry(path).or_insert(component);
        }
        self.identities.extend(part.identities);
        self.mentions.extend(part.mentions);
        self.ignores.extend(part.ignores);
        self.reading.extend(part.reading);
        self.files_read += part.files_read;
        self.skipped.extend(part.skipped);
    }

    /// A file that is not UTF-8: an Azure ML YAML file is a `yaml-syntax` error (the Azure ML
    /// CLI fails on it), anything else is skipped.
    fn add_not_utf8(&mut self, path: &Path, bytes: &[u8], error: std::str::Utf8Error) {
        let valid = &bytes[..error.valid_up_to()];
        let lossy = String::from_utf8_lossy(bytes);
        if TextKind::from_path(path) == Some(TextKind::Yaml) && kinds::looks_like_azure_ml(&lossy) {
            self.files_read += 1;
            let text = std::str::from_utf8(valid).unwrap_or_default();
            let byte = bytes.get(error.valid_up_to()).copied().unwrap_or_default();
            let mark = read::offset_mark(text, text.len());
            self.reading.push(
                files::yaml_syntax(format!(
                    "'utf-8' codec can't decode byte #x{byte:02x}: invalid start byte ({mark})"
                ))
                .at(path, Some(span(mark))),
            );
        } else {
            self.skipped
                .push(SkippedFile::new(path, SkipReason::NotUtf8));
        }
    }

    /// Reads one file of any kind.
    fn add_text(&mut self, path: &Path, text: &str) {
        let Some(kind) = TextKind::from_path(path) else {
            self.skipped
                .push(SkippedFile::new(path, SkipReason::NotChecked));
            return;
        };
        let ignores = crate::project::ignores::ignores(text, kind);
        if !ignores.is_empty() {
            self.ignores.insert(path.to_owned(), ignores);
        }
        let scan = if kind == TextKind::Yaml {
            self.add(path, text)
        } else {
            self.files_read += 1;
            if matches!(kind, TextKind::Shell | TextKind::PowerShell) {
                self.add_script(path, text, kind);
            }
            true
        };
        if scan {
            self.add_mentions(path, text, kind);
        }
        // One note a file: a v1 YAML shape may have been noted already.
        let noted = || {
            self.reading
                .iter()
                .rev()
                .take_while(|d| d.file.as_deref() == Some(path))
                .any(|d| d.code == crate::lint::Code::V1Api)
        };
        if let Some((at, what, eos, cell)) =
            super::mentions::v1_use(text, kind).filter(|_| !noted())
        {
            let mark = read::offset_mark(text, at);
            self.reading
                .push(files::v1_api(&format!("`{what}`"), eos, cell).at(path, Some(span(mark))));
        }
    }

    /// The size names `text` mentions: the first [`MENTIONS_SHOWN`] of each name (ignoring
    /// case) and kind of place, then one record counting the rest — memory stays
    /// proportional to the names, not to how often a file repeats them.
    fn add_mentions(&mut self, path: &Path, text: &str, kind: TextKind) {
        let file: std::sync::Arc<Path> = path.into();
        // (name in lower case, provisioning) -> (mentions so far, the record of the rest).
        let mut seen: HashMap<(String, bool), (usize, usize)> = HashMap::new();
        each_mention(text, kind, |m| {
            let provisioning = m.context == MentionContext::Provisioning;
            let (count, rest) = seen
                .entry((m.name.to_ascii_lowercase(), provisioning))
                .or_insert((0, usize::MAX));
            *count += 1;
            if *count > MENTIONS_SHOWN + 1 {
                self.mentions[*rest].more += 1;
                return;
            }
            if *count == MENTIONS_SHOWN + 1 {
                *rest = self.mentions.len();
            }
            self.mentions.push(Mention {
                file: file.clone(),
                name: m.name.to_owned(),
                size: m.size,
                line: m.line,
                column: m.column,
                cell: m.cell,
                context: m.context,
                key: m.key.map(str::to_owned),
                more: usize::from(*count == MENTIONS_SHOWN + 1),
            });
        });
    }

    /// Computes that `az ml compute create` makes in a script.
    fn add_script(&mut self, path: &Path, text: &str, kind: TextKind) {
        for created in crate::project::shell::computes_created(text, kind) {
            let Some(name) = created.name else { continue };
            let compute_kind = match created.kind.as_deref().map(str::to_ascii_lowercase) {
                Some(k) if k == "amlcompute" => ComputeKind::ComputeCluster,
                Some(k) if k == "computeinstance" => ComputeKind::ComputeInstance,
                // `--type` is required; without it the command fails.
                _ => continue,
            };
            let mut def = ComputeDef::new(&name, compute_kind);
            let mut fields = Vec::new();
            if let Some((size, line, column)) = created.size {
                def.size = Some(size);
                fields.push((
                    "size",
                    "--size".to_owned(),
                    Mark {
                        line: line - 1,
                        column: column - 1,
                    },
                ));
            }
            def.min_instances = created.min_instances;
            def.max_instances = created.max_instances;
            def.tier = created.tier.as_deref().and_then(|t| t.parse::<Tier>().ok());
            self.scripted.push((
                def,
                Origin {
                    file: path.into(),
                    fields: fields.into(),
                    start: Mark {
                        line: created.line - 1,
                        column: 0,
                    },
                },
            ));
        }
    }

    /// Builds the plan: computes of every source, each checked; jobs and batch deployments
    /// resolved against them (YAML first, then listed, then scripts: the first of a name
    /// wins). A job or deployment
    /// whose compute is defined nowhere is a note, and is not checked against it.
    fn finish(&mut self) {
        // Lists sized once: grown by doubling they would hold up to twice their entries.
        let computes = self.computes.len() + self.listed.len() + self.scripted.len();
        let mut plan = Plan::default();
        plan.compute.reserve_exact(computes);
        plan.jobs.reserve_exact(self.jobs.len());
        plan.deployments.reserve_exact(self.deployments.len());
        let mut origins = Vec::with_capacity(computes);
        let mut by_name: HashMap<String, usize> = HashMap::new();
        for (def, origin) in self
            .computes
            .iter()
            .chain(&self.listed)
            .chain(&self.scripted)
        {
            if def.name.is_empty() {
                continue;
            }
            // Every definition is checked; jobs resolve to the first of a name.
            by_name
                .entry(def.name.to_ascii_lowercase())
                .or_insert(plan.compute.len());
            plan.compute.push(def.clone());
            origins.push(origin.clone());
        }
        let mut resolution = Vec::new();
        let mut noted: HashSet<(std::sync::Arc<Path>, String)> = HashSet::new();
        let mut note =
            |origin: &Origin, what: &str, name: &str, compute: &str, key: (&str, Mark)| {
                if noted.insert((origin.file.clone(), compute.to_owned())) {
                    let d = targets::compute_not_found(what, name, compute, key.0)
                        .at(&*origin.file, Some(span(key.1)));
                    resolution.push(d);
                }
            };
        let mut plan_jobs = Vec::with_capacity(self.jobs.len());
        for entry in &self.jobs {
            let mut job = entry.def.clone();
            if let Some(file) = &entry.component {
                if let Some((env, _, _)) = self.components.get(file) {
                    let hints = crate::gpu::environment_hints(env);
                    job.gpu = hints.needs_gpu();
                    job.environment = Some(env.clone());
                }
            }
            let compute = if job.target == "serverless-compute" {
                None
            } else if let Some(&i) = by_name.get(&job.target.to_ascii_lowercase()) {
                job.target.clone_from(&plan.compute[i].name);
                Some(i)
            } else {
                let key = entry
                    .origin
                    .field("compute")
                    .or_else(|| entry.origin.field("target"))
                    .unwrap_or(("compute", entry.origin.start));
                note(&entry.origin, "job", &job.name, &job.target, key);
                continue;
            };
            plan.jobs.push(job);
            plan_jobs.push((entry.origin.clone(), compute));
        }
        let mut plan_deployments = Vec::with_capacity(self.deployments.len());
        for (def, origin) in &self.deployments {
            let mut d = def.clone();
            let mut compute = None;
            if let Some(name) = &def.compute {
                if let Some(&i) = by_name.get(&name.to_ascii_lowercase()) {
                    d.compute = Some(plan.compute[i].name.clone());
                    compute = Some(i);
                } else {
                    let key = origin.field("compute").unwrap_or(("compute", origin.start));
                    note(origin, "deployment", &d.name, name, key);
                    d.compute = None;
                }
            }
            plan.deployments.push(d);
            plan_deployments.push((origin.clone(), compute));
        }
        self.plan = plan;
        self.plan_computes = origins;
        self.plan_jobs = plan_jobs;
        self.plan_deployments = plan_deployments;
        self.resolution = resolution;
    }

    /// Checks sizes against the region's own listing (`az ml compute list-sizes`): its
    /// `supportedComputeTypes` say which compute may use a size, its `family` and
    /// `lowPriorityCapable` feed the quota checks, and with quota given
    /// ([`with_usages`](Self::with_usages)) a size it lacks is an error.
    #[must_use]
    pub fn with_listing(mut self, listing: crate::vm::Catalog) -> Self {
        self.listing = Some(listing);
        self
    }

    /// Checks every compute and managed online deployment against the region's quota
    /// (`az ml compute list-usage`): see [`check_quota`](crate::lint::check_quota).
    #[must_use]
    pub fn with_usages(mut self, usages: crate::quota::Usages) -> Self {
        self.usages = Some(usages);
        self
    }

    /// Checks the project on `on` (the caller's date).
    #[must_use]
    pub fn check(&self, on: crate::date::Date) -> Report {
        let mut report = match &self.listing {
            Some(listing) => crate::lint::validate_with(&self.plan, on, listing),
            None => crate::lint::validate(&self.plan, on),
        };
        if let Some(usages) = &self.usages {
            let quota = crate::lint::check_quota(&self.plan, self.listing.as_ref(), usages);
            report.diagnostics.extend(quota.diagnostics);
        }
        let mut diagnostics = self.reading.clone();
        diagnostics.extend(self.resolution.iter().cloned());
        // Names are compared with Azure's identity rules below, not the plan's.
        for d in report
            .diagnostics
            .into_iter()
            .filter(|d| d.code != Code::DuplicateName)
        {
            diagnostics.push(self.locate(d));
        }
        diagnostics.extend(self.duplicates());
        // Size mentions, but where a size diagnostic already stands (a script's compute).
        let sized: HashSet<(&Path, Option<usize>)> = diagnostics
            .iter()
            .filter(|d| {
                matches!(
                    d.code,
                    Code::RetiredSeries
                        | Code::RetiringSeries
                        | Code::UnknownSize
                        | Code::InvalidSizeName
                        | Code::SeriesNotListed
                )
            })
            .map(|d| (d.file_or_empty(), d.line()))
            .collect();
        let mut found = Vec::new();
        for m in &self.mentions {
            if sized.contains(&(&*m.file, Some(m.line))) {
                continue;
            }
            let mention = SizeMention {
                name: &m.name,
                size: m.size,
                line: m.line,
                column: m.column,
                cell: m.cell,
                context: m.context,
                key: m.key.as_deref(),
            };
            if let Some(mut diagnostic) = mention.check(on, Catalog::embedded()) {
                if let Some(cell) = m.cell {
                    diagnostic.key = KeyPath::cell(cell, m.key.as_deref());
                }
                if m.more > 1 {
                    diagnostic.message = format!(
                        "… and {} more mentions of {} in this file ({})",
                        m.more, m.name, diagnostic.message
                    );
                    diagnostic.help = Some(format!(
                        "the first {MENTIONS_SHOWN} are shown one by one; the rest need the same change"
                    ));
                }
                let span = Span::at(m.line, m.column).with_width(m.name.chars().count());
                found.push(diagnostic.at(&*m.file, Some(span)));
            }
        }
        diagnostics.extend(found);
        self.suppress(&mut diagnostics);
        // One finding, one diagnostic: a key read by two readers is said once.
        let mut seen: HashSet<(Option<&Path>, Option<Span>, Code)> = HashSet::new();
        let mut keep = Vec::with_capacity(diagnostics.len());
        for d in &diagnostics {
            keep.push(seen.insert((d.file.as_deref(), d.span, d.code)));
        }
        let mut keep = keep.into_iter();
        diagnostics.retain(|_| keep.next().unwrap_or(true));
        // File by file, top to bottom (stable: equal places keep their order).
        diagnostics.sort_by(|a, b| {
            (a.file_or_empty(), a.line(), a.column()).cmp(&(
                b.file_or_empty(),
                b.line(),
                b.column(),
            ))
        });
        Report {
            on: Some(on),
            files_read: self.files_read,
            skipped: self.skipped.clone(),
            diagnostics,
            fixed: Vec::new(),
        }
    }

    /// Drops the findings a suppression comment silences, and adds an `unused-ignore` for
    /// each code of a comment that silenced nothing.
    fn suppress(&self, diagnostics: &mut Vec<Diagnostic>) {
        if self.ignores.is_empty() {
            return;
        }
        // (file, comment, code) that silenced something.
        let mut used: HashSet<(&Path, usize, usize)> = HashSet::new();
        diagnostics.retain(|d| {
            let Some((file, list)) = d
                .file
                .as_deref()
                .and_then(|f| self.ignores.get_key_value(f))
            else {
                return true;
            };
            for (i, ignore) in list.iter().enumerate() {
                if let Some(k) = ignore.silences(d.line(), d.code) {
                    used.insert((file.as_path(), i, k));
                    return false;
                }
            }
            true
        });
        for (file, list) in &self.ignores {
            for (i, ignore) in list.iter().enumerate() {
                for (k, code) in ignore.codes.iter().enumerate() {
                    if used.contains(&(file.as_path(), i, k)) {
                        continue;
                    }
                    let known = code.parse::<Code>().is_ok();
                    let span = Span::at(ignore.line, ignore.column);
                    diagnostics.push(
                        files::unused_ignore(code, ignore.whole_file, known).at(file, Some(span)),
                    );
                }
            }
        }
    }

    /// Two definitions Azure would treat as one: a warning at the later, naming the first.
    fn duplicates(&self) -> Vec<Diagnostic> {
        let mut first: HashMap<(&str, &str), &Identity> = HashMap::new();
        let mut out = Vec::new();
        for id in &self.identities {
            match first.entry((id.what, id.key.as_str())) {
                Entry::Vacant(v) => {
                    v.insert(id);
                }
                Entry::Occupied(o) => {
                    let earlier = o.get();
                    let d = names::duplicate_identity(id.what, &id.shown)
                        .at(&id.file, Some(span(id.mark)))
                        .with_related(Related::new(
                            &earlier.file,
                            Some(span(earlier.mark)),
                            "first defined here",
                        ));
                    out.push(d);
                }
            }
        }
        out
    }

    /// Places a plan diagnostic (`jobs[1].size`) at the file, key position and YAML key, and
    /// for a job or deployment on a compute, says where the compute is defined.
    fn locate(&self, d: Diagnostic) -> Diagnostic {
        let KeyPath::Plan { list, index, field } = d.key else {
            return d;
        };
        let (origin, compute) = match list {
            PlanList::Compute => (self.plan_computes.get(index), None),
            PlanList::Jobs => self
                .plan_jobs
                .get(index)
                .map_or((None, None), |(o, c)| (Some(o), *c)),
            PlanList::Deployments => self
                .plan_deployments
                .get(index)
                .map_or((None, None), |(o, c)| (Some(o), *c)),
        };
        let Some(origin) = origin else {
            return d;
        };
        let field = field.unwrap_or_default();
        let (mark, key) = match origin.field(field) {
            Some((key, mark)) => (mark, key.to_owned()),
            None => (origin.start, field.to_owned()),
        };
        let mut located = Diagnostic {
            key: KeyPath::key(key),
            ..d
        }
        .at(&*origin.file, Some(span(mark)));
        if let Some((i, o)) = compute.and_then(|i| self.plan_computes.get(i).map(|o| (i, o))) {
            located.related.push(Related::new(
                &*o.file,
                Some(span(o.start)),
                format!("compute {:?} defined here", self.plan.compute[i].name),
            ));
        }
        located
    }
}

/// A YAML position as a diagnostic's span.
pub(super) fn span(mark: Mark) -> Span {
    Span::at(mark.line1(), mark.column1())
}
