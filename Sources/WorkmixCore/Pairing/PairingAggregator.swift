import Foundation

/// Turns classified commits, fed one at a time, into the pairing report (SPEC 5). Memory grows with
/// the people and pairs seen, not with the commits: a commit is folded into counters and forgotten.
///
/// Skipped commits count nowhere. The participants of a commit are those of `ParticipantFilter`,
/// deduplicated by `Person.key`; a commit with n ≥ 2 of them counts once for each of its n(n−1)/2 pairs.
package struct PairingAggregator {
    package let filter: ParticipantFilter

    /// Every counted (non-skipped) commit.
    package private(set) var commits = 0
    /// Commits with two or more participants.
    package private(set) var pairingCommits = 0

    private var indexByKey: [String: Int] = [:]
    private var people: [PersonTally] = []
    private var pairs: [PairIndex: PairTally] = [:]
    private var verdicts: ParticipantVerdicts
    /// Who is who: identities merged into people (same name, typos), resolved before counting.
    package let directory: People

    /// Counts each sha once, for runs over several repositories (a fork read beside its origin repeats
    /// commits). Off for one repository, where a walk never repeats a commit and the set would only
    /// grow with history.
    private var seen: Set<String>?

    package init(
        filter: ParticipantFilter = ParticipantFilter(), people: People = People(),
        distinctCommits: Bool = false
    ) {
        self.filter = filter
        verdicts = ParticipantVerdicts(filter)
        directory = people
        seen = distinctCommits ? [] : nil
    }

    package mutating func add(_ commit: ClassifiedCommit) {
        guard !commit.classification.skipped else { return }
        if seen?.insert(commit.record.sha).inserted == false { return }
        commits += 1
        let record = commit.record
        let indices = participantIndices(of: record)
        for index in indices {
            people[index].commits += 1
            if indices.count > 1 { people[index].pairedCommits += 1 }
        }
        guard indices.count > 1 else { return }
        pairingCommits += 1
        let churn = record.changeInfo.stats?.churn
        let category = commit.classification.category
        for i in 0..<indices.count {
            for j in (i + 1)..<indices.count {
                let key = PairIndex(indices[i], indices[j])
                if var tally = pairs[key] {
                    tally.add(record, category: category, churn: churn)
                    pairs[key] = tally
                } else {
                    pairs[key] = PairTally(record, category: category, churn: churn)
                }
            }
        }
    }

    /// The indices of the people who count (`ParticipantFilter.participants`, with its verdicts cached),
    /// as the directory merges them, deduplicated, author first.
    private mutating func participantIndices(of record: CommitRecord) -> [Int] {
        var indices: [Int] = []
        if verdicts.counts(record.author, asAuthor: true) { note(record.author, into: &indices) }
        for person in record.coAuthors where verdicts.counts(person, asAuthor: false) {
            note(person, into: &indices)
        }
        return indices
    }

    private mutating func note(_ identity: Person, into indices: inout [Int]) {
        let person = directory.resolve(identity)
        let key = person.key
        let index: Int
        if let known = indexByKey[key] {
            index = known
        } else {
            index = people.count
            indexByKey[key] = index
            people.append(PersonTally(key: key))
        }
        guard !indices.contains(index) else { return }
        indices.append(index)
        people[index].spellings[person, default: 0] += 1
    }

    /// The report so far.
    package func report(_ selection: PairingSelection = PairingSelection()) -> PairingReport {
        let shown = people.map(\.display)
        let sortKeys = zip(shown, people).map { SortKey(name: $0.name.lowercased(), key: $1.key) }

        var partners = [Int](repeating: 0, count: people.count)
        var allPairs: [(PairIndex, PairTally)] = []
        allPairs.reserveCapacity(pairs.count)
        for (index, tally) in pairs {
            partners[index.a] += 1
            partners[index.b] += 1
            let ordered = sortKeys[index.a] <= sortKeys[index.b] ? index : PairIndex(ordered: index.b, index.a)
            allPairs.append((ordered, tally))
        }
        allPairs.sort { lhs, rhs in
            if lhs.1.commits != rhs.1.commits { return lhs.1.commits > rhs.1.commits }
            return (sortKeys[lhs.0.a], sortKeys[lhs.0.b]) < (sortKeys[rhs.0.a], sortKeys[rhs.0.b])
        }
        var listed = allPairs.filter { $0.1.commits >= selection.minCommits }
        if let top = selection.top { listed = Array(listed.prefix(top)) }

        var order = Array(people.indices)
        order.sort { i, j in
            let a = people[i], b = people[j]
            if a.pairedCommits != b.pairedCommits { return a.pairedCommits > b.pairedCommits }
            if a.commits != b.commits { return a.commits > b.commits }
            return sortKeys[i] < sortKeys[j]
        }
        let participants = order.prefix(selection.top ?? order.count).map { i in
            let tally = people[i]
            return PairingReport.Participant(
                person: shown[i], commits: tally.commits, pairedCommits: tally.pairedCommits,
                pairedShare: tally.commits == 0 ? 0 : Double(tally.pairedCommits) / Double(tally.commits),
                partners: partners[i], aliases: directory.entry(for: shown[i])?.aliases ?? [])
        }

        let (matrixPeople, cells) = Self.matrix(listed, order: order)
        return PairingReport(
            pairs: listed.map { index, tally in
                PairingReport.Pair(
                    people: [shown[index.a], shown[index.b]], commits: tally.commits,
                    byCategory: tally.byCategory, churn: tally.churnKnown ? tally.churn : nil,
                    first: tally.first, last: tally.last, repos: tally.repos.sorted(),
                    category: tally.byCategory.dominant)
            },
            people: participants,
            matrix: PairingReport.Matrix(people: matrixPeople.map { shown[$0] }, commits: cells),
            pairingCommits: pairingCommits,
            commits: commits,
            pairCount: pairs.count,
            participantCount: people.count)
    }
    /// The people of the listed pairs, in report order, and their commits together.
    private static func matrix(_ listed: [(PairIndex, PairTally)], order: [Int]) -> (people: [Int], cells: [[Int]]) {
        var inMatrix = Set<Int>()
        for (index, _) in listed { inMatrix.insert(index.a); inMatrix.insert(index.b) }
        let matrixPeople = order.filter(inMatrix.contains)
        var position: [Int: Int] = [:]
        for (row, i) in matrixPeople.enumerated() { position[i] = row }
        var cells = [[Int]](repeating: [Int](repeating: 0, count: matrixPeople.count), count: matrixPeople.count)
        for (index, tally) in listed {
            guard let row = position[index.a], let column = position[index.b] else { continue }
            cells[row][column] = tally.commits
            cells[column][row] = tally.commits
        }
        return (matrixPeople, cells)
    }
}

