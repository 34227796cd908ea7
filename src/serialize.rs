//! `Serialize` for the output types (feature `serde`), in the shapes of the `aml` command's
//! JSON contract (README, "JSON output"): the command prints these, so the library's and the
//! command's JSON are one.

use serde::ser::{Serialize, SerializeMap, SerializeStruct, Serializer};

use crate::{
    BuildReason, Candidate, CudaReason, CudaVerdict, Diagnostic, FileDiagnostic, InferenceFit,
    ProjectReport, Recommendation, RejectedSize, RelatedLocation, Report, RetirementState,
    ScaleOut, Severity, SkippedFile, SourceVerdict, TrainingFit, VmSizeSpec,
};

/// `{"status": "retiring", "date": "2028-05-01"}` (`date` null when active).
impl Serialize for RetirementState {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_struct("RetirementState", 2)?;
        m.serialize_field("status", self.as_str())?;
        m.serialize_field("date", &self.date())?;
        m.end()
    }
}

impl Serialize for VmSizeSpec {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_struct("VmSizeSpec", 16)?;
        m.serialize_field("name", &*self.name)?;
        m.serialize_field("series", &self.series)?;
        m.serialize_field("category", &self.category)?;
        m.serialize_field("vcpus", &self.vcpus)?;
        m.serialize_field("memory_gib", &self.memory_gib)?;
        m.serialize_field("gpus", &self.gpus)?;
        m.serialize_field("gpu_model", &self.gpu_model.as_deref())?;
        m.serialize_field("gpu_memory_gib", &self.gpu_memory_gib)?;
        m.serialize_field("temp_disk_gib", &self.temp_disk_gib)?;
        m.serialize_field("rdma", &self.rdma)?;
        m.serialize_field("family", &self.family.as_deref())?;
        m.serialize_field("supported_by", &self.supported_by)?;
        m.serialize_field("online_endpoints", &self.online_endpoints)?;
        m.serialize_field("low_priority_capable", &self.low_priority_capable)?;
        m.serialize_field("premium_io", &self.premium_io)?;
        m.serialize_field("source", &*self.source)?;
        m.end()
    }
}

/// `{"code", "severity", "message", "help", "location", "alternatives"}`.
impl Serialize for Diagnostic {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_struct("Diagnostic", 6)?;
        m.serialize_field("code", &self.code)?;
        m.serialize_field("severity", &self.severity)?;
        m.serialize_field("message", &self.message)?;
        m.serialize_field("help", &self.help)?;
        m.serialize_field("location", &self.location)?;
        m.serialize_field("alternatives", &self.alternatives)?;
        m.end()
    }
}

/// `{"diagnostics", "errors", "warnings", "notes"}`.
impl Serialize for Report {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_struct("Report", 4)?;
        m.serialize_field("diagnostics", &self.diagnostics)?;
        m.serialize_field("errors", &self.count(Severity::Error))?;
        m.serialize_field("warnings", &self.count(Severity::Warning))?;
        m.serialize_field("notes", &self.count(Severity::Note))?;
        m.end()
    }
}

impl Serialize for RelatedLocation {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_struct("RelatedLocation", 3)?;
        m.serialize_field("file", &self.file.display().to_string())?;
        m.serialize_field("line", &self.line)?;
        m.serialize_field("message", &self.message)?;
        m.end()
    }
}

/// The diagnostic's fields, after `file`, `line` and `column`, then `related`.
impl Serialize for FileDiagnostic {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let d = &self.diagnostic;
        let mut m = s.serialize_struct("FileDiagnostic", 10)?;
        m.serialize_field("file", &self.file.display().to_string())?;
        m.serialize_field("line", &self.line)?;
        m.serialize_field("column", &self.column)?;
        m.serialize_field("code", &d.code)?;
        m.serialize_field("severity", &d.severity)?;
        m.serialize_field("message", &d.message)?;
        m.serialize_field("help", &d.help)?;
        m.serialize_field("location", &d.location)?;
        m.serialize_field("alternatives", &d.alternatives)?;
        m.serialize_field("related", &self.related)?;
        m.end()
    }
}

impl Serialize for SkippedFile {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_struct("SkippedFile", 2)?;
        m.serialize_field("file", &self.file.display().to_string())?;
        m.serialize_field("reason", &self.reason.to_string())?;
        m.end()
    }
}

/// `aml check --format json`: `{"on", "diagnostics", "errors", "warnings", "notes",
/// "files_read", "files_skipped", "skipped"}`, paths as stored
/// ([`ProjectReport::to_json`] makes them relative).
impl Serialize for ProjectReport {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_struct("ProjectReport", 8)?;
        m.serialize_field("on", &self.on)?;
        m.serialize_field("diagnostics", &self.diagnostics)?;
        m.serialize_field("errors", &self.count(Severity::Error))?;
        m.serialize_field("warnings", &self.count(Severity::Warning))?;
        m.serialize_field("notes", &self.count(Severity::Note))?;
        m.serialize_field("files_read", &self.files_read)?;
        m.serialize_field("files_skipped", &self.files_skipped())?;
        m.serialize_field("skipped", &self.skipped)?;
        m.end()
    }
}

