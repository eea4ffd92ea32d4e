//! Twee 3, the text form of a Twine story, turned into a scenario draft.
//!
//! The mapping: each passage becomes a node, its text the client's line and its `[[links]]`
//! the trainee's choices; a passage without links becomes an ending. `StoryTitle` gives the
//! title and `StoryData`'s `start` the first node. Story-format code (macros, variables,
//! scripts, styles, HTML) has no place in a graded conversation, so it is taken out of the
//! text and each piece is named in a [`Warning`] with its line; a malformed file is a
//! [`TweeError`] at the line where it goes wrong.

use std::collections::{BTreeMap, HashMap, HashSet};

use serde_json::{Map, Value};
use thiserror::Error;

use super::{
    Import, TODO_CLIENT_NAME, TODO_CLOSING, TODO_COACHING, TODO_CONSEQUENCE, TODO_GOAL,
    TODO_PERSONA, TODO_SAYS, TODO_SITUATION, Warning,
};
use crate::scenario::{
    Briefing, Choice, Client, ClientState, ClientType, Effect, FORMAT_VERSION, Node, Outcome,
    Scenario,
};

/// The client type given when none is asked for. None fits every story; the warning that
/// comes with it is what matters.
pub const DEFAULT_CLIENT_TYPE: ClientType = ClientType::Rude;

/// Longest node or choice id made from a name or a link's text. Ids are typed on the command
/// line (`--answers`), so a whole sentence is cut at a word.
const MAX_ID_LEN: usize = 40;

/// A Twee file that cannot be imported, at the line where it goes wrong.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("line {line}: {kind}")]
pub struct TweeError {
    /// 1-based line in the Twee source.
    pub line: usize,
    pub kind: TweeErrorKind,
}

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum TweeErrorKind {
    #[error("the file is empty")]
    Empty,
    #[error("the file is not valid UTF-8 text; save it as UTF-8 and import again")]
    NotUtf8,
    #[error(
        "no passage found: a Twee file is made of passages, each starting with a line `:: Name`"
    )]
    NoPassages,
    #[error("the passage header has no name")]
    NoName,
    #[error(
        "the tag block `[` in the passage header is not closed with `]` (write `\\[` for a bracket in a name)"
    )]
    UnterminatedTags,
    #[error(
        "the metadata block `{{` in the passage header is not closed with `}}` (write `\\{{` for a brace in a name)"
    )]
    UnterminatedMetadata,
    #[error("unexpected `{0}` in the passage header; a header is `:: Name [tags] {{metadata}}`")]
    TrailingText(String),
    #[error("a second passage is named \"{name}\"; the first is on line {first}")]
    DuplicateName { name: String, first: usize },
    #[error("StoryData is not valid JSON: {0}")]
    StoryDataJson(String),
    #[error("StoryData must be a JSON object, `{{ … }}`")]
    StoryDataNotObject,
    #[error("StoryData's \"start\" must be a passage name in double quotes")]
    StartNotString,
    #[error(
        "no passage can become part of the conversation: every passage is special (StoryTitle, StoryData, scripts, stylesheets)"
    )]
    NoStoryPassages,
}

fn error(line: usize, kind: TweeErrorKind) -> TweeError {
    TweeError { line, kind }
}

/// What the source cannot say for itself.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Options {
    /// The kind of client; `None` gives [`DEFAULT_CLIENT_TYPE`] with a warning.
    pub client_type: Option<ClientType>,
    /// Names the scenario when the story has no `StoryTitle`: usually the output file's stem.
    pub fallback_name: String,
}

/// Checks that raw bytes are UTF-8 text, reporting the line of the first bad byte.
pub fn decode(bytes: &[u8]) -> Result<&str, TweeError> {
    std::str::from_utf8(bytes).map_err(|e| {
        let valid = bytes.get(..e.valid_up_to()).unwrap_or_default();
        let line = valid.iter().filter(|&&b| b == b'\n').count() + 1;
        error(line, TweeErrorKind::NotUtf8)
    })
}

/// Turns Twee 3 source into a scenario draft and the warnings about what it left behind.
pub fn import(source: &str, options: &Options) -> Result<Import, TweeError> {
    let source = source.strip_prefix('\u{feff}').unwrap_or(source);
    if source.trim().is_empty() {
        return Err(error(1, TweeErrorKind::Empty));
    }
    let mut warnings = Vec::new();
    let passages = split(source, &mut warnings)?;

    let mut title_passage = None;
    let mut data_passage = None;
    let mut story: Vec<&Passage> = Vec::new();
    // Passages that exist but are not nodes, so a link to one is explained, not "missing".
    let mut elsewhere: HashSet<&str> = HashSet::new();
    for passage in &passages {
        match passage.role() {
            Role::Story => {
                story.push(passage);
                continue;
            }
            Role::Title => title_passage = Some(passage),
            Role::Data => data_passage = Some(passage),
            Role::Skipped(why) => warnings.push(passage.warn(passage.line, why)),
        }
        elsewhere.insert(passage.name.as_str());
    }
    let data = match data_passage {
        Some(passage) => story_data(passage, &mut warnings)?,
        None => StoryData::default(),
    };
    let Some(&first) = story.first() else {
        let line = passages.first().map_or(1, |p| p.line);
        return Err(error(line, TweeErrorKind::NoStoryPassages));
    };
    header_warnings(&story, &mut warnings);

    let node_ids = node_ids(&story, &mut warnings);
    let by_name: HashMap<&str, &str> = story
        .iter()
        .zip(&node_ids)
        .map(|(p, id)| (p.name.as_str(), id.as_str()))
        .collect();
    let start = start_node(&data, first, &by_name, &elsewhere, &mut warnings);

    let dialect = Dialect::of(data.format.as_deref());
    let mut drafts = Vec::with_capacity(story.len());
    for passage in &story {
        drafts.push(draft_node(
            passage,
            dialect,
            &by_name,
            &elsewhere,
            &mut warnings,
        ));
    }
    let nodes = build_nodes(&story, &node_ids, drafts);

    let title = match title_passage {
        Some(passage) => story_title(passage, options, &mut warnings),
        None => {
            let title = readable(&options.fallback_name);
            warnings.push(Warning {
                line: None,
                message: format!("there is no StoryTitle passage, so the title is \"{title}\""),
            });
            title
        }
    };
    let id = [title.as_str(), options.fallback_name.as_str()]
        .into_iter()
        .map(|text| slug(text, 60))
        .find(|id| !id.is_empty())
        .unwrap_or_else(|| "imported-story".to_owned());
    let client_type = options.client_type.unwrap_or_else(|| {
        warnings.push(Warning {
            line: None,
            message: format!(
                "no client type was given, so client_type is {DEFAULT_CLIENT_TYPE:?}; set the kind of client this story is about (or import again with --client-type)"
            ),
        });
        DEFAULT_CLIENT_TYPE
    });

    warnings.sort_by_key(|w| w.line);
    let story_format = data.format.map(|format| match data.format_version {
        Some(version) => format!("{format} {version}"),
        None => format,
    });
    Ok(Import {
        scenario: Scenario {
            format: FORMAT_VERSION,
            id,
            title,
            client_type,
            appears_as: None,
            language: "en".to_owned(),
            briefing: Briefing {
                situation: TODO_SITUATION.to_owned(),
                known: Vec::new(),
                goal: TODO_GOAL.to_owned(),
            },
            client: Client {
                name: TODO_CLIENT_NAME.to_owned(),
                persona: TODO_PERSONA.to_owned(),
                gender: None,
            },
            initial: ClientState::default(),
            start,
            nodes,
        },
        warnings,
        story_format,
    })
}

