import Foundation
import WorkmixTestSupport
import XCTest

/// SPEC 11: the author's `Work-Type:` trailer decides before every other rule.
final class WorkTypeTrailerTests: CLITestCase {
    func testTrailerBeatsPrefixAndFreeFormRulesAndUnknownValuesDecideNothing() throws {
        let repo = try FixtureRepository(name: "intent")
        let messages = [
            "feat: add a shared date helper\n\nWork-Type: support\n",
            "Migrate the client from moment to date-fns\n\nwork-type: MAINTENANCE\n",
            "fix: handle an empty config\n\nReviewed-by: Ann <ann@x.io>\nWORK-TYPE: Investment\n",
            "feat: add the export button\n\nWork-Type: chores\n",
            "Migrate the client from moment to date-fns\n",
        ]
        var shas: [String] = []
        for (index, message) in messages.enumerated() {
            try repo.write("file\(index).txt", "\(index)\n")
            shas.append(try repo.commit(message, date: "2021-03-0\(index + 1)T10:00:00+00:00"))
        }
        let run = try workmix(["scan", "--repo", repo.path, "--format", "jsonl"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let rows = Dictionary(uniqueKeysWithValues: try jsonLines(run.stdout).map { ($0["sha"] as? String ?? "", $0) })
        func decided(_ index: Int) -> [String?] {
            [rows[shas[index]]?["category"] as? String, rows[shas[index]]?["rule"] as? String]
        }
        XCTAssertEqual(decided(0), ["support", "work_type_support"])
        XCTAssertEqual(decided(1), ["maintenance", "work_type_maintenance"])
        XCTAssertEqual(decided(2), ["investment", "work_type_investment"])
        // Without a known value the prefix and the free-form rules decide as they would with no trailer.
        XCTAssertEqual(decided(3), ["investment", "conventional_feature"])
        XCTAssertEqual(decided(4)[0], "support")
        XCTAssertNotEqual(decided(4)[1], "work_type_support")
    }
}
