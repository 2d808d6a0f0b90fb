import Foundation
import WorkmixCore

/// `config check`'s warnings, one line each: `workmix.yml:7: text`, or with `github` a workflow
/// command GitHub shows on the config's line, `::warning file=workmix.yml,line=7::text`.
package enum ConfigWarningLines {
    /// The config's path is shown relative to `directory` when inside it (as GitHub wants it,
    /// from the repository's root when run there).
    package static func lines(_ warnings: [ConfigWarning], github: Bool, relativeTo directory: String) -> [String] {
        warnings.map { warning in
            let file = warning.location.map { relative($0.file, to: directory) }
            guard github else {
                let place = warning.location.map { location in file! + (location.line.map { ":\($0)" } ?? "") + ": " } ?? ""
                return place + Escaping.visible(warning.message)
            }
            var properties: [String] = []
            if let file { properties.append("file=" + Escaping.githubProperty(file)) }
            if let line = warning.location?.line { properties.append("line=\(line)") }
            let head = properties.isEmpty ? "::warning" : "::warning " + properties.joined(separator: ",")
            return head + "::" + Escaping.githubMessage(warning.message)
        }
    }

    static func relative(_ path: String, to directory: String) -> String {
        let folder = URL(fileURLWithPath: directory).standardizedFileURL.pathComponents
        let file = URL(fileURLWithPath: path).standardizedFileURL.pathComponents
        // Inside the folder, or a config found in a parent folder (`../workmix.yml`).
        let common = zip(folder, file).prefix { $0 == $1 }.count
        guard common > 1 || folder.count == 1, common == folder.count || common == file.count - 1 else { return path }
        return (Array(repeating: "..", count: folder.count - common) + file[common...]).joined(separator: "/")
    }
}
