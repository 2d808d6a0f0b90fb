import Foundation
import WorkmixTestSupport
import XCTest

/// Inputs a hostile or careless user gives (#14, item 7 and 8): one line, exit 2, nothing grows unbounded.
final class HostileInputTests: CLITestCase {
    func repository() throws -> FixtureRepository {
        let repo = try FixtureRepository(name: "hostile")
        try repo.write("a.go", "package a\n")
        try repo.commit("Add a")
        try repo.write("a.go", "package a // b\n")
        try repo.commit("Fix a")
        return repo
    }

    func testConfigThatIsADirectoryOrEndlessIsOneLine() throws {
        let repo = try repository()
        assertFails(
            try workmix(["scan", "--repo", repo.path, "--config", repo.path]), code: 2,
            mentioning: ["cannot read config file: it is a directory"])
        assertFails(
            try workmix(["scan", "--repo", repo.path, "--config", "/dev/zero"]), code: 2,
            mentioning: ["/dev/zero", "config file is larger than 16 MB"])
        assertFails(try workmix(["rules", "list", "--rules", "/dev/zero"]), code: 2, mentioning: ["rule file is larger than 16 MB"])
    }

    func testAPathWithALineBreakStaysOnOneLine() throws {
        assertFails(try workmix(["scan", "--repo", "/nonexistent\nsecond line"]), code: 2, mentioning: ["nonexistent\\nsecond line"])
    }

    func testAnOffsetIsNoTimezone() throws {
        let repo = try repository()
        try repo.write(
            "workmix.yml",
            """
            residencies:
              - name: q1
                resident: ada@example.com
                from: 2020-01-01
                to: 2020-01-31
                timezone: UTC+3
            """)
        assertFails(
            try workmix(["report", "--repo", repo.path, "--config", repo.path + "/workmix.yml"]), code: 2,
            mentioning: ["workmix.yml:6", "'UTC+3' is not an IANA timezone", "Etc/GMT-3"])
    }

    func testJobsAreCappedNotAllocated() throws {
        let repo = try repository()
        let one = try workmix(["scan", "--repo", repo.path, "--format", "jsonl", "--jobs", "1", "--config", "/dev/null"])
        let many = try workmix(["scan", "--repo", repo.path, "--format", "jsonl", "--jobs", "1000000", "--config", "/dev/null"])
        XCTAssertEqual(many.status, 0, many.stderr)
        XCTAssertEqual(many.stdout, one.stdout)
    }
}

/// Text that hides itself, and workflow commands outside the `github` format (#14, items 5 and 6).
final class HiddenTextTests: CLITestCase {
    func testHiddenCharactersAreShownAndCommandsDefusedJSONStaysExact() throws {
        let repo = try FixtureRepository(name: "hidden")
        try repo.write("a.go", "package a\n")
        let subject = "Fix \u{202E}gnp.exe\u{202C} and\u{200B}this\u{2028}too"
        try repo.commit(subject + "\n\nCo-authored-by: ::error::x <a@b.c>\n", author: (name: "Eve\u{FEFF}", email: "eve@example.com"))
        // Markdown shows the marker as text: `&lt;U+202E&gt;` renders as <U+202E>.
        for (format, open, close) in [("table", "<", ">"), ("markdown", "&lt;", "&gt;")] {
            let scan = try workmix(["scan", "--repo", repo.path, "--format", format, "--config", "/dev/null"])
            XCTAssertEqual(scan.status, 0, scan.stderr)
            XCTAssertTrue(scan.stdout.contains("\(open)U+202E\(close)gnp.exe\(open)U+202C\(close)"), scan.stdout)
            XCTAssertTrue(scan.stdout.contains("and\(open)U+200B\(close)this\(open)U+2028\(close)too"), scan.stdout)
            XCTAssertFalse(scan.stdout.unicodeScalars.contains { Escaping.isHiddenForTest($0) }, format)
        }
        let pairs = try workmix(["pairs", "--repo", repo.path, "--format", "table", "--config", "/dev/null"])
        XCTAssertEqual(pairs.status, 0, pairs.stderr)
        XCTAssertFalse(pairs.stdout.split(separator: "\n").contains { $0.hasPrefix("::") }, pairs.stdout)
        XCTAssertTrue(pairs.stdout.contains("\\::error::x"), pairs.stdout)
        let html = try workmix(["pairs", "--repo", repo.path, "--format", "html", "--config", "/dev/null"])
        XCTAssertFalse(html.stdout.contains("\u{202E}"))

        let jsonl = try workmix(["scan", "--repo", repo.path, "--format", "jsonl", "--config", "/dev/null"])
        XCTAssertEqual(jsonl.stdout.split(separator: "\n").count, 1)
        XCTAssertTrue(jsonl.stdout.contains("\\u2028"), jsonl.stdout)
        XCTAssertFalse(jsonl.stdout.contains("\u{2028}"))
        let row = try XCTUnwrap(jsonLines(jsonl.stdout).first)
        XCTAssertEqual(row["subject"] as? String, subject, "JSON keeps the text exact")
    }
}

