//! `report --format xapi --send URL`: the statements posted to a learning record store (LRS)
//! in batches, and an account of what it did with each.
//!
//! Sending is safe to repeat. Every statement carries the id [`super::xapi`] derives from the
//! result it describes, and the xAPI specification (1.0.3, Part Three, 2.1.2) forbids an LRS
//! to change anything on receiving an id it already holds: it answers `204 No Content` (or
//! leaves the id out of the `200 OK` list of ids it stored), or `409 Conflict` when the
//! statement it holds under that id differs. So a batch that timed out, or whose answer was
//! lost, is simply sent again, and a second send of the same report stores nothing new.
//!
//! What each answer means here:
//! - `2xx`: the batch is filed; ids in a `200` body were stored now, the batch's other ids
//!   were there already (a `204` says all were);
//! - no answer (connection refused or reset, timeout), `429` or a `5xx` other than 501/505:
//!   tried again after a wait that doubles each time up to a bound (or what `Retry-After`
//!   asks, within that bound), a bounded number of times; then the send stops;
//! - `400`, `409`, `413` or `422` for a batch: an LRS files a batch whole or not at all, so
//!   the batch is split in two and each half sent, down to single statements, and the ones
//!   it still refuses are reported with the LRS's reason; the rest get filed;
//! - any other status (`401`, `403`, `404`, a redirect…) is about the request, not the
//!   statements: the send stops at once and says why.
//!
//! Time is an input: the waits go through a sleeper the caller passes, and the HTTP client is
//! behind [`Transport`], so every rule above is tested without a clock or a network.

use std::time::Duration;

use serde_json::Value;

use crate::i18n::{Args, Lang, Messages};

/// The password of `--lrs-user`; never taken from the command line, where other users of
/// the machine could read it.
pub const PASSWORD_ENV: &str = "COMPOSURE_LRS_PASSWORD";
/// A token sent as `Authorization: Bearer …` when no user is given.
pub const TOKEN_ENV: &str = "COMPOSURE_LRS_TOKEN";
/// Statements per request unless `--batch` says otherwise: large enough that a team's year
/// takes a few requests, small enough for the request size limits LRSs commonly set.
pub const DEFAULT_BATCH: usize = 250;
/// Tries after the first, for one request, unless `--retries` says otherwise.
pub const DEFAULT_RETRIES: u32 = 4;
/// When this many statements were refused one by one and none was filed, the LRS refuses
/// everything (a wrong version, a policy) and sending the rest one by one would only repeat
/// that: the send stops.
const REFUSED_BEFORE_GIVING_UP: usize = 10;
/// How much of a refusal's text is kept as its reason.
const REASON_CHARS: usize = 300;

/// The statements resource of an LRS: the xAPI endpoint the user gives, with or without a
/// trailing slash, followed by `statements`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Endpoint {
    statements: String,
}

impl Endpoint {
    /// `http(s)://HOST[:PORT]/PATH`, the xAPI endpoint (such as `https://lrs.example.org/xAPI/`)
    /// or its `statements` resource itself. A user name or password in the address is
    /// refused: credentials on a command line can be read by anyone on the machine.
    pub fn parse(text: &str) -> Result<Endpoint, String> {
        let bad = |why: &str| {
            format!(
                "\"{text}\" cannot be a learning record store's address: {why}; write its xAPI \
                 endpoint, such as https://lrs.example.org/xAPI/"
            )
        };
        let trimmed = text.trim();
        let authority = super::xapi::http_authority(trimmed).map_err(bad)?;
        if authority.contains('@') {
            return Err(bad(
                "it holds a user name or password, which others on this machine could read; \
                 give the user with --lrs-user and the password in COMPOSURE_LRS_PASSWORD",
            ));
        }
        if trimmed.contains(['?', '#']) {
            return Err(bad("it has a query or a fragment"));
        }
        if trimmed.chars().any(|c| c.is_whitespace() || c.is_control()) {
            return Err(bad("it holds a space or a control character"));
        }
        let base = trimmed.trim_end_matches('/');
        let statements = if base.ends_with("/statements") {
            base.to_owned()
        } else {
            format!("{base}/statements")
        };
        Ok(Endpoint { statements })
    }

