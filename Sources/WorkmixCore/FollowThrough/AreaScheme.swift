import Foundation

/// How file paths become areas (SPEC 9): the folder a file is in, cut at a depth (`payments/api` at
/// depth 2; a file at the root is in `.`), or the areas the config names by globs, where a path may be
/// in several and a path no glob names is in none. A commit's areas are those of every path it
/// changed, old and new: a file moved from one area to another touches both.
package enum AreaScheme: Sendable, Equatable {
    case depth(Int)
    case named([NamedArea])

    package static let defaultDepth = 2
    package static let rootArea = "."

    /// An area of the config: a name and the globs of the paths in it.
    package struct NamedArea: Sendable, Equatable {
        package var name: String
        package var globs: [Glob]
        let pattern: Pattern?

        package init(name: String, globs: [Glob]) {
            self.name = name
            self.globs = globs
            pattern = Glob.union(globs)
        }

        package static func == (lhs: NamedArea, rhs: NamedArea) -> Bool { lhs.name == rhs.name && lhs.globs == rhs.globs }

        package func contains(_ path: String) -> Bool { pattern?.matches(path) ?? false }
    }

    /// The areas of one path, in the scheme's order (named areas in config order).
    package func areas(of path: String) -> [String] {
        switch self {
        case .depth(let depth):
            return [Self.folder(of: path, depth: depth)]
        case .named(let areas):
            return areas.filter { $0.contains(path) }.map(\.name)
        }
    }

    /// The first `depth` folders of `path`, or the root area for a file at the top. A path as git
    /// writes it (no empty component) is cut at its `depth`-th slash, or its last; anything else is
    /// split into its non-empty components. Every changed path of a report comes here.
    static func folder(of path: String, depth: Int) -> String {
        let utf8 = path.utf8
        let slash = UInt8(ascii: "/")
        guard utf8.first != slash, utf8.last != slash, !path.contains("//") else {
            let folders = path.split(separator: "/", omittingEmptySubsequences: true).dropLast()
            return folders.isEmpty ? rootArea : folders.prefix(depth).joined(separator: "/")
        }
        var cut: String.Index?
        var seen = 0
        for index in utf8.indices where utf8[index] == slash {
            cut = index
            seen += 1
            if seen == depth { break }
        }
        guard let cut else { return rootArea }
        return String(path[..<cut])
    }

    /// The areas of a commit's changes, each once, sorted.
    package func areas(of changes: [FileChange]) -> [String] {
        var found: Set<String> = []
        for change in changes {
            for area in areas(of: change.path) { found.insert(area) }
            if let old = change.oldPath { for area in areas(of: old) { found.insert(area) } }
        }
        return found.sorted()
    }

    /// `folders at depth 2` or `3 named areas`, for report headings.
    package var summary: String {
        switch self {
        case .depth(let depth): return "folders at depth \(depth)"
        case .named(let areas): return "\(areas.count) named area\(areas.count == 1 ? "" : "s")"
        }
    }
}

/// `follow_through:` of the config (SPEC 9).
package struct FollowThroughSettings: Sendable, Equatable {
    /// Who may do the work that follows: the residency's resident and team, or anyone.
    package enum FollowedBy: String, Sendable, CaseIterable {
        case team, anyone
    }

    /// How long after a commit the work that follows it may come, in weeks.
    package var weeks = 8
    package var by = FollowedBy.team
    /// How many times the permutation test shuffles the categories (0: no test).
    package var permutations = 1000

    package init(weeks: Int = 8, by: FollowedBy = .team, permutations: Int = 1000) {
        self.weeks = weeks
        self.by = by
        self.permutations = permutations
    }

    package var windowSeconds: Int64 { Int64(weeks) * 7 * 86400 }
}
