import Foundation
import WorkmixCore
import WorkmixGit

/// `workmix label`: the commits to draw a sample from, hand labels read from a file, and the commits
/// shown for labelling, all from the workspace's repositories.
package struct LabelJob {
    package let workspace: Workspace

    package init(workspace: Workspace) {
        self.workspace = workspace
    }

    /// Every commit of the run with what the rules in force say of it (as `scan` would), for the sample.
    package func candidates() throws -> (candidates: [LabelCandidate], warnings: [RunWarning]) {
        var candidates: [LabelCandidate] = []
        let warnings = try ScanJob(workspace: workspace, diffs: .onDemand).run { candidates.append(LabelCandidate($0)) }
        return (candidates, warnings)
    }

    /// `--from-tsv FILE`: `sha<TAB>category` lines (a sha or a prefix of one, looked up in the run's
    /// repositories); blank lines and lines starting with `#` are skipped. A commit of `sample` keeps its
    /// stratum; any other is `given`. Everything is checked before anything is written.
    package func handLabels(fromTSV path: String, sample: [LabelCandidate]) throws -> [HandLabel] {
        let text = try TextFile.read(path, what: "labels file", limit: TextFile.labelsLimit)
        let lookup = try CommitLookup(workspace: workspace)
        let strata = Dictionary(sample.map { ($0.sha, $0.stratum.rawValue) }, uniquingKeysWith: { first, _ in first })
        var labels: [HandLabel] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let location = SourceLocation(file: path, line: index + 1)
            let fields = trimmed.split(separator: "\t").map { $0.trimmingCharacters(in: .whitespaces) }
            guard fields.count == 2 else { throw InputError("expected sha<TAB>category", at: location) }
            guard let category = Category(rawValue: fields[1].lowercased()), Category.assignable.contains(category) else {
                throw InputError("category '\(fields[1])' is not investment, maintenance or support", at: location)
            }
            let record: CommitRecord
            do {
                record = try lookup.record(fields[0])
            } catch let error as InputError {
                throw InputError(error.message, at: location)
            }
            labels.append(HandLabel(repo: record.repo, sha: record.sha, category: category, stratum: strata[record.sha] ?? "given"))
        }
        return labels
    }

    /// Shows commits for labelling: each with its file changes and the start of its patch.
    package func previewer() throws -> CommitPreviewer {
        CommitPreviewer(
            lookup: try CommitLookup(workspace: workspace),
            repositories: workspace.repositories.compactMap { try? Repository(discovering: $0.path) })
    }
}

/// A commit as `workmix label` shows it: its record with file changes and a few lines of its patch.
package struct CommitPreview: Sendable {
    package var record: CommitRecord
    package var excerpt: [String]
}

package final class CommitPreviewer {
    let lookup: CommitLookup
    let repositories: [Repository]

    init(lookup: CommitLookup, repositories: [Repository]) {
        self.lookup = lookup
        self.repositories = repositories
    }

    /// The commit with the first `maxLines` lines of its patch, file by file (binary files and files
    /// whose blobs cannot be read are left out of the excerpt).
    package func preview(_ sha: String, maxLines: Int = 16) throws -> CommitPreview {
        let record = try lookup.record(sha)
        var excerpt: [String] = []
        if let id = ObjectID(hex: record.sha), let repository = repositories.first(where: { $0.contains(id) }),
            let commit = try? repository.commit(id), let changes = try? repository.treeChanges(of: commit)
        {
            for change in changes where excerpt.count < maxLines {
                guard let lines = repository.patchExcerpt(change, maxLines: maxLines - excerpt.count - 1), !lines.isEmpty else {
                    continue
                }
                excerpt.append("── \(change.path)")
                excerpt += lines
            }
        }
        return CommitPreview(record: record, excerpt: excerpt)
    }
}
