import Foundation

extension ResidencyReport {
    /// Adds follow-through (from `FollowThroughCollector.result()`) to each residency, in order, and to
    /// the summary; verdicts that depend on it (`min_follow_through`) are judged again.
    public mutating func attach(_ followThrough: (residencies: [FollowThroughResult], summary: FollowThroughResult)) {
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
}
