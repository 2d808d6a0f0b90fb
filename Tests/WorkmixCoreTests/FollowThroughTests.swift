import Foundation
import WorkmixCore
import XCTest

/// Follow-through on in-memory records (SPEC 9), with hand-counted chains.
final class FollowThroughTests: XCTestCase {
    static let alice = Person(name: "Alice", email: "alice@platform.example")
    static let bob = Person(name: "Bob", email: "bob@team.example")
    static let carol = Person(name: "Carol", email: "carol@elsewhere.example")
    static let repo = NamedRepository(path: "/r/app")

    func config(by: FollowThroughSettings.FollowedBy = .team, areas: AreaScheme = .depth(2)) -> WorkmixConfig {
        var config = WorkmixConfig()
        config.areas = areas
        config.followThrough = FollowThroughSettings(weeks: 8, by: by)
        config.residencies = [
            Residency(
                name: "r1", residents: [PersonMatcher(Self.alice.email)], team: [PersonMatcher(Self.bob.email)],
                repos: [Self.repo.path], from: CivilDate(year: 2024, month: 1, day: 1),
                to: CivilDate(year: 2024, month: 1, day: 31))
        ]
        return config
    }

    func commit(
        _ sha: String, _ category: Category, _ date: String, _ author: Person, _ changes: [FileChange],
        parents: [String] = ["p"]
    ) -> ClassifiedCommit {
        let record = CommitRecord(
            repo: "app", sha: sha, parents: parents, author: author,
            authoredAt: DateParser.parseTimestamp(date)!, subject: sha, changeInfo: .paths(changes))
        return ClassifiedCommit(record: record, classification: Classification(category: category))
    }

    func file(_ path: String) -> [FileChange] { [FileChange(path: path)] }

    /// s1 (support, a/b, 01-10) and s2 (support, a/b, 01-15) by Alice; Bob's investment in a/b on 01-31 (21 and 16
    /// days after them), in c/d on 01-12 (another area: never follows), in a/b on 2023-12-20 (before) and 2024-03-20
    /// (70 and 65 days after: outside 8 weeks); a merge in a/b on 01-20 (takes no part); Carol's maintenance in a/b on
    /// 02-10 (10 days after i1; Carol is not on the team).
    func chain(_ config: WorkmixConfig) -> (residencies: [FollowThroughResult], summary: FollowThroughResult) {
        var collector = FollowThroughCollector(config: config, repositories: [Self.repo], defaultRepositories: [])
        for commit in chainCommits() { collector.add(commit, fromRepositoryAt: 0) }
        return collector.result()
    }

    func chainCommits() -> [ClassifiedCommit] {
        [
            commit("i0", .investment, "2023-12-20T10:00:00Z", Self.bob, file("a/b/v.go")),
            commit("s1", .support, "2024-01-10T10:00:00Z", Self.alice, file("a/b/x.go")),
            commit("i2", .investment, "2024-01-12T10:00:00Z", Self.bob, file("c/d/z.go")),
            commit("s2", .support, "2024-01-15T10:00:00Z", Self.alice, file("a/b/q.go")),
            commit("mg", .investment, "2024-01-20T10:00:00Z", Self.bob, file("a/b/m.go"), parents: ["p", "q"]),
            commit("i1", .investment, "2024-01-31T10:00:00Z", Self.bob, file("a/b/y.go")),
            commit("m1", .maintenance, "2024-02-10T10:00:00Z", Self.carol, file("a/b/r.go")),
            commit("i3", .investment, "2024-03-20T10:00:00Z", Self.bob, file("a/b/w.go")),
        ]
    }

