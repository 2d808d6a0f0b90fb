import WorkmixStore

extension StoreMaintenance {
    /// The store files of `folder`, or only the one of the repository at `repository`.
    package static func files(in folder: String, repository: String?) throws -> [String] {
        guard let repository else { return files(in: folder) }
        // Opened from a path, a miner always has its repository.
        let miner = try HistoryMiner(path: repository, options: MiningOptions())
        guard let opened = miner.repository else { return [] }
        return files(
            in: folder, repository: opened, name: HistoryMiner.defaultName(of: opened, path: repository),
            gitDirectory: miner.canonicalGitDirectory)
    }
}
