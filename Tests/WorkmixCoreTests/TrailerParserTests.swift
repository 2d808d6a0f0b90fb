import Foundation
import WorkmixTestSupport
import XCTest

@testable import WorkmixCore

final class TrailerParserTests: XCTestCase {
    func testLastParagraphOnly() {
        let message =
            "Subject\n\nReviewed-by: Not <a trailer@x>\nbecause this paragraph has prose\n\nSigned-off-by: A <a@x>\nCo-authored-by: B <b@x>\n"
        XCTAssertEqual(
            TrailerParser.parse(message),
            [
                Trailer(key: "Signed-off-by", value: "A <a@x>"), Trailer(key: "Co-authored-by", value: "B <b@x>"),
            ])
    }

    func testSubjectIsNeverATrailer() {
        XCTAssertEqual(TrailerParser.parse("Fixes: the thing"), [])
        XCTAssertEqual(TrailerParser.parse("Fixes: the thing\n"), [])
    }

    func testContinuationLinesAreUnfolded() {
        let message = "S\n\nBody.\n\nNote: first line\n  second line\nAcked-by: C\n"
        XCTAssertEqual(
            TrailerParser.parse(message),
            [
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
        XCTAssertEqual(
            TrailerParser.parse("S\r\n\r\nco-AUTHORED-by: A <a@x>\r\n"),
            [Trailer(key: "co-AUTHORED-by", value: "A <a@x>")])
    }

    /// The same trailers as `git log --format=%(trailers:only,unfold)` on real commits, including the
    /// blocks git leaves out: a final old-style `Conflicts:` block and comment lines.
    func testAgreesWithGitOnFoldedValuesConflictsBlocksAndComments() throws {
        let repo = try FixtureRepository(name: "trailers")
        let messages = [
            "Add thing\n\nReviewed-by:\n  Carol <carol@x.io>\n",
            "Merge branch 'topic'\n\nConflicts:\n\tsrc/a.c\n\tsrc/b.c\n",
            "Merge branch 'topic'\n\nSigned-off-by: A <a@x.io>\n\nConflicts:\n\tsrc/a.c\n",
            "Fix\n\nAcked-by: B <b@x.io>\n# a comment line\n",
            "Fix\n\nNote: one\n  two\n\tthree\nAcked-by: B <b@x.io>\n",
            "Fix\n\nConflicts:\n\tsrc/a.c\nmore prose after\n\nKey: v\n",
            "Squash (#1)\n\n* a\n\n---------\n\nCo-authored-by: A <a@x.io>\n",
        ]
        for (index, message) in messages.enumerated() {
            try repo.write("f.txt", "\(index)\n")
            let sha = try repo.commit(message, date: "2021-03-0\(index + 1)T10:00:00+00:00")
            let git = try repo.git(["log", "-1", "--format=%(trailers:only,unfold)", sha])
                .split(separator: "\n").map(String.init)
            let raw = try repo.git(["log", "-1", "--format=%B", sha])
            XCTAssertEqual(TrailerParser.parse(raw).map { "\($0.key): \($0.value)" }, git, message)
        }
    }

    func testMalformedInputGivesNoTrailersAndNoCrash() {
        for message in [
            "", "\n\n\n", ":", "S\n\n:", "S\n\n: value", "S\n\n  indented: x", "S\n\nkey with space in: v x y\nnot",
            "S\n\n\u{0}\u{1}: \u{FFFD}", "S\n\n" + String(repeating: "K: v\n", count: 10_000),
        ] {
            let trailers = TrailerParser.parse(message)
            XCTAssertTrue(trailers.allSatisfy { !$0.key.isEmpty }, message.debugDescription)
        }
        XCTAssertEqual(TrailerParser.parse("S\n\n: value"), [])
        XCTAssertEqual(TrailerParser.parse("S\n\n" + String(repeating: "K: v\n", count: 10_000)).count, 10_000)
    }
}
