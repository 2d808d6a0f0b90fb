import Foundation
import WorkmixCore

/// The version stores and classification digests are written by: a new version classifies afresh.
public enum WorkmixVersion {
    public static let current = "0.1.0"
}

extension Workspace {
    /// The digest of everything a classification depends on besides the commit itself (SPEC 8): the
    /// rule files in force, the config (identities, bots, overrides, pair trailers…), the model, the
    /// workmix version, and how the run reads diffs and evidence. Nil when classifications must not be
    /// kept: the `resident` flag depends on who the whole history says the residents are.
    func classificationDigest(diffs: DiffPolicy, evidence: Bool) -> String? {
        if ruleSet.usesResident && !config.residencies.isEmpty { return nil }
        var inputs = ["workmix \(WorkmixVersion.current)", "diffs \(diffs)", "evidence \(evidence)"]
        for file in ruleFiles { inputs += [file.name, file.text] }
        inputs.append(configText ?? "")
        inputs.append(modelText)
        return Fingerprint.of(inputs)
    }

    /// The config file's text, as `loadConfig` found it.
    private var configText: String? {
        let path =
            options.configPath
            ?? URL(fileURLWithPath: options.currentDirectory).appendingPathComponent("workmix.yml").path
        return try? String(contentsOfFile: path, encoding: .utf8)
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
