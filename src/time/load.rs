//! Where a calendar named in a standard is found: `NAME.kalender.yaml` (or
//! `NAME.calendar.yaml`) in the standard's folder or a folder above it, up to the standards
//! root. The same rule finds a calendar's `dasar` (base).

use crate::source::loader;

/// Paths to try for calendar `name`, nearest first, from folder `dir` up to `root`.
pub fn candidates<'n>(dir: &str, root: &str, name: &'n str) -> impl Iterator<Item = String> + 'n {
    // Lazily: the nearest file is usually found in the first folder.
    folders(dir, root).into_iter().flat_map(move |here| {
        ["kalender", "calendar"].map(|suffix| loader::join(&here, &format!("{name}.{suffix}.yaml")))
    })
}

/// The folders a calendar name is looked for in: `dir`, then each one above it up to `root`.
pub fn folders(dir: &str, root: &str) -> Vec<String> {
    let root = loader::join(root, "");
    let mut out = Vec::new();
    let mut here = loader::join(dir, "");
    loop {
        out.push(here.clone());
        if here == root || here.is_empty() || !loader::within(&root, &format!("{here}/x")) {
            break;
        }
        here = loader::parent(&here).to_string();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn searches_up_to_the_root() {
        let found: Vec<String> =
            candidates("standards/pekanbaru", "standards", "nasional").collect();
        assert_eq!(
            found,
            [
                "standards/pekanbaru/nasional.kalender.yaml",
                "standards/pekanbaru/nasional.calendar.yaml",
                "standards/nasional.kalender.yaml",
                "standards/nasional.calendar.yaml",
            ]
        );
    }
}
