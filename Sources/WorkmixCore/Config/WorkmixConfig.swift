import Foundation

/// `workmix.yml` (SPEC 6), validated. Paths in it are already resolved against the config's folder.
package struct WorkmixConfig: Sendable {
    package enum Measure: String, Sendable, CaseIterable {
        case commits, churn
    }

    /// Where it was read from, for messages; nil when there is no config.
    package var file: String?
    package var identities = IdentityTable()
    /// Identities of the same name are one person (`merge_same_name`, default true).
    package var mergeSameName = true
    /// Regular expressions on `Name <email>` for accounts that are no people (added to the defaults).
    package var bots: [Pattern] = []
    /// Count AI assistants that appear as co-authors as pair partners.
    package var aiPartners = false
    /// Extra rule files, evaluated before the shipped ones.
    package var rules: [String] = []
    package var defaultRules = true
    /// `model: FILE`: a model from `workmix model train` in place of the shipped one.
    package var model: String?
    package var overrides = ClassificationOverrides.none
    package var measure = Measure.commits
    package var pairTrailers = CoAuthorParser.defaultKeys
    /// Repositories to read when no `--repo` is given: name → path.
    package var repos: [NamedRepository] = []
    package var residencies: [Residency] = []
    /// How paths become areas, and what counts as follow-through (SPEC 9).
    package var areas = AreaScheme.depth(AreaScheme.defaultDepth)
    package var followThrough = FollowThroughSettings()

    package init() {}
}

/// A repository to read, from the config or `--repo` to the miner, and the name its records carry.
package struct NamedRepository: Sendable, Hashable {
    /// The config's name for it; nil means the folder's (`folderName(of:)`).
    package var name: String?
    package var path: String
    /// Revisions to read here instead of the query's (a report resuming from its checkpoint reads
    /// only the commits since: `new ^old`).
    package var revisions: [String]?

    package init(name: String? = nil, path: String, revisions: [String]? = nil) {
        self.name = name
        self.path = path
        self.revisions = revisions
    }

    /// The name a repository's folder gives it: `payments-api` for `../payments-api`, `repo` for
    /// `repo.git` or `repo/.git`.
    package static func folderName(of path: String) -> String {
        var url = URL(fileURLWithPath: path).standardizedFileURL
        if url.lastPathComponent == ".git" { url.deleteLastPathComponent() }
        var component = url.lastPathComponent
        if component.hasSuffix(".git") && component.count > 4 { component.removeLast(4) }
        return component
    }
}

