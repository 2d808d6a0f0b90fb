import XCTest

@testable import WorkmixCore

final class RuleSetTests: XCTestCase {
    let ruleFile = """
        version: 1
        rules:
          - id: merges
            skip: true
            match: { merge: true }
          - id: docs_only
            category: maintenance
            match: { files: { all: ['docs/**', '*.md'] } }
          - id: fixes
            category: maintenance
            match: { subject: '(?i)^fix' }
          - id: features
            category: investment
            match: { subject: '(?i)^(add|fix)' }
        """

    func ruleSet(overrides: ClassificationOverrides = .none) throws -> RuleSet {
        try RuleSet(files: [SourceFile(name: "team.yml", text: ruleFile)], overrides: overrides)
    }

    func testFirstMatchDecidesWithEvidence() throws {
        let verdict = try ruleSet().classify(makeRecord(subject: "Fix login"))
        XCTAssertEqual(verdict, Classification(category: .maintenance, ruleID: "fixes", evidence: ["subject ~ '(?i)^fix'"]))
        XCTAssertEqual(try ruleSet().classify(makeRecord(subject: "Add login")).ruleID, "features")
    }

    func testSkipAndUnclassified() throws {
        let skipped = try ruleSet().classify(makeRecord(subject: "Merge branch x", merge: true))
        XCTAssertTrue(skipped.skipped)
        XCTAssertEqual(skipped.ruleID, "merges")
        XCTAssertEqual(try ruleSet().classify(makeRecord(subject: "wip")), .unclassified)
    }

    func testFileRulesDoNotMatchWithoutChanges() throws {
        let docs = [FileChange(path: "docs/a.md")]
        XCTAssertEqual(try ruleSet().classify(makeRecord(subject: "Add guide", files: docs)).ruleID, "docs_only")
        XCTAssertEqual(try ruleSet().classify(makeRecord(subject: "Add guide")).ruleID, "features")
        var unavailable = makeRecord(subject: "Add guide")
        unavailable.changeInfo = .unavailable
        XCTAssertEqual(try ruleSet().classify(unavailable).ruleID, "features")
    }

    func testOverridesBeatEveryRuleLongestPrefixFirst() throws {
        let overrides = try ClassificationOverrides([
            (key: "0123456", value: "support", location: nil),
            (key: "0123456789AB", value: "skip", location: SourceLocation(file: "workmix.yml", line: 9)),
        ])
        let set = try ruleSet(overrides: overrides)
        let pinned = set.classify(makeRecord(subject: "Fix login", sha: "0123456fff"))
        XCTAssertEqual(pinned.category, .support)
        XCTAssertEqual(pinned.ruleID, "override")
        XCTAssertEqual(pinned.evidence, ["override 0123456: support"])
        let skipped = set.classify(makeRecord(subject: "Fix login", sha: "0123456789abcdef"))
        XCTAssertTrue(skipped.skipped)
        XCTAssertEqual(skipped.evidence, ["override 0123456789ab: skip (workmix.yml:9)"])
        XCTAssertEqual(set.classify(makeRecord(subject: "Fix login", sha: "fedcba98")).ruleID, "fixes")
    }

    func testOverridesRejectShortPrefixesAndUnknownVerdicts() {
        XCTAssertThrowsError(try ClassificationOverrides([(key: "012345", value: "support", location: nil)]))
        XCTAssertThrowsError(try ClassificationOverrides([(key: "0123456", value: "feature", location: nil)]))
        XCTAssertThrowsError(try ClassificationOverrides([(key: "zzzzzzz", value: "support", location: nil)]))
        XCTAssertThrowsError(
            try ClassificationOverrides([(key: String(repeating: "a", count: 42), value: "support", location: nil)]),
            "longer than a SHA-1 name and no SHA-256 one")
        XCTAssertNoThrow(try ClassificationOverrides([(key: String(repeating: "a", count: 64), value: "support", location: nil)]))
    }

    /// A prefix that pinned two commits is said at the end; one that pinned one is not.
    func testOverrideHitsNameAPrefixThatPinnedTwoCommits() throws {
        let overrides = try ClassificationOverrides([
            (key: "abc1234", value: "support", location: SourceLocation(file: "workmix.yml", line: 3)),
            (key: "def5678", value: "skip", location: nil),
        ])
        let hits = OverrideHits(overrides)
        for sha in ["abc1234f00", "abc1234e11", "abc1234f00", "def5678aaa", "0000000bbb"] { hits.note(sha) }
        XCTAssertEqual(
            hits.warnings,
            [
                .ambiguousOverride(
                    prefix: "abc1234", commits: ["abc1234e11", "abc1234f00"],
                    location: SourceLocation(file: "workmix.yml", line: 3))
            ])
    }

