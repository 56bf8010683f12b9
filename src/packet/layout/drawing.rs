//! Drawn things that are not text: ruled lines to write on, signature lines, a cut line, and a
//! line chart of a goal's check-ins.

use super::{content, shape_line, Document, Shaped, Style, THEME};

/// A line chart: points joined in order, with labelled horizontal guides (a baseline, a target).
pub struct LineChart<'a> {
    /// (x, y) in the caller's units; x is usually days.
    pub points: &'a [(f32, f32)],
    /// The x the chart spans, left to right.
    pub x_range: (f32, f32),
    /// Printed under the left and right ends of the x axis.
    pub x_labels: (&'a str, &'a str),
    /// Horizontal lines with a label at their right end.
    pub guides: &'a [(&'a str, f32)],
    pub height: f32,
}

impl Document {
    /// Signature lines side by side, each with its label and a date line under it. A long label
    /// (one beside its translation) wraps under its own line, never into its neighbour's.
    pub fn signature_lines(&mut self, labels: &[&str], date: &str) {
        let style = Style::small();
        let gap = 24.0;
        let count = labels.len().max(1) as f32;
        let column = (self.width() - gap * (count - 1.0)) / count;
        let sign_width = column * 0.68;
        let date_width = column - sign_width - 10.0;
        let wrapped: Vec<Vec<String>> = labels
            .iter()
            .map(|label| super::wrap::wrap(label, style, sign_width - 4.0))
            .collect();
        let date_lines = super::wrap::wrap(date, style, date_width);
        let lines = wrapped
            .iter()
            .map(Vec::len)
            .chain(std::iter::once(date_lines.len()))
            .max()
            .unwrap_or(1);
        self.ensure(36.0 + style.line_height() * (lines as f32 + 1.0));
        self.y -= 36.0;
        let line_y = self.y;
        for (index, label) in wrapped.iter().enumerate() {
            // Right to left, the first signature is at the right, its date to its left.
            let (sign_start, date_start) = if self.rtl {
                let right = THEME.margin + self.width() - index as f32 * (column + gap);
                (right - sign_width, right - column)
            } else {
                let x = THEME.margin + index as f32 * (column + gap);
                (x, x + sign_width + 10.0)
            };
            self.rule(sign_start, line_y, sign_start + sign_width, THEME.ink, 0.6);
            self.rule(date_start, line_y, date_start + date_width, THEME.ink, 0.6);
            for (lines, start, room) in [
                (label, sign_start, sign_width),
                (&date_lines, date_start, date_width),
            ] {
                for (n, line) in lines.iter().enumerate() {
                    let y = line_y - style.line_height() * (n as f32 + 1.0) - 1.0;
                    let shaped = shape_line(line, style.size, style.bold);
                    let x = if self.rtl {
                        start + room - shaped.width()
                    } else {
                        start
                    };
                    self.draw_shaped(&shaped, style, x, y);
                }
            }
        }
        self.y = line_y - style.line_height() * (lines as f32 + 1.0);
    }

    /// A dashed line across the page to cut along, with `label` at its start.
    pub fn cut_line(&mut self, label: &str) {
        let style = Style::small();
        self.ensure(style.line_height() * 2.0);
        self.y -= style.line_height();
        let y = self.y + style.line_height() / 2.0;
        let start = THEME.margin + shape_line(label, style.size, false).width() + 6.0;
        self.text_at(label, style, THEME.margin, self.y);
        let mut x = start;
        let end = THEME.margin + self.width();
        while x < end {
            let dash_end = (x + 4.0).min(end);
            self.rule(x, y, dash_end, THEME.muted, 0.5);
            x += 7.0;
        }
        self.y -= style.line_height() / 2.0;
    }

