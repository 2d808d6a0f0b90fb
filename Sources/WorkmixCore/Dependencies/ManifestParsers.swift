import Foundation

/// Each manifest format read just far enough to list its dependencies and their versions. Text that
/// does not parse gives what could be read (no error: a manifest never fails a run).
enum ManifestParsers {
    /// package.json, composer.json: the named sections' `"name": "version"` members. Composer's
    /// platform requirements (`php`, `ext-*`) are no dependencies.
    static func json(_ text: String, sections: [String]) -> [String: String] {
        guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else { return [:] }
        var found: [String: String] = [:]
        for section in sections {
            guard let members = object[section] as? [String: Any] else { continue }
            for (name, version) in members where name != "php" && !name.hasPrefix("ext-") {
                found[name] = version as? String ?? ""
            }
        }
        return found
    }

    /// go.mod: `require path version` lines and `require ( … )` blocks; `// indirect` requirements are
    /// left out (go mod tidy moves them as a side effect of the direct ones).
    static func goModule(_ text: String) -> [String: String] {
        var found: [String: String] = [:]
        var inBlock = false
        for rawLine in text.split(whereSeparator: \.isNewline) {
            let line = rawLine.split(separator: "//", maxSplits: 1, omittingEmptySubsequences: false)[0]
            var words = line.split(whereSeparator: \.isWhitespace).map(String.init)
            if inBlock {
                if words.first == ")" { inBlock = false; continue }
            } else if words.first == "require" {
                words.removeFirst()
                if words == ["("] { inBlock = true; continue }
            } else {
                continue
            }
            if words.count >= 2, !rawLine.contains("// indirect") { found[majorless(words[0])] = words[1] }
        }
        return found
    }

    /// A Go module path without its major version (`…/ginkgo/v2`, `gopkg.in/yaml.v3`): a new major
    /// version is a new path in Go, but the same dependency.
    static func majorless(_ path: String) -> String {
        if let slash = path.lastIndex(of: "/"), path[path.index(after: slash)...].wholeMatch(of: /v[0-9]+/) != nil {
            return String(path[..<slash])
        }
        if path.hasPrefix("gopkg.in/"), let dot = path.lastIndex(of: "."), path[path.index(after: dot)...].wholeMatch(of: /v[0-9]+/) != nil {
            return String(path[..<dot])
        }
        return path
    }

    /// Gemfile: `gem 'name'` and `gem "name", '~> 1.2'` (the first version constraint).
    static func gemfile(_ text: String) -> [String: String] {
        matches(#"(?m)^\s*gem\s*\(?\s*['"]([^'"]+)['"](?:\s*,\s*['"]([^'"]*)['"])?"#, in: text).reduce(into: [:]) {
            $0[$1[0]] = $1[1]
        }
    }

    /// requirements*.txt: `name[extras] op version` lines; options (`-r`, `-e`, `--hash`) and comments skipped.
    static func requirements(_ text: String) -> [String: String] {
        var found: [String: String] = [:]
        for line in text.split(whereSeparator: \.isNewline) {
            let requirement = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0]
            if let (name, version) = pep508(String(requirement)) { found[name] = version }
        }
        return found
    }

    /// One PEP 508 requirement: the normalised name and the version specifier ("" when none).
    static func pep508(_ requirement: String) -> (String, String)? {
        let text = requirement.trimmingCharacters(in: .whitespaces)
        guard let first = text.first, first.isLetter || first.isNumber else { return nil }
        let name = text.prefix { $0.isLetter || $0.isNumber || "-_.".contains($0) }
        var rest = text.dropFirst(name.count).drop { $0 == " " }
        if rest.first == "[" { rest = rest.drop { $0 != "]" }.dropFirst() }
        let version = rest.split(separator: ";", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        let normalised = name.lowercased().replacingOccurrences(of: "_", with: "-").replacingOccurrences(of: ".", with: "-")
        return (normalised, version.trimmingCharacters(in: .whitespaces))
    }

    /// pom.xml: each `<dependency>`'s `groupId:artifactId` and `version`.
    static func maven(_ text: String) -> [String: String] {
        var found: [String: String] = [:]
        for block in matches(#"(?s)<dependency>(.*?)</dependency>"#, in: text) {
            func tag(_ name: String) -> String {
                matches("<\(name)>\\s*([^<]*?)\\s*</\(name)>", in: block[0]).first?[0] ?? ""
            }
            let group = tag("groupId"), artifact = tag("artifactId")
            if !artifact.isEmpty { found["\(group):\(artifact)"] = tag("version") }
        }
        return found
    }

    /// build.gradle(.kts): `"group:name:version"` strings.
    static func gradle(_ text: String) -> [String: String] {
        matches(#"["']([A-Za-z0-9_.\-]+):([A-Za-z0-9_.\-]+):([^"'\s:@]+)(?:[:@][^"']*)?["']"#, in: text).reduce(into: [:]) {
            $0["\($1[0]):\($1[1])"] = $1[2]
        }
    }

    /// Package.swift: `.package(url: "…", from:|exact:|.upToNextMajor(from:)|"a"..<"b"|branch:|revision: …)`,
    /// named by the URL's last component; the version is the first quoted string after the URL.
    static func swiftPackage(_ text: String) -> [String: String] {
        matches(#"\.package\s*\((?:\s*name:\s*"[^"]*"\s*,)?\s*url:\s*"([^"]+)"\s*,([^)]*\)?)"#, in: text).reduce(into: [:]) {
            var name = $1[0].split(separator: "/").last.map(String.init) ?? $1[0]
            if name.hasSuffix(".git") { name.removeLast(4) }
            $0[name.lowercased()] = matches(#""([^"]*)""#, in: $1[1]).first?[0] ?? ""
        }
    }

    /// The capture groups of every match ("" for a group that took no part).
    static func matches(_ pattern: String, in text: String) -> [[String]] {
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return [] }
        let whole = NSRange(text.startIndex..., in: text)
        return regex.matches(in: text, range: whole).map { match in
            (1..<match.numberOfRanges).map { index in
                Range(match.range(at: index), in: text).map { String(text[$0]) } ?? ""
            }
        }
    }
}
