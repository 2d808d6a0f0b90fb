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
        try StoreURLOption.check(storeURL, noStore: noStore || storeDir != nil)
    }

    var location: StoreLocation {
        if !noStore && storeDir == nil, let url = StoreURLOption.resolve(storeURL) { return .server(url) }
        return StoreLocation.resolve(storeDir: storeDir, noStore: noStore)
    }

    func apply(to options: inout WorkspaceOptions) { options.store = location }
}

/// `--store URL`, else `WORKMIX_STORE_URL`.
enum StoreURLOption {
    static var environment: String? {
        ProcessInfo.processInfo.environment["WORKMIX_STORE_URL"].flatMap { $0.isEmpty ? nil : $0 }
    }

    static func resolve(_ option: String?) -> StoreURL? {
        (option ?? environment).flatMap(StoreURL.init)
    }

    /// Fails on a value that is not a postgresql:// URL (shown without a password it may hold).
    static func check(_ option: String?, noStore: Bool) throws {
        if let option, StoreURL(option) == nil {
            throw ValidationError("--store takes a postgresql://user@host/db URL")
        }
        if option == nil, !noStore, environment != nil, resolve(nil) == nil {
            throw ValidationError("WORKMIX_STORE_URL is not a postgresql://user@host/db URL")
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
