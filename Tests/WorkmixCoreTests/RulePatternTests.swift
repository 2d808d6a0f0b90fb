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
}
