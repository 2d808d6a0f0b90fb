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
        assertFails(try workmix(["scan", "--repo", repo.path, "--config", repo.path]), code: 2,
                    mentioning: ["cannot read config file: it is a directory"])
        assertFails(try workmix(["scan", "--repo", repo.path, "--config", "/dev/zero"]), code: 2,
                    mentioning: ["/dev/zero", "config file is larger than 16 MB"])
        assertFails(try workmix(["rules", "list", "--rules", "/dev/zero"]), code: 2, mentioning: ["rule file is larger than 16 MB"])
    }

    func testAPathWithALineBreakStaysOnOneLine() throws {
        assertFails(try workmix(["scan", "--repo", "/nonexistent\nsecond line"]), code: 2, mentioning: ["nonexistent\\nsecond line"])
    }

    func testAnOffsetIsNoTimezone() throws {
        let repo = try repository()
        try repo.write("workmix.yml", """
            residencies:
              - name: q1
                resident: ada@example.com
                from: 2020-01-01
                to: 2020-01-31
                timezone: UTC+3
            """)
        assertFails(try workmix(["report", "--repo", repo.path, "--config", repo.path + "/workmix.yml"]), code: 2,
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
