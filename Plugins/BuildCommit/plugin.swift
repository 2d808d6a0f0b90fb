import Foundation
import PackagePlugin

/// Writes `BuildCommit.swift` before every build: `let buildCommit = "1a2b3c4"`, the commit the
/// package is built from (with "-dirty" when tracked files differ from it), or "unknown" when the
/// package is not a git checkout of its own (a source tarball, even one unpacked inside another
/// repository). The file is rewritten only when the commit changes, so an unchanged build stays a no-op.
@main
struct BuildCommit: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let output = context.pluginWorkDirectoryURL.appending(path: "BuildCommit")
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
            mkdir -p "$out"
            [ "$(cat "$out/BuildCommit.swift" 2>/dev/null)" = "$text" ] || printf '%s\n' "$text" >"$out/BuildCommit.swift"
            """#
        return [
            .prebuildCommand(
                displayName: "Reading the commit workmix is built from",
                executable: URL(fileURLWithPath: "/bin/sh"),
                arguments: ["-c", script, "sh", context.package.directoryURL.path, output.path],
                outputFilesDirectory: output
            )
        ]
    }
}
