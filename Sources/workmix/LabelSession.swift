import Foundation
import WorkmixCore
import WorkmixKit
import WorkmixReporters

/// The keys of a `workmix label` session: one commit at a time, each label written as it is given.
struct LabelSession {
    /// The sample's commits not labelled before this session, in the sample's order.
    var queue: [LabelCandidate]
    let file: HandLabelFile
    let previewer: CommitPreviewer
    private(set) var given = 0

    init(queue: [LabelCandidate], file: HandLabelFile, previewer: CommitPreviewer) {
        self.queue = queue
        self.file = file
        self.previewer = previewer
    }

    static let categories: [Character: Category] = ["i": .investment, "m": .maintenance, "s": .support]

    mutating func run() throws {
        guard let terminal = RawTerminal() else {
            throw ExitFailure(code: 2, message: "label reads keys from a terminal: run it in one, or pass --from-tsv FILE")
        }
        defer { terminal.restore() }
        var index = 0
        var note = ""
        while index < queue.count {
            let candidate = queue[index]
            let preview = try previewer.preview(candidate.sha)
            let card = LabelCard(
                position: index + 1, total: queue.count, record: preview.record, excerpt: preview.excerpt,
                current: Classification(category: candidate.category, ruleID: candidate.ruleID, evidence: candidate.evidence),
                stratum: candidate.stratum.rawValue, given: file.label(for: candidate.sha)?.category)
            show(note + card.text)
            note = ""
            guard let key = terminal.readKey(), key != "q" else { break }
            if let category = Self.categories[key] {
                try file.record(HandLabel(repo: candidate.repo, sha: candidate.sha, category: category, stratum: candidate.stratum.rawValue))
                given += 1
                index += 1
            } else if key == "k" {
                index += 1
            } else if key == "b" {
                index = max(0, index - 1)
            } else {
                note = "\n(keys: i, m, s, k, b, q)"
            }
        }
        show("\n\(given) labelled now, \(file.labels.count) in \(file.path)\n")
    }

    private func show(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}
