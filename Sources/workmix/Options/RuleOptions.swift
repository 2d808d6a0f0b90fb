import ArgumentParser
import WorkmixKit

/// `--config`: identities, bots, residencies, rules and overrides.
struct ConfigOptions: ParsableArguments, WorkspaceOptionGroup {
    @Option(help: "The config file. Default: WORKMIX_CONFIG, else workmix.yml, workmix.yaml or .workmix.yml here or in the nearest parent folder.")
    var config: String?

    func apply(to options: inout WorkspaceOptions) { options.configPath = config }
}

/// The rules in force: user rule files before the config's and the shipped ones, and the model their
/// `model` matchers ask.
struct RuleOptions: ParsableArguments, WorkspaceOptionGroup {
    @Option(name: .customLong("rules"), help: "A rule file or folder, evaluated before the shipped rules. Repeatable.")
    var rules: [String] = []

    @OptionGroup var model: ModelOptions

    func apply(to options: inout WorkspaceOptions) {
        options.rulePaths = rules
        model.apply(to: &options)
    }
}

/// `--model`: the learned classifier.
struct ModelOptions: ParsableArguments, WorkspaceOptionGroup {
    @Option(help: "A model from 'workmix model train', in place of the config's and the shipped one.")
    var model: String?

    func apply(to options: inout WorkspaceOptions) { options.modelPath = model }
}
