import Foundation

/// The learned classifier (SPEC 7): multinomial logistic regression over a commit's features. Each
/// feature has one weight per category; a commit's score for a category is the bias plus the weights of
/// its features, and the probabilities are the softmax of the scores. Immutable, shared by every thread.
package final class CommitModel: Sendable {
    /// The categories in the order of each feature's weights: investment, maintenance, support.
    package static let categories: [Category] = Category.assignable

    package let settings: FeatureSettings
    package let bias: [Double]
    /// Feature name → its weights, one per category.
    let weights: Weights
    /// What it was trained on, for `model info` and the README (free text, one line).
    package let provenance: String
    /// Where it came from: a file path, or `shipped`.
    package let source: String

    package init(settings: FeatureSettings, bias: [Double], weights: Weights, provenance: String, source: String) {
        self.settings = settings
        self.bias = bias
        self.weights = weights
        self.provenance = provenance
        self.source = source
    }

    package var featureCount: Int { weights.count }

    /// The features of a record as this model reads them.
    package func features(of record: CommitRecord) -> CommitFeatures {
        CommitFeatures(record, changeInfo: record.changeInfo, settings: settings)
    }

    package func predict(_ record: CommitRecord) -> ModelPrediction {
        predict(features(of: record))
    }

    /// The probabilities only; what each feature weighed is worked out when an explanation asks.
    package func predict(_ features: CommitFeatures) -> ModelPrediction {
        var scores = bias
        let table = weights.table
        for (name, value) in zip(features.names, features.values) {
            guard let offset = weights.offset(name) else { continue }
            for index in scores.indices { scores[index] += table[offset + index] * value }
        }
        return ModelPrediction(probabilities: Self.softmax(scores), features: features, model: self)
    }

    /// The features of `features` this model knows, with their weights times their values.
    func contributions(of features: CommitFeatures) -> [(name: String, weights: [Double])] {
        zip(features.names, features.values).compactMap { name, value in
            weights.offset(name).map { offset in (name, bias.indices.map { weights.table[offset + $0] * value }) }
        }
    }

    static func softmax(_ scores: [Double]) -> [Double] {
        let top = scores.max() ?? 0
        let exps = scores.map { Foundation.exp($0 - top) }
        let total = exps.reduce(0, +)
        return exps.map { $0 / total }
    }
}

extension CommitModel {
    /// The weights as one flat table (one row of `categories.count` per feature) and an index: one
    /// allocation for the table instead of one per feature, as the shipped model is read at every start.
    package struct Weights: Sendable {
        private var index: [String: Int] = [:]
        private(set) var table: [Double] = []

        package init(capacity: Int = 0) {
            index.reserveCapacity(capacity)
            table.reserveCapacity(capacity * CommitModel.categories.count)
        }

        package var count: Int { index.count }
        package var names: Dictionary<String, Int>.Keys { index.keys }

        func offset(_ name: String) -> Int? { index[name] }

        package func row(_ name: String) -> [Double]? {
            index[name].map { Array(table[$0..<($0 + CommitModel.categories.count)]) }
        }

        /// Adds (or replaces) a feature's row.
        package mutating func append(_ name: String, _ row: [Double]) {
            if let offset = index[name] {
                table.replaceSubrange(offset..<(offset + row.count), with: row)
            } else {
                index[name] = table.count
                table += row
            }
        }
    }
}

/// What the model says about one commit.
package struct ModelPrediction: Sendable {
    /// One per category of `CommitModel.categories`.
    package var probabilities: [Double]
    let features: CommitFeatures
    let model: CommitModel

    /// The commit's features the model knows, with their weights times their values (for explanations).
    var contributions: [(name: String, weights: [Double])] { model.contributions(of: features) }

    package func probability(of category: Category) -> Double {
        CommitModel.categories.firstIndex(of: category).map { probabilities[$0] } ?? 0
    }

    /// The most likely category and its probability.
    package var best: (category: Category, probability: Double) {
        let index = probabilities.indices.max { probabilities[$0] < probabilities[$1] } ?? 0
        return (CommitModel.categories[index], probabilities[index])
    }

    /// `investment 0.62, maintenance 0.25, support 0.13`
    package var summary: String {
        zip(CommitModel.categories, probabilities).map { "\($0.rawValue) \(format($1))" }.joined(separator: ", ")
    }

    /// The features that weighed most for `category`, against the other categories: a feature's weight
    /// for it minus the mean of its weights, largest magnitude first. `word "migrate" +1.80 support`.
    package func topFeatures(for category: Category, limit: Int = 5) -> [String] {
        guard let index = CommitModel.categories.firstIndex(of: category) else { return [] }
        var ranked: [(name: String, weight: Double)] = []
        for item in contributions {
            let mean = item.weights.reduce(0, +) / Double(item.weights.count)
            let weight = item.weights[index] - mean
            if abs(weight) >= 0.005 { ranked.append((item.name, weight)) }
        }
        ranked.sort { left, right in
            let a = abs(left.weight), b = abs(right.weight)
            return a != b ? a > b : left.name < right.name
        }
        return ranked.prefix(limit).map { item in
            "\(FeatureName.describe(item.name)) \(signed(item.weight)) \(category.rawValue)"
        }
    }
}

private func format(_ value: Double) -> String { String(format: "%.2f", value) }
private func signed(_ value: Double) -> String { String(format: "%+.2f", value) }

/// Feature names as people read them.
enum FeatureName {
    static func describe(_ name: String) -> String {
        let flags = [
            "nodiff": "no diff read", "nofiles": "no files changed", "nosize": "line counts unknown",
            "hasbody": "has a body",
        ]
        if let flag = flags[name] { return flag }
        guard let colon = name.firstIndex(of: ":") else { return name }
        let kind = name[..<colon], value = String(name[name.index(after: colon)...])
        switch kind {
        case "w": return "word \"\(value)\""
        case "first": return "first word \"\(value)\""
        case "bi": return "words \"\(value.replacingOccurrences(of: "_", with: " "))\""
        case "b": return "body word \"\(value)\""
        case "kind": return "files: \(value)"
        case "allkind": return "files: only \(value)"
        case "ext": return value.isEmpty ? "files without extension" : "files: *.\(value)"
        case "st": return "files status \(value)"
        case "allst": return "files: all status \(value)"
        case "mix": return "files: \(value.replacingOccurrences(of: "+", with: " and "))"
        case "dir": return "folder word \"\(value)\""
        case "fc", "ins", "del", "add":
            let low = (1 << (Int(value) ?? 0)) - 1
            let noun = ["fc": "files", "ins": "insertions", "del": "deletions"][kind] ?? "added files"
            return "\(noun) \(low)–\(2 * low)"
        case "net":
            return "lines: "
                + ([
                    "del": "mostly deleted", "mdel": "more deleted", "bal": "balanced",
                    "mins": "more added", "ins": "mostly added", "empty": "none",
                ][value] ?? value)
        default: return name
        }
    }
}