    func testSupportInAnAreaIsFollowedByInvestmentThereWithinTheWeeks() throws {
        let result = try XCTUnwrap(chain(config()).residencies.first)
        XCTAssertEqual(result.supportToInvestment.commits, 2)
        XCTAssertEqual(result.supportToInvestment.followed, 2)
        // Lags 16 and 21 days: p25 16 + 0.25 × 5, median the mean of the two, p75 16 + 0.75 × 5.
        XCTAssertEqual(result.supportToInvestment.lagDays, LagQuartiles(p25: 17.25, median: 18.5, p75: 19.75))
        // i2 and i1 are the residency's investment; Carol's maintenance is no team's work.
        XCTAssertEqual(result.investmentToMaintenance.commits, 2)
        XCTAssertEqual(result.investmentToMaintenance.followed, 0)
        XCTAssertNil(result.investmentToMaintenance.lagDays)
        // Against the baseline: the other counted commits are i2 and i1 for the first link (i1 followed by
        // i3 48 days on), s1 and s2 for the second (Carol's maintenance is no one's on the team); too few
        // for a lift either way.
        XCTAssertEqual(result.supportToInvestment.lift.baseline, FollowedCount(commits: 2, followed: 1))
        XCTAssertEqual(result.investmentToMaintenance.lift.baseline, FollowedCount(commits: 2, followed: 0))
        XCTAssertEqual(result.supportToInvestment.lift.note, "2 support commits: too few for a lift (5 needed)")
        XCTAssertEqual(result.areas.map(\.area), ["a/b", "c/d"])
        let ab = result.areas[0]
        XCTAssertEqual(
            [ab.support, ab.investment, ab.maintenance, ab.investmentAfterSupport, ab.maintenanceAfterInvestment],
            [2, 1, 0, 1, 0])
        XCTAssertEqual(ab.supportMarks.map(\.day), [9 + 10 / 24.0, 14 + 10 / 24.0])
        XCTAssertEqual(ab.supportMarks.map(\.followedDay), [30 + 10 / 24.0, 30 + 10 / 24.0])
        let cd = result.areas[1]
        XCTAssertEqual([cd.support, cd.investment, cd.investmentAfterSupport], [0, 1, 0])
        XCTAssertEqual(result.spanDays, 31 + 56)
    }

    func testByAnyoneCountsWorkOutsideTheTeam() throws {
        let result = try XCTUnwrap(chain(config(by: .anyone)).residencies.first)
        XCTAssertEqual(result.investmentToMaintenance.followed, 1)
        XCTAssertEqual(result.investmentToMaintenance.lagDays, LagQuartiles(p25: 10, median: 10, p75: 10))
        XCTAssertEqual(result.areas[0].maintenanceAfterInvestment, 1)
        XCTAssertEqual(chain(config(by: .anyone)).summary.supportToInvestment.followed, 2)
    }

    func testNothingFollowsOutsideTheWindowOrInAnotherArea() throws {
        var config = config()
        config.followThrough.weeks = 2
        let result = try XCTUnwrap(chain(config).residencies.first)
        // 21 days is past two weeks; 16 days too.
        XCTAssertEqual(result.supportToInvestment.followed, 0)
        XCTAssertNil(result.supportToInvestment.lagDays)
        XCTAssertEqual(result.supportToInvestment.share, 0)
    }

    func testNamedAreasFromGlobs() throws {
        let areas = AreaScheme.named([.init(name: "ab", globs: [Glob("a/b/**")]), .init(name: "go", globs: [Glob("*.go")])])
        let result = try XCTUnwrap(chain(config(areas: areas)).residencies.first)
        // Every file is a .go file: c/d's investment is in `go`, as are s1 and s2, so i2 follows s1 (after 2 days)
        // through `go`; s2 is followed by i1 after 16 days; in `ab` only i1 came after.
        XCTAssertEqual(result.areas.map(\.area), ["ab", "go"])
        XCTAssertEqual(result.areas.map(\.investmentAfterSupport), [1, 2])
        XCTAssertEqual(result.supportToInvestment.lagDays, LagQuartiles(p25: 5.5, median: 9, p75: 12.5))
    }

