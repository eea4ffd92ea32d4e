//! The conversation in Graphviz's DOT language (`composure graph ID --format dot | dot -Tsvg`).
//! The start has a double border, endings are filled in their outcome's colour with the outcome
//! in the label, each choice's edge is green when it is the best option at its decision and red
//! when it is the worst, and loops are dashed. The full text of a choice is its tooltip.

use std::fmt::Write as _;

use super::{Drawing, GraphFormat, Kind, outcome_colours, quality_colour};

/// Graphviz DOT.
#[derive(Debug, Clone, Copy, Default)]
pub struct Dot;

impl GraphFormat for Dot {
    fn render(&self, drawing: &Drawing) -> String {
        let mut out = String::new();
        let _ = writeln!(out, "digraph {} {{", quote(&drawing.id));
        let _ = writeln!(
            out,
            "    graph [label={}, labelloc=t, fontname=\"Helvetica\", rankdir=TB];",
            quote(&drawing.title)
        );
        out.push_str("    node [shape=box, style=rounded, fontname=\"Helvetica\", fontsize=11];\n");
        out.push_str("    edge [fontname=\"Helvetica\", fontsize=9];\n\n");
        for node in &drawing.nodes {
            let mut attributes = vec![format!("label={}", lines(&node.label))];
            if let Kind::Ending(outcome) = node.kind {
                let (fill, border) = outcome_colours(outcome);
                attributes.push(format!(
                    "style=\"rounded,filled\", fillcolor=\"{fill}\", color=\"{border}\""
                ));
            }
            if node.kind == Kind::Route {
                attributes.push("shape=hexagon, style=\"\"".to_owned());
            }
            if node.start {
                attributes.push("peripheries=2, penwidth=1.5".to_owned());
            }
            let _ = writeln!(out, "    {} [{}];", quote(&node.id), attributes.join(", "));
        }
        out.push('\n');
        for edge in &drawing.edges {
            let (Some(from), Some(to)) = (drawing.nodes.get(edge.from), drawing.nodes.get(edge.to))
            else {
                continue;
            };
            let colour = quality_colour(edge.quality);
            let mut attributes = vec![
                format!("label={}", lines(&edge.label)),
                format!("tooltip={}", quote(&edge.text)),
                format!("color=\"{colour}\", fontcolor=\"{colour}\""),
            ];
            if edge.back {
                // Dashed, and left out of the ranking so the drawing still reads top to bottom.
                attributes.push("style=dashed, constraint=false".to_owned());
            }
            let _ = writeln!(
                out,
                "    {} -> {} [{}];",
                quote(&from.id),
                quote(&to.id),
                attributes.join(", ")
            );
        }
        out.push_str("}\n");
        out
    }
}

/// Several lines as one DOT label, each centred.
fn lines(lines: &[String]) -> String {
    quote(&lines.join("\n"))
}

/// A DOT double-quoted string. `"` and `\` are escaped with a backslash (a lone backslash
/// would start one of Graphviz's own escapes such as `\N`, the node's name); `&` becomes
/// `&amp;`, since Graphviz reads HTML entities even in plain labels and `&lt;` in a client's
/// line must show as written; a newline becomes `\n`, a centred line break; other control
/// characters become spaces.
pub fn quote(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '&' => out.push_str("&amp;"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_backslashes_and_newlines_are_escaped_and_nothing_else_is() {
        assert_eq!(quote("plain"), "\"plain\"");
        assert_eq!(
            quote("say \"no\"\\n\nnext"),
            "\"say \\\"no\\\"\\\\n\\nnext\""
        );
        assert_eq!(quote("a\\"), "\"a\\\\\"");
        assert_eq!(quote("<b>|#;{x}"), "\"<b>|#;{x}\"");
        assert_eq!(quote("&lt; & &#92;"), "\"&amp;lt; &amp; &amp;#92;\"");
        assert_eq!(quote("tab\there\r\n"), "\"tab here\\n\"");
    }
}
