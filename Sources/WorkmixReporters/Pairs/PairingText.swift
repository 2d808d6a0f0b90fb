import WorkmixCore

/// Small helpers the text formats share.
enum PairingText {
    /// A person as a cell: the name, or the email for identities without one.
    static func name(_ person: Person) -> String {
        person.name.isEmpty ? person.email : person.name
    }

    /// `0.4567` → `45.7%`, the same on every platform.
    static func percent(_ share: Double) -> String {
        let tenths = Int((share * 1000).rounded())
        return "\(tenths / 10).\(tenths % 10)%"
    }

    static func churn(_ churn: Int?) -> String { churn.map(String.init) ?? "-" }

    /// The most people a matrix shows in text formats; JSON has them all.
    static let matrixLimit = 12

    static func summary(_ report: PairingReport) -> String {
        "\(report.pairingCommits) pairing commits of \(report.commits) commits; "
            + "\(report.pairs.count) of \(report.pairCount) pairs, "
            + "\(report.people.count) of \(report.participantCount) people listed"
    }
}
