internal import Clibgit2

/// The kinds of libgit2 object workmix reads, each with the `git_object_t` a lookup asks for.
protocol GitObjectKind {
    static var type: git_object_t { get }
    /// How errors name it: "reading commit <sha>".
    static var noun: String { get }
}

enum CommitKind: GitObjectKind {
    static var type: git_object_t { GIT_OBJECT_COMMIT }
    static var noun: String { "commit" }
}

enum TreeKind: GitObjectKind {
    static var type: git_object_t { GIT_OBJECT_TREE }
    static var noun: String { "tree" }
}

enum BlobKind: GitObjectKind {
    static var type: git_object_t { GIT_OBJECT_BLOB }
    static var noun: String { "blob" }
}

/// Owns one libgit2 object of a known kind for the length of a read, and frees it in `deinit`; what
/// callers keep is copied out at once as values (`GitCommit`, `ObjectID`, line counts).
/// libgit2's `git_commit_*`, `git_tree_*` and `git_blob_*` functions take the same pointer.
final class GitObject<Kind: GitObjectKind> {
    let pointer: OpaquePointer

    /// Looks `id` up; a missing object or one of another kind throws.
    init(_ repository: Repository, _ id: ObjectID) throws {
        var oid = id.raw
        var object: OpaquePointer?
        try check(git_object_lookup(&object, repository.pointer, &oid, Kind.type), "reading \(Kind.noun) \(id.hex)")
        guard let object else {
            throw GitError(code: .notFound, message: "no such object", context: "reading \(Kind.noun) \(id.hex)")
        }
        pointer = object
    }

    deinit { git_object_free(pointer) }
}
