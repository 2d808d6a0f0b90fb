import ArgumentParser
import Foundation
import WorkmixReporters

/// The formats one command offers: those of its reporters.
protocol FormatChoice: SendableMetatype {
    /// The command as help and errors name it.
    static var command: String { get }
    static var formats: [OutputFormat] { get }
}

extension FormatChoice {
    static var list: String { formats.map(\.rawValue).joined(separator: ", ") }

    static func parse(_ text: String) throws -> OutputFormat {
        guard let format = OutputFormat(rawValue: text), formats.contains(format) else {
            throw ValidationError("\(command) has no '\(text)' format (use \(list))")
        }
        return format
    }
}

/// `--format` (only the command's own formats) and `--output`.
struct OutputOptions<Formats: FormatChoice>: ParsableArguments {
    @Option(
        help: ArgumentHelp("Output format: \(Formats.list).", valueName: "format"),
        completion: .list(Formats.formats.map(\.rawValue)), transform: { try Formats.parse($0) })
    var format: OutputFormat?

    @Option(help: "Write to this file instead of stdout (it appears only when complete).")
    var output: String?

    /// `table` on a terminal, else the format a script most likely wants.
    func resolvedFormat(default scripted: OutputFormat) -> OutputFormat {
        if let format { return format }
        return output == nil && isatty(STDOUT_FILENO) == 1 ? .table : scripted
    }

    /// The output goes to stdout and stdout is a terminal.
    var isTerminal: Bool { (output == nil || output == "-") && isatty(STDOUT_FILENO) == 1 }
}
