import Foundation

/// What `workmix people` prints: everyone with their identities and the merges made, the merges left
/// to a person to decide, and the bots left out of every count.
package struct PeopleReport: Sendable {
    package struct Bot: Hashable, Sendable {
        package var person: Person
        package var commits: Int
    }

    /// Most commits first.
    package var people: [People.Entry]
    package var suggestions: [PeopleSuggestion]
    /// Bot (and AI assistant) spellings, most commits first.
    package var bots: [Bot]
    /// The config's `distinct` identities, kept in an `identities:` block written for it.
    package var distinct: [Person]

    package init(people: People, census: IdentityCensus, distinct: [Person] = []) {
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
    package var mappedSpellings: [Person] {
        Set(identities.flatMap(\.written)).filter { $0.key != person.key }.sorted { ($0.name, $0.email) < ($1.name, $1.email) }
    }

    /// The identities an `identities:` entry for this person must name (as the `.mailmap` leaves them,
    /// since the config's identities apply after it), other than the one shown: emails, lowercased, or
    /// names for identities without one; sorted.
    package var aliasTexts: [String] {
        var keys: Set<String> = []
        for identity in identities {
            keys.formUnion(identity.mailmapped.map(\.key))
            keys.insert(identity.key)
        }
        keys.remove(person.key)
        return keys.sorted().map { $0.hasPrefix("name:") ? String($0.dropFirst(5)) : $0 }
    }
}
