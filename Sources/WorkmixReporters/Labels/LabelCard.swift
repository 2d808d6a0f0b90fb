import WorkmixCore

/// One commit as `workmix label` shows it on the terminal: where it stands in the session, its message,
/// its files with line counts, the start of its patch, what the rules say of it now and the keys.
package struct LabelCard {
    package var position: Int
    package var total: Int
    package var record: CommitRecord
    package var excerpt: [String]
    package var current: Classification
    package var stratum: String
    /// The label given earlier in this file, when going back.
    package var given: Category?

    package init(
        position: Int, total: Int, record: CommitRecord, excerpt: [String], current: Classification, stratum: String,
        given: Category?
    ) {
        self.position = position
        self.total = total
        self.record = record
        self.excerpt = excerpt
        self.current = current
        self.stratum = stratum
        self.given = given
    }

    package static let keys = "[i]nvestment  [m]aintenance  [s]upport  s[k]ip  [b]ack  [q]uit"

    package var text: String {
        var lines = ["", "[\(position)/\(total)] \(record.sha.prefix(12)) \(record.repo) · \(record.author.name) · \(stratum)"]
        lines.append("  " + record.subject)
        let body = record.body.split(separator: "\n", omittingEmptySubsequences: false)
        lines += body.prefix(10).map { "  " + $0 }
        if body.count > 10 { lines.append("  … (\(body.count - 10) more lines)") }
        if let changes = record.changeInfo.changes {
            lines.append("files (\(changes.count)):")
            for change in changes.prefix(12) {
                let counts = change.binary ? "binary" : "+\(change.insertions) -\(change.deletions)"
                lines.append("  \(counts.padding(toLength: 12, withPad: " ", startingAt: 0)) \(change.path)")
            }
            if changes.count > 12 { lines.append("  … \(changes.count - 12) more") }
        }
        lines += excerpt.map { "  " + String($0.prefix(160)) }
        let rule = current.ruleID.map { " (rule \($0))" } ?? ""
        lines.append("now: \(current.label)\(rule)")
        lines += current.evidence.prefix(4).map { "  " + String($0.prefix(160)) }
        if let given { lines.append("labelled: \(given.rawValue)") }
        lines.append(Self.keys + " > ")
        return lines.joined(separator: "\n")
    }
}
