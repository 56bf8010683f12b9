//! The one place for the printed documents' colours and sizes, and the text styles built on them.

/// The one place for the printed documents' colours and sizes.
pub struct Theme {
    pub margin: f32,
    pub body: f32,
    pub small: f32,
    pub title: f32,
    pub heading: f32,
    /// Line height as a multiple of the font size.
    pub leading: f32,
    pub ink: (f32, f32, f32),
    pub muted: (f32, f32, f32),
    pub accent: (f32, f32, f32),
    pub rule: (f32, f32, f32),
    /// Space between ruled writing lines.
    pub writing_line: f32,
    /// Text size inside tables.
    pub table: f32,
    /// Space between a table cell's text and its edges.
    pub cell_padding: f32,
    /// The tint behind a table's header row.
    pub header_fill: (f32, f32, f32),
}

pub const THEME: Theme = Theme {
    margin: 54.0,
    body: 11.0,
    small: 8.5,
    title: 20.0,
    heading: 13.5,
    leading: 1.35,
    ink: (0.114, 0.153, 0.188),
    muted: (0.38, 0.42, 0.46),
    accent: (0.122, 0.435, 0.471),
    rule: (0.72, 0.75, 0.78),
    writing_line: 24.0,
    table: 9.5,
    cell_padding: 4.0,
    header_fill: (0.898, 0.945, 0.945),
};

/// How a piece of text looks.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    pub size: f32,
    pub bold: bool,
    pub color: (f32, f32, f32),
}

impl Style {
    pub fn body() -> Style {
        Style {
            size: THEME.body,
            bold: false,
            color: THEME.ink,
        }
    }
    pub fn muted() -> Style {
        Style {
            size: THEME.body,
            bold: false,
            color: THEME.muted,
        }
    }
    pub fn small() -> Style {
        Style {
            size: THEME.small,
            bold: false,
            color: THEME.muted,
        }
    }
    pub fn title() -> Style {
        Style {
            size: THEME.title,
            bold: true,
            color: THEME.accent,
        }
    }
    pub fn heading() -> Style {
        Style {
            size: THEME.heading,
            bold: true,
            color: THEME.accent,
        }
    }
    pub fn strong() -> Style {
        Style {
            size: THEME.body,
            bold: true,
            color: THEME.ink,
        }
    }
    pub fn cell() -> Style {
        Style {
            size: THEME.table,
            bold: false,
            color: THEME.ink,
        }
    }
    /// The same look, bold.
    pub fn bold(self) -> Style {
        Style { bold: true, ..self }
    }
    /// The same look, in another colour.
    pub fn with_color(self, color: (f32, f32, f32)) -> Style {
        Style { color, ..self }
    }
    pub fn line_height(self) -> f32 {
        self.size * THEME.leading
    }
}
