import Foundation

/// `dependencies: {added, removed, bumped: {min, max}; replaced, major: true|false}` (SPEC 11): every key
/// given must hold. Counts are of dependencies (`ecosystem:name`) over all the manifests the commit
/// changed; `bumped` counts versions changed (major or not); `major`: some version's first number
/// changed; `replaced`: one dependency removed and another added in the same ecosystem. A commit that
/// changes no manifest has none added, removed or bumped.
package struct DependencyCondition: Sendable, Hashable, CustomStringConvertible {
    package var added: CountRange?
    package var removed: CountRange?
    package var bumped: CountRange?
    package var replaced: Bool?
    package var major: Bool?

    package static let keys = ["added", "removed", "bumped", "replaced", "major"]

    package init(yaml value: YAMLValue) throws {
        let mapping = try value.mapping()
        try mapping.rejectUnknownKeys(allowed: Self.keys)
        guard !mapping.isEmpty else { throw value.error("expected one or more of \(Self.keys.joined(separator: ", "))") }
        added = try mapping["added"]?.countRange()
        removed = try mapping["removed"]?.countRange()
        bumped = try mapping["bumped"]?.countRange()
        replaced = try mapping["replaced"]?.bool()
        major = try mapping["major"]?.bool()
    }

    package var description: String {
        [
            added.map { "added {\($0)}" }, removed.map { "removed {\($0)}" }, bumped.map { "bumped {\($0)}" },
            replaced.map { "replaced \($0)" }, major.map { "major \($0)" },
        ].compactMap { $0 }.joined(separator: ", ")
    }

    func evaluate(_ changes: DependencyChanges?, explain: Bool) -> MatchResult {
        guard let changes else {
            return MatchResult(.unknown, explain ? ["dependencies unknown (manifests not read)"] : [])
        }
        let bumps = changes.majorBumps + changes.otherBumps
        let holds =
            (added?.contains(changes.added.count) ?? true) && (removed?.contains(changes.removed.count) ?? true)
            && (bumped?.contains(bumps.count) ?? true) && (replaced.map { $0 == changes.replaced } ?? true)
            && (major.map { $0 == !changes.majorBumps.isEmpty } ?? true)
        guard explain else { return MatchResult(holds ? .yes : .no) }
        func list(_ names: [String]) -> String { "[" + names.prefix(5).joined(separator: ", ") + (names.count > 5 ? ", …" : "") + "]" }
        let seen =
            changes.manifests.isEmpty
            ? "no manifest changed"
            : "added \(list(changes.added)) removed \(list(changes.removed)) major \(list(changes.majorBumps))"
                + " other bumps \(list(changes.otherBumps))"
        return MatchResult(holds ? .yes : .no, ["dependencies {\(description)} \(holds ? "hold" : "do not hold"): \(seen)"])
    }
}
