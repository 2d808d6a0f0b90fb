import Foundation

extension ResidencyReport {
    /// Adds follow-through (from `FollowThroughCollector.result()`) to each residency, in order, and to
    /// the summary; verdicts that depend on it (`min_follow_through`) are judged again.
    package mutating func attach(_ followThrough: (residencies: [FollowThroughResult], summary: FollowThroughResult)) {
        for (index, result) in zip(residencies.indices, followThrough.residencies) {
            residencies[index].followThrough = result
        }
        summary.followThrough = followThrough.summary
        summary.passed = residencies.filter(\.verdict.passed).map(\.name)
        summary.failed = residencies.filter { !$0.verdict.passed }.map(\.name)
    }
}

extension ResidencyResult {
    /// The plan's `min_follow_through` against the share of support commits followed by investment.
    /// A residency with no support commit to follow fails it too: nothing shows the plan was met.
    var followThroughFindings: [ResidencyVerdict.Finding] {
        guard let minimum = residency.minFollowThrough, let link = followThrough?.supportToInvestment else { return [] }
        guard link.commits == 0 || link.share + ResidencyVerdict.epsilon < minimum else { return [] }
        return [.littleFollowThrough(followed: link.followed, of: link.commits, minimum: minimum)]
    }

    /// The plan's `min_lift` against the lift of support → investment over its baseline. No lift (too
    /// few commits, or nothing else followed) fails it too.
    var liftFindings: [ResidencyVerdict.Finding] {
        guard let minimum = residency.minLift, let link = followThrough?.supportToInvestment else { return [] }
        guard let lift = link.lift.lift, lift + ResidencyVerdict.epsilon >= minimum else {
            return [.lowLift(LiftEvidence(link), minimum: minimum)]
        }
        return []
    }
}

extension ResidencyVerdict.Finding {
    static func followThroughDescription(followed: Int, of commits: Int, minimum: Double) -> String {
        guard commits > 0 else {
            return "no support commit to follow through (min_follow_through \(Percent.format(minimum)))"
        }
        let share = Double(followed) / Double(commits)
        return "follow-through is \(Percent.points(share, distinctFrom: minimum))% of support commits "
            + "(\(followed) of \(commits) followed by investment), below the \(Percent.format(minimum)) required"
    }

    static func liftDescription(_ evidence: LiftEvidence, minimum: Double) -> String {
        guard let lift = evidence.lift else {
            return "no lift of support → investment to judge: \(evidence.note ?? "none") (min_lift \(FollowThroughLift.format(minimum)))"
        }
        let p = evidence.p.map { ", p = " + FollowThroughLift.formatP($0, permutations: evidence.permutations) } ?? ""
        return "support → investment lift is \(FollowThroughLift.format(lift))\(p) "
            + "(\(Percent.format(evidence.own.share)) of \(evidence.own.commits) support commits followed by investment, "
            + "\(Percent.format(evidence.baseline.share)) of \(evidence.baseline.commits) others), "
            + "below the \(FollowThroughLift.format(minimum)) required"
    }
}

/// What a `min_lift` finding says: the link's counts, its baseline's, the lift and its p-value.
package struct LiftEvidence: Hashable, Sendable {
    package var own: FollowedCount
    package var baseline: FollowedCount
    package var lift: Double?
    package var note: String?
    package var p: Double?
    package var permutations: Int

    init(_ link: FollowThroughLink) {
        own = FollowedCount(commits: link.commits, followed: link.followed)
        baseline = link.lift.baseline
        lift = link.lift.lift
        note = link.lift.note
        p = link.lift.p
        permutations = link.lift.permutations
    }
}
