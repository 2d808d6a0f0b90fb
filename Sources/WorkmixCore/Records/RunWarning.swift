/// What went wrong without stopping a run, reported once at its end. The library returns these as
/// values; the command line words them (and `--quiet` hides them).
package enum RunWarning: Sendable, Equatable {
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
    /// A history store file that could not be read (not SQLite, damaged, or newer): rebuilt from git.
    case storeRebuilt(path: String, reason: String)
    /// The history store cannot be used (a folder not writable): the run reads git alone.
    case storeUnavailable(path: String, reason: String)
    /// What a run read could not be written to the store: the next run reads it from git again.
    case storeNotSaved(path: String, reason: String)

    /// The repository it concerns, named only when a run reads several.
    package var repository: String? {
        switch self {
        case .shallowClone(let repository), .statsUnavailable(_, let repository), .parentsUnreadable(_, let repository):
            return repository
        case .ambiguousOverride, .rulesUnevaluated, .storeRebuilt, .storeUnavailable, .storeNotSaved:
            return nil
        }
    }
}
