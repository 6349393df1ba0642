//! TODO(web owner): the Yew app.
fn main() {}
