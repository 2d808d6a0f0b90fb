import Foundation
import WorkmixTestSupport
import XCTest

/// `workmix config check`, `workmix init` and where the config is found, on repositories the tests
/// build, run as a user would.
final class ConfigCommandTests: CLITestCase {
    /// The demo's history and config (examples/build-demo-history.sh) in a scratch folder.
    func demo() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("workmix-config-test-\(UUID().uuidString)")
        try DemoHistory.copy(to: root)
        addTeardownBlock { try? FileManager.default.removeItem(at: root) }
        return root
    }

    /// The demo's config with Bob's address mistyped, as a team member might.
    func demoWithTypo() throws -> URL {
        let root = try demo()
        let config = root.appendingPathComponent("workmix.yml")
        let text = try String(contentsOf: config, encoding: .utf8)
        XCTAssertTrue(text.contains("team: [bob@payments.example,"))
        try text.replacingOccurrences(of: "bob@payments.example", with: "bob@payments.exmaple")
            .write(to: config, atomically: true, encoding: .utf8)
        return root
    }

    static let typoWarning =
        "workmix.yml:7: team member bob@payments.exmaple has no commit in payments-api since 2024-01-08; did you mean bob@payments.example?"

    func testTypoIsNamedWithItsLineAndTheNearestAddress() throws {
        let root = try demoWithTypo()
        let run = try workmix(["config", "check"], in: root.path)
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(run.stdout, Self.typoWarning + "\n")
        let github = try workmix(["config", "check", "--format", "github"], in: root.path)
        XCTAssertEqual(
            github.stdout,
            "::warning file=workmix.yml,line=7::team member bob@payments.exmaple has no commit in payments-api since 2024-01-08; "
                + "did you mean bob@payments.example?\n")
        // The demo's own config draws no warning.
        let clean = try demo()
        let none = try workmix(["config", "check"], in: clean.path)
        XCTAssertEqual(none.status, 0, none.stderr)
        XCTAssertEqual(none.stdout, "")
    }

    func testReportAndCheckWarnFirstAndKeepTheirVerdicts() throws {
        let root = try demoWithTypo()
        let report = try workmix(["report", "--format", "json"], in: root.path)
        XCTAssertEqual(report.status, 0, report.stderr)
        XCTAssertTrue(report.stderr.hasPrefix("workmix: warning: " + Self.typoWarning + "\n"), report.stderr)
        let quiet = try workmix(["report", "--format", "json", "--quiet"], in: root.path)
        XCTAssertEqual(quiet.stdout, report.stdout)
        XCTAssertEqual(quiet.stderr, "")
        let check = try workmix(["check", "--format", "github"], in: root.path)
        let silent = try workmix(["check", "--format", "github", "--quiet"], in: root.path)
        XCTAssertEqual(check.status, silent.status)
        XCTAssertEqual(check.status, 1, "checkout-q2 misses its plan")
        XCTAssertEqual(check.stdout, silent.stdout)
        XCTAssertTrue(check.stderr.hasPrefix("::warning file=workmix.yml,line=7::team member bob@payments.exmaple"), check.stderr)
    }

    /// A repository of three people; one commit names `@dave` as its co-author.
    func team() throws -> FixtureRepository {
        let repository = try FixtureRepository(name: "api")
        let people = [("Alice Martin", "alice@corp.example"), ("Carol Diaz", "carol@corp.example"), ("Bob Li", "bob@corp.example")]
        for (index, person) in people.enumerated() {
            for week in 0..<3 {
                try repository.write("file\(index).txt", "\(week)\n")
                try repository.commit("feat: change \(index) \(week)", author: person, date: "2024-0\(week + 1)-1\(index)T10:00:00+00:00")
            }
        }
        try repository.write("pair.txt", "paired\n")
        try repository.commit("fix: paired\n\nCo-authored-by: @dave", author: people[2], date: "2024-03-20T10:00:00+00:00")
        return repository
    }

    func testPeopleHandlesLoginsWindowsAndOverlaps() throws {
        let repository = try team()
        try repository.write(
            "workmix.yml",
            """
            residencies:
              - name: early
                resident: alice
                team: ["@carol", "@dave", Bob Li]
                from: 2023-01-02
                to: 2023-03-31
              - name: first
                resident: alice@corp.example
                team: [carol@corp.exmaple]
                from: 2024-01-01
                to: 2024-02-29
              - name: second
                resident: Alice Martin <alice@corp.example>
                from: 2024-02-15
                to: 2024-04-30
              - name: late
                resident: bob@corp.example
                from: 2024-06-01
                to: 2024-06-30

            """)
        let run = try workmix(["config", "check"], in: repository.path)
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(
            run.stdout.split(separator: "\n").map(String.init),
            [
                "workmix.yml:3: resident alice matches no one in api since 2023-01-02 (a name alone matches only that name, not a login); did you mean alice@corp.example?",
                "workmix.yml:4: team member @carol matches no one in api since 2023-01-02 (a handle matches only a co-author written @carol); did you mean carol@corp.example?",
                "workmix.yml:2: residency early (2023-01-02 to 2023-03-31) ends before api's first commit (2024-01-10)",
                "workmix.yml:9: team member carol@corp.exmaple has no commit in api since 2023-01-02; did you mean carol@corp.example?",
                "workmix.yml:16: residency late (2024-06-01 to 2024-06-30) starts after api's last commit (2024-03-20)",
                "workmix.yml:12: residency second (2024-02-15 to 2024-04-30) overlaps first (line 7) (2024-01-01 to 2024-02-29) for resident alice@corp.example",
            ])
    }

    func testShallowCloneCutInsideAWindow() throws {
        let repository = try team()
        let clone = repository.root.appendingPathComponent("shallow").path
        // The last three commits as made: the pair's, then Bob's of 2024-03-12 and 2024-02-12.
        try repository.git(["clone", "-q", "--depth", "3", "file://" + repository.path, clone])
        let config = repository.root.appendingPathComponent("workmix.yml")
        try """
        residencies:
          - name: q1
            resident: bob@corp.example
            repos: [shallow]
            from: 2024-01-01
            to: 2024-03-31

        """.write(to: config, atomically: true, encoding: .utf8)
        let run = try workmix(["config", "check"], in: repository.root.path)
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(
            run.stdout,
            "workmix.yml:2: shallow is a shallow clone cut at 2024-02-12: residency q1 (2024-01-01 to 2024-03-31) may miss commits before it (git fetch --unshallow)\n"
        )
    }

    func testInvalidConfigAndNoConfigExitTwo() throws {
        let repository = try team()
        assertFails(try workmix(["config", "check"], in: repository.path), code: 2, mentioning: ["no config found", "--config"])
        try repository.write("workmix.yml", "residencies:\n  - name: x\n    resident: a@b.example\n    from: 2024-13-01\n    to: 2024-01-02\n")
        assertFails(try workmix(["config", "check"], in: repository.path), code: 2, mentioning: ["workmix.yml:4", "2024-13-01"])
    }

    func testConfigFoundFromASubfolderUnderEachNameAndThroughTheEnvironment() throws {
        let root = try demoWithTypo()
        let subfolder = root.appendingPathComponent("payments-api/payouts").path
        try FileManager.default.createDirectory(atPath: subfolder, withIntermediateDirectories: true)
        let fromBelow = try workmix(["config", "check"], in: subfolder)
        XCTAssertEqual(fromBelow.stdout, "../../" + Self.typoWarning + "\n", fromBelow.stderr)
        // The same report from the subfolder: the config's repositories are relative to the config.
        let above = try workmix(["report", "--format", "json", "--quiet"], in: root.path)
        let below = try workmix(["report", "--format", "json", "--quiet"], in: subfolder)
        XCTAssertEqual(below.status, 0, below.stderr)
        XCTAssertEqual(below.stdout, above.stdout)
        for name in ["workmix.yaml", ".workmix.yml"] {
            let renamed = root.appendingPathComponent(name)
            try FileManager.default.moveItem(at: root.appendingPathComponent("workmix.yml"), to: renamed)
            let run = try workmix(["config", "check"], in: subfolder)
            XCTAssertEqual(run.stdout, "../../" + Self.typoWarning.replacingOccurrences(of: "workmix.yml", with: name) + "\n")
            try FileManager.default.moveItem(at: renamed, to: root.appendingPathComponent("workmix.yml"))
        }
        // WORKMIX_CONFIG from a folder with no config above it; --config still wins over it.
        let elsewhere = try FixtureRepository(name: "elsewhere")
        let config = root.appendingPathComponent("workmix.yml").path
        let viaEnvironment = try workmix(["report", "--format", "json", "--quiet"], in: elsewhere.path, environment: ["WORKMIX_CONFIG": config])
        XCTAssertEqual(viaEnvironment.stdout, above.stdout, viaEnvironment.stderr)
        let missing = try workmix(["config", "check"], in: elsewhere.path, environment: ["WORKMIX_CONFIG": "/nonexistent/workmix.yml"])
        assertFails(missing, code: 2, mentioning: ["/nonexistent/workmix.yml"])
        let explicit = try workmix(
            ["config", "check", "--config", config], in: elsewhere.path, environment: ["WORKMIX_CONFIG": "/nonexistent/workmix.yml"])
        XCTAssertEqual(explicit.status, 0, explicit.stderr)
    }

    func testInitOnTheDemoWritesAConfigWhoseReportRuns() throws {
        let root = try demo()
        let folder = root.appendingPathComponent("payments-api")
        // Carol also commits from an old address: init names it as one of her identities.
        try FixtureRepository.run(
            "/usr/bin/env", ["git", "commit", "-q", "--allow-empty", "-m", "docs: notes"], in: folder.path,
            environment: [
                "GIT_AUTHOR_NAME": "Carol Diaz", "GIT_AUTHOR_EMAIL": "carol.diaz@old.example", "GIT_AUTHOR_DATE": "2024-03-16T10:00:00+00:00",
                "GIT_COMMITTER_NAME": "Carol Diaz", "GIT_COMMITTER_EMAIL": "carol.diaz@old.example",
                "GIT_COMMITTER_DATE": "2024-03-16T10:00:00+00:00",
            ])
        let run = try workmix(["init"], in: folder.path)
        XCTAssertEqual(run.status, 0, run.stderr)
        let path = folder.appendingPathComponent("workmix.yml")
        let text = try String(contentsOf: path, encoding: .utf8)
        XCTAssertTrue(text.contains("repos: [.]"), text)
        XCTAssertTrue(text.contains("\"Carol Diaz <carol@payments.example>\": [\"carol.diaz@old.example\"]"), text)
        XCTAssertTrue(text.contains("docs/configuration.md"), text)
        XCTAssertTrue(text.contains("# residencies:"), text)
        XCTAssertTrue(text.contains("#     resident: \"alice@platform.example\""), text)
        // Never over an existing config: one line, exit 2, the file as it was.
        assertFails(try workmix(["init"], in: folder.path), code: 2, mentioning: ["workmix.yml exists already"])
        XCTAssertEqual(try String(contentsOf: path, encoding: .utf8), text)
        // The example residency, uncommented, is a config report reads.
        let uncommented = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.hasPrefix("# residencies:") ? "residencies:" : line.hasPrefix("#   ") ? "  " + line.dropFirst(4) : String(line)
        }.joined(separator: "\n")
        try uncommented.write(to: path, atomically: true, encoding: .utf8)
        let report = try workmix(["report", "--format", "json"], in: folder.path)
        XCTAssertEqual(report.status, 0, report.stderr)
        XCTAssertEqual(report.stderr, "", "the people init names all have commits")
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: report.stdoutData) as? [String: Any])
        let residencies = try XCTUnwrap(json["residencies"] as? [[String: Any]])
        XCTAssertEqual(residencies.map { $0["name"] as? String }, ["example"])
        XCTAssertGreaterThan(((residencies[0]["total"] as? [String: Any])?["commits"] as? Int) ?? 0, 0)
    }
}
