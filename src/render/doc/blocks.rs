//! The document as blocks — headings, paragraphs, lists, tables, flowcharts — read from the
//! one text the content is written into, so Markdown, HTML and Word show the same content
//! from one place. The text uses a fixed, small part of Markdown (written by this module's
//! siblings only), with the document's own tags between the control characters 1 and 2.

/// A run of text with one style.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Span {
    /// The text (empty for a line break).
    pub text: String,
    /// Bold.
    pub bold: bool,
    /// Italic.
    pub italic: bool,
    /// An identifier or code.
    pub code: bool,
    /// A link to an anchor of the document (`sop-…`).
    pub link: Option<String>,
    /// A line break.
    pub br: bool,
}

/// A table's rows as written.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Table {
    /// The heading row (empty cells for a table of facts).
    pub head: Vec<Vec<Span>>,
    /// Columns written centred (the Pelaksana columns of an SOP table).
    pub centred: Vec<bool>,
    /// The rows.
    pub rows: Vec<Vec<Vec<Span>>>,
}

impl Table {
    /// A table of facts: two columns and no heading.
    pub fn is_facts(&self) -> bool {
        self.head.iter().all(Vec::is_empty)
    }

    /// The SOP table of a procedure (headed `No`, then Kegiatan, the role columns, the Mutu
    /// Baku and Keterangan).
    pub fn is_sop(&self) -> bool {
        self.head.first().is_some_and(|c| plain(c) == "No")
    }

    /// The SOP table's number of role (Pelaksana) columns: the centred ones.
    pub fn roles(&self) -> usize {
        self.centred.iter().filter(|c| **c).count()
    }
}

/// One block of the document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// A heading, level 1 to 3.
    Heading(u8, Vec<Span>),
    /// An anchor links lead to.
    Anchor(String),
    /// A paragraph.
    Para(Vec<Span>),
    /// A bulleted list.
    List(Vec<Vec<Span>>),
    /// A table.
    Table(Table),
    /// The flowchart of the `n`-th SOP page of the document page (from 0).
    Flowchart(usize),
}

/// The blocks of `text` (the document before its final escaping).
pub fn parse(text: &str) -> Vec<Block> {
    let mut out = Vec::new();
    let mut charts = 0;
    let mut lines = text.lines().peekable();
    let mut para: Vec<&str> = Vec::new();
    let flush = |para: &mut Vec<&str>, out: &mut Vec<Block>| {
        if !para.is_empty() {
            out.push(Block::Para(inline(&para.join(" "))));
            para.clear();
        }
    };
    while let Some(line) = lines.next() {
        if line.trim().is_empty() {
            flush(&mut para, &mut out);
        } else if line.starts_with("```") {
            flush(&mut para, &mut out);
            for inner in lines.by_ref() {
                if inner.starts_with("```") {
                    break;
                }
            }
            out.push(Block::Flowchart(charts));
            charts += 1;
        } else if let Some(rest) = line.strip_prefix('#') {
            flush(&mut para, &mut out);
            let level = 1 + rest.chars().take_while(|c| *c == '#').count();
            let text = rest.trim_start_matches('#').trim_start();
            out.push(Block::Heading(level.min(3) as u8, inline(text)));
        } else if let Some(id) = line
            .strip_prefix("\u{1}a id=\"")
            .and_then(|r| r.split('"').next())
        {
            flush(&mut para, &mut out);
            out.push(Block::Anchor(id.to_string()));
        } else if let Some(item) = line.strip_prefix("- ") {
            flush(&mut para, &mut out);
            let mut items = vec![inline(item)];
            while let Some(next) = lines.peek().and_then(|l| l.strip_prefix("- ")) {
                items.push(inline(next));
                lines.next();
            }
            out.push(Block::List(items));
        } else if line.starts_with('|') {
            flush(&mut para, &mut out);
            let mut table = Table {
                head: cells(line).iter().map(|c| inline(c)).collect(),
                ..Table::default()
            };
            if let Some(rule) = lines.next_if(|l| l.starts_with("|-") || l.starts_with("|:")) {
                table.centred = cells(rule).iter().map(|c| c.starts_with(':')).collect();
            }
            while let Some(row) = lines.next_if(|l| l.starts_with('|')) {
                table
                    .rows
                    .push(cells(row).iter().map(|c| inline(c)).collect());
            }
            out.push(Block::Table(table));
        } else {
            para.push(line);
        }
    }
    flush(&mut para, &mut out);
    out
}

