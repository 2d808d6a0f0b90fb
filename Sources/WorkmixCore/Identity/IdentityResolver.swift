import Foundation

/// Turns the identities written in commits into people: first the repository's `.mailmap`, then the
/// config's `identities` (canonical person → aliases). Resolved identities are cached, since the same
/// few people sign thousands of commits. One resolver per repository and thread.
public final class IdentityResolver {
    private let mailmap: Mailmap
    private let identities: IdentityTable
    private var cache: [Person: Person] = [:]

    public init(mailmap: Mailmap = Mailmap(), identities: IdentityTable = IdentityTable()) {
        self.mailmap = mailmap
        self.identities = identities
    }

    public func resolve(_ person: Person) -> Person {
        if let cached = cache[person] { return cached }
        let resolved = identities.resolve(mailmap.resolve(person))
        if cache.count < 100_000 { cache[person] = resolved }
        return resolved
    }

    /// Co-authors canonicalised, deduplicated (first spelling wins) and without the author.
    /// Their emails are lowercased: they come from free text, where case is noise (git's own fields,
    /// author and committer, keep the case git prints with `%aE`).
    public func coAuthors(_ raw: [Person], author: Person) -> [Person] {
        var seen: Set<String> = [author.key]
        var people: [Person] = []
        for person in raw {
            var resolved = resolve(person)
            resolved.email = resolved.email.lowercased()
            if seen.insert(resolved.key).inserted { people.append(resolved) }
        }
        return people
    }
}

/// The config's `identities`: each canonical `Name <email>` with the emails, `Name <email>`s or bare
/// names (for identities written without an email, such as `@handle`) that stand for it.
public struct IdentityTable: Sendable {
    private var byEmail: [String: Person] = [:]
    private var byName: [String: Person] = [:]

    public init() {}

    public var isEmpty: Bool { byEmail.isEmpty && byName.isEmpty }

    /// Adds one canonical person and its aliases.
    public mutating func add(canonical: Person, aliases: [String]) {
        byEmail[canonical.key] = canonical
        for alias in aliases {
            let trimmed = alias.trimmingWhitespace()
            if let open = trimmed.lastIndex(of: "<"), let close = trimmed[open...].firstIndex(of: ">") {
                let email = trimmed[trimmed.index(after: open)..<close].trimmingWhitespace()
                byEmail[Person(name: "", email: email).key] = canonical
            } else if trimmed.contains("@") && !trimmed.hasPrefix("@") {
                byEmail[Person(name: "", email: trimmed).key] = canonical
            } else if !trimmed.isEmpty {
                byName[trimmed.lowercased()] = canonical
            }
        }
    }

    public func resolve(_ person: Person) -> Person {
        if person.email.isEmpty { return byName[person.name.lowercased()] ?? person }
        return byEmail[person.key] ?? person
    }
}
