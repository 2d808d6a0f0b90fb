import Foundation
import WorkmixTestSupport
import XCTest

/// A team's own labels teach the model what the shipped one gets wrong: here a team whose "Tidy …"
/// commits are support by its own judgement. Trained on the older part of the history, measured on the
/// newer part (other modules, so other words), with `model eval --labels`.
final class HandLabelModelTests: CLITestCase {
    func testModelTrainedOnHandLabelsBeatsTheShippedOneOnLaterCommits() throws {
        let repo = try FixtureRepository(name: "team")
        let modules = [
            "parser", "scheduler", "router", "cache", "exporter", "importer", "session", "billing", "search",
            "upload", "report", "invoice", "profile", "settings", "queue", "mailer", "audit", "widgets",
        ]
        var rows: [String] = []
        var day = 0
        for module in modules {
            for (subject, category) in [
                ("Tidy the \(module) module", "support"), ("Add the \(module) endpoint", "investment"),
                ("Fix a crash in the \(module)", "maintenance"),
            ] {
                day += 1
                try repo.write("src/\(module).swift", "// \(subject)\nlet step = \(day)\n")
                let date = "2021-01-01T10:00:00+00:00".replacingOccurrences(of: "10:00:00", with: String(format: "10:%02d:00", day))
                rows.append("\(try repo.commit(subject, date: date))\t\(category)")
            }
        }
        let folder = repo.path + "/.."
        let older = rows.prefix(36), newer = rows.suffix(18)
        for (name, part) in [("train", Array(older)), ("held", Array(newer))] {
            try (part.joined(separator: "\n") + "\n").write(toFile: "\(folder)/\(name).tsv", atomically: true, encoding: .utf8)
            let run = try workmix(["label", "--repo", repo.path, "--from-tsv", "\(folder)/\(name).tsv", "--output", "\(folder)/\(name).jsonl"])
            XCTAssertEqual(run.status, 0, run.stderr)
        }
        let train = try workmix(["model", "train", "--repo", repo.path, "--labels", "\(folder)/train.jsonl", "--output", "\(folder)/team.model"])
        XCTAssertEqual(train.status, 0, train.stderr)

        func accuracy(_ model: [String]) throws -> (Double, Double) {
            let run = try workmix(["model", "eval", "--repo", repo.path, "--labels", "\(folder)/held.jsonl", "--format", "json"] + model)
            XCTAssertEqual(run.status, 0, run.stderr)
            let report = try XCTUnwrap(JSONSerialization.jsonObject(with: run.stdoutData) as? [String: Any])
            XCTAssertEqual(report["total"] as? Int, 18)
            return (try XCTUnwrap(report["accuracy"] as? Double), try XCTUnwrap(report["macroF1"] as? Double))
        }
        let shipped = try accuracy([]), team = try accuracy(["--model", "\(folder)/team.model"])
        XCTAssertGreaterThan(team.0, shipped.0 + 0.2, "team \(team), shipped \(shipped)")
        XCTAssertGreaterThan(team.1, shipped.1)
        XCTAssertGreaterThanOrEqual(team.0, 0.9)
    }
}
