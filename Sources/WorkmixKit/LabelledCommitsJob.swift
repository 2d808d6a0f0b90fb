import WorkmixCore
import WorkmixStore

/// The labelled commits `model train`, `model eval` and `rules eval` learn from or measure on: rows of
/// labels files, and the Conventional commits of the workspace's repositories.
package struct LabelledCommitsJob {
    package let workspace: Workspace

    package init(workspace: Workspace) {
        self.workspace = workspace
    }

    /// The labelled commits of `labels` files and, when `fromRepositories`, the Conventional commits
    /// of the repositories.
    package func run(labels: [String], fromRepositories: Bool) throws -> (commits: [LabelledRecord], warnings: [RunWarning]) {
        var (commits, warnings) = fromRepositories ? try conventionalCommits() : ([], [])
        for path in labels { commits += try self.commits(ofLabelsFile: path) }
        return (commits, warnings)
    }

    /// The commits of the repositories whose subject carries a Conventional prefix of a known type,
    /// labelled with the category it implies, with their file changes. Commits the rules skip (merges)
    /// are left out. The prefix stays in the subject: the model's features drop it.
    package func conventionalCommits() throws -> (commits: [LabelledRecord], warnings: [RunWarning]) {
        var commits: [LabelledRecord] = []
        var job = ScanJob(workspace: workspace, diffs: .always)
        job.evidence = false
        let warnings = try job.run { commit in
            guard let prefix = ConventionalPrefix(Substring(commit.record.subject)), let category = prefix.category else { return }
            commits.append((commit.record, category))
        }
        return (commits, warnings)
    }

    /// The commits of a labels file with their labels: messages as records of their own, whole commits
    /// as the JSON lines give them, shas looked up in the run's repositories (with file changes).
    package func commits(ofLabelsFile path: String) throws -> [LabelledRecord] {
        let rows = try LabelsFile.load(path: path)
        // What the lookups read from git is kept for the next run, even when a later row fails.
        let labelled: [LabelledRecord]
        do {
            labelled = try records(rows, path: path)
        } catch {
            try? workspace.store?.save()
            throw error
        }
        try workspace.store?.save()
        return labelled
    }

    private func records(_ rows: [LabelsFile.Row], path: String) throws -> [LabelledRecord] {
        var lookup: CommitLookup?
        return try rows.map { row in
            switch row.subject {
            case .message(let message):
                let (subject, body) = MessageParts.split(message)
                let record = CommitRecord(
                    sha: "", author: Person(name: "", email: ""),
                    authoredAt: Timestamp(seconds: 0, offsetMinutes: 0), subject: subject, body: body)
                return (record, row.expected)
            case .commit(let record):
                return (record, row.expected)
            case .sha(let sha):
                let commits = try lookup ?? CommitLookup(workspace: workspace)
                lookup = commits
                do {
                    return (try commits.record(sha), row.expected)
                } catch let error as InputError {
                    throw InputError("\(error.message) (row \(row.row))", at: SourceLocation(file: path, line: row.line))
                }
            }
        }
    }
}
