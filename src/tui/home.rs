//! The home screen, at the bottom of the trainer's stack: the library under the trainee's
//! filters (client type, language), one scenario per entry (title, client type, length and
//! difficulty, the situation in a line), and a notice when some of a trainer's files could
//! not be loaded. Enter opens a scenario's briefing over it; every way out of a scenario
//! comes back here.

use std::sync::Arc;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use super::briefing::Briefing;
use super::conversation::Setup;
use super::keymap::{Action, Binding, Does, ENDS, ENTER, HELP, QUIT, UP_DOWN, bind, digits};
use super::screen::{Context, Screen, Update};
use super::text::{truncate, wrap};
use super::view::panel;
use crate::engine::Millis;
use crate::i18n::Args;
use crate::labels;
use crate::lang::Lang;
use crate::scenario::measure::best_path_decisions;
use crate::scenario::{ClientType, Library, Problem, ValidScenario};
use ratatui::crossterm::event::KeyCode;

/// Which languages the home screen lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LangFilter {
    /// Each scenario once: in the trainee's language if it has it, else in English.
    Mine,
    /// Only scenarios written in this language.
    Only(Lang),
    /// Every language version of every scenario.
    All,
}

/// One line of the home screen's list.
#[derive(Debug, Clone)]
pub struct Entry {
    /// Index in `Home::scenarios`.
    pub index: usize,
    /// Shown in English because the trainee's language has no version of it.
    pub fallback: bool,
}

pub struct Home {
    /// Every scenario on offer, in every language.
    pub scenarios: Vec<Arc<ValidScenario>>,
    /// Decisions on each scenario's best path, by index in `scenarios`.
    pub lengths: Vec<Option<usize>>,
    /// Files from `--scenarios` that could not be loaded.
    pub problems: Vec<Problem>,
    /// The trainee's language, which the language filter starts from.
    pub lang: Lang,
    pub type_filter: Option<ClientType>,
    pub lang_filter: LangFilter,
    pub selected: usize,
    /// How the scenarios opened from here are played.
    pub setup: Setup,
}

/// The home screen's keys.
pub const HOME: &[Binding] = &[
    bind("↑↓", UP_DOWN, Does::MoveList),
    bind("Enter", ENTER, Does::Open),
    digits(Does::OpenNumbered),
    bind("Home End", ENDS, Does::Ends),
    bind(
        "t",
        &[(KeyCode::Char('t'), Action::FilterType)],
        Does::FilterType,
    ),
    bind(
        "l",
        &[(KeyCode::Char('l'), Action::FilterLanguage)],
        Does::FilterLanguage,
    ),
    HELP,
    QUIT,
];

impl Home {
    pub fn new(library: Library, lang: Lang, setup: Setup) -> Home {
        let problems = library.problems.clone();
        let scenarios: Vec<Arc<ValidScenario>> =
            library.scenarios().iter().cloned().map(Arc::new).collect();
        Home {
            lengths: scenarios.iter().map(|s| best_path_decisions(s)).collect(),
            scenarios,
            problems,
            lang,
            type_filter: None,
            lang_filter: LangFilter::Mine,
            selected: 0,
            setup,
        }
    }

    /// The list under the current filters, in library order.
    pub fn entries(&self) -> Vec<Entry> {
        let mine = self.lang.code();
        let mut out = Vec::new();
        for (index, s) in self.scenarios.iter().enumerate() {
            let m = s.scenario();
            if self.type_filter.is_some_and(|t| t != m.shown_type()) {
                continue;
            }
            let keep = match self.lang_filter {
                LangFilter::All => Some(false),
                LangFilter::Only(lang) => (m.language == lang.code()).then_some(false),
                LangFilter::Mine => {
                    // Each scenario once: in my language, else English, else the first version
                    // the library has of it.
                    let versions = || self.scenarios.iter().filter(|o| o.id() == m.id);
                    let preferred = versions()
                        .find(|o| o.scenario().language == mine)
                        .or_else(|| versions().find(|o| o.scenario().language == "en"))
                        .or_else(|| versions().next());
                    preferred
                        .is_some_and(|p| Arc::ptr_eq(p, s))
                        .then_some(m.language != mine)
                }
            };
            if let Some(fallback) = keep {
                out.push(Entry { index, fallback });
            }
        }
        out
    }

