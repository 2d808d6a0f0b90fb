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
    /// The history store could not be used as it should (a file rebuilt, a folder not writable, a write
    /// that failed): the message, worded by the store, says what happened to the file or folder at `path`.
    case store(path: String, message: String)

    /// The repository it concerns, named only when a run reads several.
    package var repository: String? {
        switch self {
        case .shallowClone(let repository), .statsUnavailable(_, let repository), .parentsUnreadable(_, let repository):
            return repository
        case .ambiguousOverride, .rulesUnevaluated, .store:
            return nil
        }
    }
}
