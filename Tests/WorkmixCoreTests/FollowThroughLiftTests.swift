import Foundation
import WorkmixCore
import XCTest

/// Follow-through against its baseline (SPEC 9): the lift of a link over the residency's other commits,
/// and the permutation test, on histories made here.
final class FollowThroughLiftTests: XCTestCase {
    static let alice = Person(name: "Alice", email: "alice@platform.example")
    static let repo = NamedRepository(path: "/r/app")
    static let start = DateParser.parseTimestamp("2024-01-01T00:00:00Z")!.seconds

    func config(weeks: Int = 2, permutations: Int = 1000) -> WorkmixConfig {
        var config = WorkmixConfig()
        config.areas = .depth(1)
        config.followThrough = FollowThroughSettings(weeks: weeks, by: .team, permutations: permutations)
        config.residencies = [
            Residency(
                name: "r1", residents: [PersonMatcher(Self.alice.email)], repos: [Self.repo.path],
                from: CivilDate(year: 2024, month: 1, day: 1), to: CivilDate(year: 2024, month: 12, day: 31))
        ]
        return config
    }

    /// A commit by Alice `hours` after 2024-01-01 in folder `area`.
    func commit(_ index: Int, _ category: Category, hours: Int, area: String) -> ClassifiedCommit {
        let record = CommitRecord(
            repo: "app", sha: String(format: "%040x", index), parents: ["p"], author: Self.alice,
            authoredAt: Timestamp(seconds: Self.start + Int64(hours) * 3600, offsetMinutes: 0), subject: "c\(index)",
            changeInfo: .paths([FileChange(path: "\(area)/f\(index).c")]))
        return ClassifiedCommit(record: record, classification: Classification(category: category))
    }

    func result(_ commits: [ClassifiedCommit], _ config: WorkmixConfig) throws -> FollowThroughResult {
        var collector = FollowThroughCollector(config: config, repositories: [Self.repo], defaultRepositories: [])
        for commit in commits { collector.add(commit, fromRepositoryAt: 0) }
        return try XCTUnwrap(collector.result().residencies.first)
    }

