/// A person and a moment, as a commit records them.
public struct GitSignature: Sendable, Equatable {
    public var name: String
    public var email: String
    /// Seconds since the epoch.
    public var time: Int64
    /// The commit's own UTC offset, in minutes.
    public var offsetMinutes: Int32

    public init(name: String, email: String, time: Int64, offsetMinutes: Int32) {
        self.name = name
        self.email = email
        self.time = time
        self.offsetMinutes = offsetMinutes
    }
}

/// A commit copied out of libgit2: no pointer survives the lookup.
public struct GitCommit: Sendable {
    public var id: ObjectID
    public var parents: [ObjectID]
    public var tree: ObjectID
    public var author: GitSignature
    public var committer: GitSignature
    /// The raw message, decoded as UTF-8 with invalid bytes replaced.
    public var message: String
}

/// One file changed between two trees, with line counts as `git diff --numstat` gives them.
public struct GitFileChange: Sendable, Equatable {
    public enum Status: String, Sendable {
        case added, deleted, modified, renamed, copied, typechange
    }
    public var path: String
    public var oldPath: String?
    public var status: Status
    public var insertions: Int
    public var deletions: Int
    public var binary: Bool
}
