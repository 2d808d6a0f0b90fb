import Foundation
import GRDB
import WorkmixCore
import WorkmixTestSupport
import XCTest

@testable import WorkmixKit
@testable import WorkmixStore

/// The store file itself: its migrations, a newer version's file, and the encoding of file changes.
final class HistoryDatabaseTests: XCTestCase {
    var folder = ""

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("workmix-db-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: folder)
    }

    func testMigrationsAreNumberedAndRunOnce() throws {
        let path = folder + "/a.sqlite"
        _ = try SQLiteHistoryStore(path: path)
        _ = try SQLiteHistoryStore(path: path)
        let applied = try DatabaseQueue(path: path).read { try String.fetchAll($0, sql: "SELECT identifier FROM grdb_migrations") }
        XCTAssertEqual(applied, ["1-history", "2-digest-keys"])
        // A store written before the second migration gets it on opening, its history kept.
        try DatabaseQueue(path: path).write { db in
            try db.execute(sql: "DROP TABLE digest_keys")
            try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = '2-digest-keys'")
            try db.execute(
                sql: """
                    INSERT INTO commits (sha, tree, parents, author_name, author_email, author_time, author_offset,
                        committer_name, committer_email, committer_time, committer_offset, message)
                    VALUES (zeroblob(20), zeroblob(20), x'', 'a', 'a@b', 0, 0, 'a', 'a@b', 0, 0, 'm')
                    """)
        }
        _ = try SQLiteHistoryStore(path: path)
        let (tables, commits) = try DatabaseQueue(path: path).read { db in
            (
                try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE name = 'digest_keys'"),
                try Int.fetchOne(db, sql: "SELECT count(*) FROM commits")
            )
        }
        XCTAssertEqual(tables, ["digest_keys"])
        XCTAssertEqual(commits, 1)
    }

    func testAStoreFromANewerVersionIsRebuiltWithOneWarning() throws {
        let repo = try FixtureRepository(name: "newer")
        try repo.write("a.txt", "a\n")
        try repo.commit("Add a")
        let session = StoreSession(folder: folder)
        var options = MiningOptions()
        options.store = session
        let miner = try HistoryMiner(path: repo.path, options: options)
        XCTAssertEqual(miner.stored?.storedCommitCount, 0)
        try miner.run { _ in }
        try session.save()
        let path = try XCTUnwrap(StoreMaintenance.files(in: folder).first)
        try DatabaseQueue(path: path).write { try $0.execute(sql: "INSERT INTO grdb_migrations VALUES ('2-future')") }
        XCTAssertThrowsError(try SQLiteHistoryStore(path: path))

        let again = StoreSession(folder: folder)
        options.store = again
        let rebuilt = try HistoryMiner(path: repo.path, options: options)
        XCTAssertEqual(rebuilt.stored?.storedCommitCount, 0)
        XCTAssertEqual(again.takeWarnings().count, 1)
        XCTAssertEqual(StoreMaintenance.files(in: folder), [path])
    }

    func testChangesRoundTripWhateverThePaths() throws {
        let changes = [
            FileChange(path: "a\tb\nc ü.txt", oldPath: "old\u{1}name", status: .renamed, insertions: 3, deletions: 1, binary: false),
            FileChange(path: "img.png", status: .added, insertions: 0, deletions: 0, binary: true),
        ]
        XCTAssertEqual(ChangeCoding.decode(ChangeCoding.encode(changes), detail: 2), .computed(changes))
        XCTAssertEqual(ChangeCoding.decode(ChangeCoding.encode([]), detail: 1), .paths([]))
        XCTAssertEqual(
            ChangeCoding.narrowed(.computed(changes), to: .paths),
            .paths(changes.map { FileChange(path: $0.path, status: $0.status) }))
    }
}
