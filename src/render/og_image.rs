//! The site's share image (`og:image`) for pages without an image of their own: the site's
//! own `content/og-image.png` or `.jpg` when it keeps one, else a 1200×630 PNG card made at
//! build time, the association's initials in white on the theme's colour.

use crate::model::Archive;
use crate::render::stroke_font;
use std::path::Path;

/// The card's size: what Facebook, LinkedIn and Messenger show large.
pub const CARD_WIDTH: u32 = 1200;
pub const CARD_HEIGHT: u32 = 630;

/// The theme colour when the theme's `arkiv.css` names no `--accent`.
const DEFAULT_ACCENT: [u8; 3] = [0x0a, 0x57, 0x66];

/// The site's share image: where it is (relative to the site's root) and, when known, its
/// size in pixels.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SiteImage {
    pub path: &'static str,
    pub size: Option<(u32, u32)>,
    /// Made by arkiv (not the site's own file).
    pub made: bool,
}

/// The site's own image if it keeps one in `content/`, else the card arkiv makes.
pub fn site_image(archive: &Archive) -> SiteImage {
    for path in [crate::routes::OG_IMAGE_PNG, crate::routes::OG_IMAGE_JPG] {
        if archive.assets.iter().any(|a| a == Path::new(path)) {
            let file = archive
                .site_root
                .join(crate::load::content::CONTENT_DIR)
                .join(path);
            let size = std::fs::read(file).ok().and_then(|b| image_size(&b));
            return SiteImage {
                path,
                size,
                made: false,
            };
        }
    }
    SiteImage {
        path: crate::routes::OG_IMAGE_PNG,
        size: Some((CARD_WIDTH, CARD_HEIGHT)),
        made: true,
    }
}

/// The width and height of a PNG or JPEG file, read from its header.
pub fn image_size(bytes: &[u8]) -> Option<(u32, u32)> {
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") && bytes.len() >= 24 && &bytes[12..16] == b"IHDR" {
        let be =
            |i: usize| u32::from_be_bytes([bytes[i], bytes[i + 1], bytes[i + 2], bytes[i + 3]]);
        return Some((be(16), be(20)));
    }
    if !bytes.starts_with(&[0xff, 0xd8]) {
        return None;
    }
    // JPEG: walk the markers to the first start-of-frame.
    let mut i = 2;
    while i + 9 < bytes.len() {
        if bytes[i] != 0xff {
            return None;
        }
        let marker = bytes[i + 1];
        let len = u16::from_be_bytes([bytes[i + 2], bytes[i + 3]]) as usize;
        if (0xc0..=0xcf).contains(&marker) && ![0xc4, 0xc8, 0xcc].contains(&marker) {
            let h = u16::from_be_bytes([bytes[i + 5], bytes[i + 6]]) as u32;
            let w = u16::from_be_bytes([bytes[i + 7], bytes[i + 8]]) as u32;
            return Some((w, h));
        }
        i += 2 + len;
    }
    None
}

/// The theme's colour: `--accent` in its `arkiv.css`, as `#rrggbb`.
pub fn theme_colour(arkiv_css: Option<&str>) -> [u8; 3] {
    let parse = |css: &str| -> Option<[u8; 3]> {
        let rest = &css[css.find("--accent:")? + "--accent:".len()..];
        let hex = rest.trim_start().strip_prefix('#')?.get(..6)?;
        let byte = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
        Some([byte(0)?, byte(2)?, byte(4)?])
    };
    arkiv_css.and_then(parse).unwrap_or(DEFAULT_ACCENT)
}

/// The card arkiv makes for the site (when `site_image` says so): its initials and title, in
/// the colour of the theme's stylesheet.
pub fn site_card(archive: &Archive, theme: &crate::load::theme::Theme) -> Vec<u8> {
    let css = theme
        .static_files
        .iter()
        .find(|f| f.name == crate::render::styles::COMMON)
        .and_then(|f| std::str::from_utf8(&f.contents).ok());
    card_png(
        &crate::render::favicon::initials(&archive.config.title),
        &archive.config.title,
        theme_colour(css),
    )
}

