import XCTest

@testable import WorkmixCore

/// `DateParser.parseBound` with a fixed now; `DateFormTests` compares the same forms with git.
final class ApproximateDateTests: XCTestCase {
    /// 2024-05-31T10:00:00Z, a Friday; Paris is at +02:00 then.
    let now = Timestamp(seconds: 1_717_149_600, offsetMinutes: 0)
    let utc = TimeZone(identifier: "UTC")!
    let paris = TimeZone(identifier: "Europe/Paris")!

    func instant(_ text: String, _ zone: TimeZone) -> Int64? {
        guard case .instant(let instant) = DateParser.parseBound(text, now: now, timeZone: zone) else { return nil }
        return instant.seconds
    }

    func testRelativeForms() {
        XCTAssertEqual(instant("now", utc), now.seconds)
        XCTAssertEqual(instant(" Today ", utc), now.seconds)
        XCTAssertEqual(instant("yesterday", paris), now.seconds - 86_400)
        XCTAssertEqual(instant("1 second ago", utc), now.seconds - 1)
        XCTAssertEqual(instant("three hours ago", utc), now.seconds - 3 * 3600)
        XCTAssertEqual(instant("2 weeks ago", utc), now.seconds - 14 * 86_400)
        XCTAssertEqual(instant("last week", utc), now.seconds - 7 * 86_400)
        // May 31 less three months is "February 31": March 2 in a leap year, as mktime has it.
        XCTAssertEqual(instant("3 months ago", utc), DateParser.parseTimestamp("2024-03-02T10:00:00Z")?.seconds)
        // ...at now's UTC offset (git hands mktime now's daylight-saving flag).
        XCTAssertEqual(instant("3 months ago", paris), DateParser.parseTimestamp("2024-03-02T10:00:00Z")?.seconds)
        XCTAssertEqual(instant("last year", utc), DateParser.parseTimestamp("2023-05-31T10:00:00Z")?.seconds)
    }

    func testWallTimesAreLocalAndOffsetsExact() {
        XCTAssertEqual(instant("2024-01-01 10:00", paris), DateParser.parseTimestamp("2024-01-01T09:00:00Z")?.seconds)
        XCTAssertEqual(instant("2024-07-01T10:00:00", paris), DateParser.parseTimestamp("2024-07-01T08:00:00Z")?.seconds)
        XCTAssertEqual(instant("2024-07-01T10:00:00-05:00", paris), DateParser.parseTimestamp("2024-07-01T15:00:00Z")?.seconds)
        XCTAssertEqual(DateParser.parseBound("2024-07-01", now: now, timeZone: paris), .day(CivilDate(year: 2024, month: 7, day: 1)))
    }

    func testNonsenseIsRefused() {
        for text in ["", "ago", "3 ago", "3 fortnights ago", "last", "next week", "3 days", "yesterday noon", "-1 days ago", "2024-02-30"] {
            XCTAssertNil(DateParser.parseBound(text, now: now, timeZone: utc), text)
        }
    }

    func testNowCanBeFixed() {
        XCTAssertEqual(DateParser.now(environment: ["WORKMIX_TEST_DATE_NOW": "1717149600"]), now)
    }
}
