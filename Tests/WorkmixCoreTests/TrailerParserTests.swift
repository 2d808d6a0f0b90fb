import XCTest
@testable import WorkmixCore

final class TrailerParserTests: XCTestCase {
    func testLastParagraphOnly() {
        let message = "Subject\n\nReviewed-by: Not <a trailer@x>\nbecause this paragraph has prose\n\nSigned-off-by: A <a@x>\nCo-authored-by: B <b@x>\n"
        XCTAssertEqual(TrailerParser.parse(message), [
            Trailer(key: "Signed-off-by", value: "A <a@x>"), Trailer(key: "Co-authored-by", value: "B <b@x>"),
        ])
    }

    func testSubjectIsNeverATrailer() {
        XCTAssertEqual(TrailerParser.parse("Fixes: the thing"), [])
        XCTAssertEqual(TrailerParser.parse("Fixes: the thing\n"), [])
    }

    func testContinuationLinesAreUnfolded() {
        let message = "S\n\nBody.\n\nNote: first line\n  second line\nAcked-by: C\n"
        XCTAssertEqual(TrailerParser.parse(message), [
            Trailer(key: "Note", value: "first line second line"), Trailer(key: "Acked-by", value: "C"),
        ])
    }

    func testDashDashDashLineDoesNotHideTrailers() {
        // libgit2 1.5's git_message_trailers returns nothing here.
        let message = "Squash (#1)\n\n* a\n\n---------\n\nCo-authored-by: A <a@x>\n"
        XCTAssertEqual(TrailerParser.parse(message), [Trailer(key: "Co-authored-by", value: "A <a@x>")])
    }

    func testMixedParagraphNeedsGitGeneratedPrefix() {
        // One trailer in four lines, none git-generated: not a trailer block (git agrees).
        XCTAssertEqual(TrailerParser.parse("S\n\nsome prose\nmore prose\nyet more\nKey: v\n"), [])
        // With Signed-off-by and at least a quarter trailers, it is.
        XCTAssertEqual(TrailerParser.parse("S\n\nprose\nSigned-off-by: A <a@x>\n").map(\.key), ["Signed-off-by"])
    }

    func testCRLFAndKeyCaseKeptAsWritten() {
        XCTAssertEqual(TrailerParser.parse("S\r\n\r\nco-AUTHORED-by: A <a@x>\r\n"),
                       [Trailer(key: "co-AUTHORED-by", value: "A <a@x>")])
    }

    func testMalformedInputGivesNoTrailersAndNoCrash() {
        for message in ["", "\n\n\n", ":", "S\n\n:", "S\n\n: value", "S\n\n  indented: x", "S\n\nkey with space in: v x y\nnot",
                        "S\n\n\u{0}\u{1}: \u{FFFD}", "S\n\n" + String(repeating: "K: v\n", count: 10_000)] {
            let trailers = TrailerParser.parse(message)
            XCTAssertTrue(trailers.allSatisfy { !$0.key.isEmpty }, message.debugDescription)
        }
        XCTAssertEqual(TrailerParser.parse("S\n\n: value"), [])
        XCTAssertEqual(TrailerParser.parse("S\n\n" + String(repeating: "K: v\n", count: 10_000)).count, 10_000)
    }
}
