import Dispatch
import Foundation
import WorkmixCore
import WorkmixGit
import WorkmixStore

/// What to read besides metadata, and how.
package struct MiningOptions: Sendable {
    package var query = HistoryQuery()
    /// When diffs against the first parent are read (costly: a diff per commit).
    package var diffs = DiffPolicy.onDemand
    /// Trailer keys that name a pair partner (config `pair_trailers`).
    package var pairTrailers = CoAuthorParser.defaultKeys
    package var identities = IdentityTable()
    /// Threads that read, classify and diff commits, each with its own repository handle.
    package var jobs = ProcessInfo.processInfo.activeProcessorCount
    /// The name records carry in `repo`; default: the repository's directory name.
    package var repoName: String?
    /// The history store: commits and changes read before are read from it, not from git.
    package var store: StoreSession?

    package init() {}
}

/// What went wrong without stopping the scan, reported once at the end.
package struct MiningWarnings: Sendable, Equatable {
    package var commitsWithoutStats = 0
    package var missingCommits = 0
    package var shallow = false

    package init() {}

    /// The warnings, naming `repository` when given.
    package func warnings(repository: String?) -> [RunWarning] {
        var warnings: [RunWarning] = []
        if shallow { warnings.append(.shallowClone(repository: repository)) }
        if commitsWithoutStats > 0 { warnings.append(.statsUnavailable(commits: commitsWithoutStats, repository: repository)) }
        if missingCommits > 0 { warnings.append(.parentsUnreadable(commits: missingCommits, repository: repository)) }
        return warnings
    }
}

/// One commit as a metadata walk meets it.
package struct CommitSighting {
    package var sha: String
    package var authoredAt: Timestamp
    /// The committer date's seconds: the walk's order, newest first.
    package var committedAt: Int64
    package var isRoot: Bool
    package var traces: [IdentityTrace]
}

