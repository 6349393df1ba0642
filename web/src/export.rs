//! Export of the report as Markdown (for a ticket): the core's renderer, so the page and
//! `mysql-advisor check --format markdown` write the same text.

use advisor::Report;

/// The report as Markdown.
pub fn markdown(report: &Report) -> String {
    advisor::render::markdown(report)
}
