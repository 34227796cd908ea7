//! GPUs as NVIDIA and the frameworks see them, with no Azure series in sight: architectures
//! and compute capabilities, CUDA versions, ranges and requirements, drivers, and the CUDA
//! builds of PyTorch and TensorFlow (FACTS §8).
//!
//! Start with [`CudaVersion`] and [`CudaRequirement`] (what an image or a job asks for),
//! [`ComputeCapability`] and [`ComputeCapability::nvidia_cuda`] (NVIDIA's first and last
//! toolkit for a GPU), and [`Framework::builds`] (the CUDA builds of a framework release).
//! Which Azure series has which GPU, and whether a CUDA runs there, is [`crate::vm`]'s:
//! [`VmSeries::cuda_verdict`](crate::vm::VmSeries::cuda_verdict).
//!
//! | question | answer |
//! |---|---|
//! | what CUDA does this GPU run? | [`ComputeCapability::nvidia_cuda`], [`NVIDIA_CUDA_SUPPORT`] |
//! | which driver does this CUDA need? | [`CudaVersion::min_linux_driver`], [`DriverVersion::runs`] |
//! | which CUDA builds does PyTorch 2.4 ship? | [`Framework::builds`], [`FRAMEWORK_CUDA_BUILDS`] |
//! | which GPUs does a PyTorch wheel carry code for? | [`PYTORCH_WHEELS`], [`PyTorchWheel::runs_on`] |
//! | what does an image name say? | [`environment_hints`] |

mod arch;
mod cuda;
mod data;
mod framework;

pub use arch::{
    ComputeCapability, GpuArchitecture, NVIDIA_CUDA_SUPPORT, NvidiaCudaSupport,
    ParseComputeCapabilityError,
};
pub use cuda::{
    CUDA_DRIVER_MINIMUMS, CUDA_TOOLKITS, CudaDriverMinimum, CudaRange, CudaRequirement,
    CudaVersion, DriverCompat, DriverVersion, ParseCudaRangeError, ParseCudaVersionError,
    ParseDriverVersionError, minor_version_compat_floor,
};
pub use framework::{
    BuildReason, BuildVerdict, EnvironmentHints, FRAMEWORK_CUDA_BUILDS, Framework, FrameworkBuilds,
    FrameworkVersion, PYTORCH_WHEELS, ParseFrameworkVersionError, PyTorchWheel, environment_hints,
};
pub(crate) use framework::{GpuKind, judge_build};