/// A window of weeks in which a resident is embedded in a product team, and the plan for it.
package struct Residency: Sendable {
    package var name: String
    /// Emails or `Name <email>`s, matched after mailmap and identities.
    package var residents: [PersonMatcher]
    package var team: [PersonMatcher]
    /// Resolved paths, with the names the config gave them; empty means the `--repo` arguments.
    package var repositories: [NamedRepository]
    /// The resolved paths of `repositories`.
    package var repos: [String] { repositories.map(\.path) }
    /// Inclusive calendar dates in `timezone`.
    package var from: CivilDate
    package var to: CivilDate
    package var timezone: TimeZone
    /// Planned share per category, fractions summing to 1.
    package var plan: [Category: Double]
    /// Allowed distance between actual and planned share, per category (a fraction: 0.1 = 10 points).
    package var tolerance: Double
    /// Largest unclassified share that still passes.
    package var maxUnclassified: Double
    /// The plan's `min_follow_through`: the least share of support commits followed by investment.
    package var minFollowThrough: Double?
    /// The plan's `min_lift`: the least lift of support → investment over its baseline.
    package var minLift: Double?
    package var location: SourceLocation?

    package init(
        name: String, residents: [PersonMatcher], team: [PersonMatcher] = [], repos: [String] = [],
        from: CivilDate, to: CivilDate, timezone: TimeZone = TimeZone(identifier: "UTC")!,
        plan: [Category: Double] = [:], tolerance: Double = 0.1, maxUnclassified: Double = 0.2,
        location: SourceLocation? = nil
    ) {
        self.init(
            name: name, residents: residents, team: team, repositories: repos.map { NamedRepository(path: $0) },
            from: from, to: to, timezone: timezone, plan: plan, tolerance: tolerance,
            maxUnclassified: maxUnclassified, location: location)
    }

    package init(
        name: String, residents: [PersonMatcher], team: [PersonMatcher] = [], repositories: [NamedRepository],
        from: CivilDate, to: CivilDate, timezone: TimeZone = TimeZone(identifier: "UTC")!,
        plan: [Category: Double] = [:], tolerance: Double = 0.1, maxUnclassified: Double = 0.2,
        location: SourceLocation? = nil
    ) {
        self.name = name
        self.residents = residents
        self.team = team
        self.repositories = repositories
        self.from = from
        self.to = to
        self.timezone = timezone
        self.plan = plan
        self.tolerance = tolerance
        self.maxUnclassified = maxUnclassified
        self.location = location
    }

    /// Whether an instant falls on a calendar day of the window, read in the residency's timezone.
    package func contains(_ timestamp: Timestamp) -> Bool {
        let date = Date(timeIntervalSince1970: TimeInterval(timestamp.seconds))
        let offset = Int64(timezone.secondsFromGMT(for: date))
        let local = Timestamp(seconds: timestamp.seconds, offsetMinutes: Int32(offset / 60)).localDate
        return from <= local && local <= to
    }

    /// The timezone as reports print it: `UTC` rather than Foundation's `GMT` for the default.
    package var timezoneName: String {
        timezone.identifier == "GMT" ? "UTC" : timezone.identifier
    }

    /// The residency with its residents and team as `people` shows them: each matches every address
    /// of the person it names.
    package func identified(by people: People) -> Residency {
        var residency = self
        func resolve(_ matcher: PersonMatcher) -> PersonMatcher {
            var matcher = matcher
            matcher.person = people.resolve(matcher.person)
            return matcher
        }
        residency.residents = residents.map(resolve)
        residency.team = team.map(resolve)
        return residency
    }

    package func isResident(_ person: Person) -> Bool { residents.contains { $0.matches(person) } }
    package func isTeamMember(_ person: Person) -> Bool { team.contains { $0.matches(person) } }
}

/// A person as the config names them: an email (case-insensitive), or `Name <email>` (matched on the
/// email), or a bare name for identities without email.
package struct PersonMatcher: Sendable, Hashable, CustomStringConvertible {
    package var person: Person
    /// Where the config names them, for `config check`; no part of what the matcher is.
    package var location: SourceLocation?

    package static func == (lhs: PersonMatcher, rhs: PersonMatcher) -> Bool { lhs.person == rhs.person }
    package func hash(into hasher: inout Hasher) { hasher.combine(person) }

    package init(_ text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        // The email is in the last `<…>`: a name may itself contain brackets.
        if let open = trimmed.lastIndex(of: "<"), let close = trimmed[open...].firstIndex(of: ">") {
            person = Person(
                name: trimmed[..<open].trimmingCharacters(in: .whitespaces),
                email: String(trimmed[trimmed.index(after: open)..<close]).trimmingCharacters(in: .whitespaces))
        } else if trimmed.contains("@") && !trimmed.hasPrefix("@") {
            person = Person(name: "", email: trimmed)
        } else {
            person = Person(name: trimmed, email: "")
        }
    }

    package func matches(_ other: Person) -> Bool { person.key == other.key }

    package var description: String { person.description }
}

extension WorkmixConfig {
    /// Bots and AI assistants as this config sees them.
    package var participantFilter: ParticipantFilter {
        ParticipantFilter(
            extraBots: bots, aiPartners: aiPartners,
            knownPeople: Set(residencies.flatMap { ($0.residents + $0.team).map(\.person.key) }))
    }
}

extension WorkmixConfig {
    /// How identities become people under this config.
    package var peopleOptions: PeopleOptions {
        PeopleOptions(mergeSameName: mergeSameName, distinct: Set(identities.distinct.map(\.key)))
    }
}
