//! The debrief: how it ended, the score, the rules followed and broken, and every decision
//! again with the best option at that point and why. Drawn from the finished conversation's
//! [`Report`](crate::engine::Report), the same data `play --json` prints. The same screen
//! follows a conversation, reopens a drill's finished scenario and replays a session from
//! the history: only its keys differ, and leaving it goes back to whatever opened it.

use std::cell::Cell;
use std::sync::Arc;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::briefing::Briefing;
use super::conversation::Setup;
use super::keymap::{Action, Binding, Does, ENDS, ENTER, ENTER_ESC, HELP, QUIT, bind};
use super::screen::{Context, Screen, Update, scroll_by};
use super::text::{clean, hanging, wrap};
use super::view::{panel, scrolled};
use crate::engine::{Millis, Report};
use crate::i18n::Args;
use crate::labels;
use crate::rules::RuleScope;
use crate::scenario::{Rating, ValidScenario};
use ratatui::crossterm::event::KeyCode;

pub struct Debrief {
    pub report: Report,
    pub scroll: u16,
    /// How far the text can scroll, as the last frame laid it out.
    pub scroll_limit: Cell<u16>,
    /// The keys: the trainer's own, or those of a drill's or the history's, where the
    /// debrief leads back rather than home and offers no playing again.
    pub keys: &'static [Binding],
    /// The scenario and how it was played, for playing it again (where the keys offer it).
    pub again: Option<(Arc<ValidScenario>, Setup)>,
}

/// Scrolling through the debrief.
const DEBRIEF_SCROLL: Binding = bind(
    "↑↓ PgUp PgDn",
    &[
        (KeyCode::Up, Action::Up),
        (KeyCode::Char('k'), Action::Up),
        (KeyCode::Down, Action::Down),
        (KeyCode::Char('j'), Action::Down),
        (KeyCode::PageUp, Action::PageUp),
        (KeyCode::PageDown, Action::PageDown),
        (KeyCode::Char(' '), Action::PageDown),
    ],
    Does::Scroll,
);

/// The trainer's own debrief, after a conversation: home, or play it again.
pub const DEBRIEF: &[Binding] = &[
    DEBRIEF_SCROLL,
    bind("r", &[(KeyCode::Char('r'), Action::Again)], Does::Again),
    bind(
        "Enter",
        &[
            (KeyCode::Enter, Action::Confirm),
            (KeyCode::Esc, Action::Back),
            (KeyCode::Backspace, Action::Back),
        ],
        Does::Home,
    ),
    bind("Home End", ENDS, Does::Ends),
    HELP,
    QUIT,
];

/// A drill's debrief between two scenarios: on to the next.
pub const DRILL_DEBRIEF: &[Binding] = &[
    DEBRIEF_SCROLL,
    bind("Enter", ENTER, Does::Next),
    bind("Home End", ENDS, Does::Ends),
    HELP,
    QUIT,
];

/// A finished scenario's debrief, opened again from a drill's summary.
pub const REVIEW: &[Binding] = &[
    DEBRIEF_SCROLL,
    bind("Enter", ENTER_ESC, Does::BackToSummary),
    bind("Home End", ENDS, Does::Ends),
    HELP,
    QUIT,
];

/// A past session's transcript, opened from the history.
pub const REPLAY: &[Binding] = &[
    DEBRIEF_SCROLL,
    bind("Enter", ENTER_ESC, Does::BackToHistory),
    bind("Home End", ENDS, Does::Ends),
    HELP,
    QUIT,
];

impl Debrief {
    pub fn new(
        report: Report,
        keys: &'static [Binding],
        again: Option<(Arc<ValidScenario>, Setup)>,
    ) -> Debrief {
        Debrief {
            report,
            scroll: 0,
            scroll_limit: Cell::new(0),
            keys,
            again,
        }
    }
}

impl Screen for Debrief {
    fn bindings(&self) -> &'static [Binding] {
        self.keys
    }

    fn update(&mut self, action: Action, _cx: &Context, _now: Millis) -> Update {
        match action {
            Action::Confirm | Action::Back => return Update::pop(),
            Action::Again => {
                if let Some((scenario, setup)) = &self.again {
                    return Update::replace(Briefing::new(Arc::clone(scenario), *setup));
                }
            }
            other => scroll_by(&mut self.scroll, other, self.scroll_limit.get()),
        }
        Update::none()
    }

    fn draw(&self, frame: &mut Frame, area: Rect, cx: &Context, _now: Millis) {
        draw(cx, frame, area, self);
    }
}

