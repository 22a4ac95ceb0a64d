//! A budget's path as the messages name it.

use super::Lang;
use serde::Serialize;

/// One hop of a path, for people.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum PathHop {
    /// A step done, with the outcome taken at a decision.
    Step {
        /// The step's id.
        step: String,
        /// The outcome.
        #[serde(skip_serializing_if = "Option::is_none")]
        outcome: Option<String>,
    },
    /// A conditional step skipped.
    Skipped {
        /// The step's id.
        step: String,
    },
    /// The file back with the applicant until resubmitted.
    Returned,
    /// The end reached.
    End {
        /// The end's id.
        end: String,
    },
}

/// A path in a line, as the messages name it: `periksa [lengkap] → terbit → selesai`.
pub fn path_words(path: &[PathHop], lang: Lang) -> String {
    path.iter()
        .map(|h| match (h, lang) {
            (
                PathHop::Step {
                    step,
                    outcome: Some(o),
                },
                _,
            ) => format!("{step} [{o}]"),
            (
                PathHop::Step {
                    step,
                    outcome: None,
                },
                _,
            ) => step.clone(),
            (PathHop::Skipped { step }, Lang::Id) => format!("{step} (dilewati)"),
            (PathHop::Skipped { step }, Lang::En) => format!("{step} (skipped)"),
            (PathHop::Returned, Lang::Id) => "dikembalikan".to_string(),
            (PathHop::Returned, Lang::En) => "returned".to_string(),
            (PathHop::End { end }, _) => end.clone(),
        })
        .collect::<Vec<_>>()
        .join(" → ")
}