// ---------------------------------------------------------------------------------------------
// Passages and their headers

/// One passage as written: its header and the text under it.
#[derive(Debug)]
struct Passage {
    name: String,
    tags: Vec<String>,
    metadata: Metadata,
    /// Line of the `::` header.
    line: usize,
    /// The content lines joined with `\n`, trailing blank lines left out as the spec asks.
    body: String,
}

#[derive(Debug, Default)]
enum Metadata {
    #[default]
    None,
    Json(Map<String, Value>),
    /// Twee 2 wrote the map position as `<x,y>` after the tags.
    Twee2Position,
    Invalid(String),
}

/// What a passage is for, by its name and tags.
enum Role {
    Story,
    Title,
    Data,
    Skipped(String),
}

/// Passage names that story formats run or show outside the story's flow (SugarCube, Twine 1
/// and the names trainers know from Twine's story menus).
const SPECIAL_NAMES: &[&str] = &[
    "StoryInit",
    "StoryCaption",
    "StoryMenu",
    "StoryBanner",
    "StorySubtitle",
    "StoryAuthor",
    "StoryShare",
    "StoryInterface",
    "StoryDisplayTitle",
    "StorySettings",
    "StoryIncludes",
    "StoryScript",
    "StoryStylesheet",
    "PassageReady",
    "PassageDone",
    "PassageHeader",
    "PassageFooter",
];

/// Tags that make a passage something other than a scene: Harlowe's header, footer and
/// start-up passages, SugarCube's widgets, Twine's images and notes.
const SPECIAL_TAGS: &[&str] = &[
    "header",
    "footer",
    "startup",
    "debug-header",
    "debug-footer",
    "debug-startup",
    "widget",
    "init",
    "Twine.image",
    "Twine.private",
    "annotation",
];

impl Passage {
    fn role(&self) -> Role {
        let tagged = |tag: &str| self.tags.iter().any(|t| t == tag);
        if self.name == "StoryTitle" {
            Role::Title
        } else if self.name == "StoryData" {
            Role::Data
        } else if tagged("script") {
            Role::Skipped(
                "is a script passage (tagged `script`); its JavaScript is not carried over"
                    .to_owned(),
            )
        } else if tagged("stylesheet") {
            Role::Skipped(
                "is a stylesheet passage (tagged `stylesheet`); its CSS is not carried over"
                    .to_owned(),
            )
        } else if let Some(tag) = self
            .tags
            .iter()
            .find(|t| SPECIAL_TAGS.contains(&t.as_str()))
        {
            Role::Skipped(format!(
                "is tagged `{tag}`, which makes it part of the story format's machinery rather than a scene; it is not carried over"
            ))
        } else if SPECIAL_NAMES.contains(&self.name.as_str()) {
            Role::Skipped(
                "is a special passage of the story format, not a scene; it is not carried over"
                    .to_owned(),
            )
        } else {
            Role::Story
        }
    }

    fn warn(&self, line: usize, message: impl AsRef<str>) -> Warning {
        Warning {
            line: Some(line),
            message: format!("passage \"{}\" {}", self.name, message.as_ref()),
        }
    }

    /// A warning about something inside the passage.
    fn warn_in(&self, line: usize, message: impl AsRef<str>) -> Warning {
        Warning {
            line: Some(line),
            message: format!("passage \"{}\": {}", self.name, message.as_ref()),
        }
    }

    fn body_line(&self) -> usize {
        self.line + 1
    }
}

/// Cuts the source into passages and checks their headers and names.
fn split(source: &str, warnings: &mut Vec<Warning>) -> Result<Vec<Passage>, TweeError> {
    let mut passages: Vec<Passage> = Vec::new();
    let mut body: Vec<&str> = Vec::new();
    let mut before_first: Option<usize> = None;
    let mut first_line_of: HashMap<String, usize> = HashMap::new();
    for (index, raw) in source.split('\n').enumerate() {
        let line_no = index + 1;
        let line = raw.strip_suffix('\r').unwrap_or(raw);
        if let Some(rest) = line.strip_prefix("::") {
            if let Some(last) = passages.last_mut() {
                last.body = join_body(&body);
            }
            body.clear();
            let header = parse_header(rest).map_err(|kind| error(line_no, kind))?;
            if let Some(&first) = first_line_of.get(&header.name) {
                return Err(error(
                    line_no,
                    TweeErrorKind::DuplicateName {
                        name: header.name,
                        first,
                    },
                ));
            }
            first_line_of.insert(header.name.clone(), line_no);
            passages.push(Passage {
                name: header.name,
                tags: header.tags,
                metadata: header.metadata,
                line: line_no,
                body: String::new(),
            });
        } else if passages.is_empty() {
            if before_first.is_none() && !line.trim().is_empty() {
                before_first = Some(line_no);
            }
        } else {
            // A content line that must start with `::` is written `\::` so it is not a header.
            body.push(
                line.strip_prefix('\\')
                    .filter(|l| l.starts_with("::"))
                    .unwrap_or(line),
            );
        }
    }
    if let Some(last) = passages.last_mut() {
        last.body = join_body(&body);
    }
    if passages.is_empty() {
        return Err(error(1, TweeErrorKind::NoPassages));
    }
    if let Some(line) = before_first {
        warnings.push(Warning {
            line: Some(line),
            message:
                "text before the first passage header belongs to no passage and is not carried over"
                    .to_owned(),
        });
    }
    Ok(passages)
}

fn join_body(lines: &[&str]) -> String {
    let keep = lines
        .iter()
        .rposition(|l| !l.trim().is_empty())
        .map_or(0, |i| i + 1);
    lines.get(..keep).unwrap_or_default().join("\n")
}

struct Header {
    name: String,
    tags: Vec<String>,
    metadata: Metadata,
}

