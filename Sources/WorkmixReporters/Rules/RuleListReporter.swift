import WorkmixCore

/// `workmix rules list`: the rules in force, in evaluation order, with their source.
public enum RuleListReporter {
    public static let formats: [OutputFormat] = [.table, .json, .markdown]

    public static func report(_ rules: [Rule], format: OutputFormat) -> String {
        switch format {
        case .json:
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
        case .markdown:
            var text = "| # | Rule | Verdict | Source | Description |\n|---|---|---|---|---|\n"
            for (index, rule) in rules.enumerated() {
                text +=
                    "| \(index + 1) | "
                    + [rule.id, rule.verdict.description, rule.source.description, rule.description]
                    .map(Escaping.markdownCell).joined(separator: " | ") + " |\n"
            }
            return text
        default:
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
}

/// `workmix rules explain SHA`: every rule against one commit, and why.
public enum RuleExplanationReporter {
    public static let formats: [OutputFormat] = [.table, .json]

    public static func report(_ record: CommitRecord, _ explanation: RuleExplanation, format: OutputFormat) -> String {
        let final = explanation.classification
        if format == .json {
            var json = JSONWriter()
            json.beginObject()
            json.string("sha", record.sha)
            json.string("subject", record.subject)
            json.string("category", final.label)
            json.optionalString("rule", final.ruleID)
            json.beginArray("evidence")
            for item in final.evidence { json.string(nil, item) }
            json.endArray()
            json.beginArray("rules")
            for evaluation in explanation.evaluations {
                json.beginObject()
                json.string("id", evaluation.ruleID)
                json.string("verdict", evaluation.verdict.description)
                json.string("matched", evaluation.truth.rawValue)
                json.bool("decides", evaluation.decides && explanation.override == nil)
                json.string("source", evaluation.source.description)
                json.beginArray("reasons")
                for reason in evaluation.reasons { json.string(nil, reason) }
                json.endArray()
                json.endObject()
            }
            json.endArray()
            json.endObject()
            return json.text + "\n"
        }
        var text = "commit \(record.sha)\n"
        text += "  \(TextCell.clean(record.subject))\n"
        if let stats = record.changeInfo.stats {
            text += "  \(stats.files) file(s), +\(stats.insertions) -\(stats.deletions)\n"
        } else if let changes = record.changeInfo.changes {
            text += "  \(changes.count) file(s), line counts unavailable (objects missing)\n"
        } else if record.changeInfo == .unavailable {
            text += "  file changes unavailable (objects missing)\n"
        }
        text += "\n"
        if let pinned = explanation.override {
            text += "override: \(pinned.label) — beats every rule below (\(pinned.evidence.joined(separator: "; ")))\n\n"
        }
        for evaluation in explanation.evaluations {
            let mark: String
            switch evaluation.truth {
            case .yes: mark = evaluation.decides && explanation.override == nil ? "=>" : "+ "
            case .no: mark = "- "
            case .unknown: mark = "? "
            }
            text += "\(mark) \(evaluation.ruleID) (\(evaluation.verdict))  \(evaluation.source)\n"
            for reason in evaluation.reasons { text += "     \(TextCell.clean(reason))\n" }
        }
        text += "\nverdict: \(final.label)" + (final.ruleID.map { " by \($0)" } ?? " (no rule matched)") + "\n"
        return text
    }
}

/// `workmix rules eval --labels FILE`: accuracy against hand labels.
public enum AccuracyReporter {
    public static let formats: [OutputFormat] = [.table, .json]

    public static func report(_ report: AccuracyReport, format: OutputFormat, maxWrong: Int) -> String {
        if format == .json {
            var json = JSONWriter()
            json.beginObject()
            json.int("total", report.total)
            json.int("correct", report.correct)
            json.double("accuracy", report.accuracy)
            json.double("macroF1", report.macroF1)
            json.beginObject("perCategory")
            for category in Category.assignable {
                guard let scores = report.perCategory[category] else { continue }
                json.beginObject(category.rawValue)
                json.double("precision", scores.precision)
                json.double("recall", scores.recall)
                json.double("f1", scores.f1)
                json.int("support", scores.support)
                json.endObject()
            }
            json.endObject()
            json.beginObject("confusion")
            for category in Category.allCases {
                guard let row = report.confusion[category] else { continue }
                json.beginObject(category.rawValue)
                for column in AccuracyReport.Predicted.columns { json.int(column.description, row[column] ?? 0) }
                json.endObject()
            }
            json.endObject()
            json.beginObject("perRule")
            for entry in report.perRule {
                json.beginObject(entry.rule)
                json.int("decided", entry.decided)
                json.int("correct", entry.correct)
                json.endObject()
            }
            json.endObject()
            json.beginArray("wrong")
            for row in report.wrong.prefix(maxWrong) {
                json.beginObject()
                if !row.record.sha.isEmpty { json.string("sha", row.record.sha) }
                json.string("subject", row.record.subject)
                json.string("expected", row.expected.rawValue)
                json.string("got", row.classification.label)
                json.optionalString("rule", row.classification.ruleID)
                json.endObject()
            }
            json.endArray()
            json.endObject()
            return json.text + "\n"
        }
        var text = report.summary + "\n"
        if !report.wrong.isEmpty && maxWrong > 0 {
            text += "\nwrong (\(report.wrong.count)\(report.wrong.count > maxWrong ? ", first \(maxWrong)" : "")):\n"
            for row in report.wrong.prefix(maxWrong) {
                let id = row.record.sha.isEmpty ? "" : String(row.record.sha.prefix(10)) + "  "
                text +=
                    "  \(id)expected \(row.expected.rawValue), got \(row.classification.label)"
                    + (row.classification.ruleID.map { " (\($0))" } ?? "") + ": \(TextCell.clean(row.record.subject))\n"
            }
        }
        return text
    }
}
