import Foundation
import WorkmixTestSupport
import XCTest

/// The README's examples are real: its rule file passes `rules test`, its config is valid.
final class ReadmeTests: CLITestCase {
    func readme() throws -> String {
        try String(contentsOf: PackageFiles.url("README.md"), encoding: .utf8)
    }

    /// The fenced block that starts with a line containing `marker`.
    func block(containing marker: String) throws -> String {
        let text = try readme()
        let start = try XCTUnwrap(text.range(of: marker), marker)
        let fenceStart = try XCTUnwrap(text.range(of: "```yaml\n", options: .backwards, range: text.startIndex..<start.lowerBound))
        let fenceEnd = try XCTUnwrap(text.range(of: "```", range: start.upperBound..<text.endIndex))
        return String(text[fenceStart.upperBound..<fenceEnd.lowerBound])
    }

    func testTheRuleExampleLoadsAndItsExamplesPass() throws {
        let repo = try FixtureRepository(name: "readme")
        try repo.write("payments.yml", try block(containing: "id: payments_migration"))
        let run = try workmix(["rules", "test", repo.path + "/payments.yml"])
        XCTAssertEqual(run.status, 0, run.stdout + run.stderr)
        XCTAssertTrue(run.stdout.hasPrefix("2 passed, 0 failed"), run.stdout)
    }

    func testTheConfigExampleIsValid() throws {
        let repo = try FixtureRepository(name: "config")
        var config = try block(containing: "identities:                 # canonical person")
        // Its paths name the reader's own repositories and rule files: stand them up here.
        config = config.replacingOccurrences(of: "../payments-api", with: repo.path)
            .replacingOccurrences(of: "../payments-web", with: repo.path)
        try repo.write("rules/team.yml", try block(containing: "id: payments_migration"))
        try repo.write("workmix.yml", config)
        // Alice under an old alias, paired with Bob, moving refunds to Stripe: the README's own rule
        // makes it support, and the identities make it the resident's.
        try repo.write("payments/refund.go", (1...12).map { "line \($0)" }.joined(separator: "\n") + "\n")
        try repo.commit(
            "Route refunds through Stripe\n\nCo-authored-by: Bob <bob@heetch.com>",
            author: (name: "Alice M", email: "am@old.example"), date: "2019-10-02T10:00:00+02:00")
        let run = try workmix(["report", "--config", repo.path + "/workmix.yml", "--format", "json"])
        XCTAssertEqual(run.status, 0, run.stderr)
        // Nothing to say but what `config check` says of Carol, who has no commit here.
        XCTAssertEqual(
            run.stderr.split(separator: "\n").filter { !$0.hasSuffix("team member carol@heetch.com has no commit in config since 2019-10-01") },
            [], run.stderr)
        let report = try XCTUnwrap(JSONSerialization.jsonObject(with: run.stdoutData) as? [String: Any])
        let residency = try XCTUnwrap((report["residencies"] as? [[String: Any]])?.first)
        XCTAssertEqual(residency["name"] as? String, "payments-2019-q4")
        XCTAssertEqual(residency["verdict"] as? String, "fail", "one support commit is not the planned mix")
        let support = (residency["byCategory"] as? [String: Any])?["support"] as? [String: Any]
        XCTAssertEqual(support?["commits"] as? Int, 1)
        let resident = residency["resident"] as? [String: Any]
        XCTAssertEqual((resident?["paired"] as? [String: Any])?["support"] as? Int, 1)
        let partner = ((residency["pairings"] as? [[String: Any]])?.first?["partner"] as? [String: Any])?["email"] as? String
        XCTAssertEqual(partner, "bob@heetch.com")
    }
}
