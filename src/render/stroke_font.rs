//! A small monoline font for the site's share card (`og_image`): the capitals A–Z, Æ, Ø, Å,
//! the digits, space and hyphen, each drawn as round-capped strokes on a grid 10 units tall (the capital
//! height), and painted with smooth edges. Enough for an association's initials; letters it
//! lacks are drawn by their base letter (É as E) or left out.

/// One glyph: its advance width in units and its strokes as a small path language:
/// `M x y` moves, `L x y` draws a line, `A cx cy rx ry from to` draws an elliptic arc
/// (degrees, y down, so 90 is the bottom) from the pen's place.
fn glyph(c: char) -> Option<(f32, &'static str)> {
    Some(match c {
        'A' => (6.0, "M0 10 L3 0 L6 10 M1.1 6.6 L4.9 6.6"),
        'B' => (
            5.9,
            "M0 5 L0 0 L3 0 A3 2.5 2.5 2.5 -90 90 L0 5 L3.4 5 A3.4 7.5 2.5 2.5 -90 90 L0 10 L0 5",
        ),
        'C' => (6.4, "A3.4 5 3.4 5 -48 -312"),
        'D' => (6.0, "M0 0 L0 10 L1.8 10 A1.8 5 4.2 5 90 -90 L0 0"),
        'E' => (5.3, "M5.3 0 L0 0 L0 10 L5.3 10 M0 5 L4.4 5"),
        'F' => (5.1, "M5.1 0 L0 0 L0 10 M0 5 L4.3 5"),
        'G' => (6.8, "A3.4 5 3.4 5 -48 -360 L3.9 5"),
        'H' => (6.0, "M0 0 L0 10 M6 0 L6 10 M0 5 L6 5"),
        'I' => (0.0, "M0 0 L0 10"),
        'J' => (4.6, "M4.6 0 L4.6 7 A2.3 7 2.3 3 0 180"),
        'K' => (5.6, "M0 0 L0 10 M5.5 0 L0 6.2 M1.9 4.4 L5.8 10"),
        'L' => (4.9, "M0 0 L0 10 L4.9 10"),
        'M' => (7.4, "M0 10 L0 0 L3.7 7.4 L7.4 0 L7.4 10"),
        'N' => (6.0, "M0 10 L0 0 L6 10 L6 0"),
        'O' => (7.0, "A3.5 5 3.5 5 0 360"),
        'P' => (5.6, "M0 10 L0 0 L2.9 0 A2.9 2.75 2.75 2.75 -90 90 L0 5.5"),
        'Q' => (7.0, "A3.5 5 3.5 5 0 360 M4.4 7.2 L7.2 10.4"),
        'R' => (
            5.8,
            "M0 10 L0 0 L2.9 0 A2.9 2.75 2.75 2.75 -90 90 L0 5.5 M3.1 5.5 L5.8 10",
        ),
        'S' => (
            5.8,
            "A2.9 2.55 2.75 2.55 -28 -270 A2.9 7.55 2.95 2.45 -90 152",
        ),
        'T' => (6.0, "M0 0 L6 0 M3 0 L3 10"),
        'U' => (6.0, "M0 0 L0 6.6 A3 6.6 3 3.4 180 0 L6 0"),
        'V' => (6.2, "M0 0 L3.1 10 L6.2 0"),
        'W' => (8.8, "M0 0 L2.2 10 L4.4 2 L6.6 10 L8.8 0"),
        'X' => (6.0, "M0 0 L6 10 M6 0 L0 10"),
        'Y' => (6.0, "M0 0 L3 5 L6 0 M3 5 L3 10"),
        'Z' => (6.0, "M0 0 L6 0 L0 10 L6 10"),
        'Æ' => (
            9.0,
            "M0 10 L4.6 0 L9 0 M4.6 0 L4.6 10 L9 10 M4.6 5 L8.2 5 M1.6 6.6 L4.6 6.6",
        ),
        'Ø' => (7.0, "A3.5 5 3.5 5 0 360 M0.4 10.4 L6.6 -0.4"),
        'Å' => (
            6.0,
            "M0 10 L3 0 L6 10 M1.1 6.6 L4.9 6.6 M4.1 -2.1 A3 -2.1 1.1 1.1 0 360",
        ),
        '0' => (6.0, "A3 5 3 5 0 360"),
        '1' => (3.2, "M0 2.2 L3.2 0 L3.2 10"),
        '2' => (6.0, "A3 3 2.9 3 -165 28 L0 10 L6 10"),
        '3' => (5.8, "A2.9 2.6 2.7 2.6 -160 90 A2.9 7.4 2.9 2.6 -90 160"),
        '4' => (6.2, "M4.6 10 L4.6 0 L0 7 L6.2 7"),
        '5' => (6.0, "M5.4 0 L0.6 0 L0.3 4.9 A3 6.8 3 3.2 -140 150"),
        '6' => (6.0, "M4.6 0 L0.9 5.4 M0 6.8 A3 6.8 3 3.2 180 540"),
        '7' => (6.0, "M0 0 L6 0 L2 10"),
        '8' => (6.0, "A3 2.6 2.6 2.6 0 360 M6 7.4 A3 7.4 3 2.6 0 360"),
        '9' => (6.0, "M6 3.2 A3 3.2 3 3.2 0 360 M5.1 4.6 L1.4 10"),
        ' ' => (2.6, ""),
        '-' => (3.4, "M0.4 5.6 L3 5.6"),
        _ => return None,
    })
}

