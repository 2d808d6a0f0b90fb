import Foundation

/// All residencies of a config at once: says which repositories to read (each once, however many
/// residencies share it), routes each classified commit to the residencies of its repository, and
/// builds the report. Streaming: memory grows with the residencies' commits' shas, not their records.
package struct ResidencyAnalysis: Sendable {
    package let measure: WorkmixConfig.Measure
    /// Every repository some residency reads, once each, in config order.
    package let repositories: [NamedRepository]
    private let repositoryKeys: [String]
    // With `summarySeen` and `summaryWork`, what a report saves and a later run takes up again (SPEC 8):
    // WorkmixStore encodes it, hence `package`, settable.
    package var aggregators: [ResidencyAggregator]
    private let readers: [Set<String>]
    package var summarySeen: Set<String> = []
    package var summaryWork = CategoryTallies()

    /// `defaultRepositories` (the `--repo` arguments) serve residencies that name none; `people` says who
    /// is who (a resident named by one address is all of that person's). Throws when the config has no
    /// residency: a report of nothing would pass every check.
    package init(config: WorkmixConfig, defaultRepositories: [NamedRepository], people: People = People()) throws {
        guard !config.residencies.isEmpty else {
            let file = config.file.map { " in \($0)" } ?? " (no workmix.yml found here or in a parent folder)"
            throw InputError(
                "no residencies configured\(file): add a 'residencies:' list (SPEC 6)",
                at: config.file.map { SourceLocation(file: $0) }, remedy: config.file == nil ? .giveConfig : nil)
        }
        measure = config.measure
        var repositories: [NamedRepository] = []
        var known: Set<String> = []
        var aggregators: [ResidencyAggregator] = []
        var readers: [Set<String>] = []
        for residency in config.residencies {
            var own: [NamedRepository] = []
            var ownKeys: Set<String> = []
            for repository in residency.repositories.isEmpty ? defaultRepositories : residency.repositories
            where ownKeys.insert(repository.identity).inserted {
                own.append(repository)
                if known.insert(repository.identity).inserted { repositories.append(repository) }
            }
            aggregators.append(
                ResidencyAggregator(
                    residency: residency.identified(by: people), repositories: own,
                    measure: config.measure, participants: config.participantFilter,
                    people: people))
            readers.append(ownKeys)
        }
        self.repositories = repositories
        repositoryKeys = repositories.map(\.identity)
        self.aggregators = aggregators
        self.readers = readers
    }

    /// Counts a commit read from `repository` for every residency that reads that repository.
    package mutating func add(_ commit: ClassifiedCommit, from repository: NamedRepository) {
        let key = repository.identity
        guard let index = repositories.firstIndex(where: { $0.identity == key }) else { return }
        add(commit, fromRepositoryAt: index)
    }

    /// Counts a commit read from `repositories[index]`; no file-system lookup per commit.
    /// Says which residencies (by index, in config order) counted it.
    @discardableResult
    package mutating func add(_ commit: ClassifiedCommit, fromRepositoryAt index: Int) -> [Int] {
        let key = repositoryKeys[index]
        var counted: [Int] = []
        for residency in aggregators.indices where readers[residency].contains(key) {
            if aggregators[residency].add(commit, from: repositories[index]) { counted.append(residency) }
        }
        if !counted.isEmpty, summarySeen.insert(commit.record.sha).inserted {
            summaryWork.add(commit.classification.category, churn: commit.record.changeInfo.stats?.churn ?? 0)
        }
        return counted
    }

    /// Counts only commits up to a date the user gave (`--as-of`); the run's own now cuts nothing.
    package mutating func cut(at asOf: AsOf?) {
        guard let asOf, asOf.isGiven else { return }
        for index in aggregators.indices { aggregators[index].cutoff = asOf }
    }

    /// Keeps each residency's counted commits for the report (`report --commits`).
    package mutating func collectCommits() {
        for index in aggregators.indices { aggregators[index].collectsCommits = true }
    }

    /// The index of the residency called `name`, nil when the config has none.
    package func residencyIndex(named name: String) -> Int? {
        aggregators.firstIndex { $0.residency.name == name }
    }

    /// The repositories (indexes into `repositories`) that the residency at `index` reads.
    package func repositoryIndexes(ofResidencyAt index: Int) -> [Int] {
        repositoryKeys.indices.filter { readers[index].contains(repositoryKeys[$0]) }
    }

    /// The instants outside which no residency can hold a commit, widened by two days on each side
    /// (UTC offsets span 26 hours), for narrowing the history walk before diffs are computed.
    package var authoredBounds: (from: Timestamp, to: Timestamp) {
        let first = aggregators.map(\.residency.from).min()!, last = aggregators.map(\.residency.to).max()!
        return (
            Timestamp(seconds: (first.daysSinceEpoch - 2) * 86400, offsetMinutes: 0),
            Timestamp(seconds: (last.daysSinceEpoch + 3) * 86400, offsetMinutes: 0)
        )
    }

    /// The report as of `asOf` (nil: every residency judged as ended); `strict` fails running ones off
    /// plan; `shallowCuts` are the first instants of shallow clones' histories, by repository identity.
    package func report(asOf: AsOf? = nil, strict: Bool = false, shallowCuts: [String: Timestamp] = [:]) -> ResidencyReport {
        let results = aggregators.indices.map { index in
            var result = aggregators[index].result()
            if let asOf { result.status = result.residency.status(asOf: asOf) }
            result.strict = strict
            result.shallowCut = readers[index].compactMap { shallowCuts[$0] }.max()
                .map { Residency.localDate(of: $0, in: result.residency.timezone) }
            return result
        }
        var summary = ResidencySummary(measure: measure, work: summaryWork, passed: [], failed: [])
        summary.judge(results)
        return ResidencyReport(residencies: results, summary: summary, asOf: asOf)
    }
}
