import Foundation
import WorkmixTestSupport
import XCTest
@testable import WorkmixCore

final class CoAuthorParserTests: XCTestCase {
    /// Every real message of ../shared/data (copied to Tests/Fixtures) yields exactly its expected co-authors.
    func testRealMessagesFromPublicRepositories() throws {
        let messages = try RealMessage.all()
        XCTAssertEqual(messages.count, 61)
        let parser = CoAuthorParser()
        let resolver = IdentityResolver()
        for message in messages {
            let author = Person(name: message.author.name, email: message.author.email)
            let got = resolver.coAuthors(parser.people(in: message.message), author: author)
            let expected = message.expected_coauthors.map { Person(name: $0.name, email: $0.email) }
            XCTAssertEqual(got, expected, "\(message.repo)@\(message.sha)")
        }
    }

    func testKeySpellings() {
        let parser = CoAuthorParser()
        let message = """
        Subject

        CoAuthored-by: A <a@x.io>
        co-authored by: B <b@x.io>
        Co-authored-by C <c@x.io>
        CO-AUTHORED-BY:D <d@x.io>
        coauthoredby: E <e@x.io>
        """
        XCTAssertEqual(parser.people(in: message).map(\.email), ["a@x.io", "b@x.io", "c@x.io", "d@x.io", "e@x.io"])
    }

    func testValueShapes() {
        XCTAssertEqual(CoAuthorParser.person(from: "Jane Doe <jane@x.io>"), Person(name: "Jane Doe", email: "jane@x.io"))
        XCTAssertEqual(CoAuthorParser.person(from: "Jane Doe jane@x.io"), Person(name: "Jane Doe", email: "jane@x.io"))
        XCTAssertEqual(CoAuthorParser.person(from: "Jane Doe <jane@x.io><"), Person(name: "Jane Doe", email: "jane@x.io"))
        XCTAssertEqual(CoAuthorParser.person(from: "@jane"), Person(name: "@jane", email: ""))
        XCTAssertEqual(CoAuthorParser.person(from: "Jane Doe"), Person(name: "Jane Doe", email: ""))
        XCTAssertEqual(CoAuthorParser.person(from: "  Jane   <jane@x.io>  "), Person(name: "Jane", email: "jane@x.io"))
    }

    func testMalformedValuesAreNoPerson() {
        XCTAssertNil(CoAuthorParser.person(from: ""))
        XCTAssertNil(CoAuthorParser.person(from: "   "))
        XCTAssertNil(CoAuthorParser.person(from: "RFC Community <https://github.com/cloudfoundry/community/pull/1438>"))
        XCTAssertNil(CoAuthorParser.person(from: "Nobody <null>"))
        XCTAssertNil(CoAuthorParser.person(from: "Nobody <>"))
        XCTAssertNil(CoAuthorParser.person(from: "<"))
    }

    func testBulletsIndentationAndCRLF() {
        let message = "Squash (#12)\r\n\r\n* part one\r\n  - Co-authored-by: A <a@x.io>\r\n\t* co-authored-by: B <b@x.io>\r\n"
        XCTAssertEqual(CoAuthorParser().people(in: message).map(\.email), ["a@x.io", "b@x.io"])
    }

    func testWordBoundaryWithoutColon() {
        XCTAssertTrue(CoAuthorParser().people(in: "s\n\nCo-authored-bytes: 12").isEmpty)
        XCTAssertEqual(CoAuthorParser().people(in: "s\n\nco-authored by Jane Doe").first, Person(name: "Jane Doe", email: ""),
                      "a prose line starting with the key reads as a name, as git-duet users wrote it")
    }

    func testPairTrailersAddSignedOffBy() {
        let parser = CoAuthorParser(keys: ["Co-authored-by", "Signed-off-by"])
        let message = "Pair on parser\n\nSigned-off-by: Ada <ada@x.io>\nSigned-off-by: Bob <bob@x.io>\n"
        let people = IdentityResolver().coAuthors(parser.people(in: message), author: Person(name: "Ada", email: "ADA@x.io"))
        XCTAssertEqual(people, [Person(name: "Bob", email: "bob@x.io")])
    }

    func testDuplicatesAndSelfAreRemovedAfterMailmap() {
        let mailmap = Mailmap(text: "Bob Builder <bob@x.io> <bob@old.io>\n")
        let resolver = IdentityResolver(mailmap: mailmap)
        let raw = [Person(name: "bob", email: "BOB@old.io"), Person(name: "Bob B", email: "bob@x.io"),
                   Person(name: "Ada", email: "ada@x.io")]
        XCTAssertEqual(resolver.coAuthors(raw, author: Person(name: "Ada L", email: "Ada@X.io")),
                       [Person(name: "Bob Builder", email: "bob@x.io")])
    }
}
