import WorkmixCore

/// What a scan row shows besides the record.
package struct ScanOptions: Sendable {
    package var includeFiles = false
    package var explain = false
    package init(includeFiles: Bool = false, explain: Bool = false) {
        self.includeFiles = includeFiles
        self.explain = explain
    }
}

/// Writes `workmix scan` output as rows arrive: `header`, one `row` per commit, then `footer`.
/// Formats that stream (jsonl, json, csv) hold nothing; `table` and `markdown` use fixed columns so
/// that they stream too.
package protocol ScanReporter: SendableMetatype {
    static var format: OutputFormat { get }
    init(options: ScanOptions)
    func header() -> String
    mutating func row(_ commit: ClassifiedCommit) -> String
    func footer() -> String
}

extension Classification {
    /// The category as printed: `skip` for skipped commits.
    package var label: String { skipped ? "skip" : category.rawValue }
}
