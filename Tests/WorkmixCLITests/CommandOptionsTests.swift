import Foundation
import WorkmixTestSupport
import XCTest

/// Each command takes, and its help shows, the options it uses and its own formats (issue 15).
final class CommandOptionsTests: CLITestCase {
    func help(_ arguments: [String]) throws -> String {
        let run = try workmix(arguments + ["--help"])
        XCTAssertEqual(run.status, 0, run.stderr)
        return run.stdout
    }

    func testRulesListShowsNoHistoryOption() throws {
        let text = try help(["rules", "list"])
        for option in ["--repo", "--rev", "--since", "--until", "--all", "--jobs", "--no-progress"] {
            XCTAssertFalse(text.contains(option), "rules list --help shows \(option):\n\(text)")
        }
        XCTAssertTrue(text.contains("--rules"))
        XCTAssertTrue(text.contains("Output format: table, json, markdown."), text)
        assertFails(try workmix(["rules", "list", "--since", "2020-01-01"]), code: 2, mentioning: ["--since"])
    }

    func testHistoryCommandsShowTheirOwnFormats() throws {
        let expected = [
            "scan": "jsonl, json, csv, table, markdown", "pairs": "table, json, csv, markdown, html",
            "report": "table, json, csv, markdown, html", "check": "table, json, github, junit",
            "people": "table, json, mailmap, yaml",
        ]
        for (command, formats) in expected {
            let text = try help([command])
            XCTAssertTrue(text.contains("Output format: \(formats)."), "\(command):\n\(text)")
            for option in ["--repo", "--rev", "--since", "--jobs", "--no-progress", "--quiet"] {
                XCTAssertTrue(text.contains(option), "\(command) --help lacks \(option)")
            }
        }
    }

    func testRulesExplainLooksUpByRepoButTakesNoWalkOption() throws {
        let text = try help(["rules", "explain"])
        XCTAssertTrue(text.contains("--repo"))
        XCTAssertFalse(text.contains("--since"))
        XCTAssertFalse(text.contains("--jobs"))
    }
}
