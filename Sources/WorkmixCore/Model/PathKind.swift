import Foundation

/// What a changed file is, from its path alone, for the model's file features: generic conventions that
/// hold across languages and ecosystems (no repository's own folder names). The first kind that
/// applies wins, in the order of the cases.
package enum PathKind: String, Sendable, CaseIterable {
    case lock, changelog, ci, vendor, test, docs, build, generated, other

    static let lockfiles: Set<Substring> = [
        "package-lock.json", "yarn.lock", "pnpm-lock.yaml", "cargo.lock", "go.sum", "gemfile.lock", "poetry.lock",
        "composer.lock", "uv.lock", "bun.lockb", "pipfile.lock", "npm-shrinkwrap.json", "flake.lock", "podfile.lock",
        "mix.lock", "pubspec.lock",
    ]
    static let buildFiles: Set<Substring> = [
        "package.json", "cargo.toml", "go.mod", "pyproject.toml", "setup.py", "setup.cfg", "requirements.txt", "makefile",
        "dockerfile", "gemfile", "build.gradle", "pom.xml", "cmakelists.txt", "tsconfig.json", "pnpm-workspace.yaml",
        "lerna.json", "rollup.config.js", "webpack.config.js", "vite.config.ts", ".npmrc", ".nvmrc", ".gitignore",
        ".gitattributes", ".editorconfig", ".eslintrc.json", ".eslintrc.js", ".prettierrc", "biome.json", "renovate.json",
        ".goreleaser.yml", ".goreleaser.yaml", "justfile", "rust-toolchain.toml", "rust-toolchain", "deps", "build.gn",
        "build.rs", ".golangci.yml", ".golangci.yaml", "tox.ini", ".pre-commit-config.yaml", "mkdocs.yml",
        "eslint.config.js", "eslint.config.mjs", "vitest.config.ts", "jest.config.js", "babel.config.js", ".babelrc",
        "package.swift",
    ]
    static let testFolders: Set<Substring> = [
        "test", "tests", "__tests__", "spec", "specs", "__snapshots__", "testdata", "fixtures", "__fixtures__", "e2e",
        "testing", "test-data", "test_data", "snapshots",
    ]
    static let docFolders: Set<Substring> = ["docs", "doc", "documentation", "website", "www", "examples", "example"]
    static let docExtensions: Set<Substring> = ["md", "mdx", "rst", "txt", "adoc"]
    static let ciFolders: Set<Substring> = [".github", ".circleci", ".gitlab", ".buildkite", ".azure-pipelines", ".devcontainer", ".husky"]
    static let ciFiles: Set<Substring> = [
        ".travis.yml", "appveyor.yml", ".gitlab-ci.yml", "azure-pipelines.yml", "jenkinsfile", "codecov.yml", ".codecov.yml",
    ]
    static let vendorFolders: Set<Substring> = ["vendor", "third_party", "third-party", "node_modules", "external", "patches"]
    static let changelogFolders: Set<Substring> = [".changeset", ".changes", "changes", "changelog.d", ".changelog"]

    /// The kind of one path (`/`-separated, as git writes it).
    package static func of(_ path: String) -> PathKind { describe(path).kind }

    /// The kind of one path and its lowercased extension (`fileExtension(ofPath:)`), lowercased and
    /// split once.
    static func describe(_ path: String) -> (kind: PathKind, ext: String) {
        let segments = path.lowercased().split(separator: "/", omittingEmptySubsequences: false)
        let name = segments.last ?? ""
        let ext = fileExtension(ofName: name)
        return (kind(name: name, folders: segments.dropLast(), ext: ext), String(ext))
    }

    private static func kind(name: Substring, folders: ArraySlice<Substring>, ext: Substring) -> PathKind {
        if lockfiles.contains(name) || name.hasSuffix(".lock") { return .lock }
        if folders.contains(where: changelogFolders.contains) || name.hasPrefix("changelog") { return .changelog }
        if folders.contains(where: ciFolders.contains) || ciFiles.contains(name) { return .ci }
        if folders.contains(where: vendorFolders.contains) { return .vendor }
        if folders.contains(where: testFolders.contains) || isTestFile(name) { return .test }
        if folders.contains(where: docFolders.contains) || docExtensions.contains(ext)
            || ["readme", "license", "contributing"].contains(where: name.hasPrefix)
        {
            return .docs
        }
        if buildFiles.contains(name) || ["dockerfile", "makefile", "tsconfig"].contains(where: name.hasPrefix)
            || ["gn", "gni", "cmake", "bzl"].contains(ext)
        {
            return .build
        }
        if name.contains(".generated.") || name.contains(".pb.") || name.hasSuffix(".min.js") || name.hasSuffix(".map")
            || folders.contains("generated") || folders.contains("gen")
        {
            return .generated
        }
        return .other
    }

    private static func isTestFile(_ name: Substring) -> Bool {
        ["_test.go", "_test.py", "_test.rs", "_spec.rb", ".snap", ".golden"].contains(where: name.hasSuffix)
            || name.contains(".test.") || name.contains(".spec.") || name.hasPrefix("test_")
    }

    /// The lowercased extension of a path's file name: what follows its last `.`, or empty when the
    /// name has no `.` after its first character (`.gitignore`, `Makefile`).
    package static func fileExtension(ofPath path: String) -> String {
        let name = path.lowercased().split(separator: "/", omittingEmptySubsequences: false).last ?? ""
        return String(fileExtension(ofName: name))
    }

    static func fileExtension(ofName name: Substring) -> Substring {
        guard name.count > 1, let dot = name.dropFirst().lastIndex(of: ".") else { return "" }
        return name[name.index(after: dot)...]
    }
}
