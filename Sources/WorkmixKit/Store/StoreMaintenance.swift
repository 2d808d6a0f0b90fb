import Foundation
import WorkmixCore

/// `workmix store info` and `store clear`: the store folder's files, read or removed.
public enum StoreMaintenance {
    /// What one store file holds.
    public struct FileInfo: Sendable {
        public var path: String
        public var bytes: Int64
        public var commits = 0
        public var tips: [String] = []
        public var digests: [(digest: String, commits: Int)] = []
        /// Why the file could not be read (it will be rebuilt by the next run).
        public var problem: String?
        /// Not a file the store made (a symbolic link…): runs leave it alone and read git (`problem` says why).
        public var refused = false
        /// For a report's checkpoint rather than a repository's database: what it holds.
        public var checkpoint: CheckpointInfo?
    }

    /// A report's checkpoint: the tips it covers in each repository, and what the run that wrote it read.
    public struct CheckpointInfo: Sendable {
        public var repositories: [(gitDirectory: String, tips: [String])]
        public var commitsRead: Int
        /// Whether that run read only the commits since the checkpoint before.
        public var resumed: Bool
    }

    /// The store files of `folder`, or only the one of the repository at `repository`.
    public static func files(in folder: String, repository: String? = nil) throws -> [String] {
        if let repository {
            // Opened from a path, a miner always has its repository.
            let miner = try HistoryMiner(path: repository, options: MiningOptions())
            guard let opened = miner.repository else { return [] }
            let path = StoreSession.databasePath(
                folder: folder, repository: opened, name: HistoryMiner.defaultName(of: opened, path: repository))
            // And the report checkpoints that read it.
            let directory = miner.canonicalGitDirectory
            let checkpoints = files(in: folder, suffix: CheckpointLedger.suffix).filter { path in
                CheckpointLedger.read(path)?.tips.contains { $0.gitDirectory == directory } ?? false
            }
            return (FileManager.default.fileExists(atPath: path) ? [path] : []) + checkpoints
        }
        return files(in: folder, suffix: ".sqlite") + files(in: folder, suffix: CheckpointLedger.suffix)
    }

    private static func files(in folder: String, suffix: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { $0.hasSuffix(suffix) }.sorted().map { (folder as NSString).appendingPathComponent($0) }
    }

    public static func info(path: String) -> FileInfo {
        var info = FileInfo(path: path, bytes: size(of: path))
        if path.hasSuffix(CheckpointLedger.suffix) {
            guard let checkpoint = CheckpointLedger.read(path) else {
                info.problem = "not a checkpoint this version reads"
                return info
            }
            info.checkpoint = CheckpointInfo(
                repositories: checkpoint.tips.map { ($0.gitDirectory, $0.include) }, commitsRead: checkpoint.commitsRead,
                resumed: checkpoint.resumed)
            return info
        }
        if let file = StoreFiles.foreign(at: path) {
            info.problem = StoreFiles.refusal(file)
            info.refused = true
            return info
        }
        do {
            let summary = try StoreFileLock.holding(path) {
                let database = try HistoryDatabase(path: path)
                try database.check()
                return try database.summary()
            }
            info.commits = summary.commits
            info.tips = summary.tips
            info.digests = summary.digests
        } catch {
            info.problem = StoreSession.reason(error)
        }
        info.bytes = size(of: path)
        return info
    }

    /// Removes store files (with their WAL and shared-memory files); returns how many.
    public static func clear(_ paths: [String]) throws -> Int {
        for path in paths {
            do {
                try FileManager.default.removeItem(atPath: path)
            } catch {
                throw InputError("\(path): cannot remove (\(error.localizedDescription))")
            }
            StoreSession.remove(databaseAt: path)
            try? FileManager.default.removeItem(atPath: path + ".lock")
        }
        return paths.count
    }

    /// The file's size with its WAL.
    static func size(of path: String) -> Int64 {
        ["", "-wal"].reduce(0) { total, suffix in
            let attributes = try? FileManager.default.attributesOfItem(atPath: path + suffix)
            return total + ((attributes?[.size] as? NSNumber)?.int64Value ?? 0)
        }
    }
}
