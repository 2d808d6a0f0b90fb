import Foundation
import WorkmixTestSupport
import XCTest

/// The GitHub Action's scripts (.github/action/*.sh) run as the runner runs them: with the built binary
/// as WORKMIX, the workspace, step summary, outputs and temporary folder in scratch files.
final class ActionScriptTests: CLITestCase {
    /// A repository whose workmix.yml has one residency on plan (January: 2 feat, 1 fix, 1 refactor, so
    /// investment 50%, maintenance 25%, support 25% as planned) and one off plan (February: 3 fix and 1
    /// chore, all maintenance: investment 0% against 50%).
    func makeRepository() throws -> FixtureRepository {
        let repository = try FixtureRepository(name: "shop")
        let alice = (name: "Alice Martin", email: "alice@shop.example")
        try repository.write("workmix.yml", Self.config)
        try repository.commit("chore: add the workmix config", author: alice, date: "2023-12-01T10:00:00+00:00")
        let commits = [
            ("2024-01-03", "feat: add the cart"), ("2024-01-04", "feat: add the checkout"),
            ("2024-01-05", "fix: handle an empty cart"), ("2024-01-08", "refactor: split the cart module"),
            ("2024-02-05", "fix: keep the cart on logout"), ("2024-02-06", "fix: round prices half up"),
            ("2024-02-07", "fix: retry a declined card once"), ("2024-02-08", "chore: pin the linter"),
        ]
        for (index, (day, subject)) in commits.enumerated() {
            try repository.write("file\(index).txt", "\(subject)\n")
            try repository.commit(subject, author: alice, date: "\(day)T10:00:00+00:00")
        }
        // Only January: every residency on plan.
        try repository.write("passing.yml", String(Self.config[..<Self.config.range(of: "  - name: february")!.lowerBound]))
        return repository
    }

    static let config = """
        residencies:
          - name: january
            resident: alice@shop.example
            from: 2024-01-01
            to: 2024-01-31
            plan: { investment: 50%, maintenance: 25%, support: 25% }
            tolerance: 10%
          - name: february
            resident: alice@shop.example
            from: 2024-02-01
            to: 2024-02-29
            plan: { investment: 50%, maintenance: 25%, support: 25% }
            tolerance: 10%

        """

    /// The files a GitHub runner gives a step, in a scratch folder.
    struct Runner {
        let folder: URL
        var summary: URL { folder.appendingPathComponent("step-summary.md") }
        var output: URL { folder.appendingPathComponent("output.txt") }
        var environmentFile: URL { folder.appendingPathComponent("env.txt") }
        var temp: URL { folder.appendingPathComponent("runner-temp") }

        init() throws {
            folder = FileManager.default.temporaryDirectory.appendingPathComponent("workmix-action-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder.appendingPathComponent("runner-temp"), withIntermediateDirectories: true)
            for file in [folder.appendingPathComponent("step-summary.md"), folder.appendingPathComponent("output.txt")] {
                try Data().write(to: file)
            }
        }

        func read(_ file: URL) throws -> String { try String(contentsOf: file, encoding: .utf8) }

        /// `name=value` lines of GITHUB_OUTPUT.
        func outputs() throws -> [String: String] {
            var values: [String: String] = [:]
            for line in try read(output).split(separator: "\n") {
                guard let equals = line.firstIndex(of: "=") else { continue }
                values[String(line[..<equals])] = String(line[line.index(after: equals)...])
            }
            return values
        }
    }

    func action(
        _ script: String, workspace: String, runner: Runner, _ environment: [String: String] = [:]
    ) throws -> FixtureRepository.ProcessResult {
        let base = [
            "WORKMIX": PackageFiles.workmixExecutable.path, "GITHUB_WORKSPACE": workspace,
            "GITHUB_STEP_SUMMARY": runner.summary.path, "GITHUB_OUTPUT": runner.output.path,
            "GITHUB_ENV": runner.environmentFile.path, "RUNNER_TEMP": runner.temp.path,
            "WORKMIX_COMMAND": "check", "WORKMIX_CONFIG_INPUT": "", "WORKMIX_ARGS": "", "WORKMIX_STEP_SUMMARY": "true",
        ]
        return try FixtureRepository.runProcess(
            "/usr/bin/env", ["bash", PackageFiles.url(".github/action/\(script)").path], in: runner.folder.path,
            environment: base.merging(environment) { $1 })
    }