    /// Where statements are posted.
    pub fn statements_url(&self) -> &str {
        &self.statements
    }

    /// Whether a password sent there crosses a network in clear: plain `http://` to a host
    /// other than this machine.
    pub fn in_clear(&self) -> bool {
        let Some(rest) = self.statements.strip_prefix("http://") else {
            return false;
        };
        let authority = rest.split('/').next().unwrap_or_default();
        let host = match authority.strip_prefix('[') {
            Some(v6) => v6.split(']').next().unwrap_or_default(),
            None => authority.split(':').next().unwrap_or_default(),
        };
        !(host == "localhost" || host == "::1" || host.starts_with("127."))
    }
}

/// How the LRS is told who is sending.
#[derive(Clone, PartialEq, Eq)]
pub enum Auth {
    None,
    Basic { user: String, password: String },
    Bearer(String),
}

impl std::fmt::Debug for Auth {
    /// Never the secret: a debug print may end up in a log.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Auth::None => f.write_str("None"),
            Auth::Basic { user, .. } => write!(f, "Basic({user}, password hidden)"),
            Auth::Bearer(_) => f.write_str("Bearer(token hidden)"),
        }
    }
}

impl Auth {
    /// The value of the `Authorization` header, if any.
    pub fn header(&self) -> Option<String> {
        use base64::Engine as _;
        match self {
            Auth::None => None,
            Auth::Basic { user, password } => Some(format!(
                "Basic {}",
                base64::engine::general_purpose::STANDARD.encode(format!("{user}:{password}"))
            )),
            Auth::Bearer(token) => Some(format!("Bearer {token}")),
        }
    }
}

/// How often and how long to wait before trying a request again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Policy {
    /// Tries after the first.
    pub retries: u32,
    /// The wait before the first retry; each later one doubles it.
    pub first_wait: Duration,
    /// No wait is longer, whatever `Retry-After` asks.
    pub longest_wait: Duration,
}

impl Default for Policy {
    fn default() -> Policy {
        Policy {
            retries: DEFAULT_RETRIES,
            first_wait: Duration::from_secs(1),
            longest_wait: Duration::from_secs(30),
        }
    }
}

impl Policy {
    /// The wait before retry number `retry` (from 1), given what the LRS asked for in
    /// `Retry-After`; `None` when the tries are used up.
    pub fn wait(&self, retry: u32, asked: Option<Duration>) -> Option<Duration> {
        if retry == 0 || retry > self.retries {
            return None;
        }
        let doubled = self
            .first_wait
            .saturating_mul(2u32.saturating_pow(retry - 1));
        Some(
            doubled
                .max(asked.unwrap_or_default())
                .min(self.longest_wait),
        )
    }
}

/// What one POST came back with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    /// An HTTP answer: its status, its body (perhaps cut short) and `Retry-After` in seconds.
    Status {
        code: u16,
        body: String,
        retry_after: Option<Duration>,
    },
    /// No HTTP answer. `transient`: the kind of failure that may pass (a refused or reset
    /// connection, a timeout, a name that did not resolve), worth trying again.
    NoAnswer { reason: String, transient: bool },
}

/// Posts a body of statements to the LRS.
pub trait Transport {
    fn post(&mut self, body: &[u8]) -> Answer;
}

/// What to do about an answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Verdict {
    Filed,
    TryAgain,
    /// The statements were refused: split the batch to find which.
    Refused,
    /// The request itself was refused: stop.
    Stop,
}

fn verdict(answer: &Answer) -> Verdict {
    match answer {
        Answer::NoAnswer { transient, .. } => {
            if *transient {
                Verdict::TryAgain
            } else {
                Verdict::Stop
            }
        }
        Answer::Status { code, .. } => match code {
            200..=299 => Verdict::Filed,
            429 => Verdict::TryAgain,
            // Not Implemented and HTTP Version Not Supported will not change on a retry.
            501 | 505 => Verdict::Stop,
            500..=599 => Verdict::TryAgain,
            400 | 409 | 413 | 422 => Verdict::Refused,
            _ => Verdict::Stop,
        },
    }
}

/// A statement the LRS would not file, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    pub id: String,
    pub status: u16,
    pub reason: String,
}