private struct PairIndex: Hashable {
    var a: Int
    var b: Int
    /// Unordered: (a, b) and (b, a) are one pair.
    init(_ x: Int, _ y: Int) {
        a = min(x, y)
        b = max(x, y)
    }
    /// Kept in the given order, for display.
    init(ordered x: Int, _ y: Int) {
        a = x
        b = y
    }
}

private struct SortKey: Comparable {
    var name: String
    var key: String
    static func < (lhs: SortKey, rhs: SortKey) -> Bool { (lhs.name, lhs.key) < (rhs.name, rhs.key) }
}

private struct PersonTally {
    let key: String
    var commits = 0
    var pairedCommits = 0
    /// How often each spelling of this person was seen.
    var spellings: [Person: Int] = [:]

    /// The most frequent spelling.
    var display: Person { Person.mostUsed(spellings) ?? Person(name: "", email: "") }
}

private struct PairTally {
    var commits = 1
    var byCategory = CategoryTally()
    var churn = 0
    var churnKnown = false
    var first: Timestamp
    var last: Timestamp
    var repos: Set<String>

    init(_ record: CommitRecord, category: Category, churn: Int?) {
        byCategory[category] = 1
        self.churn = churn ?? 0
        churnKnown = churn != nil
        first = record.authoredAt
        last = record.authoredAt
        repos = [record.repo]
    }

    mutating func add(_ record: CommitRecord, category: Category, churn: Int?) {
        commits += 1
        byCategory[category] += 1
        if let churn {
            self.churn += churn
            churnKnown = true
        }
        // Equal instants in different offsets: the order of (seconds, offset) keeps the result independent
        // of reading order.
        let date = record.authoredAt
        if (date.seconds, date.offsetMinutes) < (first.seconds, first.offsetMinutes) { first = date }
        if (date.seconds, date.offsetMinutes) > (last.seconds, last.offsetMinutes) { last = date }
        repos.insert(record.repo)
    }
}
