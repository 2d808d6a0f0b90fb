import Foundation

/// Commits and how many of them were followed: a link's baseline, or a link in one area.
package struct FollowedCount: Sendable, Hashable {
    package var commits: Int
    package var followed: Int

    package init(commits: Int = 0, followed: Int = 0) {
        self.commits = commits
        self.followed = followed
    }

    /// `followed` of `commits`; 0 when there are none.
    package var share: Double { commits == 0 ? 0 : Double(followed) / Double(commits) }
}

/// How a link compares with what would have followed anyway (SPEC 9): its baseline is the same measure
/// over the residency's other counted commits (those not of the link's first kind), the lift the
/// link's share over the baseline's, and a permutation test says how often categories shuffled at
/// random among the counted commits give a lift at least as high.
package struct FollowThroughLift: Sendable, Equatable {
    /// The least number of commits on each side for a lift.
    package static let minimumCommits = 5
    /// The share of permutations at either end left out of `interval`.
    static let tail = 0.05

    package var baseline: FollowedCount
    /// The link's share divided by the baseline's; nil with `note` saying why.
    package var lift: Double?
    package var note: String?
    /// The share of permutations whose lift is at least `lift` (one-sided); nil with no lift or no permutations.
    package var p: Double?
    /// The middle 90% of the lifts the permutations gave: what chance alone gives. `high` is nil when it
    /// is unbounded (permutations that left no other commit followed); nil when `low` is too.
    package var interval: (low: Double, high: Double?)?
    package var permutations: Int

    package init(
        baseline: FollowedCount = .init(), lift: Double? = nil, note: String? = nil, p: Double? = nil,
        interval: (low: Double, high: Double?)? = nil, permutations: Int = 0
    ) {
        self.baseline = baseline
        self.lift = lift
        self.note = note
        self.p = p
        self.interval = interval
        self.permutations = permutations
    }

    package static func == (lhs: FollowThroughLift, rhs: FollowThroughLift) -> Bool {
        lhs.baseline == rhs.baseline && lhs.lift == rhs.lift && lhs.note == rhs.note && lhs.p == rhs.p
            && lhs.interval?.low == rhs.interval?.low && lhs.interval?.high == rhs.interval?.high
            && lhs.permutations == rhs.permutations
    }
}

extension FollowThroughLift {
    /// `1.24`: two decimals, as the reports print a lift.
    package static func format(_ lift: Double) -> String { String(format: "%.2f", lift) }

    /// `0.031`, or `< 0.001` when no permutation of 1,000 reached the lift.
    package static func formatP(_ p: Double, permutations: Int) -> String {
        p == 0 && permutations > 0 ? "< " + String(format: "%g", 1 / Double(permutations)) : String(format: "%.3f", p)
    }
}

/// SplitMix64 (Steele, Lea and Flood 2014): a small seeded generator that gives the same numbers on
/// every platform, so that the permutation test's p-values do too.
struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in `0..<bound` (bound > 0), by the high half of a 128-bit product.
    mutating func below(_ bound: Int) -> Int {
        Int(UInt64(bound).multipliedFullWidth(by: next()).high)
    }
}

/// The permutation test of one link. `followed` says, for each counted commit, whether a commit of
/// the link's second kind followed it; `isSource`, whether it is of the link's first kind. Only the
/// labels move: each permutation picks as many commits as the link has at random (a partial
/// Fisher–Yates shuffle of the flags, the smaller side), so a permutation costs a count.
enum LiftTest {
    static let seed: UInt64 = 0x776F_726B_6D69_78  // "workmix"

    static func run(isSource: [Bool], followed: [Bool], permutations: Int, link name: String) -> FollowThroughLift {
        var own = FollowedCount(), other = FollowedCount()
        for (source, hit) in zip(isSource, followed) {
            if source {
                own.commits += 1
                own.followed += hit ? 1 : 0
            } else {
                other.commits += 1
                other.followed += hit ? 1 : 0
            }
        }
        var result = FollowThroughLift(baseline: other)
        let minimum = FollowThroughLift.minimumCommits
        if own.commits < minimum {
            result.note = "\(own.commits) \(name) commit\(own.commits == 1 ? "" : "s"): too few for a lift (\(minimum) needed)"
        } else if other.commits < minimum {
            result.note = "\(other.commits) other commit\(other.commits == 1 ? "" : "s"): too few for a baseline (\(minimum) needed)"
        } else if other.followed == 0 {
            result.note = "no other commit was followed: no baseline to compare with"
        }
        guard result.note == nil else { return result }
        result.lift = own.share / other.share
        guard permutations > 0 else { return result }
        let (atLeast, lifts) = permute(followed, own: own, other: other, permutations: permutations)
        result.permutations = permutations
        result.p = Double(atLeast) / Double(permutations)
        let sorted = lifts.sorted()
        let low = quantile(sorted, FollowThroughLift.tail), high = quantile(sorted, 1 - FollowThroughLift.tail)
        result.interval = low.isFinite ? (low, high.isFinite ? high : nil) : nil
        return result
    }

    /// How many permutations give a lift at least the observed one, and each one's lift (infinite when
    /// no other commit is followed in it).
    private static func permute(_ followed: [Bool], own: FollowedCount, other: FollowedCount, permutations: Int) -> (Int, [Double]) {
        var flags = followed
        let total = own.followed + other.followed, count = flags.count
        // Pick the smaller side; the other side's count is what is left.
        let picksOwn = own.commits <= other.commits
        let picks = picksOwn ? own.commits : other.commits
        var random = SplitMix64(seed: seed)
        var atLeast = 0
        var lifts: [Double] = []
        lifts.reserveCapacity(permutations)
        for _ in 0..<permutations {
            var hits = 0
            for position in 0..<picks {
                flags.swapAt(position, position + random.below(count - position))
                if flags[position] { hits += 1 }
            }
            let ownFollowed = picksOwn ? hits : total - hits
            // lift' >= lift, in whole numbers: own'/(total - own') >= own/other.
            if ownFollowed * other.followed >= own.followed * (total - ownFollowed) { atLeast += 1 }
            let otherFollowed = total - ownFollowed
            lifts.append(
                otherFollowed == 0
                    ? .infinity
                    : (Double(ownFollowed) / Double(own.commits)) / (Double(otherFollowed) / Double(other.commits)))
        }
        return (atLeast, lifts)
    }

    /// Linear interpolation between the closest ranks (as `LagQuartiles`) of sorted values.
    static func quantile(_ sorted: [Double], _ p: Double) -> Double {
        guard !sorted.isEmpty else { return .nan }
        let rank = Double(sorted.count - 1) * p
        let low = Int(rank.rounded(.down)), high = Int(rank.rounded(.up))
        guard sorted[high].isFinite else { return sorted[high] }
        return sorted[low] + (rank - Double(low)) * (sorted[high] - sorted[low])
    }
}
