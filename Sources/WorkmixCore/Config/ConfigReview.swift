import Foundation

/// What one repository's whole history says about a config: who committed, its first and last
/// commit, and where a shallow clone cuts it.
package struct RepositoryHistory: Sendable {
    package var name: String
    /// Who committed on or after `since` (nil: in the whole history).
    package var census: IdentityCensus
    package var since: CivilDate?
    /// Author dates of the oldest and newest commits; nil for an empty history.
    package var first: Timestamp?
    package var last: Timestamp?
    /// A shallow clone: the newest author date of the commits whose parents were cut off.
    package var shallowCut: Timestamp?

    package init(
        name: String, census: IdentityCensus, since: CivilDate? = nil, first: Timestamp? = nil, last: Timestamp? = nil,
        shallowCut: Timestamp? = nil
    ) {
        self.name = name
        self.census = census
        self.since = since
        self.first = first
        self.last = last
        self.shallowCut = shallowCut
    }
}

/// A doubt about the config (SPEC 10): never an error, never a change of verdict.
package struct ConfigWarning: Sendable, Hashable, CustomStringConvertible {
    package var location: SourceLocation?
    package var message: String

    package init(location: SourceLocation?, message: String) {
        self.location = location
        self.message = message
    }

    /// `workmix.yml:7: message`.
    package var description: String { (location.map { "\($0): " } ?? "") + message }
}

/// `workmix config check`: configured people no commit bears (with the nearest known identity),
/// windows outside the history, residencies of one resident that overlap, and shallow clones cut
/// inside a window.
package struct ConfigReview {
    let config: WorkmixConfig
    let defaultRepositories: [NamedRepository]
    /// By repository path.
    let histories: [String: RepositoryHistory]
    /// "Now", for residencies yet to start: no commit is expected in them.
    let now: Timestamp
    private var people: [String: People] = [:]

    package init(config: WorkmixConfig, defaultRepositories: [NamedRepository], histories: [String: RepositoryHistory], now: Timestamp) {
        self.config = config
        self.defaultRepositories = defaultRepositories
        self.histories = histories
        self.now = now
        people = histories.mapValues { People(census: $0.census, options: config.peopleOptions) }
    }

    /// Every warning, in the config's order, each once.
    package var warnings: [ConfigWarning] {
        var warnings: [ConfigWarning] = []
        for residency in config.residencies {
            warnings += peopleWarnings(residency) + windowWarnings(residency)
        }
        warnings += overlapWarnings()
        var seen: Set<ConfigWarning> = []
        return warnings.filter { seen.insert($0).inserted }
    }

    func repositories(of residency: Residency) -> [NamedRepository] {
        residency.repositories.isEmpty ? defaultRepositories : residency.repositories
    }

    func name(_ repository: NamedRepository) -> String {
        repository.name ?? histories[repository.path]?.name ?? URL(fileURLWithPath: repository.path).lastPathComponent
    }

    /// Residents and team members whom no commit of the residency's repositories names.
    func peopleWarnings(_ residency: Residency) -> [ConfigWarning] {
        let repositories = repositories(of: residency)
        var names = repositories.map(name).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }.joined(separator: ", ")
        if let since = repositories.compactMap({ histories[$0.path]?.since }).min() { names += " since \(since)" }
        let roles = residency.residents.map { ("resident", $0) } + residency.team.map { ("team member", $0) }
        return roles.compactMap { role, matcher in
            let found = repositories.contains { repository in
                guard let people = people[repository.path] else { return true }  // not read: nothing to say
                return people.entry(for: people.resolve(matcher.person)) != nil
            }
            guard !found else { return nil }
            var message = "\(role) \(Self.written(matcher.person)) "
            let written = matcher.person.name
            if matcher.person.email.isEmpty && written.hasPrefix("@") {
                message += "matches no one in \(names) (a handle matches only a co-author written \(written))"
            } else if matcher.person.email.isEmpty && !written.contains(" ") {
                message += "matches no one in \(names) (a name alone matches only that name, not a login)"
            } else {
                message += "has no commit in \(names)"
            }
            // A suggestion of the very address or name configured would only confuse.
            if let nearest = suggestion(for: matcher.person, in: repositories), nearest.key != matcher.person.key {
                message += "; did you mean \(nearest.email.isEmpty ? nearest.name : nearest.email)?"
            }
            return ConfigWarning(location: matcher.location ?? residency.location, message: message)
        }
    }

    /// The nearest identity in `repositories`, else in any repository read.
    func suggestion(for person: Person, in repositories: [NamedRepository]) -> Person? {
        func known(_ paths: [String]) -> [(person: Person, commits: Int)] {
            paths.compactMap { histories[$0] }.flatMap { history in
                history.census.identities.flatMap { identity in identity.spellings.keys.map { ($0, identity.commits) } }
            }
        }
        return IdentityNearest.suggestion(for: person, among: known(repositories.map(\.path)))
            ?? IdentityNearest.suggestion(for: person, among: known(histories.keys.sorted()))
    }

    /// A window wholly before a repository's first commit, or after its last one (unless yet to
    /// come); a shallow clone cut after the window starts.
    func windowWarnings(_ residency: Residency) -> [ConfigWarning] {
        var warnings: [ConfigWarning] = []
        let window = "residency \(residency.name) (\(residency.from) to \(residency.to))"
        for repository in repositories(of: residency) {
            guard let history = histories[repository.path] else { continue }
            let name = name(repository)
            if let first = history.first, residency.to < first.localDate {
                warnings.append(.init(location: residency.location, message: "\(window) ends before \(name)'s first commit (\(first.localDate))"))
            }
            if let last = history.last, last.localDate < residency.from, residency.from <= now.localDate {
                warnings.append(.init(location: residency.location, message: "\(window) starts after \(name)'s last commit (\(last.localDate))"))
            }
            if let cut = history.shallowCut, residency.from <= cut.localDate {
                warnings.append(
                    .init(
                        location: residency.location,
                        message:
                            "\(name) is a shallow clone cut at \(cut.localDate): \(window) may miss commits before it (git fetch --unshallow)"
                    ))
            }
        }
        return warnings
    }

    /// Two residencies of one resident whose windows share a day, named at the later one.
    func overlapWarnings() -> [ConfigWarning] {
        let residencies = config.residencies
        var warnings: [ConfigWarning] = []
        for (index, later) in residencies.enumerated() {
            for earlier in residencies[..<index] where earlier.from <= later.to && later.from <= earlier.to {
                let laterKeys = Dictionary(later.residents.map { (key($0.person), $0) }) { first, _ in first }
                guard let shared = earlier.residents.first(where: { laterKeys[key($0.person)] != nil }) else { continue }
                let line = earlier.location?.line.map { " (line \($0))" } ?? ""
                warnings.append(
                    .init(
                        location: later.location,
                        message:
                            "residency \(later.name) (\(later.from) to \(later.to)) overlaps \(earlier.name)\(line) (\(earlier.from) to \(earlier.to)) for resident \(Self.written(shared.person))"
                    ))
            }
        }
        return warnings
    }

    /// A person as the config writes them: an email alone, `Name <email>`, or a name.
    static func written(_ person: Person) -> String {
        person.name.isEmpty ? person.email : person.description
    }

    /// Who a configured person is, across the repositories read.
    private func key(_ person: Person) -> String {
        for path in histories.keys.sorted() {
            if let entry = people[path]?.entry(for: people[path]?.resolve(person) ?? person) { return entry.person.key }
        }
        return person.key
    }
}