    func testAreasByDepthAndByGlobs() {
        XCTAssertEqual(AreaScheme.depth(2).areas(of: "a/b/c/d.go"), ["a/b"])
        XCTAssertEqual(AreaScheme.depth(1).areas(of: "a/b/c/d.go"), ["a"])
        XCTAssertEqual(AreaScheme.depth(2).areas(of: "a/x.go"), ["a"])
        XCTAssertEqual(AreaScheme.depth(2).areas(of: "README.md"), ["."])
        // Paths git never writes (empty components) give the folders their non-empty components name.
        XCTAssertEqual(AreaScheme.depth(2).areas(of: "a//b/c.go"), ["a/b"])
        XCTAssertEqual(AreaScheme.depth(2).areas(of: "/a/x.go"), ["a"])
        XCTAssertEqual(AreaScheme.depth(3).areas(of: "a/b/"), ["a"])
        XCTAssertEqual(AreaScheme.depth(3).areas(of: "ä/ö/ü/ß.txt"), ["ä/ö/ü"])
        XCTAssertEqual(AreaScheme.depth(32).areas(of: "a/b/c/d"), ["a/b/c"])
        let named = AreaScheme.named([
            .init(name: "checkout", globs: [Glob("web/checkout/**"), Glob("api/checkout/**")]),
            .init(name: "docs", globs: [Glob("*.md")]),
        ])
        XCTAssertEqual(named.areas(of: "web/checkout/a.js"), ["checkout"])
        XCTAssertEqual(named.areas(of: "api/checkout/README.md"), ["checkout", "docs"])
        XCTAssertEqual(named.areas(of: "lib/x.go"), [])
    }

    func testAFileMovedBetweenAreasCountsForBoth() throws {
        let moved = [FileChange(path: "e/f/x.go", oldPath: "a/b/x.go", status: .renamed)]
        XCTAssertEqual(AreaScheme.depth(2).areas(of: moved), ["a/b", "e/f"])
        let split = [FileChange(path: "a/b/x.go", status: .deleted), FileChange(path: "e/f/x.go", status: .added)]
        var collector = FollowThroughCollector(config: config(), repositories: [Self.repo], defaultRepositories: [])
        collector.add(commit("s", .support, "2024-01-10T00:00:00Z", Self.alice, split), fromRepositoryAt: 0)
        collector.add(commit("i", .investment, "2024-01-11T00:00:00Z", Self.bob, file("e/f/y.go")), fromRepositoryAt: 0)
        collector.add(commit("j", .investment, "2024-01-13T00:00:00Z", Self.bob, file("a/b/y.go")), fromRepositoryAt: 0)
        let result = try XCTUnwrap(collector.result().residencies.first)
        XCTAssertEqual(result.areas.map(\.area), ["a/b", "e/f"])
        XCTAssertEqual(result.areas.map(\.support), [1, 1])
        XCTAssertEqual(result.areas.map(\.investmentAfterSupport), [1, 1])
        XCTAssertEqual(result.supportToInvestment.lagDays?.median, 1, "the first investment in either area")
    }

    func testQuartilesInterpolateAndTheMedianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
        XCTAssertEqual(LagQuartiles([4, 1, 3, 2]), LagQuartiles(p25: 1.75, median: 2.5, p75: 3.25))
        XCTAssertEqual(LagQuartiles([5]), LagQuartiles(p25: 5, median: 5, p75: 5))
        XCTAssertNil(LagQuartiles([]))
    }

    func testMinFollowThroughFailsTheVerdictWithAReason() throws {
        var config = config()
        config.followThrough.weeks = 2
        config.residencies[0].minFollowThrough = 0.3
        var analysis = try ResidencyAnalysis(config: config, defaultRepositories: [])
        for commit in chainCommits() { _ = analysis.add(commit, fromRepositoryAt: 0) }
        var report = analysis.report()
        report.attach(chain(config))
        let finding = try XCTUnwrap(report.residencies[0].verdict.findings.last)
        XCTAssertEqual(
            finding.description,
            "follow-through is 0% of support commits (0 of 2 followed by investment), below the 30% required")
        XCTAssertEqual(report.summary.failed, ["r1"])
        config.followThrough.weeks = 8
        analysis = try ResidencyAnalysis(config: config, defaultRepositories: [])
        for commit in chainCommits() { _ = analysis.add(commit, fromRepositoryAt: 0) }
        report = analysis.report()
        report.attach(chain(config))
        XCTAssertFalse(report.residencies[0].verdict.findings.contains { "\($0)".contains("follow-through") })
    }
}