    /// Opens the briefing of the scenario with this id (in the trainee's language when it
    /// has one), as `composure play ID` does.
    pub fn open(&mut self, id: &str, cx: &Context) -> Update {
        let found = self
            .entries()
            .iter()
            .position(|e| self.scenarios[e.index].id() == id);
        match found {
            Some(at) => {
                self.selected = at;
                self.briefing(cx)
            }
            None => Update::none(),
        }
    }

    /// The selected scenario's briefing, over this screen.
    fn briefing(&self, cx: &Context) -> Update {
        let Some(entry) = self.entries().get(self.selected).cloned() else {
            return Update::none();
        };
        let notice = entry.fallback.then(|| {
            cx.msg(
                "fallback-notice",
                &Args::new().text("language", cx.lang.name()),
            )
        });
        let scenario = Arc::clone(&self.scenarios[entry.index]);
        Update::push(Briefing::new(scenario, self.setup)).with_notice(notice)
    }
}

impl Screen for Home {
    fn bindings(&self) -> &'static [Binding] {
        HOME
    }

    fn update(&mut self, action: Action, cx: &Context, _now: Millis) -> Update {
        let count = self.entries().len();
        match action {
            Action::Up => self.selected = self.selected.saturating_sub(1),
            Action::Down => self.selected = (self.selected + 1).min(count.saturating_sub(1)),
            Action::Top => self.selected = 0,
            Action::Bottom => self.selected = count.saturating_sub(1),
            Action::Pick(n) if n < count => {
                self.selected = n;
                return self.briefing(cx);
            }
            Action::Confirm => return self.briefing(cx),
            Action::FilterType => {
                self.type_filter = next_type(self.type_filter);
                self.selected = 0;
            }
            Action::FilterLanguage => {
                self.lang_filter = match self.lang_filter {
                    LangFilter::Mine => LangFilter::Only(Lang::ALL[0]),
                    LangFilter::Only(lang) => match Lang::ALL.iter().position(|&l| l == lang) {
                        Some(i) if i + 1 < Lang::ALL.len() => LangFilter::Only(Lang::ALL[i + 1]),
                        _ => LangFilter::All,
                    },
                    LangFilter::All => LangFilter::Mine,
                };
                self.selected = 0;
            }
            _ => {}
        }
        Update::none()
    }

    fn draw(&self, frame: &mut Frame, area: Rect, cx: &Context, _now: Millis) {
        draw(self, cx, frame, area);
    }

    /// A watched file is the only scenario on offer, so it replaces whatever is listed, and
    /// opens at once when the list is on screen.
    fn reload(
        &mut self,
        scenario: &Arc<ValidScenario>,
        _file: &str,
        cx: &Context,
        _now: Millis,
    ) -> Update {
        self.lengths = vec![best_path_decisions(scenario)];
        self.scenarios = vec![Arc::clone(scenario)];
        self.selected = 0;
        self.lang_filter = LangFilter::All;
        self.open(scenario.id(), cx)
    }
}

/// The next client-type filter: all, then each type in turn.
fn next_type(current: Option<ClientType>) -> Option<ClientType> {
    use crate::authoring::starter::ALL_TYPES;
    match current {
        None => ALL_TYPES.first().copied(),
        Some(kind) => {
            let i = ALL_TYPES
                .iter()
                .position(|&k| k == kind)
                .unwrap_or(ALL_TYPES.len());
            ALL_TYPES.get(i + 1).copied()
        }
    }
}

/// The client-type filter in words.
fn type_label(filter: Option<ClientType>, cx: &Context) -> String {
    match filter {
        Some(kind) => cx.messages().client_type(kind),
        None => cx.text("home-all-types"),
    }
}

/// The language filter in words. The trainee's own language and only that language are
/// told apart even when they name the same language: the one lists each scenario once, in
/// English where the trainee's language has no version, the other only what is written in it.
pub fn lang_label(filter: LangFilter, cx: &Context) -> String {
    match filter {
        LangFilter::Mine => cx.msg(
            "home-my-language",
            &Args::new().text("language", cx.lang.name()),
        ),
        LangFilter::Only(lang) => cx.msg(
            "home-only-language",
            &Args::new().text("language", cx.messages().language_in_text(lang)),
        ),
        LangFilter::All => cx.text("home-all-languages"),
    }
}