/// Why a send ended before every statement was offered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Stopped {
    /// No answer after every try (or a failure no retry mends, such as a bad certificate).
    Unreachable { tries: u32, reason: String },
    /// Busy (429) or failing (5xx) at every try; the last status and reason.
    Failing {
        tries: u32,
        status: u16,
        reason: String,
    },
    /// An answer that no retry or split would change (wrong credentials, wrong address).
    Request { status: u16, reason: String },
    /// The first statements were all refused one by one.
    RefusingEverything,
}

/// What became of the statements of one send.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Outcome {
    /// Statements in the report.
    pub total: usize,
    /// Requests made, retries included.
    pub requests: usize,
    /// Filed now.
    pub stored: usize,
    /// The LRS had them already, under the same id and the same content.
    pub already: usize,
    pub refused: Vec<Refusal>,
    pub stopped: Option<Stopped>,
}

impl Outcome {
    /// Statements never offered, or offered without an answer, because the send stopped.
    pub fn not_sent(&self) -> usize {
        self.total
            .saturating_sub(self.stored + self.already + self.refused.len())
    }

    /// Whether everything is filed, now or before.
    pub fn is_complete(&self) -> bool {
        self.stopped.is_none() && self.refused.is_empty()
    }
}

/// Sends statements through a transport, waiting through `sleep` between tries.
pub struct Sender<'a> {
    pub transport: &'a mut dyn Transport,
    pub sleep: &'a mut dyn FnMut(Duration),
    pub policy: Policy,
}

/// The answer to a request once retries are done.
enum Posted {
    Filed { code: u16, body: String },
    Refused { code: u16, reason: String },
}

impl Sender<'_> {
    /// Sends `statements`, `batch` to a request, and says what became of them. Stops at the
    /// first failure no retry fixes; statements after it are counted as not sent.
    pub fn send(&mut self, statements: &[Value], batch: usize) -> Outcome {
        let mut outcome = Outcome {
            total: statements.len(),
            ..Outcome::default()
        };
        for chunk in statements.chunks(batch.max(1)) {
            if let Err(stopped) = self.send_batch(chunk, &mut outcome) {
                outcome.stopped = Some(stopped);
                break;
            }
        }
        outcome
    }

    fn send_batch(&mut self, batch: &[Value], outcome: &mut Outcome) -> Result<(), Stopped> {
        // Serialising a `Value` cannot fail: its keys are strings.
        let body = serde_json::to_vec(batch).unwrap_or_default();
        match self.post(&body, outcome)? {
            Posted::Filed { code, body } => {
                let now = stored_now(code, &body, batch);
                outcome.stored += now;
                outcome.already += batch.len() - now;
                Ok(())
            }
            Posted::Refused { .. } if batch.len() > 1 => {
                let (first, second) = batch.split_at(batch.len() / 2);
                self.send_batch(first, outcome)?;
                self.send_batch(second, outcome)
            }
            Posted::Refused { code, reason } => {
                outcome.refused.push(Refusal {
                    id: id_of(batch.first()),
                    status: code,
                    reason,
                });
                if outcome.stored + outcome.already == 0
                    && outcome.refused.len() >= REFUSED_BEFORE_GIVING_UP
                {
                    return Err(Stopped::RefusingEverything);
                }
                Ok(())
            }
        }
    }

    /// One request, tried again as the policy allows.
    fn post(&mut self, body: &[u8], outcome: &mut Outcome) -> Result<Posted, Stopped> {
        let mut retry = 0;
        loop {
            let answer = self.transport.post(body);
            outcome.requests += 1;
            match (verdict(&answer), answer) {
                (Verdict::Filed, Answer::Status { code, body, .. }) => {
                    return Ok(Posted::Filed { code, body });
                }
                (Verdict::Refused, Answer::Status { code, body, .. }) => {
                    return Ok(Posted::Refused {
                        code,
                        reason: reason(code, &body),
                    });
                }
                (Verdict::TryAgain, answer) => {
                    retry += 1;
                    let asked = match &answer {
                        Answer::Status { retry_after, .. } => *retry_after,
                        Answer::NoAnswer { .. } => None,
                    };
                    match self.policy.wait(retry, asked) {
                        Some(wait) => (self.sleep)(wait),
                        None => {
                            return Err(match answer {
                                Answer::Status { code, body, .. } => Stopped::Failing {
                                    tries: retry,
                                    status: code,
                                    reason: reason(code, &body),
                                },
                                Answer::NoAnswer { reason, .. } => Stopped::Unreachable {
                                    tries: retry,
                                    reason,
                                },
                            });
                        }
                    }
                }
                (_, Answer::Status { code, body, .. }) => {
                    return Err(Stopped::Request {
                        status: code,
                        reason: reason(code, &body),
                    });
                }
                (_, Answer::NoAnswer { reason, .. }) => {
                    return Err(Stopped::Unreachable { tries: 1, reason });
                }
            }
        }
    }
}

