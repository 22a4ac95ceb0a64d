//! **sopan** — Indonesian public-service standards (*Standar Pelayanan*) and SOPs as files a
//! machine can check and run.
//!
//! A `.sop` file declares a service's standard: roles, procedures with steps, durations and
//! decisions, time budgets in working days, service guarantees and the complaint policy.
//! The library reads it, reports every problem at once (in Indonesian or English), and
//! compiles each procedure into a state machine.
//!
//! # Pipeline
//!
//! | stage | module | input | output | problems |
//! |---|---|---|---|---|
//! | load | [`project`], [`loader`] | paths, a [`loader::Loader`] | [`source::SourceMap`], include graph | `sop::include-*`, `sop::not-utf8` |
//! | parse | [`parser`] | text | [`ast::File`] with byte spans | `sop::syntax`, `sop::empty-file`, `sop::too-deep`, `sop::duplicate-item` |
//! | resolve | [`resolve`] | the trees of one standard | [`model::Model`] | names, values, durations, dates |
//! | compile | [`machine`] | a [`model::Procedure`] | [`machine::Machine`] (petgraph) | — |
//! | check | [`check`] | model and machines | diagnostics | flow, components, staffing, complaints |
//! | export | [`export`] | model | plain data (JSON/YAML) | — |
//! | draw | [`graph`] | a procedure and its machine | flowchart as Mermaid or DOT | — |
//! | document | [`doc`] | a service's model and machines | the official document (Markdown) | — |
//!
//! Lower stages never use higher ones. The core does no I/O and reads no clock: files come
//! through a [`loader::Loader`]; the same inputs give the same outputs, byte for byte.
//!
//! # Example
//!
//! ```
//! use sopan::loader::MemoryLoader;
//! use sopan::project::{Entry, Project};
//!
//! let mut files = MemoryLoader::new();
//! files.insert("std/a.sop", r#"
//! peran petugas "Petugas" internal
//! prosedur p "Prosedur" {
//!   langkah periksa "Periksa berkas" { oleh petugas  waktu 20 menit  lanjut akhir }
//!   selesai akhir "Selesai"
//! }
//! "#);
//! let entry = Entry { path: "std/a.sop".into(), root: "std".into() };
//! let project = Project::load(&files, &[entry]).expect("readable");
//! assert!(project.diagnostics.is_empty());
//! assert_eq!(project.standards[0].model.procedures[0].steps[0].id, "periksa");
//! ```

#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)
)]
#![warn(missing_docs)]

pub mod ast;
pub mod book;
pub mod budget;
pub mod calendar;
pub mod check;
#[cfg(feature = "chrono")]
pub mod chrono_compat;
pub mod diag;
pub mod doc;
pub mod export;
pub mod graph;
pub mod interp;
pub mod keywords;
pub mod loader;
pub mod machine;
pub mod model;
pub mod parser;
pub mod project;
pub mod resolve;
pub mod route;
pub mod scenario;
pub mod skm;
pub mod source;
pub mod span;
pub mod table;

/// Loads, checks and compiles every standard and calendar under a folder (the folder is the
/// standards root). Check `diagnostics` before running cases.
///
/// ```no_run
/// let set = sopan::load_dir("standards")?;
/// let licence = set.service("izin_praktik_dokter").and_then(|s| s.context("penerbitan"));
/// # Ok::<(), sopan::project::LoadError>(())
/// ```
pub fn load_dir(dir: &str) -> Result<project::Project, project::LoadError> {
    let entries = loader::FsLoader::walk(dir)?;
    project::Project::load(&loader::FsLoader, &entries)
}
