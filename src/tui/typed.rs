//! Typed replies on the conversation screen (`--typed`, a drill's `typed: true`). At each
//! decision the options are hidden and the trainee writes what they would say; Enter hands
//! the words to the [`Matcher`](crate::matcher::Matcher). A confident reading counts as
//! choosing that option (the grade is the option's, and the screen says which option the
//! reply was read as); an unsure one opens a question with the two or three nearest options,
//! to pick the one meant or go back and write it again. Tone notes (capitals, insults, "calm
//! down") are shown beside the reading and kept with the words, never graded.
//!
//! While the reply has the keys, the bindings ([`TYPING`]) hold no printable key: `q`, `?`
//! and digits are text, F1 opens the help, Esc leaves (asking first) and Ctrl-C quits. The
//! editing itself (cursor, deletion, word moves) is `ratatui-textarea`'s.

use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui_textarea::{Input, Key, TextArea, WrapMode};

use super::conversation::{OptionsView, Play};
use super::keymap::{Action, Binding, Does, HELP, QUIT, SELECT, bind, digits};
use super::screen::{Context, Update};
use super::text::{clean, hanging, truncate, wrap};
use super::view::{more_signs, panel};
use crate::engine::{Millis, ReadHow, TypedReply};
use crate::i18n::Args;
use crate::matcher::{Matcher, ToneFlag, Verdict};
use crate::scenario::Node;

/// Writing a reply: no printable key is bound, so every letter, digit, `q` and `?` is text.
pub const TYPING: &[Binding] = &[
    bind("Enter", &[(KeyCode::Enter, Action::Confirm)], Does::Send),
    bind("Esc", &[(KeyCode::Esc, Action::Back)], Does::Leave),
    bind("F1", &[(KeyCode::F(1), Action::Help)], Does::Help),
    bind("Ctrl-C", &[], Does::QuitNow),
    bind(
        "PgUp/PgDn",
        &[
            (KeyCode::PageUp, Action::PageUp),
            (KeyCode::PageDown, Action::PageDown),
        ],
        Does::History,
    ),
];

/// "Which did you mean?": the nearest options to an unclear reply. Esc comes first: on a
/// narrow screen the legend keeps it, with help and quit, when the rest cannot fit.
pub const ASKING: &[Binding] = &[
    bind("Esc", &[(KeyCode::Esc, Action::Back)], Does::TypeAgain),
    digits(Does::Choose),
    SELECT,
    HELP,
    QUIT,
];

/// The fewest and most rows the reply's box takes: room to see what one is writing, and no
/// more than a few sentences' worth, so the conversation stays in view.
const INPUT_ROWS: (usize, usize) = (2, 5);

/// The reply being written, and the question about an unclear one.
pub struct Typing {
    input: TextArea<'static>,
    /// Composure could not tell which option the reply says and asks.
    pub asking: Option<Asking>,
    /// Enter was pressed on an empty reply: a hint until the next key.
    empty_hint: bool,
    /// Where the options of the question are, as the last frame laid them out.
    view: OptionsView,
}

/// An unclear reply, and the options it is nearest to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Asking {
    pub words: String,
    /// When the reply was sent: the answer is given then, whatever time the trainee takes
    /// to say which option they meant.
    pub sent_at: Millis,
    /// Choice ids, nearest first.
    pub nearest: Vec<String>,
    /// The highlighted one, by position.
    pub selected: usize,
    /// Tone notes on the reply ([`ToneFlag::code`]).
    pub tone: Vec<String>,
}

impl Default for Typing {
    fn default() -> Typing {
        let mut input = TextArea::default();
        // One reply is one paragraph: it wraps at the box's width, never scrolls sideways.
        input.set_wrap_mode(WrapMode::WordOrGlyph);
        input.set_cursor_line_style(Style::new());
        Typing {
            input,
            asking: None,
            empty_hint: false,
            view: OptionsView::default(),
        }
    }
}