/// The letter to draw for `c`: itself, its base letter, or none.
fn drawable(c: char) -> Option<char> {
    let base = match c {
        'À' | 'Á' | 'Â' | 'Ã' | 'Ä' => 'A',
        'Ç' => 'C',
        'È' | 'É' | 'Ê' | 'Ë' => 'E',
        'Ì' | 'Í' | 'Î' | 'Ï' => 'I',
        'Ñ' => 'N',
        'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' => 'O',
        'Ù' | 'Ú' | 'Û' | 'Ü' => 'U',
        'Ý' => 'Y',
        c => c,
    };
    glyph(base).map(|_| base)
}

/// A line segment in units.
type Segment = ((f32, f32), (f32, f32));

/// The segments of a glyph's path, with arcs cut into short lines.
fn segments(path: &str) -> Vec<Segment> {
    let mut out = Vec::new();
    let mut pen: Option<(f32, f32)> = None;
    let mut words = path.split_whitespace();
    let number = |w: Option<&str>| -> f32 { w.and_then(|s| s.parse().ok()).unwrap_or(0.0) };
    let mut next = words.next();
    while let Some(word) = next {
        let (op, first) = word.split_at(1);
        let mut args = vec![number(Some(first))];
        let count = match op {
            "A" => 6,
            _ => 2,
        };
        for _ in 1..count {
            args.push(number(words.next()));
        }
        match op {
            "M" => pen = Some((args[0], args[1])),
            "L" => {
                let to = (args[0], args[1]);
                if let Some(from) = pen {
                    out.push((from, to));
                }
                pen = Some(to);
            }
            _ => {
                let (cx, cy, rx, ry, from, to) =
                    (args[0], args[1], args[2], args[3], args[4], args[5]);
                let at = |deg: f32| {
                    let r = deg.to_radians();
                    (cx + rx * r.cos(), cy + ry * r.sin())
                };
                let steps = ((to - from).abs() / 6.0).ceil().max(1.0) as usize;
                let start = at(from);
                if let Some(p) = pen {
                    out.push((p, start));
                }
                let mut last = start;
                for i in 1..=steps {
                    let p = at(from + (to - from) * i as f32 / steps as f32);
                    out.push((last, p));
                    last = p;
                }
                pen = Some(last);
            }
        }
        next = words.next();
    }
    out
}

