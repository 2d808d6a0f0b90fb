import Foundation
import WorkmixCore

/// How `workmix label` drew a commit, as the gold set was drawn: most uniformly from the history, the
/// rest from commits the rules in force call investment or support (rarer, so measured better this way).
package enum LabelStratum: String, Codable, Sendable, CaseIterable {
    case uniform, enriched
}

/// A commit to label: where it is, what the rules say of it now, and how it was drawn.
package struct LabelCandidate: Sendable, Equatable {
    package var repo: String
    package var sha: String
    package var category: Category
    package var ruleID: String?
    package var evidence: [String]
    package var stratum: LabelStratum

    package init(_ commit: ClassifiedCommit, stratum: LabelStratum = .uniform) {
        repo = commit.record.repo
        sha = commit.record.sha
        category = commit.classification.category
        ruleID = commit.classification.ruleID
        evidence = commit.classification.evidence
        self.stratum = stratum
    }
}

package enum LabelSample {
    /// The share of a sample drawn uniformly; the rest is drawn from investment and support commits.
    package static let uniformShare = 0.7

    /// Draws `count` commits (all of them when there are fewer): 70% uniformly, 30% from those the rules
    /// call investment or support (topped up uniformly when there are too few), in an order shuffled
    /// with `seed`. The same commits in the same order and seed give the same sample.
    package static func draw(_ commits: [LabelCandidate], count: Int, seed: UInt64) -> [LabelCandidate] {
        var generator = SplitMix64(seed: seed)
        let total = min(count, commits.count)
        let uniformCount = Int((Double(total) * uniformShare).rounded())
        var order = Array(commits.indices)
        order.shuffle(using: &generator)
        var taken = Set(order.prefix(uniformCount))
        var sample = order.prefix(uniformCount).map { commits[$0] }
        let enrichedPool = order.dropFirst(uniformCount).filter { [.investment, .support].contains(commits[$0].category) }
        for index in enrichedPool.prefix(total - uniformCount) {
            var candidate = commits[index]
            candidate.stratum = .enriched
            sample.append(candidate)
            taken.insert(index)
        }
        for index in order where sample.count < total && !taken.contains(index) {
            sample.append(commits[index])
            taken.insert(index)
        }
        sample.shuffle(using: &generator)
        return sample
    }
}

/// A small, fast generator whose sequence is fixed by its seed on every platform (the system's is not
/// seedable), so `--seed` gives the same sample everywhere.
package struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    package init(seed: UInt64) { state = seed }

    package mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
