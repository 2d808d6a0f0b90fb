import Foundation
import WorkmixCore
import WorkmixGit
import WorkmixStore

/// Where a miner reads history: a checkout, or a repository's history a PostgreSQL store serves by
/// name (read without a checkout).
enum HistorySource {
    case checkout(Repository)
    case served(ServedRepository)
}

/// Where a miner's history comes from: a repository, or with a PostgreSQL store a repository it holds
/// by name (read without a checkout); and which commits the query's revisions name in either.
extension HistoryMiner {
    /// The checkout; nil when the repository is read from a PostgreSQL store alone.
    var repository: Repository? {
        guard case .checkout(let repository) = source else { return nil }
        return repository
    }

    /// Whether `target` is read from `store` alone: a PostgreSQL store, and no checkout at its path.
    package static func isServed(_ target: NamedRepository, by store: StoreSession?) -> Bool {
        store?.serverAddress != nil && !FileManager.default.fileExists(atPath: target.path)
    }

    /// Opens `target`: its repository, or with a PostgreSQL store, when no such path exists, the
    /// repository the store holds under its name (the config's, else the path's last component).
    package static func open(_ target: NamedRepository, options: MiningOptions) throws -> HistoryMiner {
        var options = options
        options.repoName = target.name
        if let revisions = target.revisions {
            options.query.revisions = revisions
            options.query.all = false
        }
        if let store = options.store, let address = store.serverAddress, isServed(target, by: store) {
            let name = target.name ?? NamedRepository.folderName(of: target.path)
            guard let served = try store.served(named: name) else {
                throw InputError(
                    "\(address): no repository '\(name)' in the store, and no checkout at \(target.path) "
                        + "(push it: workmix scan --repo PATH --store URL)")
            }
            return HistoryMiner(path: target.path, served: served, options: options)
        }
        return try HistoryMiner(path: target.path, options: options)
    }

    /// Resolves the query's revisions without walking: an unknown revision fails here, so a run over
    /// several repositories can check them all before it prints a row.
    package func checkRevisions() throws {
        _ = try resolveRevisions()
    }

    /// The revisions' commits: resolved in the repository (and noted for a push, each as given), or as
    /// a push resolved them when the repository is read from the store alone.
    func resolveRevisions() throws -> (include: [ObjectID], exclude: [ObjectID]) {
        var resolved = ResolvedRevision()
        let revisions = options.query.revisions.isEmpty && !options.query.all ? ["HEAD"] : options.query.revisions
        for spec in (options.query.all ? ["--all"] : []) + revisions {
            let one = try resolve(spec)
            resolved.include += one.include
            resolved.exclude += one.exclude
        }
        return (resolved.include, resolved.exclude)
    }

    private func resolve(_ spec: String) throws -> ResolvedRevision {
        let repository: Repository
        switch source {
        case .checkout(let checkout): repository = checkout
        case .served(let served): return try served.resolve(spec)
        }
        var one = ResolvedRevision()
        do {
            if spec == "--all" {
                one.include = try repository.allReferenceTips()
            } else {
                try RevisionSpec.parse(spec, in: repository, include: &one.include, exclude: &one.exclude)
            }
        } catch let error as GitError {
            throw InputError("\(path): \(error.description)", remedy: error.code == .unbornBranch ? .nameRevision : nil)
        }
        stored?.note(revision: spec, one)
        return one
    }
}
