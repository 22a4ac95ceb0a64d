//! Where a calendar named in a standard is found: `NAME.kalender.yaml` (or
//! `NAME.calendar.yaml`) in the standard's folder or a folder above it, up to the standards
//! root. The same rule finds a calendar's `dasar` (base).

use crate::source::loader;

/// Paths to try for calendar `name`, nearest first, from folder `dir` up to `root`.
pub fn candidates<'n>(dir: &str, root: &str, name: &'n str) -> impl Iterator<Item = String> + 'n {
    // Lazily: the nearest file is usually found in the first folder.
    folders(dir, root).into_iter().flat_map(move |here| {
        ["kalender", "calendar"].map(|suffix| {
            // `here` is already normal: a plain name is simply appended.
            if here.is_empty() || here.ends_with('/') || name.contains('/') || name.starts_with('.')
            {
                loader::join(&here, &format!("{name}.{suffix}.yaml"))
            } else {
                format!("{here}/{name}.{suffix}.yaml")
            }
        })
    })
}

/// The folders a calendar name is looked for in: `dir`, then each one above it up to `root`.
pub fn folders(dir: &str, root: &str) -> Vec<String> {
    let root = loader::join(root, "");
    let mut out = Vec::new();
    let mut here = loader::join(dir, "");
    loop {
        out.push(here.clone());
        // Whether `here/x` is inside the root (as `loader::within`, the root made normal once).
        let inside = if root.is_empty() {
            !here.starts_with("..") && !here.starts_with('/')
        } else {
            here.strip_prefix(&root)
                .is_some_and(|rest| rest.starts_with('/'))
        };
        if here == root || here.is_empty() || !inside {
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

    #[test]
    fn folders_are_those_the_path_rules_give() {
        // The rule as `loader::within` states it, joined afresh at each folder.
        let reference = |dir: &str, root: &str| {
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
        };
        let dirs = [
            "a/b/c", "/t/c/a", "a/../b", "./a/b", "", "..", "../x/y", "/", "a//b/",
        ];
        let roots = ["a", "a/b", "", ".", "/t", "/t/c", "b", "..", "/"];
        for dir in dirs {
            for root in roots {
                assert_eq!(
                    folders(dir, root),
                    reference(dir, root),
                    "{dir} under {root}"
                );
                let names = ["nasional", "../x", "a/b", ".x"];
                for name in names {
                    let joined: Vec<String> = reference(dir, root)
                        .iter()
                        .flat_map(|h| {
                            ["kalender", "calendar"]
                                .map(|s| loader::join(h, &format!("{name}.{s}.yaml")))
                        })
                        .collect();
                    let found: Vec<String> = candidates(dir, root, name).collect();
                    assert_eq!(found, joined, "{name} from {dir} under {root}");
                }
            }
        }
    }
}
