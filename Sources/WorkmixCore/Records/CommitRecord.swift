import Foundation

/// A `Key: value` line of a message's trailer block.
public struct Trailer: Hashable, Codable, Sendable {
    public var key: String
    public var value: String
    public init(key: String, value: String) {
        self.key = key
        self.value = value
    }
}

/// One file a commit changed against its first parent.
public struct FileChange: Hashable, Codable, Sendable {
    public enum Status: String, Codable, Sendable {
        case added, deleted, modified, renamed, copied, typechange
    }
    public var path: String
    public var oldPath: String?
    public var status: Status
    public var insertions: Int
    public var deletions: Int
    public var binary: Bool

    public init(
        path: String, oldPath: String? = nil, status: Status = .modified,
        insertions: Int = 0, deletions: Int = 0, binary: Bool = false
    ) {
        self.path = path
        self.oldPath = oldPath
        self.status = status
        self.insertions = insertions
        self.deletions = deletions
        self.binary = binary
    }
}

/// Totals of a commit's file changes.
public struct ChangeStats: Hashable, Codable, Sendable {
    public var files: Int
    public var insertions: Int
    public var deletions: Int

    public init(files: Int, insertions: Int, deletions: Int) {
        self.files = files
        self.insertions = insertions
        self.deletions = deletions
    }

    public init(_ changes: [FileChange]) {
        self.init(
            files: changes.count,
            insertions: changes.reduce(0) { $0 + $1.insertions },
            deletions: changes.reduce(0) { $0 + $1.deletions })
    }

    public var churn: Int { insertions + deletions }
    public var net: Int { insertions - deletions }
}

/// How much of a commit's file changes a rule needs: the paths (a tree comparison, cheap) or also
/// the line counts (a diff of every changed blob, the costly part).
public enum ChangeDetail: Int, Sendable, Comparable {
    case paths, lines

    public static func < (lhs: ChangeDetail, rhs: ChangeDetail) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// What is known of a commit's file changes.
public enum ChangeInfo: Hashable, Sendable {
    /// Not asked for: nothing needed them.
    case notComputed
    /// Asked for, but a tree could not be read.
    case unavailable
    /// Paths and statuses only: line counts not computed (each change's counts are 0).
    case paths([FileChange])
    /// Paths and statuses known, but a blob could not be read, so there are no line counts: file rules
    /// still see the paths (SPEC 3: classified from what can be read), output says `"stats": null`.
    case linesUnavailable([FileChange])
    case computed([FileChange])

    /// The changed files, known from `paths` on.
    public var changes: [FileChange]? {
        switch self {
        case .paths(let changes), .linesUnavailable(let changes), .computed(let changes): return changes
        case .notComputed, .unavailable: return nil
        }
    }

    /// Totals, known only when lines were counted.
    public var stats: ChangeStats? {
        if case .computed(let changes) = self { return ChangeStats(changes) }
        return nil
    }

    /// Whether nothing was found unreadable (a missing tree or blob).
    public var isComplete: Bool {
        switch self {
        case .unavailable, .linesUnavailable: return false
        case .notComputed, .paths, .computed: return true
        }
    }

    /// Whether reading the repository again could give `detail` (false once something was unreadable).
    public func canImprove(to detail: ChangeDetail) -> Bool {
        switch self {
        case .notComputed: return true
        case .paths: return detail == .lines
        case .computed, .unavailable, .linesUnavailable: return false
        }
    }
}

/// A commit as every workmix command sees it (SPEC 2).
public struct CommitRecord: Hashable, Sendable {
    public var repo: String
    public var sha: String
    public var parents: [String]
    public var author: Person
    public var committer: Person
    public var authoredAt: Timestamp
    public var committedAt: Timestamp
    public var subject: String
    public var body: String
    public var trailers: [Trailer]
    public var coAuthors: [Person]
    public var changeInfo: ChangeInfo
    /// What the commit did to its dependency manifests, once read (nil: not read, or unreadable).
    public var dependencies: DependencyChanges?

    public var isMerge: Bool { parents.count > 1 }
    public var message: String { body.isEmpty ? subject : subject + "\n\n" + body }

    public init(
        repo: String = "", sha: String, parents: [String] = [], author: Person, committer: Person? = nil,
        authoredAt: Timestamp, committedAt: Timestamp? = nil, subject: String, body: String = "",
        trailers: [Trailer] = [], coAuthors: [Person] = [], changeInfo: ChangeInfo = .notComputed
    ) {
        self.repo = repo
        self.sha = sha
        self.parents = parents
        self.author = author
        self.committer = committer ?? author
        self.authoredAt = authoredAt
        self.committedAt = committedAt ?? authoredAt
        self.subject = subject
        self.body = body
        self.trailers = trailers
        self.coAuthors = coAuthors
        self.changeInfo = changeInfo
    }
}

/// Splits a raw message as git does for `%s` and `%b`: the subject is the first line, the body what
/// follows the blank line(s) after it.
public enum MessageParts {
    public static func split(_ message: String) -> (subject: String, body: String) {
        MessageLines(message).parts
    }
}

extension StringProtocol {
    func trimmingWhitespace() -> String {
        var s = Substring(self)
        while let c = s.first, c.isWhitespace { s = s.dropFirst() }
        while let c = s.last, c.isWhitespace { s = s.dropLast() }
        return String(s)
    }

    func trimmingTrailingWhitespace() -> Substring {
        var s = Substring(self)
        while let c = s.last, c.isWhitespace { s = s.dropLast() }
        return s
    }
}
