//! Hand-written PDF attachments.
//!
//! The archive needs a few real PDF files to exercise asset copying and PDF
//! reading; a one-page PDF is simple enough to write by hand (one font, one
//! text stream, a correct cross-reference table), which keeps the generator
//! free of a PDF library and its output stable.

use std::fmt::Write as _;

use super::calendar::Date;

/// PDF literal string in WinAnsiEncoding, with non-ASCII as octal escapes.
fn push_pdf_text(out: &mut Vec<u8>, s: &str) {
    out.push(b'(');
    for c in s.chars() {
        let code: u32 = match c {
            '–' => 0x96,
            '—' => 0x97,
            '“' => 0x93,
            '”' => 0x94,
            '’' => 0x92,
            c if (c as u32) < 0x100 => c as u32,
            _ => b'?' as u32,
        };
        match code {
            0x28 | 0x29 | 0x5C => {
                out.push(b'\\');
                out.push(code as u8);
            }
            0x20..=0x7E => out.push(code as u8),
            _ => out.extend_from_slice(format!("\\{code:03o}").as_bytes()),
        }
    }
    out.push(b')');
}

/// A small valid one-page PDF with a correct cross-reference table.
pub(super) fn pdf_bytes(title: &str, date: Date, author: &str) -> Vec<u8> {
    let mut stream = Vec::with_capacity(400);
    stream.extend_from_slice(b"BT\n/F1 16 Tf\n72 770 Td\n");
    push_pdf_text(&mut stream, title);
    stream.extend_from_slice(b" Tj\n/F1 11 Tf\n0 -24 Td\n");
    let mut line = String::from("Generated Association, ");
    date.push_long(&mut line);
    push_pdf_text(&mut stream, &line);
    stream.extend_from_slice(b" Tj\n0 -16 Td\n");
    push_pdf_text(&mut stream, &format!("Bilag udarbejdet af {author}"));
    stream.extend_from_slice(b" Tj\nET\n");

    let mut title_hex = String::from("<FEFF");
    for u in title.encode_utf16() {
        let _ = write!(title_hex, "{u:04X}");
    }
    title_hex.push('>');

    let mut b: Vec<u8> = Vec::with_capacity(1500);
    b.extend_from_slice(b"%PDF-1.4\n%\xE2\xE3\xCF\xD3\n");
    let mut offsets = Vec::with_capacity(6);
    let objects: [Vec<u8>; 6] = [
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>".to_vec(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>".to_vec(),
        {
            let mut s = format!("<< /Length {} >>\nstream\n", stream.len()).into_bytes();
            s.extend_from_slice(&stream);
            s.extend_from_slice(b"endstream");
            s
        },
        {
            let mut s = format!("<< /Title {title_hex} /Author ").into_bytes();
            push_pdf_text(&mut s, author);
            s.extend_from_slice(
                format!(
                    " /Producer (arkiv generate) /CreationDate (D:{:04}{:02}{:02}120000Z) >>",
                    date.y, date.m, date.d
                )
                .as_bytes(),
            );
            s
        },
    ];
    for (i, o) in objects.iter().enumerate() {
        offsets.push(b.len());
        b.extend_from_slice(format!("{} 0 obj\n", i + 1).as_bytes());
        b.extend_from_slice(o);
        b.extend_from_slice(b"\nendobj\n");
    }
    let xref = b.len();
    b.extend_from_slice(b"xref\n0 7\n0000000000 65535 f \n");
    for o in offsets {
        b.extend_from_slice(format!("{o:010} 00000 n \n").as_bytes());
    }
    b.extend_from_slice(
        format!("trailer\n<< /Size 7 /Root 1 0 R /Info 6 0 R >>\nstartxref\n{xref}\n%%EOF\n")
            .as_bytes(),
    );
    b
}
