import Foundation
import WorkmixTestSupport
import XCTest

@testable import WorkmixCore

/// Pairing on records built from real messages, read as the miner reads them (parser, then resolver).
final class PairingRealMessagesTests: XCTestCase {
    func record(
        author: Person, message: String, parser: CoAuthorParser, resolver: IdentityResolver = IdentityResolver(),
        repo: String = "r", sha: String = "0"
    ) -> ClassifiedCommit {
        let (subject, body) = MessageParts.split(message)
        let author = resolver.resolve(author)
        let record = CommitRecord(
            repo: repo, sha: sha, author: author, authoredAt: Timestamp(seconds: 0, offsetMinutes: 0),
            subject: subject, body: body,
            coAuthors: resolver.coAuthors(parser.people(in: message), author: author))
        return ClassifiedCommit(record: record, classification: .unclassified)
    }

    /// Every real message counts for exactly the pairs of its author and expected co-authors (a hand
    /// count from the fixture's `expected_coauthors`), and the totals add up.
    func testRealMessagesFromPublicRepositories() throws {
        let messages = try RealMessage.all()
        let parser = CoAuthorParser()
        var aggregator = PairingAggregator()
        var expected: [Set<String>: Int] = [:]
        var expectedPairingCommits = 0
        let filter = ParticipantFilter()
        for message in messages {
            let author = Person(name: message.author.name, email: message.author.email)
            let commit = record(author: author, message: message.message, parser: parser, repo: message.repo, sha: message.sha)
            aggregator.add(commit)
            let people = ([author] + message.expectedCoAuthors.map { Person(name: $0.name, email: $0.email) })
                .filter { !filter.isBot($0) && !($0 != author && filter.isAssistant($0)) }
            let keys = people.map(\.key)
            XCTAssertEqual(Set(keys).count, keys.count, message.sha)
            if keys.count > 1 { expectedPairingCommits += 1 }
            for i in keys.indices { for j in keys.indices where i < j { expected[[keys[i], keys[j]], default: 0] += 1 } }
        }
        let report = aggregator.report()
        XCTAssertEqual(report.commits, 61)
        XCTAssertEqual(report.pairingCommits, expectedPairingCommits)
        XCTAssertGreaterThan(expectedPairingCommits, 40)
        var got: [Set<String>: Int] = [:]
        for pair in report.pairs { got[Set(pair.people.map(\.key))] = pair.commits }
        XCTAssertEqual(got, expected)
        // The mob commit that opens the fixture: Eli, Supraja and Reid, three pairs.
        let mob = messages[0]
        XCTAssertEqual(mob.expectedCoAuthors.count, 2)
        XCTAssertNotNil(got[["ewrenn@pivotal.io", "snarasimhan@pivotal.io"]])
        XCTAssertNotNil(got[["ewrenn@pivotal.io", "rmitchell@pivotal.io"]])
        XCTAssertNotNil(got[["snarasimhan@pivotal.io", "rmitchell@pivotal.io"]])
    }

    /// git-duet teams recorded the partner as a `Signed-off-by` different from the author.
    func testSignedOffByPairsUnderPairTrailers() {
        let ada = Person(name: "Ada", email: "ada@x.io")
        let message = "Add the thing\n\nSigned-off-by: Bob <bob@x.io>\n"
        let selfSigned = "Fix the thing\n\nSigned-off-by: Ada <ada@x.io>\n"
        var plain = PairingAggregator(), duet = PairingAggregator()
        let duetParser = CoAuthorParser(keys: ["Co-authored-by", "Signed-off-by"])
        for text in [message, selfSigned] {
            plain.add(record(author: ada, message: text, parser: CoAuthorParser()))
            duet.add(record(author: ada, message: text, parser: duetParser))
        }
        XCTAssertEqual(plain.report().pairs.count, 0)
        let pairs = duet.report().pairs
        XCTAssertEqual(pairs.map { $0.people.map(\.email) }, [["ada@x.io", "bob@x.io"]])
        XCTAssertEqual(pairs.first?.commits, 1)
        XCTAssertEqual(duet.pairingCommits, 1)
    }

    /// One person under two emails, merged by a mailmap and by config identities before pairing.
    func testMailmapAndIdentitiesMergePeopleBeforePairing() {
        let mailmap = Mailmap(text: "Bob <bob@x.io> <robert@old.example>\n")
        var identities = IdentityTable()
        identities.add(canonical: Person(name: "Cyd", email: "cyd@x.io"), aliases: ["cyd@personal.example", "@cyd"])
        let resolver = IdentityResolver(mailmap: mailmap, identities: identities)
        let ada = Person(name: "Ada", email: "ada@x.io")
        var aggregator = PairingAggregator()
        for message in [
            "A\n\nCo-authored-by: Robert <ROBERT@old.example>", "B\n\nCo-authored-by: Bob <bob@x.io>",
            "C\n\nCo-authored-by: Cyd <cyd@personal.example>", "D\n\nCo-authored-by: @cyd",
        ] {
            aggregator.add(record(author: ada, message: message, parser: CoAuthorParser(), resolver: resolver))
        }
        let report = aggregator.report()
        XCTAssertEqual(report.pairs.map { "\($0.people[1].description)=\($0.commits)" }, ["Bob <bob@x.io>=2", "Cyd <cyd@x.io>=2"])
    }
}
