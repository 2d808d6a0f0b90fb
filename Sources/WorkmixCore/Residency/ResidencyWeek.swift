import Foundation

/// One week of a residency's window: seven calendar days from `from` (the window's first day, then every
/// seventh day after it), cut short at the window's end. Weeks start on the window's own first day,
/// not on a Monday, so that every week of the timeline is whole except possibly the last.
package struct ResidencyWeek: Hashable, Sendable {
    package var from: CivilDate
    /// Inclusive; `from` + 6 days, or the window's last day.
    package var to: CivilDate
    /// The residency's work in those days, as `ResidencyResult.work` counts it.
    package var work: CategoryTallies

    package init(from: CivilDate, to: CivilDate, work: CategoryTallies = CategoryTallies()) {
        self.from = from
        self.to = to
        self.work = work
    }

    /// The empty weeks of a window, in order (one at least, even for a window that ends before it starts).
    package static func weeks(of residency: Residency) -> [ResidencyWeek] {
        let first = residency.from.daysSinceEpoch, last = residency.to.daysSinceEpoch
        return stride(from: first, through: max(first, last), by: 7).map { start in
            ResidencyWeek(
                from: CivilDate.from(daysSinceEpoch: start),
                to: CivilDate.from(daysSinceEpoch: min(start + 6, max(first, last))))
        }
    }

    /// The index of the week holding an instant read in the residency's timezone, if it is in the window.
    package static func index(of timestamp: Timestamp, in residency: Residency) -> Int? {
        let date = Date(timeIntervalSince1970: TimeInterval(timestamp.seconds))
        let offset = Int64(residency.timezone.secondsFromGMT(for: date))
        let local = Timestamp(seconds: timestamp.seconds, offsetMinutes: Int32(offset / 60)).localDate
        guard residency.from <= local && local <= residency.to else { return nil }
        return Int((local.daysSinceEpoch - residency.from.daysSinceEpoch) / 7)
    }
}
