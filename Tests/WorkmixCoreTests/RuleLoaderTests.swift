import XCTest

@testable import WorkmixCore

final class RuleLoaderTests: XCTestCase {
    /// Loads `text` as `team.yml` and returns the error's one line.
    func loadError(_ text: String, file: String = "team.yml") -> String {
        do {
            _ = try RuleLoader.parse(text, file: file)
            XCTFail("expected an error")
            return ""
        } catch {
            return "\(error)"
        }
    }

    func testLoadsEveryPartOfARule() throws {
        let rules = try RuleLoader.parse(
            """
            version: 1
            rules:
              - id: dependency_bump
                category: maintenance
                description: Dependency updates
                match:
                  any:
                    - author: '(?i)dependabot'
                    - files: { all: ['**/go.sum'] }
                examples:
                  - { message: "Bump x from 1 to 2", expect: maintenance }
                  - { message: "Add retry", files: [a.go, { path: b.go, insertions: 3, deletions: 1 }], expect_not: dependency_bump }
              - id: merges
                skip: true
                match: { merge: true }
            """, file: "team.yml")
        XCTAssertEqual(rules.map(\.id), ["dependency_bump", "merges"])
        XCTAssertEqual(rules[0].verdict, .category(.maintenance))
        XCTAssertEqual(rules[1].verdict, .skip)
        XCTAssertEqual(rules[0].source.description, "team.yml:3:9")
        XCTAssertEqual(rules[0].examples.count, 2)
        XCTAssertEqual(rules[0].examples[1].files?.last, FileChange(path: "b.go", insertions: 3, deletions: 1))
        XCTAssertEqual(rules[0].examples[1].expectation, .notRule("dependency_bump"))
        XCTAssertTrue(rules[0].needsFileChanges)
        XCTAssertFalse(rules[1].needsFileChanges)
    }

    func testMalformedYAMLKeepsYamsLine() {
        let message = loadError("version: 1\nrules:\n  - id: a\n    match: { subject: 'x'\n")
        XCTAssertTrue(message.hasPrefix("team.yml:5:"), message)
        XCTAssertTrue(message.contains("invalid YAML"), message)
    }

    func testUnknownKeyNamesKeyAndLine() {
        let message = loadError(
            """
            version: 1
            rules:
              - id: a
                category: support
                match:
                  subjet: 'x'
            """)
        XCTAssertTrue(message.hasPrefix("team.yml:6:7: rules[0].match: unknown key 'subjet'"), message)
    }

    func testUnknownKeyInRuleAndFileAndExample() {
        XCTAssertTrue(
            loadError("version: 1\nrules:\n  - id: a\n    category: support\n    matches: {}\n")
                .hasPrefix("team.yml:5:5: rules[0]: unknown key 'matches'"))
        XCTAssertTrue(loadError("version: 1\nrule: []\n").hasPrefix("team.yml:2:1: unknown key 'rule'"))
        let example = loadError(
            """
            version: 1
            rules:
              - id: a
                category: support
                match: { subject: x }
                examples:
                  - { message: x, expected: support }
            """)
        XCTAssertTrue(example.hasPrefix("team.yml:7:23: rules[0].examples[0]: unknown key 'expected'"), example)
    }

    func testInvalidRegex() {
        let message = loadError("version: 1\nrules:\n  - id: a\n    category: support\n    match:\n      body: '(unclosed'\n")
        XCTAssertTrue(message.hasPrefix("team.yml:6:13: rules[0].match.body: invalid regular expression '(unclosed'"), message)
    }

    func testUnknownCategory() {
        let message = loadError("version: 1\nrules:\n  - id: a\n    category: features\n    match: { subject: x }\n")
        XCTAssertTrue(message.hasPrefix("team.yml:4:15: rules[0].category: unknown category 'features'"), message)
    }

    func testRuleWithNeitherCategoryNorSkip() {
        let message = loadError("version: 1\nrules:\n  - id: a\n    match: { subject: x }\n")
        XCTAssertTrue(message.hasPrefix("team.yml:3:5: rules[0]: rule 'a' has neither 'category' nor 'skip: true'"), message)
        let skipFalse = loadError("version: 1\nrules:\n  - id: a\n    skip: false\n    match: { subject: x }\n")
        XCTAssertTrue(skipFalse.contains("neither"), skipFalse)
    }

    func testDuplicateIdsAcrossFiles() {
        let rule = "version: 1\nrules:\n  - id: a\n    category: support\n    match: { subject: x }\n"
        XCTAssertThrowsError(
            try RuleLoader.load(files: [SourceFile(name: "user.yml", text: rule), SourceFile(name: "rules/10.yml", text: "\n" + rule)])
        ) { error in
            XCTAssertEqual("\(error)", "rules/10.yml:4:9: duplicate rule id 'a' (first defined at user.yml:3:9)")
        }
    }

