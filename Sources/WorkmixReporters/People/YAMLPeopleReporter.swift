import WorkmixCore

/// `yaml`: an `identities:` block for `workmix.yml` (each person shown, then the identities that are
/// theirs), with the config's `distinct` kept; suggestions follow as comments.
package struct YAMLPeopleReporter: Reporter {
    package static let format = OutputFormat.yaml
    package init() {}

    package func report(_ report: PeopleReport) -> String {
        var text =
            "# identities written by `workmix people --format yaml`: each person, then the emails (or names,\n"
            + "# for identities without one) that are theirs. Review it, then put it in workmix.yml.\n"
            + "identities:\n"
        for entry in report.people where !entry.person.email.isEmpty && !entry.aliasTexts.isEmpty {
            text += "  " + Self.entry(entry.person, entry.aliasTexts) + "\n"
        }
        if !report.distinct.isEmpty {
            text += "  distinct: [" + report.distinct.map { Escaping.yamlQuoted($0.description) }.joined(separator: ", ") + "]\n"
        }
        if !report.suggestions.isEmpty {
            text += "# Suggestions, not applied: add an entry's aliases to the first person's if the two are one.\n"
            for suggestion in report.suggestions {
                guard let first = suggestion.people.first, let second = suggestion.people.last,
                    !first.email.isEmpty
                else { continue }
                let own = second.email.isEmpty ? second.name : second.email.lowercased()
                let aliases = report.people.first { $0.person == second }.map { [own] + $0.aliasTexts } ?? [own]
                text += "#  " + TextCell.clean(Self.entry(first, aliases)) + "  # \(suggestion.reason.description)\n"
            }
        }
        return text
    }

    static func entry(_ person: Person, _ aliases: [String]) -> String {
        Escaping.yamlQuoted(person.description) + ": [" + aliases.map(Escaping.yamlQuoted).joined(separator: ", ") + "]"
    }
}