/// `{"supported", "reason", "source"}`, the reason as a sentence.
impl Serialize for SourceVerdict {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_struct("SourceVerdict", 3)?;
        m.serialize_field("supported", &self.supported)?;
        m.serialize_field("reason", &self.reason.to_string())?;
        m.serialize_field("source", self.source)?;
        m.end()
    }
}

/// `{"series", "compute_capability", "page", "nvidia", "runs"}`.
impl Serialize for CudaVerdict {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_struct("CudaVerdict", 5)?;
        m.serialize_field("series", &self.series)?;
        m.serialize_field("compute_capability", &self.compute_capability)?;
        m.serialize_field("page", &self.page)?;
        m.serialize_field("nvidia", &self.nvidia)?;
        m.serialize_field("runs", &self.runs())?;
        m.end()
    }
}

/// `{"target", "automated_ml", "ml_pipelines", "designer", "managed", "fits", "reasons"}`,
/// support levels as `yes` / `through-sdk` / `sdk-local-mode-only` / `no`.
impl Serialize for TrainingFit {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_struct("TrainingFit", 7)?;
        m.serialize_field("target", &self.target)?;
        m.serialize_field("automated_ml", &self.features.automated_ml)?;
        m.serialize_field("ml_pipelines", &self.features.ml_pipelines)?;
        m.serialize_field("designer", &self.features.designer)?;
        m.serialize_field("managed", &self.managed)?;
        m.serialize_field("fits", &self.fits())?;
        let reasons: Vec<String> = self.misfits.iter().map(|r| r.to_string()).collect();
        m.serialize_field("reasons", &reasons)?;
        m.end()
    }
}

/// `{"target", "view", "realtime", "batch", "gpu", "dev_test_only", "fits", "reasons"}`.
impl Serialize for InferenceFit {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_struct("InferenceFit", 8)?;
        m.serialize_field("target", &self.target)?;
        m.serialize_field("view", &self.view)?;
        m.serialize_field("realtime", &self.profile.realtime)?;
        m.serialize_field("batch", &self.profile.batch)?;
        m.serialize_field("gpu", &self.profile.gpu)?;
        m.serialize_field("dev_test_only", &self.profile.dev_test_only)?;
        m.serialize_field("fits", &self.fits())?;
        let reasons: Vec<String> = self.misfits.iter().map(|r| r.to_string()).collect();
        m.serialize_field("reasons", &reasons)?;
        m.end()
    }
}

/// `{"size", "vcpus", "memory_gib", "gpus", "retirement", "support"}`.
impl Serialize for Candidate<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_struct("Candidate", 6)?;
        m.serialize_field("size", &*self.spec.name)?;
        m.serialize_field("vcpus", &self.spec.vcpus)?;
        m.serialize_field("memory_gib", &self.spec.memory_gib)?;
        m.serialize_field("gpus", &self.spec.gpus)?;
        m.serialize_field("retirement", &self.retirement)?;
        m.serialize_field("support", &self.support)?;
        m.end()
    }
}

/// `{"copies_per_instance", "instances"}`.
impl Serialize for ScaleOut {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_struct("ScaleOut", 2)?;
        m.serialize_field("copies_per_instance", &self.copies_per_instance)?;
        m.serialize_field("instances", &self.instances)?;
        m.end()
    }
}

/// A rejected size with its reasons as sentences.
struct Rejected<'a, 'c> {
    size: &'a RejectedSize<'c>,
    rec: &'a Recommendation<'c>,
}

impl Serialize for Rejected<'_, '_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let reasons: Vec<String> = self
            .size
            .reasons(self.rec.needs(), self.rec.on())
            .iter()
            .map(ToString::to_string)
            .collect();
        let mut m = s.serialize_map(Some(2))?;
        m.serialize_entry("size", &*self.size.spec.name)?;
        m.serialize_entry("reasons", &reasons)?;
        m.end()
    }
}

/// `aml recommend --json`: `{"best", "instances", "scale_out", "candidates", "rejected"}`,
/// each rejected size with every reason as a sentence.
impl Serialize for Recommendation<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let rejected: Vec<Rejected<'_, '_>> = self
            .rejected
            .iter()
            .map(|size| Rejected { size, rec: self })
            .collect();
        let mut m = s.serialize_struct("Recommendation", 5)?;
        m.serialize_field("best", &self.best().map(|b| &*b.name))?;
        m.serialize_field("instances", &self.scale_out.map(|o| o.instances))?;
        m.serialize_field("scale_out", &self.scale_out)?;
        m.serialize_field("candidates", &self.candidates)?;
        m.serialize_field("rejected", &rejected)?;
        m.end()
    }
}

/// As its sentence.
impl Serialize for BuildReason {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// As its sentence.
impl Serialize for CudaReason {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}
