import Foundation
import WorkmixTestSupport
import XCTest

/// `--since`/`--until` take the dates people type to `git log --since`: with the same "now"
/// (`WORKMIX_TEST_DATE_NOW` for workmix, `GIT_TEST_DATE_NOW` for git), both list the same commits.
final class DateFormTests: CLITestCase {
    /// 2024-06-15T09:30:00Z.
    let now = 1_718_443_800

    /// Commits every 9 days for over a year, then every 3 hours over the last two days, authored and
    /// committed at the same instant (git filters on the committer date, workmix on the author date).
    func history() throws -> FixtureRepository {
        let repository = try FixtureRepository()
        var instants = stride(from: now - 430 * 86_400, to: now - 2 * 86_400, by: 9 * 86_400).map { $0 }
        instants += stride(from: now - 2 * 86_400, to: now, by: 3 * 3600) + [now - 3000, now - 600]
        for (index, instant) in instants.enumerated() {
            try repository.commit("change \(index)", date: "\(instant + 47) +0000", allowEmpty: true)
        }
        return repository
    }

    func shas(_ repository: FixtureRepository, _ option: String, _ date: String, timeZone: String) throws -> (git: [String], workmix: [String]) {
        let git = try repository.git(
            ["log", "--format=%H", "\(option)=\(date)"], environment: ["GIT_TEST_DATE_NOW": "\(now)", "TZ": timeZone]
        ).split(separator: "\n").map(String.init)
        let run = try workmix(
            ["scan", "--repo", repository.path, option, date, "--format", "jsonl", "--no-store", "--no-progress"],
            environment: ["WORKMIX_TEST_DATE_NOW": "\(now)", "TZ": timeZone])
        XCTAssertEqual(run.status, 0, run.stderr)
        return (git, try jsonLines(run.stdout).compactMap { $0["sha"] as? String })
    }

    func testSameCommitsAsGitLog() throws {
        let repository = try history()
        let forms = [
            "yesterday", "now", "3 days ago", "2 weeks ago", "3 months ago", "one year ago", "last week", "last month",
            "5 hours ago", "20 minutes ago", "2400 seconds ago", "2024-01-01 10:00", "2024-03-01T12:00:00+02:00",
            "2023-12-31",
        ]
        // Calendar months and local wall times depend on the zone: those forms again in another one.
        let zoned = ["3 months ago", "one year ago", "2024-01-01 10:00"]
        for (timeZone, forms) in [("Europe/Paris", forms), ("America/Los_Angeles", zoned)] {
            for form in forms {
                for option in ["--since", "--until"] {
                    let (git, workmix) = try shas(repository, option, form, timeZone: timeZone)
                    XCTAssertEqual(workmix, git, "\(option) '\(form)' in \(timeZone)")
                    XCTAssertFalse(git.isEmpty && option == "--since" && form.hasSuffix("ago"), "\(form) selects commits")
                }
            }
        }
    }

    /// To the second where the zone matters (calendar months across a daylight-saving change, wall
    /// times): commits one second before, at and after the instant `git rev-parse --since` gives.
    func testSameInstantAsGitAcrossDaylightSaving() throws {
        let repository = try FixtureRepository()
        let cases = ["Europe/Paris", "America/Los_Angeles"].flatMap { zone in
            ["3 months ago", "1 year ago", "last month", "2024-01-01 10:00"].map { (zone, $0) }
        }
        var bounds: [Int] = []
        for (zone, form) in cases {
            let line = try repository.git(
                ["rev-parse", "--since=\(form)"], environment: ["GIT_TEST_DATE_NOW": "\(now)", "TZ": zone])
            bounds.append(try XCTUnwrap(Int(line.trimmingCharacters(in: .whitespacesAndNewlines).dropFirst("--max-age=".count))))
        }
        for (index, instant) in Set(bounds.flatMap { [$0 - 1, $0, $0 + 1] }).sorted().enumerated() {
            try repository.commit("change \(index)", date: "\(instant) +0000", allowEmpty: true)
        }
        for (zone, form) in cases {
            let (git, workmix) = try shas(repository, "--since", form, timeZone: zone)
            XCTAssertEqual(workmix, git, "--since '\(form)' in \(zone)")
        }
    }

    func testBadDatesFailOnOneLine() throws {
        let repository = try history()
        for bad in ["3 fortnights ago", "yesterdayy", "2024-13-01", "ago", "last", "3 days"] {
            let run = try workmix(["scan", "--repo", repository.path, "--since", bad, "--no-store"])
            assertFails(run, code: 2, mentioning: ["--since '\(bad)'", "not a date"])
        }
    }
}
