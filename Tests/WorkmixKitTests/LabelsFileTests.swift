import WorkmixCore
import XCTest

@testable import WorkmixKit

/// The labels CSV of `rules eval`, read as Python's csv module reads it, errors at the right line.
final class LabelsFileTests: XCTestCase {
    func messages(_ text: String) throws -> [String] {
        try LabelsFile.parse(text, file: "labels.csv").map {
            guard case .message(let message) = $0.subject else { return "" }
            return message
        }
    }

    func error(_ text: String) -> String {
        do {
            _ = try LabelsFile.parse(text, file: "labels.csv")
            return "no error"
        } catch {
            return "\(error)"
        }
    }

    func testQuotesInsideUnquotedFieldsAreText() throws {
        XCTAssertEqual(
            try messages("message,expect\nFix crash,maintenance\nRevert \"Add login page\",maintenance\n"),
            ["Fix crash", "Revert \"Add login page\""])
    }

    func testRFC4180QuotingBOMCRLFBlankLinesAndColumnOrder() throws {
        let text = "\u{FEFF}expect,Message\r\nmaintenance,\"a, b\"\r\n\r\ninvestment,\"line one\nline two\"\r\nsupport,\"say \"\"hi\"\"\"\r\n"
        XCTAssertEqual(try messages(text), ["a, b", "line one\nline two", "say \"hi\""])
        let rows = try LabelsFile.parse(text, file: "labels.csv")
        XCTAssertEqual(rows.map(\.expected), [.maintenance, .investment, .support])
        XCTAssertEqual(rows.map(\.row), [1, 2, 3])
        XCTAssertEqual(rows.map(\.line), [2, 4, 6], "a record's own line, past blank lines and line breaks in quotes")
        XCTAssertEqual(try messages("message,expect\n  leading space kept,maintenance\n"), ["  leading space kept"])
    }

    func testShaColumn() throws {
        let rows = try LabelsFile.parse("sha,expect,note\n 9bab3c2e ,support,x\n", file: "labels.csv")
        XCTAssertEqual(rows.first?.subject, .sha("9bab3c2e"))
    }

    func testMalformedFilesNameTheLine() {
        XCTAssertTrue(error("").hasPrefix("labels.csv:1: empty labels file"), error(""))
        XCTAssertTrue(error("message\nx\n").hasPrefix("labels.csv:1: the header has no 'expect' column"))
        XCTAssertTrue(error("subject,expect\nx,support\n").hasPrefix("labels.csv:1: the header has neither"))
        let quoted = "message,expect\nfine,support\n\"two\nlines\",support\nthird,bugfix\n"
        XCTAssertTrue(error(quoted).hasPrefix("labels.csv:5: expect 'bugfix' is not"), error(quoted))
        XCTAssertTrue(error("message,expect\n,support\n").hasPrefix("labels.csv:2: empty message"))
        XCTAssertTrue(error("message,expect\nonly a message\n").hasPrefix("labels.csv:2: expect '' is not"))
    }
}
