import Foundation

extension Matcher {
    /// Evaluates this matcher; `explain` also collects the reasons (skipped on the hot path, where only
    /// the deciding rule is re-evaluated for its evidence).
    public func evaluate(_ record: CommitRecord, context: RuleContext = .none, explain: Bool = false) -> MatchResult {
        switch self {
        case let .text(field, pattern):
            let text: String
            switch field {
            case .subject: text = record.subject
            case .body: text = record.body
            case .message: text = record.message
            }
            guard let matched = pattern.match(text) else {
                return MatchResult(
                    .unknown, explain ? ["\(field.rawValue) vs \(quote(pattern)) unknown (the regex engine gave up: too much backtracking)"] : [])
            }
            return result(matched, explain ? "\(field.rawValue) \(matched ? "~" : "!~") \(quote(pattern))" : nil)

        case let .person(field, pattern):
            let people: [Person]
            switch field {
            case .author: people = [record.author]
            case .committer: people = [record.committer]
            case .coauthor: people = record.coAuthors
            }
            let hit = people.first { pattern.matches($0.description) }
            guard explain else { return MatchResult(hit != nil ? .yes : .no) }
            if let hit { return MatchResult(.yes, ["\(field.rawValue) '\(hit)' ~ \(quote(pattern))"]) }
            if field == .coauthor { return MatchResult(.no, ["no coauthor ~ \(quote(pattern))"]) }
            return MatchResult(.no, ["\(field.rawValue) '\(people[0])' !~ \(quote(pattern))"])

        case let .trailer(key, value):
            let hit = record.trailers.first {
                $0.key.caseInsensitiveCompare(key) == .orderedSame && (value?.matches($0.value) ?? true)
            }
            let condition = value.map { "trailer \(key) ~ \(quote($0))" } ?? "trailer \(key)"
            return result(hit != nil, explain ? (hit != nil ? condition : "no \(condition)") : nil)

        case let .files(condition):
            return condition.evaluate(record.changeInfo, explain: explain)

        case let .count(.fileCount, range):
            guard let changes = record.changeInfo.changes else {
                return MatchResult(.unknown, explain ? ["file_count unknown (\(record.changeInfo.missingReason))"] : [])
            }
            let matched = range.contains(changes.count)
            return result(matched, explain ? "file_count \(changes.count) \(matched ? "within" : "not within") {\(range)}" : nil)

        case let .count(field, range):
            guard let stats = record.changeInfo.stats else {
                return MatchResult(.unknown, explain ? ["\(field.rawValue) unknown (\(record.changeInfo.missingReason))"] : [])
            }
            let value: Int
            switch field {
            case .insertions: value = stats.insertions
            case .deletions: value = stats.deletions
            case .churn: value = stats.churn
            case .net: value = stats.net
            case .fileCount: value = stats.files
            }
            let matched = range.contains(value)
            return result(matched, explain ? "\(field.rawValue) \(value) \(matched ? "within" : "not within") {\(range)}" : nil)

        case let .flag(field, expected):
            let actual: Bool
            switch field {
            case .merge: actual = record.isMerge
            case .paired: actual = !record.coAuthors.isEmpty
            case .resident: actual = context.isResident(record)
            }
            return result(actual == expected, explain ? "\(field.rawValue) is \(actual)" : nil)

        case let .model(category, minimum):
            return evaluateModel(category, minimum, record, context: context, explain: explain)

        case let .all(children):
            var unknown: [String] = []
            var reasons: [String] = []
            var sawUnknown = false
            for child in children {
                let outcome = child.evaluate(record, context: context, explain: explain)
                switch outcome.truth {
                case .no: return MatchResult(.no, outcome.reasons)
                case .unknown: sawUnknown = true; unknown += outcome.reasons
                case .yes: reasons += outcome.reasons
                }
            }
            return sawUnknown ? MatchResult(.unknown, unknown) : MatchResult(.yes, reasons)

        case let .any(children):
            var failed: [String] = []
            var sawUnknown = false
            for child in children {
                let outcome = child.evaluate(record, context: context, explain: explain)
                switch outcome.truth {
                case .yes: return outcome
                case .unknown: sawUnknown = true; failed += outcome.reasons
                case .no: failed += outcome.reasons
                }
            }
            let reasons = explain ? ["none of: " + failed.joined(separator: "; ")] : []
            return MatchResult(sawUnknown ? .unknown : .no, reasons)

        case let .not(child):
            let outcome = child.evaluate(record, context: context, explain: explain)
            let reasons = explain ? ["not (" + outcome.reasons.joined(separator: "; ") + ")"] : []
            return MatchResult(!outcome.truth, reasons)
        }
    }

    private func evaluateModel(
        _ category: Category, _ minimum: Double, _ record: CommitRecord,
        context: RuleContext, explain: Bool
    ) -> MatchResult {
        guard let prediction = context.prediction(for: record) else {
            return MatchResult(.unknown, explain ? ["model unavailable"] : [])
        }
        let probability = prediction.probability(of: category)
        let matched = probability >= minimum
        guard explain else { return MatchResult(matched ? .yes : .no) }
        let reason =
            "model \(category.rawValue) \(String(format: "%.2f", probability)) \(matched ? "≥" : "<") \(minimum)"
            + " (\(prediction.summary)" + (record.changeInfo.changes == nil ? "; message only" : "") + ")"
        return MatchResult(matched ? .yes : .no, [reason] + prediction.topFeatures(for: category))
    }

    private func result(_ matched: Bool, _ reason: String?) -> MatchResult {
        MatchResult(matched ? .yes : .no, reason.map { [$0] } ?? [])
    }
}

extension FilesCondition {
    func evaluate(_ info: ChangeInfo, explain: Bool) -> MatchResult {
        var list: String { "[" + globs.map(\.source).joined(separator: ", ") + "]" }
        guard let changes = info.changes else {
            return MatchResult(.unknown, explain ? ["files unknown (\(info.missingReason))"] : [])
        }
        let firstMatching = changes.first { matches($0.path) }
        switch quantifier {
        case .any:
            if let hit = firstMatching { return MatchResult(.yes, explain ? ["files any match \(list) (\(hit.path))"] : []) }
            return MatchResult(.no, explain ? ["no file matches \(list)"] : [])
        case .none:
            if let hit = firstMatching { return MatchResult(.no, explain ? ["\(hit.path) matches \(list)"] : []) }
            return MatchResult(.yes, explain ? ["files none match \(list)"] : [])
        case .all:
            if changes.isEmpty { return MatchResult(.no, explain ? ["no files changed"] : []) }
            let outsider = changes.first { !matches($0.path) }
            if let outsider { return MatchResult(.no, explain ? ["\(outsider.path) does not match \(list)"] : []) }
            return MatchResult(.yes, explain ? ["files all match \(list)"] : [])
        }
    }
}

extension ChangeInfo {
    var missingReason: String {
        switch self {
        case .notComputed: return "file changes not computed"
        case .unavailable: return "file changes unavailable"
        case .linesUnavailable: return "line counts unavailable (objects missing)"
        case .paths: return "line counts not computed"
        case .computed: return "file changes computed"
        }
    }
}

private func quote(_ pattern: Pattern) -> String { "'\(pattern.source)'" }
