import WorkmixCore

/// `table`: each person with their commits, then their identities (commits each) and why they were
/// merged; then the suggestions and the bots left out.
package struct TablePeopleReporter: Reporter {
    package static let format = OutputFormat.table
    package init() {}

    package func report(_ report: PeopleReport) -> String {
        let merged = report.people.filter { $0.identities.count > 1 }.count
        var text =
            "\(report.people.count) people (\(merged) under several identities), "
            + "\(report.suggestions.count) suggestion(s), \(report.bots.count) bot identit\(report.bots.count == 1 ? "y" : "ies") left out\n\n"
        text += "PERSON                                             COMMITS  PAIRED  IDENTITIES\n"
        for entry in report.people {
            text +=
                TextCell.fit(entry.person.description, 48) + "  " + TablePairingReporter.pad(String(entry.commits), 7)
                + "  " + TablePairingReporter.pad(String(entry.pairedCommits), 6) + "  " + String(entry.identities.count) + "\n"
            guard entry.identities.count > 1 else { continue }
            // Why each other identity is this person's (the one shown needs no reason).
            let reasons = Dictionary(entry.merges.flatMap { [($0.identity.key, $0.reason.rawValue), ($0.joined.key, $0.reason.rawValue)] }) {
                first, _ in first
            }
            for identity in entry.identities {
                let why = identity.key == entry.person.key ? "" : reasons[identity.key].map { " (\($0))" } ?? " (same address)"
                text += "    " + TextCell.clean(identity.person.description) + "  \(identity.commits) commit(s)" + why + "\n"
            }
        }
        if !report.suggestions.isEmpty {
            text += "\nSUGGESTIONS (not merged; map them in .mailmap or identities if they are one person)\n"
            for suggestion in report.suggestions {
                text +=
                    "  " + suggestion.people.map { TextCell.clean($0.description) }.joined(separator: "  and  ")
                    + ": " + suggestion.reason.description + "\n"
            }
        }
        if !report.bots.isEmpty {
            text += "\nBOTS AND AI ASSISTANTS (in no count)\n"
            for bot in report.bots { text += "  " + TextCell.clean(bot.person.description) + "  \(bot.commits) commit(s)\n" }
        }
        return text
    }
}
