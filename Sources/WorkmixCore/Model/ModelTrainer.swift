import Foundation

/// Trains a `CommitModel`: multinomial logistic regression with L2 regularisation and class weights
/// (balanced by default: each category weighs as much in total, as scikit-learn's
/// `class_weight="balanced"`; or so that each weighs its share of `classPriors`), fitted by L-BFGS over
/// the whole set. No randomness and a fixed order of every sum, so the same commits give
/// the same file on every run.
package struct ModelTrainer: Sendable {
    package struct Options: Sendable, Hashable {
        package var settings = FeatureSettings()
        /// Inverse regularisation strength, as scikit-learn's `C`.
        package var regularisation = 0.3
        /// A feature must occur in this many training commits to be learned.
        package var minCount = 2
        /// Keep at most this many features (those with the largest weights), to keep the file small.
        package var maxFeatures = 20_000
        /// Below this, a single weight is dropped from the file.
        package var minWeight = 0.01
        package var maxIterations = 300
        /// Every n-th commit with files is learned from its message alone (0: none), so the model also
        /// serves runs that read no diff (`scan --no-diffs`, a snapshot without blobs).
        package var messageOnlyEvery = 2
        /// The mix of categories the model should expect, one share per category of
        /// `CommitModel.categories` (nil: balanced). Each category's commits weigh its share in total, so
        /// a model trained on a skewed set still predicts the kinds in the proportions teams see.
        package var classPriors: [Double]?

        package init() {}
    }

    package enum TrainingError: Error, CustomStringConvertible {
        case noCommits
        case oneCategory(Category)

        package var description: String {
            switch self {
            case .noCommits: return "no labelled commits to learn from"
            case .oneCategory(let category): return "every labelled commit is \(category.rawValue): a model needs at least two categories"
            }
        }
    }

    package var options: Options

    package init(options: Options = Options()) { self.options = options }

    /// Learns from labelled records (their subjects may keep their Conventional prefix: the features
    /// drop it). `provenance` is written into the model.
    package func train(_ labelled: [LabelledRecord], provenance: String) throws -> CommitModel {
        let examples = labelled.enumerated().compactMap { position, item -> (CommitFeatures, Int)? in
            guard let label = CommitModel.categories.firstIndex(of: item.expected) else { return nil }
            let messageOnly = options.messageOnlyEvery > 0 && position % options.messageOnlyEvery == options.messageOnlyEvery - 1
            return (
                CommitFeatures(
                    item.record, changeInfo: messageOnly ? .notComputed : item.record.changeInfo,
                    settings: options.settings), label
            )
        }
        guard !examples.isEmpty else { throw TrainingError.noCommits }
        let present = Set(examples.map(\.1))
        guard present.count > 1 else { throw TrainingError.oneCategory(CommitModel.categories[examples[0].1]) }
        let vocabulary = Self.vocabulary(examples.map(\.0), minCount: options.minCount)
        let index = Dictionary(uniqueKeysWithValues: vocabulary.enumerated().map { ($1, Int32($0)) })
        let rows = examples.map { features, _ in
            zip(features.names, features.values).compactMap { name, value in index[name].map { SparseEntry(feature: $0, value: value) } }
        }
        let problem = SoftmaxProblem(
            rows: rows, labels: examples.map(\.1), featureCount: vocabulary.count,
            classCount: CommitModel.categories.count, regularisation: options.regularisation, priors: options.classPriors)
        let solution = LBFGS.minimize(
            problem.objective, start: [Double](repeating: 0, count: problem.parameterCount),
            maxIterations: options.maxIterations)
        return model(vocabulary: vocabulary, parameters: solution, problem: problem, provenance: provenance)
    }

    /// Features seen in at least `minCount` commits, sorted by name.
    static func vocabulary(_ examples: [CommitFeatures], minCount: Int) -> [String] {
        var counts: [String: Int] = [:]
        for example in examples { for name in example.names { counts[name, default: 0] += 1 } }
        return counts.filter { $0.value >= max(1, minCount) }.keys.sorted()
    }

    private func model(vocabulary: [String], parameters: [Double], problem: SoftmaxProblem, provenance: String) -> CommitModel {
        let classes = problem.classCount
        var ranked: [(name: String, row: [Double], size: Double)] = []
        for (feature, name) in vocabulary.enumerated() {
            let row = Array(parameters[(feature * classes)..<((feature + 1) * classes)])
            ranked.append((name, row, row.map(abs).max() ?? 0))
        }
        ranked.sort { $0.size != $1.size ? $0.size > $1.size : $0.name < $1.name }
        var weights = CommitModel.Weights(capacity: options.maxFeatures)
        for item in ranked.prefix(options.maxFeatures) {
            let row = item.row.map { abs($0) < options.minWeight ? 0 : $0 }
            if row.contains(where: { $0 != 0 }) { weights.append(item.name, row) }
        }
        let bias = Array(parameters[(vocabulary.count * classes)...])
        return CommitModel(settings: options.settings, bias: bias, weights: weights, provenance: provenance, source: "trained")
    }
}