    /// A small seeded generator of the test's own (a 64-bit LCG's high bits).
    struct Numbers {
        var state: UInt64
        mutating func below(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    /// 600 commits over a year in 20 folders, at random times; categories drawn independently of
    /// everything: 20% support, 30% investment, 50% maintenance.
    func randomHistory(seed: UInt64) -> [ClassifiedCommit] {
        var numbers = Numbers(state: seed)
        return (0..<600).map { index in
            let draw = numbers.below(10)
            let category: Category = draw < 2 ? .support : draw < 5 ? .investment : .maintenance
            return commit(index, category, hours: numbers.below(360 * 24), area: "d\(numbers.below(20))")
        }
    }

    func testCategoriesAtRandomGiveALiftNearOneAndALargePValue() throws {
        var ps: [Double] = [], lifts: [Double] = []
        for seed: UInt64 in [1, 2, 3, 4, 5, 6] {
            let link = try result(randomHistory(seed: seed), config()).supportToInvestment
            let lift = try XCTUnwrap(link.lift.lift, "seed \(seed): \(link.lift.note ?? "")")
            XCTAssertEqual(lift, 1, accuracy: 0.35, "seed \(seed)")
            lifts.append(lift)
            XCTAssertGreaterThan(link.lift.baseline.commits, 200)
            let interval = try XCTUnwrap(link.lift.interval)
            XCTAssertLessThan(interval.low, 1)
            XCTAssertGreaterThan(try XCTUnwrap(interval.high), 1)
            ps.append(try XCTUnwrap(link.lift.p))
        }
        // Under chance p is spread over 0…1: none of six this small, their median well above it.
        XCTAssertTrue(ps.allSatisfy { $0 > 0.05 }, "\(ps)")
        XCTAssertGreaterThan(ps.sorted()[3], 0.2, "\(ps)")
        XCTAssertEqual(lifts.reduce(0, +) / Double(lifts.count), 1, accuracy: 0.15, "\(lifts)")
    }

    func testSupportRightBeforeInvestmentGivesAHighLiftAndASmallPValue() throws {
        // The random history's support commits made maintenance, and 30 support commits placed a day
        // before an investment commit in its folder.
        var history = randomHistory(seed: 7).map { commit in
            commit.classification.category == .support
                ? ClassifiedCommit(record: commit.record, classification: Classification(category: .maintenance)) : commit
        }
        let investments = history.filter { $0.classification.category == .investment }.prefix(30)
        for (offset, investment) in investments.enumerated() {
            let hours = Int((investment.record.authoredAt.seconds - Self.start) / 3600) - 24
            let area = String(investment.record.changeInfo.changes?.first?.path.split(separator: "/").first ?? "")
            history.append(commit(1000 + offset, .support, hours: max(hours, 0), area: area))
        }
        let link = try result(history, config()).supportToInvestment
        XCTAssertEqual(link.commits, 30)
        XCTAssertEqual(link.followed, 30)
        let lift = try XCTUnwrap(link.lift.lift)
        XCTAssertGreaterThan(lift, 2)
        XCTAssertEqual(lift, 1 / link.lift.baseline.share, accuracy: 1e-9)
        XCTAssertLessThan(try XCTUnwrap(link.lift.p), 0.01)
        XCTAssertLessThan(try XCTUnwrap(link.lift.interval?.high), lift)
    }

    /// Six support commits, five followed by investment three days later in their own folders; five
    /// maintenance commits, one followed by investment (J) a week later; the five investment commits
    /// and J followed by nothing. Counted by hand: 5 of 6 against 1 of 11.
    func handCounted() -> [ClassifiedCommit] {
        var commits: [ClassifiedCommit] = []
        for index in 0..<6 {
            commits.append(commit(index, .support, hours: (4 + 5 * index) * 24, area: "p\(index)"))
            if index < 5 { commits.append(commit(10 + index, .investment, hours: (7 + 5 * index) * 24, area: "p\(index)")) }
        }
        for index in 0..<5 { commits.append(commit(20 + index, .maintenance, hours: (31 + index) * 24, area: "q\(index)")) }
        commits.append(commit(30, .investment, hours: 38 * 24, area: "q0"))
        return commits
    }

    func testBaselineLiftAndPValueAsCountedByHand() throws {
        let result = try result(handCounted(), config())
        let link = result.supportToInvestment
        XCTAssertEqual([link.commits, link.followed], [6, 5])
        XCTAssertEqual(link.lift.baseline, FollowedCount(commits: 11, followed: 1))
        XCTAssertEqual(try XCTUnwrap(link.lift.lift), (5.0 / 6) / (1.0 / 11), accuracy: 1e-12)
        // Shuffled, the lift is at least as high when 5 or 6 of the 6 followed commits land among the
        // 6 picked of 17: (C(6,5)·C(11,1) + C(6,6)) / C(17,6) = 67 / 12376.
        let exact = 67.0 / 12376
        XCTAssertEqual(try XCTUnwrap(link.lift.p), exact, accuracy: 3 * (exact / 1000).squareRoot() + 0.001)
        XCTAssertEqual(link.lift.permutations, 1000)
        // Nothing is followed by maintenance: no baseline for the second link.
        XCTAssertEqual(result.investmentToMaintenance.lift.baseline, FollowedCount(commits: 11, followed: 0))
        XCTAssertNil(result.investmentToMaintenance.lift.lift)
        XCTAssertEqual(result.investmentToMaintenance.lift.note, "no other commit was followed: no baseline to compare with")
        // Per area: p0 has S0 (followed) and I0; q0 has M0 (followed by J) and J.
        let p0 = try XCTUnwrap(result.areas.first { $0.area == "p0" })
        XCTAssertEqual([p0.supportFollowed, p0.supportBaseline], [FollowedCount(commits: 1, followed: 1), FollowedCount(commits: 1)])
        let q0 = try XCTUnwrap(result.areas.first { $0.area == "q0" })
        XCTAssertEqual(q0.supportBaseline, FollowedCount(commits: 2, followed: 1))
    }

    func testTheTestIsTheSameOnEveryRunAndInAnyOrder() throws {
        let history = randomHistory(seed: 11)
        let first = try result(history, config()).supportToInvestment.lift
        XCTAssertEqual(try result(history.reversed(), config()).supportToInvestment.lift, first)
        XCTAssertEqual(try result(history, config(permutations: 0)).supportToInvestment.lift.lift, first.lift)
        XCTAssertNil(try result(history, config(permutations: 0)).supportToInvestment.lift.p)
        XCTAssertNotEqual(try result(history, config(permutations: 500)).supportToInvestment.lift.p, nil)
    }

    func testTooFewCommitsOnEitherSideGiveNoLiftButAReason() throws {
        let few = Array(handCounted().filter { $0.classification.category != .support }) + [commit(99, .support, hours: 2, area: "p0")]
        let link = try result(few, config()).supportToInvestment
        XCTAssertNil(link.lift.lift)
        XCTAssertNil(link.lift.p)
        XCTAssertEqual(link.lift.note, "1 support commit: too few for a lift (5 needed)")
        XCTAssertEqual(link.lift.baseline.commits, 11)
    }

    func testMinLiftFailsTheVerdictWithThePValue() throws {
        var config = config()
        config.residencies[0].minLift = 20
        var analysis = try ResidencyAnalysis(config: config, defaultRepositories: [])
        for commit in handCounted() { _ = analysis.add(commit, fromRepositoryAt: 0) }
        var report = analysis.report()
        var collector = FollowThroughCollector(config: config, repositories: [Self.repo], defaultRepositories: [])
        for commit in handCounted() { collector.add(commit, fromRepositoryAt: 0) }
        report.attach(collector.result())
        let finding = try XCTUnwrap(report.residencies[0].verdict.findings.last).description
        XCTAssertTrue(finding.hasPrefix("support → investment lift is 9.17, p = 0.0"), finding)
        XCTAssertTrue(finding.hasSuffix("(83.3% of 6 support commits followed by investment, 9.1% of 11 others), below the 20.00 required"), finding)
        config.residencies[0].minLift = 9
        analysis = try ResidencyAnalysis(config: config, defaultRepositories: [])
        for commit in handCounted() { _ = analysis.add(commit, fromRepositoryAt: 0) }
        report = analysis.report()
        collector = FollowThroughCollector(config: config, repositories: [Self.repo], defaultRepositories: [])
        for commit in handCounted() { collector.add(commit, fromRepositoryAt: 0) }
        report.attach(collector.result())
        XCTAssertFalse(report.residencies[0].verdict.findings.contains { "\($0)".contains("lift") })
    }
}
