// swift-tools-version:6.0
import PackageDescription

// A module sees the members (and operators, and literal conformances) only of modules it imports
// itself: GRDB's `SQL` would otherwise take over string interpolations in files that never import it.
let strictImports: [SwiftSetting] = [.enableUpcomingFeature("MemberImportVisibility")]

let package = Package(
    name: "workmix",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "workmix", targets: ["workmix"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        // libgit2 from the system (Debian: libgit2-dev).
        .systemLibrary(
            name: "Clibgit2",
            pkgConfig: "libgit2",
            providers: [.apt(["libgit2-dev"]), .brew(["libgit2"])]
        ),
        // PCRE2 with its JIT, the engine behind rule patterns (Debian: libpcre2-dev).
        .systemLibrary(
            name: "Cpcre2",
            pkgConfig: "libpcre2-8",
            providers: [.apt(["libpcre2-dev"]), .brew(["pcre2"])]
        ),
        // The only module that imports Clibgit2: owning wrappers and value types.
        .target(name: "WorkmixGit", dependencies: ["Clibgit2"]),
        // Records, trailers, identities, rules, classification, pairings, residencies. No git.
        .target(
            name: "WorkmixCore",
            dependencies: [
                "Cpcre2",
                .product(name: "Yams", package: "Yams"),
            ]),
        // One small type per output format.
        .target(name: "WorkmixReporters", dependencies: ["WorkmixCore"]),
        // The history store: SQLite through GRDB, PostgreSQL through libpq, which it loads only when a
        // store on a server is used. The only module that uses either.
        .target(
            name: "WorkmixStore",
            dependencies: [
                "WorkmixGit", "WorkmixCore",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ], swiftSettings: strictImports),
        // Turns repositories into commit records (git layer -> core values), keeps them in the history
        // store and runs the jobs.
        .target(
            name: "WorkmixKit",
            dependencies: [
                "WorkmixGit", "WorkmixCore", "WorkmixStore", "WorkmixReporters",
                .product(name: "CSV", package: "CSV.swift"),
            ], swiftSettings: strictImports, plugins: ["EmbedRules"]),
        // Compiles rules/*.yml into the binary, so an installed workmix needs no files beside it.
        .executableTarget(name: "EmbedRulesTool"),
        .plugin(name: "EmbedRules", capability: .buildTool(), dependencies: ["EmbedRulesTool"]),
        // Writes the commit the binary is built from, for `workmix --version`.
        .plugin(name: "BuildCommit", capability: .buildTool()),
        .executableTarget(
            name: "workmix",
            dependencies: [
                "WorkmixKit", "WorkmixStore", "WorkmixCore", "WorkmixReporters",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ], swiftSettings: strictImports, plugins: ["BuildCommit"]),
        // Builds fixture repositories with the git CLI, fixed names and dates.
        .target(name: "WorkmixTestSupport", path: "Tests/WorkmixTestSupport"),
        .testTarget(name: "WorkmixCoreTests", dependencies: ["WorkmixCore", "WorkmixTestSupport"]),
        .testTarget(name: "WorkmixGitTests", dependencies: ["WorkmixGit", "WorkmixTestSupport"]),
        .testTarget(name: "WorkmixReportersTests", dependencies: ["WorkmixReporters", "WorkmixCore", "WorkmixTestSupport"]),
        .testTarget(
            name: "WorkmixKitTests",
            dependencies: ["WorkmixKit", "WorkmixCore", "WorkmixTestSupport"]),
        .testTarget(
            name: "WorkmixStoreTests",
            dependencies: [
                "WorkmixStore", "WorkmixKit", "WorkmixCore", "WorkmixTestSupport", .product(name: "GRDB", package: "GRDB.swift"),
            ]),
        .testTarget(name: "WorkmixCLITests", dependencies: ["workmix", "WorkmixTestSupport", .product(name: "Yams", package: "Yams")]),
    ]
)
