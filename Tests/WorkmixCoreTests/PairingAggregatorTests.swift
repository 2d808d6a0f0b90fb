import Foundation
import XCTest

@testable import WorkmixCore

/// The pairing counts of SPEC 5 on in-memory records, with hand counts.
final class PairingAggregatorTests: XCTestCase {
    static let ada = Person(name: "Ada", email: "ada@x.io")
    static let bob = Person(name: "Bob", email: "bob@x.io")
    static let cyd = Person(name: "Cyd", email: "cyd@x.io")
    static let dee = Person(name: "Dee", email: "dee@x.io")

    var serial = 0

    func commit(
        _ author: Person, _ coAuthors: [Person] = [], category: Category = .investment, skipped: Bool = false,
        seconds: Int64 = 1_600_000_000, offset: Int32 = 0, repo: String = "r",
        churn: Int? = nil
    ) -> ClassifiedCommit {
        serial += 1
        let changes: ChangeInfo = churn.map { .computed([FileChange(path: "f", insertions: $0, deletions: 0)]) } ?? .notComputed
        let record = CommitRecord(
            repo: repo, sha: String(format: "%040d", serial), author: author,
            authoredAt: Timestamp(seconds: seconds, offsetMinutes: offset),
            subject: "commit \(serial)", coAuthors: coAuthors, changeInfo: changes)
        return ClassifiedCommit(record: record, classification: Classification(category: category, skipped: skipped))
    }

    func report(
        _ commits: [ClassifiedCommit], filter: ParticipantFilter = ParticipantFilter(),
        _ selection: PairingSelection = PairingSelection()
    ) -> PairingReport {
        var aggregator = PairingAggregator(filter: filter)
        for commit in commits { aggregator.add(commit) }
        return aggregator.report(selection)
    }

    func pairNames(_ report: PairingReport) -> [String] {
        report.pairs.map { $0.people.map(\.name).joined(separator: "+") + "=\($0.commits)" }
    }

    func testMobCommitOfThreeCountsForEachOfItsThreePairs() {
        let r = report([commit(Self.ada, [Self.bob, Self.cyd])])
        XCTAssertEqual(pairNames(r), ["Ada+Bob=1", "Ada+Cyd=1", "Bob+Cyd=1"])
        XCTAssertEqual(r.pairingCommits, 1)
        XCTAssertEqual(r.people.map(\.pairedCommits), [1, 1, 1])
        XCTAssertEqual(r.people.map(\.partners), [2, 2, 2])
    }

    func testMobOfFourCountsSixPairs() {
        let r = report([commit(Self.ada, [Self.bob, Self.cyd, Self.dee])])
        XCTAssertEqual(r.pairs.count, 6)
        XCTAssertEqual(r.pairingCommits, 1)
    }

    func testSelfCoAuthoringIsNoPairing() {
        let loud = Person(name: "ADA", email: "ADA@X.IO")
        let r = report([commit(Self.ada, [loud]), commit(Self.ada, [Self.ada])])
        XCTAssertEqual(r.pairs, [])
        XCTAssertEqual(r.pairingCommits, 0)
        XCTAssertEqual(r.people.count, 1)
        XCTAssertEqual(r.people[0].commits, 2)
        XCTAssertEqual(r.people[0].pairedCommits, 0)
    }

    func testDuplicateCoAuthorsCountOnce() {
        let r = report([commit(Self.ada, [Self.bob, Person(name: "Bobby", email: "BOB@x.io"), Self.bob])])
        XCTAssertEqual(pairNames(r), ["Ada+Bob=1"])
        XCTAssertEqual(r.people.map(\.commits), [1, 1])
    }

    func testGitHubNoreplyAddressesOfOneLoginAreOnePerson() {
        let numbered = Person(name: "Bob", email: "12345+bob@users.noreply.github.com")
        let plain = Person(name: "Bob", email: "bob@users.noreply.github.com")
        let r = report([commit(Self.ada, [numbered]), commit(Self.ada, [plain]), commit(numbered, [plain])])
        XCTAssertEqual(r.pairs.count, 1)
        XCTAssertEqual(r.pairs[0].commits, 2)
        XCTAssertEqual(r.participantCount, 2)
    }

    func testSkippedCommitsCountNowhere() {
        let r = report([commit(Self.ada, [Self.bob], skipped: true), commit(Self.cyd)])
        XCTAssertEqual(r.pairs, [])
        XCTAssertEqual(r.commits, 1)
        XCTAssertEqual(r.people.map(\.person.name), ["Cyd"])
    }

