import Foundation

/// What `workmix people` prints: everyone with their identities and the merges made, the merges left
/// to a person to decide, and the bots left out of every count.
public struct PeopleReport: Sendable {
    public struct Bot: Hashable, Sendable {
        public var person: Person
        public var commits: Int
    }

    /// Most commits first.
    public var people: [People.Entry]
    public var suggestions: [PeopleSuggestion]
    /// Bot (and AI assistant) spellings, most commits first.
    public var bots: [Bot]
    /// The config's `distinct` identities, kept in an `identities:` block written for it.
    public var distinct: [Person]

    public init(people: People, census: IdentityCensus, distinct: [Person] = []) {
        self.people = people.everyone
        suggestions = people.suggestions
        bots = census.bots.map { Bot(person: $0.key, commits: $0.value) }
            .sorted { ($1.commits, $0.person) < ($0.commits, $1.person) }
        self.distinct = distinct
    }
}

extension People.Entry {
    /// Every spelling a `.mailmap` must turn into this person for the commits as written to give the
    /// same people without merging by name: those of other identities than the one shown.
    public var mappedSpellings: [Person] {
        Set(identities.flatMap(\.written)).filter { $0.key != person.key }.sorted { ($0.name, $0.email) < ($1.name, $1.email) }
    }

    /// The identities an `identities:` entry for this person must name (as the `.mailmap` leaves them,
    /// since the config's identities apply after it), other than the one shown: emails, lowercased, or
    /// names for identities without one; sorted.
    public var aliasTexts: [String] {
        var keys: Set<String> = []
        for identity in identities {
            keys.formUnion(identity.mailmapped.map(\.key))
            keys.insert(identity.key)
        }
        keys.remove(person.key)
        return keys.sorted().map { $0.hasPrefix("name:") ? String($0.dropFirst(5)) : $0 }
    }
}
