import Foundation
import WorkmixTestSupport
import XCTest

final class ModelCommandTests: CLITestCase {
    /// A team history in its own words, which the shipped rules do not know: investment is "wire up",
    /// maintenance "mend", support "hoist". `prefixed` writes Conventional prefixes; the copy without
    /// them is what a team that stopped writing prefixes would have. Returns each commit's category.
    func history(_ name: String, prefixed: Bool) throws -> (repo: FixtureRepository, labels: [(sha: String, category: String)]) {
        let repo = try FixtureRepository(name: name)
        var labels: [(String, String)] = []
        let nouns = ["ledger", "payout", "invoice", "refund", "statement", "settlement", "chargeback", "mandate"]
        let kinds = [
            ("feat", "investment", "wire up the %@ sync"), ("fix", "maintenance", "mend the %@ totals"),
            ("chore", "maintenance", "mend %@ rounding"), ("refactor", "support", "hoist %@ lookups"),
        ]
        var day = 1
        for noun in nouns {
            for (type, category, template) in kinds {
                try repo.write("src/\(noun).go", "package pay\n// \(day)\n")
                let subject = template.replacingOccurrences(of: "%@", with: noun)
                let sha = try repo.commit(
                    prefixed ? "\(type): \(subject)" : subject,
                    date: String(format: "2024-01-%02dT10:00:00+00:00", day % 28 + 1))
                labels.append((sha, category))
                day += 1
            }
        }
        return (repo, labels)
    }

    func testTrainedModelBeatsTheRulesAloneOnAStrippedCopy() throws {
        let (prefixed, _) = try history("prefixed", prefixed: true)
        let (stripped, labels) = try history("stripped", prefixed: false)
        let model = prefixed.path + "/" + "team.model"
        let train = try workmix(["model", "train", "--repo", prefixed.path, "--output", model])
        XCTAssertEqual(train.status, 0, train.stderr)
        XCTAssertTrue(train.stderr.contains("trained on 32 commits (8 investment, 16 maintenance, 8 support)"), train.stderr)
        let again = prefixed.path + "/" + "again.model"
        XCTAssertEqual(try workmix(["model", "train", "--repo", prefixed.path, "--output", again, "--quiet"]).status, 0)
        XCTAssertEqual(
            try Data(contentsOf: URL(fileURLWithPath: model)), try Data(contentsOf: URL(fileURLWithPath: again)),
            "the same history gives the same file")

        try stripped.write("labels.csv", "sha,expect\n" + labels.map { "\($0.sha),\($0.category)" }.joined(separator: "\n") + "\n")
        let labelsPath = stripped.path + "/" + "labels.csv"
        // The rules alone: the shipped rules without the model rules.
        let rulesAlone = stripped.path + "/rules-alone"
        try FileManager.default.createDirectory(atPath: rulesAlone, withIntermediateDirectories: true)
        for name in try FileManager.default.contentsOfDirectory(atPath: PackageFiles.url("rules").path)
        where name.hasSuffix(".yml") && name != "90-model.yml" {
            try FileManager.default.copyItem(atPath: PackageFiles.url("rules/\(name)").path, toPath: rulesAlone + "/" + name)
        }
        try stripped.write("alone.yml", "default_rules: false\nrules: [rules-alone]\n")
        let alone = try accuracy([
            "rules", "eval", "--labels", labelsPath, "--repo", stripped.path,
            "--config", stripped.path + "/" + "alone.yml",
        ])
        let combined = try accuracy([
            "rules", "eval", "--labels", labelsPath, "--repo", stripped.path, "--model", model,
            "--config", "/dev/null",
        ])
        let modelAlone = try accuracy([
            "model", "eval", "--labels", labelsPath, "--repo", stripped.path, "--model", model,
            "--config", "/dev/null",
        ])
        XCTAssertGreaterThan(combined, alone + 0.2, "rules + trained model \(combined) vs rules alone \(alone)")
        XCTAssertEqual(modelAlone, 1, "the model alone on the words it learned")
    }

    func testModelEvalHoldsOutByDate() throws {
        let (prefixed, _) = try history("dated", prefixed: true)
        let run = try workmix([
            "model", "eval", "--repo", prefixed.path, "--holdout-after", "2024-01-20", "--format", "json", "--config", "/dev/null",
        ])
        XCTAssertEqual(run.status, 0, run.stderr)
        let report = try XCTUnwrap(JSONSerialization.jsonObject(with: run.stdoutData) as? [String: Any])
        let total = try XCTUnwrap(report["total"] as? Int)
        XCTAssertTrue((1..<32).contains(total), "only the commits from the date on are measured: \(total)")
        XCTAssertEqual(report["accuracy"] as? Double, 1)
    }

    func testScanExplainShowsProbabilitiesAndFeatures() throws {
        let (prefixed, _) = try history("explained", prefixed: true)
        let (stripped, _) = try history("explained-copy", prefixed: false)
        let model = prefixed.path + "/" + "team.model"
        XCTAssertEqual(try workmix(["model", "train", "--repo", prefixed.path, "--output", model, "--quiet"]).status, 0)
        let run = try workmix(["rules", "explain", "HEAD", "--repo", stripped.path, "--model", model, "--format", "json", "--config", "/dev/null"])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stdout.contains("model support 0."), run.stdout)
        XCTAssertTrue(run.stdout.contains("word \\\"hoist\\\" +"), run.stdout)
    }

    func testBadModelFilesAndEmptyTrainingAreOneLineErrors() throws {
        let (repo, _) = try history("bad", prefixed: false)
        try repo.write("foreign.model", "{\"coef\": [1, 2]}\n")
        assertFails(
            try workmix(["scan", "--repo", repo.path, "--model", repo.path + "/" + "foreign.model"]),
            code: 2, mentioning: ["foreign.model:1", "not a workmix model file"])
        try repo.write("workmix.yml", "model: nowhere.model\n")
        assertFails(
            try workmix(["scan", "--repo", repo.path, "--config", repo.path + "/" + "workmix.yml"]),
            code: 2, mentioning: ["workmix.yml:1", "nowhere.model"])
        let out = repo.path + "/" + "out.model"
        assertFails(
            try workmix(["model", "train", "--repo", repo.path, "--output", out, "--config", "/dev/null"]),
            code: 2, mentioning: ["no labelled commits"])
        XCTAssertFalse(FileManager.default.fileExists(atPath: out), "no file is written")
    }

    private func accuracy(_ arguments: [String]) throws -> Double {
        let run = try workmix(arguments + ["--format", "json"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let report = try XCTUnwrap(JSONSerialization.jsonObject(with: run.stdoutData) as? [String: Any])
        return try XCTUnwrap(report["accuracy"] as? Double)
    }
}