/// Reads what follows `::`: the name, then an optional `[tag block]`, then an optional
/// `{metadata}` object. `\` escapes the next character in names and tags.
fn parse_header(rest: &str) -> Result<Header, TweeErrorKind> {
    let chars: Vec<char> = rest.chars().collect();
    let mut i = 0;
    let mut name = String::new();
    while let Some(&c) = chars.get(i) {
        match c {
            '\\' => {
                name.push(chars.get(i + 1).copied().unwrap_or('\\'));
                i += 2;
            }
            '[' | '{' => break,
            _ => {
                name.push(c);
                i += 1;
            }
        }
    }
    let mut metadata = Metadata::None;
    let mut name = name.trim().to_owned();
    if let Some(stripped) = strip_twee2_position(&name) {
        name = stripped;
        metadata = Metadata::Twee2Position;
    }
    if name.is_empty() {
        return Err(TweeErrorKind::NoName);
    }
    let mut tags = Vec::new();
    if chars.get(i) == Some(&'[') {
        i += 1;
        let mut tag = String::new();
        loop {
            match chars.get(i) {
                None => return Err(TweeErrorKind::UnterminatedTags),
                Some('\\') => {
                    tag.push(chars.get(i + 1).copied().unwrap_or('\\'));
                    i += 2;
                }
                Some(']') => {
                    i += 1;
                    break;
                }
                Some(c) => {
                    tag.push(*c);
                    i += 1;
                }
            }
        }
        tags = tag.split_whitespace().map(str::to_owned).collect();
    }
    let after_tags: String = chars.get(i..).unwrap_or_default().iter().collect();
    let mut rest = after_tags.trim_start();
    if rest.starts_with('{') {
        let end = json_object_end(rest).ok_or(TweeErrorKind::UnterminatedMetadata)?;
        let (json, after) = rest.split_at(end);
        metadata = match serde_json::from_str::<Value>(json) {
            Ok(Value::Object(map)) => Metadata::Json(map),
            Ok(_) => Metadata::Invalid("it is not a JSON object".to_owned()),
            Err(e) => Metadata::Invalid(json_message(&e)),
        };
        rest = after.trim_start();
    } else if strip_twee2_position(rest).is_some_and(|before| before.is_empty()) {
        metadata = Metadata::Twee2Position;
        rest = "";
    }
    let rest = rest.trim();
    if !rest.is_empty() {
        return Err(TweeErrorKind::TrailingText(rest.to_owned()));
    }
    Ok(Header {
        name,
        tags,
        metadata,
    })
}

/// `"Name <600,400>"` → `"Name"`: Twee 2's map position, which Twee 3 keeps as metadata.
fn strip_twee2_position(text: &str) -> Option<String> {
    let text = text.trim_end();
    let inner = text.strip_suffix('>')?;
    let open = inner.rfind('<')?;
    let (x, y) = inner.get(open + 1..)?.split_once(',')?;
    let number = |s: &str| !s.trim().is_empty() && s.trim().chars().all(|c| c.is_ascii_digit());
    (number(x) && number(y)).then(|| inner.get(..open).unwrap_or_default().trim_end().to_owned())
}

/// Byte length of the JSON object that opens `text`, found by matching braces outside
/// strings; `None` when it is not closed on this line.
fn json_object_end(text: &str) -> Option<usize> {
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    for (i, c) in text.char_indices() {
        if in_string {
            match c {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                '"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match c {
            '"' => in_string = true,
            '{' | '[' => depth += 1,
            '}' | ']' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return Some(i + 1);
                }
            }
            _ => {}
        }
    }
    None
}

/// serde_json's message without its own "at line 1 column 5", which counts from the start of
/// the JSON rather than of the file.
fn json_message(e: &serde_json::Error) -> String {
    let text = e.to_string();
    let message = text.split(" at line ").next().unwrap_or(&text);
    format!("{message} (column {})", e.column())
}

/// Tags and metadata on the passages that become nodes: neither has a place in a scenario.
fn header_warnings(story: &[&Passage], warnings: &mut Vec<Warning>) {
    // Twine records every passage's place on its map. One warning for all of them keeps the
    // warnings that need the trainer's attention from drowning.
    let mut laid_out: Vec<&Passage> = Vec::new();
    for passage in story {
        if !passage.tags.is_empty() {
            warnings.push(passage.warn_in(
                passage.line,
                format!("tags are not carried over: {}", passage.tags.join(" ")),
            ));
        }
        match &passage.metadata {
            Metadata::None => {}
            Metadata::Twee2Position => laid_out.push(passage),
            Metadata::Invalid(why) => warnings.push(passage.warn_in(
                passage.line,
                format!("the metadata is not valid JSON ({why}) and was ignored"),
            )),
            Metadata::Json(map) => {
                if map.keys().any(|k| k == "position" || k == "size") {
                    laid_out.push(passage);
                }
                let other: Vec<&str> = map
                    .keys()
                    .map(String::as_str)
                    .filter(|k| *k != "position" && *k != "size")
                    .collect();
                if !other.is_empty() {
                    warnings.push(passage.warn_in(
                        passage.line,
                        format!("metadata is not carried over: {}", other.join(", ")),
                    ));
                }
            }
        }
    }
    if let Some(first) = laid_out.first() {
        let mut names: Vec<String> = laid_out
            .iter()
            .take(3)
            .map(|p| format!("\"{}\"", p.name))
            .collect();
        if laid_out.len() > 3 {
            names.push(format!("and {} more", laid_out.len() - 3));
        }
        warnings.push(Warning {
            line: Some(first.line),
            message: format!(
                "positions and sizes on Twine's story map are not carried over ({} {}: {})",
                laid_out.len(),
                if laid_out.len() == 1 {
                    "passage"
                } else {
                    "passages"
                },
                names.join(", ")
            ),
        });
    }
}

// ---------------------------------------------------------------------------------------------
// StoryTitle and StoryData

#[derive(Debug, Default)]
struct StoryData {
    start: Option<(String, usize)>,
    format: Option<String>,
    format_version: Option<String>,
}

fn story_data(passage: &Passage, warnings: &mut Vec<Warning>) -> Result<StoryData, TweeError> {
    if passage.body.trim().is_empty() {
        return Err(error(
            passage.line,
            TweeErrorKind::StoryDataJson("the passage is empty".to_owned()),
        ));
    }
    let value: Value = serde_json::from_str(&passage.body).map_err(|e| {
        let line = passage.body_line() + e.line().saturating_sub(1);
        error(line, TweeErrorKind::StoryDataJson(json_message(&e)))
    })?;
    let Value::Object(map) = value else {
        return Err(error(
            passage.body_line(),
            TweeErrorKind::StoryDataNotObject,
        ));
    };
    // The line a key is written on, for warnings and errors about it.
    let line_of = |key: &str| {
        let quoted = format!("\"{key}\"");
        passage
            .body
            .lines()
            .position(|l| l.contains(&quoted))
            .map_or(passage.line, |i| passage.body_line() + i)
    };
    let mut data = StoryData::default();
    for (key, value) in &map {
        match (key.as_str(), value) {
            ("start", Value::String(name)) => data.start = Some((name.clone(), line_of(key))),
            ("start", _) => return Err(error(line_of(key), TweeErrorKind::StartNotString)),
            ("format", Value::String(name)) => data.format = Some(name.clone()),
            ("format-version", Value::String(version)) => {
                data.format_version = Some(version.clone());
            }
            // The IFID identifies the Twine story; a scenario has its own id.
            ("ifid", _) => {}
            _ => warnings.push(passage.warn_in(
                line_of(key),
                format!("the field \"{key}\" is not carried over"),
            )),
        }
    }
    Ok(data)
}

