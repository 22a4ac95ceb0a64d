//! Roles and groups defined and never used.

use crate::diag::{Diagnostic, Kind, NameKind};
use crate::model::Model;
use crate::resolve::Usage;

/// Warns about every unused role and group.
pub fn check(model: &Model, usage: &Usage, out: &mut Vec<Diagnostic>) {
    for (role, used) in model.roles.iter().zip(&usage.roles) {
        if !used {
            let kind = Kind::UnusedName {
                kind: NameKind::Role,
                name: role.id.clone(),
            };
            out.push(Diagnostic::located(kind, role.loc));
        }
    }
    for (group, used) in model.groups.iter().zip(&usage.groups) {
        if !used {
            let kind = Kind::UnusedName {
                kind: NameKind::Group,
                name: group.id.clone(),
            };
            out.push(Diagnostic::located(kind, group.loc));
        }
    }
}