/// ESC and the other control characters of messages and names (#14): table output makes them spaces,
/// and so must Markdown, which a terminal may show as it is.
final class ControlCharacterTests: CLITestCase {
    func testNoControlCharacterReachesMarkdown() throws {
        let repo = try FixtureRepository(name: "controls")
        try repo.write("a.go", "package a\n")
        try repo.commit("Add a", date: "2020-01-07T10:00:00+00:00")
        let controls = String(String.UnicodeScalarView((0x01...0x1F).compactMap(Unicode.Scalar.init).filter { $0 != "\n" }))
        let name = "Eve\u{1B}]0;title\u{07}\u{1B}[2J"
        try repo.write("a.go", "package a // b\n")
        try repo.commit(
            rawMessage: Data("fix: \u{1B}[31mred\u{1B}[0m \(controls)\u{7F} end\n\nCo-authored-by: \(name) <eve@example.com>\n".utf8),
            rawAuthorName: Data("Ada\u{1B}[1mLovelace".utf8))
        try repo.write(
            "workmix.yml",
            """
            residencies:
              - name: q1
                resident: ada@example.com
                from: 2020-01-01
                to: 2020-01-31
            """)
        let config = ["--config", repo.path + "/workmix.yml", "--repo", repo.path, "--format", "markdown", "--no-store"]
        for command in ["report", "pairs", "scan"] {
            let run = try workmix([command] + config)
            XCTAssertEqual(run.status, 0, "\(command): \(run.stderr)")
            XCTAssertTrue(run.stdout.contains(["report": "Lovelace", "pairs": "Eve"][command] ?? "red"), "\(command): \(run.stdout)")
            let found = run.stdout.unicodeScalars.filter { ($0.value < 0x20 && $0 != "\n") || $0.value == 0x7F }
            XCTAssertEqual(found.map(\.value), [], "\(command): \(run.stdout)")
        }
    }
}

private enum Escaping {
    static func isHiddenForTest(_ scalar: Unicode.Scalar) -> Bool {
        [0x202E, 0x202C, 0x200B, 0xFEFF, 0x2028].contains(scalar.value)
    }
}

/// YAML that explodes once its aliases are resolved (#14, items 1 and 2).
final class YAMLBombTests: CLITestCase {
    func testAliasesOfAliasesAreRefusedWithFileAndLine() throws {
        let repo = try FixtureRepository(name: "bomb")
        var lines = ["version: 1", "l0: &l0 [" + Array(repeating: "a", count: 10).joined(separator: ", ") + "]"]
        for level in 1...7 {
            lines.append("l\(level): &l\(level) [" + Array(repeating: "*l\(level - 1)", count: 10).joined(separator: ", ") + "]")
        }
        try repo.write("bomb.yml", lines.joined(separator: "\n") + "\nrules: []\n")
        assertFails(
            try workmix(["rules", "list", "--rules", repo.path + "/bomb.yml"]), code: 2,
            mentioning: [
                "bomb.yml:6:5: the YAML's aliases stand for 123456770 values, more than the 100000 they may add to the 31 the file writes itself"
            ])
        assertFails(
            try workmix(["scan", "--repo", repo.path, "--config", repo.path + "/bomb.yml"]), code: 2,
            mentioning: ["bomb.yml:", "more than the 100000 they may add"])
    }

    func testAliasesNestedDeeperThanTheLimitAreRefused() throws {
        let repo = try FixtureRepository(name: "deep")
        var lines = ["version: 1", "d0: &d0 [x]"]
        for level in 1...300 { lines.append("d\(level): &d\(level) [*d\(level - 1)]") }
        try repo.write("deep.yml", lines.joined(separator: "\n") + "\nrules: []\n")
        assertFails(
            try workmix(["rules", "list", "--rules", repo.path + "/deep.yml"]), code: 2,
            mentioning: ["deep.yml:", "nests more than 256 levels"])
    }
}

