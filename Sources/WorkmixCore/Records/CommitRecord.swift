import Foundation

/// A `Key: value` line of a message's trailer block.
package struct Trailer: Hashable, Codable, Sendable {
    package var key: String
    package var value: String
    package init(key: String, value: String) {
        self.key = key
        self.value = value
    }
}

/// One file a commit changed against its first parent.
package struct FileChange: Hashable, Codable, Sendable {
    package enum Status: String, Codable, Sendable {
        case added, deleted, modified, renamed, copied, typechange
    }
    package var path: String
    package var oldPath: String?
    package var status: Status
    package var insertions: Int
    package var deletions: Int
    package var binary: Bool

    package init(
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
package struct ChangeStats: Hashable, Codable, Sendable {
    package var files: Int
    package var insertions: Int
    package var deletions: Int

    package init(files: Int, insertions: Int, deletions: Int) {
        self.files = files
        self.insertions = insertions
        self.deletions = deletions
    }

    package init(_ changes: [FileChange]) {
        self.init(
            files: changes.count,
            insertions: changes.reduce(0) { $0 + $1.insertions },
            deletions: changes.reduce(0) { $0 + $1.deletions })
    }

    package var churn: Int { insertions + deletions }
    package var net: Int { insertions - deletions }
}

/// How much of a commit's file changes a rule needs: the paths (a tree comparison, cheap) or also
/// the line counts (a diff of every changed blob, the costly part).
package enum ChangeDetail: Int, Sendable, Comparable {
    case paths, lines

    package static func < (lhs: ChangeDetail, rhs: ChangeDetail) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// What is known of a commit's file changes.
package enum ChangeInfo: Hashable, Sendable {
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
    package var changes: [FileChange]? {
        switch self {
        case .paths(let changes), .linesUnavailable(let changes), .computed(let changes): return changes
        case .notComputed, .unavailable: return nil
        }
    }

    /// Totals, known only when lines were counted.
    package var stats: ChangeStats? {
        if case .computed(let changes) = self { return ChangeStats(changes) }
        return nil
    }

    /// Whether nothing was found unreadable (a missing tree or blob).
    package var isComplete: Bool {
        switch self {
        case .unavailable, .linesUnavailable: return false
        case .notComputed, .paths, .computed: return true
        }
    }

    /// Whether reading the repository again could give `detail` (false once something was unreadable).
    package func canImprove(to detail: ChangeDetail) -> Bool {
        switch self {
        case .notComputed: return true
        case .paths: return detail == .lines
        case .computed, .unavailable, .linesUnavailable: return false
        }
    }
}

/// A commit as every workmix command sees it (SPEC 2).
package struct CommitRecord: Hashable, Sendable {
    package var repo: String
    package var sha: String
    package var parents: [String]
    package var author: Person
    package var committer: Person
    package var authoredAt: Timestamp
    package var committedAt: Timestamp
    package var subject: String
    package var body: String
    package var trailers: [Trailer]
    package var coAuthors: [Person]
    package var changeInfo: ChangeInfo
    /// What the commit did to its dependency manifests, once read (nil: not read, or unreadable).
    package var dependencies: DependencyChanges?

    package var isMerge: Bool { parents.count > 1 }
    package var message: String { body.isEmpty ? subject : subject + "\n\n" + body }

    package init(
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
package enum MessageParts {
    package static func split(_ message: String) -> (subject: String, body: String) {
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
