import Foundation

/// A path pattern of a `files` matcher, with gitignore's conventions since that is what users know:
///
/// - `*` matches within one path segment (never a `/`), `?` one character, `[abc]`/`[a-z]`/`[!a]` a class;
/// - `**` as a whole segment spans any number of folders, zero included (`docs/**`, `**/go.mod`, `a/**/b`);
/// - a glob **without** `/` matches the file name in any folder (`*.md` matches `README.md` and
///   `docs/guide/intro.md`), as in `.gitignore`; a glob with a `/` is anchored at the repository root
///   (a leading `/` is allowed and ignored);
/// - a trailing `/` means everything under that folder (`docs/` is `docs/**`).
///
/// A glob is translated once into an anchored regular expression and matched by the rule engine's
/// regex engine (PCRE2), which reads paths as UTF-8 in place: file rules run on most commits of a
/// scan, so this is a hot path.
package struct Glob: Sendable, Hashable, CustomStringConvertible {
    package let source: String
    /// The regular expression equivalent to this glob, unanchored (see `regex`).
    let expression: String
    private let pattern: Pattern?

    package init(_ source: String) {
        self.source = source
        expression = Self.translate(source)
        pattern = try? Pattern("^(?:" + expression + ")$")
    }

    package var description: String { source }

    package func matches(_ path: String) -> Bool {
        pattern?.matches(path) ?? false
    }

    package static func == (lhs: Glob, rhs: Glob) -> Bool { lhs.source == rhs.source }
    package func hash(into hasher: inout Hasher) { hasher.combine(source) }

    /// One pattern matching a path when any of `globs` does.
    static func union(_ globs: [Glob]) -> Pattern? {
        guard !globs.isEmpty else { return nil }
        return try? Pattern("^(?:" + globs.map { "(?:\($0.expression))" }.joined(separator: "|") + ")$")
    }

    static func translate(_ source: String) -> String {
        var text = source
        if text.hasSuffix("/") { text += "**" }
        if !text.contains("/") { text = "**/" + text }
        if text.hasPrefix("/") { text.removeFirst() }
        let segments = text.split(separator: "/", omittingEmptySubsequences: true)
        var regex = ""
        for (index, segment) in segments.enumerated() {
            let isLast = index == segments.count - 1
            if segment == "**" {
                // Zero or more whole folders; at the end, anything below (at least one segment).
                regex += isLast ? "[^/]+(?:/[^/]+)*" : "(?:[^/]+/)*"
            } else {
                regex += translateSegment(Array(segment)) + (isLast ? "" : "/")
            }
        }
        if segments.count > 1, segments.last == "**", segments[segments.count - 2] != "**" {
            // `docs/**` also matches a file named `docs` itself (zero segments below it).
            let head = segments.dropLast().enumerated().map { index, segment in
                segment == "**" ? "(?:[^/]+/)*" : translateSegment(Array(segment)) + "/"
            }.joined()
            regex = "(?:" + regex + "|" + String(head.dropLast()) + ")"
        }
        return regex
    }

    /// fnmatch within one segment: `*`, `?`, `[...]` (`!` or `^` negates), `\x`; everything else literal.
    static func translateSegment(_ characters: [Character]) -> String {
        var out = ""
        var index = 0
        while index < characters.count {
            let c = characters[index]
            switch c {
            case "*":
                out += "[^/]*"
            case "?":
                out += "[^/]"
            case "[":
                if let (regexClass, next) = characterClass(characters, from: index + 1) {
                    out += regexClass
                    index = next
                    continue
                }
                out += "\\["
            case "\\" where index + 1 < characters.count:
                out += literal(characters[index + 1])
                index += 1
            default:
                out += literal(c)
            }
            index += 1
        }
        return out
    }

    /// Reads a class after its `[`; nil when unclosed (then `[` is a literal, as in the shell).
    private static func characterClass(_ characters: [Character], from start: Int) -> (String, Int)? {
        var index = start
        var negated = false
        if index < characters.count, characters[index] == "!" || characters[index] == "^" {
            negated = true
            index += 1
        }
        var body = ""
        var first = true
        while index < characters.count {
            let c = characters[index]
            if c == "]" && !first {
                return ((negated ? "[^/" : "[") + body + "]", index + 1)
            }
            first = false
            if c == "\\" || c == "]" || c == "[" || c == "^" {
                body += "\\" + String(c)
            } else {
                body.append(c)
            }
            index += 1
        }
        return nil
    }

    private static func literal(_ c: Character) -> String {
        "\\^$.|?*+()[]{}/".contains(c) ? "\\" + String(c) : (c == "-" ? "-" : String(c))
    }
}