    func annotations(_ stdout: String) -> [String] {
        stdout.split(separator: "\n").map(String.init).filter { $0.hasPrefix("::") }
    }

    func occurrences(of needle: String, in text: String) -> Int { text.components(separatedBy: needle).count - 1 }

    func testCheckOffPlanAnnotatesSummarisesOnceSetsOutputsAndExitsOne() throws {
        let repository = try makeRepository()
        let runner = try Runner()
        defer { try? FileManager.default.removeItem(at: runner.folder) }
        try "# Earlier step\n".write(to: runner.summary, atomically: true, encoding: .utf8)

        let run = try action("run.sh", workspace: repository.path, runner: runner)
        XCTAssertEqual(run.status, 1, run.stdout + run.stderr)
        let lines = annotations(run.stdout)
        XCTAssertEqual(lines.count, 2, run.stdout)
        XCTAssertTrue(lines[0].hasPrefix("::notice title=Residency january on plan::investment 50%25 (plan 50%25)"), run.stdout)
        XCTAssertTrue(
            lines[1].hasPrefix("::error file=workmix.yml,line=8,title=Residency february off plan::investment is 0%25 of classified work"), run.stdout
        )
        XCTAssertEqual(run.stderr, "")

        let summary = try runner.read(runner.summary)
        XCTAssertTrue(summary.hasPrefix("# Earlier step\n# Residency report\n"), summary)
        XCTAssertEqual(occurrences(of: "# Residency report", in: summary), 1, summary)
        XCTAssertEqual(occurrences(of: "## february — ❌ fail", in: summary), 1, summary)

        let outputs = try runner.outputs()
        XCTAssertEqual(outputs["verdicts"], #"{"january":"pass","february":"fail"}"#)
        let html = runner.temp.appendingPathComponent("workmix/report.html")
        XCTAssertEqual(outputs["report-html"], html.path)
        let page = try String(contentsOf: html, encoding: .utf8)
        XCTAssertTrue(page.contains("<html") && page.contains("february"), String(page.prefix(200)))
        // The same report workmix itself writes.
        let direct = try workmix(["report", "--format", "html"], in: repository.path)
        XCTAssertEqual(page, direct.stdout)
    }

    func testAllOnPlanExitsZeroWithTheConfigInputAndQuotedArguments() throws {
        let repository = try makeRepository()
        let runner = try Runner()
        defer { try? FileManager.default.removeItem(at: runner.folder) }

        let run = try action(
            "run.sh", workspace: repository.path, runner: runner,
            ["WORKMIX_CONFIG_INPUT": "passing.yml", "WORKMIX_ARGS": #"--rev "main" --no-merges"#])
        XCTAssertEqual(run.status, 0, run.stdout + run.stderr)
        XCTAssertEqual(annotations(run.stdout).count, 1, run.stdout)
        XCTAssertTrue(run.stdout.hasPrefix("::notice title=Residency january on plan::"), run.stdout)
        XCTAssertEqual(try runner.outputs()["verdicts"], #"{"january":"pass"}"#)
        XCTAssertEqual(occurrences(of: "# Residency report", in: try runner.read(runner.summary)), 1)
    }

    func testReportCommandNeverFailsOnAVerdictAndStepSummaryCanBeOff() throws {
        let repository = try makeRepository()
        let runner = try Runner()
        defer { try? FileManager.default.removeItem(at: runner.folder) }

        let report = try action("run.sh", workspace: repository.path, runner: runner, ["WORKMIX_COMMAND": "report"])
        XCTAssertEqual(report.status, 0, report.stdout + report.stderr)
        XCTAssertEqual(annotations(report.stdout), [])
        let summary = try runner.read(runner.summary)
        XCTAssertEqual(occurrences(of: "# Residency report", in: summary), 1, summary)
        XCTAssertTrue(summary.contains("## february — ❌ fail"), summary)
        XCTAssertEqual(try runner.outputs()["verdicts"], #"{"january":"pass","february":"fail"}"#)

        try Data().write(to: runner.summary)
        let quiet = try action("run.sh", workspace: repository.path, runner: runner, ["WORKMIX_STEP_SUMMARY": "false"])
        XCTAssertEqual(quiet.status, 1, quiet.stdout + quiet.stderr)
        XCTAssertEqual(try runner.read(runner.summary), "")
    }

    /// workmix's warnings become ::warning annotations, once although three commands run.
    func testWarningsBecomeAnnotationsOnce() throws {
        let repository = try makeRepository()
        let runner = try Runner()
        defer { try? FileManager.default.removeItem(at: runner.folder) }
        let notAFolder = runner.folder.appendingPathComponent("store-is-a-file")
        try "not a folder\n".write(to: notAFolder, atomically: true, encoding: .utf8)

        let run = try action("run.sh", workspace: repository.path, runner: runner, ["WORKMIX_STORE_DIR": notAFolder.path])
        XCTAssertEqual(run.status, 1, run.stdout + run.stderr)
        let warnings = annotations(run.stdout).filter { $0.hasPrefix("::warning title=workmix::") }
        XCTAssertEqual(warnings.count, 1, run.stdout)
        XCTAssertTrue(warnings.first?.contains("history store not used") == true, run.stdout)
        XCTAssertEqual(annotations(run.stdout).filter { $0.hasPrefix("::error") }.count, 1, run.stdout)
        XCTAssertEqual(run.stderr, "")
    }

    func testBadInputExitsTwoWithoutOutputs() throws {
        let repository = try makeRepository()
        let runner = try Runner()
        defer { try? FileManager.default.removeItem(at: runner.folder) }

        let run = try action("run.sh", workspace: repository.path, runner: runner, ["WORKMIX_ARGS": "--since nonsense"])
        XCTAssertEqual(run.status, 2, run.stdout + run.stderr)
        XCTAssertTrue(run.stderr.contains("--since 'nonsense'"), run.stderr)
        XCTAssertEqual(try runner.read(runner.output), "")
        XCTAssertEqual(try runner.read(runner.summary), "")

        let quotes = try action("run.sh", workspace: repository.path, runner: runner, ["WORKMIX_ARGS": #"--rev "main"#])
        XCTAssertEqual(quotes.status, 2, quotes.stdout + quotes.stderr)
        XCTAssertEqual(quotes.stdout, "::error title=workmix::args: unbalanced quotes in --rev \"main\n")

        let command = try action("run.sh", workspace: repository.path, runner: runner, ["WORKMIX_COMMAND": "scan"])
        XCTAssertEqual(command.status, 2)
        XCTAssertTrue(command.stdout.hasPrefix("::error title=workmix::command 'scan'"), command.stdout)
    }

    func testShallowCloneIsRefusedNamingFetchDepth() throws {
        let repository = try makeRepository()
        let runner = try Runner()
        defer { try? FileManager.default.removeItem(at: runner.folder) }
        let shallow = runner.folder.appendingPathComponent("shallow").path
        try repository.git(["clone", "-q", "--depth", "1", "file://\(repository.path)", shallow])
        XCTAssertEqual(try repository.git(["rev-parse", "--is-shallow-repository"], in: shallow), "true\n")

        for script in ["prepare.sh", "run.sh"] {
            let run = try action(script, workspace: shallow, runner: runner)
            XCTAssertEqual(run.status, 2, "\(script): \(run.stdout)\(run.stderr)")
            let lines = annotations(run.stdout)
            XCTAssertEqual(lines.count, 1, run.stdout)
            XCTAssertTrue(lines.first?.hasPrefix("::error title=workmix::\(shallow) is a shallow clone") == true, run.stdout)
            XCTAssertTrue(run.stdout.contains("fetch-depth: 0"), run.stdout)
        }
        XCTAssertEqual(try runner.read(runner.summary), "")
        XCTAssertEqual(try runner.read(runner.output), "")
    }

    /// A release as `make dist` packs it (workmix-VERSION-linux-ARCH/bin/workmix in a tarball), found
    /// under WORKMIX_DOWNLOAD/vVERSION/, unpacked and put on the PATH; a release that is not there fails
    /// with an ::error naming its URL.
    func testInstallUnpacksAReleaseOntoThePath() throws {
        let runner = try Runner()
        defer { try? FileManager.default.removeItem(at: runner.folder) }
        let arch = try FixtureRepository.run("/usr/bin/env", ["uname", "-m"], in: runner.folder.path)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let name = "workmix-0.9.0-linux-\(arch)"
        let releases = runner.folder.appendingPathComponent("releases")
        let stage = runner.folder.appendingPathComponent("stage/\(name)/bin")
        try FileManager.default.createDirectory(at: stage, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: releases.appendingPathComponent("v0.9.0"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: PackageFiles.workmixExecutable, to: stage.appendingPathComponent("workmix"))
        try FixtureRepository.run(
            "/usr/bin/env", ["tar", "-czf", releases.appendingPathComponent("v0.9.0/\(name).tar.gz").path, "-C", "stage", name],
            in: runner.folder.path)
        let environment = [
            "WORKMIX_DOWNLOAD": "file://\(releases.path)", "ACTION_REPOSITORY": "", "GITHUB_PATH": runner.output.path,
            "ACTION_PATH": "/home/runner/work/_actions/developer-care/workmix/v1",
        ]

        let run = try action("install.sh", workspace: runner.folder.path, runner: runner, environment.merging(["WORKMIX_VERSION": "v0.9.0"]) { $1 })
        XCTAssertEqual(run.status, 0, run.stdout + run.stderr)
        let bin = runner.temp.appendingPathComponent("workmix-install/\(name)/bin").path
        XCTAssertEqual(try runner.read(runner.output), bin + "\n")
        let version = try FixtureRepository.run("\(bin)/workmix", ["--version"], in: runner.folder.path)
        XCTAssertTrue(run.stdout.contains("workmix \(version.trimmingCharacters(in: .whitespacesAndNewlines)) in \(bin)"), run.stdout)

        let missing = try action(
            "install.sh", workspace: runner.folder.path, runner: runner, environment.merging(["WORKMIX_VERSION": "0.8.0"]) { $1 })
        XCTAssertEqual(missing.status, 2, missing.stdout + missing.stderr)
        XCTAssertTrue(
            missing.stdout.contains("::error title=workmix::file://\(releases.path)/v0.8.0/workmix-0.8.0-linux-\(arch).tar.gz: cannot download"),
            missing.stdout)
    }

    /// The first step's outputs: the config's hash for the store's cache key, and the store folder,
    /// also given to the steps after it.
    func testPrepareGivesTheCacheKeysAndTheStoreFolder() throws {
        let repository = try makeRepository()
        let runner = try Runner()
        defer { try? FileManager.default.removeItem(at: runner.folder) }

        let run = try action("prepare.sh", workspace: repository.path, runner: runner, ["WORKMIX_STORE_DIR": ""])
        XCTAssertEqual(run.status, 0, run.stdout + run.stderr)
        let sha = try FixtureRepository.run("/usr/bin/env", ["sha256sum", "workmix.yml"], in: repository.path)
        let store = runner.temp.appendingPathComponent("workmix-store").path
        XCTAssertEqual(
            try runner.outputs(), ["config-hash": String(sha.prefix(16)), "source-key": "none", "store-dir": store])
        XCTAssertEqual(try runner.read(runner.environmentFile), "WORKMIX_STORE_DIR=\(store)\n")
        var isFolder: ObjCBool = false
        XCTAssertTrue(FileManager.default.fileExists(atPath: store, isDirectory: &isFolder) && isFolder.boolValue)

        try Data().write(to: runner.output)
        let other = try action("prepare.sh", workspace: repository.path, runner: runner, ["WORKMIX_CONFIG_INPUT": "passing.yml"])
        let passing = try FixtureRepository.run("/usr/bin/env", ["sha256sum", "passing.yml"], in: repository.path)
        XCTAssertEqual(other.status, 0, other.stderr)
        XCTAssertEqual(try runner.outputs()["config-hash"], String(passing.prefix(16)))
    }
}
