internal import Clibgit2
import Foundation

/// A person and a moment, as a commit records them.
package struct GitSignature: Sendable, Equatable {
    package var name: String
    package var email: String
    /// Seconds since the epoch.
    package var time: Int64
    /// The commit's own UTC offset, in minutes.
    package var offsetMinutes: Int32

    package init(name: String, email: String, time: Int64, offsetMinutes: Int32) {
        self.name = name
        self.email = email
        self.time = time
        self.offsetMinutes = offsetMinutes
    }
}

/// A commit copied out of libgit2: no pointer survives the lookup.
package struct GitCommit: Sendable {
    package var id: ObjectID
    package var parents: [ObjectID]
    package var tree: ObjectID
    package var author: GitSignature
    package var committer: GitSignature
    /// The raw message, decoded as UTF-8 with invalid bytes replaced.
    package var message: String

    package init(
        id: ObjectID, parents: [ObjectID], tree: ObjectID, author: GitSignature, committer: GitSignature,
        message: String
    ) {
        self.id = id
        self.parents = parents
        self.tree = tree
        self.author = author
        self.committer = committer
        self.message = message
    }
}

/// Where a walk reads commits: the repository, or a store of commits already read from it.
package protocol CommitSource: AnyObject {
    func commit(_ id: ObjectID) throws -> GitCommit
}

extension Repository: CommitSource {}

/// One file changed between two trees, with line counts as `git diff --numstat` gives them.
package struct GitFileChange: Sendable, Equatable {
    package enum Status: String, Sendable {
        case added, deleted, modified, renamed, copied, typechange
    }
    package var path: String
    package var oldPath: String?
    package var status: Status
    package var insertions: Int
    package var deletions: Int
    package var binary: Bool
}

extension Repository {
    /// Reads one commit.
    package func commit(_ id: ObjectID) throws -> GitCommit {
        GitCommit(try GitObject<CommitKind>(self, id))
    }
}

extension GitObject<CommitKind> {
    var committerTime: Int64 { Int64(git_commit_time(pointer)) }

    var treeID: ObjectID { ObjectID(git_commit_tree_id(pointer)) }

    var parentIDs: [ObjectID] {
        let count = git_commit_parentcount(pointer)
        var parents: [ObjectID] = []
        parents.reserveCapacity(Int(count))
        for i in 0..<count {
            if let id = git_commit_parent_id(pointer, i) { parents.append(ObjectID(id)) }
        }
        return parents
    }
}

extension GitCommit {
    /// Copies a commit out of libgit2.
    init(_ commit: GitObject<CommitKind>) {
        let pointer = commit.pointer
        let encoding = git_commit_message_encoding(pointer).map { String(cString: $0) }
        self.init(
            id: ObjectID(git_commit_id(pointer)),
            parents: commit.parentIDs,
            tree: commit.treeID,
            author: GitSignature(git_commit_author(pointer), encoding: encoding),
            committer: GitSignature(git_commit_committer(pointer), encoding: encoding),
            message: git_commit_message(pointer).map { decodeText($0, encoding: encoding) } ?? ""
        )
    }
}

extension GitSignature {
    init(_ sig: UnsafePointer<git_signature>?, encoding: String?) {
        guard let sig else {
            self.init(name: "", email: "", time: 0, offsetMinutes: 0)
            return
        }
        self.init(
            name: sig.pointee.name.map { decodeText($0, encoding: encoding) } ?? "",
            email: sig.pointee.email.map { decodeText($0, encoding: encoding) } ?? "",
            time: Int64(sig.pointee.when.time),
            offsetMinutes: Int32(sig.pointee.when.offset)
        )
    }
}

/// Decodes commit text as git log does: UTF-8 unless the commit names another encoding; invalid bytes
/// become U+FFFD rather than failing.
func decodeText(_ cString: UnsafePointer<CChar>, encoding: String?) -> String {
    let count = strlen(cString)
    let bytes = UnsafeBufferPointer(start: UnsafeRawPointer(cString).assumingMemoryBound(to: UInt8.self), count: count)
    if let encoding, !encoding.isEmpty {
        let lower = encoding.lowercased()
        if lower == "iso-8859-1" || lower == "latin1" || lower == "latin-1" || lower == "iso8859-1" {
            return String(String.UnicodeScalarView(bytes.map { Unicode.Scalar($0) }))
        }
        if lower == "windows-1252" || lower == "cp1252",
            let text = String(data: Data(bytes), encoding: .windowsCP1252)
        {
            return text
        }
    }
    return String(decoding: bytes, as: UTF8.self)
}