fn story_title(passage: &Passage, options: &Options, warnings: &mut Vec<Warning>) -> String {
    let title = passage
        .body
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    if title.is_empty() {
        let title = readable(&options.fallback_name);
        warnings.push(passage.warn(
            passage.line,
            format!("is empty, so the title is \"{title}\""),
        ));
        title
    } else {
        title
    }
}

/// A file stem as a title: `late-order` → `Late order`.
fn readable(stem: &str) -> String {
    let words = stem.replace(['-', '_'], " ");
    let words = words.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut chars = words.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => "Imported story".to_owned(),
    }
}

/// The first node: StoryData's `start`, else the passage named `Start` (the Twee default),
/// else the first passage.
fn start_node(
    data: &StoryData,
    first: &Passage,
    by_name: &HashMap<&str, &str>,
    elsewhere: &HashSet<&str>,
    warnings: &mut Vec<Warning>,
) -> String {
    let fallback = if by_name.contains_key("Start") {
        "Start"
    } else {
        first.name.as_str()
    };
    let fallback_id = by_name
        .get(fallback)
        .copied()
        .unwrap_or_default()
        .to_owned();
    match &data.start {
        Some((name, line)) => {
            if let Some(id) = by_name.get(name.as_str()) {
                return (*id).to_owned();
            }
            let why = if elsewhere.contains(name.as_str()) {
                "a passage that is not carried over"
            } else {
                "but no passage has that name"
            };
            warnings.push(Warning {
                line: Some(*line),
                message: format!(
                    "StoryData's \"start\" is \"{name}\", {why}; the scenario starts at \"{fallback}\" instead"
                ),
            });
        }
        None if fallback != "Start" => {
            warnings.push(Warning {
                line: Some(first.line),
                message: format!(
                    "no start passage is named (StoryData's \"start\", or a passage called Start), so the scenario starts at the first passage, \"{fallback}\""
                ),
            });
        }
        None => {}
    }
    fallback_id
}

// ---------------------------------------------------------------------------------------------
// Ids

/// An id from free text: lowercase ASCII letters and digits, accented Latin letters without
/// their accents, everything else a single dash, apostrophes dropped so "I'd" reads `id`; at
/// most `max` bytes, cut at a dash.
fn slug(text: &str, max: usize) -> String {
    let mut out = String::new();
    for c in text.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_lowercase() || c.is_ascii_digit() {
            out.push(c);
        } else if let Some(plain) = unaccented(c) {
            out.push_str(plain);
        } else if matches!(c, '\'' | '’') {
            continue;
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    let mut out = out.trim_end_matches('-').to_owned();
    if out.len() > max {
        let cut = out
            .get(..=max)
            .and_then(|head| head.rfind('-'))
            .filter(|&i| i > 0)
            .unwrap_or(max);
        out.truncate(cut);
        out = out.trim_end_matches('-').to_owned();
    }
    out
}

/// The plain letters for an accented Latin one, so `Crème brûlée` becomes `creme-brulee`
/// rather than `cr-me-br-l-e`. Other scripts have no such spelling and become dashes.
fn unaccented(c: char) -> Option<&'static str> {
    Some(match c {
        'à'..='å' | 'ā' | 'ă' | 'ą' => "a",
        'æ' => "ae",
        'ç' | 'ć' | 'č' => "c",
        'ð' | 'ď' | 'đ' => "d",
        'è'..='ë' | 'ē' | 'ė' | 'ę' | 'ě' => "e",
        'ğ' => "g",
        'ì'..='ï' | 'ī' | 'į' | 'ı' => "i",
        'ł' | 'ľ' => "l",
        'ñ' | 'ń' | 'ň' => "n",
        'ò'..='ö' | 'ø' | 'ō' | 'ő' => "o",
        'œ' => "oe",
        'ř' => "r",
        'ß' => "ss",
        'ś' | 'š' | 'ş' => "s",
        'ť' | 'ţ' => "t",
        'þ' => "th",
        'ù'..='ü' | 'ū' | 'ů' | 'ű' | 'ų' => "u",
        'ý' | 'ÿ' => "y",
        'ź' | 'ż' | 'ž' => "z",
        _ => return None,
    })
}

/// Makes `bases` unique in order: the first of each keeps its base, later ones get `-2`, `-3`…
/// skipping any id another entry has as its own base. An empty base becomes `{fallback}-N`.
fn unique_ids(bases: &[String], fallback: &str) -> Vec<String> {
    let bases: Vec<String> = bases
        .iter()
        .enumerate()
        .map(|(i, base)| {
            if base.is_empty() {
                format!("{fallback}-{}", i + 1)
            } else {
                base.clone()
            }
        })
        .collect();
    let reserved: HashSet<&str> = bases.iter().map(String::as_str).collect();
    let mut taken: HashSet<String> = HashSet::new();
    // The next suffix to try for each base, so a hundred "Refund" links do not each count up
    // from 2 again.
    let mut next_suffix: HashMap<&str, usize> = HashMap::new();
    let mut ids = Vec::with_capacity(bases.len());
    for base in &bases {
        let id = if taken.contains(base) {
            let n = next_suffix.entry(base).or_insert(2);
            loop {
                let candidate = format!("{base}-{n}");
                *n += 1;
                if !taken.contains(&candidate) && !reserved.contains(candidate.as_str()) {
                    break candidate;
                }
            }
        } else {
            base.clone()
        };
        taken.insert(id.clone());
        ids.push(id);
    }
    ids
}

fn node_ids(story: &[&Passage], warnings: &mut Vec<Warning>) -> Vec<String> {
    let bases: Vec<String> = story.iter().map(|p| slug(&p.name, MAX_ID_LEN)).collect();
    let ids = unique_ids(&bases, "passage");
    let mut first_with: HashMap<&str, &Passage> = HashMap::new();
    for ((passage, base), id) in story.iter().zip(&bases).zip(&ids) {
        match first_with.get(base.as_str()) {
            Some(other) if !base.is_empty() => warnings.push(passage.warn(
                passage.line,
                format!(
                    "would have the node id \"{base}\", like passage \"{}\" on line {}, so its id is \"{id}\"",
                    other.name, other.line
                ),
            )),
            _ => {
                first_with.insert(base, passage);
            }
        }
    }
    ids
}

