import Foundation
import WorkmixTestSupport
import XCTest

/// `report --commits` and `scan --residency` (SPEC 10): the commits behind every figure, in every format,
/// adding up to the report's totals exactly, on the demo and on a repository built here, with and
/// without a store (a report that resumes from a checkpoint still lists every commit).
final class CountedCommitsTests: CLITestCase {
    var root: URL!
    let categories = ["investment", "maintenance", "support", "unclassified"]

    override func setUpWithError() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("workmix-commits-\(UUID().uuidString)")
        try DemoHistory.copy(to: root)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: root)
    }

    func report(_ format: String, _ extra: [String], config: String = "workmix.yml", in directory: URL? = nil) throws -> Run {
        let run = try workmix(
            ["report", "--config", config, "--commits", "--format", format, "--as-of", "2025-01-01"] + extra,
            in: (directory ?? root).path)
        XCTAssertEqual(run.status, 0, run.stderr)
        return run
    }

    /// Per residency, per category: [commits, churn, own, paired] as the report's figures give them.
    func figures(_ json: [String: Any]) throws -> [[[Int]]] {
        try XCTUnwrap(json["residencies"] as? [[String: Any]]).map { residency in
            let byCategory = residency["byCategory"] as? [String: [String: Any]] ?? [:]
            let resident = residency["resident"] as? [String: [String: Int]] ?? [:]
            return categories.map { category in
                [
                    byCategory[category]?["commits"] as? Int ?? -1, byCategory[category]?["churn"] as? Int ?? -1,
                    resident["own"]?[category] ?? -1, resident["paired"]?[category] ?? -1,
                ]
            }
        }
    }

    /// The same four numbers, added up from each residency's `"commits"` list.
    func sums(_ lists: [[[String: Any]]]) -> [[[Int]]] {
        lists.map { commits in
            categories.map { category in
                let listed = commits.filter { $0["category"] as? String == category }
                return [
                    listed.count, listed.reduce(0) { $0 + ($1["churn"] as? Int ?? 0) },
                    listed.filter { $0["own"] as? Bool == true }.count, listed.filter { $0["paired"] as? Bool == true }.count,
                ]
            }
        }
    }

    func commitLists(_ json: [String: Any]) throws -> [[[String: Any]]] {
        try XCTUnwrap(json["residencies"] as? [[String: Any]]).map { try XCTUnwrap($0["commits"] as? [[String: Any]]) }
    }

    /// Counts per residency and category in a text format: the lines of the list that name a commit.
    func textCounts(
        _ text: String, residencyMarker: (Substring) -> Bool, categoryOf: (Substring) -> String?, isCommit: (Substring) -> Bool
    ) -> [[Int]] {
        var counts: [[Int]] = []
        var category: String?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if residencyMarker(line) {
                counts.append([0, 0, 0, 0])
                category = nil
            } else if let heading = categoryOf(line) {
                category = heading
            } else if isCommit(line), let category, let index = categories.firstIndex(of: category), !counts.isEmpty {
                counts[counts.count - 1][index] += 1
            }
        }
        return counts
    }

    /// The category a heading line such as `    investment (7)` or `_investment_ (7)` names.
    func heading(_ line: Substring, _ form: (String) -> String) -> String? {
        categories.first { line.hasPrefix(form($0) + " (") }
    }

    /// Every format lists the same commits, and they add up to the JSON report's figures.
    func assertListsAddUp(
        _ extra: [String], config: String = "workmix.yml", in directory: URL? = nil, file: StaticString = #filePath, line: UInt = #line
    ) throws -> [[[String: Any]]] {
        let json = try XCTUnwrap(
            JSONSerialization.jsonObject(with: try report("json", extra, config: config, in: directory).stdoutData) as? [String: Any])
        let lists = try commitLists(json)
        let expected = try figures(json)
        XCTAssertEqual(sums(lists), expected, "JSON", file: file, line: line)
        let counts = expected.map { $0.map { $0[0] } }
        XCTAssertTrue(lists.allSatisfy { $0.allSatisfy { ($0["sha"] as? String)?.count == 40 } }, file: file, line: line)

        let table = try report("table", extra, config: config, in: directory).stdout
        // A residency's block starts with its name at the start of a line (the summary's too, last).
        let tableCounts = textCounts(
            table, residencyMarker: { !$0.isEmpty && !$0.hasPrefix(" ") && !$0.hasPrefix("SUMMARY") },
            categoryOf: { heading($0) { "    " + $0 } },
            isCommit: { $0.range(of: #"^      [0-9a-f]{10}  \d{4}-\d\d-\d\d \d\d:\d\d  "#, options: .regularExpression) != nil })
        XCTAssertEqual(tableCounts, counts, "table", file: file, line: line)

        let markdown = try report("markdown", extra, config: config, in: directory).stdout
        XCTAssertEqual(
            textCounts(
                markdown, residencyMarker: { $0.hasPrefix("## ") }, categoryOf: { heading($0) { "_\($0)_" } },
                isCommit: { $0.hasPrefix("| `") }), counts, "markdown", file: file, line: line)

        let html = try report("html", extra, config: config, in: directory).stdout
        XCTAssertEqual(
            textCounts(
                html, residencyMarker: { $0.hasPrefix("<section class=\"residency\"") },
                categoryOf: { line in line.hasPrefix("<h4 id=") ? categories.first { line.contains("-commits-\($0)\">") } : nil },
                isCommit: { $0.hasPrefix("<tr><td><code title=") }), counts, "html", file: file, line: line)
        let first = try XCTUnwrap(lists.first { !$0.isEmpty }?.first?["sha"] as? String)
        XCTAssertTrue(html.contains("<code>workmix trace \(first) --repo "), file: file, line: line)
        XCTAssertTrue(html.contains("<code>workmix rules explain \(first) --repo "), file: file, line: line)
        XCTAssertTrue(html.contains("<a href=\"#residency-1-commits-investment\">investment ("), file: file, line: line)

        // CSV read by Python's csv module: the commits section after the blank line.
        let csvFile = (directory ?? root).appendingPathComponent("commits.csv")
        try report("csv", extra, config: config, in: directory).stdoutData.write(to: csvFile)
        let script = """
            import csv, sys, collections
            text = open(sys.argv[1], newline='').read()
            section = text.split('\\r\\n\\r\\n', 1)[1]
            rows = list(csv.DictReader(section.splitlines()))
            counts = collections.OrderedDict()
            for row in rows:
                key = (row['residency'], row['category'])
                c = counts.setdefault(key, [0, 0, 0, 0])
                c[0] += 1; c[1] += int(row['churn']); c[2] += row['own'] == 'true'; c[3] += row['paired'] == 'true'
                assert len(row['sha']) == 40
            for (residency, category), c in counts.items(): print(residency, category, *c)
            """
        let python = try FixtureRepository.runProcess("/usr/bin/env", ["python3", "-c", script, csvFile.path], in: root.path)
        XCTAssertEqual(python.status, 0, python.stderr, file: file, line: line)
        let names = try XCTUnwrap(json["residencies"] as? [[String: Any]]).map { $0["name"] as? String ?? "" }
        var expectedLines: [String] = []
        for (index, name) in names.enumerated() {
            for (category, numbers) in zip(categories, expected[index]) where numbers[0] > 0 {
                expectedLines.append(([name, category] + numbers.map(String.init)).joined(separator: " "))
            }
        }
        XCTAssertEqual(Set(python.stdout.split(separator: "\n").map(String.init)), Set(expectedLines), "csv", file: file, line: line)
        return lists
    }

    func testDemoListsAddUpInEveryFormatWithAndWithoutAStore() throws {
        let plain = try assertListsAddUp(["--no-store"])
        XCTAssertEqual(plain.map(\.count), [20, 15])
        // Commits list in the residency's timezone: payout status at 22:40 UTC is 23:40 in Paris.
        XCTAssertTrue(plain[0].contains { $0["authoredAt"] as? String == "2024-02-16T23:40:00+01:00" })

        // A store folder: a report leaves a checkpoint, the next resumes from it; --commits still lists all.
        let store = root.appendingPathComponent("store").path
        for _ in 0..<2 { _ = try workmix(["report", "--config", "workmix.yml", "--store-dir", store, "--format", "json"], in: root.path) }
        let stored = try assertListsAddUp(["--store-dir", store])
        XCTAssertEqual(stored.map { $0.map { $0["sha"] as? String } }, plain.map { $0.map { $0["sha"] as? String } })
        let without = try workmix(["report", "--config", "workmix.yml", "--store-dir", store, "--format", "json"], in: root.path)
        XCTAssertFalse(without.stdout.contains("\"commits\":["), "no list without --commits")

        // scan --residency streams the same commits, in the same order, with the same categories.
        for (index, name) in ["payments-q1", "checkout-q2"].enumerated() {
            let scan = try workmix(["scan", "--config", "workmix.yml", "--no-store", "--residency", name, "--format", "jsonl"], in: root.path)
            XCTAssertEqual(scan.status, 0, scan.stderr)
            let records = try jsonLines(scan.stdout)
            XCTAssertEqual(records.map { $0["sha"] as? String }, plain[index].map { $0["sha"] as? String }, name)
            XCTAssertEqual(records.map { $0["category"] as? String }, plain[index].map { $0["category"] as? String }, name)
            XCTAssertEqual(records.map { $0["rule"] as? String }, plain[index].map { $0["rule"] as? String }, name)
        }
        assertFails(
            try workmix(["scan", "--config", "workmix.yml", "--no-store", "--residency", "nope"], in: root.path), code: 2,
            mentioning: ["workmix.yml", "no residency named 'nope'", "payments-q1, checkout-q2"])
    }

    /// A repository built here: the resident alone, with a team member, with an outsider; a team member
    /// alone; an outsider alone (not counted); a commit after the window (not counted).
    func testBuiltRepositoryListsAddUp() throws {
        let repo = try FixtureRepository(name: "service")
        let alice = (name: "Alice", email: "alice@x.io"), bob = (name: "Bob", email: "bob@x.io"), eve = (name: "Eve", email: "eve@x.io")
        let commits: [(String, (name: String, email: String), String, String)] = [
            ("feat: add the service", alice, "2024-05-02T10:00:00+00:00", "main.go"),
            ("fix: crash on start\n\nCo-authored-by: Bob <bob@x.io>\n", alice, "2024-05-03T10:00:00+00:00", "main.go"),
            ("refactor: split handlers", bob, "2024-05-06T23:30:00+00:00", "handlers.go"),
            ("feat: add metrics\n\nCo-authored-by: Alice <alice@x.io>\n", eve, "2024-05-07T10:00:00+00:00", "metrics.go"),
            ("docs: readme", eve, "2024-05-08T10:00:00+00:00", "README.md"),
            ("wip", bob, "2024-05-09T10:00:00+00:00", "x.txt"),
            ("feat: later", alice, "2024-07-01T10:00:00+00:00", "later.go"),
        ]
        for (index, (message, author, date, path)) in commits.enumerated() {
            try repo.write(path, String(repeating: "line\n", count: index + 1))
            try repo.commit(message, author: author, date: date)
        }
        let folder = repo.root
        try """
        residencies:
          - name: service-may
            resident: alice@x.io
            team: [bob@x.io]
            repos: [service]
            from: 2024-05-01
            to: 2024-05-31
            timezone: Asia/Tokyo
            plan: { investment: 50%, maintenance: 25%, support: 25% }
        """.write(to: folder.appendingPathComponent("built.yml"), atomically: true, encoding: .utf8)
        let lists = try assertListsAddUp(["--no-store"], config: "built.yml", in: folder)
        XCTAssertEqual(
            lists[0].map { $0["subject"] as? String },
            ["wip", "feat: add metrics", "refactor: split handlers", "fix: crash on start", "feat: add the service"])
        XCTAssertEqual(lists[0].map { $0["paired"] as? Bool }, [false, true, false, true, false])
        XCTAssertEqual(lists[0].map { $0["own"] as? Bool }, [false, false, false, true, true])
        // 23:30 UTC on 05-06 is the next morning in Tokyo.
        XCTAssertEqual(lists[0][2]["authoredAt"] as? String, "2024-05-07T08:30:00+09:00")
        XCTAssertEqual((lists[0][1]["coAuthors"] as? [[String: String]])?.first?["email"], "alice@x.io")
        let shas = try FixtureRepository.run("/usr/bin/env", ["git", "-C", repo.path, "log", "--format=%H"], in: folder.path)
            .split(separator: "\n").map(String.init)
        XCTAssertEqual(lists[0].compactMap { $0["sha"] as? String }, shas.filter { sha in lists[0].contains { $0["sha"] as? String == sha } })
        XCTAssertEqual(lists[0].count, 5)
    }
}
