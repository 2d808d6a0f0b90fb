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
public enum ModelFile {
    public static let magic = "workmix-model"
    public static let version = 1

    public static func write(_ model: CommitModel) -> String {
        var lines = ["\(magic) \(version)",
                     "categories " + CommitModel.categories.map(\.rawValue).joined(separator: " "),
                     "settings " + settingsJSON(model.settings),
                     "provenance " + model.provenance.replacingOccurrences(of: "\n", with: " "),
                     "bias " + model.bias.map(number).joined(separator: " ")]
        for name in model.weights.keys.sorted() {
            lines.append(name + "\t" + (model.weights[name] ?? []).map(number).joined(separator: " "))
        }
        lines.append("end \(model.weights.count)")
        return lines.joined(separator: "\n") + "\n"
    }

    /// Parses a model file; every problem is an `InputError` naming `file:line`.
    public static func parse(_ text: String, file: String) throws -> CommitModel {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.last == "" { lines.removeLast() }
        func fail(_ message: String, line: Int) -> InputError {
            InputError(message, at: SourceLocation(file: file, line: line))
        }
        guard let first = lines.first, first.hasPrefix(magic + " ") || first == Substring(magic) else {
            throw fail("not a workmix model file (it should start with '\(magic) \(version)')", line: 1)
        }
        guard first == "\(magic) \(version)" else {
            throw fail("model format '\(first.dropFirst(magic.count + 1))' is not the one this workmix reads (\(version)): train it again with this version", line: 1)
        }
        guard lines.count >= 6 else { throw fail("truncated model file", line: lines.count) }
        let expected = "categories " + CommitModel.categories.map(\.rawValue).joined(separator: " ")
        guard lines[1] == expected else { throw fail("expected '\(expected)'", line: 2) }
        let settings = try header(lines[2], "settings", line: 3, file: file).flatMap { text -> FeatureSettings? in
            try? JSONDecoder().decode(FeatureSettings.self, from: Data(text.utf8))
        }
        guard let settings else { throw fail("unreadable settings", line: 3) }
        guard let provenance = try header(lines[3], "provenance", line: 4, file: file) else { throw fail("expected 'provenance'", line: 4) }
        guard let bias = try header(lines[4], "bias", line: 5, file: file).flatMap(weightsList) else {
            throw fail("expected 'bias' and \(CommitModel.categories.count) numbers", line: 5)
        }
        guard let last = lines.last, last.hasPrefix("end "), let count = Int(last.dropFirst(4)) else {
            throw fail("truncated model file (no 'end' line)", line: lines.count)
        }
        var weights: [String: [Double]] = [:]
        weights.reserveCapacity(count)
        for index in 5..<(lines.count - 1) {
            let line = lines[index]
            guard let tab = line.firstIndex(of: "\t"), let row = weightsList(line[line.index(after: tab)...]) else {
                throw fail("expected a feature, a tab and \(CommitModel.categories.count) numbers", line: index + 1)
            }
            weights[String(line[..<tab])] = row
        }
        guard weights.count == count else {
            throw fail("the file holds \(weights.count) features where its 'end' line says \(count)", line: lines.count)
        }
        return CommitModel(settings: settings, bias: bias, weights: weights, provenance: String(provenance), source: file)
    }

    private static func header(_ line: Substring, _ key: String, line number: Int, file: String) throws -> String? {
        guard line.hasPrefix(key + " ") else { return nil }
        return String(line.dropFirst(key.count + 1))
    }

    private static func weightsList(_ text: some StringProtocol) -> [Double]? {
        let numbers = text.split(separator: " ").compactMap { Double($0) }
        guard numbers.count == CommitModel.categories.count, numbers.allSatisfy(\.isFinite) else { return nil }
        return numbers
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
