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

    public init(path: String, oldPath: String? = nil, status: Status = .modified,
                insertions: Int = 0, deletions: Int = 0, binary: Bool = false) {
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
        self.init(files: changes.count,
                  insertions: changes.reduce(0) { $0 + $1.insertions },
                  deletions: changes.reduce(0) { $0 + $1.deletions })
    }

    public var churn: Int { insertions + deletions }
    public var net: Int { insertions - deletions }
}

/// What is known of a commit's file changes.
public enum ChangeInfo: Hashable, Sendable {
    /// Not asked for: nothing needed them.
    case notComputed
    /// Asked for, but a tree or blob could not be read.
    case unavailable
    case computed([FileChange])

    public var changes: [FileChange]? {
        if case .computed(let changes) = self { return changes }
        return nil
    }

    public var stats: ChangeStats? { changes.map(ChangeStats.init) }
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

    public var isMerge: Bool { parents.count > 1 }
    public var message: String { body.isEmpty ? subject : subject + "\n\n" + body }

    public init(repo: String = "", sha: String, parents: [String] = [], author: Person, committer: Person? = nil,
                authoredAt: Timestamp, committedAt: Timestamp? = nil, subject: String, body: String = "",
                trailers: [Trailer] = [], coAuthors: [Person] = [], changeInfo: ChangeInfo = .notComputed) {
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
        let normalized = message.contains("\r") ? message.replacingOccurrences(of: "\r\n", with: "\n") : message
        var lines = normalized.split(separator: "\n", omittingEmptySubsequences: false)[...]
        while let first = lines.first, first.allSatisfy(\.isWhitespace) { lines = lines.dropFirst() }
        guard let subjectLine = lines.first else { return ("", "") }
        let subject = subjectLine.trimmingWhitespace()
        var rest = lines.dropFirst()
        while let first = rest.first, first.allSatisfy(\.isWhitespace) { rest = rest.dropFirst() }
        while let last = rest.last, last.allSatisfy(\.isWhitespace) { rest = rest.dropLast() }
        let body = rest.map { String($0.trimmingTrailingWhitespace()) }.joined(separator: "\n")
        return (subject, body)
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
