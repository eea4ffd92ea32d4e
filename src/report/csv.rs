//! `--format csv`: one rectangular table with a header row, for a spreadsheet. Each row is
//! one `kind`: a `trainee` (the leaderboard, in rank order), a `team-rule` (the whole team's
//! tally for a rule) or a `trainee-rule` (a trainee's strength or weakness). Quoting follows
//! RFC 4180 with CRLF line ends, and a cell a spreadsheet would run as a formula gets a
//! leading `'` (plain numbers excepted: they cannot run).

use std::io::{self, Write};

use super::{Export, TeamReport, dates};

pub struct Csv;

const HEADER: &[&str] = &[
    "kind",
    "rank",
    "trainee",
    "rule",
    "rule_name",
    "sessions",
    "mean_score",
    "best_score",
    "decisions",
    "hesitations",
    "followed",
    "broken",
    "balance",
    "first_played",
    "last_played",
];

/// One cell: formula-looking text defused, then quoted if it holds a comma, quote or line end.
/// A plain number (such as a negative balance) stays a number: it cannot run as a formula.
pub fn cell(text: &str) -> String {
    let number = text.parse::<f64>().is_ok_and(f64::is_finite) && !text.starts_with('+');
    let text = if !number && text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_owned()
    };
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

fn row(out: &mut dyn Write, cells: &[String]) -> io::Result<()> {
    let line: Vec<String> = cells.iter().map(|c| cell(c)).collect();
    write!(out, "{}\r\n", line.join(","))
}

impl Export for Csv {
    fn write(&self, report: &TeamReport, out: &mut dyn Write) -> io::Result<()> {
        let header: Vec<String> = HEADER.iter().map(|h| (*h).to_owned()).collect();
        write!(out, "{}\r\n", header.join(","))?;
        let blank = String::new;
        for (i, t) in report.leaderboard.iter().enumerate() {
            row(
                out,
                &[
                    "trainee".to_owned(),
                    (i + 1).to_string(),
                    t.trainee.clone(),
                    blank(),
                    blank(),
                    t.sessions.to_string(),
                    format!("{:.1}", t.mean_score),
                    t.best_score.to_string(),
                    t.decisions.to_string(),
                    t.hesitations.to_string(),
                    blank(),
                    blank(),
                    blank(),
                    dates::timestamp(t.first_at),
                    dates::timestamp(t.last_at),
                ],
            )?;
        }
        let rule_row = |kind: &str, trainee: &str, r: &super::NamedRule| {
            vec![
                kind.to_owned(),
                String::new(),
                trainee.to_owned(),
                r.rule.clone(),
                r.name.clone(),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
                r.followed.to_string(),
                r.broken.to_string(),
                r.balance.to_string(),
                String::new(),
                String::new(),
            ]
        };
        for r in &report.team_rules {
            row(out, &rule_row("team-rule", "", r))?;
        }
        for t in &report.trainees {
            for r in t.weaknesses.iter().chain(&t.strengths) {
                row(out, &rule_row("trainee-rule", &t.trainee, r))?;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::cell;

    #[test]
    fn cells_are_quoted_as_rfc_4180_says() {
        assert_eq!(cell("plain"), "plain");
        assert_eq!(cell("Lee, Ann"), "\"Lee, Ann\"");
        assert_eq!(cell("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(cell("two\nlines"), "\"two\nlines\"");
    }

    #[test]
    fn formula_like_cells_get_a_leading_quote_mark() {
        assert_eq!(cell("=1+1"), "'=1+1");
        assert_eq!(cell("+44 20"), "'+44 20");
        assert_eq!(cell("-2+3"), "'-2+3");
        assert_eq!(cell("-3"), "-3", "a number stays a number");
        assert_eq!(cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(
            cell("=HYPERLINK(\"x\",\"y\")"),
            "\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\""
        );
    }
}
