//! The document as a Word file (`.docx`, Office Open XML), for agencies that attach the
//! standard to a decree drafted in a word processor: the same blocks as the HTML — headings,
//! paragraphs, lists, real Word tables (the SOP table with its heading row repeated on each
//! page), each SOP in a landscape section, each flowchart page as an SVG picture, and the
//! agency's name and the version at the top of every page, its number at the bottom.

use super::blocks::{Block, Span, Table};
use super::document::Document;
use crate::diag::Lang;
use crate::machine::Machine;
use crate::model::Model;
use crate::render::graph::svg::geometry::escape;
use std::fmt::Write as _;

const W_NS: &str = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\" xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\"";
/// A4 upright and on its side, in twentieths of a point, with margins.
const PORTRAIT: &str = "<w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"1000\" w:right=\"800\" w:bottom=\"1000\" w:left=\"800\" w:header=\"500\" w:footer=\"500\" w:gutter=\"0\"/>";
const LANDSCAPE: &str = "<w:pgSz w:w=\"16838\" w:h=\"11906\" w:orient=\"landscape\"/><w:pgMar w:top=\"700\" w:right=\"700\" w:bottom=\"700\" w:left=\"700\" w:header=\"400\" w:footer=\"400\" w:gutter=\"0\"/>";
/// Text width of a landscape page, in twentieths of a point.
const LANDSCAPE_TEXT: i64 = 16838 - 1400;

/// `doc` as the bytes of a `.docx` file; `model` and `machines` draw the flowcharts.
pub fn docx(doc: &Document, model: &Model, machines: &[Machine], lang: Lang) -> Vec<u8> {
    let mut body = String::new();
    let mut pictures: Vec<Vec<u8>> = Vec::new();
    let mut bookmarks = 0;
    let mut landscape = false;
    for (k, page) in doc.pages.iter().enumerate() {
        if k > 0 {
            section_end(&mut body, landscape);
            landscape = false;
        }
        for block in &page.blocks {
            match block {
                Block::Anchor(id) => {
                    section_end(&mut body, landscape);
                    landscape = true;
                    bookmarks += 1;
                    let _ = write!(
                        body,
                        "<w:p><w:bookmarkStart w:id=\"{bookmarks}\" w:name=\"{}\"/><w:bookmarkEnd w:id=\"{bookmarks}\"/></w:p>",
                        bookmark(id)
                    );
                }
                Block::Heading(level, spans) => {
                    let _ = write!(
                        body,
                        "<w:p><w:pPr><w:pStyle w:val=\"Heading{level}\"/></w:pPr>{}</w:p>",
                        runs(spans, false)
                    );
                }
                Block::Para(spans) => {
                    let _ = write!(body, "<w:p>{}</w:p>", runs(spans, false));
                }
                Block::List(items) => {
                    for item in items {
                        let _ = write!(
                            body,
                            "<w:p><w:pPr><w:ind w:left=\"360\" w:hanging=\"240\"/></w:pPr><w:r><w:t xml:space=\"preserve\">• </w:t></w:r>{}</w:p>",
                            runs(item, false)
                        );
                    }
                }
                Block::Table(t) => table(&mut body, t, lang),
                Block::Flowchart(n) => {
                    let Some(&p) = page.procedures.get(*n) else {
                        continue;
                    };
                    let (Some(proc), Some(machine)) = (model.procedures.get(p), machines.get(p))
                    else {
                        continue;
                    };
                    for svg in crate::render::graph::svg_pages(model, proc, machine, lang) {
                        pictures.push(svg.into_bytes());
                        picture(
                            &mut body,
                            pictures.len(),
                            pictures.last().map_or(&[][..], |v| v),
                        );
                    }
                }
            }
        }
    }
    let document = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document {W_NS}><w:body>{body}{}</w:body></w:document>",
        section(landscape)
    );
    let first = doc.pages.first();
    let agency = first.and_then(|p| p.agency.as_deref()).unwrap_or_default();
    let version = first
        .and_then(|p| p.version.as_deref())
        .map(|v| format!("{} {v}", lang.pick("Versi", "Version")))
        .unwrap_or_default();
    let mut rels = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rIdStyles\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/><Relationship Id=\"rIdHeader\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/header\" Target=\"header1.xml\"/><Relationship Id=\"rIdFooter\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer\" Target=\"footer1.xml\"/>");
    for i in 1..=pictures.len() {
        let _ = write!(
            rels,
            "<Relationship Id=\"rIdPic{i}\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/image\" Target=\"media/bagan{i}.svg\"/>"
        );
    }
    rels.push_str("</Relationships>");
    let mut files: Vec<(String, Vec<u8>)> = vec![
        (
            "[Content_Types].xml".into(),
            CONTENT_TYPES.as_bytes().to_vec(),
        ),
        ("_rels/.rels".into(), ROOT_RELS.as_bytes().to_vec()),
        ("word/document.xml".into(), document.into_bytes()),
        ("word/_rels/document.xml.rels".into(), rels.into_bytes()),
        ("word/styles.xml".into(), STYLES.as_bytes().to_vec()),
        (
            "word/header1.xml".into(),
            header(agency, &version).into_bytes(),
        ),
        ("word/footer1.xml".into(), FOOTER.as_bytes().to_vec()),
    ];
    for (i, svg) in pictures.into_iter().enumerate() {
        files.push((format!("word/media/bagan{}.svg", i + 1), svg));
    }
    let named: Vec<(&str, Vec<u8>)> = files.iter().map(|(n, b)| (n.as_str(), b.clone())).collect();
    super::zip::archive(&named)
}

