import Foundation

/// Text from repositories is untrusted (SPEC 3): each output format escapes it its own way.
package enum Escaping {
    /// RFC 4180 quoting, and cells that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, also
    /// tab and CR) prefixed with `'`.
    package static func csv(_ value: String) -> String {
        var cell = value
        if let first = cell.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) {
            cell = "'" + cell
        }
        if cell.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) {
            return "\"" + cell.replacingAll("\"", with: "\"\"") + "\""
        }
        return cell
    }

    /// Characters that hide themselves or reorder what a reader sees (bidi controls, zero-width and
    /// byte-order marks) shown as `<U+202E>`; and a leading `::`, which GitHub Actions would read as a
    /// workflow command in any log line, shown as `\::`. For table, Markdown and HTML text (JSON keeps
    /// the text exact).
    package static func visible(_ value: String) -> String {
        var text = value
        if value.unicodeScalars.contains(where: isHidden) {
            var out = String.UnicodeScalarView()
            for scalar in value.unicodeScalars {
                if isHidden(scalar) {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    out.append(contentsOf: "<U+\(String(repeating: "0", count: max(0, 4 - hex.count)) + hex)>".unicodeScalars)
                } else {
                    out.append(scalar)
                }
            }
            text = String(out)
        }
        return text.hasPrefix("::") ? "\\" + text : text
    }

    static func isHidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x061C, 0x200B...0x200F, 0x2028...0x202E, 0x2060...0x2064, 0x2066...0x2069, 0xFEFF: return true
        default: return false
        }
    }

    /// A Markdown table cell: `|` escaped, line breaks and other control characters made spaces (as
    /// terminal cells make them: ESC would reach a terminal showing the file), HTML-significant
    /// characters escaped (Markdown renderers pass raw HTML through).
    package static func markdownCell(_ value: String) -> String {
        var out = ""
        for character in visible(value) {
            if character.unicodeScalars.allSatisfy({ $0.properties.generalCategory == .control }) {
                out += " "
                continue
            }
            switch character {
            case "|": out += "\\|"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            case "\\": out += "\\\\"
            case "`": out += "\\`"
            default: out.append(character)
            }
        }
        return out
    }

    /// Text content and attribute values in HTML and SVG.
    package static func html(_ value: String) -> String {
        var out = ""
        out.reserveCapacity(value.utf8.count)
        for character in visible(value) {
            switch character {
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }

    /// The message of a GitHub workflow command (`::error title=…::message`): `%`, CR and LF encoded.
    package static func githubMessage(_ value: String) -> String {
        value.replacingAll("%", with: "%25").replacingAll("\r", with: "%0D").replacingAll("\n", with: "%0A")
    }

    /// A property of a GitHub workflow command: also `:` and `,`.
    package static func githubProperty(_ value: String) -> String {
        githubMessage(value).replacingAll(":", with: "%3A").replacingAll(",", with: "%2C")
    }

    /// A name or email in a `.mailmap` line: no `<`, `>` or control characters (they would end the
    /// field or the line), trimmed, and no leading `#` (a comment).
    package static func mailmapField(_ value: String) -> String {
        let kept = value.unicodeScalars.filter { $0 != "<" && $0 != ">" && $0.properties.generalCategory != .control }
        var text = String(String.UnicodeScalarView(kept)).trimmingCharacters(in: .whitespaces)
        while text.hasPrefix("#") { text.removeFirst() }
        return text
    }

    /// A YAML double-quoted scalar: `\` and `"` escaped, control characters as `\uXXXX`.
    package static func yamlQuoted(_ value: String) -> String {
        var out = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            default:
                if scalar.properties.generalCategory == .control || scalar == "\u{2028}" || scalar == "\u{2029}" {
                    out +=
                        "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count)
                        + String(scalar.value, radix: 16)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}

extension String {
    /// Replaces one scalar; scalars, not characters, so that "\r\n" (one Character in Swift) is split too.
    func replacingAll(_ target: Unicode.Scalar, with replacement: String) -> String {
        guard unicodeScalars.contains(target) else { return self }
        var out = String.UnicodeScalarView()
        for scalar in unicodeScalars {
            if scalar == target { out.append(contentsOf: replacement.unicodeScalars) } else { out.append(scalar) }
        }
        return String(out)
    }
}
