import Foundation
import WorkmixCore
import XCTest

final class ResidencyAggregatorTests: XCTestCase {
    let alice = Person(name: "Alice Martin", email: "alice@platform.example")
    let bob = Person(name: "Bob Li", email: "bob@payments.example")
    let carol = Person(name: "Carol Diaz", email: "carol@payments.example")
    let dan = Person(name: "Dan Wu", email: "dan@payments.example")
    let bot = Person(name: "dependabot[bot]", email: "49699333+dependabot[bot]@users.noreply.github.com")
    let copilot = Person(name: "Copilot", email: "175728472+Copilot@users.noreply.github.com")

    func residency(
        timezone: String = "UTC", plan: [Category: Double] = [:], tolerance: Double = 0.1,
        maxUnclassified: Double = 0.2
    ) -> Residency {
        Residency(
            name: "payments", residents: [PersonMatcher("alice@platform.example")],
            team: [PersonMatcher("BOB@payments.example"), PersonMatcher("Carol Diaz <carol@payments.example>")],
            from: CivilDate(year: 2024, month: 1, day: 8), to: CivilDate(year: 2024, month: 2, day: 16),
            timezone: TimeZone(identifier: timezone)!, plan: plan, tolerance: tolerance, maxUnclassified: maxUnclassified)
    }

    func commit(
        _ sha: String, _ date: String, _ author: Person, _ coAuthors: [Person] = [],
        _ category: Category = .investment, skipped: Bool = false, churn: Int = 1
    ) -> ClassifiedCommit {
        let record = CommitRecord(
            sha: sha, author: author, authoredAt: DateParser.parseTimestamp(date)!, subject: "s",
            coAuthors: coAuthors,
            changeInfo: .computed([FileChange(path: "f", insertions: churn, deletions: 0)]))
        return ClassifiedCommit(record: record, classification: Classification(category: category, skipped: skipped))
    }

    func aggregate(_ residency: Residency, measure: WorkmixConfig.Measure = .commits, _ commits: [ClassifiedCommit]) -> ResidencyResult {
        var aggregator = ResidencyAggregator(
            residency: residency, repositories: [NamedRepository(path: "/r/payments-api")],
            measure: measure, participants: ParticipantFilter())
        for commit in commits { aggregator.add(commit) }
        return aggregator.result()
    }

    func testWindowEdgesInTheResidencyTimezone() {
        // Europe/Paris is UTC+1 in winter: 22:59 UTC on `to` is 23:59 there; 23:00 UTC is 00:00 the day after.
        let result = aggregate(
            residency(timezone: "Europe/Paris"),
            [
                commit("a1", "2024-02-16T23:59:00+01:00", alice),  // 23:59 local on `to`: counts
                commit("a2", "2024-02-17T00:00:00+01:00", alice),  // 00:00 the day after: doesn't
                commit("a3", "2024-02-16T22:59:30+00:00", bob),  // written in UTC, 23:59:30 in Paris: counts
                commit("a4", "2024-02-16T23:00:00+00:00", bob),  // UTC date is `to`, Paris date is the 17th: doesn't
                commit("a5", "2024-01-07T23:00:00+00:00", carol),  // UTC the 7th, Paris 00:00 the 8th: counts
                commit("a6", "2024-01-07T22:59:59+00:00", carol),  // Paris 23:59:59 the 7th: doesn't
                commit("a7", "2024-01-08T05:00:00+14:00", carol),  // Kiritimati the 8th, Paris the 7th 16:00: doesn't
                commit("a8", "2024-02-16T13:00:00-10:00", carol),  // Honolulu the 16th, Paris the 17th 00:00: doesn't
            ])
        XCTAssertEqual(result.work.total.commits, 3)
    }

    func testTimezoneDefaultsToUTC() {
        let result = aggregate(
            residency(),
            [
                commit("a1", "2024-02-16T23:59:59+00:00", alice),
                commit("a2", "2024-02-17T00:30:00+01:00", alice),  // 23:30 UTC on `to`: counts in UTC
                commit("a3", "2024-02-16T23:30:00-01:00", alice),  // 00:30 UTC the 17th: doesn't
            ])
        XCTAssertEqual(result.work.total.commits, 2)
    }

    func testOnlyTheResidentAndTheTeamCountAndBotsAreNoParticipants() {
        let result = aggregate(
            residency(),
            [
                commit("a1", "2024-01-10T10:00:00+00:00", dan),  // not on the team
                commit("a2", "2024-01-10T10:00:00+00:00", dan, [alice]),  // the resident took part
                commit("a3", "2024-01-10T10:00:00+00:00", bot),  // a bot alone
                commit("a4", "2024-01-10T10:00:00+00:00", bot, [bob]),  // a team member co-authored
                commit("a5", "2024-01-10T10:00:00+00:00", Person(name: "Bob", email: "Bob@Payments.example")),
                commit("a6", "2024-01-10T10:00:00+00:00", alice, skipped: true),  // skipped: counts nowhere
            ])
        XCTAssertEqual(result.work.total.commits, 3)
        XCTAssertEqual(result.own.total.commits, 0)
        XCTAssertEqual(result.paired.total.commits, 1)
        XCTAssertEqual(result.pairings.map(\.commits), [0, 0])
    }

