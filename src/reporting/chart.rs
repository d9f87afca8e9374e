//! Server-rendered SVG bar charts (plotters, SVG backend only), readable
//! without JavaScript: each chart has a <title> and <desc>, and the same
//! figures are always in a table beside it. Suppressed bars are drawn as
//! an empty outline labelled with what the table says.

use plotters::prelude::*;

use crate::error::{AppError, AppResult};

/// One bar: its label, its count if shown, and the words shown.
#[derive(Debug, Clone)]
pub struct Bar {
    pub label: String,
    pub value: Option<i64>,
    pub display: String,
}

const WIDTH: u32 = 640;
const ROW: u32 = 34;
const LABEL_W: i32 = 330;
const TOP: i32 = 10;

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// A horizontal bar chart of `bars`, as an SVG document fragment.
pub fn bars(id: &str, title: &str, desc: &str, bars: &[Bar]) -> AppResult<String> {
    let height = TOP as u32 * 2 + ROW * bars.len().max(1) as u32;
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (WIDTH, height)).into_drawing_area();
        let fail = |e: DrawingAreaErrorKind<_>| AppError::Internal(format!("chart: {e:?}"));
        root.fill(&WHITE).map_err(fail)?;
        let max = bars
            .iter()
            .filter_map(|b| b.value)
            .max()
            .unwrap_or(0)
            .max(1);
        let span = (WIDTH as i32 - LABEL_W - 90) as f64;
        let ink = RGBColor(11, 12, 12);
        let bar_colour = RGBColor(29, 112, 184);
        // plotters draws SVG text at about 0.66 of the size asked for.
        let text = ("sans-serif", 21).into_font().color(&ink);
        for (i, b) in bars.iter().enumerate() {
            let y = TOP + i as i32 * ROW as i32;
            root.draw(&Text::new(b.label.clone(), (4, y + 8), text.clone()))
                .map_err(fail)?;
            let x0 = LABEL_W;
            match b.value {
                Some(v) => {
                    let w = ((v as f64 / max as f64) * span).round() as i32;
                    root.draw(&Rectangle::new(
                        [(x0, y + 4), (x0 + w.max(1), y + ROW as i32 - 8)],
                        bar_colour.filled(),
                    ))
                    .map_err(fail)?;
                    root.draw(&Text::new(
                        b.display.clone(),
                        (x0 + w + 6, y + 8),
                        text.clone(),
                    ))
                    .map_err(fail)?;
                }
                None => {
                    root.draw(&Rectangle::new(
                        [(x0, y + 4), (x0 + 40, y + ROW as i32 - 8)],
                        ShapeStyle::from(&ink).stroke_width(1),
                    ))
                    .map_err(fail)?;
                    root.draw(&Text::new(
                        b.display.clone(),
                        (x0 + 46, y + 8),
                        text.clone(),
                    ))
                    .map_err(fail)?;
                }
            }
        }
        root.present().map_err(fail)?;
    }
    // Name the chart for assistive technology: a <title> and <desc> as the
    // first children, referenced from the root element.
    let open_end = svg
        .find('>')
        .ok_or_else(|| AppError::Internal("chart: no svg element".into()))?;
    let head = svg[..open_end].replacen(
        "<svg ",
        &format!(
            "<svg role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" class=\"report-chart\" "
        ),
        1,
    );
    let out = format!(
        "{head}><title id=\"{id}-title\">{}</title><desc id=\"{id}-desc\">{}</desc>{}",
        escape(title),
        escape(desc),
        &svg[open_end + 1..]
    );
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_chart_names_itself_and_shows_suppressed_bars_as_words() {
        let svg = bars(
            "m1",
            "Requests <by> outcome",
            "Allowed 12; refused fewer than 5",
            &[
                Bar {
                    label: "Allowed".into(),
                    value: Some(12),
                    display: "12".into(),
                },
                Bar {
                    label: "Refused".into(),
                    value: None,
                    display: "fewer than 5".into(),
                },
            ],
        )
        .unwrap();
        assert!(svg.starts_with("<svg role=\"img\""), "{svg}");
        assert!(svg.contains("<title id=\"m1-title\">Requests &lt;by&gt; outcome</title>"));
        assert!(svg.contains("<desc id=\"m1-desc\">Allowed 12; refused fewer than 5</desc>"));
        assert!(svg.contains(">\nAllowed\n</text>"), "{svg}");
        assert!(svg.contains(">\nfewer than 5\n</text>"), "{svg}");
        assert!(svg.contains("<rect"), "{svg}");
        assert!(svg.trim_end().ends_with("</svg>"));
    }
}
