//! Text → syntax trees: the pest grammar's binding and the trees it builds, with byte spans.

pub mod ast;
pub mod format;
pub mod names;
pub mod parser;
