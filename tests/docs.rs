//! The language reference stays true: its examples parse, and it lists every keyword and
//! every diagnostic code.

use sopan::diag::CODES;
use sopan::internals::KEYWORDS;
use sopan::source::span::FileId;

fn reference() -> String {
    std::fs::read_to_string("grammar/README.md").expect("grammar/README.md")
}

fn sop_blocks(text: &str) -> Vec<String> {
    let mut blocks = Vec::new();
    let mut current: Option<String> = None;
    for line in text.lines() {
        match (&mut current, line.trim_start()) {
            (None, "```sop") => current = Some(String::new()),
            (Some(block), "```") => {
                blocks.push(std::mem::take(block));
                current = None;
            }
            (Some(block), _) => {
                block.push_str(line);
                block.push('\n');
            }
            (None, _) => {}
        }
    }
    blocks
}

#[test]
fn every_example_in_the_reference_parses() {
    let blocks = sop_blocks(&reference());
    assert!(blocks.len() >= 12, "found only {} examples", blocks.len());
    for block in blocks {
        let (_, diags) = sopan::internals::parse(&block, FileId(0));
        let codes: Vec<&str> = diags.iter().map(|d| d.code()).collect();
        assert!(codes.is_empty(), "{codes:?} in example:\n{block}");
    }
}

#[test]
fn the_reference_lists_every_keyword_and_code() {
    let text = reference();
    for (id, en) in KEYWORDS {
        assert!(
            text.contains(&format!("`{id}`")),
            "keyword `{id}` missing from the reference"
        );
        assert!(
            text.contains(&format!("`{en}`")),
            "keyword `{en}` missing from the reference"
        );
    }
    for code in CODES {
        assert!(
            text.contains(&format!("`{code}`")),
            "code `{code}` missing from the reference"
        );
    }
}