/// The cells of a table row, `\|` kept as a bar inside a cell (other escapes are left for
/// [`inline`]).
fn cells(row: &str) -> Vec<String> {
    let body = row.trim().trim_start_matches('|');
    let body = body.strip_suffix('|').unwrap_or(body);
    let mut out = vec![String::new()];
    let mut chars = body.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                let next = chars.next();
                if let Some(cell) = out.last_mut() {
                    if next != Some('|') {
                        cell.push('\\');
                    }
                    cell.extend(next);
                }
            }
            '|' => out.push(String::new()),
            c => {
                if let Some(cell) = out.last_mut() {
                    cell.push(c);
                }
            }
        }
    }
    out.into_iter().map(|c| c.trim().to_string()).collect()
}

/// The spans of a line: `**bold**`, `*italic*`, `` `code` ``, `[text](#anchor)` and line
/// breaks.
pub fn inline(text: &str) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::new();
    let (mut bold, mut italic, mut link): (bool, bool, Option<String>) = (false, false, None);
    let mut cur = String::new();
    let push =
        |out: &mut Vec<Span>, cur: &mut String, bold, italic, code, link: &Option<String>| {
            if !cur.is_empty() {
                out.push(Span {
                    text: std::mem::take(cur),
                    bold,
                    italic,
                    code,
                    link: link.clone(),
                    br: false,
                });
            }
        };
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        // A mark written as text (`\*`, `\[`, `\\`): the character itself.
        if let Some(lit) = rest
            .strip_prefix('\\')
            .and_then(|r| r.chars().next())
            .filter(char::is_ascii_punctuation)
        {
            cur.push(lit);
            rest = &rest[1 + lit.len_utf8()..];
            continue;
        }
        if let Some(r) = rest.strip_prefix("\u{1}br\u{2}") {
            push(&mut out, &mut cur, bold, italic, false, &link);
            out.push(Span {
                br: true,
                ..Span::default()
            });
            rest = r;
        } else if let Some(r) = rest.strip_prefix("**") {
            push(&mut out, &mut cur, bold, italic, false, &link);
            bold = !bold;
            rest = r;
        } else if c == '*' {
            push(&mut out, &mut cur, bold, italic, false, &link);
            italic = !italic;
            rest = &rest[1..];
        } else if c == '`' {
            push(&mut out, &mut cur, bold, italic, false, &link);
            let body = &rest[1..];
            let end = body.find('`').unwrap_or(body.len());
            cur.push_str(&body[..end]);
            push(&mut out, &mut cur, bold, italic, true, &link);
            rest = body.get(end + 1..).unwrap_or("");
        } else if c == '[' && link.is_none() && rest.contains("](#") {
            push(&mut out, &mut cur, bold, italic, false, &link);
            let close = rest.find("](#").unwrap_or(0);
            let target_end = rest[close..].find(')').map_or(rest.len(), |i| close + i);
            link = Some(rest[close + 3..target_end].to_string());
            let label = rest[1..close].to_string();
            out.extend(inline(&label).into_iter().map(|mut s| {
                s.link.clone_from(&link);
                s.bold |= bold;
                s.italic |= italic;
                s
            }));
            link = None;
            rest = rest.get(target_end + 1..).unwrap_or("");
        } else {
            cur.push(c);
            rest = &rest[c.len_utf8()..];
        }
    }
    push(&mut out, &mut cur, bold, italic, false, &link);
    out
}

/// The plain text of spans (line breaks as spaces).
pub fn plain(spans: &[Span]) -> String {
    let mut out = String::new();
    for s in spans {
        if s.br {
            out.push(' ');
        } else {
            out.push_str(&s.text);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_small_markdown_reads_back_as_blocks() {
        let text = "# Judul\n\n**Dinas**\n\n| | |\n|---|---|\n| Versi | 1 \\| 2 |\n\n- a *b*\n- [`p`](#sop-p)\n\n```mermaid\nflowchart TB\n```\n";
        let blocks = parse(text);
        assert_eq!(blocks.len(), 5, "{blocks:?}");
        let Block::Table(t) = &blocks[2] else {
            panic!("a table")
        };
        assert_eq!(plain(&t.rows[0][1]), "1 | 2");
        let Block::List(items) = &blocks[3] else {
            panic!("a list")
        };
        assert!(items[0][1].italic && items[1][0].code);
        assert_eq!(items[1][0].link.as_deref(), Some("sop-p"));
        assert_eq!(blocks[4], Block::Flowchart(0));
    }

    #[test]
    fn escaped_marks_are_text() {
        let spans = inline("a \\*b\\* \\`c\\` \\[d\\](#e) \\\\ f");
        assert_eq!(plain(&spans), "a *b* `c` [d](#e) \\ f");
        assert!(spans
            .iter()
            .all(|s| !s.italic && !s.code && s.link.is_none()));
        let row = cells("| a\\|b | c\\\\ | \\*d |");
        assert_eq!(row, ["a|b", "c\\\\", "\\*d"]);
    }
}