/// How many of a filed batch were stored now: the ids a `200` lists (the specification's
/// answer is the ids of the statements stored); a `204` stores nothing new; an answer that
/// is not a list of ids is taken as storing all.
fn stored_now(code: u16, body: &str, batch: &[Value]) -> usize {
    if code == 204 {
        return 0;
    }
    match serde_json::from_str::<Vec<String>>(body) {
        Ok(ids) if code == 200 => batch
            .iter()
            .filter(|s| ids.iter().any(|id| Some(id.as_str()) == s["id"].as_str()))
            .count(),
        _ => batch.len(),
    }
}

fn id_of(statement: Option<&Value>) -> String {
    statement
        .and_then(|s| s["id"].as_str())
        .unwrap_or("?")
        .to_owned()
}

/// The reason an LRS gives: the message of a JSON error body (`detail`, `message`, `error`:
/// the names LRSs use), else the body's text, else the status's own name; cut to a line.
pub fn reason(code: u16, body: &str) -> String {
    let from_json = serde_json::from_str::<Value>(body).ok().and_then(|v| {
        ["detail", "message", "error", "errorMessage"]
            .iter()
            .find_map(|key| match v.get(key) {
                Some(Value::String(text)) => Some(text.clone()),
                Some(Value::Null) | None => None,
                Some(other) => Some(other.to_string()),
            })
    });
    let text = from_json.unwrap_or_else(|| body.trim().to_owned());
    let text: String = text
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
        .take(REASON_CHARS)
        .collect();
    if text.is_empty() {
        status_name(code).to_owned()
    } else {
        text
    }
}

fn status_name(code: u16) -> &'static str {
    ureq::http::StatusCode::from_u16(code)
        .ok()
        .and_then(|s| s.canonical_reason())
        .unwrap_or("no reason given")
}

/// The HTTP client: ureq, blocking, TLS by rustls with the webpki roots.
pub struct Http {
    agent: ureq::Agent,
    url: String,
    authorization: Option<String>,
}

impl Http {
    pub fn new(endpoint: &Endpoint, auth: &Auth) -> Http {
        let agent = ureq::Agent::config_builder()
            // Statuses are answers to read, not errors.
            .http_status_as_error(false)
            // A redirected POST would lose its body or its credentials: say so instead.
            .max_redirects(0)
            .timeout_connect(Some(Duration::from_secs(10)))
            .timeout_global(Some(Duration::from_secs(60)))
            .user_agent(concat!("composure/", env!("CARGO_PKG_VERSION")))
            .build()
            .new_agent();
        Http {
            agent,
            url: endpoint.statements_url().to_owned(),
            authorization: auth.header(),
        }
    }
}

impl Transport for Http {
    fn post(&mut self, body: &[u8]) -> Answer {
        let mut request = self
            .agent
            .post(&self.url)
            .header("X-Experience-API-Version", "1.0.3")
            .header("Content-Type", "application/json");
        if let Some(value) = &self.authorization {
            request = request.header("Authorization", value);
        }
        match request.send(body) {
            Ok(mut response) => {
                let code = response.status().as_u16();
                let retry_after = response
                    .headers()
                    .get("retry-after")
                    .and_then(|v| v.to_str().ok())
                    .and_then(|v| v.trim().parse::<u64>().ok())
                    .map(Duration::from_secs);
                let location = response
                    .headers()
                    .get("location")
                    .and_then(|v| v.to_str().ok())
                    .map(str::to_owned);
                let mut body = response
                    .body_mut()
                    .with_config()
                    .limit(1 << 20)
                    .read_to_string()
                    .unwrap_or_default();
                if let (300..=399, Some(to)) = (code, location) {
                    body = format!("redirected to {to}");
                }
                Answer::Status {
                    code,
                    body,
                    retry_after,
                }
            }
            Err(error) => Answer::NoAnswer {
                transient: matches!(
                    error,
                    ureq::Error::Io(_)
                        | ureq::Error::Timeout(_)
                        | ureq::Error::ConnectionFailed
                        | ureq::Error::HostNotFound
                ),
                reason: error.to_string(),
            },
        }
    }
}

