import Foundation
import WorkmixCore

/// Labelled commits as JSON lines, one object a line, in the shape of the shared Conventional Commits
/// corpus (`conventional-commits.jsonl`): `subject` (or `message`), `body`, the label as `category`
/// (or `expect`), and optionally `sha`, `repo`, `authoredAt`, `insertions`, `deletions`, `fileCount`
/// and `files` (`[path, insertions|null, deletions|null, status A|M|D|T|R|C]`). Each line is a whole
/// commit, so rules on files and line counts, and the model, see what the line holds. A line with a
/// `sha` and no `subject` or `message` (`workmix label`'s output) names a commit of the repositories.
package enum LabelledCommitLines {
    /// Whether a labels file is JSON lines (else CSV): its first non-blank character opens an object.
    package static func looksLikeJSONLines(_ text: String) -> Bool {
        text.unicodeScalars.first { !CharacterSet.whitespacesAndNewlines.contains($0) && $0 != "\u{FEFF}" } == "{"
    }

    package static func parse(_ text: String, file: String) throws -> [LabelsFile.Row] {
        var rows: [LabelsFile.Row] = []
        var lineNumber = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            if line.allSatisfy(\.isWhitespace) { continue }
            let location = SourceLocation(file: file, line: lineNumber)
            let object: Line
            do {
                object = try JSONDecoder().decode(Line.self, from: Data(line.utf8))
            } catch {
                throw InputError("not a labelled commit: \(describe(error))", at: location)
            }
            // `workmix label`'s lines name a commit by sha alone: it is looked up in the repositories.
            if object.subject == nil, object.message == nil, let sha = object.sha, !sha.isEmpty {
                let (_, expected) = try object.labelledRecord(at: location, needsSubject: false)
                rows.append(LabelsFile.Row(subject: .sha(sha), expected: expected, row: rows.count + 1, line: lineNumber))
                continue
            }
            let (record, expected) = try object.labelledRecord(at: location)
            rows.append(LabelsFile.Row(subject: .commit(record), expected: expected, row: rows.count + 1, line: lineNumber))
        }
        return rows
    }

    private static func describe(_ error: Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, _): return "missing '\(key.stringValue)'"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            return "'\(path)' has the wrong type"
        default: return "invalid JSON"
        }
    }

    private struct Line: Decodable {
        var repo: String?
        var sha: String?
        var authoredAt: String?
        var subject: String?
        var message: String?
        var body: String?
        var category: String?
        var expect: String?
        var insertions: Int?
        var deletions: Int?
        var fileCount: Int?
        var files: [FileEntry]?

        func labelledRecord(at location: SourceLocation, needsSubject: Bool = true) throws -> (CommitRecord, Category) {
            let label = (category ?? expect ?? "").lowercased()
            guard let expected = Category(rawValue: label), Category.assignable.contains(expected) else {
                throw InputError("category '\(label)' is not investment, maintenance or support", at: location)
            }
            var parts = (subject: subject ?? "", body: body ?? "")
            if subject == nil, let message { parts = MessageParts.split(message) }
            // A commit may have an empty message (git allows it); a line with neither message nor commit is no row.
            guard !needsSubject || !parts.subject.trimmingCharacters(in: .whitespaces).isEmpty || sha?.isEmpty == false || files != nil
            else {
                throw InputError("empty subject", at: location)
            }
            let when = authoredAt.flatMap(DateParser.parseTimestamp) ?? Timestamp(seconds: 0, offsetMinutes: 0)
            let record = CommitRecord(
                repo: repo ?? "", sha: sha ?? "", author: Person(name: "", email: ""),
                authoredAt: when, subject: parts.subject, body: parts.body,
                changeInfo: changeInfo())
            return (record, expected)
        }

        /// The files as listed; a line listing fewer files than `fileCount` (the corpus keeps the first
        /// 20) gets a change named `…` for each file left out, the first carrying the rest of the line
        /// counts, so file counts and totals stay true.
        func changeInfo() -> ChangeInfo {
            guard let files else { return .notComputed }
            var changes = files.map(\.change)
            if let fileCount, fileCount > changes.count {
                let rest = FileChange(
                    path: "…",
                    insertions: max(0, (insertions ?? 0) - changes.reduce(0) { $0 + $1.insertions }),
                    deletions: max(0, (deletions ?? 0) - changes.reduce(0) { $0 + $1.deletions }))
                changes.append(rest)
                changes += Array(repeating: FileChange(path: "…"), count: fileCount - changes.count)
            }
            let linesKnown = insertions != nil && deletions != nil && files.allSatisfy { $0.insertions != nil && $0.deletions != nil }
            return linesKnown ? .computed(changes) : .linesUnavailable(changes)
        }
    }

    private struct FileEntry: Decodable {
        var path: String
        var insertions: Int?
        var deletions: Int?
        var status: FileChange.Status

        init(from decoder: Decoder) throws {
            var container = try decoder.unkeyedContainer()
            path = try container.decode(String.self)
            insertions = try container.isAtEnd ? nil : container.decodeIfPresent(Int.self)
            deletions = try container.isAtEnd ? nil : container.decodeIfPresent(Int.self)
            let code = try container.isAtEnd ? "M" : container.decode(String.self)
            switch code.uppercased() {
            case "A": status = .added
            case "D": status = .deleted
            case "R": status = .renamed
            case "C": status = .copied
            case "T": status = .typechange
            default: status = .modified
            }
        }

        var change: FileChange {
            FileChange(path: path, status: status, insertions: insertions ?? 0, deletions: deletions ?? 0)
        }
    }
}
