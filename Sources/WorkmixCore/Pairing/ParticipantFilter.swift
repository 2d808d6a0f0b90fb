import Foundation

/// Who took part in a commit, as pairing counts people (SPEC 5): the author and co-authors (already
/// canonicalised), minus bots, and minus AI assistants named as co-authors unless `ai_partners: true`.
public struct ParticipantFilter: Sendable {
    /// Accounts that are no people. Matched against `Name <email>`.
    public static let defaultBotPatterns = [
        #"(?i)\[bot\]"#, #"(?i)^dependabot\b"#, #"(?i)^renovate\b"#, #"(?i)^github-actions\b"#,
        #"(?i)^(greenkeeper|snyk-bot|pre-commit-ci|mergify|allcontributors|imgbot|semantic-release-bot)\b"#,
        #"(?i)<(noreply|no-reply)@github\.com>$"#, #"(?i)<actions@github\.com>$"#,
    ]

    /// AI assistants as they sign co-authorship.
    public static let defaultAIPatterns = [
        #"(?i)^(github )?copilot\b"#, #"(?i)\+copilot@users\.noreply\.github\.com>$"#,
        #"(?i)^claude\b"#, #"(?i)<noreply@anthropic\.com>$"#,
        #"(?i)^cursor( agent)?\b"#, #"(?i)<cursoragent@cursor\.com>$"#,
        #"(?i)^(openai )?codex\b"#, #"(?i)^(chatgpt|openai)\b"#, #"(?i)^gemini( code assist)?\b"#,
        #"(?i)^devin( ai)?\b"#, #"(?i)^aider\b"#, #"(?i)^(amazon q|codewhisperer|tabnine|sourcegraph cody|cody)\b"#,
    ]

    public var bots: [Pattern]
    public var assistants: [Pattern]
    public var aiPartners: Bool

    /// `extraBots` come from the config's `bots`.
    public init(extraBots: [Pattern] = [], aiPartners: Bool = false) {
        bots = extraBots + Self.defaultBotPatterns.compactMap { try? Pattern($0) }
        assistants = Self.defaultAIPatterns.compactMap { try? Pattern($0) }
        self.aiPartners = aiPartners
    }

    public func isBot(_ person: Person) -> Bool {
        let text = person.description
        return bots.contains { $0.matches(text) }
    }

    public func isAssistant(_ person: Person) -> Bool {
        let text = person.description
        return assistants.contains { $0.matches(text) }
    }

    /// The people of a commit who count for pairing, author first.
    public func participants(of record: CommitRecord) -> [Person] {
        var people: [Person] = []
        if !isBot(record.author) { people.append(record.author) }
        for person in record.coAuthors where !isBot(person) && (aiPartners || !isAssistant(person)) {
            people.append(person)
        }
        return people
    }
}
