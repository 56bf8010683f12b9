//! A page's content stream, written as the page is drawn: the PDF operators (ISO 32000-1, 8 and
//! 9) for the few things a packet draws — filled rectangles, lines, and runs of glyphs.
//!
//! printpdf would take the page as a list of operations and write them out at the end: for a
//! class of 30 that is half a million small objects made, looked through, turned into lopdf's
//! objects and formatted, most of the time of a class's printing. The operators are few and
//! simple, so Rapport writes them itself as it draws, and printpdf makes the rest of the file
//! (fonts, pages, metadata; see `output.rs`). Glyphs are named by their ids in the whole face
//! (`subset.rs` keeps them), two bytes each, as the faces are embedded with Identity-H.

/// Writes `value` to `places` decimal places (at most 4), without trailing zeros: "245.2" for
/// 245.2000, "-3" for -3.0004 at two places.
pub(super) fn number(out: &mut Vec<u8>, value: f32, places: u32) {
    let scale = 10_i64.pow(places);
    let scaled = (f64::from(value) * scale as f64).round() as i64;
    if scaled < 0 {
        out.push(b'-');
    }
    let scaled = scaled.unsigned_abs();
    let scale = scale as u64;
    integer(out, scaled / scale);
    let mut fraction = scaled % scale;
    if fraction == 0 {
        return;
    }
    let mut digits = places;
    while fraction.is_multiple_of(10) {
        fraction /= 10;
        digits -= 1;
    }
    out.push(b'.');
    let at = out.len();
    for _ in 0..digits {
        out.push(b'0' + (fraction % 10) as u8);
        fraction /= 10;
    }
    out[at..].reverse();
}

fn integer(out: &mut Vec<u8>, mut value: u64) {
    let at = out.len();
    loop {
        out.push(b'0' + (value % 10) as u8);
        value /= 10;
        if value == 0 {
            break;
        }
    }
    out[at..].reverse();
}

/// A position or a length on the page, to a hundredth of a point: finer is invisible.
fn points(out: &mut Vec<u8>, value: f32) {
    number(out, value, 2);
    out.push(b' ');
}

/// An RGB colour (components from 0 to 1) and its operator: `rg` to fill, `RG` to stroke.
fn color(out: &mut Vec<u8>, (r, g, b): (f32, f32, f32), operator: &[u8]) {
    for component in [r, g, b] {
        number(out, component, 4);
        out.push(b' ');
    }
    out.extend_from_slice(operator);
    out.push(b'\n');
}

/// A rectangle filled with `fill`, the graphics state kept as it was.
pub(super) fn fill_rect(
    out: &mut Vec<u8>,
    (x, y, width, height): (f32, f32, f32, f32),
    fill: (f32, f32, f32),
) {
    out.extend_from_slice(b"q\n");
    color(out, fill, b"rg");
    for value in [x, y, width, height] {
        points(out, value);
    }
    out.extend_from_slice(b"re f\nQ\n");
}

/// A line through `through` in order, stroked in `stroke` `thickness` points wide.
pub(super) fn polyline(
    out: &mut Vec<u8>,
    through: &[(f32, f32)],
    stroke: (f32, f32, f32),
    thickness: f32,
) {
    let [(x, y), rest @ ..] = through else {
        return;
    };
    out.extend_from_slice(b"q\n");
    color(out, stroke, b"RG");
    points(out, thickness);
    out.extend_from_slice(b"w\n");
    points(out, *x);
    points(out, *y);
    out.extend_from_slice(b"m\n");
    for (x, y) in rest {
        points(out, *x);
        points(out, *y);
        out.extend_from_slice(b"l\n");
    }
    out.extend_from_slice(b"S\nQ\n");
}

/// The text's fill colour.
pub(super) fn text_color(out: &mut Vec<u8>, fill: (f32, f32, f32)) {
    color(out, fill, b"rg");
}

/// The font (by its name in the page's resources) and size of the text that follows.
pub(super) fn font(out: &mut Vec<u8>, name: &str, size: f32) {
    out.push(b'/');
    out.extend_from_slice(name.as_bytes());
    out.push(b' ');
    number(out, size, 2);
    out.extend_from_slice(b" Tf\n");
}

/// Moves the start of the next text by (`dx`, `dy`) from the start of the last (`Td`).
pub(super) fn move_text(out: &mut Vec<u8>, dx: f32, dy: f32) {
    points(out, dx);
    points(out, dy);
    out.extend_from_slice(b"Td\n");
}

/// A run of glyphs shown with one `TJ`: glyph ids, and between them numbers that move the next
/// glyph back (in thousandths of the font size; negative moves it on).
pub(super) struct Glyphs<'a> {
    out: &'a mut Vec<u8>,
    in_string: bool,
}

