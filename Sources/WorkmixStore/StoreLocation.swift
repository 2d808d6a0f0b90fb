import Foundation

/// Where a run keeps its history store (SPEC 8), decided here alone from what the command line and
/// the environment give: nowhere (`--no-store`); a folder (`--store-dir`); a PostgreSQL database
/// (`--store URL`, else `WORKMIX_STORE_URL`); else the folder `WORKMIX_STORE_DIR` names, else
/// `$XDG_CACHE_HOME/workmix`, else `~/.cache/workmix`.
package enum StoreLocation: Sendable, Equatable {
    case none
    case folder(String)
    /// A shared PostgreSQL store: what a run reads is pushed there.
    case server(StoreURL)

    /// A store URL that is not a `postgresql://` one, in the words the command line shows.
    package struct Problem: Error, CustomStringConvertible {
        package let description: String
    }

    /// The store the options and the environment name; throws `Problem` on a URL that is not one.
    package static func resolve(
        storeDir: String?, storeURL: String?, noStore: Bool,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> StoreLocation {
        if let storeURL, StoreURL(storeURL) == nil { throw urlProblem }
        if noStore { return .none }
        if storeDir == nil, let url = try server(storeURL: storeURL, environment: environment) { return .server(url) }
        return .folder(folderPath(storeDir: storeDir, environment: environment))
    }

    /// The PostgreSQL store: `--store URL`, else `WORKMIX_STORE_URL`; nil when neither is given.
    package static func server(
        storeURL: String?, environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> StoreURL? {
        if let storeURL {
            guard let url = StoreURL(storeURL) else { throw urlProblem }
            return url
        }
        guard let text = environment["WORKMIX_STORE_URL"], !text.isEmpty else { return nil }
        guard let url = StoreURL(text) else { throw Problem(description: "WORKMIX_STORE_URL is not a postgresql://user@host/db URL") }
        return url
    }

    private static let urlProblem = Problem(description: "--store takes a postgresql://user@host/db URL")

    /// The store folder: `--store-dir`, else the environment's.
    package static func folderPath(storeDir: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let storeDir, !storeDir.isEmpty { return storeDir }
        if let dir = environment["WORKMIX_STORE_DIR"], !dir.isEmpty { return dir }
        if let cache = environment["XDG_CACHE_HOME"], cache.hasPrefix("/") {
            return (cache as NSString).appendingPathComponent("workmix")
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return (home as NSString).appendingPathComponent(".cache/workmix")
    }
}
