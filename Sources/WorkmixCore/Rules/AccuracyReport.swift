import Foundation

/// A commit with the category it should get: a row of a labels file, or a commit whose Conventional
/// prefix implies one. What `rules eval`, `model train` and `model eval` read.
package typealias LabelledRecord = (record: CommitRecord, expected: Category)

/// How well the rules in force agree with hand labels (`workmix rules eval --labels FILE`).
///
/// Every labelled commit counts. A commit the rules leave `unclassified` or `skip` is a wrong answer
/// (it lowers recall of its true category and accuracy) but no category's false positive, so precision
/// is over the commits predicted as that category. Macro-F1 is the mean F1 of investment, maintenance
/// and support, so the rarer kinds weigh as much as the usual majority of maintenance.
package struct AccuracyReport: Sendable, Hashable {
    /// A column of the confusion matrix: a category, or `skip`.
    package enum Predicted: Hashable, Sendable, Comparable, CustomStringConvertible {
        case category(Category)
        case skip

        package static let columns: [Predicted] = Category.allCases.map { .category($0) } + [.skip]

        package var description: String {
            if case .category(let category) = self { return category.rawValue }
            return "skip"
        }

        package static func < (lhs: Predicted, rhs: Predicted) -> Bool {
            columns.firstIndex(of: lhs)! < columns.firstIndex(of: rhs)!
        }
    }

    package struct Row: Sendable, Hashable {
        package var record: CommitRecord
        package var expected: Category
        package var classification: Classification

        package init(record: CommitRecord, expected: Category, classification: Classification) {
            self.record = record
            self.expected = expected
            self.classification = classification
        }

        package var predicted: Predicted {
            classification.skipped ? .skip : .category(classification.category)
        }
        package var isCorrect: Bool { predicted == .category(expected) }
    }

    package struct Scores: Sendable, Hashable {
        package var precision: Double
        package var recall: Double
        package var f1: Double
        /// Commits labelled with this category.
        package var support: Int
    }

    package var total: Int
    package var correct: Int
    package var accuracy: Double
    /// For investment, maintenance and support.
    package var perCategory: [Category: Scores]
    package var macroF1: Double
    /// `confusion[expected][predicted]` = commits.
    package var confusion: [Category: [Predicted: Int]]
    /// The rows it got wrong, in input order.
    package var wrong: [Row]
    /// Per deciding rule (`unclassified` for none): the commits it decided and how many were right, in
    /// rule order of first appearance: which rules are precise, and which decide much and badly.
    package var perRule: [(rule: String, decided: Int, correct: Int)]

    /// Classifies each labelled record with `ruleSet` and scores the result.
    package static func evaluate(
        _ labelled: [LabelledRecord], ruleSet: RuleSet,
        context: RuleContext = .none
    ) -> AccuracyReport {
        AccuracyReport(
            rows: labelled.map {
                Row(record: $0.record, expected: $0.expected, classification: ruleSet.classify($0.record, context: context))
            })
    }

    package init(rows: [Row]) {
        total = rows.count
        correct = rows.filter(\.isCorrect).count
        accuracy = total == 0 ? 0 : Double(correct) / Double(total)
        var confusion: [Category: [Predicted: Int]] = [:]
        for row in rows { confusion[row.expected, default: [:]][row.predicted, default: 0] += 1 }
        self.confusion = confusion
        var perCategory: [Category: Scores] = [:]
        for category in Category.assignable {
            let truePositives = confusion[category]?[.category(category)] ?? 0
            let predicted = confusion.values.reduce(0) { $0 + ($1[.category(category)] ?? 0) }
            let actual = confusion[category]?.values.reduce(0, +) ?? 0
            let precision = predicted == 0 ? 0 : Double(truePositives) / Double(predicted)
            let recall = actual == 0 ? 0 : Double(truePositives) / Double(actual)
            let f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)
            perCategory[category] = Scores(precision: precision, recall: recall, f1: f1, support: actual)
        }
        self.perCategory = perCategory
        // Over the categories that occur, as labels or as predictions (scikit-learn's macro average): a
        // category nobody labelled and the rules never chose is not a zero.
        let occurring = Category.assignable.filter { category in
            perCategory[category]!.support > 0 || confusion.values.contains { ($0[.category(category)] ?? 0) > 0 }
        }
        macroF1 = occurring.isEmpty ? 0 : occurring.reduce(0) { $0 + perCategory[$1]!.f1 } / Double(occurring.count)
        wrong = rows.filter { !$0.isCorrect }
        var order: [String] = []
        var tally: [String: (decided: Int, correct: Int)] = [:]
        for row in rows {
            let rule = row.classification.ruleID ?? "unclassified"
            if tally[rule] == nil { order.append(rule) }
            tally[rule, default: (0, 0)].decided += 1
            if row.isCorrect { tally[rule, default: (0, 0)].correct += 1 }
        }
        perRule = order.map { (rule: $0, decided: tally[$0]?.decided ?? 0, correct: tally[$0]?.correct ?? 0) }
    }

    package static func == (lhs: AccuracyReport, rhs: AccuracyReport) -> Bool {
        lhs.total == rhs.total && lhs.correct == rhs.correct && lhs.confusion == rhs.confusion && lhs.wrong == rhs.wrong
    }

    package func hash(into hasher: inout Hasher) {
        hasher.combine(total)
        hasher.combine(correct)
        hasher.combine(wrong)
    }

    /// A plain-text summary: accuracy, macro-F1, per-category scores and the confusion matrix.
    package var summary: String {
        func percent(_ value: Double) -> String { String(format: "%.1f%%", value * 100) }
        var lines = ["commits: \(total)  accuracy: \(percent(accuracy))  macro-F1: \(String(format: "%.3f", macroF1))"]
        for category in Category.assignable {
            let s = perCategory[category]!
            lines.append(
                "  \(category.rawValue.padding(toLength: 12, withPad: " ", startingAt: 0)) "
                    + "precision \(percent(s.precision))  recall \(percent(s.recall))  F1 \(String(format: "%.3f", s.f1))  (n=\(s.support))")
        }
        let columns = Predicted.columns
        lines.append("expected \\ predicted" + columns.map { " " + $0.description.padding(toLength: 13, withPad: " ", startingAt: 0) }.joined())
        for category in Category.allCases where confusion[category] != nil {
            lines.append(
                category.rawValue.padding(toLength: 20, withPad: " ", startingAt: 0)
                    + columns.map { " " + String(confusion[category]?[$0] ?? 0).padding(toLength: 13, withPad: " ", startingAt: 0) }.joined())
        }
        return lines.joined(separator: "\n")
    }
}
