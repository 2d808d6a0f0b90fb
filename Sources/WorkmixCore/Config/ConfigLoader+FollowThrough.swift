import Foundation

/// `areas:` and `follow_through:` of `workmix.yml` (SPEC 9), rejected with file:line when not valid.
extension ConfigLoader {
    enum FollowThroughKey: String, CaseIterable {
        case weeks, by, permutations
    }

    /// The plan key that asks for a share of support commits followed by investment.
    static let minFollowThroughKey = "min_follow_through"
    /// The plan key that asks for a least lift of support → investment over its baseline.
    static let minLiftKey = "min_lift"

    /// Reads the two top-level keys into `config`, when present.
    static func followThrough(_ top: YAMLMapping, into config: inout WorkmixConfig) throws {
        if let value = top["areas"] { config.areas = try areas(value) }
        if let value = top["follow_through"] { config.followThrough = try followThroughSettings(value) }
    }

    /// `{depth: N}`, or `{name: [globs], …}`.
    static func areas(_ value: YAMLValue) throws -> AreaScheme {
        let map = try value.mapping()
        guard !map.isEmpty else { throw value.error("name at least one area, or write {depth: 2}") }
        if let depthValue = map["depth"] {
            guard map.entries.count == 1 else {
                throw value.error("either {depth: N} or named areas ({name: [globs]}), not both")
            }
            let depth = try depthValue.int()
            guard (1...32).contains(depth) else { throw depthValue.error("depth must be between 1 and 32, not \(depth)") }
            return .depth(depth)
        }
        return .named(
            try map.entries.map { entry in
                let name = entry.key.trimmingCharacters(in: .whitespaces)
                guard !name.isEmpty else { throw InputError("areas: an area needs a non-empty name", at: entry.keyLocation) }
                let globs = try entry.value.sequenceOrSingle().map(glob)
                guard !globs.isEmpty else { throw entry.value.error("expected at least one glob") }
                return AreaScheme.NamedArea(name: name, globs: globs)
            })
    }

    /// One glob of an area: not empty, its brackets closed, compiling to a pattern.
    static func glob(_ value: YAMLValue) throws -> Glob {
        let text = try value.string()
        guard !text.trimmingCharacters(in: .whitespaces).isEmpty else { throw value.error("an empty glob names no path") }
        if let open = text.lastIndex(of: "["), text[..<open].last != "\\", !text[open...].dropFirst(2).contains("]") {
            throw value.error("'\(text)' is not a valid glob: '[' is never closed")
        }
        guard (try? Pattern("^(?:" + Glob.translate(text) + ")$")) != nil else {
            throw value.error("'\(text)' is not a valid glob")
        }
        return Glob(text)
    }

    /// `{weeks: 8, by: team|anyone, permutations: 1000}`.
    static func followThroughSettings(_ value: YAMLValue) throws -> FollowThroughSettings {
        let map = try value.mapping()
        try map.rejectUnknownKeys(allowed: FollowThroughKey.allCases.map(\.rawValue))
        var settings = FollowThroughSettings()
        if let weeks = map["weeks"] {
            settings.weeks = try weeks.int()
            guard (1...520).contains(settings.weeks) else {
                throw weeks.error("weeks must be a whole number of weeks from 1 to 520, not \(settings.weeks)")
            }
        }
        if let by = map["by"] {
            let text = try by.string()
            guard let parsed = FollowThroughSettings.FollowedBy(rawValue: text) else {
                throw by.error("'\(text)' is not team or anyone")
            }
            settings.by = parsed
        }
        if let permutations = map["permutations"] {
            settings.permutations = try permutations.int()
            guard (0...100_000).contains(settings.permutations) else {
                throw permutations.error("permutations must be a whole number from 0 to 100000, not \(settings.permutations)")
            }
        }
        return settings
    }

    /// `min_lift: 1.5`: a positive number, the least lift the plan accepts.
    static func minLift(_ value: YAMLValue) throws -> Double {
        let text = try value.string().trimmingCharacters(in: .whitespaces)
        guard let number = Double(text), number.isFinite, number >= 0, !text.hasSuffix("%") else {
            throw value.error("'\(text)' is not a lift (write a number such as 1.5: the share over its baseline)")
        }
        return number
    }
}
