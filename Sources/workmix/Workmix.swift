import ArgumentParser
import Foundation
import WorkmixCore
import WorkmixKit
import WorkmixStore

/// The root command. Subcommands live in their own files; exit codes follow SPEC 3:
/// 0 success, 1 a check or rule test failed, 2 bad input.
struct Workmix: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "workmix",
        abstract: "Classify Git history as investment, maintenance or support work.",
        version: WorkmixVersion.line(commit: buildCommit),
        subcommands: [
            Init.self, Scan.self, Pairs.self, PeopleCommand.self, Report.self, Check.self, Trace.self, ConfigGroup.self,
            Rules.self, Model.self, Label.self, Store.self,
        ]
    )
}

/// A library error's remedy in the command line's words.
func remedyText(_ remedy: InputError.Remedy) -> String {
    switch remedy {
    case .giveConfig: return "pass --config FILE"
    case .nameRevision: return "name a revision with --rev, or use --all"
    }
}

/// Failures that end a run with a given code after their message.
struct ExitFailure: Error {
    var code: Int32
    var message: String?
}

@main
enum Main {
    static func main() {
        // Any signal that ends the run removes the partial output file; SIGQUIT is no crash report.
        InterruptCleanup.install()
        do {
            var command = try Workmix.parseAsRoot()
            try command.run()
        } catch let error as InputError {
            fail(error.description + (error.remedy.map { "; " + remedyText($0) } ?? ""), code: 2)
        } catch let error as StoreServerError {
            fail(error.text, code: 2)
        } catch let failure as ExitFailure {
            if let message = failure.message { fail(message, code: failure.code) }
            exit(failure.code)
        } catch {
            let code = Workmix.exitCode(for: error)
            if code == .success {
                print(Workmix.fullMessage(for: error))
                exit(0)
            }
            // Usage errors: one line (SPEC 3), exit 2; --help has the usage.
            let text = Self.oneLine(Workmix.message(for: error))
            writeToStandardError("workmix: error: \(text) (see --help)\n")
            exit(2)
        }
    }

    /// ArgumentParser's message on one line: a list of valid values (`- table` lines) joined after it.
    static func oneLine(_ message: String) -> String {
        let lines = message.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
        guard var first = lines.first else { return "bad usage" }
        if first.hasPrefix("Error: ") { first.removeFirst(7) }
        let values = lines.dropFirst().map { $0.hasPrefix("- ") ? String($0.dropFirst(2)) : $0 }.filter { !$0.isEmpty }
        return values.isEmpty ? first : first + " " + values.joined(separator: ", ")
    }

    /// One line whatever the message holds: a path or revision with a line break in it is shown escaped.
    static func fail(_ message: String, code: Int32) -> Never {
        let oneLine = message.replacingOccurrences(of: "\r", with: "\\r").replacingOccurrences(of: "\n", with: "\\n")
        writeToStandardError("workmix: error: \(oneLine)\n")
        exit(code)
    }
}

/// Writes to stderr, ignoring failure: a closed or full stderr must not turn into a crash.
func writeToStandardError(_ text: String) {
    var text = text
    text.withUTF8 { bytes in
        var offset = 0
        while offset < bytes.count {
            let written = write(STDERR_FILENO, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 && errno == EINTR { continue }
            if written <= 0 { return }
            offset += written
        }
    }
}

/// Non-fatal notes, on stderr, unless --quiet.
func warn(_ message: String, quiet: Bool) {
    guard !quiet else { return }
    writeToStandardError("workmix: warning: \(message)\n")
}
