import ArgumentParser
import WorkmixKit

/// `--store-dir` and `--no-store`: where history read from git is kept between runs (SPEC 8).
struct StoreOptions: ParsableArguments, WorkspaceOptionGroup {
    @OptionGroup var folder: StoreFolderOption
    var storeDir: String? { folder.storeDir }

    @Flag(name: .customLong("no-store"), help: "Read git alone: neither read nor write the history store.")
    var noStore = false

    func validate() throws {
        if noStore && storeDir != nil { throw ValidationError("--no-store cannot go with --store-dir") }
    }

    var location: StoreLocation { StoreLocation.resolve(storeDir: storeDir, noStore: noStore) }

    func apply(to options: inout WorkspaceOptions) { options.store = location }
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
