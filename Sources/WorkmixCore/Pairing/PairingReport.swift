import Foundation

/// The pairing report of SPEC 5, ready for any reporter (table, json, csv, markdown, later html):
/// plain values, already sorted and selected, people shown under one spelling each.
public struct PairingReport: Hashable, Sendable {
    /// Two people who took part in the same commits.
    public struct Pair: Hashable, Sendable {
        /// Exactly two, in display order (name, case-insensitively, then identity).
        public var people: [Person]
        public var commits: Int
        public var byCategory: CategoryTally
        /// Insertions + deletions of the pair's commits whose file statistics are known; nil when none
        /// of its commits has statistics (run with `--no-stats`, or every object unreadable).
        public var churn: Int?
        /// Author dates of the earliest and latest commit, each in its own UTC offset.
        public var first: Timestamp
        public var last: Timestamp
        /// Repository names, sorted.
        public var repos: [String]
        public var category: Category

        public init(
            people: [Person], commits: Int, byCategory: CategoryTally, churn: Int?, first: Timestamp,
            last: Timestamp, repos: [String], category: Category
        ) {
            self.people = people
            self.commits = commits
            self.byCategory = byCategory
            self.churn = churn
            self.first = first
            self.last = last
            self.repos = repos
            self.category = category
        }
    }

    /// One person's part in pairing.
    public struct Participant: Hashable, Sendable {
        public var person: Person
        /// Every counted (non-skipped) commit they took part in, alone or not.
        public var commits: Int
        /// Those with two or more participants.
        public var pairedCommits: Int
        /// `pairedCommits / commits`, a fraction.
        public var pairedShare: Double
        /// Distinct people they paired with (over all pairs, whatever `--top`/`--min-commits` list).
        public var partners: Int
        /// The other identities merged into this person (`People`), each under its most used spelling.
        public var aliases: [Person]

        public init(
            person: Person, commits: Int, pairedCommits: Int, pairedShare: Double, partners: Int,
            aliases: [Person] = []
        ) {
            self.person = person
            self.commits = commits
            self.pairedCommits = pairedCommits
            self.pairedShare = pairedShare
            self.partners = partners
            self.aliases = aliases
        }
    }

    /// The listed pairs laid out person × person: `commits[i][j]` is the commits of `people[i]` with
    /// `people[j]` (symmetric, 0 on the diagonal and for pairs not listed).
    public struct Matrix: Hashable, Sendable {
        public var people: [Person]
        public var commits: [[Int]]

        public init(people: [Person], commits: [[Int]]) {
            self.people = people
            self.commits = commits
        }
    }

    /// Sorted by commits, descending, then by the people's names; cut by `--min-commits` and `--top`.
    public var pairs: [Pair]
    /// Sorted by paired commits, then commits, descending, then by name; cut by `--top`.
    public var people: [Participant]
    public var matrix: Matrix
    /// Commits with two or more participants (all of them, whatever the selection).
    public var pairingCommits: Int
    /// Every counted (non-skipped) commit.
    public var commits: Int
    /// All pairs and all participants, before the selection.
    public var pairCount: Int
    public var participantCount: Int

    public init(
        pairs: [Pair], people: [Participant], matrix: Matrix, pairingCommits: Int, commits: Int,
        pairCount: Int? = nil, participantCount: Int? = nil
    ) {
        self.pairs = pairs
        self.people = people
        self.matrix = matrix
        self.pairingCommits = pairingCommits
        self.commits = commits
        self.pairCount = pairCount ?? pairs.count
        self.participantCount = participantCount ?? people.count
    }
}

/// Which pairs and people a report lists (`--min-commits`, `--top`); totals are never cut.
public struct PairingSelection: Hashable, Sendable {
    /// Pairs with fewer commits are left out.
    public var minCommits: Int
    /// At most this many pairs, and this many people; nil for all.
    public var top: Int?

    public init(minCommits: Int = 1, top: Int? = nil) {
        self.minCommits = minCommits
        self.top = top
    }
}
