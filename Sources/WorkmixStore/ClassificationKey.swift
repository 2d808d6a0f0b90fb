/// The digest classifications are stored under: a base (everything but the rules) and the rules'
/// fingerprints in order. Verdicts under another digest with the same base spare the rules that did
/// not change (`RuleReuse`).
package struct ClassificationKey: Sendable, Equatable {
    package var base: String
    package var rules: [String]

    package init(base: String, rules: [String]) {
        self.base = base
        self.rules = rules
    }

    package var digest: String { Fingerprint.of([base] + rules) }

    /// The key for one repository: its own inputs (mailmap, shallow boundary) join the base.
    package func including(_ inputs: [String]) -> ClassificationKey {
        ClassificationKey(base: Fingerprint.of([base] + inputs), rules: rules)
    }
}
