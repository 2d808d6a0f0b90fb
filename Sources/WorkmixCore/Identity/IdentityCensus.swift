import Foundation

/// Who appears in the commits read, identity by identity (`Person.key` after `.mailmap` and the
/// config's `identities`): how often each spelling is used, how the identity was written, and which
/// identities took part in the same commits. `People` is made from it. Bots, and AI assistants that
/// count for no pair, are kept apart. Memory grows with the identities and the distinct groups of
/// them that commit together, not with the commits.
public struct IdentityCensus: Sendable {
    /// One identity: an email (case-insensitively), or a name for an identity written without one.
    public struct Identity: Sendable {
        public let key: String
        /// Each spelling (`Name <email>`) of this identity and the commits it appears in.
        public var spellings: [Person: Int] = [:]
        /// The identity as commits write it: what a `.mailmap` written for these people must name.
        public var written: Set<Person> = []
        /// And as the `.mailmap` turns it out: what the config's `identities` see.
        public var mailmapped: Set<Person> = []
        /// Commits this identity took part in.
        public var commits = 0

        init(key: String) { self.key = key }

        /// The spelling used most.
        public var person: Person { Person.mostUsed(spellings) ?? Person(name: "", email: "") }
    }

    public private(set) var identities: [Identity] = []
    /// Bot identities (and AI assistants when they are no partners), with the commits they appear in.
    public private(set) var bots: [Person: Int] = [:]
    /// Commits by the identities that took part (indices into `identities`, sorted).
    public private(set) var groups: [[Int]: Int] = [:]
    private var indexByKey: [String: Int] = [:]
    private var verdicts: ParticipantVerdicts

    public init(filter: ParticipantFilter = ParticipantFilter()) {
        verdicts = ParticipantVerdicts(filter)
    }

    /// Notes the people of one commit, author first (`IdentityResolver.traces`).
    public mutating func add(_ traces: [IdentityTrace]) {
        var group: [Int] = []
        for (position, trace) in traces.enumerated() {
            let person = trace.resolved
            guard verdicts.counts(person, asAuthor: position == 0) else {
                bots[person, default: 0] += 1
                continue
            }
            let index = self.index(of: person.key)
            identities[index].spellings[person, default: 0] += 1
            identities[index].written.insert(trace.written)
            identities[index].mailmapped.insert(trace.mailmapped)
            if !group.contains(index) {
                group.append(index)
                identities[index].commits += 1
            }
        }
        guard !group.isEmpty else { return }
        groups[group.sorted(), default: 0] += 1
    }

    private mutating func index(of key: String) -> Int {
        if let index = indexByKey[key] { return index }
        indexByKey[key] = identities.count
        identities.append(Identity(key: key))
        return identities.count - 1
    }
}

extension IdentityCensus {
    /// The census as a report's checkpoint keeps it, to be added to by a later run that reads only the
    /// commits since (SPEC 8). Identities keep their order: groups refer to them by index.
    public struct Checkpoint: Codable, Sendable {
        struct Entry: Codable, Sendable {
            var key: String
            var spellings: [Person]
            var uses: [Int]
            var written: [Person]
            var mailmapped: [Person]
            var commits: Int
        }
        var identities: [Entry]
        var bots: [Person]
        var botCommits: [Int]
        var groups: [[Int]]
        var groupCommits: [Int]
    }

    public var checkpoint: Checkpoint {
        let bots = Array(self.bots)
        let groups = Array(self.groups)
        return Checkpoint(
            identities: identities.map { identity in
                let spellings = Array(identity.spellings)
                return Checkpoint.Entry(
                    key: identity.key, spellings: spellings.map(\.key), uses: spellings.map(\.value),
                    written: Array(identity.written), mailmapped: Array(identity.mailmapped), commits: identity.commits)
            },
            bots: bots.map(\.key), botCommits: bots.map(\.value), groups: groups.map(\.key), groupCommits: groups.map(\.value))
    }

    /// The census a checkpoint kept; nil when it does not hold together (a damaged file).
    public init?(checkpoint: Checkpoint, filter: ParticipantFilter = ParticipantFilter()) {
        self.init(filter: filter)
        let count = checkpoint.identities.count
        guard checkpoint.bots.count == checkpoint.botCommits.count, checkpoint.groups.count == checkpoint.groupCommits.count,
            checkpoint.groups.allSatisfy({ $0.allSatisfy { (0..<count).contains($0) } })
        else { return nil }
        for entry in checkpoint.identities {
            guard entry.spellings.count == entry.uses.count, indexByKey[entry.key] == nil else { return nil }
            var identity = Identity(key: entry.key)
            identity.spellings = Dictionary(zip(entry.spellings, entry.uses)) { $0 + $1 }
            identity.written = Set(entry.written)
            identity.mailmapped = Set(entry.mailmapped)
            identity.commits = entry.commits
            indexByKey[entry.key] = identities.count
            identities.append(identity)
        }
        bots = Dictionary(zip(checkpoint.bots, checkpoint.botCommits)) { $0 + $1 }
        groups = Dictionary(zip(checkpoint.groups, checkpoint.groupCommits)) { $0 + $1 }
    }
}
