import WorkmixCore

/// What `workmix rules list` shows: the rules in force, in evaluation order.
package struct RuleListing: Sendable {
    package var rules: [Rule]
    package init(_ rules: [Rule]) { self.rules = rules }
}

/// `rules list --format table`.
package struct TableRuleListReporter: Reporter {
    package static let format = OutputFormat.table
    package init() {}

    package func report(_ listing: RuleListing) -> String {
        let rules = listing.rules
        let width = max(4, rules.map(\.id.count).max() ?? 0)
        var text = "  #  " + TextCell.fit("RULE", width) + "  VERDICT      SOURCE\n"
        for (index, rule) in rules.enumerated() {
            let number = String(index + 1)
            text +=
                String(repeating: " ", count: max(0, 3 - number.count)) + number + "  "
                + TextCell.fit(rule.id, width) + "  " + TextCell.fit(rule.verdict.description, 11) + "  "
                + TextCell.clean(rule.source.description) + (rule.needsFileChanges ? "  (files)" : "") + "\n"
        }
        return text
    }
}

/// `rules list --format json`.
package struct JSONRuleListReporter: Reporter {
    package static let format = OutputFormat.json
    package init() {}

    package func report(_ listing: RuleListing) -> String {
        let rules = listing.rules
        var json = JSONWriter()
        json.beginArray()
        for (index, rule) in rules.enumerated() {
            json.beginObject()
            json.int("order", index + 1)
            json.string("id", rule.id)
            json.string("verdict", rule.verdict.description)
            json.string("description", rule.description)
            json.string("source", rule.source.description)
            json.bool("needsFileChanges", rule.needsFileChanges)
            json.int("examples", rule.examples.count)
            json.endObject()
        }
        json.endArray()
        return json.text + "\n"
    }
}

/// `rules list --format markdown`.
package struct MarkdownRuleListReporter: Reporter {
    package static let format = OutputFormat.markdown
    package init() {}

    package func report(_ listing: RuleListing) -> String {
        let rules = listing.rules
        var text = "| # | Rule | Verdict | Source | Description |\n|---|---|---|---|---|\n"
        for (index, rule) in rules.enumerated() {
            text +=
                "| \(index + 1) | "
                + [rule.id, rule.verdict.description, rule.source.description, rule.description]
                .map(Escaping.markdownCell).joined(separator: " | ") + " |\n"
        }
        return text
    }
}