// ---------------------------------------------------------------------------------------------
// Nodes

/// A node before choice ids are handed out, which needs every choice in the story.
struct Draft {
    says: String,
    /// Link text and target node id; empty for an ending.
    choices: Vec<(String, String)>,
}

fn draft_node(
    passage: &Passage,
    dialect: Dialect,
    by_name: &HashMap<&str, &str>,
    elsewhere: &HashSet<&str>,
    warnings: &mut Vec<Warning>,
) -> Draft {
    let cleaned = clean(&passage.body, passage.body_line(), dialect, true);
    warnings.extend(markup_warnings(passage, &cleaned.found));
    let mut choices = Vec::new();
    for link in &cleaned.links {
        let target = by_name
            .get_key_value(link.target.as_str())
            .or_else(|| by_name.get_key_value(link.target.trim()));
        let Some((name, id)) = target else {
            let why = if elsewhere.contains(link.target.trim()) {
                "a passage that is not carried over"
            } else {
                "but no passage has that name"
            };
            warnings.push(passage.warn_in(
                link.line,
                format!(
                    "the link {} leads to \"{}\", {why}; it did not become a choice",
                    link.raw,
                    link.target.trim()
                ),
            ));
            continue;
        };
        let text = if link.text.is_empty() {
            (*name).to_owned()
        } else {
            link.text.clone()
        };
        choices.push((text, (*id).to_owned()));
    }
    let mut says = cleaned.text;
    if says.is_empty() {
        warnings.push(passage.warn_in(
            passage.line,
            "no text is left for the client's line once links and code are taken out; it says \"TODO\" for now",
        ));
        says = TODO_SAYS.to_owned();
    }
    if choices.is_empty() {
        let message = if cleaned.links_written == 0 {
            "has no links, so it became an Ending with outcome Resolved; set its real outcome and closing"
        } else {
            "has no link that became a choice, so it became an Ending with outcome Resolved; fix its links and import again, or set its real outcome and closing"
        };
        warnings.push(passage.warn(passage.line, message));
    }
    Draft { says, choices }
}

fn build_nodes(story: &[&Passage], node_ids: &[String], drafts: Vec<Draft>) -> Vec<Node> {
    let bases: Vec<String> = drafts
        .iter()
        .flat_map(|d| d.choices.iter().map(|(text, _)| slug(text, MAX_ID_LEN)))
        .collect();
    let mut choice_ids = unique_ids(&bases, "choice").into_iter();
    let mut nodes = Vec::with_capacity(drafts.len());
    for ((_, id), draft) in story.iter().zip(node_ids).zip(drafts) {
        let id = id.clone();
        let says = vec![draft.says];
        if draft.choices.is_empty() {
            nodes.push(Node::Ending {
                id,
                says,
                outcome: Outcome::Resolved,
                rating: None,
                closing: TODO_CLOSING.to_owned(),
            });
            continue;
        }
        let choices = draft
            .choices
            .into_iter()
            .map(|(text, next)| Choice {
                id: choice_ids.next().unwrap_or_default(),
                text,
                phrasings: Vec::new(),
                next,
                verdicts: Vec::new(),
                effect: Effect::default(),
                consequence: TODO_CONSEQUENCE.to_owned(),
                coaching: TODO_COACHING.to_owned(),
            })
            .collect();
        nodes.push(Node::Decision { id, says, choices });
    }
    nodes
}

// ---------------------------------------------------------------------------------------------
// Passage text: links out, code out, prose kept

/// Which markup to read as code, from the story format StoryData names. `(word:` is a macro in
/// Harlowe and plain prose elsewhere; `_word` is a variable in Harlowe and SugarCube and
/// emphasis in the Markdown formats.
#[derive(Debug, Clone, Copy)]
struct Dialect {
    harlowe: bool,
    temp_variables: bool,
}

impl Dialect {
    fn of(format: Option<&str>) -> Dialect {
        let format = format.unwrap_or_default().to_ascii_lowercase();
        let markdown = format.contains("snowman") || format.contains("chapbook");
        let sugarcube = format.contains("sugarcube");
        Dialect {
            harlowe: !markdown && !sugarcube,
            temp_variables: !markdown,
        }
    }
}

/// Kinds of markup taken out of (or flagged in) a passage's text, one warning per kind and line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum Found {
    Macro,
    MacroLink,
    Variable,
    ShownVariable,
    Html,
    Script,
    Comment,
    Setter,
    WebLink,
    UnclosedLink,
    EmptyLink,
}

impl Found {
    fn message(self, items: &str) -> String {
        match self {
            Found::Macro => format!(
                "story-format macros are not carried over and were taken out of the text (text they controlled is kept as plain text): {items}"
            ),
            Found::MacroLink => format!(
                "links made by macros do not become choices: {items}; write them as [[Text->Target]] and import again"
            ),
            Found::Variable => format!("variables are not carried over: {items}"),
            Found::ShownVariable => format!(
                "the text shows variables, which a scenario cannot fill in; replace them with words: {items}"
            ),
            Found::Html => format!(
                "HTML tags were taken out of the text (the words inside them were kept): {items}"
            ),
            Found::Script => format!("script and style elements are not carried over: {items}"),
            Found::Comment => format!("comments were taken out of the text: {items}"),
            Found::Setter => format!("link setters are not carried over: {items}"),
            Found::WebLink => format!("links to web pages do not become choices: {items}"),
            Found::UnclosedLink => format!(
                "{items} is not closed with ]] on the same line, so it is kept as text, not a choice"
            ),
            Found::EmptyLink => format!("empty links are ignored: {items}"),
        }
    }
}

#[derive(Debug)]
struct Finding {
    line: usize,
    kind: Found,
    item: String,
}

#[derive(Debug)]
struct Link {
    /// The link as written, `[[…]]`, for warnings.
    raw: String,
    text: String,
    target: String,
    line: usize,
}

#[derive(Debug)]
struct Cleaned {
    text: String,
    links: Vec<Link>,
    /// Every `[[…]]` read, including those that can never be a choice (web, empty).
    links_written: usize,
    found: Vec<Finding>,
}

/// One warning per kind of markup and line, naming each distinct piece once.
fn markup_warnings(passage: &Passage, found: &[Finding]) -> Vec<Warning> {
    let mut groups: BTreeMap<(usize, Found), Vec<&str>> = BTreeMap::new();
    let mut seen: HashSet<(usize, Found, &str)> = HashSet::new();
    for finding in found {
        if seen.insert((finding.line, finding.kind, &finding.item)) {
            groups
                .entry((finding.line, finding.kind))
                .or_default()
                .push(&finding.item);
        }
    }
    groups
        .into_iter()
        .map(|((line, kind), items)| passage.warn_in(line, kind.message(&items.join(", "))))
        .collect()
}

