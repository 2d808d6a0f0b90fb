internal import Clibgit2

extension Repository {
    /// Counts one change's lines (xdiff through libgit2, zero context) as `git log --numstat --no-renames`
    /// gives them; binary files count 0, as in git. Throws when a blob cannot be read (partial clones,
    /// damaged packs).
    package func fileChange(_ change: TreeChange, context: String) throws -> GitFileChange {
        let counts = try LineCounts(change, in: self, context: context)
        return GitFileChange(
            path: change.path, oldPath: nil, status: change.status,
            insertions: counts.insertions, deletions: counts.deletions, binary: counts.binary)
    }
}

/// The lines a change inserts and deletes, from a diff of its two blobs.
struct LineCounts {
    var insertions: Int
    var deletions: Int
    var binary: Bool

    init(_ change: TreeChange, in repository: Repository, context: String) throws {
        // A submodule side reads as one line, "Subproject commit <sha>", as git prints it.
        let oldIsLink = change.oldMode == 0o160000, newIsLink = change.newMode == 0o160000
        if oldIsLink || newIsLink {
            if oldIsLink && newIsLink { self.init(insertions: 1, deletions: 1); return }
            if change.oldID == nil { self.init(insertions: 1, deletions: 0); return }
            if change.newID == nil { self.init(insertions: 0, deletions: 1); return }
        }
        let oldBlob = try change.oldID.flatMap { oldIsLink ? nil : try GitObject<BlobKind>(repository, $0) }
        let newBlob = try change.newID.flatMap { newIsLink ? nil : try GitObject<BlobKind>(repository, $0) }
        // The patch may point into the blobs' content: keep them until it is freed.
        defer { withExtendedLifetime((oldBlob, newBlob)) {} }
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
        if flags & GIT_DIFF_FLAG_BINARY.rawValue != 0 {
            self.init(insertions: 0, deletions: 0, binary: true)
            return
        }
        // The submodule side's one line: an insertion when it is the new side, a deletion when the old.
        self.init(insertions: additions + (newIsLink ? 1 : 0), deletions: deletions + (oldIsLink ? 1 : 0))
    }

    init(insertions: Int, deletions: Int, binary: Bool = false) {
        self.insertions = insertions
        self.deletions = deletions
        self.binary = binary
    }
}
