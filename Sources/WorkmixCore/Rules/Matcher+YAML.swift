import Foundation

extension Matcher {
    /// The keys a `match` mapping (and each item of `any`/`all`, and `not`) may hold.
    package enum Key: String, CaseIterable, Sendable {
        case subject, body, message, author, committer, coauthor, trailer, files
        case insertions, deletions, churn, net, fileCount = "file_count", sourceFiles = "source_files"
        case addedFiles = "added_files"
        case merge, paired, resident, model, dependencies
        case any, all, not
    }

    /// Decodes a `match` mapping: every key must hold, so the result is an `.all` of its keys
    /// (or the single key's matcher).
    package init(yaml value: YAMLValue) throws {
        let mapping = try value.mapping()
        guard !mapping.isEmpty else { throw value.error("a match needs at least one condition") }
        try mapping.rejectUnknownKeys(allowed: Key.allCases.map(\.rawValue))
        let children = try mapping.entries.map { try Matcher(key: Key(rawValue: $0.key)!, value: $0.value) }
        self = children.count == 1 ? children[0] : .all(children)
    }

    private init(key: Key, value: YAMLValue) throws {
        switch key {
        case .subject: self = .text(.subject, try value.pattern())
        case .body: self = .text(.body, try value.pattern())
        case .message: self = .text(.message, try value.pattern())
        case .author: self = .person(.author, try value.pattern())
        case .committer: self = .person(.committer, try value.pattern())
        case .coauthor: self = .person(.coauthor, try value.pattern())
        case .trailer:
            let mapping = try value.mapping()
            try mapping.rejectUnknownKeys(allowed: ["key", "value"])
            let trailerKey = try mapping.required("key").string()
            self = .trailer(key: trailerKey, value: try mapping["value"].map { try $0.pattern() })
        case .files:
            let mapping = try value.mapping()
            try mapping.rejectUnknownKeys(allowed: FilesCondition.Quantifier.allCases.map(\.rawValue))
            guard !mapping.isEmpty else { throw value.error("expected one of any, all, none") }
            let conditions = try mapping.entries.map { entry -> Matcher in
                let globs = try entry.value.sequenceOrSingle().map { Glob(try $0.string()) }
                guard !globs.isEmpty else { throw entry.value.error("expected at least one glob") }
                return .files(FilesCondition(FilesCondition.Quantifier(rawValue: entry.key)!, globs))
            }
            self = conditions.count == 1 ? conditions[0] : .all(conditions)
        case .insertions: self = .count(.insertions, try value.countRange())
        case .deletions: self = .count(.deletions, try value.countRange())
        case .churn: self = .count(.churn, try value.countRange())
        case .net: self = .count(.net, try value.countRange())
        case .fileCount: self = .count(.fileCount, try value.countRange())
        case .sourceFiles: self = .count(.sourceFiles, try value.countRange())
        case .addedFiles: self = .count(.addedFiles, try value.countRange())
        case .dependencies: self = .dependencies(try DependencyCondition(yaml: value))
        case .merge: self = .flag(.merge, try value.bool())
        case .paired: self = .flag(.paired, try value.bool())
        case .resident: self = .flag(.resident, try value.bool())
        case .model:
            let mapping = try value.mapping()
            try mapping.rejectUnknownKeys(allowed: ["category", "min"])
            let categoryValue = try mapping.required("category")
            let name = try categoryValue.string()
            guard let category = Category(rawValue: name), Category.assignable.contains(category) else {
                throw categoryValue.error("unknown category '\(name)' (expected investment, maintenance or support)")
            }
            self = .model(category, min: try ConfigLoader.share(try mapping.required("min")))
        case .any, .all:
            let items = try value.sequence()
            guard !items.isEmpty else { throw value.error("expected a non-empty list of conditions") }
            let children = try items.map { try Matcher(yaml: $0) }
            self = key == .any ? .any(children) : .all(children)
        case .not:
            self = .not(try Matcher(yaml: value))
        }
    }
}

extension YAMLValue {
    /// A regular expression, compiled now so a bad one fails at load with its line.
    func pattern() throws -> Pattern {
        let source = try string()
        do {
            return try Pattern(source)
        } catch let error as Pattern.SyntaxError {
            throw self.error(error.description)
        }
    }

    func countRange() throws -> CountRange {
        let mapping = try mapping()
        try mapping.rejectUnknownKeys(allowed: ["min", "max"])
        let range = CountRange(min: try mapping["min"]?.int(), max: try mapping["max"]?.int())
        guard range.min != nil || range.max != nil else { throw error("expected min and/or max") }
        if let min = range.min, let max = range.max, min > max { throw error("min \(min) is greater than max \(max)") }
        return range
    }
}