/// Removes links and code from passage text; what is left, tidied, is the client's line.
fn clean(text: &str, first_line: usize, dialect: Dialect, links: bool) -> Cleaned {
    let mut scanner = Scanner {
        s: text,
        lower: text.to_ascii_lowercase(),
        i: 0,
        line: first_line,
        dialect,
        links,
        out: String::with_capacity(text.len()),
        cleaned: Cleaned {
            text: String::new(),
            links: Vec::new(),
            links_written: 0,
            found: Vec::new(),
        },
        hooks: Vec::new(),
        after_macro: false,
        harlowe_unclosed: false,
        finders: Finders::default(),
    };
    scanner.run();
    let mut cleaned = scanner.cleaned;
    cleaned.text = tidy(&scanner.out);
    cleaned
}

/// Marks a link's words in the cleaned text until [`tidy`] decides whether they stay.
const LINK_OPEN: char = '\u{2}';
const LINK_CLOSE: char = '\u{3}';

/// One line per line of text, spaces collapsed, blank lines and control characters gone. A
/// link inside a sentence keeps its words there ("You could ask the manager or leave"); a line
/// of nothing but links (and bullets or separators) is the list of choices, and goes.
fn tidy(text: &str) -> String {
    text.lines()
        .map(|line| {
            let mut bare = String::with_capacity(line.len());
            let mut in_link = false;
            for c in line.chars() {
                match c {
                    LINK_OPEN => in_link = true,
                    LINK_CLOSE => in_link = false,
                    _ if !in_link => bare.push(c),
                    _ => {}
                }
            }
            // What is left around a list of links is its punctuation ("*", "|"): not words.
            let line = if !line.contains(LINK_OPEN) {
                bare
            } else if bare.chars().any(char::is_alphanumeric) {
                line.replace([LINK_OPEN, LINK_CLOSE], "")
            } else {
                String::new()
            };
            line.split(|c: char| c.is_whitespace() || c.is_control())
                .filter(|w| !w.is_empty())
                .collect::<Vec<_>>()
                .join(" ")
        })
        .filter(|line| !line.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

/// Finds the next occurrence of a fixed marker and remembers the answer. The scanner only
/// moves forward, so a later search that starts before the remembered hit can reuse it;
/// without that, a passage full of unclosed `<<` would take time quadratic in its length.
#[derive(Debug, Default)]
struct Finder {
    from: usize,
    hit: Option<Option<usize>>,
}

impl Finder {
    fn next(&mut self, haystack: &str, needle: &str, from: usize) -> Option<usize> {
        if let Some(hit) = self.hit
            && from >= self.from
            && hit.is_none_or(|at| from <= at)
        {
            return hit;
        }
        let hit = haystack
            .get(from..)
            .and_then(|rest| rest.find(needle))
            .map(|at| at + from);
        self.from = from;
        self.hit = Some(hit);
        hit
    }
}

#[derive(Debug, Default)]
struct Finders {
    newline: Finder,
    link_end: Finder,
    macro_end: Finder,
    code_end: Finder,
    comment_end: Finder,
    block_comment_end: Finder,
    percent_comment_end: Finder,
    tag_end: Finder,
    script_end: Finder,
    style_end: Finder,
}

struct Scanner<'s> {
    s: &'s str,
    /// `s` in ASCII lowercase, for case-blind searches at the same byte offsets.
    lower: String,
    i: usize,
    line: usize,
    dialect: Dialect,
    /// Whether `[[…]]` is a link here; not inside a link's own text.
    links: bool,
    out: String,
    cleaned: Cleaned,
    /// Open `[`s: `true` for a Harlowe hook (its brackets go, its text stays), `false` for a
    /// bracket in prose.
    hooks: Vec<bool>,
    after_macro: bool,
    /// Set once a Harlowe macro is found unclosed: later ones are then left as text rather than
    /// matched again to the end of the passage each time.
    harlowe_unclosed: bool,
    finders: Finders,
}

/// Harlowe macros that make links, and SugarCube's, when written without `[[…]]` inside.
const HARLOWE_LINK_MACROS: &[&str] = &[
    "link-goto",
    "click-goto",
    "link-reveal-goto",
    "goto",
    "link-undo",
    "link",
    "click",
];
const SUGARCUBE_LINK_MACROS: &[&str] = &[
    "link", "button", "goto", "actions", "choice", "click", "back", "return",
];

impl<'s> Scanner<'s> {
    fn rest(&self) -> &'s str {
        self.s.get(self.i..).unwrap_or_default()
    }

    fn find(
        &mut self,
        which: fn(&mut Finders) -> &mut Finder,
        needle: &str,
        from: usize,
    ) -> Option<usize> {
        let haystack = self.s;
        which(&mut self.finders).next(haystack, needle, from)
    }

    fn find_lower(
        &mut self,
        which: fn(&mut Finders) -> &mut Finder,
        needle: &str,
        from: usize,
    ) -> Option<usize> {
        let Scanner { lower, finders, .. } = self;
        which(finders).next(lower, needle, from)
    }

    /// The end of the current line, or of the text.
    fn line_end(&mut self, from: usize) -> usize {
        self.find(|f| &mut f.newline, "\n", from)
            .unwrap_or(self.s.len())
    }

    fn note(&mut self, kind: Found, item: impl Into<String>) {
        self.cleaned.found.push(Finding {
            line: self.line,
            kind,
            item: item.into(),
        });
    }

    /// Moves past `s[i..end]`, counting the lines it spans.
    fn skip_to(&mut self, end: usize) {
        let skipped = self.s.get(self.i..end).unwrap_or_default();
        self.line += skipped.matches('\n').count();
        self.i = end;
    }

    fn run(&mut self) {
        while self.i < self.s.len() {
            let after_macro = std::mem::take(&mut self.after_macro);
            let rest = self.rest();
            let handled = if after_macro && rest.starts_with('[') {
                // A hook right after a macro belongs to it, even when a link follows at once.
                self.hooks.push(true);
                self.i += 1;
                true
            } else if rest.starts_with("[[") && self.links {
                self.link()
            } else if rest.starts_with("<<") {
                self.sugarcube_macro()
            } else if rest.starts_with("<%") {
                self.delimited(|f| &mut f.code_end, "%>", Found::Macro)
            } else if rest.starts_with("<!--") {
                self.delimited(|f| &mut f.comment_end, "-->", Found::Comment)
            } else if rest.starts_with("/*") {
                self.delimited(|f| &mut f.block_comment_end, "*/", Found::Comment)
            } else if rest.starts_with("/%") {
                self.delimited(|f| &mut f.percent_comment_end, "%/", Found::Comment)
            } else if rest.starts_with('<') {
                self.html_tag()
            } else if rest.starts_with('(') && self.dialect.harlowe {
                self.harlowe_macro()
            } else if rest.starts_with(']') && !self.hooks.is_empty() {
                if self.hooks.pop() == Some(false) {
                    self.out.push(']');
                }
                self.i += 1;
                true
            } else if rest.starts_with('[') {
                self.hooks.push(false);
                self.out.push('[');
                self.i += 1;
                true
            } else if rest.starts_with('$') || rest.starts_with('_') {
                self.shown_variable()
            } else {
                false
            };
            if !handled {
                self.plain();
            }
        }
    }

    fn plain(&mut self) {
        if let Some(c) = self.rest().chars().next() {
            if c == '\n' {
                self.line += 1;
            }
            if c != LINK_OPEN && c != LINK_CLOSE {
                self.out.push(c);
            }
            self.i += c.len_utf8();
        }
    }

    /// `[[…]]`, up to the first `]]` on the same line, in any of the three forms.
    fn link(&mut self) -> bool {
        let start = self.i + 2;
        let line_end = self.line_end(start);
        let end = match self.find(|f| &mut f.link_end, "]]", start) {
            Some(end) if end < line_end => end,
            _ => {
                let shown: String = self.rest().chars().take(30).collect();
                let shown = shown.lines().next().unwrap_or_default().to_owned();
                self.note(Found::UnclosedLink, shown);
                return false;
            }
        };
        let raw = self.s.get(self.i..end + 2).unwrap_or_default().to_owned();
        let inner = self.s.get(start..end).unwrap_or_default();
        self.add_link(&raw, inner, true);
        self.i = end + 2;
        true
    }

    /// Reads one link; `in_prose` when it stands in the text, where its words may stay.
    fn add_link(&mut self, raw: &str, inner: &str, in_prose: bool) {
        self.cleaned.links_written += 1;
        let (link, setter) = match inner.split_once("][") {
            Some((link, setter)) => (link, Some(setter)),
            None => (inner, None),
        };
        if let Some(setter) = setter {
            self.note(Found::Setter, format!("[{setter}]"));
        }
        let (text, target) = split_link(link);
        if target.trim().is_empty() {
            self.note(Found::EmptyLink, raw);
            return;
        }
        if is_web_address(target.trim()) {
            self.note(Found::WebLink, raw);
            return;
        }
        // The link's text is markup too: a choice shows neither code nor tags.
        let shown = clean(text, self.line, self.dialect, false);
        self.cleaned.found.extend(shown.found);
        let text = shown.text.replace('\n', " ");
        if in_prose {
            self.out.push(LINK_OPEN);
            self.out.push_str(&text);
            self.out.push(LINK_CLOSE);
        }
        self.cleaned.links.push(Link {
            raw: raw.to_owned(),
            text,
            target: target.to_owned(),
            line: self.line,
        });
    }

    /// Everything from the current position to the end of `close`, dropped as `kind`.
    fn delimited(
        &mut self,
        which: fn(&mut Finders) -> &mut Finder,
        close: &str,
        kind: Found,
    ) -> bool {
        let open_len = 2;
        let Some(end) = self.find(which, close, self.i + open_len) else {
            return false;
        };
        let end = end + close.len();
        let item = match kind {
            Found::Comment => {
                let rest = self.rest();
                if rest.starts_with("<!--") {
                    "<!-- -->"
                } else if rest.starts_with("/*") {
                    "/* */"
                } else {
                    "/% %/"
                }
            }
            _ => {
                if self.rest().starts_with("<%=") {
                    "<%= %>"
                } else {
                    "<% %>"
                }
            }
        };
        self.note(kind, item);
        self.skip_to(end);
        true
    }

    /// `<<name …>>`: SugarCube. `[[links]]` written inside still become choices, as Twine
    /// draws them.
    fn sugarcube_macro(&mut self) -> bool {
        let Some(end) = self.find(|f| &mut f.macro_end, ">>", self.i + 2) else {
            return false;
        };
        let inner = self.s.get(self.i + 2..end).unwrap_or_default();
        let closing = inner.starts_with('/');
        let name: String = inner
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '=' | '$'))
            .collect();
        let links_before = self.cleaned.links.len();
        self.links_inside(inner);
        let made_link = self.cleaned.links.len() > links_before;
        self.variables_inside(inner);
        if !closing {
            let kind = if SUGARCUBE_LINK_MACROS.contains(&name.as_str()) && !made_link {
                Found::MacroLink
            } else {
                Found::Macro
            };
            self.note(kind, format!("<<{name}>>"));
        }
        self.skip_to(end + 2);
        true
    }

    /// `(name: …)`: Harlowe. A `[hook]` right after it keeps its text, without the brackets.
    fn harlowe_macro(&mut self) -> bool {
        let rest = self.rest();
        let name: String = rest
            .chars()
            .skip(1)
            .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_'))
            .collect();
        let is_macro = name.starts_with(|c: char| c.is_ascii_alphabetic())
            && rest
                .get(1 + name.len()..)
                .is_some_and(|r| r.starts_with(':'));
        if !is_macro {
            return false;
        }
        let label = format!("({name}:)");
        let kind = if HARLOWE_LINK_MACROS.contains(&name.to_ascii_lowercase().as_str()) {
            Found::MacroLink
        } else {
            Found::Macro
        };
        self.note(kind, label);
        if self.harlowe_unclosed {
            return false;
        }
        let Some(end) = harlowe_macro_end(rest) else {
            self.harlowe_unclosed = true;
            return false;
        };
        let inner = rest.get(..end).unwrap_or_default().to_owned();
        self.variables_inside(&inner);
        self.skip_to(self.i + end);
        self.after_macro = true;
        true
    }

    /// `<tag …>` and `</tag>` go, the words between them stay; `<script>` and `<style>` go
    /// with their contents. Anything else starting with `<` is prose.
    fn html_tag(&mut self) -> bool {
        let rest = self.rest();
        let closing = rest.starts_with("</");
        let name: String = rest
            .chars()
            .skip(if closing { 2 } else { 1 })
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
            .collect();
        let after = rest.get((if closing { 2 } else { 1 }) + name.len()..);
        let looks_like_tag = name.starts_with(|c: char| c.is_ascii_alphabetic())
            && after.is_some_and(|a| {
                a.starts_with(|c: char| c.is_whitespace() || c == '>' || c == '/')
            });
        if !looks_like_tag {
            return false;
        }
        let line_end = self.line_end(self.i);
        let Some(end) = self
            .find(|f| &mut f.tag_end, ">", self.i)
            .filter(|&end| end < line_end)
        else {
            return false;
        };
        let name = name.to_ascii_lowercase();
        if !closing && (name == "script" || name == "style") {
            let close = if name == "script" {
                "</script"
            } else {
                "</style"
            };
            let which: fn(&mut Finders) -> &mut Finder = if name == "script" {
                |f| &mut f.script_end
            } else {
                |f| &mut f.style_end
            };
            let element_end = self
                .find_lower(which, close, end)
                .and_then(|at| {
                    let close_end = self.s.get(at..)?.find('>')?;
                    Some(at + close_end + 1)
                })
                .unwrap_or(self.s.len());
            self.note(Found::Script, format!("<{name}>"));
            self.skip_to(element_end);
            return true;
        }
        self.note(Found::Html, format!("<{name}>"));
        if matches!(name.as_str(), "br" | "p" | "div") {
            self.out.push('\n');
        }
        self.skip_to(end + 1);
        true
    }

    /// `$name` or `_name` in prose prints a variable: it stays in the text for the trainer
    /// to replace, and is named in a warning.
    fn shown_variable(&mut self) -> bool {
        let before = self.s.get(..self.i).and_then(|b| b.chars().next_back());
        match variable_at(self.rest(), before, self.dialect) {
            Some(name) => {
                self.note(Found::ShownVariable, name.clone());
                self.out.push_str(&name);
                self.i += name.len();
                true
            }
            None => false,
        }
    }

    fn variables_inside(&mut self, code: &str) {
        let mut previous = None;
        for (i, c) in code.char_indices() {
            if matches!(c, '$' | '_')
                && let Some(name) =
                    variable_at(code.get(i..).unwrap_or_default(), previous, self.dialect)
            {
                self.note(Found::Variable, name);
            }
            previous = Some(c);
        }
    }

    fn links_inside(&mut self, code: &str) {
        if !self.links {
            return;
        }
        let mut from = 0;
        while let Some(open) = code
            .get(from..)
            .and_then(|r| r.find("[["))
            .map(|at| at + from)
        {
            let Some(close) = code
                .get(open + 2..)
                .and_then(|r| r.find("]]"))
                .map(|at| at + open + 2)
            else {
                break;
            };
            let raw = code.get(open..close + 2).unwrap_or_default().to_owned();
            let inner = code.get(open + 2..close).unwrap_or_default().to_owned();
            self.add_link(&raw, &inner, false);
            from = close + 2;
        }
    }
}

