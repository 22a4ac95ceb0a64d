//! One mistake, one error: the later checks of a standard held back behind a file that could
//! not be read or an include that was not found.

use super::Project;
use crate::diag::{Diagnostic, Note};
use crate::source::span::FileId;

impl Project {
    /// Adds the later checks of a standard made of `files` — unless one of its files could
    /// not be read or an include was not found: then names and flows look broken that are
    /// not, so one mistake would bury itself under a pile of errors. They are held back and
    /// counted on the first such diagnostic instead.
    pub(super) fn hold_back_behind(&mut self, files: &[FileId], later: Vec<Diagnostic>) {
        // The first holding diagnostic of each file, kept up to date with the diagnostics
        // added since the last call: a scan of them all for each standard was quadratic in a
        // folder of many standards with advisories.
        for (k, d) in self.diagnostics.iter().enumerate().skip(self.blockers.1) {
            if let (true, Some(loc)) = (d.holds_back(), d.loc) {
                self.blockers.0.entry(loc.file).or_insert(k);
            }
        }
        self.blockers.1 = self.diagnostics.len();
        let blocking = files
            .iter()
            .filter_map(|f| self.blockers.0.get(f).copied())
            .min();
        let Some(first) = blocking else {
            self.diagnostics.extend(later);
            return;
        };
        self.held_back.extend_from_slice(files);
        let count = u32::try_from(later.len()).unwrap_or(u32::MAX);
        let diag = &mut self.diagnostics[first];
        if let (Some(loc), true) = (diag.loc, count > 0) {
            diag.notes.push((loc, Note::HeldBack(count)));
        }
    }
}