/// How many requests `n` statements take, `batch` to a request.
pub fn batches(n: usize, batch: usize) -> usize {
    n.div_ceil(batch.max(1))
}

/// What a send did, as lines for the user: where to, the counts, each refusal, and why it
/// stopped.
pub fn summary(outcome: &Outcome, endpoint: &Endpoint, lang: Lang) -> String {
    let m = Messages::get(lang);
    let url = endpoint.statements_url();
    let mut lines = vec![
        m.msg(
            "lrs-sent",
            &Args::new()
                .count("n", outcome.total)
                .count("requests", outcome.requests)
                .text("url", url),
        ),
    ];
    let count = |id: &str, n: usize| format!("  {}", m.msg(id, &Args::new().count("n", n)));
    lines.push(count("lrs-stored", outcome.stored));
    lines.push(count("lrs-already", outcome.already));
    lines.push(count("lrs-refused", outcome.refused.len()));
    for refusal in &outcome.refused {
        // Nothing to translate: the id, the status and the store's own words.
        lines.push(format!(
            "    {}: HTTP {}, {}",
            refusal.id, refusal.status, refusal.reason
        ));
    }
    if outcome.refused.iter().any(|r| r.status == 409) {
        lines.push(format!("  {}", m.msg("lrs-conflict-hint", &Args::new())));
    }
    if outcome.not_sent() > 0 {
        lines.push(count("lrs-not-sent", outcome.not_sent()));
    }
    lines.join("\n")
}

