import Foundation
import WorkmixTestSupport
import XCTest

/// Report checkpoints (SPEC 8): after a clean `report` or `check` with a store folder, the next run
/// reads only the commits since; its output is byte for byte a run's without the store, after new
/// commits in one or both repositories, rewritten history, commits that change who is who, and a
/// damaged checkpoint. `store info` says what the run that wrote each checkpoint read.
final class ReportCheckpointTests: CLITestCase {
    var root: URL!
    var storeDir = ""

    override func setUpWithError() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("workmix-checkpoint-\(UUID().uuidString)")
        storeDir = root.appendingPathComponent("store").path
        try DemoHistory.copy(to: root)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: root)
    }

    /// Report with and without follow-through and check: three checkpoints (follow-through and the
    /// diff policy tell them apart).
    let commands = [["report", "--format", "json"], ["report", "--format", "markdown", "--no-follow-through"], ["check"]]

    /// Every command with the store twice (the second finds nothing new) and without; the bytes agree.
    func assertSameWithAndWithoutStore(file: StaticString = #filePath, line: UInt = #line) throws {
        for command in commands {
            let arguments = command + ["--config", "workmix.yml"]
            let plain = try workmix(arguments + ["--no-store"], in: root.path)
            XCTAssertTrue([0, 1].contains(plain.status), plain.stderr, file: file, line: line)
            for pass in ["new", "again"] {
                let stored = try workmix(arguments + ["--store-dir", storeDir], in: root.path)
                XCTAssertEqual(stored.status, plain.status, "\(command) \(pass)", file: file, line: line)
                XCTAssertEqual(stored.stdout, plain.stdout, "\(command) \(pass)", file: file, line: line)
                XCTAssertEqual(stored.stderr, plain.stderr, "\(command) \(pass)", file: file, line: line)
            }
        }
    }

    /// What `store info` says of each checkpoint: what the run that wrote it read.
    func checkpoints() throws -> [String] {
        let info = try workmix(["store", "info", "--store-dir", storeDir])
        XCTAssertEqual(info.status, 0, info.stderr)
        return info.stdout.split(separator: "\n").filter { $0.contains("report checkpoint") }.map {
            String($0[$0.range(of: "read ")!.upperBound...])
        }
    }

    /// Commits with fixed dates in one of the demo's repositories, each appending a line to `file`.
    func commit(
        in repository: String, _ count: Int = 1, author: String, coAuthor: String? = nil, day: Int = 1, file: String = "refunds.go"
    ) throws {
        let repo = root.appendingPathComponent(repository).path
        for index in 0..<count {
            let path = (repo as NSString).appendingPathComponent(file)
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
            handle.seekToEndOfFile()
            handle.write(Data("line \(index)\n".utf8))
            try handle.close()
            let name = String(author[..<author.firstIndex(of: "<")!]).trimmingCharacters(in: .whitespaces)
            let email = String(author[author.index(after: author.firstIndex(of: "<")!)..<author.firstIndex(of: ">")!])
            let message = "feat: more refunds \(index)" + (coAuthor.map { "\n\nCo-authored-by: \($0)\n" } ?? "")
            let date = String(format: "2024-02-%02dT10:%02d:00+00:00", day, index)
            let env = [
                "GIT_AUTHOR_NAME": name, "GIT_AUTHOR_EMAIL": email, "GIT_AUTHOR_DATE": date, "GIT_COMMITTER_NAME": name,
                "GIT_COMMITTER_EMAIL": email, "GIT_COMMITTER_DATE": date,
            ]
            try FixtureRepository.run("/usr/bin/env", ["git", "add", "-A"], in: repo)
            try FixtureRepository.run("/usr/bin/env", ["git", "commit", "-q", "-F", "-"], in: repo, environment: env, input: Data(message.utf8))
        }
    }

    func testAfterNewCommitsOnlyTheyAreReadAndTheOutputIsTheSame() throws {
        try assertSameWithAndWithoutStore()
        let first = try checkpoints()
        XCTAssertEqual(first.count, 3, "one per command")
        XCTAssertTrue(first.allSatisfy { $0.hasPrefix("every commit") }, "\(first)")
        // One new commit in the repository both residencies read, by the resident's team, paired.
        try commit(in: "payments-api", author: "Bob Li <bob@payments.example>", coAuthor: "Alice Martin <alice@platform.example>", day: 6)
        try assertSameWithAndWithoutStore()
        XCTAssertEqual(try checkpoints(), Array(repeating: "1 commit since the checkpoint before", count: 3))
        // Then one in each repository, one of them after the windows (follow-through reads it).
        try commit(in: "payments-api", author: "Carol Diaz <carol@payments.example>", day: 12)
        try commit(in: "checkout-web", author: "Erin Kovacs <erin@checkout.example>", day: 20, file: "src/cart/Cart.jsx")
        try assertSameWithAndWithoutStore()
        let after = try checkpoints()
        XCTAssertTrue(after.contains("2 commits since the checkpoint before"), "\(after)")
        XCTAssertTrue(after.allSatisfy { $0.hasSuffix("since the checkpoint before") }, "\(after)")
    }

    func testRewrittenHistoryIsReadAgain() throws {
        try assertSameWithAndWithoutStore()
        let repo = root.appendingPathComponent("payments-api").path
        try FixtureRepository.run("/usr/bin/env", ["git", "reset", "-q", "--hard", "HEAD~2"], in: repo)
        try commit(in: "payments-api", author: "Bob Li <bob@payments.example>", day: 7)
        try assertSameWithAndWithoutStore()
        XCTAssertTrue(try checkpoints().allSatisfy { $0.hasPrefix("every commit") })
    }

    /// Bob's new address, under his name, becomes his busiest: every earlier commit of his would now
    /// be shown under it, so what the checkpoint counted under the old one is not used.
    func testCommitsThatChangeWhoIsWhoMakeTheRunReadEverything() throws {
        try assertSameWithAndWithoutStore()
        try commit(in: "payments-api", 12, author: "Bob Li <bob@newjob.example>", coAuthor: "Alice Martin <alice@platform.example>", day: 9)
        try assertSameWithAndWithoutStore()
        let report = try workmix(["report", "--format", "json", "--config", "workmix.yml", "--no-store"], in: root.path)
        XCTAssertTrue(report.stdout.contains("bob@newjob.example"), "the report shows Bob by his new address")
        XCTAssertTrue(try checkpoints().allSatisfy { $0.hasPrefix("every commit") })
    }

    func testAnEditedConfigOrRuleFileStartsAfresh() throws {
        try assertSameWithAndWithoutStore()
        let config = root.appendingPathComponent("workmix.yml")
        let text = try String(contentsOf: config, encoding: .utf8)
        try text.replacingOccurrences(of: "tolerance: 10%", with: "tolerance: 20%").write(to: config, atomically: true, encoding: .utf8)
        try commit(in: "payments-api", author: "Bob Li <bob@payments.example>", day: 6)
        try assertSameWithAndWithoutStore()
        XCTAssertTrue(try checkpoints().allSatisfy { $0.hasPrefix("every commit") })
        // A rule that makes Bob's new commits support.
        try "version: 1\nrules:\n  - id: refunds_support\n    category: support\n    match: { subject: '^feat: more refunds' }\n"
            .write(to: root.appendingPathComponent("rules.yml"), atomically: true, encoding: .utf8)
        try (text + "rules: [rules.yml]\n").write(to: config, atomically: true, encoding: .utf8)
        try assertSameWithAndWithoutStore()
        XCTAssertTrue(try checkpoints().allSatisfy { $0.hasPrefix("every commit") })
    }

    /// A fork read beside its origin: a commit first counted in the fork, then pulled into the origin
    /// (read first), belongs to the origin now; the run reads everything to say so.
    func testACommitCountedInAForkThenPulledIntoItsOriginIsReadAgain() throws {
        let config = root.appendingPathComponent("workmix.yml")
        let text = try String(contentsOf: config, encoding: .utf8)
        try text.replacingOccurrences(of: "repos: [payments-api]", with: "repos: [payments-api, payments-fork]")
            .write(to: config, atomically: true, encoding: .utf8)
        try FixtureRepository.run("/usr/bin/env", ["git", "clone", "-q", "payments-api", "payments-fork"], in: root.path)
        try assertSameWithAndWithoutStore()
        try commit(in: "payments-fork", author: "Bob Li <bob@payments.example>", coAuthor: "Alice Martin <alice@platform.example>", day: 6)
        try assertSameWithAndWithoutStore()
        XCTAssertTrue(try checkpoints().allSatisfy { $0.hasPrefix("1 commit since") })
        try FixtureRepository.run(
            "/usr/bin/env", ["git", "pull", "-q", "--ff-only", "../payments-fork", "main"], in: root.appendingPathComponent("payments-api").path)
        try assertSameWithAndWithoutStore()
        XCTAssertTrue(try checkpoints().allSatisfy { $0.hasPrefix("every commit") })
    }

    func testADamagedCheckpointIsReadAsNone() throws {
        try assertSameWithAndWithoutStore()
        let files = try FileManager.default.contentsOfDirectory(atPath: storeDir).filter { $0.hasSuffix(".checkpoint") }
        XCTAssertEqual(files.count, 3)
        for (index, name) in files.enumerated() {
            let path = (storeDir as NSString).appendingPathComponent(name)
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            // Cut short, not JSON at all, and valid JSON with shas whose bytes do not divide into shas.
            let damaged = [
                data.prefix(data.count / 2), Data("not a checkpoint".utf8),
                Data(
                    String(decoding: data, as: UTF8.self).replacingOccurrences(
                        of: #""seen":{"width":40,"bytes":""#, with: #""seen":{"width":40,"bytes":"AAAA"#
                    ).utf8),
            ][index]
            XCTAssertNotEqual(damaged, data)
            try damaged.write(to: URL(fileURLWithPath: path))
        }
        try commit(in: "payments-api", author: "Bob Li <bob@payments.example>", day: 6)
        try assertSameWithAndWithoutStore()
        let rewritten = try checkpoints()
        XCTAssertEqual(rewritten.count, 3)
        XCTAssertTrue(rewritten.allSatisfy { $0.hasPrefix("every commit") }, "read as none, and rewritten: \(rewritten)")
    }

    func testConcurrentRunsAfterANewCommitAgree() throws {
        try assertSameWithAndWithoutStore()
        try commit(in: "payments-api", author: "Carol Diaz <carol@payments.example>", coAuthor: "Alice Martin <alice@platform.example>", day: 8)
        let arguments = ["report", "--format", "json", "--config", "workmix.yml"]
        let plain = try workmix(arguments + ["--no-store"], in: root.path)
        let results = ResultBox()
        let (executable, directory, storeDir) = (PackageFiles.workmixExecutable.path, root.path, self.storeDir)
        DispatchQueue.concurrentPerform(iterations: 4) { index in
            let run = try? FixtureRepository.runProcess(executable, arguments + ["--store-dir", storeDir], in: directory)
            results.add(index, run.map { ($0.status, $0.stderr, $0.stdoutData) })
        }
        for index in 0..<4 {
            XCTAssertEqual(results.runs[index]?.stdout, plain.stdoutData, "run \(index)")
        }
        XCTAssertEqual(try workmix(arguments + ["--store-dir", storeDir], in: root.path).stdout, plain.stdout)
    }

    func testStoreClearRemovesTheCheckpointsOfARepository() throws {
        try assertSameWithAndWithoutStore()
        let checkout = root.appendingPathComponent("checkout-web").path
        // checkout-web's database, and all three checkpoints (each reads both repositories).
        let cleared = try workmix(["store", "clear", "--store-dir", storeDir, "--repo", checkout])
        XCTAssertEqual(cleared.stdout, "removed 4 store file(s) from \(storeDir)\n", cleared.stderr)
        XCTAssertEqual(try checkpoints(), [])
        try assertSameWithAndWithoutStore()
        XCTAssertEqual(try checkpoints().count, 3)
    }
}
