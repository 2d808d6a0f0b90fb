import WorkmixCore

/// One output format of one report (SwiftLint's reporters): a small type per format that takes the
/// report whole and returns the text. Reports are small (they grow with people and residencies, not
/// commits); the scan, which grows with commits, streams through `ScanReporter` instead.
package protocol Reporter<Report>: SendableMetatype {
    associatedtype Report
    static var format: OutputFormat { get }
    init()
    func report(_ report: Report) -> String
}

/// The reporters of one command, one per format, in the order `--help` lists them.
package struct ReporterRegistry<Kind: Sendable>: Sendable {
    package let all: [Kind]
    package let formats: [OutputFormat]

    private init(all: [Kind], formats: [OutputFormat]) {
        self.all = all
        self.formats = formats
    }

    /// The reporter type for `format`, nil when the command has no such format.
    package func type(for format: OutputFormat) -> Kind? {
        formats.firstIndex(of: format).map { all[$0] }
    }
}

extension ReporterRegistry {
    init<Report>(_ all: [any Reporter<Report>.Type]) where Kind == any Reporter<Report>.Type {
        self.init(all: all, formats: all.map { $0.format })
    }

    init(_ all: [any ScanReporter.Type]) where Kind == any ScanReporter.Type {
        self.init(all: all, formats: all.map { $0.format })
    }

    package func reporter<Report>(for format: OutputFormat) -> (any Reporter<Report>)? where Kind == any Reporter<Report>.Type {
        type(for: format).map { $0.init() }
    }

    package func reporter(for format: OutputFormat, options: ScanOptions) -> (any ScanReporter)? where Kind == any ScanReporter.Type {
        type(for: format).map { $0.init(options: options) }
    }
}

/// Every command's reporters: the one list each registry is made from.
package enum Reporters {
    package static let scan = ReporterRegistry(
        [
            JSONLinesScanReporter.self, JSONScanReporter.self, CSVScanReporter.self, TableScanReporter.self, MarkdownScanReporter.self,
        ] as [any ScanReporter.Type])

    package static let pairs = ReporterRegistry(
        [
            TablePairingReporter.self, JSONPairingReporter.self, CSVPairingReporter.self, MarkdownPairingReporter.self,
            HTMLPairingReporter.self,
        ] as [any Reporter<PairingReport>.Type])

    package static let people = ReporterRegistry(
        [
            TablePeopleReporter.self, JSONPeopleReporter.self, MailmapPeopleReporter.self, YAMLPeopleReporter.self,
        ] as [any Reporter<PeopleReport>.Type])

    package static let residency = ReporterRegistry(
        [
            TableResidencyReporter.self, JSONResidencyReporter.self, CSVResidencyReporter.self, MarkdownResidencyReporter.self,
            HTMLResidencyReporter.self,
        ] as [any Reporter<ResidencyReport>.Type])

    package static let check = ReporterRegistry(
        [
            TableCheckReporter.self, JSONCheckReporter.self, GitHubCheckReporter.self, JUnitCheckReporter.self,
        ] as [any Reporter<ResidencyReport>.Type])

    package static let trace = ReporterRegistry(
        [TableTraceReporter.self, JSONTraceReporter.self] as [any Reporter<FollowThroughTrace>.Type])

    package static let ruleList = ReporterRegistry(
        [
            TableRuleListReporter.self, JSONRuleListReporter.self, MarkdownRuleListReporter.self,
        ] as [any Reporter<RuleListing>.Type])

    package static let ruleExplanation = ReporterRegistry(
        [
            TableRuleExplanationReporter.self, JSONRuleExplanationReporter.self,
        ] as [any Reporter<ExplainedCommit>.Type])

    package static let accuracy = ReporterRegistry(
        [
            TableAccuracyReporter.self, JSONAccuracyReporter.self,
        ] as [any Reporter<AccuracyListing>.Type])
}
