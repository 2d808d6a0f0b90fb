import Foundation
import WorkmixTestSupport
import XCTest

/// `workmix label` (SPEC 11) driven as a person would, through a pseudo-terminal.
final class LabelCommandTests: CLITestCase {
    struct Step: Decodable {
        var sha: String?
        var key: String
    }

    struct Session: Decodable {
        var steps: [Step]
        var exit: Int
        var restored: Bool?
        var shown: String
    }

    func makeRepository() throws -> FixtureRepository {
        let repo = try FixtureRepository(name: "team")
        let subjects = [
            "Add the export endpoint", "Fix a crash on empty input", "Tidy the parser", "Add a CSV reporter",
            "Bump lodash to 4.17.21", "Update the README", "Add the retry option", "Simplify the config loader",
            "Fix the flaky login test", "Add a dark mode toggle",
        ]
        for (index, subject) in subjects.enumerated() {
            try repo.write("src/file\(index).swift", "let value\(index) = \(index)\n")
            try repo.commit(subject, date: "2021-03-\(String(format: "%02d", index + 1))T10:00:00+00:00")
        }
        return repo
    }

    func drive(_ keys: String, _ arguments: [String], in directory: String) throws -> Session {
        let script = PackageFiles.url("Tests/Fixtures/label/drive-label.py").path
        let result = try FixtureRepository.runProcess(
            "/usr/bin/env", ["python3", script, keys, PackageFiles.workmixExecutable.path] + arguments, in: directory)
        XCTAssertEqual(result.status, 0, result.stderr)
        return try JSONDecoder().decode(Session.self, from: result.stdoutData)
    }

    func labels(_ path: String) throws -> [String: [String: String]] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let rows = try jsonLines(text).map { $0.compactMapValues { $0 as? String } }
        return Dictionary(uniqueKeysWithValues: rows.map { ($0["sha"] ?? "", $0) })
    }

    func testKeysLabelGoBackQuitAndResume() throws {
        let repo = try makeRepository()
        let output = repo.path + "/../labels.jsonl"
        let arguments = ["label", "--repo", repo.path, "--sample", "6", "--seed", "5", "--output", output]
        let shas = try repo.lines(["rev-list", "HEAD"])

        let first = try drive("imkbsq", arguments, in: repo.path)
        XCTAssertEqual(first.exit, 0, first.shown)
        XCTAssertEqual(first.restored, true)
        let shown = first.steps.map { $0.sha ?? "" }
        XCTAssertEqual(shown.count, 6)
        XCTAssertEqual(Set(shown.prefix(4)).count, 4, "four commits in turn")
        XCTAssertEqual(shown[4], shown[2], "b goes back to the skipped commit")
        XCTAssertEqual(shown[5], shown[3])
        var file = try labels(output)
        XCTAssertEqual(file.count, 3)
        for (prefix, category) in [(shown[0], "investment"), (shown[1], "maintenance"), (shown[2], "support")] {
            let full = try XCTUnwrap(shas.first { $0.hasPrefix(prefix) })
            XCTAssertEqual(file[full]?["category"], category)
            XCTAssertEqual(file[full]?["repo"], "team")
            XCTAssertTrue(["uniform", "enriched"].contains(file[full]?["stratum"] ?? ""))
        }

        // Resumed: the commit left at `q` comes first; a signal mid-session keeps what was labelled.
        let second = try drive("mT", arguments, in: repo.path)
        XCTAssertEqual(second.steps.first?.sha, shown[3])
        XCTAssertTrue(second.shown.contains("[1/3]"), second.shown)
        XCTAssertEqual(second.exit, -15)
        XCTAssertEqual(second.restored, true)
        file = try labels(output)
        XCTAssertEqual(file.count, 4)
        XCTAssertEqual(file[try XCTUnwrap(shas.first { $0.hasPrefix(shown[3]) })]?["category"], "maintenance")

        let third = try drive("ss", arguments, in: repo.path)
        XCTAssertEqual(third.exit, 0)
        XCTAssertFalse(Set(third.steps.compactMap(\.sha)).contains(shown[3]))
        file = try labels(output)
        XCTAssertEqual(file.count, 6)
        XCTAssertTrue(Set(file.keys).isSubset(of: Set(shas)))
        let strata = file.values.map { $0["stratum"] ?? "" }
        XCTAssertEqual(strata.filter { $0 == "uniform" }.count, 4, "70% of 6, rounded")
        XCTAssertEqual(strata.filter { $0 == "enriched" }.count, 2)

        // Nothing left to label: the run ends at once and leaves the file as it was.
        let fourth = try drive("", arguments, in: repo.path)
        XCTAssertEqual(fourth.exit, 0)
        XCTAssertTrue(fourth.shown.contains("0 labelled now, 6 in"), fourth.shown)
        XCTAssertEqual(try labels(output), file)
    }

    func testWithoutATerminalOrTSVOneLineExitTwo() throws {
        let repo = try makeRepository()
        let output = repo.path + "/../labels.jsonl"
        let run = try workmix(["label", "--repo", repo.path, "--output", output], in: repo.path)
        assertFails(run, code: 2, mentioning: ["terminal", "--from-tsv"])
        XCTAssertFalse(FileManager.default.fileExists(atPath: output))
    }

    func testFromTSVWritesLabelsAndRejectsBadLinesWithFileAndLine() throws {
        let repo = try makeRepository()
        let shas = try repo.lines(["rev-list", "HEAD"])
        let folder = repo.path + "/.."
        let tsv = folder + "/given.tsv", output = folder + "/labels.jsonl"
        try "# sha\tcategory\n\(shas[0].prefix(9))\tSupport\n\n\(shas[3])\tmaintenance\n".write(toFile: tsv, atomically: true, encoding: .utf8)
        let run = try workmix(["label", "--repo", repo.path, "--from-tsv", tsv, "--output", output], in: repo.path)
        XCTAssertEqual(run.status, 0, run.stderr)
        let file = try labels(output)
        XCTAssertEqual(file.mapValues { $0["category"] ?? "" }, [shas[0]: "support", shas[3]: "maintenance"])

        try "\(shas[1])\tinvestment\n\(shas[2])\tchores\n".write(toFile: tsv, atomically: true, encoding: .utf8)
        let bad = try workmix(["label", "--repo", repo.path, "--from-tsv", tsv, "--output", output], in: repo.path)
        assertFails(bad, code: 2, mentioning: ["given.tsv:2", "chores"])
        XCTAssertEqual(try labels(output), file, "nothing written from a file with a bad line")

        // The labels file is what rules eval reads.
        let eval = try workmix(["rules", "eval", "--repo", repo.path, "--labels", output, "--format", "json"], in: repo.path)
        XCTAssertEqual(eval.status, 0, eval.stderr)
        let report = try XCTUnwrap(JSONSerialization.jsonObject(with: eval.stdoutData) as? [String: Any])
        XCTAssertEqual(report["total"] as? Int, 2, eval.stdout)
    }
}
