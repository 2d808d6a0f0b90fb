import XCTest

@testable import WorkmixCore

/// A verdict made under earlier rules spares the unchanged ones (`RuleReuse`, SPEC 8): the result must
/// be what classifying afresh gives, whatever the edit. Checked on real subjects with the shipped
/// rules and model, a third of them with files read on demand, under edits a rule file sees.
final class RuleReuseTests: XCTestCase {
    static func commits(count: Int) throws -> [MinedCommit] {
        let rows = CSVRows.parse(try String(contentsOf: RuleAccuracyTests.fixture, encoding: .utf8)).dropFirst().prefix(count)
        let files: [[FileChange]] = [
            [FileChange(path: "docs/guide.md", status: .modified, insertions: 12, deletions: 3)],
            [
                FileChange(path: "src/parser.go", status: .modified, insertions: 40, deletions: 2),
                FileChange(path: "src/parser_test.go", status: .added, insertions: 80, deletions: 0),
            ],
            [FileChange(path: "package-lock.json", status: .modified, insertions: 900, deletions: 850)],
        ]
        return rows.enumerated().map { index, row in
            let parts = MessageParts.split(row[0])
            let record = CommitRecord(
                sha: String(format: "%07x", index), author: Person(name: "A", email: "a@example.com"),
                authoredAt: Timestamp(seconds: 0, offsetMinutes: 0), subject: parts.subject, body: parts.body)
            guard index % 3 == 0 else { return MinedCommit(record: record) }
            let changed = files[(index / 3) % files.count]
            return MinedCommit(record: record) { detail in detail == .paths ? .paths(changed) : .computed(changed) }
        }
    }

    static func rules(_ yaml: String) throws -> [Rule] {
        try RuleLoader.parse("version: 1\nrules:\n" + yaml, file: "edit.yml")
    }

    func testReusedVerdictsEqualFreshOnesUnderEveryKindOfEdit() throws {
        let shipped = try ShippedRulesOnDisk.ruleSet().rules
        let context = try ShippedRulesOnDisk.context()
        let front = try Self.rules("  - id: typo\n    category: support\n    match: { subject: '(?i)typo|readme|wording' }\n")
        let files = try Self.rules("  - id: lockfiles\n    category: maintenance\n    match: { files: { all: ['*.json'] } }\n")
        func index(_ id: String) throws -> Int { try XCTUnwrap(shipped.firstIndex { $0.id == id }, id) }
        var recategorised = shipped
        recategorised[try index("bug_fix")].verdict = .category(.support)
        var withoutOne = shipped
        withoutOne.remove(at: try index("tidying"))
        let models = try index("model_investment")
        var middleReversed = shipped
        let first = try index("docs_by_message"), last = try index("new_functionality")
        middleReversed[first...last].reverse()
        let edits: [(name: String, before: [Rule], after: [Rule])] = [
            ("a rule added first", shipped, front + shipped),
            ("a files rule added first", shipped, files + shipped),
            ("a rule removed", shipped, withoutOne),
            ("a rule's category changed", shipped, recategorised),
            ("rules reordered", shipped, middleReversed),
            ("the model rules moved first", shipped, Array(shipped[models...] + shipped[..<models])),
            ("the last rule removed", shipped, Array(shipped.dropLast())),
            ("an added rule taken out again", front + shipped, shipped),
        ]
        let commits = try Self.commits(count: 400)
        for edit in edits {
            let before = RuleSet(rules: edit.before), after = RuleSet(rules: edit.after)
            let reuse = RuleReuse(earlier: edit.before.map(\.fingerprint), current: after)
            var changed = 0
            for commit in commits {
                let earlier = before.classify(commit, context: context)
                let fresh = after.classify(commit, context: context)
                let reused = after.classify(commit, context: context, earlier: EarlierVerdict(earlier, reuse: reuse))
                XCTAssertEqual(reused, fresh, "\(edit.name): \(commit.record.subject)")
                if fresh != earlier { changed += 1 }
            }
            // Each edit must change some verdicts, or it would not test that reuse gives way to them.
            XCTAssertGreaterThan(changed, 0, edit.name)
        }
    }

    func testPlansSkipRulesKnownNotToMatchAndStopAtTheKnownMatch() throws {
        let rules = try Self.rules(
            """
              - id: a
                category: support
                match: { subject: 'a' }
              - id: b
                category: maintenance
                match: { subject: 'b' }
              - id: c
                category: investment
                match: { subject: 'c' }

            """)
        let new = try Self.rules("  - id: n\n    category: support\n    match: { subject: 'n' }\n")
        let changedB = try Self.rules("  - id: b\n    category: investment\n    match: { subject: 'b' }\n")
        // `n` added before them: a commit `c` decided knows `a` and `b` said no; only `n` is asked.
        let reuse = RuleReuse(earlier: rules.map(\.fingerprint), current: RuleSet(rules: new + rules))
        let byC = try XCTUnwrap(reuse.plan(for: Classification(category: .investment, ruleID: "c")))
        XCTAssertEqual(byC.knownNo, [false, true, true, false])
        XCTAssertEqual(byC.knownMatch, 3)
        let none = try XCTUnwrap(reuse.plan(for: .unclassified))
        XCTAssertEqual(none.knownNo, [false, true, true, true])
        XCTAssertNil(none.knownMatch)
        // `b` changed: what it decided is decided afresh; what `c` decided still knows `a` said no.
        let edited = RuleReuse(earlier: rules.map(\.fingerprint), current: RuleSet(rules: [rules[0]] + changedB + [rules[2]]))
        XCTAssertNil(edited.plan(for: Classification(category: .maintenance, ruleID: "b")))
        XCTAssertEqual(edited.plan(for: Classification(category: .investment, ruleID: "c"))?.knownNo, [true, false, false])
        XCTAssertNil(edited.plan(for: Classification(category: .support, ruleID: RuleSet.overrideRuleID)))
    }

    func testFingerprintsTellMatchersApart() throws {
        let pairs = [
            ("match: { subject: 'a' }", "match: { body: 'a' }"),
            ("match: { subject: 'a' }", "match: { subject: 'a ' }"),
            ("match: { files: { any: ['*.md'] } }", "match: { files: { all: ['*.md'] } }"),
            ("match: { insertions: { min: 1 } }", "match: { insertions: { max: 1 } }"),
            ("match: { any: [{ subject: 'a' }, { subject: 'b' }] }", "match: { any: [{ subject: 'a,b' }] }"),
        ]
        for (left, right) in pairs {
            let a = try Self.rules("  - id: x\n    category: support\n    \(left)\n")[0]
            let b = try Self.rules("  - id: x\n    category: support\n    \(right)\n")[0]
            XCTAssertNotEqual(a.fingerprint, b.fingerprint, "\(left) vs \(right)")
            XCTAssertEqual(a.fingerprint, try Self.rules("  - id: x\n    category: support\n    \(left)\n")[0].fingerprint)
        }
    }
}