    func testOwnPairedAndPairingsByCategory() {
        let result = aggregate(
            residency(),
            [
                commit("a1", "2024-01-10T10:00:00+00:00", alice, [], .maintenance),  // own, alone
                commit("a2", "2024-01-10T10:00:00+00:00", alice, [bob], .investment),  // own, paired with Bob
                commit("a3", "2024-01-10T10:00:00+00:00", bob, [alice], .support),  // paired with Bob
                commit("a4", "2024-01-10T10:00:00+00:00", carol, [alice, bob], .investment),  // with both
                commit("a5", "2024-01-10T10:00:00+00:00", alice, [dan], .support),  // paired, no team member
                commit("a6", "2024-01-10T10:00:00+00:00", alice, [copilot], .investment),  // an AI is no partner
                commit("a7", "2024-01-10T10:00:00+00:00", bob, [carol], .unclassified),  // team without resident
            ])
        XCTAssertEqual(result.work.total.commits, 7)
        XCTAssertEqual(result.own.total.commits, 4)
        XCTAssertEqual(result.own[.investment].commits, 2)
        XCTAssertEqual(result.paired.total.commits, 4)
        XCTAssertEqual(Category.allCases.map { result.paired[$0].commits }, [2, 0, 2, 0])
        XCTAssertEqual(result.pairings.map(\.partner), [bob, carol])
        XCTAssertEqual(result.pairings.map(\.commits), [3, 1])
        XCTAssertEqual(Category.allCases.map { result.pairings[0].work[$0].commits }, [2, 0, 1, 0])
        XCTAssertEqual(result.residents, [alice])
    }

    func testSameShaCountsOnceAcrossRepositories() {
        var analysis = try! ResidencyAnalysis(
            config: config([residency()]),
            defaultRepositories: [
                NamedRepository(path: "/r/payments-api"), NamedRepository(path: "/r/payments-api-mirror"),
                NamedRepository(path: "/r/../r/payments-api"),
            ])
        XCTAssertEqual(analysis.repositories.map(\.displayName), ["payments-api", "payments-api-mirror"])
        let shared = commit("a1", "2024-01-10T10:00:00+00:00", alice)
        analysis.add(shared, from: analysis.repositories[0])
        analysis.add(shared, from: analysis.repositories[1])
        analysis.add(commit("a2", "2024-01-10T10:00:00+00:00", bob), from: analysis.repositories[1])
        let report = analysis.report()
        XCTAssertEqual(report.residencies[0].work.total.commits, 2)
        XCTAssertEqual(report.summary.work.total.commits, 2)
    }

    func testCommitsGoOnlyToTheResidenciesOfTheirRepository() {
        var other = residency()
        other.name = "web"
        other.repositories = [NamedRepository(path: "/r/web")]
        var analysis = try! ResidencyAnalysis(
            config: config([residency(), other]),
            defaultRepositories: [NamedRepository(path: "/r/payments-api")])
        XCTAssertEqual(analysis.repositories.map(\.path), ["/r/payments-api", "/r/web"])
        analysis.add(commit("a1", "2024-01-10T10:00:00+00:00", alice), from: NamedRepository(path: "/r/web"))
        let report = analysis.report()
        XCTAssertEqual(report.residencies.map(\.work.total.commits), [0, 1])
        XCTAssertEqual(report.summary.failed, ["payments"], "no work at all fails")
        XCTAssertEqual(report.residencies[0].verdict.findings, [.noWork])
    }

    func testNoResidenciesIsAnInputError() {
        var empty = WorkmixConfig()
        empty.file = "/x/workmix.yml"
        XCTAssertThrowsError(try ResidencyAnalysis(config: empty, defaultRepositories: [])) { error in
            XCTAssertTrue("\(error)".contains("no residencies configured"), "\(error)")
            XCTAssertTrue("\(error)".contains("/x/workmix.yml"), "\(error)")
        }
    }

    /// Plan shares are compared with shares of the classified work; unclassified is a share of all work.
    func testSharesAgainstThePlanLeaveUnclassifiedOut() {
        let plan: [Category: Double] = [.investment: 0.5, .maintenance: 0.3, .support: 0.2]
        // 5 investment, 3 maintenance, 2 support, 2 unclassified: 50/30/20 of the 10 classified commits.
        var commits: [ClassifiedCommit] = []
        for (index, category)
            in (Array(repeating: Category.investment, count: 5) + Array(repeating: .maintenance, count: 3)
            + Array(repeating: .support, count: 2) + Array(repeating: .unclassified, count: 2)).enumerated()
        {
            commits.append(commit("c\(index)", "2024-01-10T10:00:00+00:00", alice, [], category))
        }
        let result = aggregate(residency(plan: plan), commits)
        XCTAssertEqual(result.share(of: .investment), 0.5, accuracy: 1e-12)
        XCTAssertEqual(result.share(of: .maintenance), 0.3, accuracy: 1e-12)
        XCTAssertEqual(result.share(of: .unclassified), 2.0 / 12, accuracy: 1e-12)
        XCTAssertEqual(result.delta[.investment]!, 0, accuracy: 1e-12)
        XCTAssertTrue(result.verdict.passed)

        let strict = aggregate(residency(plan: plan, maxUnclassified: 0.15), commits)
        XCTAssertEqual(strict.verdict.findings, [.tooMuchUnclassified(actual: 2.0 / 12, maximum: 0.15)])
    }

