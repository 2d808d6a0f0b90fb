import WorkmixCore

/// One scan row as a JSON object, the same for `json` and `jsonl`. Key order is fixed.
enum ScanRecordJSON {
    static func write(_ commit: ClassifiedCommit, options: ScanOptions, into json: inout JSONWriter) {
        let record = commit.record
        json.beginObject()
        json.string("repo", record.repo)
        json.string("sha", record.sha)
        json.beginArray("parents")
        for parent in record.parents { json.string(nil, parent) }
        json.endArray()
        person("author", record.author, &json)
        person("committer", record.committer, &json)
        json.string("authoredAt", record.authoredAt.iso8601)
        json.string("committedAt", record.committedAt.iso8601)
        json.string("subject", record.subject)
        json.string("body", record.body)
        json.beginArray("trailers")
        for trailer in record.trailers {
            json.beginObject()
            json.string("key", trailer.key)
            json.string("value", trailer.value)
            json.endObject()
        }
        json.endArray()
        json.beginArray("coAuthors")
        for person in record.coAuthors { self.person(nil, person, &json) }
        json.endArray()
        json.bool("isMerge", record.isMerge)
        switch record.changeInfo {
        case .notComputed, .paths:
            break
        case .unavailable, .linesUnavailable:
            json.null("stats")
            if options.includeFiles { json.null("changes") }
        case .computed(let changes):
            let stats = ChangeStats(changes)
            json.beginObject("stats")
            json.int("files", stats.files)
            json.int("insertions", stats.insertions)
            json.int("deletions", stats.deletions)
            json.endObject()
            if options.includeFiles {
                json.beginArray("changes")
                for change in changes { file(change, &json) }
                json.endArray()
            }
        }
        json.string("category", commit.classification.label)
        json.optionalString("rule", commit.classification.ruleID)
        // Only when the regex engine gave up on a rule before the verdict, as `stats` is null only when objects are missing.
        if !commit.classification.unevaluated.isEmpty {
            json.beginArray("unevaluated")
            for ruleID in commit.classification.unevaluated { json.string(nil, ruleID) }
            json.endArray()
        }
        if options.explain {
            json.beginArray("evidence")
            for item in commit.classification.evidence { json.string(nil, item) }
            json.endArray()
        }
        json.endObject()
    }

    static func person(_ key: String?, _ person: Person, _ json: inout JSONWriter) {
        json.beginObject(key)
        json.string("name", person.name)
        json.string("email", person.email)
        json.endObject()
    }

    static func file(_ change: FileChange, _ json: inout JSONWriter) {
        json.beginObject()
        json.string("path", change.path)
        if let oldPath = change.oldPath { json.string("oldPath", oldPath) }
        json.string("status", change.status.rawValue)
        json.int("insertions", change.insertions)
        json.int("deletions", change.deletions)
        json.bool("binary", change.binary)
        json.endObject()
    }
}

/// `jsonl`: one object a line, written as soon as the commit is read.
package struct JSONLinesScanReporter: ScanReporter {
    package static let format = OutputFormat.jsonl
    let options: ScanOptions
    package init(options: ScanOptions) { self.options = options }
    package func header() -> String { "" }
    package func row(_ commit: ClassifiedCommit) -> String {
        var json = JSONWriter(capacity: 1024)
        ScanRecordJSON.write(commit, options: options, into: &json)
        json.newline()
        return json.text
    }
    package func footer() -> String { "" }
}

/// `json`: one array, still written row by row.
package struct JSONScanReporter: ScanReporter {
    package static let format = OutputFormat.json
    let options: ScanOptions
    var first = true
    package init(options: ScanOptions) { self.options = options }
    package func header() -> String { "[" }
    package mutating func row(_ commit: ClassifiedCommit) -> String {
        var json = JSONWriter(capacity: 1024)
        ScanRecordJSON.write(commit, options: options, into: &json)
        defer { first = false }
        return (first ? "\n  " : ",\n  ") + json.text
    }
    package func footer() -> String { first ? "]\n" : "\n]\n" }
}
