import WorkmixCore

/// Writes the people report (`workmix people`) in one format.
public protocol PeopleReporter {
    static var format: OutputFormat { get }
    init()
    func report(_ report: PeopleReport) -> String
}

public enum PeopleReporters {
    public static var all: [any PeopleReporter.Type] {
        [TablePeopleReporter.self, JSONPeopleReporter.self, MailmapPeopleReporter.self, YAMLPeopleReporter.self]
    }

    public static var formats: [OutputFormat] { all.map { $0.format } }

    public static func reporter(for format: OutputFormat) -> (any PeopleReporter)? {
        all.first { $0.format == format }.map { $0.init() }
    }
}
