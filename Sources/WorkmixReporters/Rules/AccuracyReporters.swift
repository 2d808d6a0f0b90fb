import WorkmixCore

/// What `rules eval` and `model eval` show: the accuracy report and how many wrong rows to list.
package struct AccuracyListing: Sendable {
    package var report: AccuracyReport
    package var maxWrong: Int
    package init(_ report: AccuracyReport, maxWrong: Int) {
        self.report = report
        self.maxWrong = maxWrong
    }
}

/// `rules eval --format json`: figures, confusion, per-rule counts and the first wrong rows.
package struct JSONAccuracyReporter: Reporter {
    package static let format = OutputFormat.json
    package init() {}

    package func report(_ listing: AccuracyListing) -> String {
        let report = listing.report
        var json = JSONWriter()
        json.beginObject()
        json.int("total", report.total)
        json.int("correct", report.correct)
        json.double("accuracy", report.accuracy)
        json.double("macroF1", report.macroF1)
        Self.perCategory(report, &json)
        Self.confusion(report, &json)
        Self.perRule(report, &json)
        Self.wrong(report.wrong.prefix(listing.maxWrong), &json)
        json.endObject()
        return json.text + "\n"
    }

    static func perCategory(_ report: AccuracyReport, _ json: inout JSONWriter) {
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
    }

    static func confusion(_ report: AccuracyReport, _ json: inout JSONWriter) {
        json.beginObject("confusion")
        for category in Category.allCases {
            guard let row = report.confusion[category] else { continue }
            json.beginObject(category.rawValue)
            for column in AccuracyReport.Predicted.columns { json.int(column.description, row[column] ?? 0) }
            json.endObject()
        }
        json.endObject()
    }

    static func perRule(_ report: AccuracyReport, _ json: inout JSONWriter) {
        json.beginObject("perRule")
        for entry in report.perRule {
            json.beginObject(entry.rule)
            json.int("decided", entry.decided)
            json.int("correct", entry.correct)
            json.endObject()
        }
        json.endObject()
    }

    static func wrong(_ rows: ArraySlice<AccuracyReport.Row>, _ json: inout JSONWriter) {
        json.beginArray("wrong")
        for row in rows {
            json.beginObject()
            if !row.record.sha.isEmpty { json.string("sha", row.record.sha) }
            json.string("subject", row.record.subject)
            json.string("expected", row.expected.rawValue)
            json.string("got", row.classification.label)
            json.optionalString("rule", row.classification.ruleID)
            json.endObject()
        }
        json.endArray()
    }
}

/// `rules eval --format table`: the summary and the first wrong rows.
package struct TableAccuracyReporter: Reporter {
    package static let format = OutputFormat.table
    package init() {}

    package func report(_ listing: AccuracyListing) -> String {
        let (report, maxWrong) = (listing.report, listing.maxWrong)
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