impl Typing {
    /// The reply as written: its lines as one, trimmed, with nothing a terminal would obey.
    pub fn words(&self) -> String {
        clean(self.input.lines().join(" ").trim()).into_owned()
    }

    /// Starts a fresh reply.
    fn clear(&mut self) {
        self.input.clear();
        self.asking = None;
        self.empty_hint = false;
    }

    /// How many rows the panel would like at this inner width.
    pub(super) fn wanted_height(
        &self,
        cx: &Context,
        conversation: &crate::engine::Conversation,
        width: usize,
    ) -> usize {
        match &self.asking {
            Some(asking) => 2 + 1 + ask_lines(cx, asking, conversation, 0, width).0.len(),
            None => {
                // A column of margin and one for the cursor after the last word.
                let rows = wrap(&self.words(), width.saturating_sub(2).max(1)).len();
                2 + rows.clamp(INPUT_ROWS.0, INPUT_ROWS.1) + usize::from(self.empty_hint)
            }
        }
    }

    /// Draws the reply's box, or the question, in `area`.
    pub(super) fn draw(&self, cx: &Context, frame: &mut Frame, area: Rect, play: &Play) {
        let m = cx.messages();
        let none = Args::new();
        match &self.asking {
            Some(asking) => self.draw_asking(cx, frame, area, play, asking),
            None => {
                let block = panel(cx, format!(" {} ", m.msg("typed-your-reply", &none)));
                let inner = block.inner(area);
                frame.render_widget(block, area);
                let [input_area, hint_area] = Layout::vertical([
                    Constraint::Min(1),
                    Constraint::Length(u16::from(self.empty_hint)),
                ])
                .areas(inner);
                // A column of margin, as the other panels' text has.
                let input_area = Rect {
                    x: input_area.x.saturating_add(1),
                    width: input_area.width.saturating_sub(1),
                    ..input_area
                };
                frame.render_widget(&self.input, input_area);
                if self.input.is_empty() {
                    // After the cursor's cell, so the cursor stays in sight.
                    let room = usize::from(input_area.width.saturating_sub(1));
                    let text = truncate(&m.msg("typed-placeholder", &none), room);
                    let at = Rect {
                        x: input_area.x.saturating_add(1),
                        width: input_area.width.saturating_sub(1),
                        height: 1.min(input_area.height),
                        ..input_area
                    };
                    frame.render_widget(Paragraph::new(Line::styled(text, cx.theme.dim)), at);
                }
                if self.empty_hint {
                    let hint = m.msg("typed-empty", &none);
                    let room = usize::from(hint_area.width).saturating_sub(1);
                    frame.render_widget(
                        Paragraph::new(Line::styled(
                            format!(" {}", truncate(&hint, room)),
                            cx.theme.warn,
                        )),
                        hint_area,
                    );
                }
            }
        }
    }

    fn draw_asking(
        &self,
        cx: &Context,
        frame: &mut Frame,
        area: Rect,
        play: &Play,
        asking: &Asking,
    ) {
        let m = cx.messages();
        let block = panel(cx, format!(" {} ", m.msg("typed-ask-title", &Args::new())));
        let inner = block.inner(area);
        let width = usize::from(inner.width);
        let [said_area, options_area] =
            Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(inner);
        let (lines, spans) = ask_lines(cx, asking, &play.conversation, asking.selected, width);
        let view = &self.view;
        let shown = usize::from(options_area.height);
        view.height.set(shown);
        *view.spans.borrow_mut() = spans;
        view.top
            .set(view.top.get().min(lines.len().saturating_sub(shown)));
        if !view.shows(asking.selected) {
            view.reveal(asking.selected);
        }
        let top = view.top.get();
        let block = more_signs(cx, block, top > 0, top + shown < lines.len());
        frame.render_widget(block, area);
        let said = format!(
            "{}: {}",
            m.msg("typed-ask-said", &Args::new()),
            quoted(cx, &asking.words)
        );
        frame.render_widget(
            Paragraph::new(Line::styled(
                format!(" {}", truncate(&said, width.saturating_sub(1))),
                cx.theme.you,
            )),
            said_area,
        );
        let visible: Vec<Line> = lines.into_iter().skip(top).take(shown).collect();
        frame.render_widget(Paragraph::new(visible), options_area);
    }
}

