import WorkmixCore

/// What `workmix rules list` shows: the rules in force, in evaluation order.
public struct RuleListing: Sendable {
    public var rules: [Rule]
    public init(_ rules: [Rule]) { self.rules = rules }
}

/// `rules list --format table`.
public struct TableRuleListReporter: Reporter {
    public static let format = OutputFormat.table
    public init() {}

    public func report(_ listing: RuleListing) -> String {
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
public struct JSONRuleListReporter: Reporter {
    public static let format = OutputFormat.json
    public init() {}

    public func report(_ listing: RuleListing) -> String {
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
public struct MarkdownRuleListReporter: Reporter {
    public static let format = OutputFormat.markdown
    public init() {}

    public func report(_ listing: RuleListing) -> String {
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
