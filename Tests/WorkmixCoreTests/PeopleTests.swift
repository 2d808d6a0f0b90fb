import Foundation
import XCTest

@testable import WorkmixCore

/// Identities merged into people (issue 17): same name, address typos, `distinct`, bots by name.
final class PeopleTests: XCTestCase {
    static let jane = Person(name: "Jane Doe", email: "jane@corp.com")
    static let janeHome = Person(name: "jane  doe", email: "jane.doe@home.example")
    static let janeNoreply = Person(name: "Jane Doe", email: "123+janed@users.noreply.github.com")
    static let bob = Person(name: "Bob Li", email: "bob@corp.com")

    /// A commit's people as the miner traces them: written as resolved (no mailmap here).
    func traces(_ people: [Person]) -> [IdentityTrace] {
        people.map { IdentityTrace(written: $0, mailmapped: $0, resolved: $0) }
    }

    func people(
        _ commits: [[Person]], options: PeopleOptions = PeopleOptions(),
        filter: ParticipantFilter = ParticipantFilter()
    ) -> People {
        var census = IdentityCensus(filter: filter)
        for commit in commits { census.add(traces(commit)) }
        return People(census: census, options: options)
    }

    func testOneNameUnderThreeAddressesIsOnePersonShownAsUsedMost() {
        let directory = people([[Self.jane, Self.bob], [Self.jane], [Self.janeHome, Self.bob], [Self.janeNoreply, Self.bob]])
        XCTAssertEqual(directory.everyone.map(\.person), [Person(name: "Jane Doe", email: "jane@corp.com"), Self.bob])
        let jane = directory.everyone[0]
        XCTAssertEqual(jane.identities.count, 3)
        XCTAssertEqual(jane.commits, 4)
        XCTAssertEqual(jane.pairedCommits, 3)
        XCTAssertEqual(jane.aliases, [Self.janeNoreply, Self.janeHome].sorted())
        XCTAssertEqual(Set(jane.merges.map(\.reason)), [.sameName])
        for identity in [Self.jane, Self.janeHome, Self.janeNoreply] {
            XCTAssertEqual(directory.resolve(identity), jane.person)
        }
        XCTAssertEqual(directory.resolve(Person(name: "Someone", email: "else@x.io")).email, "else@x.io")
        XCTAssertEqual(directory.resolve(Person(name: "JANE DOE", email: "")), jane.person, "a name written alone")
    }

    /// A pair's shared address, written under both names, joins the name it is used with most: no
    /// chain from one person to the other through it.
    func testASharedAddressJoinsTheNameItUsesMostOnly() {
        let pairAddress = "pair+jane+bob@corp.com"
        let directory = people([
            [Person(name: "Jane Doe", email: pairAddress)], [Person(name: "Jane Doe", email: pairAddress)],
            [Person(name: "Bob Li", email: pairAddress)], [Self.jane], [Self.bob],
        ])
        XCTAssertEqual(
            directory.everyone.map(\.person), [Person(name: "Jane Doe", email: pairAddress), Self.bob],
            "shown with the address used most")
        XCTAssertEqual(directory.everyone.map(\.commits), [4, 1])
        XCTAssertEqual(directory.resolve(Self.jane), directory.everyone[0].person)
    }

    func testTwoIdentitiesOfOnePersonInOneCommitCountOnceAndPairWithNobody() {
        let directory = people([[Self.jane, Self.janeHome]])
        XCTAssertEqual(directory.everyone.count, 1)
        XCTAssertEqual(directory.everyone[0].commits, 1)
        XCTAssertEqual(directory.everyone[0].pairedCommits, 0)
    }

    func testWithoutSameNameMergingOnlyTyposOfOneAddressMerge() {
        let typos = [
            Person(name: "Jo Kim", email: "jo@@corp.com"), Person(name: "Jo Kim", email: "jo@cprp.com"),
            Person(name: "Jo Kim", email: "jo@corp"), Person(name: "Jo Kim", email: "jo@corp.com"),
        ]
        let other = Person(name: "Jo Kim", email: "jokim@gmail.com")
        let directory = people(typos.map { [$0] } + [[typos[3]], [other]], options: PeopleOptions(mergeSameName: false))
        XCTAssertEqual(directory.everyone.map(\.person.email), ["jo@corp.com", "jokim@gmail.com"])
        XCTAssertEqual(directory.everyone[0].identities.count, 4)
        XCTAssertEqual(Set(directory.everyone[0].merges.map(\.reason)), [.addressTypo])
    }

