internal import Clibgit2
import Foundation

/// git's `safe.directory`, where libgit2 1.5 falls short of it: the value `*`, and the places git reads
/// it from besides `~/.gitconfig` and the system file (`GIT_CONFIG_GLOBAL`, `GIT_CONFIG_SYSTEM`,
/// `GIT_CONFIG_COUNT`/`GIT_CONFIG_KEY_n`/`GIT_CONFIG_VALUE_n`). Container CI runs as another user than
/// the checkout's owner and says `safe.directory '*'`; git then reads the repository, so workmix does.
enum SafeDirectory {
    /// Whether git would read the repository found from `path` although another user owns it.
    static func allows(_ path: String) -> Bool {
        // The files git reads, in its order: system, then global (GIT_CONFIG_GLOBAL instead of the
        // XDG file and ~/.gitconfig when set), then the command line's GIT_CONFIG_COUNT pairs.
        let environment = ProcessInfo.processInfo.environment
        var files: [String] = []
        if environment["GIT_CONFIG_NOSYSTEM"] == nil {
            if let system = environment["GIT_CONFIG_SYSTEM"] ?? find(git_config_find_system) { files.append(system) }
        }
        if let global = environment["GIT_CONFIG_GLOBAL"] {
            files.append(global)
        } else {
            files += [find(git_config_find_xdg), find(git_config_find_global)].compactMap { $0 }
        }
        var values = files.flatMap(multivar)
        if let count = environment["GIT_CONFIG_COUNT"].flatMap(Int.init), count > 0 {
            for index in 0..<count where environment["GIT_CONFIG_KEY_\(index)"]?.lowercased() == "safe.directory" {
                values.append(environment["GIT_CONFIG_VALUE_\(index)"] ?? "")
            }
        }
        // As git reads the list: an empty value clears what came before.
        var allowed: [String] = []
        for value in values {
            if value.isEmpty { allowed.removeAll() } else { allowed.append(value) }
        }
        if allowed.contains("*") { return true }
        let candidates = Set(repositoryPaths(from: path).map(normalized))
        return allowed.contains { candidates.contains(normalized($0)) }
    }

    /// Whether the repository found from `path` belongs to another user than the one running workmix.
    static func ownedByAnotherUser(_ path: String) -> Bool {
        let paths = repositoryPaths(from: path)
        guard paths.count > 1 else { return false }
        var status = stat()
        return stat(paths[paths.count - 1], &status) == 0 && status.st_uid != geteuid()
    }

    /// The folder given, the git directory found from it and, for `…/.git`, its work tree.
    private static func repositoryPaths(from path: String) -> [String] {
        var paths = [path]
        var buffer = git_buf()
        defer { git_buf_dispose(&buffer) }
        if git_repository_discover(&buffer, path, 0, nil) == 0, let found = buffer.ptr {
            let gitDirectory = String(cString: found)
            paths.append(gitDirectory)
            if normalized(gitDirectory).hasSuffix("/.git") { paths.append((normalized(gitDirectory) as NSString).deletingLastPathComponent) }
        }
        return paths
    }

    private static func normalized(_ path: String) -> String {
        var path = URL(fileURLWithPath: path).resolvingSymlinksInPath().standardizedFileURL.path
        while path.count > 1 && path.hasSuffix("/") { path.removeLast() }
        return path
    }

    /// Where libgit2 finds a configuration level's file, if there is one.
    private static func find(_ locate: (UnsafeMutablePointer<git_buf>) -> Int32) -> String? {
        var buffer = git_buf()
        defer { git_buf_dispose(&buffer) }
        guard locate(&buffer) == 0, let path = buffer.ptr else { return nil }
        return String(cString: path)
    }

    /// Every `safe.directory` value of one configuration file, in order.
    private static func multivar(_ path: String) -> [String] {
        var config: OpaquePointer?
        guard git_config_open_ondisk(&config, path) == 0, let config else { return [] }
        defer { git_config_free(config) }
        var iterator: OpaquePointer?
        guard git_config_multivar_iterator_new(&iterator, config, "safe.directory", nil) == 0, let iterator else { return [] }
        defer { git_config_iterator_free(iterator) }
        var values: [String] = []
        var entry: UnsafeMutablePointer<git_config_entry>?
        while git_config_next(&entry, iterator) == 0, let entry {
            values.append(entry.pointee.value.map { String(cString: $0) } ?? "")
        }
        return values
    }
}
