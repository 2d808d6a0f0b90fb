import Foundation
internal import GRDB
import WorkmixCore
import WorkmixGit

/// File changes as the store writes them: with a new commit's row, or over a stored commit's.
extension SQLiteHistoryStore {
    static func saveChanges(_ changes: [(sha: String, base: String, info: ChangeInfo)], in db: Database) throws {
        let update = try db.cachedStatement(
            sql: """
                UPDATE commits SET changes_base = ?, changes_detail = ?, changes = ?
                WHERE sha = ? AND (changes_detail IS NULL OR changes_base IS NOT ? OR changes_detail < ?)
                """)
        for change in changes {
            guard let detail = ChangeCoding.detail(of: change.info), let files = change.info.changes,
                let sha = ObjectID(hex: change.sha)
            else { continue }
            let base = Data(ObjectID(hex: change.base)?.bytes ?? [])
            try update.execute(arguments: [base, detail, ChangeCoding.encode(files), Data(sha.bytes), base, detail])
        }
    }

    /// What `saveChanges` would leave in a new row given `changes` in turn: the first, then any of
    /// another base or more detail.
    static func latest(_ changes: [(sha: String, base: String, info: ChangeInfo)]) -> (base: Data, detail: Int, data: Data)? {
        var kept: (base: String, detail: Int, files: [FileChange])?
        for change in changes {
            guard let detail = ChangeCoding.detail(of: change.info), let files = change.info.changes else { continue }
            if let known = kept, known.base == change.base, known.detail >= detail { continue }
            kept = (change.base, detail, files)
        }
        return kept.map { (Data(ObjectID(hex: $0.base)?.bytes ?? []), $0.detail, ChangeCoding.encode($0.files)) }
    }
}
