import WorkmixCore

/// `json`: `{"people": [{person, commits, pairedCommits, identities: [{name, email, commits}],
/// merges: [{identity, joined, reason}]}], "suggestions": [{people, reason}], "bots": [{name, email, commits}]}`.
package struct JSONPeopleReporter: Reporter {
    package static let format = OutputFormat.json
    package init() {}

    package func report(_ report: PeopleReport) -> String {
        var text = "{\"people\":["
        text += report.people.map { "\n  " + Self.object(for: $0) }.joined(separator: ",")
        text += report.people.isEmpty ? "]," : "\n],"
        text += "\"suggestions\":["
        text += report.suggestions.map { suggestion in
            var json = JSONWriter()
            json.beginObject()
            json.beginArray("people")
            for person in suggestion.people { ScanRecordJSON.person(nil, person, &json) }
            json.endArray()
            json.string("reason", suggestion.reason.description)
            json.endObject()
            return "\n  " + json.text
        }.joined(separator: ",")
        text += report.suggestions.isEmpty ? "]," : "\n],"
        var bots = JSONWriter()
        bots.beginArray()
        for bot in report.bots { Self.identity(bot.person, commits: bot.commits, &bots) }
        bots.endArray()
        return text + "\"bots\":" + bots.text + "}\n"
    }

    static func object(for entry: People.Entry) -> String {
        var json = JSONWriter()
        json.beginObject()
        ScanRecordJSON.person("person", entry.person, &json)
        json.int("commits", entry.commits)
        json.int("pairedCommits", entry.pairedCommits)
        json.beginArray("identities")
        for identity in entry.identities { Self.identity(identity.person, commits: identity.commits, &json) }
        json.endArray()
        json.beginArray("merges")
        for merge in entry.merges {
            json.beginObject()
            ScanRecordJSON.person("identity", merge.identity, &json)
            ScanRecordJSON.person("joined", merge.joined, &json)
            json.string("reason", merge.reason.rawValue)
            json.endObject()
        }
        json.endArray()
        json.endObject()
        return json.text
    }

    static func identity(_ person: Person, commits: Int, _ json: inout JSONWriter) {
        json.beginObject()
        json.string("name", person.name)
        json.string("email", person.email)
        json.int("commits", commits)
        json.endObject()
    }
}
