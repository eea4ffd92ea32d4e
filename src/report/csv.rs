//! `--format csv`: one rectangular table with a header row, for a spreadsheet. Each row is
//! one `kind`: a `trainee` (the leaderboard, in rank order), a `team-rule` (the whole team's
//! tally for a rule), a `trainee-rule` (a trainee's strength or weakness) or a `session` (one
//! result with the pieces of its grade, newest first). Columns are only ever added at the end. Quoting follows
//! RFC 4180 with CRLF line ends, and a cell a spreadsheet would run as a formula gets a
//! leading `'` (plain numbers excepted: they cannot run).

use std::io::{self, Write};

use super::{Export, TeamReport};

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
    "mean_handling",
    "serious_mistakes",
    "capped_by_ending",
    "older_grading",
    "session",
    "scenario",
    "language",
    "score",
    "handling",
    "ending",
    "rating",
    "ending_cap",
    "serious_cap",
    "grading",
    "grading_note",
];

/// The cells a row leaves empty after the fifteen columns every kind of row shares.
const SESSION_CELLS: usize = 11;

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

/// One record: every cell as [`cell`] makes it, comma-separated, ended by CRLF.
pub(super) fn row(out: &mut dyn Write, cells: &[String]) -> io::Result<()> {
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
                    report.zone.rfc3339(t.first_at),
                    report.zone.rfc3339(t.last_at),
                    format!("{:.1}", t.mean_handling),
                    t.serious_mistakes.to_string(),
                    t.capped_by_ending.to_string(),
                    t.older_grading.to_string(),
                ]
                .into_iter()
                .chain(std::iter::repeat_n(blank(), SESSION_CELLS))
                .collect::<Vec<_>>(),
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
            ]
            .into_iter()
            .chain(std::iter::repeat_n(String::new(), HEADER.len() - 13))
            .collect::<Vec<_>>()
        };
        for r in &report.team_rules {
            row(out, &rule_row("team-rule", "", r))?;
        }
        for t in &report.trainees {
            for r in t.weaknesses.iter().chain(&t.strengths) {
                row(out, &rule_row("trainee-rule", &t.trainee, r))?;
            }
        }
        for s in &report.sessions {
            let mut cells = vec![
                "session".to_owned(),
                blank(),
                s.trainee.clone(),
                blank(),
                blank(),
                blank(),
                blank(),
                blank(),
                s.decisions.to_string(),
                s.hesitations.to_string(),
                blank(),
                blank(),
                blank(),
                blank(),
                report.zone.rfc3339(s.ended_at),
                blank(),
                s.serious_mistakes.to_string(),
                blank(),
                blank(),
            ];
            cells.extend([
                s.id.to_string(),
                s.scenario.clone(),
                s.language.clone(),
                s.score.to_string(),
                s.handling.to_string(),
                s.ending.clone().unwrap_or_default(),
                s.rating.clone().unwrap_or_default(),
                s.ending_cap.to_string(),
                s.serious_cap.to_string(),
                s.grading.to_string(),
                s.grading_note.clone().unwrap_or_default(),
            ]);
            row(out, &cells)?;
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
