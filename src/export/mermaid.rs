//! The conversation as a Mermaid flowchart, to paste into a Markdown ```` ```mermaid ```` block.
//! The start is a double-sided box with a thick border, endings are rounded and filled in
//! their outcome's colour with the outcome in the label, each choice's edge is green when it is
//! the best option at its decision and red when it is the worst, and loops are dotted.
//!
//! Nodes are named `n0`, `n1`, … rather than by their ids: an id such as `end` or one with
//! `--` in it means something to Mermaid. Every label is quoted, and every character that
//! could end or bend the quoted text is written as a Mermaid entity (`#35;` for `#`).

use std::fmt::Write as _;

use super::{Drawing, GraphFormat, Kind, Quality, outcome_colours, quality_colour};
use crate::scenario::Outcome;

/// Mermaid flowchart, top to bottom.
#[derive(Debug, Clone, Copy, Default)]
pub struct Mermaid;

impl GraphFormat for Mermaid {
    fn render(&self, drawing: &Drawing) -> String {
        let mut out = String::new();
        // A comment, flattened to one line; it cannot start a directive, which needs `%%{`.
        let _ = writeln!(
            out,
            "%% {}: {}",
            drawing.id,
            drawing
                .title
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        );
        out.push_str("flowchart TD\n");
        for (i, node) in drawing.nodes.iter().enumerate() {
            let label = lines(&node.label);
            let shape = match (node.start, node.kind) {
                (true, _) => format!("[[{label}]]"),
                (false, Kind::Decision) => format!("[{label}]"),
                (false, Kind::Ending(_)) => format!("([{label}])"),
                (false, Kind::Route) => format!("{{{{{label}}}}}"),
            };
            let _ = writeln!(out, "    n{i}{shape}");
        }
        for edge in &drawing.edges {
            let arrow = if edge.back { "-.->" } else { "-->" };
            let _ = writeln!(
                out,
                "    n{} {arrow}|{}| n{}",
                edge.from,
                lines(&edge.label),
                edge.to
            );
        }

        for (outcome, class) in OUTCOME_CLASSES {
            let (fill, border) = outcome_colours(outcome);
            let _ = writeln!(
                out,
                "    classDef {class} fill:{fill},stroke:{border},color:#000"
            );
        }
        out.push_str("    classDef start stroke-width:3px\n");
        for (i, node) in drawing.nodes.iter().enumerate() {
            if let Kind::Ending(outcome) = node.kind {
                let _ = writeln!(out, "    class n{i} {}", outcome_class(outcome));
            }
            if node.start {
                let _ = writeln!(out, "    class n{i} start");
            }
        }
        for (i, edge) in drawing.edges.iter().enumerate() {
            if edge.quality != Quality::Level {
                let colour = quality_colour(edge.quality);
                let _ = writeln!(out, "    linkStyle {i} stroke:{colour},color:{colour}");
            }
        }
        out
    }
}

const OUTCOME_CLASSES: [(Outcome, &str); 5] = [
    (Outcome::WonOver, "wonOver"),
    (Outcome::Resolved, "resolved"),
    (Outcome::ProfessionalParting, "professionalParting"),
    (Outcome::EscalatedComplaint, "escalatedComplaint"),
    (Outcome::LostClient, "lostClient"),
];

fn outcome_class(outcome: Outcome) -> &'static str {
    OUTCOME_CLASSES
        .iter()
        .find(|(o, _)| *o == outcome)
        .map_or("ending", |(_, class)| class)
}

/// Several lines as one quoted label, joined with `<br>`.
fn lines(lines: &[String]) -> String {
    let escaped: Vec<String> = lines.iter().map(|l| escape(l)).collect();
    format!("\"{}\"", escaped.join("<br>"))
}

/// Text for inside a quoted Mermaid label. A quote would end the label, `|` an edge label,
/// `;` a statement, `<` and `>` would be read as HTML, `#` starts an entity, `&` one in
/// HTML, a backtick a Markdown string, `:` lets Mermaid mistake a label for a `style:`
/// line, and a backslash is kept literal; all become numeric entities, which Mermaid shows
/// as the character itself. A newline becomes `<br>`; other control characters spaces.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '"' | '#' | '&' | ';' | '<' | '>' | '|' | '`' | ':' | '\\' => {
                let _ = write!(out, "#{};", u32::from(c));
            }
            '\n' => out.push_str("<br>"),
            '\r' => {}
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_character_that_could_break_a_label_becomes_an_entity() {
        assert_eq!(
            escape("plain words, dashes-and.dots"),
            "plain words, dashes-and.dots"
        );
        assert_eq!(
            escape("say \"no\" | a;b # <b> & `x` \\ : {[()]} %%"),
            "say #34;no#34; #124; a#59;b #35; #60;b#62; #38; #96;x#96; #92; #58; {[()]} %%"
        );
        assert_eq!(escape("one\ntwo\r\tthree"), "one<br>two three");
        // An entity already in the text is shown as written, not decoded.
        assert_eq!(escape("#quot;"), "#35;quot#59;");
    }
}
