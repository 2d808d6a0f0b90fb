import Foundation

/// The pairing report of SPEC 5, ready for any reporter (table, json, csv, markdown, later html):
/// plain values, already sorted and selected, people shown under one spelling each.
package struct PairingReport: Hashable, Sendable {
    /// Two people who took part in the same commits.
    package struct Pair: Hashable, Sendable {
        /// Exactly two, in display order (name, case-insensitively, then identity).
        package var people: [Person]
        package var commits: Int
        package var byCategory: CategoryTally
        /// Insertions + deletions of the pair's commits whose file statistics are known; nil when none
        /// of its commits has statistics (run with `--no-stats`, or every object unreadable).
        package var churn: Int?
        /// Author dates of the earliest and latest commit, each in its own UTC offset.
        package var first: Timestamp
        package var last: Timestamp
        /// Repository names, sorted.
        package var repos: [String]
        package var category: Category

        package init(
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
    package struct Participant: Hashable, Sendable {
        package var person: Person
        /// Every counted (non-skipped) commit they took part in, alone or not.
        package var commits: Int
        /// Those with two or more participants.
        package var pairedCommits: Int
        /// `pairedCommits / commits`, a fraction.
        package var pairedShare: Double
        /// Distinct people they paired with (over all pairs, whatever `--top`/`--min-commits` list).
        package var partners: Int
        /// The other identities merged into this person (`People`), each under its most used spelling.
        package var aliases: [Person]

        package init(
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
    package struct Matrix: Hashable, Sendable {
        package var people: [Person]
        package var commits: [[Int]]

        package init(people: [Person], commits: [[Int]]) {
            self.people = people
            self.commits = commits
        }
    }

    /// Sorted by commits, descending, then by the people's names; cut by `--min-commits` and `--top`.
    package var pairs: [Pair]
    /// Sorted by paired commits, then commits, descending, then by name; cut by `--top`.
    package var people: [Participant]
    package var matrix: Matrix
    /// Commits with two or more participants (all of them, whatever the selection).
    package var pairingCommits: Int
    /// Every counted (non-skipped) commit.
    package var commits: Int
    /// All pairs and all participants, before the selection.
    package var pairCount: Int
    package var participantCount: Int

    package init(
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
package struct PairingSelection: Hashable, Sendable {
    /// Pairs with fewer commits are left out.
    package var minCommits: Int
    /// At most this many pairs, and this many people; nil for all.
    package var top: Int?

    package init(minCommits: Int = 1, top: Int? = nil) {
        self.minCommits = minCommits
        self.top = top
    }
}
