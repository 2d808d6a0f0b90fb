import Foundation

/// A path pattern of a `files` matcher, with gitignore's conventions since that is what users know:
///
/// - `*` matches within one path segment (never a `/`), `?` one character, `[abc]`/`[a-z]`/`[!a]` a class;
/// - `**` as a whole segment spans any number of folders, zero included (`docs/**`, `**/go.mod`, `a/**/b`);
/// - a glob **without** `/` matches the file name in any folder (`*.md` matches `README.md` and
///   `docs/guide/intro.md`), as in `.gitignore`; a glob with a `/` is anchored at the repository root
///   (a leading `/` is allowed and ignored);
/// - a trailing `/` means everything under that folder (`docs/` is `docs/**`).
public struct Glob: Sendable, Hashable, CustomStringConvertible {
    public let source: String
    private let segments: [Segment]

    private enum Segment: Hashable, Sendable {
        case anyFolders
        case pattern([Character])
    }

    public init(_ source: String) {
        self.source = source
        var text = source
        if text.hasSuffix("/") { text += "**" }
        if !text.contains("/") { text = "**/" + text }
        if text.hasPrefix("/") { text.removeFirst() }
        segments = text.split(separator: "/", omittingEmptySubsequences: true).map {
            $0 == "**" ? .anyFolders : .pattern(Array($0))
        }
    }

    public var description: String { source }

    public func matches(_ path: String) -> Bool {
        let parts = path.split(separator: "/", omittingEmptySubsequences: true).map { Array($0) }
        return Self.match(segments[...], parts[...])
    }

    private static func match(_ globs: ArraySlice<Segment>, _ parts: ArraySlice<[Character]>) -> Bool {
        guard let first = globs.first else { return parts.isEmpty }
        switch first {
        case .anyFolders:
            let rest = globs.dropFirst()
            var remaining = parts
            while true {
                if match(rest, remaining) { return true }
                guard !remaining.isEmpty else { return false }
                remaining = remaining.dropFirst()
            }
        case .pattern(let pattern):
            guard let part = parts.first, wildcard(pattern[...], part[...]) else { return false }
            return match(globs.dropFirst(), parts.dropFirst())
        }
    }

    /// fnmatch within one segment.
    private static func wildcard(_ pattern: ArraySlice<Character>, _ text: ArraySlice<Character>) -> Bool {
        guard let p = pattern.first else { return text.isEmpty }
        switch p {
        case "*":
            var rest = text
            while true {
                if wildcard(pattern.dropFirst(), rest) { return true }
                guard !rest.isEmpty else { return false }
                rest = rest.dropFirst()
            }
        case "?":
            return !text.isEmpty && wildcard(pattern.dropFirst(), text.dropFirst())
        case "[":
            guard let c = text.first, let (matched, after) = characterClass(pattern.dropFirst(), c) else {
                // An unclosed `[` is a literal.
                return text.first == "[" && wildcard(pattern.dropFirst(), text.dropFirst())
            }
            return matched && wildcard(after, text.dropFirst())
        case "\\" where pattern.count > 1:
            let literal = pattern[pattern.index(after: pattern.startIndex)]
            return text.first == literal && wildcard(pattern.dropFirst(2), text.dropFirst())
        default:
            return text.first == p && wildcard(pattern.dropFirst(), text.dropFirst())
        }
    }

    /// Reads `[...]` (after the `[`): whether `c` is in it, and the pattern after the `]`.
    private static func characterClass(_ pattern: ArraySlice<Character>, _ c: Character) -> (Bool, ArraySlice<Character>)? {
        var rest = pattern
        var negated = false
        if let first = rest.first, first == "!" || first == "^" { negated = true; rest = rest.dropFirst() }
        var matched = false
        var isFirst = true
        while let current = rest.first {
            if current == "]" && !isFirst { return (matched != negated, rest.dropFirst()) }
            isFirst = false
            rest = rest.dropFirst()
            if rest.count >= 2, rest.first == "-", let upper = rest.dropFirst().first, upper != "]" {
                if current <= c && c <= upper { matched = true }
                rest = rest.dropFirst(2)
            } else if current == c {
                matched = true
            }
        }
        return nil
    }
}
