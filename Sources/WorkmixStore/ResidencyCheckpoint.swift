import Foundation
import WorkmixCore

/// What a clean `report` or `check` run added up, and the commits its revisions named in each
/// repository: the next run over the same inputs reads only the commits since (SPEC 8).
package struct ResidencyCheckpoint: Codable {
    package static let format = 1

    /// The commits one repository's revisions named (hex), as `RevisionWalk` takes them.
    package struct Tips: Codable, Equatable {
        package var gitDirectory: String
        package var include: [String]
        package var exclude: [String]

        package init(gitDirectory: String, include: [String], exclude: [String]) {
            self.gitDirectory = gitDirectory
            self.include = include
            self.exclude = exclude
        }
    }

    package var format = Self.format
    /// Everything the tally depends on besides the commits (`CheckpointLedger.key`).
    package var key: String
    package var tips: [Tips]
    package var census: IdentityCensus.Checkpoint
    /// With several repositories, the commits the census counted.
    package var seen: PackedStrings?
    package var analysis: ResidencyAnalysis.Checkpoint
    package var followThrough: FollowThroughCollector.Checkpoint?
    /// What the run that wrote it read: every commit, or (`resumed`) the commits since the checkpoint
    /// before (`workmix store info` says which).
    package var commitsRead: Int
    package var resumed: Bool

    package init(
        key: String, tips: [Tips], census: IdentityCensus.Checkpoint, seen: PackedStrings?, analysis: ResidencyAnalysis.Checkpoint,
        followThrough: FollowThroughCollector.Checkpoint?, commitsRead: Int, resumed: Bool
    ) {
        self.key = key
        self.tips = tips
        self.census = census
        self.seen = seen
        self.analysis = analysis
        self.followThrough = followThrough
        self.commitsRead = commitsRead
        self.resumed = resumed
    }

    package static let suffix = ".checkpoint"

    /// The checkpoint in the file at `path`, if it is one this version reads.
    package static func read(_ path: String) -> ResidencyCheckpoint? {
        guard let data = FileManager.default.contents(atPath: path),
            let checkpoint = try? JSONDecoder().decode(ResidencyCheckpoint.self, from: data),
            checkpoint.format == ResidencyCheckpoint.format
        else { return nil }
        return checkpoint
    }
}
