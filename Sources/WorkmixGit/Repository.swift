internal import Clibgit2
import Foundation

/// An open repository. Owns its `git_repository` and frees it in `deinit`.
/// Not for sharing across threads: open one per thread (libgit2's rule, and cheap).
package final class Repository {
    let pointer: OpaquePointer
    /// The repository's git directory (for a worktree, its own one under `.git/worktrees/`).
    package let gitDirectory: String
    /// The directory shared by all worktrees (holds `objects/`, `refs/`, `shallow`).
    package let commonDirectory: String
    /// The work tree, or nil for a bare repository.
    package let workTree: String?

    /// Opens the repository at `path` or, as git does, the first one found going up from it.
    package init(discovering path: String) throws {
        _ = LibGit2.initialised
        var repo: OpaquePointer?
        var result = git_repository_open_ext(&repo, path, 0, nil)
        // libgit2 1.5 reports a repository of another user as GIT_EOWNER, or, when no safe.directory
        // is configured at all, as a missing config value: check the owner itself.
        if result != 0, SafeDirectory.ownedByAnotherUser(path) {
            guard SafeDirectory.allows(path) else {
                throw GitError(
                    code: .notOwned,
                    message: "the repository belongs to another user; git reads it only when "
                        + "safe.directory lists it (git config --global --add safe.directory PATH)", context: path)
            }
            result = LibGit2.withoutOwnerValidation { git_repository_open_ext(&repo, path, 0, nil) }
        }
        try check(result, "'\(path)' is not a git repository")
        guard let repo else {
            throw GitError(code: .notFound, message: "not a git repository", context: path)
        }
        pointer = repo
        gitDirectory = String(cString: git_repository_path(repo))
        commonDirectory = String(cString: git_repository_commondir(repo))
        // libgit2 guesses a work tree (the parent folder) for a git directory without `core.bare`, as
        // mirrors and snapshots often are; git treats those as bare. A real work tree has `.git` in it.
        let workdir = git_repository_workdir(repo).map { String(cString: $0) }
        workTree = workdir.flatMap { FileManager.default.fileExists(atPath: ($0 as NSString).appendingPathComponent(".git")) ? $0 : nil }
    }

    deinit {
        if let objectDatabase { git_odb_free(objectDatabase) }
        git_repository_free(pointer)
    }

    /// The object database, opened on the first `contains` (by one thread at a time, like the rest).
    private var objectDatabase: OpaquePointer?

    /// Whether the object database has `id`: an index look-up, nothing read or inflated.
    package func contains(_ id: ObjectID) -> Bool {
        if objectDatabase == nil {
            var odb: OpaquePointer?
            guard git_repository_odb(&odb, pointer) == 0 else { return false }
            objectDatabase = odb
        }
        var oid = id.raw
        return git_odb_exists(objectDatabase, &oid) == 1
    }

    package var isShallow: Bool { git_repository_is_shallow(pointer) == 1 }

    /// HEAD's commit, or nil when HEAD is unborn (an empty repository).
    package func head() throws -> ObjectID? {
        var ref: OpaquePointer?
        let result = git_repository_head(&ref, pointer)
        if result == GIT_EUNBORNBRANCH.rawValue || result == GIT_ENOTFOUND.rawValue { return nil }
        try check(result, "reading HEAD")
        guard let ref else { return nil }
        defer { git_reference_free(ref) }
        return try peelToCommit(ref, name: "HEAD")
    }

    /// The commits at the tips of all references (as `git rev-list --all`: refs/ in name order, then HEAD).
    /// References that do not point at a commit (a tag of a tree or blob) are passed over, as git does.
    package func allReferenceTips() throws -> [ObjectID] {
        var names = git_strarray()
        try check(git_reference_list(&names, pointer), "listing references")
        defer { git_strarray_dispose(&names) }
        var refNames: [String] = []
        for i in 0..<names.count {
            if let name = names.strings[i] { refNames.append(String(cString: name)) }
        }
        var tips: [ObjectID] = []
        for name in refNames.sorted() where name.hasPrefix("refs/") {
            var ref: OpaquePointer?
            guard git_reference_lookup(&ref, pointer, name) == 0, let ref else { continue }
            defer { git_reference_free(ref) }
            if let id = try? peelToCommit(ref, name: name) { tips.append(id) }
        }
        if let head = try head() { tips.append(head) }
        return tips
    }

    private func peelToCommit(_ ref: OpaquePointer, name: String) throws -> ObjectID {
        var object: OpaquePointer?
        try check(git_reference_peel(&object, ref, GIT_OBJECT_COMMIT), "resolving \(name)")
        defer { git_object_free(object) }
        return ObjectID(git_object_id(object))
    }

    /// Resolves one revision (`HEAD`, `v1.2`, `main~3`, a sha prefix) to a commit.
    package func resolveCommit(_ spec: String) throws -> ObjectID {
        var object: OpaquePointer?
        try check(git_revparse_single(&object, pointer, spec), "unknown revision '\(spec)'")
        defer { git_object_free(object) }
        var commit: OpaquePointer?
        try check(git_object_peel(&commit, object, GIT_OBJECT_COMMIT), "revision '\(spec)' is not a commit")
        defer { git_object_free(commit) }
        return ObjectID(git_object_id(commit))
    }

    /// All merge bases of two commits (criss-cross merges have several), empty when they share no history.
    package func mergeBases(_ a: ObjectID, _ b: ObjectID) throws -> [ObjectID] {
        var out = git_oidarray()
        var ra = a.raw, rb = b.raw
        let result = git_merge_bases(&out, pointer, &ra, &rb)
        if result == GIT_ENOTFOUND.rawValue { return [] }
        try check(result, "finding the merge bases of \(a.hex) and \(b.hex)")
        defer { git_oidarray_dispose(&out) }
        return (0..<out.count).map { ObjectID(out.ids[$0]) }
    }

    /// Whether `commit` is one of `descendants` or reachable from one of them through parents.
    package func isReachable(_ commit: ObjectID, fromAny descendants: [ObjectID]) throws -> Bool {
        if descendants.contains(commit) { return true }
        guard !descendants.isEmpty else { return false }
        var raw = commit.raw
        var others = descendants.map(\.raw)
        let result = git_graph_reachable_from_any(pointer, &raw, &others, others.count)
        try check(result, "finding whether \(commit.hex) is in the history of \(descendants.map(\.hex).joined(separator: " "))")
        return result == 1
    }

    /// Commits whose parents are cut off in a shallow clone (from the `shallow` file, as git reads it).
    package func shallowBoundary() -> Set<ObjectID> {
        let path = (commonDirectory as NSString).appendingPathComponent("shallow")
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return [] }
        return Set(text.split(whereSeparator: \.isNewline).compactMap { ObjectID(hex: String($0)) })
    }

    /// The repository's mailmap text, gathered as git's `read_mailmap` does, later sources overriding
    /// earlier ones: the work tree's `.mailmap` (not in a bare repository), then the blob `mailmap.blob`
    /// names (default `HEAD:.mailmap` in a bare repository), then the file `mailmap.file` names.
    package func mailmapText() -> String? {
        var parts: [String] = []
        if let workTree {
            let path = (workTree as NSString).appendingPathComponent(".mailmap")
            if let text = try? String(contentsOfFile: path, encoding: .utf8) { parts.append(text) }
        }
        if let blob = configString("mailmap.blob", path: false) ?? (workTree == nil ? "HEAD:.mailmap" : nil),
            let text = blobText(blob)
        {
            parts.append(text)
        }
        if let file = configString("mailmap.file", path: true),
            let text = try? String(contentsOfFile: file, encoding: .utf8)
        {
            parts.append(text)
        }
        return parts.isEmpty ? nil : parts.joined(separator: "\n")
    }

    /// A configuration value (repository, global and system levels), `~` expanded for a path; nil when unset.
    func configString(_ name: String, path: Bool) -> String? {
        var config: OpaquePointer?
        guard git_repository_config_snapshot(&config, pointer) == 0, let config else { return nil }
        defer { git_config_free(config) }
        var buffer = git_buf()
        defer { git_buf_dispose(&buffer) }
        let result = path ? git_config_get_path(&buffer, config, name) : git_config_get_string_buf(&buffer, config, name)
        guard result == 0, let text = buffer.ptr else { return nil }
        return String(cString: text)
    }

    /// The text of the blob a revision names (`HEAD:.mailmap`), nil when it names none.
    private func blobText(_ revision: String) -> String? {
        var object: OpaquePointer?
        guard git_revparse_single(&object, pointer, revision) == 0, let object else { return nil }
        defer { git_object_free(object) }
        guard git_object_type(object) == GIT_OBJECT_BLOB else { return nil }
        let size = Int(git_blob_rawsize(object))
        guard let content = git_blob_rawcontent(object) else { return nil }
        return String(decoding: UnsafeRawBufferPointer(start: content, count: size), as: UTF8.self)
    }
}
