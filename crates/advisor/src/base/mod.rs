//! Leaf types shared by every stage: document kinds, versions, locations, booleans. This module
//! imports nothing of the crate but `text`; every stage may import it.

mod kind;
mod version;

pub use kind::DocKind;
pub(crate) use version::{ASSUMED, Flavor, Version};

use crate::text::{TextRange, TrimWs};

/// Where a fact was read: an input and a byte range in it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) struct Loc {
    pub input: usize,
    pub range: TextRange,
}

/// A value and where it was read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Valued<T> {
    pub value: T,
    pub at: Loc,
}

impl<T> Valued<T> {
    pub fn new(value: T, at: Loc) -> Valued<T> {
        Valued { value, at }
    }
}

/// Parses MySQL booleans: `ON/OFF/1/0/TRUE/FALSE/YES/NO`, case-insensitive.
pub(crate) fn parse_bool(s: &str) -> Option<bool> {
    match s.trim_ws().to_ascii_uppercase().as_str() {
        "ON" | "1" | "TRUE" | "YES" => Some(true),
        "OFF" | "0" | "FALSE" | "NO" => Some(false),
        _ => None,
    }
}
