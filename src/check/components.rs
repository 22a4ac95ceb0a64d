//! Required parts: the 14 components of a service, a procedure's steps and ends.
//! (A service's agency and version are required by the resolver, which sees what was written.)

use crate::diag::{Diagnostic, Kind, NameKind, Phrase};
use crate::model::{Flow, Model, Node};

/// Checks every service and procedure for what it must have.
pub fn check(model: &Model, out: &mut Vec<Diagnostic>) {
    for svc in &model.services {
        let Some(loc) = svc.loc else { continue };
        for (i, present) in svc.components.iter().enumerate() {
            if !present {
                let number = u8::try_from(i + 1).unwrap_or(14);
                out.push(Diagnostic::located(Kind::MissingComponent { number }, loc));
            }
        }
    }
    for proc in &model.procedures {
        // A `lanjut` to a name that is not defined (already reported, with a suggestion) is
        // the likelier mistake when the ends are missing: the end was renamed or deleted.
        let dangling = proc.steps.iter().any(|s| match &s.flow {
            Flow::Next(node) => *node == Node::Unknown,
            Flow::Decision { outcomes, .. } => outcomes.iter().any(|o| o.node == Node::Unknown),
            Flow::Stop => false,
        });
        let required = [
            (!proc.steps.is_empty(), Phrase::Keyword("langkah", "step")),
            (
                !proc.ends.is_empty() || dangling,
                Phrase::Keyword("selesai", "end"),
            ),
        ];
        for (present, item) in required {
            if !present {
                let kind = Kind::MissingItem {
                    item,
                    within: NameKind::Procedure,
                };
                out.push(Diagnostic::located(kind, proc.loc));
            }
        }
    }
}