/// The card as PNG: the theme's colour with the initials in white, and the association's
/// name in spaced capitals on a darker band at the foot.
pub fn card_png(initials: &str, name: &str, colour: [u8; 3]) -> Vec<u8> {
    let (w, h) = (CARD_WIDTH as usize, CARD_HEIGHT as usize);
    let band = 150;
    let mut coverage = vec![0.0f32; w * h];
    let text: String = initials.chars().take(3).collect();
    // Capitals 250 px tall, strokes a sixth of that, letters 2.4 units apart.
    let (scale, weight, gap) = (25.0, 1.7, 2.4);
    let text_width = stroke_font::width(&text, gap) * scale;
    let x = (w as f32 - text_width) / 2.0;
    let y = ((h - band) as f32 - 10.0 * scale) / 2.0;
    stroke_font::paint(&mut coverage, w, &text, x, y, scale, weight, gap);
    // The name fits the band's width: capitals at most 30 px tall.
    let name = name.to_uppercase();
    let name_gap = 2.2;
    let units = stroke_font::width(&name, name_gap);
    if units > 0.0 {
        let scale = (3.0f32).min((w - 160) as f32 / units);
        let x = (w as f32 - units * scale) / 2.0;
        let y = (h - band / 2) as f32 - 5.0 * scale;
        stroke_font::paint(&mut coverage, w, &name, x, y, scale, 1.25, name_gap);
    }
    let darker = colour.map(|c| (c as f32 * 0.72) as u8);
    let mut pixels = Vec::with_capacity(w * h * 3);
    for (i, &a) in coverage.iter().enumerate() {
        let base = if i / w >= h - band { darker } else { colour };
        for b in base {
            pixels.push((b as f32 + (255.0 - b as f32) * a).round() as u8);
        }
    }
    let mut out = Vec::new();
    let mut encoder = png::Encoder::new(&mut out, CARD_WIDTH, CARD_HEIGHT);
    encoder.set_color(png::ColorType::Rgb);
    encoder.set_depth(png::BitDepth::Eight);
    encoder.set_compression(png::Compression::High);
    // Writing into memory cannot fail for a buffer of the declared size.
    if let Ok(mut writer) = encoder.write_header() {
        let _ = writer.write_image_data(&pixels);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_card_is_a_1200_by_630_png_in_the_theme_colour() {
        let png = card_png("SFP", "Sønderjysk Forening", [0x0a, 0x57, 0x66]);
        assert_eq!(image_size(&png), Some((1200, 630)));
        let decoder = png::Decoder::new(std::io::Cursor::new(&png));
        let mut reader = decoder.read_info().expect("png");
        let mut buf = vec![0; reader.output_buffer_size().expect("size")];
        let info = reader.next_frame(&mut buf).expect("frame");
        assert_eq!((info.width, info.height), (1200, 630));
        assert_eq!(&buf[..3], &[0x0a, 0x57, 0x66], "corner in the theme colour");
        assert!(buf.chunks(3).any(|p| p == [255, 255, 255]), "white letters");
    }

    #[test]
    fn theme_colour_and_sizes_are_read_from_files() {
        assert_eq!(
            theme_colour(Some(":root { --accent: #123456; }")),
            [0x12, 0x34, 0x56]
        );
        assert_eq!(theme_colour(Some("body {}")), DEFAULT_ACCENT);
        let jpeg = [
            0xff, 0xd8, 0xff, 0xe0, 0, 4, 0, 0, 0xff, 0xc0, 0, 11, 8, 0, 200, 1, 44, 3, 0, 0,
        ];
        assert_eq!(image_size(&jpeg), Some((300, 200)));
        assert_eq!(image_size(b"GIF89a"), None);
    }
}
