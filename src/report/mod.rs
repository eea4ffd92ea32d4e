//! Reports for a team lead: who is strong at what, and who played what, from the stored
//! results. The figures are gathered once into a [`TeamReport`]; each output format is one
//! file behind the [`Export`] trait, so a new format never touches the queries: the report as
//! a table, CSV or JSON, every session as rows (`sessions.rs`), and xAPI statements, which
//! `send.rs` also posts to a learning record store. Times are shown in a zone the caller
//! passes in ([`dates::Zone`]), never read here.

mod csv;
pub mod dates;
mod json;
pub mod send;
mod sessions;
pub mod table;
pub mod xapi;

use std::io::{self, Write};

use serde::Serialize;

use crate::engine::Millis;
use crate::rules::Rulebook;
use crate::store::{DecisionRow, Filter, RuleStat, SessionRow, Store, StoreError, TraineeSummary};

pub use csv::Csv;
pub use json::Json;
pub use sessions::{SessionsCsv, SessionsJson, SessionsTable};
pub use table::Table;
pub use xapi::{IriBase, Xapi};

/// An output format of `composure report`.
pub trait Export {
    fn write(&self, report: &TeamReport, out: &mut dyn Write) -> io::Result<()>;
}

/// How many strengths and weaknesses each trainee's summary names.
pub const TOP_RULES: usize = 3;

#[derive(Debug, Clone, Serialize)]
pub struct TeamReport {
    pub drill: Option<String>,
    pub trainee: Option<String>,
    /// The `--since` bound: RFC 3339 in the report's zone.
    pub since: Option<String>,
    /// When the report was made: RFC 3339 in the report's zone.
    pub generated_at: String,
    /// The zone the report's times are in (see [`dates::Zone::name`]).
    pub time_zone: String,
    /// Why the times are in UTC although the user's zone was asked for; absent otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub time_zone_fallback: Option<String>,
    /// Best mean score first.
    pub leaderboard: Vec<TraineeSummary>,
    /// The whole team's tally per rule, weakest first.
    pub team_rules: Vec<NamedRule>,
    pub trainees: Vec<TraineeDetail>,
    /// The matching sessions, newest first, each with the pieces of its grade; as many as
    /// [`Sessions`] asked for.
    pub sessions: Vec<SessionRow>,
    /// The decisions of the listed sessions, for the formats that give them (xAPI); empty
    /// unless [`TeamReport::with_decisions`] gathered them.
    #[serde(skip)]
    pub decisions: Vec<DecisionRow>,
    /// The `--since` bound as an instant.
    #[serde(skip)]
    pub since_ms: Option<Millis>,
    /// The zone every time is shown in.
    #[serde(skip)]
    pub zone: dates::Zone,
}

/// Which of the matching sessions a report lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sessions {
    None,
    /// The newest this many.
    Latest(usize),
    All,
}

/// A rule's tally with the rule's name from the rulebook.
#[derive(Debug, Clone, Serialize)]
pub struct NamedRule {
    pub rule: String,
    pub name: String,
    pub followed: u32,
    pub broken: u32,
    pub followed_weight: u32,
    pub broken_weight: u32,
    /// Followed weight minus broken weight.
    pub balance: i64,
}

#[derive(Debug, Clone, Serialize)]
pub struct TraineeDetail {
    pub trainee: String,
    /// Best balance first.
    pub strengths: Vec<NamedRule>,
    /// Worst balance first.
    pub weaknesses: Vec<NamedRule>,
}

impl NamedRule {
    fn new(stat: RuleStat, rules: &Rulebook) -> NamedRule {
        NamedRule {
            name: rules.name(&stat.rule).to_owned(),
            balance: stat.balance(),
            rule: stat.rule,
            followed: stat.followed,
            broken: stat.broken,
            followed_weight: stat.followed_weight,
            broken_weight: stat.broken_weight,
        }
    }
}

impl TeamReport {
    /// Gathers the report, listing the matching sessions `sessions` asks for; `now` is when
    /// it is made and `zone` the zone its times are shown in.
    pub fn build(
        store: &Store,
        filter: &Filter,
        rules: &Rulebook,
        now: Millis,
        zone: &dates::Zone,
        sessions: Sessions,
    ) -> Result<TeamReport, StoreError> {
        let leaderboard = store.leaderboard(filter)?;
        // One pass over the tallies: per trainee, and the team's sums from those.
        let by_trainee = store.rule_stats_by_trainee(filter, true)?;
        let mut team: Vec<RuleStat> = Vec::new();
        for (_, stat) in &by_trainee {
            match team.iter_mut().find(|t| t.rule == stat.rule) {
                Some(t) => {
                    t.followed += stat.followed;
                    t.broken += stat.broken;
                    t.followed_weight += stat.followed_weight;
                    t.broken_weight += stat.broken_weight;
                }
                None => team.push(stat.clone()),
            }
        }
        team.sort_by(|a, b| a.balance().cmp(&b.balance()).then(a.rule.cmp(&b.rule)));
        let team_rules = team.into_iter().map(|s| NamedRule::new(s, rules)).collect();
        let mut trainees: Vec<TraineeDetail> = leaderboard
            .iter()
            .map(|t| TraineeDetail {
                trainee: t.trainee.clone(),
                strengths: Vec::new(),
                weaknesses: Vec::new(),
            })
            .collect();
        // Weakest first per trainee, as the query sorts them.
        let mut per: std::collections::HashMap<String, Vec<RuleStat>> = Default::default();
        for (who, stat) in by_trainee {
            per.entry(who).or_default().push(stat);
        }
        for detail in &mut trainees {
            let stats = per.remove(&detail.trainee).unwrap_or_default();
            detail.weaknesses = stats
                .iter()
                .filter(|s| s.balance() < 0)
                .take(TOP_RULES)
                .cloned()
                .map(|s| NamedRule::new(s, rules))
                .collect();
            detail.strengths = stats
                .iter()
                .rev()
                .filter(|s| s.balance() > 0)
                .take(TOP_RULES)
                .cloned()
                .map(|s| NamedRule::new(s, rules))
                .collect();
        }
        let sessions = match sessions {
            Sessions::None => Vec::new(),
            Sessions::Latest(n) => store.sessions(filter, Some(n))?,
            Sessions::All => store.sessions(filter, None)?,
        };
        Ok(TeamReport {
            drill: filter.drill.clone(),
            trainee: filter.trainee.clone(),
            since: filter.since.map(|ms| zone.rfc3339(ms)),
            generated_at: zone.rfc3339(now),
            time_zone: zone.name().to_owned(),
            time_zone_fallback: zone.fallback(),
            leaderboard,
            team_rules,
            trainees,
            sessions,
            decisions: Vec::new(),
            since_ms: filter.since,
            zone: zone.clone(),
        })
    }

    /// Adds the decisions of every matching session (`filter` as given to
    /// [`build`](TeamReport::build)).
    pub fn with_decisions(
        mut self,
        store: &Store,
        filter: &Filter,
    ) -> Result<TeamReport, StoreError> {
        self.decisions = store.decisions(filter)?;
        Ok(self)
    }
}
