import Foundation

/// Adds up one residency's work, one classified commit at a time (SPEC 6). The caller hands it the
/// commits of the residency's repositories; it keeps those in the window that the resident or a team
/// member took part in, each sha once (a fork or mirror read beside its origin repeats commits).
package struct ResidencyAggregator: Sendable {
    package let residency: Residency
    package let repositories: [NamedRepository]
    let measure: WorkmixConfig.Measure
    /// Who counts, remembered per spelling (the filter runs regular expressions).
    private var participants: ParticipantVerdicts
    let people: People
    // What it has added up, which a report saves and a later run takes up again (SPEC 8): WorkmixStore
    // encodes it, hence `package`, settable.
    package var seen: Set<String> = []
    package var work = CategoryTallies()
    package var own = CategoryTallies()
    package var paired = CategoryTallies()
    package var pairings: [String: CategoryTallies] = [:]
    package var weeks: [ResidencyWeek]
    package var names = NameCounts()
    /// The counted commits, in the order added, when asked for (`collectsCommits`).
    private var commits: [CountedCommit]?

    /// A date given with `--as-of`: commits after it are not counted, so a running residency's figures
    /// are those of the work done by then.
    package var cutoff: AsOf?

    /// Keeps each counted commit for the report's commits list (`report --commits`).
    package var collectsCommits: Bool {
        get { commits != nil }
        set { commits = newValue ? commits ?? [] : nil }
    }

    package init(
        residency: Residency, repositories: [NamedRepository], measure: WorkmixConfig.Measure,
        participants: ParticipantFilter, people: People = People()
    ) {
        self.residency = residency
        self.repositories = repositories
        self.measure = measure
        self.participants = ParticipantVerdicts(participants)
        self.people = people
        weeks = ResidencyWeek.weeks(of: residency)
    }

    /// Counts the commit if it belongs to the residency; says whether it did.
    /// `repository` names it in the commits list (default: the residency's first repository).
    @discardableResult
    package mutating func add(_ commit: ClassifiedCommit, from repository: NamedRepository? = nil) -> Bool {
        let record = commit.record
        guard !commit.classification.skipped, residency.contains(record.authoredAt) else { return false }
        if let cutoff, cutoff.precedes(record.authoredAt, in: residency.timezone) { return false }
        var people: [Person] = []
        var keys: Set<String> = []
        for person in participants.participants(of: record).map(self.people.resolve) where keys.insert(person.key).inserted {
            people.append(person)
        }
        let residents = people.filter(residency.isResident)
        let members = people.filter { residency.isTeamMember($0) && !residency.isResident($0) }
        guard !residents.isEmpty || !members.isEmpty else { return false }
        guard seen.insert(record.sha).inserted else { return false }

        let category = commit.classification.category
        let churn = record.changeInfo.stats?.churn ?? 0
        work.add(category, churn: churn)
        if let week = ResidencyWeek.index(of: record.authoredAt, in: residency), weeks.indices.contains(week) {
            weeks[week].work.add(category, churn: churn)
        }
        let isOwn = residency.isResident(self.people.resolve(record.author))
        let isPaired = !residents.isEmpty && people.count >= 2
        if isOwn { own.add(category, churn: churn) }
        if isPaired { paired.add(category, churn: churn) }
        if !residents.isEmpty {
            for member in members { pairings[member.key, default: CategoryTallies()].add(category, churn: churn) }
        }
        for person in residents + members { names.note(person) }
        if commits != nil {
            let place = repository.flatMap { given in repositories.first { $0.identity == given.identity } ?? given } ?? repositories.first
            commits?.append(
                CountedCommit(
                    repo: place?.displayName ?? record.repo, repoPath: place?.path ?? record.repo, sha: record.sha,
                    authoredAt: residency.local(record.authoredAt), subject: record.subject, author: record.author,
                    coAuthors: record.coAuthors, category: category, rule: commit.classification.ruleID, churn: churn,
                    own: isOwn, paired: isPaired))
        }
        return true
    }

    package func result() -> ResidencyResult {
        let residents = residency.residents.map { names.mostUsed(for: $0.person) }
        var seenMembers: Set<String> = []
        let members = residency.team.filter { !residency.isResident($0.person) && seenMembers.insert($0.person.key).inserted }
        let pairings = members.map { member in
            ResidencyPairing(partner: names.mostUsed(for: member.person), work: self.pairings[member.person.key] ?? CategoryTallies())
        }.sorted { ($1.commits, $0.partner) < ($0.commits, $1.partner) }
        var result = ResidencyResult(
            residency: residency, repositories: repositories.map(\.displayName), residents: residents,
            measure: measure, work: work, own: own, paired: paired, pairings: pairings, weeks: weeks)
        result.commits = commits
        return result
    }
}

/// The name each person's commits use most (ties: the first in alphabetical order), so that a report
/// shows "Bob Li <bob@x.io>" rather than the bare email the config names them by.
package struct NameCounts: Sendable {
    package private(set) var counts: [String: [String: Int]] = [:]
    package private(set) var emails: [String: String] = [:]

    package init(counts: [String: [String: Int]] = [:], emails: [String: String] = [:]) {
        self.counts = counts
        self.emails = emails
    }

    mutating func note(_ person: Person) {
        counts[person.key, default: [:]][person.name, default: 0] += 1
        if emails[person.key] == nil { emails[person.key] = person.email }
    }

    func mostUsed(for person: Person) -> Person {
        guard let names = counts[person.key],
            let best = names.max(by: { ($0.value, $1.key) < ($1.value, $0.key) })
        else { return person }
        return Person(name: best.key, email: emails[person.key] ?? person.email)
    }
}

extension NamedRepository {
    /// The name a report shows: the config's, else the folder's (`payments-api` for `../payments-api`,
    /// `repo` for `repo.git` or `repo/.git`).
    package var displayName: String { name ?? Self.folderName(of: path) }

    /// The same folder however it was written (relative, with `..`, through a symlink).
    package var identity: String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }
}