/// The options of the question as numbered lines, and where each starts and ends.
fn ask_lines<'a>(
    cx: &Context,
    asking: &Asking,
    conversation: &crate::engine::Conversation,
    selected: usize,
    width: usize,
) -> (Vec<Line<'a>>, Vec<(usize, usize)>) {
    let t = &cx.theme;
    let node = conversation.scenario().node(&conversation.turn().node);
    let mut lines = Vec::new();
    let mut spans = Vec::new();
    for (i, id) in asking.nearest.iter().enumerate() {
        let start = lines.len();
        if let Some(text) = choice_text(node, id) {
            let on = i == selected;
            let prefix = Span::styled(
                format!("{}{}. ", if on { "›" } else { " " }, i + 1),
                if on { t.key } else { t.dim },
            );
            let style = if on { t.selected } else { Style::new() };
            lines.extend(hanging(prefix, text, style, width));
        }
        spans.push((start, lines.len()));
    }
    (lines, spans)
}

fn choice_text<'a>(node: Option<&'a Node>, id: &str) -> Option<&'a str> {
    match node {
        Some(Node::Decision { choices, .. }) => {
            choices.iter().find(|c| c.id == id).map(|c| c.text.as_str())
        }
        _ => None,
    }
}

impl Play {
    /// At a decision: neither showing what the last answer did nor at the end.
    pub(super) fn deciding(&self) -> bool {
        !self.showing_consequence && !self.conversation.is_finished()
    }

    /// Composure is asking which option an unclear reply meant.
    pub(super) fn asking(&self) -> bool {
        self.deciding()
            && self
                .typing
                .as_ref()
                .is_some_and(|typing| typing.asking.is_some())
    }

    /// The keys of typed mode at a decision; `None` elsewhere.
    pub(super) fn typed_bindings(&self) -> Option<&'static [Binding]> {
        let typing = self.typing.as_ref().filter(|_| self.deciding())?;
        Some(if typing.asking.is_some() {
            ASKING
        } else {
            TYPING
        })
    }

    /// One action at a decision in typed mode (leaving and paging are the screen's own).
    pub(super) fn act_typed(&mut self, action: Action, now: Millis) -> Update {
        if self.asking() {
            return self.act_asking(action);
        }
        if action == Action::Confirm {
            self.send(now);
        }
        Update::none()
    }

    /// A key for the reply being written. `None` when no reply is being written, as when
    /// the question about leaving is open.
    pub(super) fn type_key(&mut self, key: KeyEvent) -> Option<Update> {
        if self.confirm_leave.is_some() || !self.deciding() {
            return None;
        }
        let typing = self.typing.as_mut().filter(|t| t.asking.is_none())?;
        let input = Input::from(key);
        // One reply is one paragraph: Enter sends it (a binding), and nothing else makes a
        // new line; a tab would only look like spaces.
        let breaks = matches!(input.key, Key::Enter | Key::Tab | Key::Char('\n' | '\r'))
            || (input.ctrl && input.key == Key::Char('m'));
        if !breaks {
            typing.input.input(input);
        }
        typing.empty_hint = false;
        Some(Update::none())
    }

    /// Enter on the reply: read it, and either answer with the option it says or ask.
    fn send(&mut self, now: Millis) {
        let Some(typing) = self.typing.as_mut() else {
            return;
        };
        let words = typing.words();
        if words.is_empty() {
            typing.empty_hint = true;
            return;
        }
        let node = self.conversation.turn().node.clone();
        let Some(matcher) = Matcher::for_node(self.conversation.scenario(), &node) else {
            return;
        };
        let reading = matcher.read(&words);
        let id_of =
            |i: usize| -> Option<String> { matcher.candidates().get(i).map(|c| c.id.clone()) };
        let tone: Vec<String> = reading.tone.iter().map(|f| f.code().to_owned()).collect();
        let offered = &self.conversation.turn().options;
        match reading.verdict {
            Verdict::Confident { option } => {
                if let Some(id) = id_of(option) {
                    let reply = TypedReply {
                        words,
                        read: ReadHow::Matched,
                        tone,
                    };
                    self.answer(&id, reply, now);
                }
            }
            Verdict::Ask { nearest } => {
                let nearest = offered_nearest(&reading.ranked, nearest.len(), offered, id_of);
                typing.view.top.set(0);
                typing.asking = Some(Asking {
                    words,
                    sent_at: now,
                    nearest,
                    selected: 0,
                    tone,
                });
            }
        }
    }

    /// The question is open: pick an option, move, or go back to the reply.
    fn act_asking(&mut self, action: Action) -> Update {
        let Some(typing) = self.typing.as_mut() else {
            return Update::none();
        };
        let Some(asking) = typing.asking.as_mut() else {
            return Update::none();
        };
        let count = asking.nearest.len();
        if action == Action::Back {
            typing.asking = None;
            return Update::none();
        }
        let pick = typing.view.act(action, &mut asking.selected, count);
        let Some(n) = pick else {
            return Update::none();
        };
        let Some(id) = asking.nearest.get(n).cloned() else {
            return Update::none();
        };
        let reply = TypedReply {
            words: asking.words.clone(),
            read: ReadHow::Picked,
            tone: asking.tone.clone(),
        };
        let at = asking.sent_at;
        self.answer(&id, reply, at);
        Update::none()
    }

    /// Answers with option `id` for a typed reply given at `at`.
    fn answer(&mut self, id: &str, reply: TypedReply, at: Millis) {
        if self.conversation.choose_typed(id, reply, at).is_err() {
            return;
        }
        if let Some(typing) = self.typing.as_mut() {
            typing.clear();
        }
        self.selected = 0;
        self.showing_consequence = true;
        self.scroll_back = 0;
        self.panel_scroll = 0;
    }
}

