import WorkmixCore

/// What went wrong with the history store without stopping a run: the store is only a cache, so
/// each of these costs time, never output. Worded here; the run reports it as `RunWarning.store`.
package enum StoreWarning: Sendable, Equatable {
    /// A store file that could not be read (not SQLite, damaged, or newer): rebuilt from git.
    case rebuilt(path: String, reason: String)
    /// The store cannot be used (a folder not writable): the run reads git alone.
    case unavailable(path: String, reason: String)
    /// What a run read could not be written to the store: the next run reads it from git again.
    case notSaved(path: String, reason: String)

    /// The file or folder it concerns.
    package var path: String {
        switch self {
        case .rebuilt(let path, _), .unavailable(let path, _), .notSaved(let path, _): return path
        }
    }

    /// What happened and what the run did instead, without the path.
    package var message: String {
        switch self {
        case .rebuilt(_, let reason): return "history store unreadable (\(reason)): rebuilt from git"
        case .unavailable(_, let reason): return "history store not used (\(reason)): reading git alone"
        case .notSaved(_, let reason): return "history store not updated (\(reason))"
        }
    }

    /// The warning as the run reports it.
    package var runWarning: RunWarning {
        .store(path: path, message: message)
    }
}
