import Clibgit2

extension Repository {
    /// The files a commit changed against its first parent (the empty tree for a root commit), with
    /// line counts as `git log --numstat --no-renames --diff-merges=first-parent` gives them.
    /// Throws when a tree or blob cannot be read (partial clones, damaged packs).
    public func fileChanges(of commit: GitCommit) throws -> [GitFileChange] {
        try treeChanges(of: commit).map { try fileChange($0, context: commit.id.hex) }
    }

    /// Counts one change's lines (xdiff through libgit2, zero context); binary files count 0, as in git.
    public func fileChange(_ change: TreeChange, context: String) throws -> GitFileChange {
        let (insertions, deletions, binary) = try lineStats(change, context: context)
        return GitFileChange(
            path: change.path, oldPath: nil, status: change.status,
            insertions: insertions, deletions: deletions, binary: binary)
    }

    private func lineStats(_ change: TreeChange, context: String) throws -> (Int, Int, Bool) {
        // A submodule side reads as one line, "Subproject commit <sha>", as git prints it.
        let oldIsLink = change.oldMode == 0o160000, newIsLink = change.newMode == 0o160000
        if oldIsLink || newIsLink {
            if oldIsLink && newIsLink { return (1, 1, false) }
            if change.oldID == nil { return (1, 0, false) }
            if change.newID == nil { return (0, 1, false) }
        }
        let oldBlob = try change.oldID.flatMap { oldIsLink ? nil : try BlobHandle(repository: self, id: $0) }
        let newBlob = try change.newID.flatMap { newIsLink ? nil : try BlobHandle(repository: self, id: $0) }
        var options = git_diff_options()
        git_diff_options_init(&options, UInt32(GIT_DIFF_OPTIONS_VERSION))
        options.context_lines = 0
        options.interhunk_lines = 0
        var patch: OpaquePointer?
        try check(
            git_patch_from_blobs(&patch, oldBlob?.pointer, change.path, newBlob?.pointer, change.path, &options),
            "reading the changes of commit \(context)")
        defer { git_patch_free(patch) }
        var contextLines = 0, additions = 0, deletions = 0
        try check(git_patch_line_stats(&contextLines, &additions, &deletions, patch), "counting lines of \(context)")
        let flags = git_patch_get_delta(patch)?.pointee.flags ?? 0
        if flags & GIT_DIFF_FLAG_BINARY.rawValue != 0 { return (0, 0, true) }
        // The submodule side's one line: an insertion when it is the new side, a deletion when the old.
        return (additions + (newIsLink ? 1 : 0), deletions + (oldIsLink ? 1 : 0), false)
    }
}

final class TreeHandle {
    let pointer: OpaquePointer
    init(repository: Repository, id: ObjectID) throws {
        var oid = id.raw
        var tree: OpaquePointer?
        try check(git_tree_lookup(&tree, repository.pointer, &oid), "reading tree \(id.hex)")
        pointer = tree!
    }
    deinit { git_tree_free(pointer) }
}

/// Owns a blob; a missing blob throws (the commit's stats become unavailable).
final class BlobHandle {
    let pointer: OpaquePointer

    init(repository: Repository, id: ObjectID) throws {
        var oid = id.raw
        var blob: OpaquePointer?
        try check(git_blob_lookup(&blob, repository.pointer, &oid), "reading blob \(id.hex)")
        pointer = blob!
    }

    deinit { git_blob_free(pointer) }
}
