//! Checks on a resolved standard: structure, flows, components, staffing, complaint routes.
//!
//! Entry point: [`check`]. Each pass reads the model (and the compiled machines) and adds
//! diagnostics; none changes anything.

pub mod budget;
mod complaints;
mod components;
mod flow;
mod limits;
mod points;
mod staffing;
mod unused;

use crate::diag::Diagnostic;
use crate::machine::Machine;
use crate::model::Model;
use crate::resolve::Usage;

/// Checks one standard. `machines[i]` is the machine of `model.procedures[i]`. `own_roles`:
/// whether its roles serve it alone, so that one never used is reported.
pub fn check(
    model: &Model,
    usage: &Usage,
    machines: &[Machine],
    own_roles: bool,
) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (proc, machine) in model.procedures.iter().zip(machines) {
        flow::procedure(proc, machine, &mut out);
    }
    limits::check(model, &mut out);
    points::check(model, machines, &mut out);
    components::check(model, &mut out);
    staffing::check(model, &mut out);
    complaints::check(model, &mut out);
    if own_roles {
        unused::check(model, usage, &mut out);
    }
    out
}

/// The check that every role a standard declares is used — for a standard's own roles, not
/// for an agency file whose roles serve the standards beside it. ([`check`] with `own_roles`
/// runs it too.)
pub fn unused_roles(model: &Model, usage: &Usage, out: &mut Vec<Diagnostic>) {
    unused::check(model, usage, out);
}
