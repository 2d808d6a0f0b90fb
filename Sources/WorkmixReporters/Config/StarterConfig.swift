import WorkmixCore

/// `workmix init`'s `workmix.yml`: the repository, its active people with their other addresses as
/// `identities`, and one example residency commented out.
package struct StarterConfig {
    package var repository: String
    /// The people active in the weeks `from`–`to`, most commits first.
    package var people: [People.Entry]
    package var from: CivilDate
    package var to: CivilDate
    package var weeks: Int

    package init(repository: String, people: [People.Entry], from: CivilDate, to: CivilDate, weeks: Int) {
        self.repository = repository
        self.people = people
        self.from = from
        self.to = to
        self.weeks = weeks
    }

    package var text: String {
        var text = """
            # workmix config for \(TextCell.clean(repository)), written by `workmix init`. Every key is described in
            # docs/configuration.md of workmix; `workmix config check` says what the history does not bear out.
            repos: [.]                           # paths are relative to this file

            # Who is who: the people who authored the last \(weeks) weeks of history (\(from) to \(to)),
            # each with the other addresses their commits use. Add any that `workmix people` shows apart.

            """
        let withAliases = people.filter { !$0.person.email.isEmpty && !$0.aliasTexts.isEmpty }
        text += withAliases.isEmpty ? "identities: {}\n" : "identities:\n"
        for entry in withAliases { text += "  " + YAMLPeopleReporter.entry(entry.person, entry.aliasTexts) + "\n" }
        text += "\n" + exampleResidency
        return text
    }

    /// A residency over the same weeks, valid once uncommented: the busiest person as resident, the
    /// next ones as the team.
    var exampleResidency: String {
        func written(_ person: Person) -> String {
            Escaping.yamlQuoted(person.email.isEmpty ? person.name : person.email)
        }
        let resident = people.first.map { written($0.person) } ?? "someone@example.com"
        let team = people.dropFirst().prefix(4).map { written($0.person) }.joined(separator: ", ")
        return """
            # An example residency (docs/configuration.md, "Residencies"): a platform engineer, the resident,
            # embedded in a product team for a window of weeks, with the planned share of each kind of work.
            # Uncomment it, name the real resident and team, then run `workmix report`.
            # residencies:
            #   - name: example
            #     resident: \(resident)
            #     team: [\(team)]
            #     from: \(from)
            #     to: \(to)
            #     timezone: UTC
            #     plan: { investment: 50%, maintenance: 30%, support: 20% }
            #     tolerance: 10%
            #     max_unclassified: 15%

            """
    }
}
