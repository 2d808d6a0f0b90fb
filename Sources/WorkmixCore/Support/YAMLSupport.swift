import Foundation
import Yams

/// A YAML node with the file it came from and the key path that leads to it, read through typed
/// accessors that throw `InputError` at file:line:column naming the key. Rule files and the config are
/// decoded with these rather than `Decodable`, which loses line numbers.
package struct YAMLValue {
    package let node: Node
    package let file: String
    /// Where the value sits, for messages: `rules[2].match.subject`.
    package let path: String

    package init(node: Node, file: String, path: String = "") {
        self.node = node
        self.file = file
        self.path = path
    }

    /// Composes a single YAML document; nil for an empty document. Yams' own errors keep their line.
    /// Refuses a document whose aliases stand for too many values or nest too deep (`YAMLExpansion`).
    /// Composed on a thread with a large stack: Yams compares mapping keys recursively, and a key
    /// that is an alias of a chain 60,000 deep overflowed the main thread's 8 MB while composing.
    package static func parse(_ text: String, file: String) throws -> YAMLValue? {
        try YAMLExpansion.onLargeStack { try compose(text, file: file) }
    }

    private static func compose(_ text: String, file: String) throws -> YAMLValue? {
        var expansion: YAMLExpansion?
        // Once the parser and the root are gone: a tree nested deeper than the stack is freed root first.
        defer { expansion?.release() }
        do {
            // No implicit typing at compose time: Yams' default resolver compiles a dozen
            // NSRegularExpressions (ICU) at first use and runs them on every plain scalar. Scalars are
            // typed on demand below instead, the way the reader asks for them.
            let parser = try Parser(yaml: text, resolver: .basic)
            return try withExtendedLifetime(parser) {
                guard let node = try parser.singleRoot() else { return nil }
                expansion = YAMLExpansion(node)
                try expansion?.check(file: file)
                return YAMLValue(node: node, file: file)
            }
        } catch let error as YamlError {
            throw InputError.fromYams(error, file: file)
        }
    }

    package var location: SourceLocation {
        SourceLocation(file: file, line: node.mark?.line, column: node.mark?.column)
    }

    /// An error at this value, naming its key path.
    package func error(_ message: String) -> InputError {
        InputError(path.isEmpty ? message : "\(path): \(message)", at: location)
    }

    package var isNull: Bool {
        guard let scalar = node.scalar, scalar.style == .plain || scalar.style == .any else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    private var kind: String {
        switch node {
        case .scalar: return isNull ? "null" : "a scalar"
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }

    /// Any scalar as text (a number or a boolean too, as written), but not null.
    package func string() throws -> String {
        guard let scalar = node.scalar, !isNull else { throw error("expected a string, found \(kind)") }
        return scalar.string
    }

    /// `true`/`false` (also YAML 1.1's `yes`/`no`/`on`/`off`, any case) written plain: a quoted
    /// `"true"` is a string.
    package func bool() throws -> Bool {
        switch plainScalar?.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: throw error("expected true or false, found \(describe())")
        }
    }

    /// A plain integer: decimal with an optional sign, `_` separators, or `0x`/`0o`/`0b`.
    package func int() throws -> Int {
        guard let value = plainScalar.flatMap(Self.integer) else {
            throw error("expected an integer, found \(describe())")
        }
        return value
    }

    private var plainScalar: String? {
        guard let scalar = node.scalar, scalar.style == .plain || scalar.style == .any else { return nil }
        return scalar.string
    }

    static func integer(_ text: String) -> Int? {
        var digits = Substring(text.replacingOccurrences(of: "_", with: ""))
        let negative = digits.first == "-"
        if negative || digits.first == "+" { digits = digits.dropFirst() }
        var radix = 10
        for (prefix, base) in [("0x", 16), ("0o", 8), ("0b", 2)] where digits.lowercased().hasPrefix(prefix) {
            radix = base
            digits = digits.dropFirst(2)
        }
        guard !digits.isEmpty, digits.allSatisfy({ $0.isHexDigit }) else { return nil }
        return Int((negative ? "-" : "") + digits, radix: radix)
    }

    package func sequence() throws -> [YAMLValue] {
        guard let sequence = node.sequence else { throw error("expected a list, found \(kind)") }
        return sequence.enumerated().map { YAMLValue(node: $1, file: file, path: "\(path)[\($0)]") }
    }

    /// A list, or a single value read as a list of one (`files: docs/**` as `files: [docs/**]`).
    package func sequenceOrSingle() -> [YAMLValue] {
        if node.sequence != nil, let items = try? sequence() { return items }
        return [self]
    }

    package func mapping() throws -> YAMLMapping {
        guard let mapping = node.mapping else { throw error("expected a mapping, found \(kind)") }
        var entries: [YAMLMapping.Entry] = []
        var merged: [YAMLMapping.Entry] = []
        for (keyNode, valueNode) in mapping {
            let keyValue = YAMLValue(node: keyNode, file: file, path: path)
            guard let key = keyNode.scalar?.string else { throw keyValue.error("a key must be a string") }
            if key == "<<", keyValue.plainScalar != nil {
                // A merge key (`<<: *defaults`, or a list of them): the entries of those mappings, where
                // this one does not set them, as YAML's merge type and Yams' decoder read it.
                for source in valueNode.sequence.map(Array.init) ?? [valueNode] {
                    merged += try YAMLValue(node: source, file: file, path: path + ".<<").mapping().entries
                }
                continue
            }
            entries.append(entry(key, keyValue.location, valueNode))
        }
        var keys = Set(entries.map(\.key))
        for entry in merged where keys.insert(entry.key).inserted {
            entries.append(self.entry(entry.key, entry.keyLocation, entry.value.node))
        }
        return YAMLMapping(entries: entries, location: location, path: path, file: file)
    }

    private func entry(_ key: String, _ keyLocation: SourceLocation, _ value: Node) -> YAMLMapping.Entry {
        .init(
            key: key, keyLocation: keyLocation,
            value: YAMLValue(node: value, file: file, path: path.isEmpty ? key : "\(path).\(key)"))
    }

    private func describe() -> String {
        if let scalar = node.scalar, !isNull { return "'\(scalar.string)'" }
        return kind
    }
}

/// A YAML mapping whose keys are strings, in file order.
package struct YAMLMapping {
    package struct Entry {
        package let key: String
        package let keyLocation: SourceLocation
        package let value: YAMLValue
    }

    package let entries: [Entry]
    package let location: SourceLocation
    package let path: String
    package let file: String

    package var keys: [String] { entries.map(\.key) }
    package var isEmpty: Bool { entries.isEmpty }

    package subscript(key: String) -> YAMLValue? {
        entries.first { $0.key == key }?.value
    }

    /// The value of a key that must be present.
    package func required(_ key: String) throws -> YAMLValue {
        guard let value = self[key] else { throw error("missing key '\(key)'") }
        return value
    }

    /// Rejects the first key not in `allowed`, at that key's line.
    package func rejectUnknownKeys<S: Sequence>(allowed: S) throws where S.Element == String {
        let known = Set(allowed)
        for entry in entries where !known.contains(entry.key) {
            let expected = known.sorted().joined(separator: ", ")
            throw InputError(
                "\(path.isEmpty ? "" : path + ": ")unknown key '\(entry.key)' (expected one of: \(expected))",
                at: entry.keyLocation)
        }
    }

    package func error(_ message: String) -> InputError {
        InputError(path.isEmpty ? message : "\(path): \(message)", at: location)
    }
}

extension InputError {
    /// Turns a Yams parse error into one line at file:line:column.
    static func fromYams(_ error: YamlError, file: String) -> InputError {
        func at(_ mark: Mark) -> SourceLocation { SourceLocation(file: file, line: mark.line, column: mark.column) }
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
            let .composer(context, problem, mark, _):
            let prefix = context.map { "\($0.text) (line \($0.mark.line)): " } ?? ""
            return InputError("invalid YAML: \(prefix)\(problem)", at: at(mark))
        case let .duplicatedKeysInMapping(duplicates, context):
            return InputError(
                "invalid YAML: duplicate key(s) \(duplicates.sorted().map { "'\($0)'" }.joined(separator: ", "))",
                at: at(context.mark))
        case let .reader(problem, offset, _, yaml):
            var line = 1
            if let offset { line += yaml.prefix(offset).filter { $0 == "\n" }.count }
            return InputError("invalid YAML: \(problem)", at: SourceLocation(file: file, line: line))
        default:
            return InputError("invalid YAML: \(error)", at: SourceLocation(file: file))
        }
    }
}