fn draw(cx: &Context, frame: &mut Frame, area: Rect, debrief: &Debrief) {
    let lines = lines(cx, debrief, usize::from(area.width.saturating_sub(2)));
    let title = format!(
        " {} ",
        cx.msg(
            "debrief-title",
            &Args::new().text("title", clean(&debrief.report.scenario.title))
        )
    );
    let scroll = (debrief.scroll, &debrief.scroll_limit);
    scrolled(cx, frame, area, lines, scroll, panel(cx, title));
}

fn lines<'a>(cx: &Context, debrief: &Debrief, width: usize) -> Vec<Line<'a>> {
    let t = &cx.theme;
    let report = &debrief.report;
    let client = clean(&report.scenario.client);
    let gender = report.scenario.client_gender;
    let mut out: Vec<Line> = Vec::new();
    let heading = |out: &mut Vec<Line<'a>>, text: &str| {
        out.push(Line::raw(""));
        out.push(Line::styled(format!(" {text}"), t.heading));
    };

    if let Some(ending) = &report.ending {
        // Coloured by the rating, never by the outcome alone: a parting can be the best
        // ending or a failure, depending on the client.
        let good = ending
            .rating
            .map_or_else(|| labels::outcome_is_good(ending.outcome), Rating::is_good);
        let style = if good { t.good } else { t.bad };
        let mut line = vec![
            Span::styled(format!(" {}: ", cx.text("ending")), t.heading),
            Span::styled(
                cx.messages().outcome(ending.outcome).to_owned(),
                style.add_modifier(ratatui::style::Modifier::BOLD),
            ),
        ];
        if let Some(rating) = ending.rating {
            line.push(Span::styled(
                format!(" · {}", cx.messages().rating(rating)),
                style,
            ));
        }
        out.push(Line::from(line));
        if let Some(apparent) = report.scenario.appears_as {
            out.extend(hanging(
                Span::raw(" "),
                &cx.msg(
                    "debrief-diagnosis",
                    &Args::new()
                        .text("client", &*client)
                        .text("apparent", cx.messages().client_type_quoted(apparent))
                        .text(
                            "real",
                            cx.messages()
                                .client_type_quoted(report.scenario.client_type),
                        )
                        .gender(gender),
                ),
                t.warn,
                width,
            ));
        }
        out.extend(hanging(
            Span::styled(format!(" {client}: "), t.client),
            &ending.client_line,
            t.client,
            width,
        ));
        out.extend(hanging(Span::raw(" "), &ending.closing, t.narration, width));
        out.push(Line::raw(""));
        out.push(Line::from(vec![
            Span::styled(format!(" {} ", cx.text("score")), t.heading),
            Span::styled(format!("{}/100", report.score), t.title),
            Span::styled(
                format!(
                    "   {}",
                    cx.messages().msg(
                        "debrief-left",
                        &Args::new()
                            .text("client", &*client)
                            .text("mood", cx.messages().mood(ending.state.mood, gender))
                            .text("trust", cx.messages().trust(ending.state.trust, gender))
                            .text("seed", report.seed.to_string())
                    )
                ),
                t.dim,
            ),
        ]));
        if report.grading >= 2 {
            out.extend(hanging(
                Span::raw(" "),
                &cx.msg(
                    "debrief-score-pieces",
                    &Args::new()
                        .text("handling", report.handling.to_string())
                        .text("ending_cap", report.ending_cap.to_string())
                        .text("serious_cap", report.serious_cap.to_string()),
                ),
                t.dim,
                width,
            ));
        }
    }

    if let Some(step) = report.turning_point.and_then(|i| report.steps.get(i)) {
        heading(&mut out, &cx.text("debrief-turned-here"));
        out.extend(hanging(
            Span::styled(format!(" {client}: "), t.client),
            &step.client_line,
            t.client,
            width,
        ));
        out.extend(hanging(Span::raw(" › "), &step.chosen.text, t.bad, width));
        if let Some(rule) = &step.serious {
            out.extend(hanging(
                Span::raw(" "),
                &cx.msg(
                    "debrief-serious-mistake",
                    &Args::new()
                        .text("rule", clean(cx.rules.name(rule)))
                        .text("cap", report.serious_cap.to_string()),
                ),
                t.warn,
                width,
            ));
        }
        if !step.was_best {
            out.extend(hanging(
                Span::styled(format!(" {}: ", cx.text("best-here")), t.good),
                &step.best.text,
                t.good,
                width,
            ));
        }
    }

    if report.hesitations > 0 {
        out.push(Line::styled(
            format!(
                " {}",
                cx.messages().msg(
                    "debrief-hesitations",
                    &Args::new().count("n", report.hesitations as usize)
                )
            ),
            t.warn,
        ));
    }

    heading(&mut out, &cx.text("debrief-rules"));
    for tally in &report.rules {
        let name = clean(cx.rules.name(&tally.rule)).into_owned();
        let style = if tally.broken > 0 { t.bad } else { t.good };
        out.push(Line::from(vec![
            Span::styled(format!(" ✓{:<2}", tally.followed), t.good),
            Span::styled(
                format!(" ✗{:<2} ", tally.broken),
                if tally.broken > 0 { t.bad } else { t.dim },
            ),
            Span::styled(name, style),
        ]));
    }

    heading(&mut out, &cx.text("debrief-decision-by-decision"));
    for (n, step) in report.steps.iter().enumerate() {
        out.push(Line::raw(""));
        // The mark sits inside the indent, so the line keeps the width the wrap measured.
        let mark = if step.was_best {
            Span::styled("  ✓ ", t.good)
        } else {
            Span::styled("  ✗ ", t.bad)
        };
        out.extend(hanging(
            Span::styled(format!(" {}. {client}: ", n + 1), t.client),
            &step.client_line,
            t.client,
            width,
        ));
        let you_word = cx.text("you");
        if step.hesitated {
            out.extend(hanging(
                Span::styled(format!("  ✗ {you_word}: "), t.bad),
                &format!(
                    "({})",
                    cx.messages().msg(
                        "silence-within",
                        &Args::new().count(
                            "s",
                            usize::try_from(step.elapsed_ms.div_ceil(1000)).unwrap_or(usize::MAX)
                        )
                    )
                ),
                t.bad,
                width,
            ));
            out.extend(hanging(
                Span::styled(format!("    {}: ", cx.text("best-here")), t.heading),
                &step.best.text,
                Style::new(),
                width,
            ));
            continue;
        }
        // A typed reply: the words first, then the option they were read as.
        let label = step.typed.as_ref().map(|reply| {
            let (lines, label) = super::typed::debrief_lines(cx, reply, width);
            out.extend(lines);
            label
        });
        let you_word = label.as_deref().unwrap_or(&you_word);
        let mut you = hanging(
            Span::styled(format!("    {you_word}: "), t.you),
            &step.chosen.text,
            t.you,
            width,
        );
        if let Some(first) = you.first_mut() {
            first.spans[0] = Span::styled(format!("{you_word}: "), t.you);
            first.spans.insert(0, mark);
        }
        out.extend(you);
        for v in &step.verdicts {
            let weight = cx.messages().weight(v.weight);
            let (text, style) = if v.follows {
                (
                    format!(
                        "      ✓ {} {}{weight}",
                        cx.text("verdict-follows"),
                        clean(&v.rule_name)
                    ),
                    t.good,
                )
            } else {
                (
                    format!(
                        "      ✗ {} {}{weight}",
                        cx.text("verdict-breaks"),
                        clean(&v.rule_name)
                    ),
                    t.bad,
                )
            };
            out.push(Line::styled(text, style));
        }
        let coaching = cx.rules.render_coaching(&step.coaching);
        out.extend(hanging(Span::raw("      "), &coaching, t.dim, width));
        if !step.was_best {
            out.extend(hanging(
                Span::styled(format!("    {}: ", cx.text("best-here")), t.heading),
                &step.best.text,
                Style::new(),
                width,
            ));
            out.extend(hanging(
                Span::styled(format!("    {}: ", cx.text("why")), t.heading),
                &cx.rules.render_coaching(&step.best_coaching),
                t.dim,
                width,
            ));
        }
    }

    if let Some(prompt) = cx
        .rules
        .rules
        .iter()
        .find(|r| r.scope == RuleScope::Debrief)
    {
        heading(&mut out, &prompt.name);
        out.extend(
            wrap(&prompt.guidance, width.saturating_sub(1))
                .into_iter()
                .map(|l| Line::styled(format!(" {l}"), t.dim)),
        );
    }
    out
}
