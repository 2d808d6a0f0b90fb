// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "workmix",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "workmix", targets: ["workmix"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
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
        // Turns repositories into commit records (git layer -> core values) and runs the jobs.
        .target(
            name: "WorkmixKit",
            dependencies: [
                "WorkmixGit", "WorkmixCore", "WorkmixReporters",
                .product(name: "CSV", package: "CSV.swift"),
            ], plugins: ["EmbedRules"]),
        // Compiles rules/*.yml into the binary, so an installed workmix needs no files beside it.
        .executableTarget(name: "EmbedRulesTool"),
        .plugin(name: "EmbedRules", capability: .buildTool(), dependencies: ["EmbedRulesTool"]),
        .executableTarget(
            name: "workmix",
            dependencies: [
                "WorkmixKit", "WorkmixCore", "WorkmixReporters",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        // Builds fixture repositories with the git CLI, fixed names and dates.
        .target(name: "WorkmixTestSupport", path: "Tests/WorkmixTestSupport"),
        .testTarget(name: "WorkmixCoreTests", dependencies: ["WorkmixCore", "WorkmixTestSupport"]),
        .testTarget(name: "WorkmixGitTests", dependencies: ["WorkmixGit", "WorkmixTestSupport"]),
        .testTarget(name: "WorkmixKitTests", dependencies: ["WorkmixKit", "WorkmixCore", "WorkmixReporters", "WorkmixTestSupport"]),
        .testTarget(name: "WorkmixCLITests", dependencies: ["workmix", "WorkmixTestSupport"]),
    ]
)
