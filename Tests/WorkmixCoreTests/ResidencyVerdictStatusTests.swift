import Foundation
import WorkmixCore
import XCTest

/// A residency's status as of a date and what its verdict says then (SPEC 10); the analysis's report
/// judges each residency on its own timezone's day.
final class ResidencyVerdictStatusTests: XCTestCase {
    let window = (from: CivilDate(year: 2024, month: 3, day: 4), to: CivilDate(year: 2024, month: 4, day: 12))

    func residency(_ timezone: String = "America/New_York") -> Residency {
        Residency(
            name: "checkout", residents: [PersonMatcher("alice@x.io")], from: window.from, to: window.to,
            timezone: TimeZone(identifier: timezone)!, plan: [.investment: 0.6, .maintenance: 0.2, .support: 0.2])
    }

    func testStatusIsReadInTheResidencysTimezone() throws {
        let newYork = residency()
        XCTAssertEqual(newYork.status(asOf: try XCTUnwrap(AsOf.parse("2024-03-03"))), .upcoming)
        XCTAssertEqual(newYork.status(asOf: try XCTUnwrap(AsOf.parse("2024-03-04"))), .running)
        XCTAssertEqual(newYork.status(asOf: try XCTUnwrap(AsOf.parse("2024-04-12"))), .running)
        XCTAssertEqual(newYork.status(asOf: try XCTUnwrap(AsOf.parse("2024-04-13"))), .ended)
        // 03:00 UTC on 04-13 is 23:00 on 04-12 in New York, and already 04-13 in Tokyo.
        let instant = try XCTUnwrap(AsOf.parse("2024-04-13T03:00:00Z"))
        XCTAssertEqual(newYork.status(asOf: instant), .running)
        XCTAssertEqual(residency("Asia/Tokyo").status(asOf: instant), .ended)
        XCTAssertEqual(AsOf.now(Date(timeIntervalSince1970: 1_712_977_200)), .now(Timestamp(seconds: 1_712_977_200, offsetMinutes: 0)))
        XCTAssertEqual(AsOf.now(Date(timeIntervalSince1970: 1_712_977_200)).description, "2024-04-13")
        XCTAssertEqual(instant.description, "2024-04-13T03:00:00+00:00")
        XCTAssertNil(AsOf.parse("tomorrow"))
    }

    func testVerdictByStatus() {
        let shares: [Category: Double] = [.investment: 0.2, .maintenance: 0.6, .support: 0.2]
        func judge(_ status: ResidencyStatus, commits: Int = 10, strict: Bool = false, cut: CivilDate? = nil) -> ResidencyVerdict {
            var verdict = ResidencyVerdict.judge(
                residency: residency(), totalCommits: commits, shares: commits == 0 ? [:] : shares, unclassifiedShare: 0,
                status: status, shallowCut: cut)
            verdict.strict = strict
            return verdict
        }
        let upcoming = judge(.upcoming, commits: 0)
        XCTAssertEqual(upcoming.findings, [])
        XCTAssertFalse(upcoming.fails)
        XCTAssertEqual(upcoming.label, "pending")

        let running = judge(.running)
        XCTAssertEqual(running.findings.count, 2)
        XCTAssertFalse(running.fails)
        XCTAssertTrue(running.passed)
        XCTAssertEqual(running.label, "fail")
        XCTAssertTrue(judge(.running, strict: true).fails)
        XCTAssertTrue(judge(.ended).fails)

        // No commit: one finding, not one per planned category.
        XCTAssertEqual(judge(.ended, commits: 0).findings, [.noWork])
        // A shallow clone cut after the window started says so instead.
        let cut = CivilDate(year: 2024, month: 3, day: 20)
        XCTAssertEqual(judge(.ended, commits: 0, cut: cut).findings, [.shallowHistory(cut: cut)])
        XCTAssertEqual(
            ResidencyVerdict.Finding.shallowHistory(cut: cut).description,
            "the history is shallow: commits before 2024-03-20 are missing; fetch the full history")
        XCTAssertEqual(judge(.ended, cut: cut).findings.first, .shallowHistory(cut: cut))
        XCTAssertEqual(judge(.ended, commits: 0, cut: CivilDate(year: 2024, month: 3, day: 1)).findings, [.noWork])
    }

    func testReportSortsResidenciesIntoTheSummary() throws {
        var config = WorkmixConfig()
        config.residencies = [
            Residency(
                name: "past", residents: [PersonMatcher("alice@x.io")], from: CivilDate(year: 2024, month: 1, day: 1),
                to: CivilDate(year: 2024, month: 1, day: 31), plan: [.investment: 1]),
            residency(),
            Residency(
                name: "future", residents: [PersonMatcher("alice@x.io")], from: CivilDate(year: 2030, month: 1, day: 1),
                to: CivilDate(year: 2030, month: 1, day: 31)),
        ]
        let analysis = try ResidencyAnalysis(config: config, defaultRepositories: [NamedRepository(path: "/r")])
        let asOf = try XCTUnwrap(AsOf.parse("2024-03-20"))
        let report = analysis.report(asOf: asOf)
        XCTAssertEqual(report.residencies.map(\.status), [.ended, .running, .upcoming])
        XCTAssertEqual(report.summary.failed, ["past"])
        XCTAssertEqual(report.summary.offPlanSoFar, ["checkout"])
        XCTAssertEqual(report.summary.upcoming, ["future"])
        XCTAssertEqual(report.summary.residencyCount, 3)
        XCTAssertFalse(report.passed)
        let strict = analysis.report(asOf: asOf, strict: true)
        XCTAssertEqual(strict.summary.failed, ["past", "checkout"])
        XCTAssertEqual(analysis.report().residencies.map(\.status), [.ended, .ended, .ended])
    }
}
