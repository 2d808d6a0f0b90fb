import Foundation
import PackagePlugin

/// Writes `BuildCommit.swift`: `let buildCommit = "1a2b3c4"`, the commit the package is built from
/// (with "-dirty" when tracked files differ from it), or "unknown" when the package is not a git
/// checkout of its own (a source tarball, even one unpacked inside another repository). It runs again
/// whenever HEAD moves or the index changes (git's files are its inputs), and rewrites the file only
/// when the commit changes, so an unchanged build stays a no-op.
@main
struct BuildCommit: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let output = context.pluginWorkDirectoryURL.appending(path: "BuildCommit.swift")
        let script = #"""
            dir=$1 out=$2
            git() { command git -c safe.directory='*' -C "$dir" "$@" 2>/dev/null; }
            commit=unknown
            top=$(git rev-parse --show-toplevel) || top=
            if [ -n "$top" ] && [ "$(cd "$top" && pwd -P)" = "$(cd "$dir" && pwd -P)" ]; then
                commit=$(git rev-parse --short=7 HEAD) || commit=unknown
                if [ "$commit" != unknown ] && ! git diff --quiet HEAD; then commit="$commit-dirty"; fi
            fi
            text="let buildCommit = \"$commit\""
            [ "$(cat "$out" 2>/dev/null)" = "$text" ] || printf '%s\n' "$text" >"$out"
            """#
        let git = Self.gitDirectory(of: context.package.directoryURL)
        let inputs = ["HEAD", "logs/HEAD", "index"].compactMap { git?.appending(path: $0) }
            .filter { FileManager.default.fileExists(atPath: $0.path) }
        return [
            .buildCommand(
                displayName: "Reading the commit workmix is built from",
                executable: URL(fileURLWithPath: "/bin/sh"),
                arguments: ["-c", script, "sh", context.package.directoryURL.path, output.path],
                inputFiles: inputs,
                outputFiles: [output]
            )
        ]
    }

    /// The package's own git directory: `.git`, or where a worktree's `.git` file points.
    static func gitDirectory(of package: URL) -> URL? {
        let dotGit = package.appending(path: ".git")
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: dotGit.path, isDirectory: &isDirectory) else { return nil }
        if isDirectory.boolValue { return dotGit }
        guard let text = try? String(contentsOf: dotGit, encoding: .utf8), text.hasPrefix("gitdir: ") else { return nil }
        let path = text.dropFirst("gitdir: ".count).trimmingCharacters(in: .whitespacesAndNewlines)
        return path.hasPrefix("/") ? URL(fileURLWithPath: path) : package.appending(path: path)
    }
}
