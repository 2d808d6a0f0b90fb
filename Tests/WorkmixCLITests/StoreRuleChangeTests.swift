import Foundation
import WorkmixTestSupport
import XCTest

/// A rule change re-classifies from the store, evaluating only the rules that changed (SPEC 8,
/// `RuleReuse`): the output stays that of a run without the store, and verdicts of unchanged rules
/// come from the store.
extension StoreTests {
    func writeRules(_ rules: String, to path: String) throws {
        try ("version: 1\nrules:\n" + rules).write(toFile: path, atomically: true, encoding: .utf8)
    }

    func testEveryKindOfRuleEditGivesTheSameOutputWithAndWithoutStore() throws {
        let repo = try makeRepository()
        let rules = FileManager.default.temporaryDirectory.appendingPathComponent("store-edit-\(UUID().uuidString).yml").path
        defer { try? FileManager.default.removeItem(atPath: rules) }
        let parser = "  - id: parser\n    category: investment\n    match: { subject: '(?i)parser' }\n"
        let docs = "  - id: docs\n    category: support\n    match: { files: { all: ['*.md'] } }\n"
        let big = "  - id: big\n    category: maintenance\n    match: { insertions: { min: 1 } }\n"
        let skip = "  - id: merges\n    skip: true\n    match: { merge: true }\n"
        // Each step is one edit of the one before; the last goes back to the first.
        for step in [parser + docs, skip + parser + docs, skip + docs + parser, skip + docs, big + skip + docs, parser + docs] {
            try writeRules(step, to: rules)
            try assertSameWithAndWithoutStore(repo, extra: ["--rules", rules])
        }
    }

    func testVerdictsOfUnchangedRulesComeFromTheStore() throws {
        let repo = try makeRepository()
        let rules = FileManager.default.temporaryDirectory.appendingPathComponent("store-reuse-\(UUID().uuidString).yml").path
        defer { try? FileManager.default.removeItem(atPath: rules) }
        let parser = "  - id: parser\n    category: investment\n    match: { subject: '(?i)parser' }\n"
        try writeRules(parser, to: rules)
        let arguments = ["scan", "--repo", repo.path, "--rules", rules, "--format", "csv", "--explain", "--store-dir", storeDir]
        XCTAssertEqual(try workmix(arguments, in: repo.path).status, 0)
        // Mark every stored verdict, then add a rule that matches nothing: nothing is re-evaluated
        // but the new rule, so every verdict shows the mark.
        let database = try XCTUnwrap(
            FileManager.default.contentsOfDirectory(atPath: storeDir).first { $0.hasSuffix(".sqlite") })
        try FixtureRepository.run(
            "/usr/bin/env",
            [
                "python3", "-c",
                "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); c.execute(\"UPDATE classifications SET evidence = 'from the store'\"); c.commit()",
                (storeDir as NSString).appendingPathComponent(database),
            ], in: repo.path)
        try writeRules("  - id: nothing\n    category: support\n    match: { subject: '^never$' }\n" + parser, to: rules)
        let reused = try workmix(arguments, in: repo.path)
        XCTAssertEqual(reused.status, 0, reused.stderr)
        let rows = reused.stdout.split(whereSeparator: \.isNewline).dropFirst()
        XCTAssertEqual(rows.count, 4, reused.stdout)  // the merge is skipped by a shipped rule
        XCTAssertTrue(rows.allSatisfy { $0.contains("from the store") }, reused.stdout)
        // A changed rule decides afresh: the parser commits get their real evidence back.
        try writeRules("  - id: parser\n    category: support\n    match: { subject: '(?i)parser' }\n", to: rules)
        let changed = try workmix(arguments, in: repo.path)
        let parserRows = changed.stdout.split(whereSeparator: \.isNewline).filter { $0.contains("parser") }
        XCTAssertEqual(parserRows.count, 2, changed.stdout)
        XCTAssertTrue(parserRows.allSatisfy { !$0.contains("from the store") && $0.contains("support") }, changed.stdout)
    }
}
