//! Isolated VM sizes (FACTS §6).

/// A VM size isolated to hardware dedicated to one customer, for compliance and regulatory
/// requirements, as listed by the Azure ML page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct IsolatedSize {
    /// The size name, Azure's canonical spelling.
    pub name: &'static str,
    /// Whether the size is RDMA capable.
    pub rdma: bool,
    /// Where the fact comes from.
    pub source: &'static str,
}

const ISOLATED_SOURCE: &str = "concept-compute-target.md, \"Isolated VM sizes\" (every edition)";

/// The four isolated sizes the Azure ML page lists.
pub const ISOLATED_SIZES: &[IsolatedSize] = &[
    IsolatedSize {
        name: "Standard_M128ms",
        rdma: false,
        source: ISOLATED_SOURCE,
    },
    IsolatedSize {
        name: "Standard_F72s_v2",
        rdma: false,
        source: ISOLATED_SOURCE,
    },
    IsolatedSize {
        name: "Standard_NC24s_v3",
        rdma: false,
        source: ISOLATED_SOURCE,
    },
    IsolatedSize {
        name: "Standard_NC24rs_v3",
        rdma: true,
        source: ISOLATED_SOURCE,
    },
];

/// The page's entry for the size `name` (ASCII case ignored), if it is isolated.
///
/// ```
/// let s = aml_targets::vm::isolated_size("STANDARD_NC24RS_V3").unwrap();
/// assert_eq!(s.name, "Standard_NC24rs_v3");
/// assert!(s.rdma);
/// assert!(aml_targets::vm::isolated_size("Standard_NC6s_v3").is_none());
/// ```
#[must_use]
pub fn isolated_size(name: &str) -> Option<&'static IsolatedSize> {
    ISOLATED_SIZES
        .iter()
        .find(|s| s.name.eq_ignore_ascii_case(name))
}
