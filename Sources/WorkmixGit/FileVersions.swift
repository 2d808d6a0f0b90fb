internal import Clibgit2
import Foundation

extension Repository {
    /// The bytes of the file at `path` in `commit`, or in its first parent when `inParent` (nil for a
    /// root commit). Nil also when the path is not a file there or cannot be read (a partial clone, a
    /// damaged pack): callers treat that as unknown, and nothing is thrown.
    package func fileContent(at path: String, in commit: ObjectID, inParent: Bool = false) -> Data? {
        guard let object = try? GitObject<CommitKind>(self, commit) else { return nil }
        var treeID = object.treeID
        if inParent {
            guard let parent = object.parentIDs.first, let parentObject = try? GitObject<CommitKind>(self, parent) else {
                return nil
            }
            treeID = parentObject.treeID
        }
        guard let tree = try? GitObject<TreeKind>(self, treeID) else { return nil }
        var entry: OpaquePointer?
        guard git_tree_entry_bypath(&entry, tree.pointer, path) == 0, let entry else { return nil }
        defer { git_tree_entry_free(entry) }
        guard git_tree_entry_type(entry) == GIT_OBJECT_BLOB, let id = git_tree_entry_id(entry),
            let blob = try? GitObject<BlobKind>(self, ObjectID(id))
        else { return nil }
        let size = Int(git_blob_rawsize(blob.pointer))
        guard size > 0, let bytes = git_blob_rawcontent(blob.pointer) else { return Data() }
        return Data(bytes: bytes, count: size)
    }

    /// The start of a change's patch against the first parent as `git show` prints it (`@@` hunks with
    /// one line of context), at most `maxLines` lines; nil for a binary file or when a blob cannot be read.
    package func patchExcerpt(_ change: TreeChange, maxLines: Int) -> [String]? {
        guard change.oldMode != 0o160000, change.newMode != 0o160000 else { return nil }
        let oldBlob: GitObject<BlobKind>?, newBlob: GitObject<BlobKind>?
        do {
            oldBlob = try change.oldID.map { try GitObject<BlobKind>(self, $0) }
            newBlob = try change.newID.map { try GitObject<BlobKind>(self, $0) }
        } catch {
            return nil
        }
        defer { withExtendedLifetime((oldBlob, newBlob)) {} }
        var options = git_diff_options()
        git_diff_options_init(&options, UInt32(GIT_DIFF_OPTIONS_VERSION))
        options.context_lines = 1
        var patch: OpaquePointer?
        guard git_patch_from_blobs(&patch, oldBlob?.pointer, change.path, newBlob?.pointer, change.path, &options) == 0
        else { return nil }
        defer { git_patch_free(patch) }
        if let flags = git_patch_get_delta(patch)?.pointee.flags, flags & GIT_DIFF_FLAG_BINARY.rawValue != 0 { return nil }
        var buffer = git_buf()
        guard git_patch_to_buf(&buffer, patch) == 0, let start = buffer.ptr else { return nil }
        defer { git_buf_dispose(&buffer) }
        let text = String(decoding: UnsafeRawBufferPointer(start: start, count: buffer.size), as: UTF8.self)
        // The header lines (diff --git, index, ---, +++) say nothing the file list does not.
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).drop { !$0.hasPrefix("@@") }
        return lines.prefix(maxLines).map(String.init)
    }
}
