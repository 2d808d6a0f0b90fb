import WorkmixGit

/// workmix's version: the one place it is written (the Makefile reads it from here to name a release).
/// Stores and classification digests are written by it, so a new version classifies afresh; the commit
/// a binary is built from is not part of it, so a rebuild at another commit keeps what a store holds.
package enum WorkmixVersion {
    package static let current = "0.1.0"

    /// The version line: the version, the commit the binary is built from ("unknown" for a source build
    /// outside git) and the libgit2 it runs on, as `workmix 0.1.0 (commit 1a2b3c4, libgit2 1.5.1)`.
    package static func line(commit: String) -> String {
        "workmix \(current) (commit \(commit), libgit2 \(LibGit2Version.text))"
    }
}
