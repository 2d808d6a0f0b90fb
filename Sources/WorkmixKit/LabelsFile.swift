import Foundation
import SwiftCSV
import WorkmixCore

/// The hand-labelled commits of `workmix rules eval --labels FILE`: CSV with a header and the columns
/// `sha,expect` (commits looked up in the repositories) or `message,expect` (the message alone).
public enum LabelsFile {
    public enum Subject: Equatable, Sendable {
        case sha(String)
        case message(String)
    }

    public struct Row: Equatable, Sendable {
        public var subject: Subject
        public var expected: Category
        /// The CSV record's number (1 = the first after the header), for messages.
        public var row: Int
    }

    public static func load(path: String) throws -> [Row] {
        let text = try TextFile.read(path, what: "labels file")
        return try parse(text, file: path)
    }

    public static func parse(_ text: String, file: String) throws -> [Row] {
        let csv: CSV<Named>
        do {
            csv = try CSV<Named>(string: text, delimiter: .comma, loadColumns: false)
        } catch {
            throw InputError("invalid CSV: \(error)", at: SourceLocation(file: file, line: 1))
        }
        let header = csv.header.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        guard header.contains("expect") else {
            throw InputError("the header has no 'expect' column (expected sha,expect or message,expect)", at: SourceLocation(file: file, line: 1))
        }
        let key: String
        if header.contains("sha") { key = "sha" } else if header.contains("message") { key = "message" } else {
            throw InputError("the header has neither a 'sha' nor a 'message' column", at: SourceLocation(file: file, line: 1))
        }
        let originalKey = csv.header[header.firstIndex(of: key)!]
        let originalExpect = csv.header[header.firstIndex(of: "expect")!]
        var rows: [Row] = []
        for (index, values) in csv.rows.enumerated() {
            let location = SourceLocation(file: file, line: index + 2)
            let expectText = (values[originalExpect] ?? "").trimmingCharacters(in: .whitespaces).lowercased()
            guard let expected = Category(rawValue: expectText), Category.assignable.contains(expected) else {
                throw InputError("expect '\(expectText)' is not investment, maintenance or support", at: location)
            }
            let value = values[originalKey] ?? ""
            guard !value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                throw InputError("empty \(key)", at: location)
            }
            rows.append(Row(subject: key == "sha" ? .sha(value.trimmingCharacters(in: .whitespaces)) : .message(value),
                            expected: expected, row: index + 1))
        }
        return rows
    }
}