/// Ends the section written so far (upright, or on its side for an SOP).
fn section_end(body: &mut String, landscape: bool) {
    let _ = write!(body, "<w:p><w:pPr>{}</w:pPr></w:p>", section(landscape));
}

/// A section's properties: the running head and foot, and the page.
fn section(landscape: bool) -> String {
    let size = if landscape { LANDSCAPE } else { PORTRAIT };
    format!("<w:sectPr><w:headerReference w:type=\"default\" r:id=\"rIdHeader\"/><w:footerReference w:type=\"default\" r:id=\"rIdFooter\"/>{size}</w:sectPr>")
}

/// The running head: the agency's name, and the version at the right.
fn header(agency: &str, version: &str) -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:hdr {W_NS}><w:p><w:pPr><w:tabs><w:tab w:val=\"right\" w:pos=\"15400\"/></w:tabs></w:pPr><w:r><w:rPr><w:sz w:val=\"16\"/></w:rPr><w:t xml:space=\"preserve\">{}</w:t></w:r><w:r><w:rPr><w:sz w:val=\"16\"/></w:rPr><w:tab/><w:t xml:space=\"preserve\">{}</w:t></w:r></w:p></w:hdr>",
        escape(agency),
        escape(version)
    )
}

/// The running foot: the page's number at the right.
const FOOTER: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:ftr xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:p><w:pPr><w:jc w:val=\"right\"/></w:pPr><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:p></w:ftr>";

/// A bookmark's name: letters, digits and `_` only.
fn bookmark(id: &str) -> String {
    id.chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect()
}

/// Spans as Word runs; `bold` makes every run bold (a heading row).
fn runs(spans: &[Span], bold: bool) -> String {
    let mut out = String::new();
    for s in spans {
        if s.br {
            out.push_str("<w:r><w:br/></w:r>");
            continue;
        }
        let mut props = String::new();
        if s.bold || bold {
            props.push_str("<w:b/>");
        }
        if s.italic {
            props.push_str("<w:i/>");
        }
        if s.code {
            props.push_str("<w:rFonts w:ascii=\"Consolas\" w:hAnsi=\"Consolas\"/>");
        }
        let run = format!(
            "<w:r><w:rPr>{props}</w:rPr><w:t xml:space=\"preserve\">{}</w:t></w:r>",
            escape(&s.text)
        );
        match &s.link {
            Some(anchor) => {
                let _ = write!(
                    out,
                    "<w:hyperlink w:anchor=\"{}\">{run}</w:hyperlink>",
                    bookmark(anchor)
                );
            }
            None => out.push_str(&run),
        }
    }
    out
}

