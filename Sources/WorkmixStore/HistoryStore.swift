import WorkmixCore
import WorkmixGit

/// What a run asks of one repository's store, whichever side keeps it: an SQLite file in the store
/// folder (`SQLiteHistoryStore`) or a PostgreSQL database (`PostgresHistoryStore`). The commits known
/// and their changes are loaded with the store (`LoadedHistory`); verdicts are asked per digest, when
/// a pass first needs them; what the run read anew is saved once per pass.
protocol HistoryStore: AnyObject, Sendable {
    /// The verdicts kept under `digest` (none when the store cannot say).
    func verdicts(under digest: String) -> [ObjectID: Classification]
    /// The most recently used other digest with this base: its rules and verdicts.
    func earlierVerdicts(base: String, excluding digest: String) -> (rules: [String], verdicts: [ObjectID: Classification])?
    /// Writes what a pass read anew.
    func save(_ pending: LoadedHistory.Pending) throws
}
