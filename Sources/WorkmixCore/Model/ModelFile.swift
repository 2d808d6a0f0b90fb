import Foundation

/// The model file: plain text, one feature a line, so it is small, diffable and read in a few
/// milliseconds at start-up (a JSON decoder took several times longer for the shipped model).
///
///     workmix-model 1
///     categories investment maintenance support
///     settings {"bigrams":true,…}
///     provenance trained on 12,345 commits …
///     bias 0.1 -0.2 0.1
///     w:add<TAB>1.2 -0.3 -0.9
///     …
///     end 5000
///
/// The `end` line with the feature count catches a truncated file.
package enum ModelFile {
    package static let magic = "workmix-model"
    package static let version = 1

    package static func write(_ model: CommitModel) -> String {
        var lines = [
            "\(magic) \(version)",
            "categories " + CommitModel.categories.map(\.rawValue).joined(separator: " "),
            "settings " + settingsJSON(model.settings),
            "provenance " + model.provenance.replacingOccurrences(of: "\n", with: " "),
            "bias " + model.bias.map(number).joined(separator: " "),
        ]
        for name in model.weights.names.sorted() {
            lines.append(name + "\t" + (model.weights.row(name) ?? []).map(number).joined(separator: " "))
        }
        lines.append("end \(model.weights.count)")
        return lines.joined(separator: "\n") + "\n"
    }

    /// Parses a model file; every problem is an `InputError` naming `file:line`. Works on the bytes
    /// (the shipped model is read at every start: 20,000 lines in a few milliseconds).
    package static func parse(_ text: String, file: String) throws -> CommitModel {
        var text = text
        return try text.withUTF8 { bytes in try parse(bytes: bytes, file: file) }
    }

    private static func parse(bytes: UnsafeBufferPointer<UInt8>, file: String) throws -> CommitModel {
        var lines: [Range<Int>] = []
        var start = 0
        for (offset, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
            lines.append(start..<offset)
            start = offset + 1
        }
        if start < bytes.count { lines.append(start..<bytes.count) }
        func text(_ line: Int) -> String { String(decoding: UnsafeBufferPointer(rebasing: bytes[lines[line]]), as: UTF8.self) }
        func fail(_ message: String, line: Int) -> InputError {
            InputError(message, at: SourceLocation(file: file, line: line))
        }
        let first = lines.isEmpty ? "" : text(0)
        guard first.hasPrefix(magic + " ") || first == magic else {
            throw fail("not a workmix model file (it should start with '\(magic) \(version)')", line: 1)
        }
        guard first == "\(magic) \(version)" else {
            throw fail(
                "model format '\(first.dropFirst(magic.count + 1))' is not the one this workmix reads (\(version)): train it again with this version",
                line: 1)
        }
        guard lines.count >= 6 else { throw fail("truncated model file", line: lines.count) }
        let expected = "categories " + CommitModel.categories.map(\.rawValue).joined(separator: " ")
        guard text(1) == expected else { throw fail("expected '\(expected)'", line: 2) }
        let settings = header(text(2), "settings").flatMap(FeatureSettings.init(json:))
        guard let settings else { throw fail("unreadable settings", line: 3) }
        guard let provenance = header(text(3), "provenance") else { throw fail("expected 'provenance'", line: 4) }
        guard let bias = header(text(4), "bias").flatMap({ weightsList(Array($0.utf8)[...]) }) else {
            throw fail("expected 'bias' and \(CommitModel.categories.count) numbers", line: 5)
        }
        let last = text(lines.count - 1)
        guard last.hasPrefix("end "), let count = Int(last.dropFirst(4)) else {
            throw fail("truncated model file (no 'end' line)", line: lines.count)
        }
        var weights = CommitModel.Weights(capacity: count)
        for index in 5..<(lines.count - 1) {
            let line = bytes[lines[index]]
            guard let tab = line.firstIndex(of: UInt8(ascii: "\t")), let row = weightsList(line[(tab + 1)...]) else {
                throw fail("expected a feature, a tab and \(CommitModel.categories.count) numbers", line: index + 1)
            }
            weights.append(String(decoding: UnsafeBufferPointer(rebasing: line[..<tab]), as: UTF8.self), row)
        }
        guard weights.count == count else {
            throw fail("the file holds \(weights.count) features where its 'end' line says \(count)", line: lines.count)
        }
        return CommitModel(settings: settings, bias: bias, weights: weights, provenance: provenance, source: file)
    }

    private static func header(_ line: String, _ key: String) -> String? {
        guard line.hasPrefix(key + " ") else { return nil }
        return String(line.dropFirst(key.count + 1))
    }

    /// Space-separated decimals (`-0.1234`, `0`), one per category.
    private static func weightsList<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> [Double]? {
        var numbers: [Double] = []
        numbers.reserveCapacity(CommitModel.categories.count)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            guard let (number, next) = decimal(bytes, from: index) else { return nil }
            numbers.append(number)
            index = next
            if index < bytes.endIndex {
                guard bytes[index] == UInt8(ascii: " ") else { return nil }
                index = bytes.index(after: index)
            }
        }
        return numbers.count == CommitModel.categories.count ? numbers : nil
    }

    /// `-?digits(.digits)?` at `index`, and the index after it.
    private static func decimal<Bytes: Collection<UInt8>>(_ bytes: Bytes, from start: Bytes.Index) -> (Double, Bytes.Index)? {
        var index = start
        var negative = false
        if index < bytes.endIndex, bytes[index] == UInt8(ascii: "-") { negative = true; index = bytes.index(after: index) }
        var value = 0.0, digits = 0, scale = 1.0, inFraction = false
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == UInt8(ascii: "."), !inFraction {
                inFraction = true
            } else if (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte), digits < 18 {
                value = value * 10 + Double(byte - UInt8(ascii: "0"))
                if inFraction { scale *= 10 }
                digits += 1
            } else {
                break
            }
            index = bytes.index(after: index)
        }
        guard digits > 0 else { return nil }
        return ((negative ? -value : value) / scale, index)
    }

    private static func settingsJSON(_ settings: FeatureSettings) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return (try? encoder.encode(settings)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    /// Four decimals: enough for the scores, and the file stays small and the same on every machine.
    private static func number(_ value: Double) -> String {
        let rounded = (value * 10_000).rounded() / 10_000
        return rounded == 0 ? "0" : String(format: "%.4f", rounded)
    }
}
