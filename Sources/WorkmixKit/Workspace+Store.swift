import Foundation
import WorkmixCore
import WorkmixStore

extension Workspace {
    /// What a classification depends on besides the commit itself (SPEC 8): the rules in force (by
    /// `Rule.fingerprint`, so a comment in a rule file changes nothing), and as the base, the config
    /// (identities, bots, overrides, pair trailers…), the model, the workmix version, and how the run
    /// reads diffs and evidence. Nil when classifications must not be kept: the `resident` flag
    /// depends on who the whole history says the residents are.
    func classificationKey(diffs: DiffPolicy, evidence: Bool) -> ClassificationKey? {
        if ruleSet.usesResident && !config.residencies.isEmpty { return nil }
        let base = ["workmix \(WorkmixVersion.current)", "diffs \(diffs)", "evidence \(evidence)", configText ?? "", modelText]
        return ClassificationKey(base: Fingerprint.of(base), rules: ruleSet.rules.map(\.fingerprint))
    }

    /// The config file's text, as `loadConfig` found it.
    private var configText: String? {
        options.configPath.flatMap { try? String(contentsOfFile: $0, encoding: .utf8) }
    }

    /// The model's text when a rule asks it: `--model`, the config's, or the shipped one.
    private var modelText: String {
        guard ruleSet.usesModel else { return "" }
        if let path = options.modelPath ?? config.model {
            return "model " + ((try? String(contentsOfFile: path, encoding: .utf8)) ?? path)
        }
        return "shipped " + (ShippedRuleFiles.model ?? "")
    }
}
