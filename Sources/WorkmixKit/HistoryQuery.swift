import WorkmixCore

/// Which commits to read: SPEC 3's common options.
package struct HistoryQuery: Sendable {
    /// Revisions or ranges (`HEAD`, `v1.2..HEAD`, `^old new`); empty means HEAD.
    package var revisions: [String] = []
    package var all = false
    package var since: DateBound?
    package var until: DateBound?
    package var noMerges = false
    package var firstParent = false

    package init(
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
    package func admits(authoredAt date: Timestamp) -> Bool {
        if let since, !since.admitsFrom(date) { return false }
        if let until, !until.admitsUpTo(date) { return false }
        return true
    }
}

extension DateBound {
    /// As `--since`: the date is on or after the bound.
    func admitsFrom(_ date: Timestamp) -> Bool {
        switch self {
        case .day(let day): return day <= date.localDate
        case .instant(let instant): return instant.seconds <= date.seconds
        }
    }

    /// As `--until`: the date is on or before the bound.
    func admitsUpTo(_ date: Timestamp) -> Bool {
        switch self {
        case .day(let day): return date.localDate <= day
        case .instant(let instant): return date.seconds <= instant.seconds
        }
    }
}
