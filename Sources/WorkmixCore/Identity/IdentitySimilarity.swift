import Foundation

/// How identities are compared when they are merged into people, and when a merge is only suggested.
enum IdentitySimilarity {
    /// A name as same-name merging compares it: lowercased, runs of whitespace as one space, trimmed.
    /// Empty for an identity without a name.
    static func normalizedName(_ name: String) -> String {
        name.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// A name with accents removed and middle initials left out (`José Q. Díaz` → `jose diaz`): names
    /// equal this way may be one person, or two; only a person can tell.
    static func foldedName(_ name: String) -> String {
        let folded = name.folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: nil)
        var words = folded.split(whereSeparator: \.isWhitespace).map(String.init)
        if words.count > 2 {
            let middle = words[1..<(words.count - 1)].filter { $0.trimmingCharacters(in: ["."]).count > 1 }
            words = [words[0]] + middle + [words[words.count - 1]]
        }
        return words.joined(separator: " ")
    }

    /// The part before the `@` of an email, lowercased; nil without one.
    static func localPart(_ email: String) -> String? {
        guard let at = email.firstIndex(of: "@"), at != email.startIndex else { return nil }
        return email[..<at].lowercased()
    }

    /// Local parts too common to say anything about who wrote them.
    static let sharedLocalParts: Set<String> = [
        "admin", "contact", "dev", "developer", "git", "github", "hello", "info", "mail", "me", "no-reply",
        "noreply", "root", "support", "team", "user",
    ]

    /// Two addresses that differ only by a typo: the same local part, and domains equal once a doubled
    /// `@` is read as one, or one domain lacking the other's last label (`corp` for `corp.com`), or one
    /// letter apart (replaced, added, dropped or swapped) in domains of six characters or more
    /// (`cprp.com` for `corp.com`; `a.io` and `b.io` are two domains, not a typo).
    static func areTypos(_ lhs: String, _ rhs: String) -> Bool {
        guard let (localA, domainA) = parts(lhs), let (localB, domainB) = parts(rhs), localA == localB,
            !localA.isEmpty
        else { return false }
        if domainA == domainB { return true }
        if isMissingTopLevel(domainB, of: domainA) || isMissingTopLevel(domainA, of: domainB) { return true }
        return min(domainA.count, domainB.count) >= 6 && isOneEditApart(Array(domainA), Array(domainB))
    }

    /// `corp` for `corp.com`: one label short of the other, the last one.
    private static func isMissingTopLevel(_ short: String, of long: String) -> Bool {
        guard !short.contains("."), long.hasPrefix(short + ".") else { return false }
        return !long.dropFirst(short.count + 1).contains(".")
    }

    /// Local part and domain, lowercased, a run of `@` read as one.
    private static func parts(_ email: String) -> (String, String)? {
        let lower = email.lowercased()
        guard let at = lower.firstIndex(of: "@") else { return nil }
        let domain = lower[at...].drop { $0 == "@" }
        guard !domain.isEmpty, !domain.contains("@") else { return nil }
        return (String(lower[..<at]), String(domain))
    }

    /// One letter replaced, inserted, deleted, or two neighbours swapped.
    private static func isOneEditApart(_ a: [Character], _ b: [Character]) -> Bool {
        if a.count == b.count {
            let differences = a.indices.filter { a[$0] != b[$0] }
            if differences.count == 1 { return true }
            return differences.count == 2 && differences[1] == differences[0] + 1
                && a[differences[0]] == b[differences[1]] && a[differences[1]] == b[differences[0]]
        }
        let (short, long) = a.count < b.count ? (a, b) : (b, a)
        guard long.count == short.count + 1 else { return false }
        var i = 0
        while i < short.count && short[i] == long[i] { i += 1 }
        return short[i...] == long[(i + 1)...]
    }
}
