import CSV
import Foundation
import WorkmixCore
import WorkmixStore

/// The hand-labelled commits of `workmix rules eval --labels FILE`: CSV with a header and the columns
/// `sha,expect` (commits looked up in the repositories) or `message,expect` (the message alone), or
/// JSON lines of whole commits (`LabelledCommitLines`).
package enum LabelsFile {
    package enum Subject: Equatable, Sendable {
        case sha(String)
        case message(String)
        /// A whole commit from a JSON lines file: message, and files when the line lists them.
        case commit(CommitRecord)
    }

    package struct Row: Equatable, Sendable {
        package var subject: Subject
        package var expected: Category
        /// The CSV record's number (1 = the first after the header), for messages.
        package var row: Int
        /// The line the record starts on.
        package var line: Int
    }

    package static func load(path: String) throws -> [Row] {
        let text = try TextFile.read(path, what: "labels file", limit: TextFile.labelsLimit)
        return try parse(text, file: path)
    }

    /// Reads the CSV as Python's `csv` module does by default: RFC 4180 quoting, and a quote inside an
    /// unquoted field is text (`Revert "Add login page"`), not an error. A UTF-8 byte-order mark and
    /// blank lines are skipped; errors name the line a record starts on.
    package static func parse(_ text: String, file: String) throws -> [Row] {
        if LabelledCommitLines.looksLikeJSONLines(text) { return try LabelledCommitLines.parse(text, file: file) }
        var text = text
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        let reader: CSVReader
        do {
            reader = try CSVReader(string: text, hasHeaderRow: true)
        } catch {
            throw InputError("empty labels file: expected a header such as message,expect", at: SourceLocation(file: file, line: 1))
        }
        let rawHeader = reader.headerRow ?? []
        let header = rawHeader.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        guard let expectColumn = header.firstIndex(of: "expect") else {
            throw InputError("the header has no 'expect' column (expected sha,expect or message,expect)", at: SourceLocation(file: file, line: 1))
        }
        let key: String
        if header.contains("sha") {
            key = "sha"
        } else if header.contains("message") {
            key = "message"
        } else {
            throw InputError("the header has neither a 'sha' nor a 'message' column", at: SourceLocation(file: file, line: 1))
        }
        let keyColumn = header.firstIndex(of: key)!
        var rows: [Row] = []
        var line = 2 + newlines(in: rawHeader)
        while let values = reader.next() {
            let recordLine = line
            line += 1 + newlines(in: values)
            let location = SourceLocation(file: file, line: recordLine)
            if values.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) { continue }
            let field = { (column: Int) in column < values.count ? values[column] : "" }
            let expectText = field(expectColumn).trimmingCharacters(in: .whitespaces).lowercased()
            guard let expected = Category(rawValue: expectText), Category.assignable.contains(expected) else {
                throw InputError("expect '\(expectText)' is not investment, maintenance or support", at: location)
            }
            let value = field(keyColumn)
            guard !value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                throw InputError("empty \(key)", at: location)
            }
            rows.append(
                Row(
                    subject: key == "sha" ? .sha(value.trimmingCharacters(in: .whitespaces)) : .message(value),
                    expected: expected, row: rows.count + 1, line: recordLine))
        }
        return rows
    }

    /// Line breaks inside quoted fields: a record spans that many more lines.
    private static func newlines(in fields: [String]) -> Int {
        fields.reduce(0) { count, field in count + field.unicodeScalars.lazy.filter { $0 == "\n" }.count }
    }
}