/// The trainee's words in the quotation marks of their language.
fn quoted(cx: &Context, words: &str) -> String {
    cx.messages()
        .msg("typed-quoted", &Args::new().text("reply", words.to_owned()))
}

/// The words of a tone note, in the trainee's language.
fn tone_note(cx: &Context, code: &str) -> String {
    match ToneFlag::ALL.iter().find(|f| f.code() == code) {
        Some(flag) => cx.messages().msg(flag.message_id(), &Args::new()),
        None => code.to_owned(),
    }
}

/// Above what the answer did: which option the reply was read as, whether the trainee
/// picked it when asked, and the tone notes.
pub(super) fn read_as_lines<'a>(
    cx: &Context,
    reply: &TypedReply,
    option: &str,
    width: usize,
) -> Vec<Line<'a>> {
    let m = cx.messages();
    let t = &cx.theme;
    let label = match reply.read {
        ReadHow::Matched => m.msg("typed-read-as", &Args::new()),
        ReadHow::Picked => m.msg("typed-picked-as", &Args::new()),
    };
    let mut lines = hanging(
        Span::styled(format!(" {label}: "), t.heading),
        option,
        t.you,
        width,
    );
    lines.extend(tone_lines(cx, reply, " ", width));
    lines.push(Line::raw(""));
    lines
}

/// The tone notes on a reply, each on its own lines.
fn tone_lines<'a>(cx: &Context, reply: &TypedReply, indent: &str, width: usize) -> Vec<Line<'a>> {
    let m = cx.messages();
    let label = m.msg("typed-tone-label", &Args::new());
    reply
        .tone
        .iter()
        .flat_map(|code| {
            hanging(
                Span::styled(format!("{indent}{label}: "), cx.theme.warn),
                &tone_note(cx, code),
                cx.theme.warn,
                width,
            )
        })
        .collect()
}