impl<'a> Glyphs<'a> {
    pub fn begin(out: &'a mut Vec<u8>) -> Glyphs<'a> {
        out.push(b'[');
        Glyphs {
            out,
            in_string: false,
        }
    }

    pub fn glyph(&mut self, gid: u16) {
        const HEX: &[u8; 16] = b"0123456789ABCDEF";
        if !self.in_string {
            self.out.push(b'<');
            self.in_string = true;
        }
        self.out.extend(
            gid.to_be_bytes()
                .iter()
                .flat_map(|&b| [HEX[usize::from(b >> 4)], HEX[usize::from(b & 15)]]),
        );
    }

    pub fn shift(&mut self, thousandths: f32) {
        if self.in_string {
            self.out.push(b'>');
            self.in_string = false;
        } else if self.out.last().is_some_and(u8::is_ascii_digit) {
            self.out.push(b' ');
        }
        number(self.out, thousandths, 2);
    }

    pub fn end(self) {
        if self.in_string {
            self.out.push(b'>');
        }
        self.out.extend_from_slice(b"]TJ\n");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use lopdf::content::Content;
    use lopdf::Object;

    fn written(write: impl FnOnce(&mut Vec<u8>)) -> String {
        let mut out = Vec::new();
        write(&mut out);
        String::from_utf8(out).expect("ASCII")
    }

    #[test]
    fn numbers_are_short_and_exact_to_their_places() {
        let cases = [
            (245.2, 2, "245.2"),
            (245.20001, 2, "245.2"),
            (-3.0004, 2, "-3"),
            (0.0, 2, "0"),
            (-0.004, 2, "0"),
            (0.05, 2, "0.05"),
            (-12.345, 2, "-12.35"),
            (0.1216, 4, "0.1216"),
            (1.0, 4, "1"),
            (792.0, 2, "792"),
            (100_000.5, 1, "100000.5"),
        ];
        for (value, places, expected) in cases {
            assert_eq!(
                written(|out| number(out, value, places)),
                expected,
                "{value}"
            );
        }
    }

    #[test]
    fn a_page_reads_back_as_the_operators_drawn() {
        let mut out = Vec::new();
        fill_rect(&mut out, (72.0, 700.5, 100.25, 12.0), (0.9, 0.95, 1.0));
        polyline(
            &mut out,
            &[(72.0, 690.0), (540.0, 690.0)],
            (0.0, 0.0, 0.0),
            0.6,
        );
        out.extend_from_slice(b"BT\n");
        text_color(&mut out, (0.1, 0.2, 0.3));
        font(&mut out, "RAPPTA", 9.5);
        move_text(&mut out, 72.0, 650.0);
        let mut glyphs = Glyphs::begin(&mut out);
        glyphs.glyph(36);
        glyphs.glyph(0x1F60);
        glyphs.shift(-12.5);
        glyphs.shift(3.0);
        glyphs.glyph(37);
        glyphs.end();
        out.extend_from_slice(b"ET\n");

        let content = Content::decode(&out).expect("a content stream lopdf can read");
        let operators: Vec<&str> = content
            .operations
            .iter()
            .map(|op| op.operator.as_str())
            .collect();
        assert_eq!(
            operators,
            [
                "q", "rg", "re", "f", "Q", "q", "RG", "w", "m", "l", "S", "Q", "BT", "rg", "Tf",
                "Td", "TJ", "ET"
            ]
        );
        let operands = |index: usize| content.operations[index].operands.clone();
        let as_f32 = |objects: Vec<Object>| -> Vec<f32> {
            objects
                .iter()
                .map(|o| o.as_float().expect("a number"))
                .collect()
        };
        assert_eq!(as_f32(operands(2)), [72.0, 700.5, 100.25, 12.0]);
        assert_eq!(as_f32(operands(1)), [0.9, 0.95, 1.0]);
        assert_eq!(operands(14)[0], Object::Name(b"RAPPTA".to_vec()));
        let Object::Array(shown) = &operands(16)[0] else {
            panic!("TJ takes an array")
        };
        assert_eq!(shown[0].as_str().expect("glyphs"), [0, 36, 0x1F, 0x60]);
        assert_eq!(shown[1].as_float().expect("a shift"), -12.5);
        assert_eq!(shown[2].as_float().expect("a shift"), 3.0);
        assert_eq!(shown[3].as_str().expect("a glyph"), [0, 37]);
    }

    #[test]
    fn a_line_needs_a_point_to_start_from() {
        assert_eq!(written(|out| polyline(out, &[], (0.0, 0.0, 0.0), 1.0)), "");
    }
}