/// Why a send stopped, as one sentence for the user.
pub fn stopped_message(stopped: &Stopped, endpoint: &Endpoint, lang: Lang) -> String {
    let m = Messages::get(lang);
    let url = endpoint.statements_url();
    match stopped {
        Stopped::Unreachable { tries, reason } => m.msg(
            "lrs-unreachable",
            &Args::new()
                .text("url", url)
                .count("tries", *tries as usize)
                .text("reason", reason.as_str()),
        ),
        Stopped::Failing {
            tries,
            status,
            reason,
        } => m.msg(
            "lrs-failing",
            &Args::new()
                .text("url", url)
                .count("tries", *tries as usize)
                .text("status", status.to_string())
                .text("reason", reason.as_str()),
        ),
        Stopped::Request {
            status: 401,
            reason,
        }
        | Stopped::Request {
            status: 403,
            reason,
        } => m.msg(
            "lrs-credentials",
            &Args::new().text("url", url).text("reason", reason.as_str()),
        ),
        Stopped::Request { status, reason } => m.msg(
            "lrs-request-refused",
            &Args::new()
                .text("url", url)
                .text("status", status.to_string())
                .text("reason", reason.as_str()),
        ),
        Stopped::RefusingEverything => m.msg(
            "lrs-refusing-everything",
            &Args::new().count("n", REFUSED_BEFORE_GIVING_UP),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn the_endpoint_gets_statements_appended_with_or_without_a_slash() {
        for text in [
            "http://127.0.0.1:8100/xAPI",
            "http://127.0.0.1:8100/xAPI/",
            " http://127.0.0.1:8100/xAPI/statements/ ",
        ] {
            assert_eq!(
                Endpoint::parse(text).unwrap().statements_url(),
                "http://127.0.0.1:8100/xAPI/statements",
                "{text}"
            );
        }
        assert_eq!(
            Endpoint::parse("https://lrs.example.org")
                .unwrap()
                .statements_url(),
            "https://lrs.example.org/statements"
        );
        for (bad, says) in [
            ("lrs.example.org/xAPI", "https://"),
            ("https:///xAPI", "no host"),
            ("https://lead:secret@lrs.example.org/xAPI", "--lrs-user"),
            ("https://lrs.example.org/xAPI?x=1", "query"),
            ("ftp://lrs.example.org", "https://"),
        ] {
            let error = Endpoint::parse(bad).unwrap_err();
            assert!(error.contains(says), "{bad}: {error}");
        }
    }

    #[test]
    fn only_plain_http_to_another_machine_is_in_clear() {
        let clear = |url: &str| Endpoint::parse(url).unwrap().in_clear();
        assert!(clear("http://lrs.example.org/xAPI"));
        assert!(clear("http://10.1.2.3:8080/xAPI"));
        assert!(!clear("https://lrs.example.org/xAPI"));
        assert!(!clear("http://127.0.0.1:8100/xAPI"));
        assert!(!clear("http://localhost:8100/xAPI"));
        assert!(!clear("http://[::1]:8100/xAPI"));
    }

    #[test]
    fn auth_headers_and_debug_never_show_the_secret() {
        let basic = Auth::Basic {
            user: "lead".into(),
            password: "secret".into(),
        };
        assert_eq!(basic.header().unwrap(), "Basic bGVhZDpzZWNyZXQ=");
        assert_eq!(Auth::Bearer("t0k".into()).header().unwrap(), "Bearer t0k");
        assert_eq!(Auth::None.header(), None);
        let shown = format!("{basic:?} {:?}", Auth::Bearer("t0k".into()));
        assert!(
            !shown.contains("secret") && !shown.contains("t0k"),
            "{shown}"
        );
    }

    #[test]
    fn waits_double_from_the_first_up_to_the_bound_and_end_with_the_tries() {
        let policy = Policy {
            retries: 6,
            first_wait: Duration::from_secs(1),
            longest_wait: Duration::from_secs(10),
        };
        let waits: Vec<Option<u64>> = (1..=7)
            .map(|n| policy.wait(n, None).map(|d| d.as_secs()))
            .collect();
        assert_eq!(
            waits,
            [Some(1), Some(2), Some(4), Some(8), Some(10), Some(10), None]
        );
        // Retry-After is followed when longer, within the bound.
        assert_eq!(
            policy.wait(1, Some(Duration::from_secs(5))),
            Some(Duration::from_secs(5))
        );
        assert_eq!(
            policy.wait(3, Some(Duration::from_secs(2))),
            Some(Duration::from_secs(4))
        );
        assert_eq!(
            policy.wait(1, Some(Duration::from_secs(3600))),
            Some(Duration::from_secs(10))
        );
        let never = Policy {
            retries: 0,
            ..policy
        };
        assert_eq!(never.wait(1, None), None);
    }

    #[test]
    fn the_reason_is_the_error_message_of_the_body_else_its_text_else_the_status() {
        assert_eq!(
            reason(409, r#"{"detail": "Differing statements with id 1"}"#),
            "Differing statements with id 1"
        );
        assert_eq!(
            reason(400, r#"{"detail": [{"loc": ["body"], "msg": "bad"}]}"#),
            r#"[{"loc":["body"],"msg":"bad"}]"#
        );
        assert_eq!(reason(400, "  bad\n  statement "), "bad statement");
        assert_eq!(reason(413, ""), "Payload Too Large");
        assert_eq!(reason(400, &"x".repeat(1000)).chars().count(), REASON_CHARS);
    }

    /// An LRS in memory: files statements by id, refuses the ids in `refuse` (a batch that
    /// holds one is refused whole, as a real LRS does), answers each request with the next
    /// scripted failure first if any, and keeps the bodies it was sent.
    #[derive(Default)]
    struct Fake {
        stored: Vec<String>,
        refuse: Vec<String>,
        failures: Vec<Answer>,
        requests: Vec<usize>,
    }

    impl Transport for Fake {
        fn post(&mut self, body: &[u8]) -> Answer {
            let batch: Vec<Value> = serde_json::from_slice(body).unwrap();
            self.requests.push(batch.len());
            if !self.failures.is_empty() {
                return self.failures.remove(0);
            }
            let ids: Vec<String> = batch
                .iter()
                .map(|s| s["id"].as_str().unwrap().to_owned())
                .collect();
            if let Some(bad) = ids.iter().find(|id| self.refuse.contains(id)) {
                return Answer::Status {
                    code: 409,
                    body: json!({ "detail": format!("conflict on {bad}") }).to_string(),
                    retry_after: None,
                };
            }
            let new: Vec<String> = ids
                .into_iter()
                .filter(|id| !self.stored.contains(id))
                .collect();
            self.stored.extend(new.iter().cloned());
            if new.is_empty() {
                Answer::Status {
                    code: 204,
                    body: String::new(),
                    retry_after: None,
                }
            } else {
                Answer::Status {
                    code: 200,
                    body: json!(new).to_string(),
                    retry_after: None,
                }
            }
        }
    }

    fn statements(n: usize) -> Vec<Value> {
        (0..n)
            .map(|i| json!({ "id": format!("s{i:02}") }))
            .collect()
    }

    fn status(code: u16, retry_after: Option<u64>) -> Answer {
        Answer::Status {
            code,
            body: String::new(),
            retry_after: retry_after.map(Duration::from_secs),
        }
    }

    fn refused_connection() -> Answer {
        Answer::NoAnswer {
            reason: "Connection refused".into(),
            transient: true,
        }
    }

    /// Sends with the default policy, recording the waits instead of sleeping.
    fn send(fake: &mut Fake, statements: &[Value], batch: usize) -> (Outcome, Vec<Duration>) {
        let mut waits = Vec::new();
        let outcome = Sender {
            transport: fake,
            sleep: &mut |d| waits.push(d),
            policy: Policy::default(),
        }
        .send(statements, batch);
        (outcome, waits)
    }

    #[test]
    fn statements_go_in_batches_and_a_second_send_stores_nothing_new() {
        let mut lrs = Fake::default();
        let all = statements(25);
        let (first, waits) = send(&mut lrs, &all, 10);
        assert_eq!(lrs.requests, [10, 10, 5]);
        assert_eq!((first.stored, first.already, first.requests), (25, 0, 3));
        assert!(first.is_complete() && waits.is_empty());
        let (again, _) = send(&mut lrs, &all, 10);
        assert_eq!((again.stored, again.already), (0, 25));
        assert_eq!(lrs.stored.len(), 25);
        // Half new, half known: the 200's list of ids tells them apart.
        let (mixed, _) = send(&mut lrs, &statements(30), 10);
        assert_eq!((mixed.stored, mixed.already), (5, 25));
    }

    #[test]
    fn a_busy_or_failing_lrs_is_tried_again_after_growing_waits() {
        let mut lrs = Fake {
            failures: vec![
                status(503, None),
                refused_connection(),
                status(429, Some(7)),
                status(500, None),
            ],
            ..Fake::default()
        };
        let (outcome, waits) = send(&mut lrs, &statements(3), 10);
        assert!(outcome.is_complete());
        assert_eq!((outcome.stored, outcome.requests), (3, 5));
        let secs: Vec<u64> = waits.iter().map(Duration::as_secs).collect();
        assert_eq!(secs, [1, 2, 7, 8], "doubling, and Retry-After when longer");
    }

    #[test]
    fn when_the_tries_run_out_the_send_stops_and_counts_the_rest_not_sent() {
        let mut lrs = Fake {
            failures: vec![refused_connection(); 5],
            ..Fake::default()
        };
        let (outcome, waits) = send(&mut lrs, &statements(25), 10);
        assert_eq!(waits.len(), 4);
        assert_eq!(lrs.requests.len(), 5, "one request, tried 5 times");
        assert_eq!(
            outcome.stopped,
            Some(Stopped::Unreachable {
                tries: 5,
                reason: "Connection refused".into()
            })
        );
        assert_eq!(outcome.not_sent(), 25);
    }

    #[test]
    fn a_store_failing_at_every_try_is_reported_with_its_last_status() {
        let mut lrs = Fake {
            failures: vec![status(503, None), status(429, None), status(500, None)],
            ..Fake::default()
        };
        let mut waits = Vec::new();
        let outcome = Sender {
            transport: &mut lrs,
            sleep: &mut |d| waits.push(d),
            policy: Policy {
                retries: 2,
                ..Policy::default()
            },
        }
        .send(&statements(3), 10);
        assert_eq!(waits.len(), 2);
        assert_eq!(
            outcome.stopped,
            Some(Stopped::Failing {
                tries: 3,
                status: 500,
                reason: "Internal Server Error".into()
            })
        );
    }

    #[test]
    fn a_client_error_is_never_tried_again() {
        for code in [401, 403, 404, 405, 501] {
            let mut lrs = Fake {
                failures: vec![status(code, None)],
                ..Fake::default()
            };
            let (outcome, waits) = send(&mut lrs, &statements(25), 10);
            assert!(waits.is_empty(), "{code}");
            assert_eq!(lrs.requests.len(), 1, "{code}");
            assert!(
                matches!(outcome.stopped, Some(Stopped::Request { status, .. }) if status == code)
            );
            assert_eq!(outcome.not_sent(), 25);
        }
        let mut lrs = Fake {
            failures: vec![Answer::NoAnswer {
                reason: "certificate expired".into(),
                transient: false,
            }],
            ..Fake::default()
        };
        let (outcome, waits) = send(&mut lrs, &statements(2), 10);
        assert!(waits.is_empty());
        assert!(matches!(
            outcome.stopped,
            Some(Stopped::Unreachable { tries: 1, .. })
        ));
    }

    #[test]
    fn a_refused_batch_is_split_until_only_the_refused_statements_are_left() {
        let mut lrs = Fake {
            refuse: vec!["s03".into(), "s12".into()],
            ..Fake::default()
        };
        let all = statements(20);
        let (outcome, waits) = send(&mut lrs, &all, 10);
        assert!(waits.is_empty());
        assert_eq!(outcome.stored, 18);
        let refused: Vec<&str> = outcome.refused.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(refused, ["s03", "s12"]);
        assert_eq!(outcome.refused[0].status, 409);
        assert_eq!(outcome.refused[0].reason, "conflict on s03");
        assert!(outcome.stopped.is_none() && !outcome.is_complete());
        assert!(
            outcome.requests < 20,
            "halving finds 2 of 20 in fewer requests than one by one: {}",
            outcome.requests
        );
        // Everything but the refused is filed, once.
        let mut expected: Vec<String> = (0..20)
            .map(|i| format!("s{i:02}"))
            .filter(|id| id != "s03" && id != "s12")
            .collect();
        let mut stored = lrs.stored.clone();
        stored.sort();
        expected.sort();
        assert_eq!(stored, expected);
    }

    #[test]
    fn an_lrs_that_refuses_everything_is_not_asked_one_by_one_for_ever() {
        let all = statements(100);
        let mut lrs = Fake {
            refuse: all
                .iter()
                .map(|s| s["id"].as_str().unwrap().to_owned())
                .collect(),
            ..Fake::default()
        };
        let (outcome, _) = send(&mut lrs, &all, 50);
        assert_eq!(outcome.stopped, Some(Stopped::RefusingEverything));
        assert_eq!(outcome.refused.len(), REFUSED_BEFORE_GIVING_UP);
        assert_eq!(outcome.not_sent(), 90);
        assert!(outcome.requests < 40, "{}", outcome.requests);
    }

    #[test]
    fn the_summary_counts_in_the_readers_language() {
        let endpoint = Endpoint::parse("http://127.0.0.1:8100/xAPI/").unwrap();
        let outcome = Outcome {
            total: 5,
            requests: 3,
            stored: 2,
            already: 1,
            refused: vec![Refusal {
                id: "s01".into(),
                status: 409,
                reason: "differs".into(),
            }],
            stopped: None,
        };
        let text = summary(&outcome, &endpoint, Lang::En);
        assert!(
            text.contains("http://127.0.0.1:8100/xAPI/statements"),
            "{text}"
        );
        assert!(text.contains("2 statements stored"), "{text}");
        assert!(text.contains("1 statement was already stored"), "{text}");
        assert!(text.contains("s01") && text.contains("409") && text.contains("differs"));
        assert!(text.contains("1 not sent"), "{text}");
        let ru = summary(&outcome, &endpoint, Lang::Ru);
        assert!(ru.contains("2 записи"), "{ru}");
    }
}
