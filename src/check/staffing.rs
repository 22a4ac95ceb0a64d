//! Staffing (jumlah pelaksana) against the internal roles that perform the service's steps.

use crate::diag::{Diagnostic, Kind};
use crate::model::{Count, Model, RoleId};
use std::collections::BTreeSet;

/// Warns when fewer people are declared than internal roles act, naming roles not covered.
pub fn check(model: &Model, out: &mut Vec<Diagnostic>) {
    for svc in &model.services {
        let Some(at) = svc.staffing_loc else { continue };
        let acting: BTreeSet<RoleId> = svc
            .procedures
            .iter()
            .filter_map(|p| model.procedures.get(*p))
            .flat_map(|p| p.steps.iter().flat_map(|s| s.roles.iter().copied()))
            .filter(|r| model.role(*r).is_some_and(|r| r.internal))
            .collect();
        let covered: BTreeSet<RoleId> = svc
            .staffing
            .iter()
            .flat_map(|e| e.roles.iter().copied())
            .collect();
        let as_needed: BTreeSet<RoleId> = svc
            .staffing
            .iter()
            .filter(|e| e.count == Count::AsNeeded)
            .flat_map(|e| e.roles.iter().copied())
            .collect();
        let declared: u64 = svc
            .staffing
            .iter()
            .map(|e| match e.count {
                Count::People(n) => u64::from(n),
                Count::AsNeeded => 0,
            })
            .sum();
        let counted = acting.iter().filter(|r| !as_needed.contains(r)).count();
        let uncovered: Vec<String> = acting
            .iter()
            .filter(|r| !covered.contains(r))
            .filter_map(|r| model.role(*r).map(|r| r.id.clone()))
            .collect();
        if (counted as u64) > declared || !uncovered.is_empty() {
            let kind = Kind::StaffingMismatch {
                acting: counted,
                declared,
                uncovered,
            };
            out.push(Diagnostic::located(kind, at));
        }
    }
}
