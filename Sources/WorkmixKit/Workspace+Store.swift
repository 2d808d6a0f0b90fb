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
        let base = ["workmix \(WorkmixVersion.current)", "diffs \(diffs)", "evidence \(evidence)", configFile?.text ?? "", modelText]
        return ClassificationKey(base: Fingerprint.of(base), rules: ruleSet.rules.map(\.fingerprint))
    }

    /// The model's text when a rule asks it, as the workspace read it: `--model`, the config's, or the
    /// shipped one.
    private var modelText: String {
        guard ruleSet.usesModel, let loaded = try? loadedModel.get() else { return "" }
        return loaded.file.map { "model " + $0.text } ?? "shipped " + (ShippedRuleFiles.model ?? "")
    }
}
