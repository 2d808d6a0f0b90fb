import WorkmixCore

/// What `workmix rules explain SHA` shows: the commit and every rule evaluated against it.
package struct ExplainedCommit: Sendable {
    package var record: CommitRecord
    package var explanation: RuleExplanation
    package init(record: CommitRecord, explanation: RuleExplanation) {
        self.record = record
        self.explanation = explanation
    }
}

/// `rules explain --format json`.
package struct JSONRuleExplanationReporter: Reporter {
    package static let format = OutputFormat.json
    package init() {}

    package func report(_ explained: ExplainedCommit) -> String {
        let (record, explanation) = (explained.record, explained.explanation)
        let final = explanation.classification
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
}

/// `rules explain --format table`: one line per rule, `=>` on the one that decides.
package struct TableRuleExplanationReporter: Reporter {
    package static let format = OutputFormat.table
    package init() {}

    package func report(_ explained: ExplainedCommit) -> String {
        let (record, explanation) = (explained.record, explained.explanation)
        let final = explanation.classification
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
