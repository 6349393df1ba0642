//! Custom hooks.

mod use_debounced;
mod use_document_settings;
mod use_embed_height;
mod use_session_inputs;

pub use use_debounced::use_debounced;
pub use use_document_settings::use_document_settings;
pub use use_embed_height::use_embed_height;
pub use use_session_inputs::{has_saved_inputs, load_inputs, save_visible_inputs, use_session_inputs};