/// One feature of one commit: its index in the vocabulary and its value.
struct SparseEntry {
    var feature: Int32
    var value: Double
}

/// The training objective: mean class-weighted cross-entropy plus an L2 penalty on the feature weights (not the
/// biases), scaled as scikit-learn's `C`. Parameters: `featureCount × classCount` weights, then biases.
struct SoftmaxProblem {
    let rows: [[SparseEntry]]
    let labels: [Int]
    let featureCount: Int
    let classCount: Int
    let sampleWeights: [Double]
    let totalWeight: Double
    /// λ of λ/2 ‖W‖², per unit of total sample weight.
    let lambda: Double

    init(rows: [[SparseEntry]], labels: [Int], featureCount: Int, classCount: Int, regularisation: Double, priors: [Double]? = nil) {
        self.rows = rows
        self.labels = labels
        self.featureCount = featureCount
        self.classCount = classCount
        var perClass = [Int](repeating: 0, count: classCount)
        for label in labels { perClass[label] += 1 }
        // Each present category weighs its share of the priors in total (balanced: an equal share).
        let shares: [Double] = (0..<classCount).map { label in
            guard perClass[label] > 0 else { return 0 }
            guard let priors else { return 1 }
            return label < priors.count ? max(0, priors[label]) : 0
        }
        let shareTotal = shares.reduce(0, +)
        sampleWeights = labels.map { Double(labels.count) * shares[$0] / (shareTotal * Double(perClass[$0])) }
        totalWeight = sampleWeights.reduce(0, +)
        lambda = 1 / (regularisation * totalWeight)
    }

    var parameterCount: Int { (featureCount + 1) * classCount }

    /// The objective divided by the total sample weight, and its gradient.
    func objective(_ parameters: [Double]) -> (value: Double, gradient: [Double]) {
        var gradient = [Double](repeating: 0, count: parameters.count)
        var loss = 0.0
        let biasOffset = featureCount * classCount
        var scores = [Double](repeating: 0, count: classCount)
        for (sample, row) in rows.enumerated() {
            for k in 0..<classCount { scores[k] = parameters[biasOffset + k] }
            for entry in row {
                let base = Int(entry.feature) * classCount
                for k in 0..<classCount { scores[k] += entry.value * parameters[base + k] }
            }
            let top = scores.max() ?? 0
            var sum = 0.0
            for k in 0..<classCount { scores[k] = exp(scores[k] - top); sum += scores[k] }
            let weight = sampleWeights[sample]
            loss -= weight * log(max(scores[labels[sample]] / sum, 1e-300))
            for k in 0..<classCount {
                let residual = weight * (scores[k] / sum - (k == labels[sample] ? 1 : 0))
                gradient[biasOffset + k] += residual
                for entry in row { gradient[Int(entry.feature) * classCount + k] += residual * entry.value }
            }
        }
        var penalty = 0.0
        for index in 0..<biasOffset {
            penalty += parameters[index] * parameters[index]
        }
        let scale = 1 / totalWeight
        for index in gradient.indices { gradient[index] *= scale }
        for index in 0..<biasOffset { gradient[index] += lambda * parameters[index] }
        return (loss * scale + 0.5 * lambda * penalty, gradient)
    }
}
