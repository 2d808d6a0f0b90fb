import Foundation

/// Where a run keeps its history store (SPEC 8): `--store-dir`, else `WORKMIX_STORE_DIR`, else
/// `$XDG_CACHE_HOME/workmix`, else `~/.cache/workmix`; or a PostgreSQL database (`--store URL`), or
/// nowhere (`--no-store`).
public enum StoreLocation: Sendable, Equatable {
    case none
    case folder(String)
    /// A shared PostgreSQL store: what a run reads is pushed there.
    case server(StoreURL)

    /// The folder the command line and the environment name.
    public static func resolve(
        storeDir: String?, noStore: Bool,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> StoreLocation {
        if noStore { return .none }
        if let storeDir, !storeDir.isEmpty { return .folder(storeDir) }
        if let dir = environment["WORKMIX_STORE_DIR"], !dir.isEmpty { return .folder(dir) }
        if let cache = environment["XDG_CACHE_HOME"], cache.hasPrefix("/") {
            return .folder((cache as NSString).appendingPathComponent("workmix"))
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return .folder((home as NSString).appendingPathComponent(".cache/workmix"))
    }

    public var folder: String? {
        if case .folder(let path) = self { return path }
        return nil
    }
}
