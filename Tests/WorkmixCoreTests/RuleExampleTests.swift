import XCTest

@testable import WorkmixCore

/// The shipped rule files, read from the package root.
enum ShippedRulesOnDisk {
    static var directory: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("rules")
    }

    static func files() throws -> [SourceFile] {
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0.hasSuffix(".yml") }.sorted()
        return try names.map {
            SourceFile(name: "rules/\($0)", text: try String(contentsOf: directory.appendingPathComponent($0), encoding: .utf8))
        }
    }

    static func ruleSet() throws -> RuleSet { try RuleSet(files: files()) }

    /// `rules/shipped.model`, which the shipped model rules ask.
    static func model() throws -> CommitModel {
        let url = directory.appendingPathComponent("shipped.model")
        return try ModelFile.parse(try String(contentsOf: url, encoding: .utf8), file: "rules/shipped.model")
    }

    static func context() throws -> RuleContext { RuleContext(model: try model()) }
}

final class RuleExampleTests: XCTestCase {
    func testShippedRuleExamplesPass() throws {
        let ruleSet = try ShippedRulesOnDisk.ruleSet()
        let report = RuleExampleRunner.run(ruleSet, context: try ShippedRulesOnDisk.context())
        XCTAssertGreaterThan(report.examplesRun, 50)
        for failure in report.failures { XCTFail("\(failure)") }
    }

    func testEveryShippedRuleHasPositiveAndNegativeExamples() throws {
        for rule in try ShippedRulesOnDisk.ruleSet().rules {
            XCTAssertFalse(rule.examples.isEmpty, "\(rule.source): rule \(rule.id) has no examples")
            XCTAssertTrue(
                rule.examples.contains { if case .verdict = $0.expectation { true } else { false } },
                "\(rule.source): rule \(rule.id) has no positive example")
            XCTAssertTrue(
                rule.examples.contains { if case .verdict = $0.expectation { false } else { true } }
                    || rule.matcher.usesModel,
                "\(rule.source): rule \(rule.id) has no expect_not example")
            XCTAssertFalse(rule.description.isEmpty, "\(rule.source): rule \(rule.id) has no description")
        }
    }

    func testFailuresNameFileRuleAndExample() throws {
        let set = try RuleSet(files: [
            SourceFile(
                name: "team.yml",
                text: """
                    version: 1
                    rules:
                      - id: fixes
                        category: maintenance
                        match: { subject: '^Fix' }
                        examples:
                          - { message: "Fix a", expect: maintenance }
                          - { message: "Add b", expect: maintenance }
                          - { message: "Fix c", expect_not: fixes }
                          - { message: "Fix d", expect_not: no_such_rule }
                    """
            )
        ])
        let report = RuleExampleRunner.run(set)
        XCTAssertEqual(report.examplesRun, 4)
        XCTAssertEqual(
            report.failures.map(\.description),
            [
                "team.yml:8:9: rule fixes, example 1 (\"Add b\"): expect maintenance, got unclassified (no rule matched)",
                "team.yml:9:9: rule fixes, example 2 (\"Fix c\"): expect_not fixes, got maintenance (rule fixes)",
                "team.yml:10:9: rule fixes, example 3 (\"Fix d\"): expect_not no_such_rule, got maintenance (rule fixes)",
            ])
    }

    func testExampleRecordsCarryAuthorFilesMergeAndCoAuthors() throws {
        let rules = try RuleLoader.parse(
            """
            version: 1
            rules:
              - id: a
                category: support
                match: { paired: true }
                examples:
                  - message: "Pair on it\\n\\nCo-authored-by: Bob <bob@example.com>"
                    author: "Alice <alice@example.com>"
                    files: [x.go, { path: y.go, insertions: 4, deletions: 2, status: added }]
                    merge: true
                    expect: support
            """, file: "t.yml")
        let record = rules[0].examples[0].record
        XCTAssertEqual(record.author, Person(name: "Alice", email: "alice@example.com"))
        XCTAssertEqual(record.coAuthors, [Person(name: "Bob", email: "bob@example.com")])
        XCTAssertEqual(record.trailers, [Trailer(key: "Co-authored-by", value: "Bob <bob@example.com>")])
        XCTAssertTrue(record.isMerge)
        XCTAssertEqual(record.changeInfo.stats, ChangeStats(files: 2, insertions: 5, deletions: 2))
        XCTAssertEqual(record.changeInfo.changes?.last?.status, .added)
    }
}