/// Rule files as long as a file may be: the limits count what aliases add, and nothing nests deeper
/// than the stack.
final class LongRuleFileTests: CLITestCase {
    /// Each rule's match the negation of the one before (`&m2 {not: *m1}`): the resolved tree nests as
    /// deep as the file is long, and freed as Swift frees it, one stack frame per level, it ended the
    /// run by SIGSEGV at 50,000 rules (30,000 were refused cleanly).
    func testAChainOfAliasesIsRefusedNotACrash() throws {
        let repo = try FixtureRepository(name: "chain")
        try repo.write("a.txt", "a\n")
        try repo.commit("Add a")
        var lines = ["version: 1", "rules:", "  - {id: r0, category: support, match: &m0 {subject: x}}"]
        for rule in 1..<50_000 { lines.append("  - {id: r\(rule), category: support, match: &m\(rule) {not: *m\(rule - 1)}}") }
        try repo.write("chain.yml", lines.joined(separator: "\n") + "\n")
        let path = repo.path + "/chain.yml"
        for arguments in [["rules", "list", "--rules", path], ["scan", "--repo", repo.path, "--rules", path, "--no-store"]] {
            assertFails(try workmix(arguments), code: 2, mentioning: ["chain.yml:", "they may add"])
        }
        // The end of such a chain as a mapping key: Yams compared keys recursively while composing.
        var keyed = ["x:", "  - &c0 {subject: x}"]
        for item in 1..<50_000 { keyed.append("  - &c\(item) {not: *c\(item - 1)}") }
        keyed.append("y: {? *c49999 : 1}")
        try repo.write("keyed.yml", keyed.joined(separator: "\n") + "\n")
        assertFails(try workmix(["rules", "list", "--rules", repo.path + "/keyed.yml"]), code: 2, mentioning: ["keyed.yml:", "they may add"])
        // Or followed by an error Yams finds: it frees what it composed so far, chain and all
        // (`bench/fuzz.py` found this one).
        try repo.write("twice.yml", keyed.dropLast().joined(separator: "\n") + "\nx: again\n")
        assertFails(
            try workmix(["rules", "list", "--rules", repo.path + "/twice.yml"]), code: 2, mentioning: ["twice.yml:", "duplicate key(s) 'x'"])
    }

    /// 12,000 rules without a single alias write 120,000 values themselves: they were refused as if
    /// aliases had made them.
    func testALongFileWithoutAliasesLoads() throws {
        let repo = try FixtureRepository(name: "long")
        var lines = ["version: 1", "rules:"]
        for rule in 0..<12_000 { lines.append("  - {id: r\(rule), category: support, match: {merge: true}}") }
        // A few aliases too: they add 3 values each.
        lines += ["  - {id: a1, category: support, match: &both {all: [{merge: true}]}}", "  - {id: a2, category: support, match: *both}"]
        try repo.write("long.yml", lines.joined(separator: "\n") + "\n")
        let run = try workmix(["rules", "list", "--rules", repo.path + "/long.yml", "--format", "json"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let rules = try XCTUnwrap(JSONSerialization.jsonObject(with: run.stdoutData) as? [[String: Any]])
        XCTAssertEqual(rules.filter { ($0["source"] as? String)?.contains("long.yml:") == true }.count, 12_002)
    }
}

/// What `bench/fuzz.py` turned up (#14): each case once more, alone.
final class FuzzFindingsTests: CLITestCase {
    /// A residency from year 1 to 9999 made `report` build 521,000 weekly buckets: 37 s and 245 MB.
    func testAResidencyOfMillenniaIsRefused() throws {
        let repo = try FixtureRepository(name: "ages")
        try repo.write("a.txt", "a\n")
        try repo.commit("Add a")
        try repo.write(
            "workmix.yml",
            """
            residencies:
              - name: forever
                resident: ada@example.com
                from: 0001-01-01
                to: 9999-12-31
            """)
        assertFails(
            try workmix(["report", "--repo", repo.path, "--config", repo.path + "/workmix.yml", "--format", "json"]),
            code: 2, mentioning: ["workmix.yml:5", "a residency spans at most 100 years"])
    }
}
