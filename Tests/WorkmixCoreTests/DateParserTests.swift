import XCTest

@testable import WorkmixCore

final class DateParserTests: XCTestCase {
    func testTimestampPrintsInItsOwnOffset() {
        XCTAssertEqual(Timestamp(seconds: 1_576_141_445, offsetMinutes: 60).iso8601, "2019-12-12T10:04:05+01:00")
        XCTAssertEqual(Timestamp(seconds: 0, offsetMinutes: -330).iso8601, "1969-12-31T18:30:00-05:30")
        XCTAssertEqual(Timestamp(seconds: 951_782_400, offsetMinutes: 0).iso8601, "2000-02-29T00:00:00+00:00")
        // Years outside four digits, and git's widest offsets, as the formatted fallback prints them.
        XCTAssertEqual(Timestamp(seconds: -62_135_596_800 + 86_400 * 365 * 5, offsetMinutes: 0).iso8601, "0005-12-31T00:00:00+00:00")
        XCTAssertEqual(Timestamp(seconds: 253_402_300_800, offsetMinutes: 0).iso8601, "10000-01-01T00:00:00+00:00")
        XCTAssertEqual(Timestamp(seconds: 0, offsetMinutes: -5_999).iso8601, "1969-12-27T20:01:00-99:59")
        XCTAssertEqual(Timestamp(seconds: 0, offsetMinutes: 6_000).iso8601, "1970-01-05T04:00:00+100:00")
    }

    func testRoundTrip() {
        for text in ["2019-12-12T10:04:05+01:00", "1999-01-01T00:00:00-08:00", "2024-02-29T23:59:59+14:00"] {
            XCTAssertEqual(DateParser.parseTimestamp(text)?.iso8601, text)
        }
    }

    func testAcceptedForms() {
        XCTAssertEqual(DateParser.parseDate("2019-10-01"), CivilDate(year: 2019, month: 10, day: 1))
        XCTAssertEqual(DateParser.parseTimestamp("2019-10-01T10:00Z")?.seconds, DateParser.parseTimestamp("2019-10-01 12:00:00+02:00")?.seconds)
        XCTAssertEqual(DateParser.parseTimestamp("2019-10-01T10:00:00.123+0100")?.offsetMinutes, 60)
    }

    func testMalformedDates() {
        for text in ["", "2019", "2019-1-01", "2019-13-01", "2019-02-30", "19-10-01", "2019/10/01", "yesterday", "2019-10-01x"] {
            XCTAssertNil(DateParser.parseDate(text), text)
        }
        for text in [
            "2019-10-01T", "2019-10-01T25:00:00Z", "2019-10-01T10:61Z", "2019-10-01T10:00:00+2500",
            "2019-10-01T10:00:00+01", "2019-10-01X10:00:00Z", "2019-10-01T1:00:00Z",
        ] {
            XCTAssertNil(DateParser.parseTimestamp(text), text)
        }
    }

    func testLocalDateUsesTheOffset() {
        // 23:59 in Paris on Nov 15 is already Nov 15 22:59 UTC; 00:30 in Paris on Nov 16 is Nov 15 UTC.
        XCTAssertEqual(DateParser.parseTimestamp("2019-11-16T00:30:00+01:00")?.localDate, CivilDate(year: 2019, month: 11, day: 16))
    }

    func testMessagePartsAsGitSplitsThem() {
        XCTAssertEqual(MessageParts.split("Subject\n\nBody line\n\nMore\n").subject, "Subject")
        XCTAssertEqual(MessageParts.split("Subject\n\nBody line\n\nMore\n").body, "Body line\n\nMore")
        XCTAssertEqual(MessageParts.split("\n\n  Subject  \r\nbody\r\n").subject, "Subject")
        XCTAssertEqual(MessageParts.split("").subject, "")
    }
}
