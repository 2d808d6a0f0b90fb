import Foundation

/// A date a user typed (`--since`, `--until`, `--as-of`): a calendar date (compared with a commit's
/// own local date, so `2019-10-01` means that day wherever the author was) or an instant.
package enum DateBound: Sendable, Equatable {
    case day(CivilDate)
    case instant(Timestamp)

    /// `text` as `DateParser.parseBound` reads it, with "now" the clock's (or `WORKMIX_TEST_DATE_NOW`).
    package static func parse(_ text: String) -> DateBound? {
        DateParser.parseBound(text, now: DateParser.now())
    }
}

extension DateParser {
    /// The forms people type to `git log --since`, read as git reads them:
    /// - `YYYY-MM-DD`: a calendar day (workmix keeps the whole day; git takes the time of day of now);
    /// - ISO 8601 with an offset: that instant; `2024-01-01 10:00` or `2024-01-01T10:00:00` without
    ///   one: that wall time in `timeZone` (the local one, as git's);
    /// - `now`, `today`: now; `yesterday`: 24 hours ago; `last week`/`month`/`year`: one unit ago;
    /// - `N seconds|minutes|hours|days|weeks|months|years ago` (singular too, `N` a number or `one`
    ///   to `ten`): seconds, minutes, hours, days and weeks are that many seconds before now; months
    ///   and years move the calendar in `timeZone`, keeping the day and the time of day.
    /// Nil for anything else (git would read unknown words as now, silently).
    package static func parseBound(_ text: String, now: Timestamp, timeZone: TimeZone = .current) -> DateBound? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let day = parseDate(trimmed) { return .day(day) }
        if hasOffset(trimmed), let instant = parseTimestamp(trimmed) { return .instant(instant) }
        if let wall = parseTimestamp(trimmed) {
            // Read as UTC by parseTimestamp: the same wall time in the local zone.
            return .instant(local(wallSeconds: wall.seconds, in: timeZone))
        }
        return relative(trimmed.lowercased(), now: now, timeZone: timeZone).map(DateBound.instant)
    }

    /// Now, or the epoch seconds in `WORKMIX_TEST_DATE_NOW` (as git's `GIT_TEST_DATE_NOW`), so tests
    /// and reproductions can fix it.
    package static func now(environment: [String: String] = ProcessInfo.processInfo.environment) -> Timestamp {
        if let text = environment["WORKMIX_TEST_DATE_NOW"], let seconds = Int64(text) {
            return Timestamp(seconds: seconds, offsetMinutes: 0)
        }
        return Timestamp(seconds: Int64(Date().timeIntervalSince1970), offsetMinutes: 0)
    }

    private static func hasOffset(_ text: String) -> Bool {
        guard text.count > 16 else { return false }
        let time = text.dropFirst(11)
        return time.hasSuffix("Z") || time.hasSuffix("z") || time.contains("+") || time.contains("-")
    }

    private static let units: [(name: String, seconds: Int64)] = [
        ("second", 1), ("minute", 60), ("hour", 3600), ("day", 86_400), ("week", 604_800), ("month", 0), ("year", 0),
    ]
    private static let numberNames = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]

    /// `yesterday`, `N units ago`, `last unit`.
    private static func relative(_ text: String, now: Timestamp, timeZone: TimeZone) -> Timestamp? {
        let words = text.split(whereSeparator: \.isWhitespace).map(String.init)
        switch words {
        case ["now"], ["today"]: return now
        case ["yesterday"]: return Timestamp(seconds: now.seconds - 86_400, offsetMinutes: 0)
        default: break
        }
        let count: Int64?
        var rest = words
        if words.count == 3, words[2] == "ago" {
            count = Int64(words[0]) ?? numberNames.firstIndex(of: words[0]).map(Int64.init)
            rest = [words[1]]
        } else if words.count == 2, words[0] == "last" {
            count = 1
            rest = [words[1]]
        } else {
            return nil
        }
        guard let count, count >= 0, count < 100_000, let word = rest.first else { return nil }
        let singular = word.hasSuffix("s") ? String(word.dropLast()) : word
        guard let unit = units.first(where: { $0.name == singular }) else { return nil }
        if unit.seconds > 0 { return Timestamp(seconds: now.seconds - count * unit.seconds, offsetMinutes: 0) }
        return calendarShift(now, months: unit.name == "month" ? count : count * 12, in: timeZone)
    }

    /// `now` moved back `months` on the calendar of `timeZone`, day of month and time of day kept (a
    /// day past the month's end runs into the next month, as C's `mktime` has it for git), at now's
    /// UTC offset: git hands `mktime` now's daylight-saving flag, so crossing a change keeps the offset.
    private static func calendarShift(_ now: Timestamp, months: Int64, in timeZone: TimeZone) -> Timestamp {
        let offset = Int64(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(now.seconds))))
        let wall = now.seconds + offset
        let days = wall >= 0 ? wall / 86_400 : (wall - 86_399) / 86_400
        let timeOfDay = wall - days * 86_400
        let date = CivilDate.from(daysSinceEpoch: days)
        let monthIndex = Int64(date.year) * 12 + Int64(date.month - 1) - months
        let year = Int(monthIndex >= 0 ? monthIndex / 12 : (monthIndex - 11) / 12)
        let first = CivilDate(year: year, month: Int(monthIndex - Int64(year) * 12) + 1, day: 1)
        let shiftedDays = first.daysSinceEpoch + Int64(date.day - 1)
        return Timestamp(seconds: shiftedDays * 86_400 + timeOfDay - offset, offsetMinutes: Int32(offset / 60))
    }

    /// The instant at which clocks in `timeZone` read `wallSeconds` (seconds since the epoch, as UTC).
    private static func local(wallSeconds: Int64, in timeZone: TimeZone) -> Timestamp {
        // The offset at the wall time read as UTC, then again at the instant it gives (DST edges).
        var offset = Int64(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(wallSeconds))))
        offset = Int64(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(wallSeconds - offset))))
        return Timestamp(seconds: wallSeconds - offset, offsetMinutes: Int32(offset / 60))
    }
}
