import Foundation
import WorkmixCore

/// One hand label as `workmix label` writes it: a JSON line `{"repo","sha","category","stratum"}`.
package struct HandLabel: Codable, Sendable, Equatable {
    package var repo: String
    package var sha: String
    package var category: Category
    package var stratum: String

    package init(repo: String, sha: String, category: Category, stratum: String) {
        self.repo = repo
        self.sha = sha
        self.category = category
        self.stratum = stratum
    }
}

/// The labels file of a `workmix label` session: read when it exists (so a session resumes), and
/// written whole after every label, to a temporary file renamed over it, so quitting or a signal at any
/// moment leaves every label given so far and never half a line.
package final class HandLabelFile {
    package let path: String
    package private(set) var labels: [HandLabel]

    /// Reads the file when it exists; a line that is not a hand label fails with file:line.
    package init(path: String) throws {
        self.path = path
        labels = []
        guard FileManager.default.fileExists(atPath: path) else { return }
        let text = try TextFile.read(path, what: "labels file", limit: TextFile.labelsLimit)
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.allSatisfy(\.isWhitespace) { continue }
            guard let label = try? JSONDecoder().decode(HandLabel.self, from: Data(line.utf8)),
                Category.assignable.contains(label.category)
            else {
                throw InputError(
                    "not a line of workmix label (repo, sha, category, stratum)", at: SourceLocation(file: path, line: index + 1))
            }
            labels.append(label)
        }
    }

    package var labelledShas: Set<String> { Set(labels.map(\.sha)) }

    package func label(for sha: String) -> HandLabel? { labels.first { $0.sha == sha } }

    /// Records a label (replacing an earlier one for the same commit) and writes the file.
    package func record(_ label: HandLabel) throws {
        if let index = labels.firstIndex(where: { $0.sha == label.sha }) {
            labels[index] = label
        } else {
            labels.append(label)
        }
        try save()
    }

    /// Records several labels and writes the file once.
    package func record(all newLabels: [HandLabel]) throws {
        for label in newLabels {
            if let index = labels.firstIndex(where: { $0.sha == label.sha }) { labels[index] = label } else { labels.append(label) }
        }
        try save()
    }

    private func save() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var data = Data()
        for label in labels {
            data += try encoder.encode(label)
            data.append(UInt8(ascii: "\n"))
        }
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(getpid()).partial")
        do {
            try data.write(to: temporary)
            if rename(temporary.path, url.path) != 0 { throw CocoaError(.fileWriteUnknown) }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw InputError("\(path): cannot write the labels file")
        }
    }
}