/// In the conversation so far: what the trainee typed, and the option it counts as.
pub(super) fn said_lines<'a>(
    cx: &Context,
    reply: &TypedReply,
    option: Option<&str>,
    width: usize,
) -> Vec<Line<'a>> {
    let m = cx.messages();
    let mut lines = hanging(
        Span::styled(format!(" {}: ", cx.text("you")), cx.theme.you),
        &reply.words,
        cx.theme.you,
        width,
    );
    let Some(option) = option else {
        return lines;
    };
    let label = match reply.read {
        ReadHow::Matched => m.msg("typed-read-as", &Args::new()),
        ReadHow::Picked => m.msg("typed-picked-as", &Args::new()),
    };
    lines.extend(hanging(
        Span::styled(format!("   {label}: "), cx.theme.dim),
        option,
        cx.theme.dim,
        width,
    ));
    lines
}

/// In the debrief, above the option a typed reply was read as: the words, and the tone
/// notes. Returns the label for the option's line too ("Read as", "You picked").
pub(super) fn debrief_lines<'a>(
    cx: &Context,
    reply: &TypedReply,
    width: usize,
) -> (Vec<Line<'a>>, String) {
    let m = cx.messages();
    let mut lines = hanging(
        Span::styled(
            format!("    {}: ", m.msg("typed-you-typed", &Args::new())),
            cx.theme.you,
        ),
        &quoted(cx, &reply.words),
        cx.theme.you,
        width,
    );
    lines.extend(tone_lines(cx, reply, "    ", width));
    let label = match reply.read {
        ReadHow::Matched => m.msg("typed-read-as", &Args::new()),
        ReadHow::Picked => m.msg("typed-picked-as", &Args::new()),
    };
    (lines, label)
}

/// The `count` options nearest a reply, in the order the options were presented (shuffled
/// by the session's seed). The matcher ranks equal similarities by the order the author wrote
/// the options in, so a reply that is near nothing ("hmm") would otherwise be offered the
/// author's first options, first: position would tell the best answer. Here ties go by the
/// presented order, and the question lists them in that order too.
fn offered_nearest(
    ranked: &[(usize, f32)],
    count: usize,
    offered: &[String],
    id_of: impl Fn(usize) -> Option<String>,
) -> Vec<String> {
    let position = |id: &String| offered.iter().position(|o| o == id).unwrap_or(usize::MAX);
    let mut scored: Vec<(String, f32)> = ranked
        .iter()
        .filter_map(|&(i, score)| id_of(i).map(|id| (id, score)))
        .filter(|(id, _)| offered.contains(id))
        .collect();
    scored.sort_by(|a, b| {
        b.1.total_cmp(&a.1)
            .then(position(&a.0).cmp(&position(&b.0)))
    });
    let mut nearest: Vec<String> = scored.into_iter().take(count).map(|(id, _)| id).collect();
    nearest.sort_by_key(position);
    nearest
}

#[cfg(test)]
mod tests {
    use super::offered_nearest;

    fn ids(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn a_reply_near_nothing_is_offered_options_by_the_presented_order_not_the_authored_one() {
        // Authored order a, b, c, d; presented d, c, b, a; every similarity 0.
        let authored = ids(&["a", "b", "c", "d"]);
        let offered = ids(&["d", "c", "b", "a"]);
        let ranked = [(0, 0.0), (1, 0.0), (2, 0.0), (3, 0.0)];
        let got = offered_nearest(&ranked, 2, &offered, |i| authored.get(i).cloned());
        assert_eq!(got, ids(&["d", "c"]));
    }

    #[test]
    fn the_nearest_are_kept_and_listed_in_the_presented_order() {
        let authored = ids(&["a", "b", "c", "d"]);
        let offered = ids(&["c", "a", "d", "b"]);
        // b is nearest, then d; a and c are far.
        let ranked = [(1, 0.4), (3, 0.35), (0, 0.1), (2, 0.05)];
        let got = offered_nearest(&ranked, 2, &offered, |i| authored.get(i).cloned());
        assert_eq!(got, ids(&["d", "b"]));
    }
}