    func testTyposAreOneLetterInLongDomainsOnly() {
        XCTAssertTrue(IdentitySimilarity.areTypos("jdoe@@corp.com", "jdoe@corp.com"))
        XCTAssertTrue(IdentitySimilarity.areTypos("jdoe@cprp.com", "JDOE@corp.com"))
        XCTAssertTrue(IdentitySimilarity.areTypos("jdoe@corp", "jdoe@corp.com"))
        XCTAssertTrue(IdentitySimilarity.areTypos("jdoe@crop.com", "jdoe@corp.com"), "two letters swapped")
        XCTAssertTrue(IdentitySimilarity.areTypos("jdoe@corpp.com", "jdoe@corp.com"))
        XCTAssertFalse(IdentitySimilarity.areTypos("alex@a.io", "alex@b.io"), "short domains: two places")
        XCTAssertFalse(IdentitySimilarity.areTypos("jdoe@corp.com", "jdoe@corp.org"))
        XCTAssertFalse(IdentitySimilarity.areTypos("jdoe@corp.com", "jdo@corp.com"))
        XCTAssertFalse(IdentitySimilarity.areTypos("jdoe@corp", "jdoe@corp.co.uk"), "a missing label, not two")
    }

    func testDistinctKeepsTwoPeopleOfOneNameApart() {
        let a = Person(name: "Alex Kim", email: "alex@a.io"), b = Person(name: "Alex Kim", email: "alex@b.io")
        let directory = people([[a, Self.bob], [b, Self.bob], [b]], options: PeopleOptions(distinct: [a.key, b.key]))
        XCTAssertEqual(directory.everyone.map(\.person), [b, Self.bob, a])
        XCTAssertNotEqual(directory.resolve(a), directory.resolve(b))
        XCTAssertEqual(directory.resolve(Person(name: "Alex Kim", email: "")).email, "", "two people of that name: neither")
    }

    func testBotsByNameAreNoPeople() {
        let bots = [
            Person(name: "Acme-Bot", email: "ci@acme.io"), Person(name: "acme-bot", email: "acme@ci.example"),
            Person(name: "Release Bot", email: "r@x.io"), Person(name: "bot", email: "b@x.io"),
            Person(name: "Deploy", email: "deploy_bot@x.io"), Person(name: "Jenkins", email: "j@ci.x.io"),
        ]
        let filter = ParticipantFilter()
        for bot in bots { XCTAssertTrue(filter.isBot(bot), bot.description) }
        for person in [
            Person(name: "Ann Abbot", email: "abbot@x.io"), Person(name: "Robot Smith", email: "rs@x.io"),
            Person(name: "Mark Jenkins", email: "mj@x.io"), Person(name: "Talbot", email: "talbot@x.io"),
        ] {
            XCTAssertFalse(filter.isBot(person), person.description)
        }
        let directory = people([[Self.jane] + bots, [bots[0], Self.bob]])
        XCTAssertEqual(directory.everyone.map(\.person), [Self.bob, Self.jane], "one commit each: by name")
        XCTAssertEqual(directory.everyone.map(\.pairedCommits), [0, 0])
    }

    func testSuggestionsForSharedLocalPartsAccentsAndMiddleInitials() {
        let jose = Person(name: "José Díaz", email: "jd@corp.com"), jose2 = Person(name: "Jose Diaz", email: "jose@home.io")
        let john = Person(name: "John Q. Public", email: "jqp@corp.com"), john2 = Person(name: "John Public", email: "john@x.io")
        let sam = Person(name: "Sam Roe", email: "sroe@corp.com"), samantha = Person(name: "Samantha Roe", email: "sroe@gmail.com")
        let info = [Person(name: "Ann", email: "info@a.io"), Person(name: "Ben", email: "info@b.io")]
        let directory = people([[jose], [jose2], [john], [john2], [sam], [samantha]] + info.map { [$0] })
        let suggested = directory.suggestions.map { Set($0.people.map(\.name)) }
        XCTAssertEqual(Set(suggested), [["José Díaz", "Jose Diaz"], ["John Q. Public", "John Public"], ["Sam Roe", "Samantha Roe"]])
    }

    /// The `resident` matcher knows every address of the person a residency names (issue 17.5).
    func testResidentMatcherKnowsEveryAddressOfTheResident() throws {
        var config = WorkmixConfig()
        config.residencies = [
            Residency(
                name: "q1", residents: [PersonMatcher("jane@corp.com")],
                from: CivilDate(year: 2024, month: 1, day: 1), to: CivilDate(year: 2024, month: 1, day: 31))
        ]
        let directory = people([[Self.jane], [Self.janeHome, Self.bob]])
        let record = CommitRecord(
            sha: "a", author: Self.bob, authoredAt: try XCTUnwrap(DateParser.parseTimestamp("2024-01-10T10:00:00Z")),
            subject: "s", coAuthors: [Self.janeHome])
        XCTAssertFalse(RuleContext.residencies(of: config).isResident(record), "by the address the config names only")
        XCTAssertTrue(RuleContext.residencies(of: config, people: directory).isResident(record))
    }
}
