import ArgumentParser
import Foundation
import WorkmixKit
import WorkmixStore

/// `--store-dir`, `--store URL` and `--no-store`: where history read from git is kept between runs,
/// or pushed to (SPEC 8).
struct StoreOptions: ParsableArguments, WorkspaceOptionGroup {
    @OptionGroup var folder: StoreFolderOption
    var storeDir: String? { folder.storeDir }

    @Option(
        name: .customLong("store"),
        help: ArgumentHelp(
            "Push what the run reads to a shared PostgreSQL store (postgresql://user@host/db). Default: WORKMIX_STORE_URL.",
            valueName: "url"))
    var storeURL: String?

    @Flag(name: .customLong("no-store"), help: "Read git alone: neither read nor write the history store.")
    var noStore = false

    func validate() throws {
        if noStore && storeDir != nil { throw ValidationError("--no-store cannot go with --store-dir") }
        if storeURL != nil && (noStore || storeDir != nil) {
            throw ValidationError("--store cannot go with --store-dir or --no-store")
        }
        _ = try location
    }

    var location: StoreLocation {
        get throws {
            do {
                return try StoreLocation.resolve(storeDir: storeDir, storeURL: storeURL, noStore: noStore)
            } catch let problem as StoreLocation.Problem {
                throw ValidationError(problem.description)
            }
        }
    }

    /// `validate` has found the location.
    func apply(to options: inout WorkspaceOptions) { options.store = (try? location) ?? .none }
}

/// `--store URL`, else `WORKMIX_STORE_URL`, as `StoreLocation` reads them.
enum StoreURLOption {
    static func server(_ option: String?) throws -> StoreURL? {
        do {
            return try StoreLocation.server(storeURL: option)
        } catch let problem as StoreLocation.Problem {
            throw ValidationError(problem.description)
        }
    }
}

/// `--store-dir`: the history commands' and `workmix store`'s one spelling of the store folder.
struct StoreFolderOption: ParsableArguments {
    @Option(
        name: .customLong("store-dir"),
        help: ArgumentHelp(
            "The history store's folder. Default: WORKMIX_STORE_DIR, else $XDG_CACHE_HOME/workmix, else ~/.cache/workmix.",
            valueName: "dir"))
    var storeDir: String?
}
