import WorkmixCore

/// `mailmap`: a `.mailmap` that turns every identity as commits write it into the person it belongs
/// to, so that git (`git shortlog`, `git check-mailmap`) and workmix with `merge_same_name: false`
/// see the same people. Suggestions follow as comments, to uncomment after review.
package struct MailmapPeopleReporter: Reporter {
    package static let format = OutputFormat.mailmap
    package init() {}

    package func report(_ report: PeopleReport) -> String {
        var text =
            "# .mailmap written by `workmix people --format mailmap`: each line maps an identity as commits\n"
            + "# write it to the person it belongs to. Review it, then commit it as .mailmap.\n"
        for entry in report.people where !entry.person.email.isEmpty {
            for spelling in entry.mappedSpellings { text += Self.line(entry.person, spelling) + "\n" }
        }
        if !report.suggestions.isEmpty {
            text += "\n# Suggestions, not applied: uncomment the lines of two people who are one.\n"
            for suggestion in report.suggestions {
                guard let first = suggestion.people.first, let second = suggestion.people.last,
                    !first.email.isEmpty
                else { continue }
                text += "# \(Self.clean(first.description)) and \(Self.clean(second.description)): \(suggestion.reason.description)\n"
                let spellings = report.people.first { $0.person == second }.map { $0.mappedSpellings + [second] } ?? [second]
                for spelling in spellings { text += "# " + Self.line(first, spelling) + "\n" }
            }
        }
        return text
    }

    /// `Proper Name <proper@email> Commit Name <commit@email>`.
    static func line(_ person: Person, _ spelling: Person) -> String {
        let written = Escaping.mailmapField(spelling.name)
        return "\(Escaping.mailmapField(person.name)) <\(Escaping.mailmapField(person.email))> "
            + (written.isEmpty ? "" : written + " ") + "<\(Escaping.mailmapField(spelling.email))>"
    }

    static func clean(_ text: String) -> String { TextCell.clean(text) }
}
