import Foundation

/// One condition of a rule's `match` (SPEC 4), as a tree: leaves test one field of a commit record,
/// `any`/`all`/`not` combine them. Every key under `match` holds at once, so a rule's matcher is an
/// `.all` of its keys.
package indirect enum Matcher: Sendable, Hashable {
    case text(TextField, Pattern)
    /// People are matched as `Name <email>`; `coauthor` holds when any co-author matches.
    case person(PersonField, Pattern)
    /// A trailer whose key equals `key` case-insensitively and, when given, whose value matches.
    case trailer(key: String, value: Pattern?)
    case files(FilesCondition)
    case count(CountField, CountRange)
    case flag(FlagField, Bool)
    /// The learned classifier (SPEC 7) gives `category` at least `min` probability.
    case model(Category, min: Double)
    /// What the commit did to its dependency manifests (SPEC 11).
    case dependencies(DependencyCondition)
    case any([Matcher])
    case all([Matcher])
    case not(Matcher)

    package enum TextField: String, Sendable, CaseIterable { case subject, body, message }
    package enum PersonField: String, Sendable, CaseIterable { case author, committer, coauthor }
    package enum CountField: String, Sendable, CaseIterable {
        case insertions, deletions, churn, net, fileCount = "file_count", sourceFiles = "source_files"
        case addedFiles = "added_files"
    }
    /// `paired`: the commit has co-authors; `resident`: a resident of an active residency took part.
    package enum FlagField: String, Sendable, CaseIterable { case merge, paired, resident }

    /// How much of the file changes evaluating this needs, if any.
    package var requiredDetail: ChangeDetail? {
        switch self {
        case .files, .count(.fileCount, _), .count(.sourceFiles, _), .count(.addedFiles, _), .dependencies: return .paths
        case .count: return .lines
        case .text, .person, .trailer, .flag, .model: return nil
        case .any(let children), .all(let children): return children.compactMap(\.requiredDetail).max()
        case .not(let child): return child.requiredDetail
        }
    }

    /// File changes that make this better informed without being needed: the model reads what its
    /// features use (paths alone unless it weighs line counts) when they can be had, and its message
    /// alone when they cannot (`--no-diffs`).
    package func preferredDetail(model: CommitModel?) -> ChangeDetail? {
        switch self {
        case .model: return model?.settings.detail
        case .any(let children), .all(let children): return children.compactMap { $0.preferredDetail(model: model) }.max()
        case .not(let child): return child.preferredDetail(model: model)
        default: return nil
        }
    }

    /// Whether this asks the learned model.
    package var usesModel: Bool {
        containsLeaf { if case .model = $0 { true } else { false } }
    }

    /// Whether this asks whether a resident took part (an answer that depends on the whole history's people).
    package var usesResident: Bool {
        containsLeaf { if case .flag(.resident, _) = $0 { true } else { false } }
    }

    /// Whether evaluating this needs the commit's file changes (so the scan must compute diffs).
    package var needsFileChanges: Bool {
        containsLeaf {
            switch $0 {
            case .files, .count, .model, .dependencies: true
            default: false
            }
        }
    }

    /// Whether this reads dependency manifests (so a commit that changes one has its manifests read).
    package var usesDependencies: Bool {
        containsLeaf { if case .dependencies = $0 { true } else { false } }
    }

    /// Whether a leaf of this tree (a matcher other than `any`, `all` and `not`) satisfies `test`.
    func containsLeaf(where test: (Matcher) -> Bool) -> Bool {
        switch self {
        case .any(let children), .all(let children): return children.contains { $0.containsLeaf(where: test) }
        case .not(let child): return child.containsLeaf(where: test)
        default: return test(self)
        }
    }
}

/// `files: {any|all|none: [globs]}`. `all` needs at least one file: an empty commit is not "docs only".
package struct FilesCondition: Sendable, Hashable {
    package enum Quantifier: String, Sendable, CaseIterable { case any, all, none }
    package let quantifier: Quantifier
    package let globs: [Glob]
    /// All globs as one pattern: one match per path instead of one per glob.
    let union: Pattern?

    package init(_ quantifier: Quantifier, _ globs: [Glob]) {
        self.quantifier = quantifier
        self.globs = globs
        union = Glob.union(globs)
    }

    func matches(_ path: String) -> Bool {
        union?.matches(path) ?? false
    }

    package static func == (lhs: FilesCondition, rhs: FilesCondition) -> Bool {
        lhs.quantifier == rhs.quantifier && lhs.globs == rhs.globs
    }

    package func hash(into hasher: inout Hasher) {
        hasher.combine(quantifier)
        hasher.combine(globs)
    }
}

/// `{min, max}`, both inclusive, either optional.
package struct CountRange: Sendable, Hashable, CustomStringConvertible {
    package var min: Int?
    package var max: Int?

    package init(min: Int? = nil, max: Int? = nil) {
        self.min = min
        self.max = max
    }

    package func contains(_ value: Int) -> Bool {
        (min.map { value >= $0 } ?? true) && (max.map { value <= $0 } ?? true)
    }

    package var description: String {
        [min.map { "min: \($0)" }, max.map { "max: \($0)" }].compactMap { $0 }.joined(separator: ", ")
    }
}

/// Kleene's three values: a condition on file changes that were not computed, or could not be read,
/// is `unknown`; `not unknown` stays unknown, and a rule matches only when its matcher is `yes`. So a
/// files rule never matches a commit whose changes are missing, even under `not`.
package enum Truth: String, Sendable, Hashable {
    case yes, no, unknown

    static prefix func ! (truth: Truth) -> Truth {
        switch truth {
        case .yes: return .no
        case .no: return .yes
        case .unknown: return .unknown
        }
    }
}

/// The outcome of a matcher on one commit, with the reasons (evidence) when asked for.
package struct MatchResult: Sendable, Hashable {
    package var truth: Truth
    package var reasons: [String]
    /// `unknown` (at least partly) because the regex engine gave up on a pattern (too much backtracking).
    package var gaveUp = false

    package init(_ truth: Truth, _ reasons: [String] = [], gaveUp: Bool = false) {
        self.truth = truth
        self.reasons = reasons
        self.gaveUp = gaveUp
    }
}
