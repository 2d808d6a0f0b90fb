import Foundation
import WorkmixCore
import WorkmixGit

/// `workmix store info` and `store clear`: the store folder's files, read or removed.
package enum StoreMaintenance {
    /// What one store file holds.
    package struct FileInfo: Sendable {
        package var path: String
        package var bytes: Int64
        package var commits = 0
        package var tips: [String] = []
        package var digests: [(digest: String, commits: Int)] = []
        /// Why the file could not be read (it will be rebuilt by the next run).
        package var problem: String?
        /// Not a file the store made (a symbolic link…): runs leave it alone and read git (`problem` says why).
        package var refused = false
        /// For a report's checkpoint rather than a repository's database: what it holds.
        package var checkpoint: CheckpointInfo?
    }

    /// A report's checkpoint: the tips it covers in each repository, and what the run that wrote it read.
    package struct CheckpointInfo: Sendable {
        package var repositories: [(gitDirectory: String, tips: [String])]
        package var commitsRead: Int
        /// Whether that run read only the commits since the checkpoint before.
        package var resumed: Bool
    }

    /// The store files of `folder`.
    package static func files(in folder: String) -> [String] {
        files(in: folder, suffix: ".sqlite") + files(in: folder, suffix: ResidencyCheckpoint.suffix)
    }

    /// The store file of `repository` (named `name`) in `folder`, if there is one, and the report
    /// checkpoints that read it (its git directory `gitDirectory`).
    package static func files(in folder: String, repository: Repository, name: String, gitDirectory: String) -> [String] {
        let path = StoreSession.databasePath(folder: folder, repository: repository, name: name)
        let checkpoints = files(in: folder, suffix: ResidencyCheckpoint.suffix).filter { path in
            ResidencyCheckpoint.read(path)?.tips.contains { $0.gitDirectory == gitDirectory } ?? false
        }
        return (FileManager.default.fileExists(atPath: path) ? [path] : []) + checkpoints
    }

    private static func files(in folder: String, suffix: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { $0.hasSuffix(suffix) }.sorted().map { (folder as NSString).appendingPathComponent($0) }
    }

    package static func info(path: String) -> FileInfo {
        var info = FileInfo(path: path, bytes: size(of: path))
        if path.hasSuffix(ResidencyCheckpoint.suffix) {
            guard let checkpoint = ResidencyCheckpoint.read(path) else {
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
                let database = try SQLiteHistoryStore(path: path)
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
    package static func clear(_ paths: [String]) throws -> Int {
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
    package static func size(of path: String) -> Int64 {
        ["", "-wal"].reduce(0) { total, suffix in
            let attributes = try? FileManager.default.attributesOfItem(atPath: path + suffix)
            return total + ((attributes?[.size] as? NSNumber)?.int64Value ?? 0)
        }
    }
}
