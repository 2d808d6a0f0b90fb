/// `A`, `^A`, `A..B`, `..B`, `A..`, `A...B`, as git reads them.
package enum RevisionSpec {
    /// Resolves one revision argument, appending the commits it lists to `include` and those it
    /// excludes to `exclude` (for `A...B`, their merge bases).
    package static func parse(
        _ text: String, in repository: Repository,
        include: inout [ObjectID], exclude: inout [ObjectID]
    ) throws {
        if text.hasPrefix("^") {
            exclude.append(try repository.resolveCommit(String(text.dropFirst())))
        } else if let range = text.range(of: "...") {
            let a = try resolve(String(text[..<range.lowerBound]), repository)
            let b = try resolve(String(text[range.upperBound...]), repository)
            include += [a, b]
            exclude += try repository.mergeBases(a, b)
        } else if let range = text.range(of: "..") {
            exclude.append(try resolve(String(text[..<range.lowerBound]), repository))
            include.append(try resolve(String(text[range.upperBound...]), repository))
        } else if text == "HEAD" {
            // HEAD of an empty repository is no error: there is simply nothing to list. But a HEAD that
            // names a branch with no commits beside others that have some (a mirror whose default
            // branch was deleted) would list nothing silently.
            if let head = try repository.head() {
                include.append(head)
            } else if try !repository.allReferenceTips().isEmpty {
                throw GitError(code: .unbornBranch, message: "HEAD names a branch with no commits", context: "HEAD")
            }
        } else {
            include.append(try repository.resolveCommit(text))
        }
    }

    private static func resolve(_ side: String, _ repository: Repository) throws -> ObjectID {
        try repository.resolveCommit(side.isEmpty ? "HEAD" : side)
    }
}
