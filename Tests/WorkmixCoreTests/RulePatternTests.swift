import XCTest

@testable import WorkmixCore

final class RulePatternTests: XCTestCase {
    func testRegexAndLiteralPatterns() throws {
        XCTAssertTrue(try Pattern("(?i)^bump .+ from").matches("Bump x from 1 to 2"))
        XCTAssertFalse(try Pattern("^bump").matches("Bump x"))
        // Literal fast path keeps regex semantics.
        XCTAssertTrue(try Pattern("(?i)dependabot").matches("Dependabot[bot] <x@y>"))
        XCTAssertTrue(try Pattern("^wip$").matches("wip"))
        XCTAssertTrue(try Pattern("^wip$").matches("wip\n"))
        XCTAssertFalse(try Pattern("^wip$").matches("wip it"))
        XCTAssertTrue(try Pattern("^wip").matches("wip it"))
        XCTAssertTrue(try Pattern("it$").matches("wip it"))
        XCTAssertFalse(try Pattern("(?i)^WIP$").matches("wipe"))
    }

    func testInvalidRegexThrows() {
        XCTAssertThrowsError(try Pattern("(unclosed"))
        XCTAssertThrowsError(try Pattern("[z-a]"))
    }

    /// PCRE2's JIT gives up on deep backtracking over a long body (its stack is 32 KiB); the pattern
    /// still matches, as it does in Python and grep -P. Where even the interpreter gives up, the
    /// answer is unknown, never a silent "no".
    func testLongBacktrackingStillMatchesOrIsUnknown() throws {
        let body = (1...60).map { "* line \($0) of the squash" }.joined(separator: "\n") + "\n\nThis reverts a change"
        let pattern = try Pattern("^(.|\\n)*reverts")
        XCTAssertEqual(pattern.match(body), true)
        XCTAssertEqual(pattern.match(String(body.dropLast(14))), false)

        let catastrophic = try Pattern("^(\\w+\\s?)*$")
        XCTAssertNil(catastrophic.match(String(repeating: "word ", count: 40) + "!"))
        let rule = try matcher("body: '^(\\w+\\s?)*$'")
        let record = makeRecord(body: String(repeating: "word ", count: 40) + "!")
        let outcome = rule.evaluate(record, explain: true)
        XCTAssertEqual(outcome.truth, .unknown)
        XCTAssertEqual(outcome.reasons.first?.contains("gave up"), true, "\(outcome.reasons)")
    }
}