fn draw(app: &Home, cx: &Context, frame: &mut Frame, area: Rect) {
    let notice_height = if app.problems.is_empty() { 0 } else { 2 };
    let [filters_area, list_area, notice_area] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(3),
        Constraint::Length(notice_height),
    ])
    .areas(area);

    let filters = cx.msg(
        "home-filters",
        &Args::new()
            .text("types", type_label(app.type_filter, cx))
            .text("languages", lang_label(app.lang_filter, cx)),
    );
    let width = usize::from(area.width);
    frame.render_widget(
        Paragraph::new(Line::styled(
            format!(" {}", truncate(&filters, width.saturating_sub(1))),
            cx.theme.dim,
        )),
        filters_area,
    );

    let block = panel(cx, format!(" {} ", cx.text("home-title")));
    let inner = block.inner(list_area);
    frame.render_widget(block, list_area);
    let width = usize::from(inner.width);
    let entries = app.entries();
    if entries.is_empty() {
        let message = if app.scenarios.is_empty() {
            cx.text("home-empty")
        } else {
            cx.text("home-nothing-matches")
        };
        let lines: Vec<Line> = wrap(&message, width).into_iter().map(Line::raw).collect();
        frame.render_widget(Paragraph::new(lines), inner);
    } else {
        // Each entry takes three lines: title and type, length and situation, a gap.
        let per_entry = 3usize;
        let visible = (usize::from(inner.height) / per_entry).max(1);
        let first = app.selected.saturating_sub(visible - 1);
        let mut lines = Vec::new();
        for (i, entry) in entries.iter().enumerate().skip(first).take(visible) {
            let scenario = &app.scenarios[entry.index];
            let m = scenario.scenario();
            let selected = i == app.selected;
            let mut kind = cx.messages().client_type(m.shown_type());
            if entry.fallback && m.language == "en" {
                kind = format!("{kind} · {}", cx.text("home-in-english"));
            } else if entry.fallback {
                kind = format!("{kind} · {}", truncate(&m.language, 8));
            } else if app.lang_filter == LangFilter::All {
                kind = format!("{kind} · {}", m.language);
            }
            let number = if i < 9 {
                format!("{} ", i + 1)
            } else {
                "  ".to_owned()
            };
            let marker = if selected { "›" } else { " " };
            let lead = format!("{marker}{number}");
            let title_room = width.saturating_sub(lead.width() + kind.width() + 2);
            let title = truncate(&m.title, title_room);
            let gap = width.saturating_sub(lead.width() + title.width() + kind.width());
            let title_style = if selected {
                cx.theme.selected
            } else {
                cx.theme.heading
            };
            lines.push(Line::from(vec![
                Span::styled(lead, if selected { cx.theme.key } else { cx.theme.dim }),
                Span::styled(title, title_style),
                Span::raw(" ".repeat(gap)),
                Span::styled(kind, cx.theme.client),
            ]));
            let measure =
                app.lengths
                    .get(entry.index)
                    .copied()
                    .flatten()
                    .map_or_else(String::new, |n| {
                        format!(
                            "{}, {} · ",
                            cx.msg("home-length", &Args::new().count("n", n)),
                            cx.messages().difficulty(n)
                        )
                    });
            let situation = labels::first_sentence(&m.briefing.situation);
            lines.push(Line::from(vec![
                Span::styled(format!("   {measure}"), cx.theme.you),
                Span::styled(
                    truncate(situation, width.saturating_sub(3 + measure.width())),
                    cx.theme.dim,
                ),
            ]));
            lines.push(Line::raw(""));
        }
        frame.render_widget(Paragraph::new(lines), inner);
    }

    if !app.problems.is_empty() {
        let mut files: Vec<&str> = app.problems.iter().map(|p| p.file.as_str()).collect();
        files.sort_unstable();
        files.dedup();
        let text = format!(
            " {}",
            cx.messages()
                .msg("home-skipped", &Args::new().count("n", files.len()))
        );
        let lines: Vec<Line> = wrap(&text, usize::from(area.width))
            .into_iter()
            .map(|l| Line::styled(l, cx.theme.warn))
            .collect();
        frame.render_widget(Paragraph::new(lines), notice_area);
    }
}
