//! sopan
pub mod ast;
pub mod diag;
pub mod keywords;
pub mod parser;
pub mod source;
pub mod span;
pub mod model;
pub mod resolve;
pub mod check;
pub mod loader;
pub mod machine;
pub mod project;
pub mod export;
