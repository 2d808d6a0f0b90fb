import Clibgit2

extension Repository {
    /// The files a commit changed against its first parent (the empty tree for a root commit), with
    /// line counts as `git log --numstat --no-renames --diff-merges=first-parent` gives them.
    /// Throws when a tree or blob cannot be read (partial clones, damaged packs).
    public func fileChanges(of commit: GitCommit) throws -> [GitFileChange] {
        let newTree = try TreeHandle(repository: self, id: commit.tree)
        var oldTree: TreeHandle?
        if let parent = commit.parents.first {
            let parentCommit = try CommitHandle(repository: self, id: parent)
            oldTree = try TreeHandle(repository: self, id: ObjectID(git_commit_tree_id(parentCommit.pointer)))
        }
        let diff = try DiffHandle(repository: self, old: oldTree, new: newTree, context: commit.id.hex)
        return try diff.changes(in: self, context: commit.id.hex)
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

/// A blob, or nil for a side that is no blob (a submodule's commit) or is absent.
final class BlobHandle {
    let pointer: OpaquePointer

    init?(repository: Repository, id: git_oid, mode: UInt16) {
        guard mode != UInt16(GIT_FILEMODE_COMMIT.rawValue), mode != 0 else { return nil }
        var oid = id
        var blob: OpaquePointer?
        guard git_blob_lookup(&blob, repository.pointer, &oid) == 0, let blob else { return nil }
        pointer = blob
    }

    deinit { git_blob_free(pointer) }
}

final class DiffHandle {
    let pointer: OpaquePointer

    init(repository: Repository, old: TreeHandle?, new: TreeHandle, context: String) throws {
        var options = git_diff_options()
        git_diff_options_init(&options, UInt32(GIT_DIFF_OPTIONS_VERSION))
        // A symlink <-> file change is one typechange entry, as in git (else: a delete and an add).
        options.flags |= GIT_DIFF_INCLUDE_TYPECHANGE.rawValue
        options.context_lines = 0
        options.interhunk_lines = 0
        var diff: OpaquePointer?
        try check(git_diff_tree_to_tree(&diff, repository.pointer, old?.pointer, new.pointer, &options),
                  "diffing commit \(context)")
        pointer = diff!
    }

    deinit { git_diff_free(pointer) }

    func changes(in repository: Repository, context: String) throws -> [GitFileChange] {
        let count = git_diff_num_deltas(pointer)
        var changes: [GitFileChange] = []
        changes.reserveCapacity(count)
        for index in 0..<count {
            var patch: OpaquePointer?
            try check(git_patch_from_diff(&patch, pointer, index), "reading the changes of commit \(context)")
            defer { git_patch_free(patch) }
            var contextLines = 0, additions = 0, deletions = 0
            if let patch {
                try check(git_patch_line_stats(&contextLines, &additions, &deletions, patch), "counting lines of \(context)")
            }
            guard let delta = git_diff_get_delta(pointer, index)?.pointee else { continue }
            var binary = (delta.flags & GIT_DIFF_FLAG_BINARY.rawValue) != 0
            if delta.status == GIT_DELTA_TYPECHANGE {
                // libgit2 counts no lines for a typechange; git diffs the two contents (a symlink's
                // target is its content), so do that.
                (additions, deletions, binary) = try Self.blobLineStats(repository, old: delta.old_file, new: delta.new_file, context: context)
            }
            let newPath = delta.new_file.path.map { String(cString: $0) } ?? ""
            let oldPath = delta.old_file.path.map { String(cString: $0) } ?? newPath
            let status: GitFileChange.Status
            switch delta.status {
            case GIT_DELTA_ADDED: status = .added
            case GIT_DELTA_DELETED: status = .deleted
            case GIT_DELTA_RENAMED: status = .renamed
            case GIT_DELTA_COPIED: status = .copied
            case GIT_DELTA_TYPECHANGE: status = .typechange
            default: status = .modified
            }
            changes.append(GitFileChange(
                path: status == .deleted ? oldPath : newPath,
                oldPath: (status == .renamed || status == .copied) ? oldPath : nil,
                status: status,
                insertions: binary ? 0 : additions,
                deletions: binary ? 0 : deletions,
                binary: binary
            ))
        }
        return changes
    }

    static func blobLineStats(_ repository: Repository, old: git_diff_file, new: git_diff_file,
                              context: String) throws -> (Int, Int, Bool) {
        let oldBlob = BlobHandle(repository: repository, id: old.id, mode: old.mode)
        let newBlob = BlobHandle(repository: repository, id: new.id, mode: new.mode)
        var options = git_diff_options()
        git_diff_options_init(&options, UInt32(GIT_DIFF_OPTIONS_VERSION))
        options.context_lines = 0
        var patch: OpaquePointer?
        try check(git_patch_from_blobs(&patch, oldBlob?.pointer, old.path, newBlob?.pointer, new.path, &options),
                  "reading the changes of commit \(context)")
        defer { git_patch_free(patch) }
        var contextLines = 0, additions = 0, deletions = 0
        try check(git_patch_line_stats(&contextLines, &additions, &deletions, patch), "counting lines of \(context)")
        let flags = git_patch_get_delta(patch)?.pointee.flags ?? 0
        let binary = (flags & GIT_DIFF_FLAG_BINARY.rawValue) != 0
        return binary ? (0, 0, true) : (additions, deletions, false)
    }
}
