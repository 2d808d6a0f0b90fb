import Foundation

/// Cargo.toml and pyproject.toml, read as far as their dependency tables go: `[table]` headers,
/// `name = "version"` and `name = { version = "…" }` entries, `[dependencies.name]` tables, and
/// PEP 621 arrays of requirement strings (which may span lines).
extension ManifestParsers {
    static func cargo(_ text: String) -> [String: String] {
        var found: [String: String] = [:]
        forEachEntry(text) { table, key, value in
            let parts = table.split(separator: ".").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "'\" ")) }
            guard let index = parts.lastIndex(where: { ["dependencies", "dev-dependencies", "build-dependencies"].contains($0) })
            else { return }
            if index == parts.count - 1 {
                found[key] = version(value)
            } else if index == parts.count - 2, key == "version" {
                found[parts[index + 1]] = version(value)
            } else if index == parts.count - 2 {
                found[parts[index + 1]] = found[parts[index + 1]] ?? ""
            }
        }
        return found
    }

    static func pyproject(_ text: String) -> [String: String] {
        var found: [String: String] = [:]
        forEachEntry(text) { table, key, value in
            let poetry =
                table == "tool.poetry.dependencies" || table == "tool.poetry.dev-dependencies"
                || (table.hasPrefix("tool.poetry.group.") && table.hasSuffix(".dependencies"))
            if poetry, key != "python" {
                found[key.lowercased()] = version(value)
            } else if (table == "project" && key == "dependencies") || table == "project.optional-dependencies" {
                for requirement in matches(#""([^"]*)"|'([^']*)'"#, in: value) {
                    if let (name, version) = pep508(requirement[0] + requirement[1]) { found[name] = version }
                }
            }
        }
        return found
    }

    /// A value's version: the string itself, or an inline table's `version`.
    private static func version(_ value: String) -> String {
        if value.hasPrefix("{") { return matches(#"version\s*=\s*["']([^"']*)["']"#, in: value).first?[0] ?? "" }
        return matches(#"^["']([^"']*)["']"#, in: value).first?[0] ?? ""
    }

    /// Calls `body` with each `key = value` line's table, key and value; an array value that opens
    /// with `[` runs to its closing `]` however many lines it takes.
    private static func forEachEntry(_ text: String, _ body: (String, String, String) -> Void) {
        var table = ""
        var pending: (key: String, value: String)?
        for rawLine in text.split(whereSeparator: \.isNewline) {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if var open = pending {
                open.value += " " + line
                if line.hasPrefix("]") || line.hasSuffix("]") { body(table, open.key, open.value); pending = nil } else { pending = open }
                continue
            }
            if line.hasPrefix("#") || line.isEmpty { continue }
            if line.hasPrefix("[") {
                table = line.trimmingCharacters(in: CharacterSet(charactersIn: "[] "))
                continue
            }
            guard let equals = line.firstIndex(of: "=") else { continue }
            let key = line[..<equals].trimmingCharacters(in: CharacterSet(charactersIn: "'\" "))
            let value = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            if value.hasPrefix("[") && !value.hasSuffix("]") {
                pending = (key, value)
            } else {
                body(table, key, value)
            }
        }
    }
}