    func testWrongTypes() {
        XCTAssertTrue(
            loadError("version: 1\nrules:\n  - id: a\n    category: support\n    match: { merge: maybe }\n")
                .hasPrefix("team.yml:5:21: rules[0].match.merge: expected true or false, found 'maybe'"))
        XCTAssertTrue(
            loadError("version: 1\nrules:\n  - id: a\n    category: support\n    match: { churn: { min: lots } }\n")
                .hasPrefix("team.yml:5:28: rules[0].match.churn.min: expected an integer"))
        XCTAssertTrue(loadError("version: 1\nrules: { id: a }\n").hasPrefix("team.yml:2:8: rules: expected a list, found a mapping"))
        XCTAssertTrue(
            loadError("version: 1\nrules:\n  - id: a\n    category: support\n    match: { any: { subject: x } }\n")
                .hasPrefix("team.yml:5:19: rules[0].match.any: expected a list"))
        XCTAssertTrue(
            loadError("version: 1\nrules:\n  - id: a\n    category: support\n    match: { trailer: { value: x } }\n")
                .hasPrefix("team.yml:5:23: rules[0].match.trailer: missing key 'key'"))
    }

    func testUnsupportedVersion() {
        XCTAssertTrue(loadError("version: 2\nrules: []\n").hasPrefix("team.yml:1:10: version: unsupported version 2"))
        XCTAssertTrue(loadError("rules: []\n").hasPrefix("team.yml:1:1: missing key 'version'"))
    }

    func testIdMustBeSnakeCase() {
        XCTAssertTrue(
            loadError("version: 1\nrules:\n  - id: DependencyBump\n    category: support\n    match: { subject: x }\n")
                .hasPrefix("team.yml:3:9: rules[0].id: rule id 'DependencyBump' is not snake_case"))
    }

    func testMergeKeysInRules() throws {
        let rules = try RuleLoader.parse(
            """
            version: 1
            rules:
              - &support
                id: platform_help
                category: support
                match: { subject: '(?i)^help' }
              - <<: [*support]
                id: platform_docs
                match: { subject: '(?i)^docs' }
            """, file: "team.yml")
        XCTAssertEqual(rules.map(\.id), ["platform_help", "platform_docs"])
        XCTAssertEqual(rules[1].verdict, .category(.support))
        XCTAssertEqual(rules[1].matcher.evaluate(makeRecord(subject: "docs: x")).truth, .yes)
        XCTAssertEqual(rules[1].matcher.evaluate(makeRecord(subject: "help: x")).truth, .no)
    }

    func testSnakeCaseIds() {
        for id in ["a", "merge_commit", "v2", "rule_2b", "a_b_c"] {
            XCTAssertTrue(RuleLoader.isSnakeCase(id), id)
        }
        for id in ["", "_a", "a_", "a__b", "2a", "A", "aB", "a-b", "a b", "é", "a.b"] {
            XCTAssertFalse(RuleLoader.isSnakeCase(id), id)
        }
    }

    /// Scalars are typed when read, YAML 1.1 style for booleans as Yams did; a quoted value is text.
    func testScalarTyping() throws {
        func scalar(_ yaml: String) throws -> YAMLValue {
            try XCTUnwrap(try YAMLValue.parse("v: \(yaml)\n", file: "t.yml")?.mapping().required("v"))
        }
        for (yaml, expected) in [
            ("true", true), ("True", true), ("yes", true), ("on", true),
            ("false", false), ("NO", false), ("off", false),
        ] {
            XCTAssertEqual(try scalar(yaml).bool(), expected, yaml)
        }
        for (yaml, expected) in [
            ("0", 0), ("42", 42), ("-40", -40), ("+5", 5), ("1_000", 1000),
            ("0x1F", 31), ("0o17", 15), ("0b101", 5), ("007", 7),
        ] {
            XCTAssertEqual(try scalar(yaml).int(), expected, yaml)
        }
        for yaml in ["'true'", "\"yes\"", "1", "maybe", "~", "[true]"] {
            XCTAssertThrowsError(try scalar(yaml).bool(), yaml)
        }
        for yaml in ["'5'", "5x", "0x", "+", "1.5", "12:30", "99999999999999999999", "", "{ a: 1 }"] {
            XCTAssertThrowsError(try scalar(yaml).int(), yaml)
        }
        XCTAssertEqual(try scalar("2026-01-05").string(), "2026-01-05")
        XCTAssertEqual(try scalar("'40%'").string(), "40%")
    }

    func testExampleNeedsOneExpectation() {
        let message = loadError(
            """
            version: 1
            rules:
              - id: a
                category: support
                match: { subject: x }
                examples:
                  - { message: x }
            """)
        XCTAssertTrue(message.hasPrefix("team.yml:7:9: rules[0].examples[0]: an example needs exactly one of"), message)
    }

    func testReadsDirectoriesInNameOrder() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("workmix-rules-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        for (name, id) in [("20-b.yml", "b"), ("10-a.yaml", "a"), ("notes.txt", "c")] {
            try "version: 1\nrules:\n  - { id: \(id), category: support, match: { subject: x } }\n"
                .write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        XCTAssertEqual(try RuleLoader.load(paths: [dir.path]).map(\.id), ["a", "b"])
        XCTAssertThrowsError(try RuleLoader.load(paths: [dir.path + "/missing.yml"]))
    }
}
