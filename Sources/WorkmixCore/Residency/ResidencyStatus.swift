import Foundation

/// Where a residency stands on the report's date (SPEC 10): a plan can be missed only once its window
/// is over, so `check` fails only `ended` residencies (and `running` ones under `--strict`).
package enum ResidencyStatus: String, Sendable, CaseIterable {
    /// The window has not started.
    case upcoming
    /// The report's date falls within the window: its figures are the work so far.
    case running
    /// The window is over: the figures are final.
    case ended
}

/// The date a report is made as of (`--as-of`): a calendar day, read as that day in every residency's
/// timezone, or an instant, read in each residency's timezone.
package enum AsOf: Sendable, Equatable, CustomStringConvertible {
    case day(CivilDate)
    case instant(Timestamp)
    /// The run's own instant (no `--as-of`): read in each residency's timezone as `instant` is, but
    /// printed as its UTC day, so that two runs a second apart print the same report.
    case now(Timestamp)

    /// `2024-03-01`, or an ISO 8601 instant such as `2024-03-01T09:30:00+00:00`.
    package static func parse(_ text: String) -> AsOf? {
        if let day = DateParser.parseDate(text) { return .day(day) }
        return DateParser.parseTimestamp(text).map { .instant($0) }
    }

    /// The run's instant.
    package static func now(_ date: Date = Date()) -> AsOf {
        .now(Timestamp(seconds: Int64(date.timeIntervalSince1970.rounded(.down)), offsetMinutes: 0))
    }

    package var description: String {
        switch self {
        case .day(let day): return day.description
        case .instant(let instant): return instant.iso8601
        case .now(let instant): return instant.localDate.description
        }
    }

    /// A date the user gave (`--as-of`), as against the run's own now: only then are later commits cut.
    package var isGiven: Bool {
        if case .now = self { return false }
        return true
    }

    /// Whether `timestamp` comes after this date: after its day in `timezone`, or after the instant.
    package func precedes(_ timestamp: Timestamp, in timezone: TimeZone) -> Bool {
        switch self {
        case .day(let day): return Residency.localDate(of: timestamp, in: timezone) > day
        case .instant(let instant), .now(let instant): return timestamp.seconds > instant.seconds
        }
    }

    /// The calendar day it is in `timezone`.
    package func date(in timezone: TimeZone) -> CivilDate {
        switch self {
        case .day(let day): return day
        case .instant(let instant), .now(let instant): return Residency.localDate(of: instant, in: timezone)
        }
    }
}

extension Residency {
    /// Whether the window is ahead, under way or over on `asOf`, read in the residency's timezone.
    package func status(asOf: AsOf) -> ResidencyStatus {
        let today = asOf.date(in: timezone)
        if today < from { return .upcoming }
        return today <= to ? .running : .ended
    }

    /// The calendar day of an instant in `timezone`.
    package static func localDate(of timestamp: Timestamp, in timezone: TimeZone) -> CivilDate {
        let date = Date(timeIntervalSince1970: TimeInterval(timestamp.seconds))
        let offset = Int64(timezone.secondsFromGMT(for: date))
        return Timestamp(seconds: timestamp.seconds, offsetMinutes: Int32(offset / 60)).localDate
    }

    /// An instant as its clock reads in the residency's timezone (`authoredAt` in the commits list).
    package func local(_ timestamp: Timestamp) -> Timestamp {
        let date = Date(timeIntervalSince1970: TimeInterval(timestamp.seconds))
        return Timestamp(seconds: timestamp.seconds, offsetMinutes: Int32(timezone.secondsFromGMT(for: date) / 60))
    }
}