/// A Word table: borders on every cell, the heading row shaded and repeated on each page.
fn table(body: &mut String, t: &Table, lang: Lang) {
    let facts = t.is_facts();
    let cols = t
        .head
        .len()
        .max(t.rows.iter().map(Vec::len).max().unwrap_or(0))
        .max(1);
    let sop = t.is_sop();
    // Widths as in the HTML: the SOP table's Kegiatan wide and the Pelaksana columns narrow.
    let widths: Vec<i64> = if sop {
        // A table whose source names no performer gives Kegiatan their room.
        let roles = t.roles();
        let activity = if roles == 0 { 50 } else { 20 };
        let mut w = vec![4 * LANDSCAPE_TEXT / 100, activity * LANDSCAPE_TEXT / 100];
        w.extend(std::iter::repeat_n(
            30 * LANDSCAPE_TEXT / 100 / roles.max(1) as i64,
            roles,
        ));
        w.extend([12, 8, 12, 14].map(|p| p * LANDSCAPE_TEXT / 100));
        w
    } else {
        vec![(11906 - 1600) / cols as i64; cols]
    };
    let border = "w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"777777\"";
    let _ = write!(
        body,
        "<w:tbl><w:tblPr><w:tblW w:w=\"0\" w:type=\"auto\"/><w:tblLayout w:type=\"fixed\"/><w:tblBorders><w:top {border}/><w:left {border}/><w:bottom {border}/><w:right {border}/><w:insideH {border}/><w:insideV {border}/></w:tblBorders></w:tblPr><w:tblGrid>"
    );
    for w in &widths {
        let _ = write!(body, "<w:gridCol w:w=\"{w}\"/>");
    }
    body.push_str("</w:tblGrid>");
    let size = if sop { "<w:sz w:val=\"15\"/>" } else { "" };
    let row = |body: &mut String, cells: &[Vec<Span>], head: bool| {
        body.push_str("<w:tr>");
        if head {
            body.push_str("<w:trPr><w:tblHeader/></w:trPr>");
        }
        for (i, cell) in cells.iter().enumerate() {
            let w = widths.get(i).copied().unwrap_or(1000);
            let shade = if head {
                "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"E9E9E9\"/>"
            } else {
                ""
            };
            let centre = if t.centred.get(i).copied().unwrap_or(false) && !head {
                "<w:jc w:val=\"center\"/>"
            } else {
                ""
            };
            let text = runs(cell, head).replace("<w:rPr>", &format!("<w:rPr>{size}"));
            let _ = write!(
                body,
                "<w:tc><w:tcPr><w:tcW w:w=\"{w}\" w:type=\"dxa\"/>{shade}</w:tcPr><w:p><w:pPr>{centre}</w:pPr>{text}</w:p></w:tc>"
            );
        }
        body.push_str("</w:tr>");
    };
    if sop && t.head.len() >= 6 {
        // As the HTML and PermenPAN-RB 35/2012 head it: Pelaksana over the roles, Mutu Baku
        // over Kelengkapan, Waktu and Output; No, Kegiatan and Keterangan over both rows.
        let n = t.head.len();
        let roles = n - 6;
        let shade = "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"E9E9E9\"/>";
        let cell = |body: &mut String, text: String, width: i64, merge: &str| {
            let _ = write!(
                body,
                "<w:tc><w:tcPr><w:tcW w:w=\"{width}\" w:type=\"dxa\"/>{merge}{shade}</w:tcPr><w:p>{}</w:p></w:tc>",
                text.replace("<w:rPr>", &format!("<w:rPr>{size}"))
            );
        };
        let words = |text: &str| {
            runs(
                &[Span {
                    text: text.to_string(),
                    ..Span::default()
                }],
                true,
            )
        };
        let width = |range: std::ops::Range<usize>| -> i64 {
            widths.get(range).map_or(1000, |w| w.iter().sum())
        };
        let restart = "<w:vMerge w:val=\"restart\"/>";
        let cont = "<w:vMerge/>";
        body.push_str("<w:tr><w:trPr><w:tblHeader/></w:trPr>");
        cell(body, runs(&t.head[0], true), width(0..1), restart);
        cell(body, runs(&t.head[1], true), width(1..2), restart);
        // No Pelaksana heading over no columns (a source that names no performer).
        if roles > 0 {
            let span = format!("<w:gridSpan w:val=\"{roles}\"/>");
            cell(
                body,
                words(lang.pick("Pelaksana", "Performers")),
                width(2..2 + roles),
                &span,
            );
        }
        cell(
            body,
            words(lang.pick("Mutu Baku", "Quality standards")),
            width(2 + roles..n - 1),
            "<w:gridSpan w:val=\"3\"/>",
        );
        cell(body, runs(&t.head[n - 1], true), width(n - 1..n), restart);
        body.push_str("</w:tr><w:tr><w:trPr><w:tblHeader/></w:trPr>");
        cell(body, String::new(), width(0..1), cont);
        cell(body, String::new(), width(1..2), cont);
        for i in 2..n - 1 {
            cell(body, runs(&t.head[i], true), width(i..i + 1), "");
        }
        cell(body, String::new(), width(n - 1..n), cont);
        body.push_str("</w:tr>");
    } else if !facts {
        row(body, &t.head, true);
    }
    for r in &t.rows {
        row(body, r, false);
    }
    body.push_str("</w:tbl><w:p/>");
}

