import WorkmixCore

/// Writes the residency report (`workmix report`) in one format. The report is small (it grows with
/// residencies and team members, not commits), so reporters take it whole and return the text.
public protocol ResidencyReporter {
    static var format: OutputFormat { get }
    init()
    func report(_ report: ResidencyReport) -> String
}

public enum ResidencyReporters {
    public static var all: [any ResidencyReporter.Type] {
        [
            TableResidencyReporter.self, JSONResidencyReporter.self, CSVResidencyReporter.self, MarkdownResidencyReporter.self,
            HTMLResidencyReporter.self,
        ]
    }

    public static var formats: [OutputFormat] { all.map { $0.format } }

    public static func reporter(for format: OutputFormat) -> (any ResidencyReporter)? {
        all.first { $0.format == format }.map { $0.init() }
    }
}

/// Writes the verdicts of `workmix check` in one format.
public protocol ResidencyCheckReporter {
    static var format: OutputFormat { get }
    init()
    func report(_ report: ResidencyReport) -> String
}

public enum ResidencyCheckReporters {
    public static var all: [any ResidencyCheckReporter.Type] {
        [TableCheckReporter.self, JSONCheckReporter.self, GitHubCheckReporter.self]
    }

    public static var formats: [OutputFormat] { all.map { $0.format } }

    public static func reporter(for format: OutputFormat) -> (any ResidencyCheckReporter)? {
        all.first { $0.format == format }.map { $0.init() }
    }
}

/// What the text formats share.
enum ResidencyText {
    static func name(_ person: Person) -> String { person.name.isEmpty ? person.email : person.name }

    static func window(_ residency: Residency) -> String {
        "\(residency.from) – \(residency.to) (\(residency.timezoneName))"
    }

    static func verdict(_ result: ResidencyResult) -> String { result.verdict.passed ? "PASS" : "FAIL" }

    /// `investment 45% (plan 40%), …; unclassified 4% (max 20%)`: one line per residency for check.
    static func shares(_ result: ResidencyResult) -> String {
        let plan = result.plan
        let categories = Category.assignable.map { category -> String in
            var text = "\(category.rawValue) \(Percent.format(result.share(of: category)))"
            if let planned = plan[category] { text += " (plan \(Percent.format(planned)))" }
            return text
        }.joined(separator: ", ")
        return categories + "; unclassified \(Percent.format(result.share(of: .unclassified)))"
            + " (max \(Percent.format(result.residency.maxUnclassified)))"
    }

    static func measureWord(_ measure: WorkmixConfig.Measure) -> String {
        measure == .commits ? "commits" : "churn (insertions + deletions)"
    }
}
