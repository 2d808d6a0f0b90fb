import Foundation

extension Matcher {
    /// Evaluates this matcher; `explain` also collects the reasons (skipped on the hot path, where only
    /// the deciding rule is re-evaluated for its evidence).
    package func evaluate(_ record: CommitRecord, context: RuleContext = .none, explain: Bool = false) -> MatchResult {
        switch self {
        case let .text(field, pattern):
            return evaluateText(field, pattern, record, explain: explain)
        case let .person(field, pattern):
            return evaluatePerson(field, pattern, record, explain: explain)
        case let .trailer(key, value):
            let hit = record.trailers.first {
                $0.key.caseInsensitiveCompare(key) == .orderedSame && (value?.matches($0.value) ?? true)
            }
            let condition = value.map { "trailer \(key) ~ \(quote($0))" } ?? "trailer \(key)"
            return result(hit != nil, explain ? (hit != nil ? condition : "no \(condition)") : nil)
        case let .files(condition):
            return condition.evaluate(record.changeInfo, explain: explain)
        case let .count(field, range):
            return evaluateCount(field, range, record.changeInfo, explain: explain)
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
        case let .dependencies(condition):
            return condition.evaluate(record.dependencies, explain: explain)
        case let .all(children):
            return Self.all(children.lazy.map { $0.evaluate(record, context: context, explain: explain) })
        case let .any(children):
            return Self.any(children.lazy.map { $0.evaluate(record, context: context, explain: explain) }, explain: explain)
        case let .not(child):
            let outcome = child.evaluate(record, context: context, explain: explain)
            let reasons = explain ? ["not (" + outcome.reasons.joined(separator: "; ") + ")"] : []
            return MatchResult(!outcome.truth, reasons, gaveUp: outcome.gaveUp)
        }
    }

    private func evaluateText(_ field: TextField, _ pattern: Pattern, _ record: CommitRecord, explain: Bool) -> MatchResult {
        let text: String
        switch field {
        case .subject: text = record.subject
        case .body: text = record.body
        case .message: text = record.message
        }
        guard let matched = pattern.match(text) else {
            return MatchResult(
                .unknown, explain ? ["\(field.rawValue) vs \(quote(pattern)) unknown (the regex engine gave up: too much backtracking)"] : [],
                gaveUp: true)
        }
        return result(matched, explain ? "\(field.rawValue) \(matched ? "~" : "!~") \(quote(pattern))" : nil)
    }

    private func evaluatePerson(_ field: PersonField, _ pattern: Pattern, _ record: CommitRecord, explain: Bool) -> MatchResult {
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
    }

    /// `file_count`, `source_files` and `added_files` need the paths only; the line counts need the diff.
    private func evaluateCount(_ field: CountField, _ range: CountRange, _ info: ChangeInfo, explain: Bool) -> MatchResult {
        guard let value = Self.count(field, info, enoughFor: explain ? nil : range) else {
            return MatchResult(.unknown, explain ? ["\(field.rawValue) unknown (\(info.missingReason))"] : [])
        }
        let matched = range.contains(value)
        return result(matched, explain ? "\(field.rawValue) \(value) \(matched ? "within" : "not within") {\(range)}" : nil)
    }

    /// The value of `field` from what is known of the changes, or nil when that is not enough.
    private static func count(_ field: CountField, _ info: ChangeInfo, enoughFor range: CountRange?) -> Int? {
        switch field {
        case .fileCount: return info.changes?.count
        case .sourceFiles: return info.changes.map { sourceFiles($0, enoughFor: range) }
        case .addedFiles: return info.changes.map { changes in changes.count(where: { $0.status == .added }) }
        case .insertions: return info.stats?.insertions
        case .deletions: return info.stats?.deletions
        case .churn: return info.stats?.churn
        case .net: return info.stats?.net
        }
    }

    /// Changed files that are code or tests (`PathKind` other or test); with `range`, counting stops as
    /// soon as the answer is known (past `max`, or at `min` when there is no `max`).
    private static func sourceFiles(_ changes: [FileChange], enoughFor range: CountRange?) -> Int {
        var count = 0
        for change in changes where [.other, .test].contains(PathKind.of(change.path)) {
            count += 1
            if let max = range?.max, count > max { break }
            if let range, range.max == nil, let min = range.min, count >= min { break }
        }
        return count
    }

    /// Kleene AND: no beats unknown beats yes; the reasons are those of the outcome.
    private static func all(_ outcomes: some Sequence<MatchResult>) -> MatchResult {
        var unknown: [String] = []
        var reasons: [String] = []
        var sawUnknown = false, gaveUp = false
        for outcome in outcomes {
            switch outcome.truth {
            case .no: return MatchResult(.no, outcome.reasons)
            case .unknown: sawUnknown = true; unknown += outcome.reasons; gaveUp = gaveUp || outcome.gaveUp
            case .yes: reasons += outcome.reasons
            }
        }
        return sawUnknown ? MatchResult(.unknown, unknown, gaveUp: gaveUp) : MatchResult(.yes, reasons)
    }

    /// Kleene OR: yes beats unknown beats no.
    private static func any(_ outcomes: some Sequence<MatchResult>, explain: Bool) -> MatchResult {
        var failed: [String] = []
        var sawUnknown = false, gaveUp = false
        for outcome in outcomes {
            switch outcome.truth {
            case .yes: return outcome
            case .unknown: sawUnknown = true; failed += outcome.reasons; gaveUp = gaveUp || outcome.gaveUp
            case .no: failed += outcome.reasons
            }
        }
        return MatchResult(
            sawUnknown ? .unknown : .no, explain ? ["none of: " + failed.joined(separator: "; ")] : [], gaveUp: sawUnknown && gaveUp)
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