    /// A line chart the width of the text, kept on one page. On a right-to-left page it is
    /// mirrored: time runs from the right, and the guides' labels stand at their left ends.
    pub fn line_chart(&mut self, chart: &LineChart) {
        let style = Style::small();
        let label_space = style.line_height() * 1.6;
        self.ensure(chart.height + label_space);
        let top = self.y - 4.0;
        let bottom = top - chart.height;
        let values = chart
            .points
            .iter()
            .map(|p| p.1)
            .chain(chart.guides.iter().map(|g| g.1));
        let (mut low, mut high) =
            values.fold((f32::MAX, f32::MIN), |(lo, hi), v| (lo.min(v), hi.max(v)));
        if low > high {
            (low, high) = (0.0, 1.0);
        }
        if (high - low).abs() < f32::EPSILON {
            (low, high) = (low - 1.0, high + 1.0);
        }
        let margin = (high - low) * 0.12;
        let (low, high) = (low - margin, high + margin);
        let guide_labels: Vec<std::rc::Rc<Shaped>> = chart
            .guides
            .iter()
            .map(|g| shape_line(g.0, style.size, false))
            .collect();
        let label_room = guide_labels.iter().map(|l| l.width()).fold(0.0, f32::max) + 8.0;
        let (left, right) = match self.rtl {
            false => (THEME.margin, THEME.margin + self.width() - label_room),
            true => (THEME.margin + label_room, THEME.margin + self.width()),
        };
        let (x0, x1) = chart.x_range;
        let span = if (x1 - x0).abs() < f32::EPSILON {
            1.0
        } else {
            x1 - x0
        };
        let rtl = self.rtl;
        let to_x = |x: f32| match rtl {
            false => left + (x - x0) / span * (right - left),
            true => right - (x - x0) / span * (right - left),
        };
        let to_y = |v: f32| bottom + (v - low) / (high - low) * chart.height;
        // The plot area, lightly tinted, with its baseline axis.
        self.fill_rect(
            left,
            bottom,
            right - left,
            chart.height,
            (0.972, 0.98, 0.98),
        );
        self.rule(left, bottom, right, THEME.muted, 0.6);
        for (guide, label) in chart.guides.iter().zip(&guide_labels) {
            let y = to_y(guide.1);
            self.rule(left, y, right, THEME.muted, 0.4);
            let x = match rtl {
                false => right + 4.0,
                true => left - 4.0 - label.width(),
            };
            self.draw(self.texts.len() - 1, label, x, y - style.size * 0.3, style);
        }
        let points: Vec<(f32, f32)> = chart
            .points
            .iter()
            .map(|&(x, v)| (to_x(x), to_y(v)))
            .collect();
        if points.len() > 1 {
            self.polyline(&points, THEME.accent, 1.6);
        }
        for &(x, y) in &points {
            self.fill_rect(x - 2.2, y - 2.2, 4.4, 4.4, THEME.accent);
        }
        // The first date under the start of the time axis, the last under its end.
        let (first, last) = match rtl {
            false => chart.x_labels,
            true => (chart.x_labels.1, chart.x_labels.0),
        };
        self.text_at(first, style, left, bottom - style.line_height() - 1.0);
        let last_width = shape_line(last, style.size, false).width();
        self.text_at(
            last,
            style,
            right - last_width,
            bottom - style.line_height() - 1.0,
        );
        self.y = bottom - label_space;
    }

    pub(super) fn fill_rect(
        &mut self,
        x: f32,
        y: f32,
        width: f32,
        height: f32,
        color: (f32, f32, f32),
    ) {
        let page = self.pages.last_mut().expect("a page");
        content::fill_rect(page, (x, y, width, height), color);
    }

    fn polyline(&mut self, points: &[(f32, f32)], color: (f32, f32, f32), thickness: f32) {
        let page = self.pages.last_mut().expect("a page");
        content::polyline(page, points, color, thickness);
    }

    /// `count` ruled lines to write on.
    pub fn writing_lines(&mut self, count: usize) {
        for _ in 0..count {
            self.ensure(THEME.writing_line);
            self.y -= THEME.writing_line;
            let y = self.y + 4.0;
            self.rule(
                THEME.margin,
                y,
                THEME.margin + self.width(),
                THEME.rule,
                0.5,
            );
        }
    }

    pub(super) fn rule(
        &mut self,
        x1: f32,
        y: f32,
        x2: f32,
        color: (f32, f32, f32),
        thickness: f32,
    ) {
        self.polyline(&[(x1, y), (x2, y)], color, thickness);
    }
}

/// A position on the page to a hundredth of a point, as the page's content gives it: finer is
/// invisible, and a short number ("245.2" rather than "245.20001") keeps the file small.
pub(super) fn at(points: f32) -> f32 {
    (points * 100.0).round() / 100.0
}
