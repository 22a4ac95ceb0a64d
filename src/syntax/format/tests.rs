use super::format;

#[test]
fn indents_by_brace_and_makes_spaces_canonical() {
    let text = "prosedur p \"P\" {\n      langkah a   \"A\" {oleh x\twaktu 1 hari}\n  selesai ok \"Selesai\"\n}\n";
    assert_eq!(
        format(text),
        "prosedur p \"P\" {\n  langkah a  \"A\" {oleh x waktu 1 hari}\n  selesai ok \"Selesai\"\n}\n"
    );
}

#[test]
fn aligns_roles_and_decision_arrows() {
    let text = "peran a \"A\" internal\nperan panjang \"P\" eksternal\nprosedur p \"P\" {\n  langkah s \"S\" {\n    keputusan \"?\" {\n      ya -> t\n      tidak_lengkap -> kembalikan ke a\n    }\n  }\n}\n";
    assert_eq!(
        format(text),
        "peran a       \"A\" internal\nperan panjang \"P\" eksternal\nprosedur p \"P\" {\n  langkah s \"S\" {\n    keputusan \"?\" {\n      ya            -> t\n      tidak_lengkap -> kembalikan ke a\n    }\n  }\n}\n"
    );
}

#[test]
fn keeps_one_blank_line_and_none_inside_brace_edges() {
    let text = "\n\nperan a \"A\" internal\n\n\n\nprosedur p \"P\" {\n\n  mulai a\n\n}\n\n\n";
    assert_eq!(
        format(text),
        "peran a \"A\" internal\n\nprosedur p \"P\" {\n  mulai a\n}\n"
    );
}

#[test]
fn texts_and_comments_are_kept_as_written() {
    let text = "// izinkan sop::x karena  dua   spasi   \nperan a \"A  {  }  // bukan komentar\" internal // catatan   \nlayanan l \"baris satu\n      baris dua\" {\n}\n";
    assert_eq!(
        format(text),
        "// izinkan sop::x karena  dua   spasi\nperan a \"A  {  }  // bukan komentar\" internal // catatan\nlayanan l \"baris satu\n      baris dua\" {\n}\n"
    );
}

#[test]
fn keeps_crlf_and_the_byte_order_mark() {
    let text = "\u{feff}peran a \"A\" internal\r\nprosedur p \"P\" {\r\nmulai a\r\n}";
    assert_eq!(
        format(text),
        "\u{feff}peran a \"A\" internal\r\nprosedur p \"P\" {\r\n  mulai a\r\n}\r\n"
    );
}

#[test]
fn curly_quotes_and_unclosed_ones() {
    let text =
        "peran a \u{201C}Kepala  {Dinas}\u{201D} internal\nperan b \u{201C}tanpa tutup internal\n";
    let out = format(text);
    assert!(out.contains("\u{201C}Kepala  {Dinas}\u{201D}"), "{out}");
    assert_eq!(format(&out), out);
}

#[test]
fn a_second_run_changes_nothing() {
    for text in [
        "peran a \"A\" internal\nperan bb \"B\" internal\n\n// x\nperan ccc \"C\" internal\n",
        "prosedur p \"P\" { langkah a \"A\" { oleh x  waktu 1 hari  lanjut ok }\n selesai ok \"OK\" }\n",
        "}}}{{{\n\"\n",
        "",
        "\n\n",
    ] {
        let once = format(text);
        assert_eq!(format(&once), once, "{text:?}");
    }
}
