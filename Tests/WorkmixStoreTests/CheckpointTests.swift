import Foundation
import WorkmixCore
import WorkmixStore
import XCTest

/// A report's checkpoint (SPEC 8): what the residencies, follow-through and the census added up,
/// encoded, decoded and given the remaining commits, adds up to what all the commits give at once —
/// whichever commits came first.
final class CheckpointTests: XCTestCase {
    let alice = Person(name: "Alice Martin", email: "alice@platform.example")
    let bob = Person(name: "Bob Li", email: "bob@payments.example")
    let carol = Person(name: "Carol Diaz", email: "carol@payments.example")
    let dan = Person(name: "Dan Wu", email: "dan@payments.example")
    let bot = Person(name: "dependabot[bot]", email: "49699333+dependabot[bot]@users.noreply.github.com")
    let repositories = [NamedRepository(path: "/r/payments-api"), NamedRepository(path: "/r/checkout-web")]

    func testPackedColumnsRoundTripAndDamageIsNoValue() throws {
        let shas = ["2d758d649ea051b94d8da8a76dbf78f86e9c59d1", "0000000000000000000000000000000000000000"]
        // Shas are kept as bytes; other texts, mixed widths and capitals as they are.
        for strings in [[], [""], ["a", "", "é\u{1F600}", String(repeating: "f", count: 40)], shas, shas + ["ab"], ["AB", "ab"], ["f1", "0a"]] {
            let decoded = try JSONDecoder().decode(PackedStrings.self, from: JSONEncoder().encode(PackedStrings(strings)))
            XCTAssertEqual(decoded.strings, strings)
        }
        let lists = [[], [0], [1, -1, 127, 128, -129, 1 << 40, Int.max, Int.min], [300]]
        let packed = try JSONDecoder().decode(PackedIntegers.self, from: JSONEncoder().encode(PackedIntegers(lists: lists)))
        XCTAssertEqual(packed.lists, lists)
        XCTAssertNil(packed.values, "not one value per row")
        XCTAssertEqual(PackedIntegers([5, -7, 0]).values, [5, -7, 0])
        // A count that does not match, bytes cut inside a list.
        XCTAssertNil(try JSONDecoder().decode(PackedStrings.self, from: Data(#"{"text":"3\u0000a"}"#.utf8)).strings)
        XCTAssertNil(try JSONDecoder().decode(PackedStrings.self, from: Data(#"{"text":"x"}"#.utf8)).strings)
        XCTAssertNil(try JSONDecoder().decode(PackedStrings.self, from: Data(#"{"width":40,"bytes":"AAAA"}"#.utf8)).strings)
        // {"width":40,"bytes":"<40 bytes in 56 base64 digits>"}, against 104 as text.
        XCTAssertEqual(try JSONEncoder().encode(PackedStrings(shas)).count, 79)
        XCTAssertEqual(try JSONEncoder().encode(PackedStrings(shas.map { $0.uppercased() })).count, 104)
        let cut = try JSONEncoder().encode(Data([3, 2]))
        XCTAssertNil(try JSONDecoder().decode(PackedIntegers.self, from: cut).lists)
    }

    func residencies() -> [Residency] {
        [
            Residency(
                name: "payments", residents: [PersonMatcher(alice.email)], team: [PersonMatcher(bob.email), PersonMatcher(carol.email)],
                repos: [repositories[0].path], from: CivilDate(year: 2024, month: 1, day: 8), to: CivilDate(year: 2024, month: 2, day: 16)),
            Residency(
                name: "checkout", residents: [PersonMatcher(alice.email)], team: [PersonMatcher(dan.email)],
                repos: repositories.map(\.path), from: CivilDate(year: 2024, month: 2, day: 1), to: CivilDate(year: 2024, month: 3, day: 15)),
        ]
    }

    /// Sixty-four commits over both repositories, before, in and after the windows: residents, team, others
    /// and a bot, alone and paired, every category, merges. (A commit in both repositories counts where
    /// it came first: a run that finds a checkpoint's commit new in another repository reads everything.)
    func commits() -> [(repository: Int, commit: ClassifiedCommit)] {
        let people = [alice, bob, carol, dan, bot]
        let categories: [Category] = [.investment, .maintenance, .support, .unclassified]
        let areas = ["api/refunds/a.go", "api/payouts/b.go", "web/cart/c.js", "docs/d.md"]
        return (0..<60).map { index in
            let day = 1 + (index * 7) % 100
            let date = Calendar(identifier: .gregorian).date(
                from: DateComponents(timeZone: TimeZone(identifier: "UTC"), year: 2024, month: 1, day: day, hour: 10))!
            let record = CommitRecord(
                repo: "r", sha: String(format: "%040x", index), parents: index % 11 == 0 ? ["p", "q"] : ["p"],
                author: people[index % 5], authoredAt: Timestamp(seconds: Int64(date.timeIntervalSince1970), offsetMinutes: 0),
                subject: "s", coAuthors: index % 3 == 0 ? [people[(index + 1) % 5]] : [],
                changeInfo: .computed([FileChange(path: areas[(index / 3) % 3], insertions: index, deletions: 1)]))
            return (index % 2, ClassifiedCommit(record: record, classification: Classification(category: categories[index % 4])))
        } + [
            // Chains that follow: Bob's investment then Dan's maintenance; Alice's support then Dan's investment.
            (0, follow("f1", .investment, "2024-01-20T10:00:00Z", bob, "api/refunds/x.go")),
            (0, follow("f2", .maintenance, "2024-01-25T10:00:00Z", dan, "api/refunds/y.go")),
            (0, follow("f3", .support, "2024-02-05T10:00:00Z", alice, "web/cart/z.js")),
            (0, follow("f4", .investment, "2024-02-10T10:00:00Z", dan, "web/cart/w.js")),
        ]
    }

    func follow(_ sha: String, _ category: Category, _ date: String, _ author: Person, _ path: String) -> ClassifiedCommit {
        let record = CommitRecord(
            sha: sha, parents: ["p"], author: author, authoredAt: DateParser.parseTimestamp(date)!, subject: sha,
            changeInfo: .computed([FileChange(path: path, insertions: 1)]))
        return ClassifiedCommit(record: record, classification: Classification(category: category))
    }

    func config() -> WorkmixConfig {
        var config = WorkmixConfig()
        config.residencies = residencies()
        config.followThrough = FollowThroughSettings(weeks: 4, by: .anyone)
        return config
    }

    func roundTrip<T: Codable>(_ value: T) throws -> T {
        try JSONDecoder().decode(T.self, from: JSONEncoder().encode(value))
    }

    func testAnalysisRestoredAndGivenTheRestEqualsAllAtOnce() throws {
        let commits = commits()
        func fresh() throws -> ResidencyAnalysis { try ResidencyAnalysis(config: config(), defaultRepositories: []) }
        var whole = try fresh()
        for (repository, commit) in commits { whole.add(commit, fromRepositoryAt: repository) }
        for split in [0, 1, 25, 61, 64] {
            // The later commits first, as a run after new commits adds them after the checkpoint's.
            var first = try fresh()
            for (repository, commit) in commits[split...] { first.add(commit, fromRepositoryAt: repository) }
            var resumed = try fresh()
            XCTAssertTrue(resumed.restore(try roundTrip(first.checkpoint)))
            for (repository, commit) in commits[..<split] { resumed.add(commit, fromRepositoryAt: repository) }
            assertSame(resumed.report(), whole.report(), "split at \(split)")
        }
        var other = try ResidencyAnalysis(
            config: {
                var c = config(); c.residencies.removeLast(); return c
            }(), defaultRepositories: [])
        XCTAssertFalse(other.restore(whole.checkpoint), "a checkpoint of other residencies is not taken")
    }

    func assertSame(_ a: ResidencyReport, _ b: ResidencyReport, _ message: String, line: UInt = #line) {
        XCTAssertEqual(a.summary.work, b.summary.work, message, line: line)
        XCTAssertEqual(a.residencies.count, b.residencies.count, message, line: line)
        for (x, y) in zip(a.residencies, b.residencies) {
            XCTAssertEqual(x.work, y.work, message, line: line)
            XCTAssertEqual(x.own, y.own, message, line: line)
            XCTAssertEqual(x.paired, y.paired, message, line: line)
            XCTAssertEqual(x.pairings, y.pairings, message, line: line)
            XCTAssertEqual(x.weeks, y.weeks, message, line: line)
            XCTAssertEqual(x.residents, y.residents, message, line: line)
        }
        XCTAssertGreaterThan(b.summary.work.total.commits, 0, "the commits count somewhere")
    }

    func testFollowThroughRestoredAndGivenTheRestEqualsAllAtOnce() throws {
        let commits = commits()
        func fresh() -> FollowThroughCollector {
            FollowThroughCollector(config: config(), repositories: repositories, defaultRepositories: [])
        }
        var whole = fresh()
        for (repository, commit) in commits { whole.add(commit, fromRepositoryAt: repository) }
        XCTAssertGreaterThan(whole.result().summary.supportToInvestment.followed, 0, "support followed by investment")
        XCTAssertGreaterThan(whole.result().summary.investmentToMaintenance.followed, 0)
        for split in [0, 7, 30, 62, 64] {
            var first = fresh()
            for (repository, commit) in commits[split...] { first.add(commit, fromRepositoryAt: repository) }
            var resumed = fresh()
            XCTAssertTrue(resumed.restore(try roundTrip(first.checkpoint)))
            for (repository, commit) in commits[..<split] { resumed.add(commit, fromRepositoryAt: repository) }
            XCTAssertEqual(resumed.result().summary, whole.result().summary, "split at \(split)")
            XCTAssertEqual(resumed.result().residencies, whole.result().residencies, "split at \(split)")
        }
        var fewer = FollowThroughCollector(config: config(), repositories: [repositories[0]], defaultRepositories: [])
        XCTAssertFalse(fewer.restore(whole.checkpoint), "a checkpoint of other repositories is not taken")
    }

    func testCensusRestoredAndGivenTheRestMakesTheSamePeople() throws {
        let spellings = [
            alice, bob, Person(name: "Bob Li", email: "bob.li@gmail.com"), carol, Person(name: "carol", email: "CAROL@payments.example"), bot,
        ]
        let traces = (0..<40).map { index in
            [spellings[index % 6], spellings[(index * 5 + 1) % 6]].map { IdentityTrace(written: $0, mailmapped: $0, resolved: $0) }
        }
        var whole = IdentityCensus()
        for trace in traces { whole.add(trace) }
        var first = IdentityCensus()
        for trace in traces[20...] { first.add(trace) }
        var resumed = try XCTUnwrap(IdentityCensus(checkpoint: try roundTrip(first.checkpoint)))
        for trace in traces[..<20] { resumed.add(trace) }
        let a = People(census: resumed), b = People(census: whole)
        XCTAssertEqual(a.everyone.map(\.person), b.everyone.map(\.person))
        XCTAssertEqual(a.everyone.map(\.commits), b.everyone.map(\.commits))
        XCTAssertEqual(a.everyone.map(\.pairedCommits), b.everyone.map(\.pairedCommits))
        XCTAssertEqual(a.everyone.map(\.aliases), b.everyone.map(\.aliases))
        XCTAssertEqual(resumed.bots, whole.bots)
        XCTAssertGreaterThan(b.everyone.count, 2)
        // A group of an identity it does not hold, a spelling of a person it does not name: no census.
        for (field, value) in [("groups", PackedIntegers(lists: [[1, 999]])), ("spellings", PackedIntegers(lists: [[999, 1]]))] {
            var json = try XCTUnwrap(JSONSerialization.jsonObject(with: JSONEncoder().encode(whole.checkpoint)) as? [String: Any])
            json[field] = try JSONSerialization.jsonObject(with: JSONEncoder().encode(value), options: .fragmentsAllowed)
            let damaged = try JSONDecoder().decode(IdentityCensus.Checkpoint.self, from: JSONSerialization.data(withJSONObject: json))
            XCTAssertNil(IdentityCensus(checkpoint: damaged), field)
        }
    }
}
