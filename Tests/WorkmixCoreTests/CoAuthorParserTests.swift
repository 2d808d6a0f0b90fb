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
            let expected = message.expectedCoAuthors.map { Person(name: $0.name, email: $0.email) }
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
        XCTAssertEqual(
            CoAuthorParser().people(in: "s\n\nco-authored by Jane Doe").first, Person(name: "Jane Doe", email: ""),
            "a prose line starting with the key reads as a name, as git-duet users wrote it")
    }

    // MARK: Folded values (git interpret-trailers unfolds indented continuation lines)

    func testFoldedEmailIsUnfolded() {
        let parser = CoAuthorParser()
        XCTAssertEqual(
            parser.people(in: "pair\n\nCo-authored-by: Quinn\n  <quinn@x.io>\n"),
            [Person(name: "Quinn", email: "quinn@x.io")])
        XCTAssertEqual(
            parser.people(in: "pair\r\n\r\nCo-authored-by: Quinn\r\n\t<quinn@x.io>\r\n"),
            [Person(name: "Quinn", email: "quinn@x.io")], "CRLF and a tab")
        XCTAssertEqual(
            parser.people(in: "pair\n\nCo-authored-by: Quinn Q\n  quinn@x.io\n"),
            [Person(name: "Quinn Q", email: "quinn@x.io")], "a bare email continues the value")
        XCTAssertEqual(
            parser.people(in: "pair\n\nCo-authored-by: Quinn <\n  <quinn@x.io>\n"),
            [Person(name: "Quinn", email: "quinn@x.io")], "a stray `<` before the fold")
        XCTAssertEqual(
            parser.people(in: "Squash (#3)\n\n* part\n  - Co-authored-by: Quinn\n      <quinn@x.io>\n  - Co-authored-by: B <b@x.io>\n"),
            [Person(name: "Quinn", email: "quinn@x.io"), Person(name: "B", email: "b@x.io")],
            "in a squash merge's indented bullet list")
    }

    func testIndentedCoAuthorLinesInARowStaySeparate() {
        let parser = CoAuthorParser()
        let sameIndent = "Squash (#7)\n\n    Co-authored-by: A <a@x.io>\n    Co-authored-by: B <b@x.io>\n"
        XCTAssertEqual(parser.people(in: sameIndent), [Person(name: "A", email: "a@x.io"), Person(name: "B", email: "b@x.io")])
        // Even when the first has no email and the second is indented deeper: a key line is never a continuation.
        let deeper = "Squash (#7)\n\n    Co-authored-by: A\n      Co-authored-by: B <b@x.io>\n"
        XCTAssertEqual(parser.people(in: deeper), [Person(name: "A", email: ""), Person(name: "B", email: "b@x.io")])
        let deeperBullet = "Squash (#7)\n\n  Co-authored-by: @a\n    - co-authored by b@x.io\n"
        XCTAssertEqual(parser.people(in: deeperBullet), [Person(name: "@a", email: ""), Person(name: "b@x.io", email: "b@x.io")])
    }

    func testLinesThatAreNoContinuation() {
        let parser = CoAuthorParser()
        XCTAssertEqual(
            parser.people(in: "pair\n\nCo-authored-by: Quinn\n<quinn@x.io>\n"), [Person(name: "Quinn", email: "")],
            "not indented: no continuation")
        XCTAssertEqual(
            parser.people(in: "pair\n\n    Co-authored-by: Quinn\n  <quinn@x.io>\n"), [Person(name: "Quinn", email: "")],
            "indented less than the key line: no continuation")
        XCTAssertEqual(
            parser.people(in: "pair\n\n  Co-authored-by: Quinn\n  <quinn@x.io>\n"), [Person(name: "Quinn", email: "")],
            "indented as much as the key line: no continuation")
        XCTAssertEqual(
            parser.people(in: "pair\n\nCo-authored-by: Quinn\n  and then some prose\n"), [Person(name: "Quinn", email: "")],
            "prose is neither `<…` nor an email")
        XCTAssertEqual(
            parser.people(in: "pair\n\nCo-authored-by: Quinn\n\n  <quinn@x.io>\n"), [Person(name: "Quinn", email: "")],
            "a blank line ends the value")
        XCTAssertEqual(
            parser.people(in: "pair\n\nCo-authored-by: A <a@x.io>\n  <other@x.io>\n"), [Person(name: "A", email: "a@x.io")],
            "a value that has its email is complete")
    }

    func testFoldedValuesThatAreNoPerson() {
        let parser = CoAuthorParser()
        XCTAssertTrue(
            parser.people(in: "s\n\nCo-authored-by: RFC Community\n  <https://github.com/cloudfoundry/community/pull/1438>\n").isEmpty,
            "a bracketed value that is no email stays no person when folded")
        XCTAssertTrue(parser.people(in: "s\n\nCo-authored-by: Nobody\n  <null>\n").isEmpty)
        XCTAssertTrue(parser.people(in: "s\n\nCo-authored-by:\n").isEmpty, "an empty value is skipped")
        XCTAssertTrue(
            parser.people(in: "s\n\nCo-authored-by:   \n  <quinn@x.io>\n").isEmpty,
            "an empty value is skipped, and is not completed by the next line")
    }

    // MARK: Values without angle brackets

    func testEmailInParentheses() {
        XCTAssertEqual(CoAuthorParser.person(from: "Jane Doe (jane@x.io)"), Person(name: "Jane Doe", email: "jane@x.io"))
        XCTAssertEqual(CoAuthorParser.person(from: "(jane@x.io)"), Person(name: "jane@x.io", email: "jane@x.io"))
        XCTAssertEqual(CoAuthorParser().people(in: "s\n\nCo-authored-by: Jane Doe (jane@x.io)\n"), [Person(name: "Jane Doe", email: "jane@x.io")])
        XCTAssertEqual(
            CoAuthorParser.person(from: "Jane (Pivotal) <jane@x.io>"), Person(name: "Jane (Pivotal)", email: "jane@x.io"),
            "parentheses in a name are the name's")
        XCTAssertEqual(CoAuthorParser.person(from: "Jane Doe (Pivotal)"), Person(name: "Jane Doe (Pivotal)", email: ""))
    }

    func testStrayClosingBracket() {
        XCTAssertEqual(CoAuthorParser.person(from: "Jane Doe jane@x.io>"), Person(name: "Jane Doe", email: "jane@x.io"))
        XCTAssertEqual(CoAuthorParser.person(from: "Jane Doe jane@x.io> "), Person(name: "Jane Doe", email: "jane@x.io"))
        XCTAssertEqual(CoAuthorParser().people(in: "s\n\nCo-authored-by: Jane Doe jane@x.io>\n"), [Person(name: "Jane Doe", email: "jane@x.io")])
        XCTAssertEqual(
            CoAuthorParser.person(from: "Jane Doe <jane@x.io>"), Person(name: "Jane Doe", email: "jane@x.io"),
            "a closing bracket after an opening one is no stray")
        XCTAssertNil(CoAuthorParser.person(from: ">"), "a value of a stray bracket alone is empty")
        XCTAssertNil(CoAuthorParser.person(from: "RFC Community <https://github.com/cloudfoundry/community/pull/1438>"))
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
        let raw = [
            Person(name: "bob", email: "BOB@old.io"), Person(name: "Bob B", email: "bob@x.io"),
            Person(name: "Ada", email: "ada@x.io"),
        ]
        XCTAssertEqual(
            resolver.coAuthors(raw, author: Person(name: "Ada L", email: "Ada@X.io")),
            [Person(name: "Bob Builder", email: "bob@x.io")])
    }
}