    func testBotsAreNoPartners() throws {
        let dependabot = Person(name: "dependabot[bot]", email: "49699333+dependabot[bot]@users.noreply.github.com")
        let ci = Person(name: "Team CI", email: "ci@x.io")
        let filter = ParticipantFilter(extraBots: [try Pattern("(?i)^team ci\\b")])
        let r = report(
            [commit(Self.ada, [dependabot, Self.bob]), commit(Self.ada, [ci]), commit(dependabot, [Self.cyd])],
            filter: filter)
        XCTAssertEqual(pairNames(r), ["Ada+Bob=1"])
        XCTAssertEqual(r.commits, 3)
        XCTAssertEqual(r.pairingCommits, 1)
        XCTAssertEqual(r.people.first { $0.person == Self.ada }?.commits, 2)
        XCTAssertEqual(r.people.first { $0.person == Self.cyd }?.commits, 1)
        XCTAssertFalse(r.people.contains { $0.person.name.contains("bot") || $0.person == ci })
    }

    func testAIAssistantsArePartnersOnlyWhenTheConfigSaysSo() {
        let claude = Person(name: "Claude", email: "noreply@anthropic.com")
        let copilot = Person(name: "Copilot", email: "175728472+Copilot@users.noreply.github.com")
        let commits = [commit(Self.ada, [claude]), commit(Self.ada, [copilot, Self.bob])]
        XCTAssertEqual(pairNames(report(commits)), ["Ada+Bob=1"])
        let withAI = report(commits, filter: ParticipantFilter(aiPartners: true))
        XCTAssertEqual(pairNames(withAI), ["Ada+Bob=1", "Ada+Claude=1", "Ada+Copilot=1", "Bob+Copilot=1"])
        XCTAssertEqual(withAI.pairingCommits, 2)
    }

    /// Assistants are known by their vendors' addresses, or by name without an address of their own:
    /// people who share a first name with one stay people.
    func testPeopleNamedLikeAssistantsArePeople() {
        let filter = ParticipantFilter()
        for name in [
            "Claude Dupont <claude.dupont@acme.fr>", "Devin Patel <devin.patel@acme.com>",
            "Cody Banks <cody@x.io>", "Gemini Rao <gemini.rao@x.io>", "Aider Kaya <aider@x.io>",
        ] {
            XCTAssertFalse(filter.isAssistant(PersonMatcher(name).person), name)
        }
        for name in [
            "Claude <noreply@anthropic.com>", "Claude", "claude code", "GitHub Copilot",
            "Copilot <175728472+Copilot@users.noreply.github.com>", "Cursor Agent <cursoragent@cursor.com>",
            "aider (gpt-4o) <noreply@aider.chat>", "Devin AI <no-reply@devin.ai>", "Codex <noreply@openai.com>",
        ] {
            XCTAssertTrue(filter.isAssistant(PersonMatcher(name).person), name)
        }
        // The config's residents and team are people whatever the patterns say.
        let known = ParticipantFilter(extraBots: [try! Pattern("(?i)^deploy")], knownPeople: ["dan@x.io", "name:claude"])
        XCTAssertFalse(known.isBot(Person(name: "Deploy Dan", email: "dan@x.io")))
        XCTAssertFalse(known.isAssistant(Person(name: "Claude", email: "")))
        XCTAssertTrue(known.isBot(Person(name: "Deploy Bot", email: "bot@x.io")))
    }

    func testCategoryIsTheMostFrequentWithSpecTieOrder() {
        XCTAssertEqual(CategoryTally(investment: 1, maintenance: 1, support: 1).dominant, .investment)
        XCTAssertEqual(CategoryTally(maintenance: 2, support: 2).dominant, .maintenance)
        XCTAssertEqual(CategoryTally(investment: 1, support: 2).dominant, .support)
        XCTAssertEqual(CategoryTally(support: 2, unclassified: 2).dominant, .support)
        XCTAssertEqual(CategoryTally(support: 1, unclassified: 2).dominant, .unclassified)
        let r = report([
            commit(Self.ada, [Self.bob], category: .maintenance), commit(Self.ada, [Self.bob], category: .support),
            commit(Self.bob, [Self.ada], category: .support), commit(Self.ada, [Self.bob], category: .unclassified),
        ])
        XCTAssertEqual(r.pairs[0].byCategory, CategoryTally(maintenance: 1, support: 2, unclassified: 1))
        XCTAssertEqual(r.pairs[0].category, .support)
    }

