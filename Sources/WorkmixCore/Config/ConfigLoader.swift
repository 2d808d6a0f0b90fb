import Foundation

/// Reads `workmix.yml`, rejecting with file:line and the key whatever is not valid: unknown keys, bad
/// dates, `from` after `to`, a plan not summing to 100%, unknown timezones, missing repositories.
package enum ConfigLoader {
    enum TopKey: String, CaseIterable {
        case version, identities, bots, rules, measure, overrides, residencies, repos, model
        case aiPartners = "ai_partners", defaultRules = "default_rules", pairTrailers = "pair_trailers"
        case mergeSameName = "merge_same_name"
        case areas, followThrough = "follow_through"
    }

    enum ResidencyKey: String, CaseIterable {
        case name, resident, team, repos, from, to, timezone, plan, tolerance
        case maxUnclassified = "max_unclassified"
    }

    /// Reads and validates the file at `path`. With `storedRepositories` (a PostgreSQL store), a
    /// repository path that does not exist is no error: the repository is read from the store by name.
    package static func load(path: String, storedRepositories: Bool = false) throws -> WorkmixConfig {
        try load(SourceFile(name: path, text: try TextFile.read(path, what: "config file")), storedRepositories: storedRepositories)
    }

    /// Validates a config file already read; relative paths are resolved against its folder.
    package static func load(_ file: SourceFile, storedRepositories: Bool = false) throws -> WorkmixConfig {
        let directory = URL(fileURLWithPath: file.name).deletingLastPathComponent().path
        return try parse(file.text, file: file.name, directory: directory, storedRepositories: storedRepositories)
    }

    /// Parses config text; relative paths are resolved against `directory`.
    package static func parse(
        _ text: String, file: String, directory: String,
        pathExists: (String) -> Bool = { FileManager.default.fileExists(atPath: $0) }, storedRepositories: Bool = false
    ) throws -> WorkmixConfig {
        var config = WorkmixConfig()
        config.file = file
        guard let root = try YAMLValue.parse(text, file: file), !root.isNull else { return config }
        let top = try root.mapping()
        try top.rejectUnknownKeys(allowed: TopKey.allCases.map(\.rawValue))
        func resolve(_ path: String) -> String {
            path.hasPrefix("/") ? path : URL(fileURLWithPath: directory).appendingPathComponent(path).standardizedFileURL.path
        }

        if let version = top["version"], try version.int() != 1 {
            throw version.error("unsupported config version (this workmix reads version 1)")
        }
        try readPeople(top, into: &config)
        try readRules(top, into: &config, resolve: resolve, pathExists: pathExists)
        func repositoryExists(_ path: String) -> Bool { storedRepositories || pathExists(path) }
        if let measure = top["measure"] {
            let text = try measure.string()
            guard let value = WorkmixConfig.Measure(rawValue: text) else {
                throw measure.error("'\(text)' is not commits or churn")
            }
            config.measure = value
        }
        try followThrough(top, into: &config)
        if let repos = top["repos"] {
            config.repos = try repositories(repos, resolve: resolve, pathExists: repositoryExists)
        }
        if let residencies = top["residencies"] {
            config.residencies = try self.residencies(residencies, resolve: resolve, pathExists: repositoryExists)
        }
        config.residencies = config.residencies.map { canonical($0, in: config) }
        return config
    }

    /// Who is who: `identities`, `merge_same_name`, `bots`, `ai_partners`, `pair_trailers`.
    static func readPeople(_ top: YAMLMapping, into config: inout WorkmixConfig) throws {
        if let identities = top["identities"] { config.identities = try self.identities(identities) }
        if let value = top["merge_same_name"] { config.mergeSameName = try value.bool() }
        if let bots = top["bots"] {
            config.bots = try bots.sequenceOrSingle().map { value in
                do { return try Pattern(try value.string()) } catch { throw value.error("invalid regular expression: \(error)") }
            }
        }
        if let value = top["ai_partners"] { config.aiPartners = try value.bool() }
        if let keys = top["pair_trailers"] {
            config.pairTrailers = try keys.sequenceOrSingle().map { try $0.string() }
        }
    }

    /// What classifies: `default_rules`, `rules`, `model`, `overrides`.
    static func readRules(
        _ top: YAMLMapping, into config: inout WorkmixConfig, resolve: (String) -> String,
        pathExists: (String) -> Bool
    ) throws {
        if let value = top["default_rules"] { config.defaultRules = try value.bool() }
        if let rules = top["rules"] {
            config.rules = try rules.sequenceOrSingle().map { value in
                let path = resolve(try value.string())
                guard pathExists(path) else { throw value.error("no such rule file or directory: \(path)") }
                return path
            }
        }
        if let model = top["model"] {
            let path = resolve(try model.string())
            guard pathExists(path) else { throw model.error("no such model file: \(path)") }
            config.model = path
        }
        if let overrides = top["overrides"] {
            let pairs = try overrides.mapping().entries.map { entry in
                (key: entry.key, value: try entry.value.string(), location: Optional(entry.keyLocation))
            }
            config.overrides = try ClassificationOverrides(pairs)
        }
    }

    /// `residencies:`, each name once.
    static func residencies(_ value: YAMLValue, resolve: (String) -> String, pathExists: (String) -> Bool) throws -> [Residency] {
        var firstLines: [String: Int] = [:]
        var residencies: [Residency] = []
        for item in try value.sequence() {
            let residency = try self.residency(item, resolve: resolve, pathExists: pathExists)
            // Names key the report, the check's annotations and CI logs: two alike would be merged by eye.
            if let first = firstLines[residency.name] {
                let nameValue = try item.mapping().required("name")
                throw nameValue.error("duplicate residency name '\(residency.name)' (first used at line \(first))")
            }
            firstLines[residency.name] = residency.location?.line ?? 0
            residencies.append(residency)
        }
        return residencies
    }

    /// `identities:`: canonical `Name <email>` → aliases, and `distinct: [...]` (people of their own).
    static func identities(_ value: YAMLValue) throws -> IdentityTable {
        var table = IdentityTable()
        var distinct: [PersonMatcher] = []
        for entry in try value.mapping().entries {
            if entry.key == "distinct" {
                distinct += try entry.value.sequenceOrSingle().map(person)
                continue
            }
            let canonical = PersonMatcher(entry.key).person
            guard !canonical.email.isEmpty else {
                throw InputError("identities: '\(entry.key)' must be 'Name <email>'", at: entry.keyLocation)
            }
            table.add(canonical: canonical, aliases: try entry.value.sequenceOrSingle().map { try $0.string() })
        }
        // After every entry: a distinct identity written as an alias stands for its canonical person.
        for matcher in distinct { table.keepDistinct(matcher.person) }
        return table
    }

    /// A residency as commits will meet it: residents and team through `identities` (an alias names its
    /// canonical person, as on commits), and a repository the top-level `repos` names under that name.
    static func canonical(_ residency: Residency, in config: WorkmixConfig) -> Residency {
        var residency = residency
        func resolve(_ matcher: PersonMatcher) -> PersonMatcher {
            var matcher = matcher
            matcher.person = config.identities.resolve(matcher.person)
            return matcher
        }
        residency.residents = residency.residents.map(resolve)
        residency.team = residency.team.map(resolve)
        residency.repositories = residency.repositories.map { repository in
            guard repository.name == nil, let named = config.repos.first(where: { $0.path == repository.path }) else {
                return repository
            }
            return named
        }
        return residency
    }

    /// `repos: [path, …]` or `repos: {name: path, …}`; `name: ~` stands for `name: name` (a folder of
    /// that name beside the config, or with a PostgreSQL store the repository it holds by that name).
    static func repositories(_ value: YAMLValue, resolve: (String) -> String, pathExists: (String) -> Bool) throws -> [NamedRepository] {
        if value.node.mapping != nil {
            return try value.mapping().entries.map { entry in
                let path = resolve(entry.value.isNull ? entry.key : try entry.value.string())
                guard pathExists(path) else { throw entry.value.error("no such repository: \(path)") }
                return NamedRepository(name: entry.key, path: path)
            }
        }
        return try value.sequenceOrSingle().map { item in
            let path = resolve(try item.string())
            guard pathExists(path) else { throw item.error("no such repository: \(path)") }
            return NamedRepository(path: path)
        }
    }

    static func residency(_ value: YAMLValue, resolve: (String) -> String, pathExists: (String) -> Bool) throws -> Residency {
        let map = try value.mapping()
        try map.rejectUnknownKeys(allowed: ResidencyKey.allCases.map(\.rawValue))
        let nameValue = try map.required("name")
        let name = try nameValue.string().trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty else { throw nameValue.error("a residency needs a non-empty name") }
        let residentValue = try map.required("resident")
        let residents = try residentValue.sequenceOrSingle().map(person)
        guard !residents.isEmpty else { throw residentValue.error("name at least one resident") }
        let team = try map["team"]?.sequenceOrSingle().map(person) ?? []
        let repos = try map["repos"].map { try repositories($0, resolve: resolve, pathExists: pathExists) } ?? []
        let fromValue = try map.required("from"), toValue = try map.required("to")
        let from = try date(fromValue), to = try date(toValue)
        guard from <= to else { throw toValue.error("'to' (\(to)) is before 'from' (\(from))") }
        // Reports hold a bucket per week: 0001-01-01 to 9999-12-31 took 37 s and 245 MB (#14 fuzzing).
        guard to.daysSinceEpoch - from.daysSinceEpoch < 36_525 else {
            throw toValue.error("a residency spans at most 100 years, not \(from) to \(to)")
        }
        var timezone = TimeZone(identifier: "UTC")!
        if let zone = map["timezone"] {
            let identifier = try zone.string()
            // Foundation reads `UTC+3` as a fixed offset, but it is no IANA name, and POSIX reads the
            // same text as three hours *behind* UTC: refuse it rather than guess.
            if let sign = identifier.dropFirst(3).first, ["utc", "gmt"].contains(identifier.prefix(3).lowercased()),
                sign == "+" || sign == "-"
            {
                throw zone.error(
                    "'\(identifier)' is not an IANA timezone: name a place such as Europe/Moscow, or Etc/GMT\(sign == "+" ? "-" : "+")\(identifier.dropFirst(4)) (IANA's Etc names have the sign reversed)"
                )
            }
            guard let parsed = TimeZone(identifier: identifier) else {
                throw zone.error("unknown timezone '\(identifier)' (use an IANA name such as Europe/Paris)")
            }
            timezone = parsed
        }
        let (plan, minFollowThrough, minLift) = try map["plan"].map(self.plan) ?? ([:], nil, nil)
        let tolerance = try map["tolerance"].map(share) ?? 0.1
        let maxUnclassified = try map["max_unclassified"].map(share) ?? 0.2
        var residency = Residency(
            name: name, residents: residents, team: team, repositories: repos, from: from, to: to,
            timezone: timezone, plan: plan, tolerance: tolerance, maxUnclassified: maxUnclassified,
            location: value.location)
        residency.minFollowThrough = minFollowThrough
        residency.minLift = minLift
        return residency
    }

    /// `plan: {investment: 50%, …, min_follow_through: 30%, min_lift: 1.5}`: category shares summing to
    /// 100% (or none, when the plan holds only `min_follow_through` or `min_lift`).
    static func plan(_ planValue: YAMLValue) throws -> (plan: [Category: Double], minFollowThrough: Double?, minLift: Double?) {
        var plan: [Category: Double] = [:]
        let planMap = try planValue.mapping()
        try planMap.rejectUnknownKeys(allowed: Category.assignable.map(\.rawValue) + [minFollowThroughKey, minLiftKey])
        for entry in planMap.entries where entry.key != minFollowThroughKey && entry.key != minLiftKey {
            guard let category = Category(rawValue: entry.key) else { continue }
            plan[category] = try share(entry.value)
        }
        let minFollowThrough = try planMap[minFollowThroughKey].map(share)
        let minLift = try planMap[minLiftKey].map(self.minLift)
        let total = plan.values.reduce(0, +)
        guard abs(total - 1) < 0.0005 || (plan.isEmpty && (minFollowThrough != nil || minLift != nil)) else {
            throw planValue.error("the plan sums to \(Percent.format(total)), not 100%")
        }
        return (plan, minFollowThrough, minLift)
    }

    /// A resident or team member: an email, `Name <email>`, or a name alone.
    static func person(_ value: YAMLValue) throws -> PersonMatcher {
        let text = try value.string()
        var matcher = PersonMatcher(text)
        matcher.location = value.location
        guard !matcher.person.key.isEmpty, matcher.person.key != "name:" else {
            throw value.error("'\(text)' names nobody (write an email or 'Name <email>')")
        }
        return matcher
    }

    static func date(_ value: YAMLValue) throws -> CivilDate {
        let text = try value.string()
        guard let date = DateParser.parseDate(text) else { throw value.error("'\(text)' is not a date (YYYY-MM-DD)") }
        return date
    }

    /// `25%`, or a fraction `0.25`, read as a fraction between 0 and 1.
    static func share(_ value: YAMLValue) throws -> Double {
        let text = try value.string().trimmingCharacters(in: .whitespaces)
        let number: Double?
        if text.hasSuffix("%") {
            number = Double(text.dropLast().trimmingCharacters(in: .whitespaces)).map { $0 / 100 }
        } else {
            number = Double(text)
        }
        guard let number, number.isFinite, (0...1).contains(number) else {
            throw value.error("'\(text)' is not a share (write 25% or 0.25)")
        }
        return number
    }
}