    func testExplainEvaluatesEveryRule() throws {
        let explanation = try ruleSet().explain(makeRecord(subject: "Fix login"))
        XCTAssertEqual(explanation.evaluations.map(\.ruleID), ["merges", "docs_only", "fixes", "features"])
        XCTAssertEqual(explanation.evaluations.map(\.truth), [.no, .unknown, .yes, .yes])
        XCTAssertEqual(explanation.evaluations.map(\.decides), [false, false, true, false])
        XCTAssertEqual(explanation.evaluations[0].reasons, ["merge is false"])
        XCTAssertEqual(explanation.evaluations[1].reasons, ["files unknown (file changes not computed)"])
        XCTAssertEqual(explanation.classification.ruleID, "fixes")
        XCTAssertNil(explanation.override)
    }

    func testAccuracyReportCountsUnclassifiedAndSkippedAsWrong() throws {
        let set = try ruleSet()
        let labelled: [(record: CommitRecord, expected: Category)] = [
            (makeRecord(subject: "Fix a"), .maintenance),  // right
            (makeRecord(subject: "Add b"), .investment),  // right
            (makeRecord(subject: "Add c"), .maintenance),  // investment: wrong
            (makeRecord(subject: "wip"), .support),  // unclassified: wrong
            (makeRecord(subject: "Merge", merge: true), .maintenance),  // skip: wrong
        ]
        let report = AccuracyReport.evaluate(labelled, ruleSet: set)
        XCTAssertEqual(report.total, 5)
        XCTAssertEqual(report.correct, 2)
        XCTAssertEqual(report.accuracy, 0.4, accuracy: 1e-9)
        XCTAssertEqual(report.confusion[.maintenance]?[.skip], 1)
        XCTAssertEqual(report.confusion[.support]?[.category(.unclassified)], 1)
        let maintenance = try XCTUnwrap(report.perCategory[.maintenance])
        XCTAssertEqual(maintenance.precision, 1, accuracy: 1e-9)
        XCTAssertEqual(maintenance.recall, 1.0 / 3, accuracy: 1e-9)
        XCTAssertEqual(maintenance.f1, 0.5, accuracy: 1e-9)
        let investment = try XCTUnwrap(report.perCategory[.investment])
        XCTAssertEqual(investment.precision, 0.5, accuracy: 1e-9)
        XCTAssertEqual(investment.recall, 1, accuracy: 1e-9)
        XCTAssertEqual(report.perCategory[.support]?.f1, 0)
        XCTAssertEqual(report.macroF1, (0.5 + 2.0 / 3 + 0) / 3, accuracy: 1e-9)

        // Macro-F1 averages the categories that occur: none labelled support, none predicted it.
        let noSupport = AccuracyReport.evaluate(
            [
                (makeRecord(subject: "Fix a"), .maintenance),
                (makeRecord(subject: "Add b"), .investment),
            ], ruleSet: set)
        XCTAssertEqual(noSupport.accuracy, 1)
        XCTAssertEqual(noSupport.macroF1, 1, accuracy: 1e-9)
        // A category only predicted still counts (its F1 is 0).
        let predictedOnly = AccuracyReport.evaluate(
            [
                (makeRecord(subject: "Fix a"), .maintenance),
                (makeRecord(subject: "Add b"), .maintenance),
            ], ruleSet: set)
        XCTAssertEqual(predictedOnly.macroF1, (2.0 / 3 + 0) / 2, accuracy: 1e-9)
        XCTAssertEqual(report.wrong.map(\.record.subject), ["Add c", "wip", "Merge"])
    }

    /// File changes are read on demand, cheapest first, and the verdict is the one full knowledge gives.
    func testReadsPathsBeforeLinesAndOnlyWhenUndecided() throws {
        let rules = try RuleSet(
            files: [
                SourceFile(
                    name: "team.yml",
                    text: """
                        version: 1
                        rules:
                          - id: fixes
                            category: maintenance
                            match: { subject: '(?i)^fix' }
                          - id: big_new_code
                            category: investment
                            match: { insertions: { min: 100 }, file_count: { min: 2 } }
                        """
                )
            ], overrides: .none)
        func classify(subject: String, files: [FileChange]) -> (rule: String?, asked: [ChangeDetail]) {
            var asked: [ChangeDetail] = []
            let commit = MinedCommit(
                record: makeRecord(subject: subject),
                load: { detail in
                    asked.append(detail)
                    return detail == .lines ? .computed(files) : .paths(files.map { FileChange(path: $0.path) })
                })
            let verdict = rules.classify(commit)
            XCTAssertEqual(verdict, rules.classify(makeRecord(subject: subject, files: files)), subject)
            return (verdict.ruleID, asked)
        }
        let two = [FileChange(path: "a.go", insertions: 90), FileChange(path: "b.go", insertions: 60)]
        let one = [FileChange(path: "a.go", insertions: 500)]
        let decidedByMessage = classify(subject: "Fix login", files: two)
        XCTAssertEqual(decidedByMessage.rule, "fixes")
        XCTAssertEqual(decidedByMessage.asked, [])
        let decidedByPaths = classify(subject: "Payments", files: one)
        XCTAssertNil(decidedByPaths.rule)
        XCTAssertEqual(decidedByPaths.asked, [.paths])
        let decidedByLines = classify(subject: "Payments", files: two)
        XCTAssertEqual(decidedByLines.rule, "big_new_code")
        XCTAssertEqual(decidedByLines.asked, [.paths, .lines])
    }
}
