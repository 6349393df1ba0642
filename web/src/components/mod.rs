//! Function components, one per file.

pub mod app;
mod copy_button;
mod doc_chips;
mod evidence_view;
mod finding_item;
mod findings;
mod fix_tabs;
mod header;
mod input_box;
mod input_panel;
mod log_scan;
mod passed_checks;
mod report_notes;
mod report_toolbar;
mod rule_docs;
mod verdict_card;
mod verdicts;

use advisor::Report;
pub(crate) use copy_button::CopyButton;
use std::rc::Rc;

/// The report, shared between components; equal when it is the same analysis.
#[derive(Clone)]
pub struct SharedReport(pub Rc<Report>);

impl PartialEq for SharedReport {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl std::ops::Deref for SharedReport {
    type Target = Report;
    fn deref(&self) -> &Report {
        &self.0
    }
}