/// The width in units of `text` drawn with `gap` units between letters.
pub fn width(text: &str, gap: f32) -> f32 {
    let widths: Vec<f32> = text
        .chars()
        .filter_map(drawable)
        .filter_map(|c| glyph(c).map(|g| g.0))
        .collect();
    widths.iter().sum::<f32>() + gap * widths.len().saturating_sub(1) as f32
}

/// Paints `text` into `coverage` (row-major, `w` wide, 0..=1 per pixel): `scale` pixels per
/// unit, the capitals' top-left at (`x`, `y`) pixels, strokes `weight` units wide.
#[allow(clippy::too_many_arguments)]
pub fn paint(
    coverage: &mut [f32],
    w: usize,
    text: &str,
    x: f32,
    y: f32,
    scale: f32,
    weight: f32,
    gap: f32,
) {
    let h = coverage.len() / w.max(1);
    let half = weight * scale / 2.0;
    let mut left = x;
    for c in text.chars().filter_map(drawable) {
        let Some((advance, path)) = glyph(c) else {
            continue;
        };
        let segs: Vec<Segment> = segments(path)
            .into_iter()
            .map(|((ax, ay), (bx, by))| {
                (
                    (left + ax * scale, y + ay * scale),
                    (left + bx * scale, y + by * scale),
                )
            })
            .collect();
        left += (advance + gap) * scale;
        if segs.is_empty() {
            continue;
        }
        let (mut x0, mut y0, mut x1, mut y1) = (f32::MAX, f32::MAX, f32::MIN, f32::MIN);
        for ((ax, ay), (bx, by)) in &segs {
            x0 = x0.min(ax.min(*bx));
            y0 = y0.min(ay.min(*by));
            x1 = x1.max(ax.max(*bx));
            y1 = y1.max(ay.max(*by));
        }
        let clamp = |v: f32, max: usize| (v.max(0.0) as usize).min(max);
        for py in clamp(y0 - half - 1.0, h)..clamp(y1 + half + 2.0, h) {
            for px in clamp(x0 - half - 1.0, w)..clamp(x1 + half + 2.0, w) {
                let (cx, cy) = (px as f32 + 0.5, py as f32 + 0.5);
                let d = segs
                    .iter()
                    .map(|&(a, b)| distance((cx, cy), a, b))
                    .fold(f32::MAX, f32::min);
                let alpha = (half - d + 0.5).clamp(0.0, 1.0);
                let cell = &mut coverage[py * w + px];
                *cell = cell.max(alpha);
            }
        }
    }
}

/// The distance from `p` to the segment `a`–`b`.
fn distance(p: (f32, f32), a: (f32, f32), b: (f32, f32)) -> f32 {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let len = dx * dx + dy * dy;
    let t = if len == 0.0 {
        0.0
    } else {
        (((p.0 - a.0) * dx + (p.1 - a.1) * dy) / len).clamp(0.0, 1.0)
    };
    let (qx, qy) = (a.0 + t * dx, a.1 + t * dy);
    ((p.0 - qx).powi(2) + (p.1 - qy).powi(2)).sqrt()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_capital_and_digit_has_strokes() {
        for c in ('A'..='Z').chain("ÆØÅ".chars()).chain('0'..='9') {
            let (_, path) = glyph(c).expect("glyph");
            assert!(!segments(path).is_empty(), "{c}");
        }
        assert_eq!(drawable('É'), Some('E'));
        assert_eq!(drawable('ß'), None);
    }

    #[test]
    fn a_letter_paints_inside_its_box_only() {
        let (w, h) = (40, 40);
        let mut cov = vec![0.0; w * h];
        paint(&mut cov, w, "I", 20.0, 10.0, 2.0, 1.0, 1.0);
        assert!(cov[20 * w + 20] > 0.9, "the stem is painted");
        assert!(cov[20 * w + 5] == 0.0 && cov[5 * w + 20] == 0.0);
    }
}