/// Reads one repository's history as commit records, in `git rev-list` order, streaming: memory
/// stays flat however long the history. Records are built, classified and diffed on `jobs` threads in
/// batches, each thread with its own repository handle; they still come out in walk order.
package final class HistoryMiner {
    package let path: String
    package let repoName: String
    package private(set) var warnings = MiningWarnings()
    let options: MiningOptions
    let source: HistorySource
    private let mailmap: Mailmap
    private let mailmapText: String?
    /// This repository's store, when the run keeps one and it can be used.
    private(set) lazy var stored: LoadedHistory? = {
        switch source {
        case .checkout(let repository):
            return options.store?.history(
                for: repository, name: Self.defaultName(of: repository, path: path), repoName: repoName, inputs: classificationInputs)
        case .served(let served): return served.history
        }
    }()

    init(path: String, served: ServedRepository, options: MiningOptions) {
        self.path = path
        self.options = options
        source = .served(served)
        repoName = options.repoName ?? served.name
        mailmapText = served.mailmap.isEmpty ? nil : served.mailmap
        mailmap = mailmapText.map(Mailmap.init(text:)) ?? Mailmap()
        warnings.shallow = !served.shallowText.isEmpty
    }

    package init(path: String, options: MiningOptions) throws {
        self.path = path
        self.options = options
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw InputError("\(path): no such file or directory")
        }
        // A `.git` file (a linked worktree's or a submodule's `gitdir:` pointer) stands for its folder.
        let isGitFile = !isDirectory.boolValue && (path as NSString).lastPathComponent == ".git"
        guard isDirectory.boolValue || isGitFile else { throw InputError("\(path): not a directory") }
        let opened: Repository
        do {
            opened = try Repository(discovering: isGitFile ? URL(fileURLWithPath: path).deletingLastPathComponent().path : path)
        } catch let error as GitError where error.code == .notOwned {
            throw InputError("\(path): \(error.message)")
        } catch let error as GitError {
            throw InputError("\(path): not a git repository (\(error.message))")
        }
        source = .checkout(opened)
        repoName = options.repoName ?? Self.defaultName(of: opened, path: path)
        mailmapText = opened.mailmapText()
        mailmap = mailmapText.map(Mailmap.init(text:)) ?? Mailmap()
        warnings.shallow = opened.isShallow
    }

    /// The repository's git directory with symbolic links resolved: one per repository (or worktree),
    /// however the path to it was written.
    package var canonicalGitDirectory: String {
        switch source {
        case .checkout(let repository): return URL(fileURLWithPath: repository.gitDirectory).resolvingSymlinksInPath().standardizedFileURL.path
        case .served(let served): return "\(served.url): \(served.name)"
        }
    }

    /// What a classification of this repository's commits depends on besides the rules and config:
    /// the mailmap (who is who) and a shallow clone's boundary (which commits look like roots).
    /// Read once: the store is opened with them and each classification pass keys its verdicts by them.
    private(set) lazy var classificationInputs: [String] = {
        switch source {
        case .checkout(let repository):
            let shallow = (repository.commonDirectory as NSString).appendingPathComponent("shallow")
            return [mailmapText ?? "", (try? String(contentsOfFile: shallow, encoding: .utf8)) ?? ""]
        case .served(let served): return [mailmapText ?? "", served.shallowText]
        }
    }()

    /// The work tree's folder name, or the bare repository's without `.git`.
    static func defaultName(of repository: Repository, path: String) -> String {
        NamedRepository.folderName(of: repository.workTree ?? repository.commonDirectory)
    }

    /// Calls `emit` with each record, in order.
    package func run(_ emit: (CommitRecord) throws -> Void) throws {
        try run({ $0.record }, emit: emit)
    }

    /// Reads each commit, builds its record (with line counts when the diff policy is `always`), hands it
    /// to `transform` as a mined commit that reads its changes on demand, and calls `emit` with the
    /// results in walk order. With several jobs, commits are processed in batches on as many threads, each with
    /// its own repository handle and identity cache; the output is the same as with one.
    package func run<T: Sendable>(
        _ transform: @escaping @Sendable (MinedCommit) -> T,
        emit: (T) throws -> Void
    ) throws {
        guard let walk = try makeWalk() else { return }
        let jobs = max(1, options.jobs)
        // With several jobs the walk runs on its own thread with the main handle, and every worker
        // opens its own; with one, everything runs here on the main handle.
        let workers = try (0..<jobs).map { _ in
            try MinerWorker(
                repository: jobs == 1 ? repository : repository.map { try Repository(discovering: $0.gitDirectory) },
                mailmap: mailmap, options: options, repoName: repoName, stored: stored)
        }
        func output(_ outputs: [MinerWorker.Output<T>]) throws {
            for output in outputs {
                if output.statsUnavailable { warnings.commitsWithoutStats += 1 }
                try emit(output.value)
            }
        }
        if jobs == 1 {
            while let commit = try nextAdmitted(walk) { try output([workers[0].process(commit, transform)]) }
        } else {
            // Each batch is processed on the workers while this thread walks the next one (on the main
            // handle) and writes the one before; a walk's error comes after the batches before it.
            var processing: MinerBatch<T>?
            // Whatever ends this loop, the workers are done before the repository can be gone.
            defer { processing?.cancel() }
            repeat {
                let next = Result { try nextBatch(walk) }
                let done = processing?.outputs()
                processing = (try? next.get()).flatMap { $0.isEmpty ? nil : MinerBatch($0, on: workers, transform) }
                try done.map(output)
                _ = try next.get()
            } while processing != nil
        }
        warnings.missingCommits = walk.missingCommits.count
    }

    /// Calls `emit` with each commit's sha and people (`IdentityResolver.traces`), in walk order, on
    /// this thread: a metadata walk, with no record built and no diff read.
    package func identities(_ emit: (String, [IdentityTrace]) throws -> Void) throws {
        try sightings {
            try emit($0.sha, $0.traces)
            return true
        }
    }

    /// The same walk, with each commit's dates and whether it shows no parent (a root, or a shallow
    /// clone's cut), until `emit` returns false.
    package func sightings(_ emit: (CommitSighting) throws -> Bool) throws {
        guard let walk = try makeWalk() else { return }
        let worker = MinerWorker(repository: repository, mailmap: mailmap, options: options, repoName: repoName, stored: stored)
        while let commit = try nextAdmitted(walk) {
            let authored = Timestamp(seconds: commit.author.time, offsetMinutes: commit.author.offsetMinutes)
            let sighting = CommitSighting(
                sha: commit.id.hex, authoredAt: authored, committedAt: commit.committer.time, isRoot: commit.parents.isEmpty,
                traces: worker.traces(of: commit))
            guard try emit(sighting) else { return }
        }
    }

    /// How many commits `run` would read: a metadata-only walk (about 0.1 s per 10,000 commits), for
    /// progress estimates.
    package func countCommits() throws -> Int {
        guard let walk = try makeWalk() else { return 0 }
        var count = 0
        while try nextAdmitted(walk) != nil { count += 1 }
        return count
    }

    /// The next commits the query admits, 256 or fewer at the walk's end.
    private func nextBatch(_ walk: RevisionWalk) throws -> [GitCommit] {
        var batch: [GitCommit] = []
        while batch.count < 256, let commit = try nextAdmitted(walk) { batch.append(commit) }
        return batch
    }

    /// The next commit the query admits (merges and dates filtered here: they are not walk limits).
    private func nextAdmitted(_ walk: RevisionWalk) throws -> GitCommit? {
        while let commit = try nextCommit(walk) {
            if options.query.noMerges && commit.parents.count > 1 { continue }
            let authored = Timestamp(seconds: commit.author.time, offsetMinutes: commit.author.offsetMinutes)
            guard options.query.admits(authoredAt: authored) else { continue }
            // Read from the store alone, a commit must have been pushed with all its changes: a
            // reader asks what a push may not have read, and no repository is here to ask.
            if case .served(let served) = source, options.diffs != .none, stored?.changes(of: commit).canImprove(to: .lines) ?? true {
                throw InputError(
                    "\(served.url): repository '\(served.name)': commit \(commit.id.hex) was pushed without its file changes "
                        + "(by an older workmix, or from a damaged clone): push the repository again")
            }
            return commit
        }
        return nil
    }

    /// One commit, with file changes when the options ask for them.
    package func record(revision: String) throws -> CommitRecord {
        guard case .checkout(let repository) = source else { throw InputError("\(path): no such file or directory") }
        let commit: GitCommit
        do {
            let source: CommitSource = stored ?? repository
            commit = try source.commit(try repository.resolveCommit(revision))
        } catch let error as GitError {
            throw InputError("\(path): \(error.description)")
        }
        let worker = MinerWorker(repository: repository, mailmap: mailmap, options: options, repoName: repoName, stored: stored)
        var record = worker.record(commit, changes: options.diffs == .always ? worker.readChanges(of: commit, detail: .lines) : .notComputed)
        // Looked-up commits (rules eval, explain) carry their dependency changes: cheap for one commit.
        if let changes = record.changeInfo.changes {
            let manifests = changes.filter { Manifest(path: $0.path) != nil }
            record.dependencies = manifests.isEmpty ? DependencyChanges() : worker.dependencies(of: commit, manifests)
        }
        return record
    }

    private func nextCommit(_ walk: RevisionWalk) throws -> GitCommit? {
        do {
            return try walk.next()
        } catch let error as GitError {
            throw InputError("\(path): \(error.description)")
        }
    }

    /// The walk for the query, or nil for an empty repository asked for HEAD.
    func makeWalk() throws -> RevisionWalk? {
        let (include, exclude) = try resolveRevisions()
        if include.isEmpty { return nil }
        stored?.note(tips: include)
        let walkOptions = RevisionWalk.Options(include: include, exclude: exclude, firstParent: options.query.firstParent)
        do {
            switch source {
            case .checkout(let repository): return try RevisionWalk(repository: repository, options: walkOptions, source: stored)
            case .served(let served): return try RevisionWalk(source: served.history, shallow: served.shallow, options: walkOptions)
            }
        } catch let error as GitError {
            throw InputError("\(path): \(error.description)")
        }
    }

}
