internal import Clibgit2
import Foundation
import Synchronization

/// A libgit2 failure, with the message libgit2 gave for it (read on the failing thread).
package struct GitError: Error, CustomStringConvertible, Sendable {
    package enum Code: Sendable, Equatable {
        case notFound, ambiguous, invalidSpec, bareRepository, unbornBranch, notOwned, other(Int32)
    }
    package let code: Code
    package let message: String
    /// What we were doing, e.g. "resolving 'v1.2'".
    package let context: String

    package init(code: Code, message: String, context: String) {
        self.code = code
        self.message = message
        self.context = context
    }

    package var description: String {
        context.isEmpty ? message : "\(context): \(message)"
    }

    static func fromLastError(_ result: Int32, context: String) -> GitError {
        var message = "libgit2 error \(result)"
        if let last = git_error_last(), let text = last.pointee.message {
            message = String(cString: text).trimmingTrailingNewlines()
        }
        let code: Code
        switch result {
        case GIT_ENOTFOUND.rawValue: code = .notFound
        case GIT_EAMBIGUOUS.rawValue: code = .ambiguous
        case GIT_EINVALIDSPEC.rawValue: code = .invalidSpec
        case GIT_EBAREREPO.rawValue: code = .bareRepository
        case GIT_EUNBORNBRANCH.rawValue: code = .unbornBranch
        default: code = .other(result)
        }
        return GitError(code: code, message: message, context: context)
    }
}

/// Turns a libgit2 return code into a thrown `GitError`.
@inline(__always)
func check(_ result: Int32, _ context: @autoclosure () -> String) throws {
    if result < 0 { throw GitError.fromLastError(result, context: context()) }
}

extension String {
    func trimmingTrailingNewlines() -> String {
        var s = Substring(self)
        while let last = s.last, last == "\n" || last == "\r" { s = s.dropLast() }
        return String(s)
    }
}

/// libgit2 is initialised once per process; strict hash verification is turned off because workmix
/// only reads, and it costs ~40% of diff time (measured: 23.9 s → 14.2 s on redis); so is the object cache.
enum LibGit2 {
    static let initialised: Bool = {
        git_libgit2_init()
        _ = workmix_git_set_strict_hash_verification(0)
        // workmix reads each commit once and compares trees top-down: libgit2's object cache saved no
        // time and cost memory (redis --stats: 6.03 s and 256 MB with 16 MiB of cache, 5.79 s and
        // 215 MB without; git.git default scan 11.0 s / 380 MB against 10.5 s / 347 MB).
        _ = workmix_git_enable_caching(0)
        return true
    }()

    private static let ownerValidation = Mutex(())

    /// Runs `body` with libgit2's ownership check off (a process-wide option, so under a lock), for a
    /// repository that safe.directory allows.
    static func withoutOwnerValidation(_ body: () -> Int32) -> Int32 {
        ownerValidation.withLock { _ in
            _ = workmix_git_set_owner_validation(0)
            defer { _ = workmix_git_set_owner_validation(1) }
            return body()
        }
    }
}