    func testChurnDatesAndReposAcrossRepositories() {
        let r = report([
            commit(Self.ada, [Self.bob], seconds: 2_000, offset: 60, repo: "web", churn: 10),
            commit(Self.bob, [Self.ada], seconds: 1_000, offset: -300, repo: "api", churn: 5),
            commit(Self.ada, [Self.bob], seconds: 3_000, repo: "api"),
        ])
        let pair = r.pairs[0]
        XCTAssertEqual(pair.commits, 3)
        XCTAssertEqual(pair.churn, 15)
        XCTAssertEqual(pair.first, Timestamp(seconds: 1_000, offsetMinutes: -300))
        XCTAssertEqual(pair.last, Timestamp(seconds: 3_000, offsetMinutes: 0))
        XCTAssertEqual(pair.repos, ["api", "web"])
        XCTAssertNil(report([commit(Self.ada, [Self.bob])]).pairs[0].churn, "no stats at all: churn unknown")
    }

    func testPeopleCommitsSharesAndPartners() {
        let r = report([
            commit(Self.ada, [Self.bob]), commit(Self.ada, [Self.cyd]), commit(Self.ada), commit(Self.ada),
            commit(Self.dee),
        ])
        let ada = try? XCTUnwrap(r.people.first)
        XCTAssertEqual(ada?.person, Self.ada)
        XCTAssertEqual(ada?.commits, 4)
        XCTAssertEqual(ada?.pairedCommits, 2)
        XCTAssertEqual(ada?.pairedShare, 0.5)
        XCTAssertEqual(ada?.partners, 2)
        XCTAssertEqual(r.people.map(\.person.name), ["Ada", "Bob", "Cyd", "Dee"])
        XCTAssertEqual(r.people.last?.pairedShare, 0)
    }

    func testSortingSelectionAndMatrix() {
        var commits: [ClassifiedCommit] = []
        for _ in 0..<3 { commits.append(commit(Self.cyd, [Self.dee])) }
        for _ in 0..<2 { commits.append(commit(Self.bob, [Self.ada])) }
        for _ in 0..<2 { commits.append(commit(Self.ada, [Self.cyd])) }
        commits.append(commit(Self.bob, [Self.dee]))
        let all = report(commits)
        XCTAssertEqual(pairNames(all), ["Cyd+Dee=3", "Ada+Bob=2", "Ada+Cyd=2", "Bob+Dee=1"])
        XCTAssertEqual(all.matrix.people.map(\.name), ["Cyd", "Ada", "Dee", "Bob"])
        XCTAssertEqual(all.matrix.commits, [[0, 2, 3, 0], [2, 0, 0, 2], [3, 0, 0, 1], [0, 2, 1, 0]])

        let cut = report(commits, PairingSelection(minCommits: 2, top: 2))
        XCTAssertEqual(pairNames(cut), ["Cyd+Dee=3", "Ada+Bob=2"])
        XCTAssertEqual(cut.people.count, 2)
        XCTAssertEqual(cut.pairCount, 4)
        XCTAssertEqual(cut.participantCount, 4)
        XCTAssertEqual(cut.pairingCommits, 8)
        XCTAssertEqual(cut.matrix.people.map(\.name), ["Cyd", "Ada", "Dee", "Bob"])
        XCTAssertEqual(cut.matrix.commits[0], [0, 0, 3, 0], "only listed pairs")
        XCTAssertEqual(report(commits, PairingSelection(minCommits: 3)).pairs.count, 1)
    }

    func testDisplayIsTheMostFrequentSpellingAndOrderDoesNotMatter() {
        let formal = Person(name: "Robert", email: "Bob@X.io")
        let commits = [
            commit(formal, [Self.ada]), commit(Self.ada, [Self.bob]), commit(Self.cyd, [Self.bob]),
            commit(Self.ada, [Self.cyd], seconds: 5, offset: 60), commit(Self.cyd, [Self.ada], seconds: 5, offset: 0),
        ]
        let forward = report(commits)
        XCTAssertEqual(forward.people.first { $0.person.key == "bob@x.io" }?.person, Self.bob)
        XCTAssertEqual(forward, report(commits.reversed()))
    }
}