/// A flowchart page as an SVG picture on a page of its own, fitted to the landscape page.
fn picture(body: &mut String, n: usize, svg: &[u8]) {
    let text = std::str::from_utf8(svg).unwrap_or_default();
    let attr = |name: &str| -> i64 {
        text.split(&format!(" {name}=\""))
            .nth(1)
            .and_then(|r| r.split('"').next())
            .and_then(|v| v.parse().ok())
            .unwrap_or(100)
    };
    let (w, h) = (attr("width").max(1), attr("height").max(1));
    // EMU: 635 per twentieth of a point; the page's text width and about 6.3 inches high.
    let max_w = LANDSCAPE_TEXT * 635;
    let max_h = 6 * 914_400 + 274_320;
    let (cx, cy) = if max_w * h <= max_h * w {
        (max_w, max_w * h / w)
    } else {
        (max_h * w / h, max_h)
    };
    let _ = write!(
        body,
        "<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p><w:p><w:r><w:drawing><wp:inline distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\"><wp:extent cx=\"{cx}\" cy=\"{cy}\"/><wp:docPr id=\"{n}\" name=\"Bagan alir {n}\"/><a:graphic xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\"><a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"><pic:pic xmlns:pic=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"><pic:nvPicPr><pic:cNvPr id=\"{n}\" name=\"bagan{n}.svg\"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:embed=\"rIdPic{n}\"><a:extLst><a:ext uri=\"{{96DAC541-7B7A-43D3-8B79-37D633B846F1}}\"><asvg:svgBlip xmlns:asvg=\"http://schemas.microsoft.com/office/drawing/2016/SVG/main\" r:embed=\"rIdPic{n}\"/></a:ext></a:extLst></a:blip><a:stretch><a:fillRect/></a:stretch></pic:blipFill><pic:spPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"{cx}\" cy=\"{cy}\"/></a:xfrm><a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>"
    );
}

const CONTENT_TYPES: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Default Extension=\"svg\" ContentType=\"image/svg+xml\"/><Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/><Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/><Override PartName=\"/word/header1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml\"/><Override PartName=\"/word/footer1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml\"/></Types>";

const ROOT_RELS: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>";

const STYLES: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"Arial\" w:hAnsi=\"Arial\" w:cs=\"Arial\"/><w:sz w:val=\"20\"/><w:lang w:val=\"id-ID\"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after=\"80\"/></w:pPr></w:pPrDefault></w:docDefaults><w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/></w:style><w:style w:type=\"paragraph\" w:styleId=\"Heading1\"><w:name w:val=\"heading 1\"/><w:basedOn w:val=\"Normal\"/><w:pPr><w:keepNext/><w:spacing w:before=\"240\" w:after=\"120\"/><w:outlineLvl w:val=\"0\"/></w:pPr><w:rPr><w:b/><w:sz w:val=\"32\"/></w:rPr></w:style><w:style w:type=\"paragraph\" w:styleId=\"Heading2\"><w:name w:val=\"heading 2\"/><w:basedOn w:val=\"Normal\"/><w:pPr><w:keepNext/><w:spacing w:before=\"240\" w:after=\"100\"/><w:outlineLvl w:val=\"1\"/></w:pPr><w:rPr><w:b/><w:sz w:val=\"26\"/></w:rPr></w:style><w:style w:type=\"paragraph\" w:styleId=\"Heading3\"><w:name w:val=\"heading 3\"/><w:basedOn w:val=\"Normal\"/><w:pPr><w:keepNext/><w:spacing w:before=\"180\" w:after=\"80\"/><w:outlineLvl w:val=\"2\"/></w:pPr><w:rPr><w:b/><w:sz w:val=\"22\"/></w:rPr></w:style></w:styles>";
