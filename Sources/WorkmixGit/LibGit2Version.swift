internal import Clibgit2

/// The libgit2 workmix runs on.
package enum LibGit2Version {
    /// As "1.5.1".
    package static var text: String {
        var major: Int32 = 0
        var minor: Int32 = 0
        var revision: Int32 = 0
        guard git_libgit2_version(&major, &minor, &revision) == 0 else { return "unknown" }
        return "\(major).\(minor).\(revision)"
    }
}
