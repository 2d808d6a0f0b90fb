import Foundation
import PackagePlugin

/// Embeds the shipped rule files (`rules/*.yml` at the package root) and the shipped model
/// (`rules/*.model`) into the target as Swift source.
@main
struct EmbedRules: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let rulesDir = context.package.directoryURL.appending(path: "rules")
        let files = try FileManager.default.contentsOfDirectory(at: rulesDir, includingPropertiesForKeys: nil)
            .filter { ["yml", "yaml", "model"].contains($0.pathExtension) }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        let output = context.pluginWorkDirectoryURL.appending(path: "ShippedRuleFiles.swift")
        return [.buildCommand(
            displayName: "Embedding \(files.count) shipped rule and model files",
            executable: try context.tool(named: "EmbedRulesTool").url,
            arguments: [output.path] + files.map(\.path),
            inputFiles: files,
            outputFiles: [output]
        )]
    }
}
