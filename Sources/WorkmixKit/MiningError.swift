import WorkmixCore
import WorkmixGit

extension InputError {
    /// A libgit2 failure on the user's repository or revision, as one line naming both.
    static func repository(_ path: String, _ error: GitError) -> InputError {
        InputError("\(path): \(error.description)")
    }
}
