/// What went wrong without stopping a run, reported once at its end. The library returns these as
/// values; the command line words them (and `--quiet` hides them).
public enum RunWarning: Sendable, Equatable {
    /// A shallow clone: history stops where the clone was cut.
    case shallowClone(repository: String?)
    /// Commits with trees or blobs missing (a partial or damaged repository): listed with `"stats": null`.
    case statsUnavailable(commits: Int, repository: String?)
    /// Parent commits that could not be read: history stops there.
    case parentsUnreadable(commits: Int, repository: String?)
    /// A config override whose prefix matched several commits.
    case ambiguousOverride(prefix: String, commits: [String], location: SourceLocation?)
    /// Rules the regex engine gave up on (too much backtracking) for some commits, left undecided.
    case rulesUnevaluated(UnevaluatedRules)

    /// The repository it concerns, named only when a run reads several.
    public var repository: String? {
        switch self {
        case .shallowClone(let repository), .statsUnavailable(_, let repository), .parentsUnreadable(_, let repository):
            return repository
        case .ambiguousOverride, .rulesUnevaluated:
            return nil
        }
    }
}
