import Foundation

/// Who took part in a commit, as pairing counts people (SPEC 5): the author and co-authors (already
/// canonicalised), minus bots, and minus AI assistants named as co-authors unless `ai_partners: true`.
package struct ParticipantFilter: Sendable {
    /// Accounts that are no people. Matched against `Name <email>`.
    package static let defaultBotPatterns = [
        #"(?i)\[bot\]"#, #"(?i)^dependabot\b"#, #"(?i)^renovate\b"#, #"(?i)^github-actions\b"#,
        #"(?i)^(greenkeeper|snyk-bot|pre-commit-ci|mergify|allcontributors|imgbot|semantic-release-bot)\b"#,
        #"(?i)<(noreply|no-reply)@github\.com>$"#, #"(?i)<actions@github\.com>$"#,
        // By name: `bot`, or a name ending in -bot, _bot or " bot" (`Acme-Bot`, `Release Bot`); an
        // address whose local part is, or ends so (`acme-bot@…`).
        #"(?i)^([^<]*[-_ ])?bot\s*(<|$)"#, #"(?i)<([^<>@]*[-_])?bot@"#,
        // Automation accounts known by name alone (the whole name: Mark Jenkins is a person).
        #"(?i)^(jenkins|travis( ci)?|circleci|gitlab ci|buildkite|teamcity|azure pipelines|codecov|coveralls|netlify|vercel|transifex|crowdin|weblate|bors|homu)\s*(<|$)"#,
    ]

    /// AI assistants as they sign co-authorship: by their vendors' addresses, or by name when no address
    /// of their own goes with it (none, or a no-reply one). Claude Dupont <claude.dupont@acme.fr> is a
    /// person.
    package static let defaultAIPatterns = [
        #"(?i)\+copilot@users\.noreply\.github\.com>$"#, #"(?i)<noreply@anthropic\.com>$"#,
        #"(?i)<cursoragent@cursor\.com>$"#, #"(?i)<noreply@aider\.chat>$"#,
        #"(?i)^(github copilot|copilot|claude( code)?|cursor( agent)?|(openai )?codex|chatgpt|openai|gemini( code assist)?|devin( ai)?|aider|amazon q|codewhisperer|tabnine|sourcegraph cody|cody)\b[^<]*(<[^>]*no-?reply[^>]*>)?$"#,
    ]

    package var bots: [Pattern]
    package var assistants: [Pattern]
    package var aiPartners: Bool
    /// `Person.key`s the config names as residents or team members: people, whatever patterns say.
    package var knownPeople: Set<String>

    /// `extraBots` come from the config's `bots`; `knownPeople` from its residencies.
    package init(extraBots: [Pattern] = [], aiPartners: Bool = false, knownPeople: Set<String> = []) {
        bots = extraBots + Self.defaultBotPatterns.compactMap { try? Pattern($0) }
        assistants = Self.defaultAIPatterns.compactMap { try? Pattern($0) }
        self.aiPartners = aiPartners
        self.knownPeople = knownPeople
    }

    package func isBot(_ person: Person) -> Bool {
        guard !knownPeople.contains(person.key) else { return false }
        let text = person.description
        return bots.contains { $0.matches(text) }
    }

    package func isAssistant(_ person: Person) -> Bool {
        guard !knownPeople.contains(person.key) else { return false }
        let text = person.description
        return assistants.contains { $0.matches(text) }
    }
}

/// `ParticipantFilter`'s verdicts remembered per spelling: the same few people sign thousands of
/// commits, and the filter runs regular expressions.
struct ParticipantVerdicts: Sendable {
    let filter: ParticipantFilter
    private var verdicts: [Person: (isBot: Bool, isAssistant: Bool)] = [:]

    init(_ filter: ParticipantFilter) { self.filter = filter }

    /// The people of a commit who count for pairing, author first (`counts`).
    mutating func participants(of record: CommitRecord) -> [Person] {
        var people: [Person] = []
        if counts(record.author, asAuthor: true) { people.append(record.author) }
        for person in record.coAuthors where counts(person, asAuthor: false) { people.append(person) }
        return people
    }

    /// Whether this person counts: an author unless a bot; a co-author unless a bot, or an AI assistant
    /// without `ai_partners`.
    mutating func counts(_ person: Person, asAuthor: Bool) -> Bool {
        let verdict: (isBot: Bool, isAssistant: Bool)
        if let known = verdicts[person] {
            verdict = known
        } else {
            verdict = (filter.isBot(person), filter.isAssistant(person))
            if verdicts.count < 100_000 { verdicts[person] = verdict }
        }
        return !verdict.isBot && (asAuthor || filter.aiPartners || !verdict.isAssistant)
    }
}
