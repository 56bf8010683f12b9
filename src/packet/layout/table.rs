//! Tables: columns by share of the width, cells wrapped, the header row repeated on every page the
//! table runs onto, rows never split across pages.

use super::{shape_line, wrap, Document, Style, THEME};

/// A table column: its title and its share of the text width.
#[derive(Debug, Clone, Copy)]
pub struct Column<'a> {
    pub title: &'a str,
    pub share: f32,
}

impl<'a> Column<'a> {
    /// A column titled `title`, taking `share` of the width against the others' shares.
    pub const fn new(title: &'a str, share: f32) -> Self {
        Column { title, share }
    }
}

impl Document {
    /// A table: the header row repeats at the top of every page the table runs onto, and a row is
    /// never split across pages. Cells wrap; a cell taller than a page is shortened with "…".
    pub fn table(&mut self, columns: &[Column], rows: &[Vec<String>]) {
        let widths = self.column_widths(columns);
        let style = Style::cell();
        let titles: Vec<String> = columns.iter().map(|c| c.title.to_string()).collect();
        let header = self.wrap_row(&widths, &titles, style.bold());
        let header_height = row_height(&header, style);
        self.ensure(self.table_start_height(columns, rows));
        self.table_row(&widths, &header, header_height, style.bold(), true);
        for row in rows {
            let cells = self.wrap_row(&widths, row, style);
            let height = row_height(&cells, style);
            if self.y - height < self.bottom() {
                self.page_break();
                self.table_row(&widths, &header, header_height, style.bold(), true);
            }
            self.table_row(&widths, &cells, height, style, false);
        }
        self.space(6.0);
    }

    /// The height of a table's header row and first row, which a heading above it keeps with it.
    pub fn table_start_height(&self, columns: &[Column], rows: &[Vec<String>]) -> f32 {
        let widths = self.column_widths(columns);
        let style = Style::cell();
        let titles: Vec<String> = columns.iter().map(|c| c.title.to_string()).collect();
        let header = row_height(&self.wrap_row(&widths, &titles, style.bold()), style);
        header
            + rows.first().map_or(0.0, |r| {
                row_height(&self.wrap_row(&widths, r, style), style)
            })
    }

    fn column_widths(&self, columns: &[Column]) -> Vec<f32> {
        let total: f32 = columns
            .iter()
            .map(|c| c.share)
            .sum::<f32>()
            .max(f32::EPSILON);
        columns
            .iter()
            .map(|c| c.share / total * self.width())
            .collect()
    }

    /// A row's cells wrapped to their columns; a cell taller than most of a page is shortened
    /// with "…".
    fn wrap_row(&self, widths: &[f32], cells: &[String], style: Style) -> Vec<Vec<String>> {
        let pad = THEME.cell_padding;
        let max_lines = ((self.page_height() * 0.6 / style.line_height()).floor() as usize).max(1);
        widths
            .iter()
            .enumerate()
            .map(|(i, width)| {
                let text = cells.get(i).map(String::as_str).unwrap_or("");
                let mut lines: Vec<String> = text
                    .split('\n')
                    .flat_map(|l| wrap(l, style, width - 2.0 * pad))
                    .collect();
                if lines.len() > max_lines {
                    lines.truncate(max_lines);
                    if let Some(last) = lines.last_mut() {
                        last.push('…');
                    }
                }
                lines
            })
            .collect()
    }

    fn table_row(
        &mut self,
        widths: &[f32],
        cells: &[Vec<String>],
        height: f32,
        style: Style,
        header: bool,
    ) {
        let top = self.y;
        let width: f32 = widths.iter().sum();
        if header {
            self.fill_rect(THEME.margin, top - height, width, height, THEME.header_fill);
        }
        // Right to left, the first column is at the right and each cell's text ends at its
        // right edge.
        let mut edge = if self.rtl {
            THEME.margin + width
        } else {
            THEME.margin
        };
        for (lines, column) in cells.iter().zip(widths) {
            for (index, line) in lines.iter().enumerate() {
                let bottom = top - THEME.cell_padding - (index + 1) as f32 * style.line_height();
                if self.rtl {
                    let shaped = shape_line(line, style.size, style.bold);
                    let x = edge - THEME.cell_padding - shaped.width();
                    self.draw_shaped(&shaped, style, x, bottom);
                } else {
                    self.text_at(line, style, edge + THEME.cell_padding, bottom);
                }
            }
            if self.rtl {
                edge -= column;
            } else {
                edge += column;
            }
        }
        self.y = top - height;
        let y = self.y;
        self.rule(THEME.margin, y, THEME.margin + width, THEME.rule, 0.5);
    }
}

/// The height of a table row whose cells are wrapped into `cells`.
fn row_height(cells: &[Vec<String>], style: Style) -> f32 {
    cells.iter().map(Vec::len).max().unwrap_or(1).max(1) as f32 * style.line_height()
        + 2.0 * THEME.cell_padding
}
