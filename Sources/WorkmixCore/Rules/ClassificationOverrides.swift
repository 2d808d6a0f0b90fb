import Foundation
import Synchronization

/// The config's `overrides: { <sha or prefix ≥ 7>: <category or skip> }`: pins single commits, beating
/// every rule. When several prefixes match one commit the longest wins (it is the most specific).
package struct ClassificationOverrides: Sendable, Hashable {
    package struct Entry: Sendable, Hashable {
        /// Lowercased hex, 7 to 40 (or 64) characters.
        package var prefix: String
        package var verdict: Rule.Verdict
        package var location: SourceLocation?
    }

    package private(set) var entries: [Entry]

    package static let none = ClassificationOverrides()

    package init() { entries = [] }

    /// Validates each `(key, value)` as the config gives them, throwing at the entry's location.
    package init(_ pairs: [(key: String, value: String, location: SourceLocation?)]) throws {
        var entries: [Entry] = []
        for pair in pairs {
            let prefix = pair.key.lowercased()
            // SHA-1 names are 40 digits, SHA-256 ones 64: a longer key, or one between, names no commit.
            guard prefix.count >= 7, prefix.count <= 40 || prefix.count == 64, prefix.allSatisfy(\.isHexDigit) else {
                throw InputError(
                    "overrides: '\(pair.key)' is not a commit sha or a prefix of at least 7 hex digits",
                    at: pair.location)
            }
            let verdict: Rule.Verdict
            if pair.value == "skip" {
                verdict = .skip
            } else if let category = Category(rawValue: pair.value), Category.assignable.contains(category) {
                verdict = .category(category)
            } else {
                throw InputError(
                    "overrides: '\(pair.value)' for \(pair.key) is not investment, maintenance, support or skip",
                    at: pair.location)
            }
            if let previous = entries.first(where: { $0.prefix == prefix }) {
                throw InputError(
                    "overrides: \(pair.key) is given twice (first at \(previous.location?.description ?? "?"))",
                    at: pair.location)
            }
            entries.append(Entry(prefix: prefix, verdict: verdict, location: pair.location))
        }
        // Longest first, so the first hit is the most specific.
        self.entries = entries.sorted { ($0.prefix.count, $1.prefix) > ($1.prefix.count, $0.prefix) }
    }

    package var isEmpty: Bool { entries.isEmpty }

    package func entry(for sha: String) -> Entry? {
        guard !entries.isEmpty else { return nil }
        let sha = sha.lowercased()
        return entries.first { sha.hasPrefix($0.prefix) }
    }

    /// The pinned classification of a commit, if any: rule id `override`.
    package func classification(for sha: String) -> Classification? {
        guard let entry = entry(for: sha) else { return nil }
        let evidence = ["override \(entry.prefix): \(entry.verdict)" + (entry.location.map { " (\($0))" } ?? "")]
        switch entry.verdict {
        case .category(let category):
            return Classification(category: category, ruleID: RuleSet.overrideRuleID, evidence: evidence)
        case .skip:
            return Classification(category: .unclassified, ruleID: RuleSet.overrideRuleID, skipped: true, evidence: evidence)
        }
    }
}

/// Which commits each override pinned in a run (from any thread), to say at the end when a prefix
/// pinned more than one: git would call it ambiguous, and a second commit was pinned by accident.
package final class OverrideHits: Sendable {
    private let overrides: ClassificationOverrides
    private let shas = Mutex<[String: Set<String>]>([:])

    package init(_ overrides: ClassificationOverrides) {
        self.overrides = overrides
    }

    package func note(_ sha: String) {
        guard let entry = overrides.entry(for: sha) else { return }
        shas.withLock { _ = $0[entry.prefix, default: []].insert(sha) }
    }

    package var warnings: [RunWarning] {
        let shas = self.shas.withLock { $0 }
        return overrides.entries.compactMap { entry in
            guard let pinned = shas[entry.prefix], pinned.count > 1 else { return nil }
            return .ambiguousOverride(prefix: entry.prefix, commits: pinned.sorted(), location: entry.location)
        }
    }
}
