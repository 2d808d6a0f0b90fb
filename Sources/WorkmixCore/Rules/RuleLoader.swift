import Foundation

/// Reads rule files (SPEC 4) into rules, rejecting with file:line whatever is not a valid rule: malformed
/// YAML, unknown keys, wrong types, invalid regular expressions, unknown categories, an unsupported
/// `version`, a rule with neither `category` nor `skip`, and ids repeated across the files loaded together.
package enum RuleLoader {
    package static let supportedVersion = 1

    enum FileKey: String, CaseIterable { case version, rules }
    enum RuleKey: String, CaseIterable { case id, category, skip, description, match, examples }
    enum ExampleKey: String, CaseIterable { case message, author, files, dependencies, merge, expect, expectNot = "expect_not" }

    /// Loads several files as one rule list, in the order given (user files first, then shipped ones).
    package static func load(files: [SourceFile]) throws -> [Rule] {
        var rules: [Rule] = []
        var seen: [String: SourceLocation] = [:]
        for file in files {
            for rule in try parse(file.text, file: file.name) {
                if let first = seen[rule.id] {
                    throw InputError("duplicate rule id '\(rule.id)' (first defined at \(first))", at: rule.source)
                }
                seen[rule.id] = rule.source
                rules.append(rule)
            }
        }
        return rules
    }

    /// Loads files and directories from disk (a directory gives its `*.yml`/`*.yaml` files in name order).
    package static func load(paths: [String]) throws -> [Rule] {
        try load(files: readFiles(paths))
    }

    /// The rule files a list of paths names, read as text, in order.
    package static func readFiles(_ paths: [String]) throws -> [SourceFile] {
        var files: [SourceFile] = []
        // A file named twice (`--rules team.yml` with `rules: [team.yml]` in the config, or through a
        // folder) is read once.
        var seen: Set<String> = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw InputError("no such rule file or directory", at: SourceLocation(file: path))
            }
            var filePaths = [path]
            if isDirectory.boolValue {
                let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
                filePaths = names.filter { $0.hasSuffix(".yml") || $0.hasSuffix(".yaml") }.sorted()
                    .map { (path as NSString).appendingPathComponent($0) }
                guard !filePaths.isEmpty else {
                    throw InputError("no rule files (*.yml, *.yaml) in this directory", at: SourceLocation(file: path))
                }
            }
            for filePath in filePaths
            where seen.insert(URL(fileURLWithPath: filePath).resolvingSymlinksInPath().standardizedFileURL.path).inserted {
                files.append(SourceFile(name: filePath, text: try TextFile.read(filePath, what: "rule file")))
            }
        }
        return files
    }

    /// Parses one rule file.
    package static func parse(_ text: String, file: String) throws -> [Rule] {
        guard let root = try YAMLValue.parse(text, file: file) else {
            throw InputError("empty rule file: expected 'version: 1' and 'rules'", at: SourceLocation(file: file, line: 1))
        }
        let mapping = try root.mapping()
        try mapping.rejectUnknownKeys(allowed: FileKey.allCases.map(\.rawValue))
        let version = try mapping.required("version")
        guard try version.int() == supportedVersion else {
            throw version.error("unsupported version \(try version.string()) (this workmix reads version \(supportedVersion))")
        }
        guard let rulesValue = mapping["rules"] else { throw mapping.error("missing key 'rules'") }
        if rulesValue.isNull { return [] }
        return try rulesValue.sequence().map(parseRule)
    }

    /// `^[a-z][a-z0-9]*(_[a-z0-9]+)*$`, checked by hand: Foundation's `.regularExpression` would
    /// load ICU's regex engine for this one test.
    static func isSnakeCase(_ id: String) -> Bool {
        let bytes = Array(id.utf8)
        guard let first = bytes.first, (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(first),
            bytes.last != UInt8(ascii: "_")
        else { return false }
        var previous = first
        for byte in bytes.dropFirst() {
            let isLowerOrDigit =
                (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
            guard isLowerOrDigit || (byte == UInt8(ascii: "_") && previous != UInt8(ascii: "_")) else { return false }
            previous = byte
        }
        return true
    }

    private static func parseRule(_ value: YAMLValue) throws -> Rule {
        let mapping = try value.mapping()
        try mapping.rejectUnknownKeys(allowed: RuleKey.allCases.map(\.rawValue))
        let idValue = try mapping.required("id")
        let id = try idValue.string()
        guard isSnakeCase(id) else {
            throw idValue.error("rule id '\(id)' is not snake_case")
        }
        let skip = try mapping["skip"]?.bool() ?? false
        let verdict: Rule.Verdict
        switch (try mapping["category"].map { try parseCategory($0) }, skip) {
        case (nil, false):
            throw mapping.error("rule '\(id)' has neither 'category' nor 'skip: true'")
        case (.some, true):
            throw mapping["skip"]!.error("rule '\(id)' has both 'category' and 'skip: true'")
        case (.some(let category), false): verdict = .category(category)
        case (nil, true): verdict = .skip
        }
        let matcher = try Matcher(yaml: try mapping.required("match"))
        let examples =
            try mapping["examples"].map { list in
                try list.sequence().enumerated().map { try parseExample($1, index: $0) }
            } ?? []
        return Rule(
            id: id, verdict: verdict, description: try mapping["description"]?.string() ?? "",
            matcher: matcher, examples: examples, source: idValue.location)
    }

    private static func parseCategory(_ value: YAMLValue) throws -> Category {
        let name = try value.string()
        guard let category = Category(rawValue: name), Category.assignable.contains(category) else {
            throw value.error("unknown category '\(name)' (expected investment, maintenance or support)")
        }
        return category
    }

    private static func parseExample(_ value: YAMLValue, index: Int) throws -> RuleExample {
        let mapping = try value.mapping()
        try mapping.rejectUnknownKeys(allowed: ExampleKey.allCases.map(\.rawValue))
        let message = try mapping.required("message").string()
        let author = try mapping["author"].map { authorValue -> Person in
            guard let person = CoAuthorParser.person(from: Substring(try authorValue.string())) else {
                throw authorValue.error("expected 'Name <email>'")
            }
            return person
        }
        let files = try mapping["files"].map { try $0.sequence().map(parseFileChange) }
        let expectation: RuleExample.Expectation
        switch (mapping["expect"], mapping["expect_not"]) {
        case (let expect?, nil):
            let name = try expect.string()
            if name == "skip" {
                expectation = .verdict(.skip)
            } else if let category = Category(rawValue: name) {
                expectation = .verdict(.category(category))
            } else {
                throw expect.error("unknown category '\(name)' (expected investment, maintenance, support, unclassified or skip)")
            }
        case (nil, let expectNot?):
            let name = try expectNot.string()
            if name == "skip" {
                expectation = .notSkipped
            } else if let category = Category(rawValue: name) {
                expectation = .notCategory(category)
            } else {
                expectation = .notRule(name)
            }
        default:
            throw mapping.error("an example needs exactly one of 'expect' and 'expect_not'")
        }
        var example = RuleExample(
            index: index, message: message, author: author, files: files,
            merge: try mapping["merge"]?.bool() ?? false, expectation: expectation,
            location: value.location)
        example.dependencies = try mapping["dependencies"].map(parseDependencyChanges)
        return example
    }

    /// An example's `dependencies: {added, removed, major, bumped: [ecosystem:name…]}`.
    private static func parseDependencyChanges(_ value: YAMLValue) throws -> DependencyChanges {
        let mapping = try value.mapping()
        try mapping.rejectUnknownKeys(allowed: ["added", "removed", "major", "bumped"])
        var changes = DependencyChanges()
        changes.added = try mapping["added"]?.sequenceOrSingle().map { try $0.string() } ?? []
        changes.removed = try mapping["removed"]?.sequenceOrSingle().map { try $0.string() } ?? []
        changes.majorBumps = try mapping["major"]?.sequenceOrSingle().map { try $0.string() } ?? []
        changes.otherBumps = try mapping["bumped"]?.sequenceOrSingle().map { try $0.string() } ?? []
        changes.manifests = ["example"]
        return changes
    }

    /// `path`, or `{path, insertions, deletions, status}` (a bare path: one line inserted, modified).
    private static func parseFileChange(_ value: YAMLValue) throws -> FileChange {
        if value.node.scalar != nil {
            return FileChange(path: try value.string(), insertions: 1)
        }
        let mapping = try value.mapping()
        try mapping.rejectUnknownKeys(allowed: ["path", "insertions", "deletions", "status"])
        var status = FileChange.Status.modified
        if let statusValue = mapping["status"] {
            let name = try statusValue.string()
            guard let parsed = FileChange.Status(rawValue: name) else {
                throw statusValue.error("unknown status '\(name)'")
            }
            status = parsed
        }
        return FileChange(
            path: try mapping.required("path").string(), status: status,
            insertions: try mapping["insertions"]?.int() ?? 0,
            deletions: try mapping["deletions"]?.int() ?? 0)
    }
}
