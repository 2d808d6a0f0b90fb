import Foundation

/// Which config file a run reads, decided in one place: `--config`, else `WORKMIX_CONFIG`, else
/// `workmix.yml`, `workmix.yaml` or `.workmix.yml` in the current folder or the nearest parent that
/// has one (as git finds `.git`). Paths in the config are relative to the file found.
package enum ConfigDiscovery {
    /// The names looked for in each folder, in this order.
    package static let names = ["workmix.yml", "workmix.yaml", ".workmix.yml"]

    /// The config's path, or nil when no config applies. `explicit` is `--config`.
    package static func locate(
        explicit: String?, environment: [String: String] = ProcessInfo.processInfo.environment,
        currentDirectory: String, fileExists: (String) -> Bool = isFile
    ) -> String? {
        if let explicit { return explicit }
        if let path = environment["WORKMIX_CONFIG"], !path.isEmpty {
            return path.hasPrefix("/") ? path : (currentDirectory as NSString).appendingPathComponent(path)
        }
        var folder = URL(fileURLWithPath: currentDirectory).standardizedFileURL
        while true {
            for name in names {
                let candidate = folder.appendingPathComponent(name).path
                if fileExists(candidate) { return candidate }
            }
            let parent = folder.deletingLastPathComponent()
            if parent.path == folder.path { return nil }
            folder = parent
        }
    }

    /// The config in `directory` itself, if any (what `workmix init` must not overwrite).
    package static func existing(in directory: String) -> String? {
        names.map { (directory as NSString).appendingPathComponent($0) }.first(where: isFile)
    }

    package static func isFile(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory.boolValue
    }
}
