//! `composure new`: a small starter scenario for a client type. It passes `check --strict` and
//! shows every feature of the format in use (line variants, effects, verdicts both ways, a route
//! on trust, three kinds of ending), with comments that say what each part is for, so a trainer
//! starts from something that works and replaces the text.

use crate::labels;
use crate::scenario::ClientType;

/// The words that make the starter fit its client type.
struct Setting {
    title: &'static str,
    situation: &'static str,
    known: [&'static str; 2],
    goal: &'static str,
    name: &'static str,
    persona: &'static str,
    mood: i8,
    opening: [&'static str; 2],
    good: &'static str,
    good_rule: &'static str,
    mistake: &'static str,
    mistake_rule: &'static str,
    follow_up: &'static str,
    plan: &'static str,
}

fn setting(kind: ClientType) -> Setting {
    match kind {
        ClientType::Rude => Setting {
            title: "The boiler that broke again",
            situation: "A customer calls the heating company shouting: the boiler your engineer serviced on Monday has stopped again.",
            known: [
                "The service report shows a pressure valve was replaced.",
                "An engineer is free tomorrow at 8:00.",
            ],
            goal: "Calm the call down and agree a visit.",
            name: "Mark",
            persona: "Father of two, cold house, has taken the morning off work for this.",
            mood: -3,
            opening: [
                "Your so-called engineer was here on Monday and it's dead again! Do you people know what you're doing?",
                "Monday! You were here on MONDAY! And the house is freezing again!",
            ],
            good: "A cold house two days after a visit: I'd be angry too. Let me pull up Monday's report while we talk.",
            good_rule: "empathise",
            mistake: "Sir, I can't help you if you keep shouting at me.",
            mistake_rule: "calm-benevolent-tone",
            follow_up: "So what are you going to do about it?",
            plan: "An engineer will be with you tomorrow at 8:00, free of charge under the warranty. I'll text you the confirmation now and call you at 9:30 to check it's sorted.",
        },
        ClientType::Indecisive => Setting {
            title: "Which sofa?",
            situation: "A customer has been in the furniture showroom for an hour and still cannot choose between three sofas.",
            known: [
                "She has two dogs and a small living room.",
                "The fabric sofa can be delivered on Saturday.",
            ],
            goal: "Help her choose without pushing.",
            name: "Ingrid",
            persona: "Careful with money, afraid of regretting a big purchase.",
            mood: 0,
            opening: [
                "They're all nice… I really don't know. Which one would you take?",
                "I keep going back and forth. What do you think?",
            ],
            good: "Can I ask two things: what matters most to you, the dogs or the space? Then I'll tell you which one I'd pick.",
            good_rule: "help-choose",
            mistake: "We also have four more models upstairs, and the whole range comes in twelve fabrics. Shall I show you?",
            mistake_rule: "help-choose",
            follow_up: "The dogs, definitely. And the room is small.",
            plan: "Then the compact fabric one: the cover comes off for washing, and it fits the room. It can be with you on Saturday, and you have fourteen days to change your mind.",
        },
        ClientType::King => Setting {
            title: "The table by the window",
            situation: "A regular guest arrives at the restaurant without a booking and demands the window table, which is reserved.",
            known: [
                "The window table is booked for 20:00.",
                "The corner table with a view of the harbour is free.",
            ],
            goal: "Seat him well without giving away another guest's table.",
            name: "Mr Lund",
            persona: "Successful, impatient, used to getting his way; snaps his fingers at staff.",
            mood: -1,
            opening: [
                "The window table. Now. I always sit there.",
                "You know who I am. The window table, please, and quickly.",
            ],
            good: "Good evening, Mr Lund, welcome back. The window table is promised to other guests tonight; the corner table has the best view of the harbour, and it's free now.",
            good_rule: "clear-boundaries",
            mistake: "Of course, sir, right away. I'll move the other booking somewhere else.",
            mistake_rule: "clear-boundaries",
            follow_up: "The corner. Hm. And I'm not waiting for my wine.",
            plan: "I'll bring the wine list myself the moment you sit down, and I'll note the window table for your next visit if you tell me the date.",
        },
        ClientType::KnowItAll => Setting {
            title: "I read it online",
            situation: "A customer at the bike shop insists the mechanic fitted the wrong chain, quoting a forum post.",
            known: [
                "The chain fitted matches the manufacturer's specification.",
                "The forum post is about an older model.",
            ],
            goal: "Correct the facts without making him feel foolish.",
            name: "Tor",
            persona: "Engineer, proud of his research, hates being talked down to.",
            mood: -1,
            opening: [
                "You fitted a nine-speed chain. Everyone on the forum says this bike needs a ten.",
                "I've done my homework. That chain is wrong for this bike.",
            ],
            good: "You're right to check, and the forum is right about the 2019 model. Yours is the 2021, which takes the nine-speed: let me show you the spec sheet.",
            good_rule: "agree-before-objecting",
            mistake: "With respect, I've been fixing bikes for ten years. The chain is correct.",
            mistake_rule: "no-superiority",
            follow_up: "Hm. The 2021. Show me.",
            plan: "Here's the sheet. If the shifting still feels off after a week, bring it in and we'll adjust it free of charge while you wait.",
        },
        ClientType::ModestDemands => Setting {
            title: "Just one more small thing",
            situation: "A client of the web agency asks for \"one small change\" to the finished site, for the fifth time this week.",
            known: [
                "The contract covers two rounds of changes; both are used.",
                "Extra work is billed at the hourly rate.",
            ],
            goal: "Keep the client and stop the free work.",
            name: "Sofie",
            persona: "Friendly, always apologetic, always asking for a little more.",
            mood: 1,
            opening: [
                "It's tiny, honestly: could you just move the menu to the left? And maybe a new photo on the front page?",
                "Sorry, one more little thing! Just a couple of tweaks, nothing big.",
            ],
            good: "I can see why you'd want the menu there. Both rounds of changes in our agreement are used, so let me put these two in a small quote.",
            good_rule: "clear-boundaries",
            mistake: "No problem at all, I'll just do it tonight.",
            mistake_rule: "clear-boundaries",
            follow_up: "Oh. How much would that be?",
            plan: "One hour, so 950 kroner, done by Thursday. I'll send the quote now, and from now on I'll list every request so you can see what's included.",
        },
        ClientType::PublicComplainer => Setting {
            title: "Two stars and counting",
            situation: "A guest who posted a two-star review calls the hotel office to say she will post again unless she hears from the manager.",
            known: [
                "Her room's air conditioning was broken for one night.",
                "You may offer a free night on a future stay.",
            ],
            goal: "Deal with the real problem so the complaint has nowhere to grow.",
            name: "Mrs Berg",
            persona: "Well organised, writes long reviews, has been let down before.",
            mood: -2,
            opening: [
                "I've already written one review. Do I need to write another before someone takes me seriously?",
                "I want to speak to the manager, or my next post will be a lot longer.",
            ],
            good: "I've read your review, and you're right: a broken air conditioner on a hot night is not what you paid for. Can you tell me what happened when you called reception?",
            good_rule: "listen-actively",
            mistake: "Threatening us with reviews won't get you anywhere, madam.",
            mistake_rule: "no-rudeness-for-rudeness",
            follow_up: "Nobody came. That's what happened.",
            plan: "Then we owe you more than an apology. I'm offering a free night on your next stay, and I'll write to you by Friday with what we've changed at reception.",
        },
        ClientType::ClientWithProblem => Setting {
            title: "The cake for the funeral",
            situation: "A customer at the bakery is upset: the cake for her father's memorial has the wrong name on it.",
            known: [
                "The order form has the name spelt correctly.",
                "The baker can redo the lettering in twenty minutes.",
            ],
            goal: "Put it right and show you care.",
            name: "Anne",
            persona: "Exhausted and grieving; not usually someone who complains.",
            mood: -2,
            opening: [
                "It says Rolf. My father's name was Rune. Today of all days.",
                "You spelt his name wrong. It's for his memorial this afternoon.",
            ],
            good: "I'm so sorry, on a day like this. We'll redo the lettering now, it takes twenty minutes, and the coffee's on us while you wait.",
            good_rule: "apologise-and-offer-extra",
            mistake: "The order form must have been unclear; that happens sometimes.",
            mistake_rule: "no-automatic-client-blame",
            follow_up: "Twenty minutes. All right.",
            plan: "I'll bring it out myself and check the name with you before we box it.",
        },
        ClientType::MismatchedExpectations => Setting {
            title: "I thought it would be ready today",
            situation: "A customer arrives at the tailor's to collect a suit that will not be ready until Friday.",
            known: [
                "The ticket says Friday, but nobody told him a date at the counter.",
                "An urgent alteration can be done by tomorrow noon for a fee.",
            ],
            goal: "Agree a date he can rely on, and set expectations the shop can keep.",
            name: "Jonas",
            persona: "Getting married on Saturday; organised, anxious.",
            mood: -1,
            opening: [
                "I thought it would be ready today. I'm getting married on Saturday!",
                "Friday? Nobody said Friday. I was told a few days.",
            ],
            good: "You weren't told a clear date, and you should have been. It will be ready on Friday at 10:00, well before Saturday, and I'll call you the moment it is.",
            good_rule: "set-expectations",
            mistake: "It says Friday on your ticket, sir.",
            mistake_rule: "no-automatic-client-blame",
            follow_up: "And if something goes wrong on Friday?",
            plan: "Then we do the urgent service at no charge: it would be ready by Friday evening. You have my direct number.",
        },
        ClientType::ProblemClient => Setting {
            title: "Never good enough",
            situation: "A long-standing client of the cleaning company rejects the third redo of the same office clean and demands a refund.",
            known: [
                "Every job was inspected and signed off by your supervisor.",
                "The contract allows either side to end it with a month's notice.",
            ],
            goal: "Fulfil what was promised, then part professionally if nothing satisfies.",
            name: "Mr Dahl",
            persona: "Nothing is ever right; calls several times a day; has left three other companies.",
            mood: -2,
            opening: [
                "It's still filthy. Third time. I want my money back.",
                "I've seen better work from a teenager. Refund. Now.",
            ],
            good: "Let's go through it room by room: tell me exactly what isn't right, and I'll check it against the signed inspection.",
            good_rule: "diagnose-the-client",
            mistake: "We'll clean it again tonight, free, as many times as you need.",
            mistake_rule: "clear-boundaries",
            follow_up: "Room by room? Everything. Everything is wrong.",
            plan: "We'll finish this month's cleans as agreed, every one inspected. After that, I don't think we're the right company for you, and I'll give you names of two others.",
        },
    }
}

fn variant(kind: ClientType) -> &'static str {
    match kind {
        ClientType::Rude => "Rude",
        ClientType::Indecisive => "Indecisive",
        ClientType::King => "King",
        ClientType::KnowItAll => "KnowItAll",
        ClientType::ModestDemands => "ModestDemands",
        ClientType::PublicComplainer => "PublicComplainer",
        ClientType::ClientWithProblem => "ClientWithProblem",
        ClientType::MismatchedExpectations => "MismatchedExpectations",
        ClientType::ProblemClient => "ProblemClient",
    }
}

/// A RON string literal.
fn q(text: &str) -> String {
    format!("{text:?}")
}

/// The starter scenario's text.
pub fn starter(id: &str, kind: ClientType) -> String {
    let s = setting(kind);
    let good_name = s.good_rule;
    let mistake_name = s.mistake_rule;
    format!(
        r#"// A starter scenario (client type: {kind}), written by `composure new`.
// Replace the text with your own situation; keep the shape. `composure check --strict FILE`
// after every edit, `composure play FILE --watch` to play it while you write.
// The format: docs/scenario-format.md. Writing scenarios that teach: docs/authoring.md.
Scenario(
    format: 1,
    id: {id},
    title: {title},
    client_type: {variant},
    language: "en",
    briefing: Briefing(
        // The first sentence is the one-line summary on the home screen.
        situation: {situation},
        known: [{known0}, {known1}],
        goal: {goal},
    ),
    client: Client(name: {name}, persona: {persona}),
    // Mood and trust run from -3 to 3. Mood is shown during play; trust decides routes.
    initial: ClientState(mood: {mood}, trust: 0),
    start: "opening",
    nodes: [
        Decision(
            id: "opening",
            // Several variants of the same line: one is picked at random each time.
            says: [{open0}, {open1}],
            choices: [
                Choice(
                    id: "good-first-answer",
                    text: {good},
                    next: "follow-up",
                    // Weights: 1 minor, 2 clear, 3 serious.
                    verdicts: [Follows({good_rule}, 2), Follows("calm-benevolent-tone", 1)],
                    effect: Effect(mood: 1, trust: 1),
                    // What the trainee sees happen: show it, don't announce it.
                    consequence: "{name_plain} pauses, then nods, a little less tense.",
                    // Why, in the rulebook's terms.
                    coaching: "The client feels heard before anything else happens ({good_name}), and your steady voice (calm-benevolent-tone) lets the rest of the conversation work.",
                ),
                Choice(
                    // The tempting mistake: it should look plausible to a new employee.
                    id: "tempting-mistake",
                    text: {mistake},
                    next: "recover",
                    verdicts: [Breaks({mistake_rule}, 2)],
                    effect: Effect(mood: -1, trust: -1),
                    consequence: "{name_plain}'s voice goes flat. \"Right.\"",
                    coaching: "It feels like the fast way through, but it breaks {mistake_name} and costs the client's trust, which you will need at the end.",
                ),
                Choice(
                    id: "cold-reply",
                    text: "Fill in the form on our website and someone will get back to you.",
                    next: "lost",
                    verdicts: [Breaks("warm-not-cold", 2), Breaks("offer-solutions", 1)],
                    effect: Effect(mood: -2, trust: -2),
                    consequence: "A short silence. Then {name_plain} leaves without another word.",
                    coaching: "A scripted brush-off reads as indifference (warm-not-cold), and it leaves the client alone with the problem (offer-solutions).",
                ),
            ],
        ),
        // After the mistake the trainee gets one chance to recover. Recovering keeps the
        // conversation going, but the lost trust shows in how it ends.
        Decision(
            id: "recover",
            says: ["So? Is that all you've got to say?", "Is that it?"],
            choices: [
                Choice(
                    id: "recover-and-answer",
                    text: {recover},
                    next: "follow-up",
                    verdicts: [Follows({good_rule}, 2), Follows("not-defensive", 1)],
                    effect: Effect(mood: 1, trust: 1),
                    consequence: "{name_plain} hesitates, then nods once. \"Go on.\"",
                    coaching: "Owning a bad answer without a long justification (not-defensive) and going back to what the client needs ({good_name}) lets the conversation recover.",
                ),
                Choice(
                    id: "double-down",
                    text: "As I said, that's how it is.",
                    next: "lost",
                    verdicts: [Breaks("not-defensive", 2), Breaks("warm-not-cold", 1)],
                    effect: Effect(mood: -2, trust: -2),
                    consequence: "{name_plain} shakes their head and walks out.",
                    coaching: "Repeating yourself more firmly is arguing back (not-defensive), and it sounds cold (warm-not-cold): the client hears that nothing will change.",
                ),
            ],
        ),
        Decision(
            id: "follow-up",
            says: [{follow_up}],
            choices: [
                Choice(
                    id: "clear-plan",
                    text: {plan},
                    next: "how-it-lands",
                    verdicts: [Follows("set-expectations", 2), Follows("offer-solutions", 1)],
                    effect: Effect(mood: 1, trust: 1),
                    consequence: "{name_plain} writes it down. \"Good. That's clear.\"",
                    coaching: "A concrete plan with a date and a way to follow up (set-expectations) leaves nothing to guess, and it solves the problem rather than describing it (offer-solutions).",
                ),
                Choice(
                    id: "vague-promise",
                    text: "We'll do our best to sort it out as soon as we can.",
                    next: "how-it-lands",
                    verdicts: [Breaks("set-expectations", 2)],
                    effect: Effect(trust: -1),
                    consequence: "\"As soon as you can. I've heard that before.\"",
                    coaching: "\"As soon as we can\" promises nothing the client can hold you to (set-expectations).",
                ),
            ],
        ),
        // An automatic step: the client's trust decides how it ends. Only a trainee who
        // earned it wins the client over.
        Route(
            id: "how-it-lands",
            when: [When(trust_at_least: 2, next: "won-over")],
            otherwise: "resolved",
        ),
        Ending(
            id: "won-over",
            says: ["Thank you. Really. I'll ask for you next time."],
            outcome: WonOver,
            rating: Excellent,
            closing: "{name_plain} came back a month later and asked for you by name.",
        ),
        Ending(
            id: "resolved",
            says: ["Fine. Let's see if it happens."],
            outcome: Resolved,
            // Each ending's rating caps the score; without one, the outcome decides.
            rating: Good,
            closing: "It was put right, and {name_plain} paid, but did not come back.",
        ),
        Ending(
            id: "lost",
            says: ["Forget it."],
            outcome: LostClient,
            closing: "{name_plain} took the business elsewhere and told friends why.",
        ),
    ],
)
"#,
        kind = labels::client_type_slug(kind),
        id = q(id),
        title = q(s.title),
        variant = variant(kind),
        situation = q(s.situation),
        known0 = q(s.known[0]),
        known1 = q(s.known[1]),
        goal = q(s.goal),
        name = q(s.name),
        name_plain = s.name,
        persona = q(s.persona),
        mood = s.mood,
        open0 = q(s.opening[0]),
        open1 = q(s.opening[1]),
        good = q(s.good),
        recover = q(&format!(
            "I'm sorry, that came out wrong. Let me start again. {}",
            s.good
        )),
        good_rule = q(s.good_rule),
        mistake = q(s.mistake),
        mistake_rule = q(s.mistake_rule),
        follow_up = q(s.follow_up),
        plan = q(s.plan),
    )
}

/// All client types: [`ClientType::ALL`], under the name the screens and tests know.
pub const ALL_TYPES: [ClientType; 9] = ClientType::ALL;
