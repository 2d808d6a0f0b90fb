import Foundation

/// Turns the identities written in commits into people: first the repository's `.mailmap`, then the
/// config's `identities` (canonical person → aliases). Resolved identities are cached, since the same
/// few people sign thousands of commits. One resolver per repository and thread.
package final class IdentityResolver {
    private let mailmap: Mailmap
    private let identities: IdentityTable
    private var cache: [Person: Person] = [:]

    package init(mailmap: Mailmap = Mailmap(), identities: IdentityTable = IdentityTable()) {
        self.mailmap = mailmap
        self.identities = identities
    }

    package func resolve(_ person: Person) -> Person {
        if let cached = cache[person] { return cached }
        let resolved = identities.resolve(mailmap.resolve(person))
        if cache.count < 100_000 { cache[person] = resolved }
        return resolved
    }

    /// Co-authors canonicalised, deduplicated (first spelling wins) and without the author.
    /// Their emails are lowercased: they come from free text, where case is noise (git's own fields,
    /// author and committer, keep the case git prints with `%aE`).
    package func coAuthors(_ raw: [Person], author: Person) -> [Person] {
        coAuthorTraces(raw, author: author).map(\.resolved)
    }

    /// The people of a commit at each step, author first, as records hold them (`coAuthors`): what
    /// `people --format mailmap` must map to rebuild the same people from the commits as written.
    package func traces(author: Person, coAuthors raw: [Person]) -> [IdentityTrace] {
        let authorTrace = IdentityTrace(written: author, mailmapped: mailmap.resolve(author), resolved: resolve(author))
        return [authorTrace] + coAuthorTraces(raw, author: authorTrace.resolved)
    }

    private func coAuthorTraces(_ raw: [Person], author: Person) -> [IdentityTrace] {
        var seen: Set<String> = [author.key]
        var traces: [IdentityTrace] = []
        for person in raw {
            var resolved = resolve(person)
            resolved.email = resolved.email.lowercased()
            if seen.insert(resolved.key).inserted {
                traces.append(IdentityTrace(written: person, mailmapped: mailmap.resolve(person), resolved: resolved))
            }
        }
        return traces
    }
}

/// One identity of a commit as written, after `.mailmap`, and after the config's `identities`.
package struct IdentityTrace: Hashable, Sendable {
    package var written: Person
    package var mailmapped: Person
    package var resolved: Person

    package init(written: Person, mailmapped: Person, resolved: Person) {
        self.written = written
        self.mailmapped = mailmapped
        self.resolved = resolved
    }
}

/// The config's `identities`: each canonical `Name <email>` with the emails, `Name <email>`s or bare
/// names (for identities written without an email, such as `@handle`) that stand for it.
package struct IdentityTable: Sendable {
    /// Canonical people by `Person.key` (email, or `name:` for an identity without one).
    private var byKey: [String: Person] = [:]
    /// Identities that are people of their own (`distinct:`): never merged with another by name.
    package private(set) var distinct: [Person] = []

    package init() {}

    package var isEmpty: Bool { byKey.isEmpty && distinct.isEmpty }

    /// Adds one canonical person and its aliases, each read as the config reads a person
    /// (`PersonMatcher`): an alias `Name <>` or `@handle` stands for an identity without email.
    package mutating func add(canonical: Person, aliases: [String]) {
        byKey[canonical.key] = canonical
        for alias in aliases {
            let person = PersonMatcher(alias).person
            guard !person.email.isEmpty || !person.name.isEmpty else { continue }
            byKey[person.key] = canonical
        }
    }

    /// Keeps `person` (an identity as the config names it) apart from everyone else of the same name.
    package mutating func keepDistinct(_ person: Person) {
        distinct.append(resolve(person))
    }

    package func resolve(_ person: Person) -> Person { byKey[person.key] ?? person }
}
