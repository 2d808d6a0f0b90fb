import WorkmixCore

/// `json`: the shape of SPEC 5, keys in a fixed order, one pair or person a line; plus `matrix`
/// (`people` and `commits`, rows in the order of `people`).
package struct JSONPairingReporter: Reporter {
    package static let format = OutputFormat.json
    package init() {}

    package func report(_ report: PairingReport) -> String {
        var text = "{\"pairs\":["
        text += report.pairs.map { "\n  " + Self.object(for: $0) }.joined(separator: ",")
        text += report.pairs.isEmpty ? "]," : "\n],"
        text += "\"people\":["
        text += report.people.map { "\n  " + Self.object(for: $0) }.joined(separator: ",")
        text += report.people.isEmpty ? "]," : "\n],"
        text += "\"pairingCommits\":\(report.pairingCommits),\n\"matrix\":" + Self.object(for: report.matrix) + "}\n"
        return text
    }

    static func object(for pair: PairingReport.Pair) -> String {
        var json = JSONWriter()
        json.beginObject()
        json.beginArray("people")
        for person in pair.people { ScanRecordJSON.person(nil, person, &json) }
        json.endArray()
        json.int("commits", pair.commits)
        json.beginObject("byCategory")
        for category in Category.allCases { json.int(category.rawValue, pair.byCategory[category]) }
        json.endObject()
        if let churn = pair.churn { json.int("churn", churn) } else { json.null("churn") }
        json.string("first", pair.first.iso8601)
        json.string("last", pair.last.iso8601)
        json.beginArray("repos")
        for repo in pair.repos { json.string(nil, repo) }
        json.endArray()
        json.string("category", pair.category.rawValue)
        json.endObject()
        return json.text
    }

    static func object(for participant: PairingReport.Participant) -> String {
        var json = JSONWriter()
        json.beginObject()
        ScanRecordJSON.person("person", participant.person, &json)
        json.int("commits", participant.commits)
        json.int("pairedCommits", participant.pairedCommits)
        json.double("pairedShare", participant.pairedShare)
        json.int("partners", participant.partners)
        json.beginArray("aliases")
        for alias in participant.aliases { ScanRecordJSON.person(nil, alias, &json) }
        json.endArray()
        json.endObject()
        return json.text
    }

    static func object(for matrix: PairingReport.Matrix) -> String {
        var json = JSONWriter()
        json.beginObject()
        json.beginArray("people")
        for person in matrix.people { ScanRecordJSON.person(nil, person, &json) }
        json.endArray()
        json.beginArray("commits")
        for row in matrix.commits {
            json.beginArray()
            for cell in row { json.int(nil, cell) }
            json.endArray()
        }
        json.endArray()
        json.endObject()
        return json.text
    }
}