/// Text and target of a link's inside, as Twine reads them: the rightmost `->`, else the
/// leftmost `<-`, else the rightmost `|`, else the whole is both.
fn split_link(link: &str) -> (&str, &str) {
    if let Some(at) = link.rfind("->") {
        (
            link.get(..at).unwrap_or_default(),
            link.get(at + 2..).unwrap_or_default(),
        )
    } else if let Some(at) = link.find("<-") {
        (
            link.get(at + 2..).unwrap_or_default(),
            link.get(..at).unwrap_or_default(),
        )
    } else if let Some(at) = link.rfind('|') {
        (
            link.get(..at).unwrap_or_default(),
            link.get(at + 1..).unwrap_or_default(),
        )
    } else {
        (link, link)
    }
}

/// `scheme://…`, which Twine treats as a web link rather than a passage.
fn is_web_address(target: &str) -> bool {
    target.split_once("://").is_some_and(|(scheme, rest)| {
        !scheme.is_empty()
            && scheme
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_')
            && !rest.is_empty()
    })
}

/// The variable name (`$met`, `_tries`) that `text` starts with, if it is one: not glued to a
/// word before it, and not Markdown's `_emphasis_`.
fn variable_at(text: &str, before: Option<char>, dialect: Dialect) -> Option<String> {
    if before.is_some_and(|c| c.is_alphanumeric() || matches!(c, '_' | '$')) {
        return None;
    }
    let sigil = text.chars().next()?;
    if sigil == '_' && !dialect.temp_variables {
        return None;
    }
    let rest = text.get(1..)?;
    if !rest.starts_with(|c: char| c.is_ascii_alphabetic() || (sigil == '$' && c == '_')) {
        return None;
    }
    let name: String = rest
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
        .collect();
    if sigil == '_' && name.ends_with('_') {
        return None;
    }
    Some(format!("{sigil}{name}"))
}

