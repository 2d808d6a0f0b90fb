import WorkmixCore
import WorkmixKit

extension FollowThroughCollector {
    /// Reads what came after every window, up to `follow_through.weeks` later, from one repository: the
    /// report's walk stops at the last window's end (or at `--until`, which then stops this too).
    mutating func addCommitsAfterWindows(of target: RepositoryTarget, at index: Int, workspace: Workspace,
                                         analysis: ResidencyAnalysis, context: RuleContext, common: CommonOptions) throws {
        guard common.until == nil else { return }
        let end = analysis.authoredBounds.to
        let last = Timestamp(seconds: end.seconds + settings.windowSeconds, offsetMinutes: 0)
        try workspace.followingCommits(in: target, after: end, until: last, context: context) { commit in
            add(commit, fromRepositoryAt: index)
        }
    }
}
