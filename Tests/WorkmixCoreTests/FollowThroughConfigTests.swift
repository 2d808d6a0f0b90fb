import Foundation
import WorkmixCore
import XCTest

/// `areas:`, `follow_through:` and the plan's `min_follow_through` (SPEC 9): read, or rejected at file:line.
final class FollowThroughConfigTests: XCTestCase, ConfigTesting {
    static let valid = ConfigLoaderTests.valid

    func testDefaultsAreDepthTwoEightWeeksByTheTeam() throws {
        let config = try parse(Self.valid)
        XCTAssertEqual(config.areas, .depth(2))
        XCTAssertEqual(config.followThrough, FollowThroughSettings(weeks: 8, by: .team))
        XCTAssertNil(config.residencies[0].minFollowThrough)
    }

    func testReadsDepthNamedAreasSettingsAndMinimum() throws {
        var config = try parse("areas: {depth: 3}\nfollow_through: {weeks: 4, by: anyone}\n" + Self.valid)
        XCTAssertEqual(config.areas, .depth(3))
        XCTAssertEqual(config.followThrough, FollowThroughSettings(weeks: 4, by: .anyone))
        config = try parse(
            "areas:\n  checkout: ['web/checkout/**', 'api/checkout/**']\n  docs: '*.md'\n"
                + replacing("support: 30% }", with: "support: 30%, min_follow_through: 30% }"))
        guard case .named(let areas) = config.areas else { return XCTFail("named areas") }
        XCTAssertEqual(areas.map(\.name), ["checkout", "docs"])
        XCTAssertEqual(config.residencies[0].minFollowThrough, 0.3)
        XCTAssertEqual(config.residencies[0].plan[.support], 0.3)
    }

    func testPermutationsAndMinLift() throws {
        XCTAssertEqual(try parse(Self.valid).followThrough.permutations, 1000)
        var config = try parse("follow_through: {permutations: 250}\n" + Self.valid)
        XCTAssertEqual(config.followThrough, FollowThroughSettings(weeks: 8, by: .team, permutations: 250))
        XCTAssertEqual(try parse("follow_through: {permutations: 0}\n" + Self.valid).followThrough.permutations, 0)
        config = try parse(replacing("support: 30% }", with: "support: 30%, min_lift: 1.5 }"))
        XCTAssertEqual(config.residencies[0].minLift, 1.5)
        XCTAssertNil(config.residencies[0].minFollowThrough)
        config = try parse(replacing("plan: { investment: 40%, maintenance: 30%, support: 30% }", with: "plan: { min_lift: 2 }"))
        XCTAssertEqual(config.residencies[0].plan, [:])
        XCTAssertEqual(config.residencies[0].minLift, 2)
        assertError("follow_through: {permutations: -5}\n" + Self.valid, line: 1, mentions: ["permutations", "-5"])
        assertError("follow_through: {permutations: 200001}\n" + Self.valid, line: 1, mentions: ["permutations"])
        assertError(replacing("support: 30% }", with: "support: 30%, min_lift: 150% }"), line: 10, mentions: ["min_lift", "not a lift"])
        assertError(replacing("support: 30% }", with: "support: 30%, min_lift: high }"), line: 10, mentions: ["'high' is not a lift"])
    }

    func testAPlanOfOnlyTheMinimumIsNoCategoryPlan() throws {
        let config = try parse(
            replacing(
                "plan: { investment: 40%, maintenance: 30%, support: 30% }",
                with: "plan: { min_follow_through: 0.25 }"))
        XCTAssertEqual(config.residencies[0].plan, [:])
        XCTAssertEqual(config.residencies[0].minFollowThrough, 0.25)
    }

    func testBadValuesNameFileAndLine() {
        assertError("follow_through: {weeks: -1}\n" + Self.valid, line: 1, mentions: ["follow_through.weeks", "-1"])
        assertError("follow_through: {weeks: 0}\n" + Self.valid, line: 1, mentions: ["weeks"])
        assertError("follow_through:\n  weeks: 8\n  window: 3\n" + Self.valid, line: 3, mentions: ["unknown key 'window'"])
        assertError("follow_through: {by: everyone}\n" + Self.valid, line: 1, mentions: ["'everyone' is not team or anyone"])
        assertError("areas:\n  checkout: ['web/[checkout/**']\n" + Self.valid, line: 2, mentions: ["not a valid glob"])
        assertError("areas:\n  checkout: ''\n" + Self.valid, line: 2, mentions: ["empty glob"])
        assertError("areas:\n  depth: 0\n" + Self.valid, line: 2, mentions: ["depth must be between 1 and 32"])
        assertError("areas:\n  depth: 2\n  web: 'web/**'\n" + Self.valid, line: 2, mentions: ["not both"])
        assertError(
            replacing("support: 30% }", with: "support: 30%, min_follow_through: 130% }"), line: 10,
            mentions: ["min_follow_through", "not a share"])
    }
}
