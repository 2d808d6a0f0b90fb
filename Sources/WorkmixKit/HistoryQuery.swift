import WorkmixCore

/// Which commits to read: SPEC 3's common options.
public struct HistoryQuery: Sendable {
    /// Revisions or ranges (`HEAD`, `v1.2..HEAD`, `^old new`); empty means HEAD.
    public var revisions: [String] = []
    public var all = false
    public var since: DateBound?
    public var until: DateBound?
    public var noMerges = false
    public var firstParent = false

    public init(
        revisions: [String] = [], all: Bool = false, since: DateBound? = nil, until: DateBound? = nil,
        noMerges: Bool = false, firstParent: Bool = false
    ) {
        self.revisions = revisions
        self.all = all
        self.since = since
        self.until = until
        self.noMerges = noMerges
        self.firstParent = firstParent
    }

    /// Whether a commit authored at `date` is inside `--since`/`--until` (both inclusive).
    public func admits(authoredAt date: Timestamp) -> Bool {
        if let since, !since.isOnOrBefore(date, asLowerBound: true) { return false }
        if let until, !until.isOnOrBefore(date, asLowerBound: false) { return false }
        return true
    }
}

/// A `--since`/`--until` value: a calendar date (compared with the author's own local date, so
/// "2019-10-01" means that day wherever the author was) or an instant (ISO 8601 with time).
public enum DateBound: Sendable, Equatable {
    case day(CivilDate)
    case instant(Timestamp)

    public static func parse(_ text: String) -> DateBound? {
        if let day = DateParser.parseDate(text) { return .day(day) }
        if let instant = DateParser.parseTimestamp(text) { return .instant(instant) }
        return nil
    }

    /// For a lower bound: bound ≤ date. For an upper bound: date ≤ bound.
    func isOnOrBefore(_ date: Timestamp, asLowerBound: Bool) -> Bool {
        switch self {
        case .day(let day):
            return asLowerBound ? day <= date.localDate : date.localDate <= day
        case .instant(let instant):
            return asLowerBound ? instant.seconds <= date.seconds : date.seconds <= instant.seconds
        }
    }
}