/// Byte length of the Harlowe macro call that opens `text`, matching parentheses outside
/// strings; `None` when it is never closed.
fn harlowe_macro_end(text: &str) -> Option<usize> {
    let mut depth = 0usize;
    let mut quote: Option<char> = None;
    let mut escaped = false;
    for (i, c) in text.char_indices() {
        if let Some(q) = quote {
            match c {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                _ if c == q => quote = None,
                _ => {}
            }
            continue;
        }
        match c {
            '"' | '\'' => quote = Some(c),
            '(' => depth += 1,
            ')' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return Some(i + 1);
                }
            }
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_lowercase_ascii_with_single_dashes() {
        assert_eq!(slug("  The Front Desk!! ", 40), "the-front-desk");
        assert_eq!(slug("I'd like the manager", 40), "id-like-the-manager");
        assert_eq!(slug("Café — später", 40), "cafe-spater");
        assert_eq!(slug("Grüß Gott, Åsa", 40), "gruss-gott-asa");
        assert_eq!(slug("Привет", 40), "");
        assert_eq!(
            slug("one two three four five six seven eight nine", 20),
            "one-two-three-four"
        );
    }

    #[test]
    fn unique_ids_keep_the_first_and_skip_ids_others_own() {
        let bases: Vec<String> = ["a", "a", "a-2", "", "a"].map(str::to_owned).to_vec();
        assert_eq!(
            unique_ids(&bases, "passage"),
            ["a", "a-3", "a-2", "passage-4", "a-4"]
        );
    }

    #[test]
    fn links_split_as_twine_reads_them() {
        assert_eq!(split_link("Target"), ("Target", "Target"));
        assert_eq!(split_link("a->b->c"), ("a->b", "c"));
        assert_eq!(split_link("c<-b<-a"), ("b<-a", "c"));
        assert_eq!(split_link("text|target"), ("text", "target"));
    }

    #[test]
    fn twee2_positions_come_off_the_name() {
        assert_eq!(
            strip_twee2_position("Hall <10,20>"),
            Some("Hall".to_owned())
        );
        assert_eq!(strip_twee2_position("a <b>"), None);
    }

    #[test]
    fn finder_reuses_its_answer_only_when_it_still_holds() {
        let mut finder = Finder::default();
        let text = "ab>cd>e";
        assert_eq!(finder.next(text, ">", 0), Some(2));
        assert_eq!(finder.next(text, ">", 1), Some(2));
        assert_eq!(finder.next(text, ">", 3), Some(5));
        assert_eq!(finder.next(text, ">", 6), None);
        assert_eq!(finder.next(text, ">", 7), None);
    }
}