    func testToleranceEdgeAndCategoriesLeftOutOfThePlan() {
        // Plan 60/40/0; actual 5/4/1 of 10 = 50/40/10: investment exactly 10 points off passes; support 10 points passes.
        let plan: [Category: Double] = [.investment: 0.6, .maintenance: 0.4]
        let categories: [Category] = [
            .investment, .investment, .investment, .investment, .investment,
            .maintenance, .maintenance, .maintenance, .maintenance, .support,
        ]
        let commits = categories.enumerated().map { commit("c\($0)", "2024-01-10T10:00:00+00:00", alice, [], $1) }
        let result = aggregate(residency(plan: plan), commits)
        XCTAssertEqual(result.plan, [.investment: 0.6, .maintenance: 0.4, .support: 0])
        XCTAssertTrue(result.verdict.passed, "\(result.verdict.findings)")
        let tight = aggregate(residency(plan: plan, tolerance: 0.05), commits)
        XCTAssertEqual(tight.verdict.findings.count, 2)
        XCTAssertEqual(
            tight.verdict.findings.first?.description,
            "investment is 50% of classified work, 10 points below the plan's 60% (tolerance 5)")
    }

    /// Just beyond the tolerance, the reason shows the decimals that make it so.
    func testReasonsJustBeyondTheToleranceShowWhy() {
        typealias Finding = ResidencyVerdict.Finding
        XCTAssertEqual(
            Finding.offPlan(.investment, actual: 0.8004, planned: 0.7, tolerance: 0.1).description,
            "investment is 80.04% of classified work, 10.04 points above the plan's 70% (tolerance 10)")
        XCTAssertEqual(
            Finding.offPlan(.support, actual: 0.19999, planned: 0.3, tolerance: 0.1).description,
            "support is 19.999% of classified work, 10.001 points below the plan's 30% (tolerance 10)")
        XCTAssertEqual(
            Finding.tooMuchUnclassified(actual: 0.2004, maximum: 0.2).description,
            "unclassified is 20.04% of all work, above the 20% allowed")
        XCTAssertEqual(
            Finding.tooMuchUnclassified(actual: 0.25, maximum: 0.2).description,
            "unclassified is 25% of all work, above the 20% allowed")
        XCTAssertEqual(Percent.points(0.123456, distinctFrom: 0.1), "12.3")
    }

    func testMeasureChurnWeighsByLinesChanged() {
        let plan: [Category: Double] = [.investment: 0.8, .maintenance: 0.2]
        let commits = [
            commit("c1", "2024-01-10T10:00:00+00:00", alice, [], .investment, churn: 80),
            commit("c2", "2024-01-10T10:00:00+00:00", bob, [], .maintenance, churn: 10),
            commit("c3", "2024-01-10T10:00:00+00:00", bob, [], .maintenance, churn: 10),
            commit("c4", "2024-01-10T10:00:00+00:00", bob, [], .unclassified, churn: 5),
        ]
        let byCommits = aggregate(residency(plan: plan), measure: .commits, commits)
        XCTAssertEqual(byCommits.share(of: .investment), 1.0 / 3, accuracy: 1e-12)
        XCTAssertFalse(byCommits.verdict.passed)
        let byChurn = aggregate(residency(plan: plan), measure: .churn, commits)
        XCTAssertEqual(byChurn.work.total.churn, 105)
        XCTAssertEqual(byChurn.share(of: .investment), 0.8, accuracy: 1e-12)
        XCTAssertEqual(byChurn.share(of: .unclassified), 5.0 / 105, accuracy: 1e-12)
        XCTAssertTrue(byChurn.verdict.passed, "\(byChurn.verdict.findings)")
    }

    func testResidentRuleContext() {
        var config = WorkmixConfig()
        config.residencies = [residency(timezone: "Europe/Paris")]
        let context = RuleContext.residencies(of: config)
        XCTAssertTrue(context.isResident(commit("a", "2024-01-10T10:00:00+00:00", bob, [alice]).record))
        XCTAssertFalse(context.isResident(commit("b", "2024-01-10T10:00:00+00:00", bob).record))
        XCTAssertFalse(context.isResident(commit("c", "2024-02-16T23:30:00+00:00", alice).record), "after the window")
        XCTAssertFalse(RuleContext.residencies(of: WorkmixConfig()).isResident(commit("d", "2024-01-10T10:00:00+00:00", alice).record))
    }

    func config(_ residencies: [Residency]) -> WorkmixConfig {
        var config = WorkmixConfig()
        config.residencies = residencies
        return config
    }
}
