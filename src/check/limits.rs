//! The documented limits a model must keep (README, "Limits"): steps per procedure, roles
//! per standard. Past them a standard is refused by name, instead of costing every command
//! that loads it.

use crate::diag::{Diagnostic, Kind};
use crate::model::Model;
use crate::source::limits::{MAX_ROLES, MAX_STEPS};

/// Pushes a diagnostic for each procedure with too many steps, and one for too many roles.
pub fn check(model: &Model, out: &mut Vec<Diagnostic>) {
    for proc in &model.procedures {
        if proc.steps.len() > MAX_STEPS {
            let kind = Kind::TooManySteps {
                procedure: proc.id.clone(),
                limit: MAX_STEPS,
            };
            out.push(Diagnostic::located(kind, proc.loc));
        }
    }
    if let Some(role) = model.roles.get(MAX_ROLES) {
        let kind = Kind::TooManyRoles { limit: MAX_ROLES };
        out.push(Diagnostic::located(kind, role.loc));
    }
}
