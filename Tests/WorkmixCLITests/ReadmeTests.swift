import Foundation
import WorkmixTestSupport
import XCTest
import Yams

/// The README and docs/ are true: their YAML parses, their rule and configs load, every command and
/// option they show exists in the built binary, their links resolve, and they speak to users (no issue
/// numbers, sessions, benchmark runs by letter or paths of the machine they were written on).
final class ReadmeTests: CLITestCase {
    /// README.md and every docs/*.md.
    func documents() throws -> [MarkdownDocument] {
        let folder = PackageFiles.url("docs")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".md") }.sorted()
        return try (["README.md"] + names.map { "docs/" + $0 }).map { try MarkdownDocument(path: $0) }
    }

    /// The body of the fenced block in `path` that holds a line containing `marker`.
    func block(containing marker: String, in path: String) throws -> String {
        let block = try MarkdownDocument(path: path).blocks.first { $0.body.contains(marker) }
        return try XCTUnwrap(block, "\(path): no block holds \(marker)").body
    }

    /// Parses every document of a YAML stream, as workmix's loader does.
    static func parseYAML(_ text: String) throws {
        let parser = try Yams.Parser(yaml: text)
        while try parser.nextRoot() != nil {}
    }

    func testEveryYamlBlockParses() throws {
        var failures: [String] = []
        for document in try documents() {
            for block in document.blocks where ["yaml", "yml"].contains(block.language) {
                do { try Self.parseYAML(block.body) } catch {
                    failures.append("\(document.path):\(block.line): \(error)")
                }
            }
        }
        XCTAssertEqual(failures, [], "YAML blocks that do not parse")
    }

    func testEveryCommandAndOptionShownExists() throws {
        var help = HelpIndex(run: { try self.workmix($0) })
        // Inline code also names commands without `workmix` ("`check --strict`"); those the
        // specification adds count as commands too, so that a flag of theirs is checked once they exist.
        let commands = try help.subcommands(of: []).union(["init", "config", "label"])
        var failures: [String] = []
        for document in try documents() {
            for invocation in document.invocations + document.bareInvocations(of: commands) {
                if let problem = try help.problem(with: invocation.words) {
                    failures.append("\(document.path):\(invocation.line): `\(invocation.text)`: \(problem)")
                }
            }
        }
        XCTAssertEqual(failures, [], "commands or options the binary does not have")
    }

    func testEveryRelativeLinkResolves() throws {
        var failures: [String] = []
        for document in try documents() {
            for link in document.links {
                if let problem = try link.problem(from: document) {
                    failures.append("\(document.path):\(link.line): (\(link.target)): \(problem)")
                }
            }
        }
        XCTAssertEqual(failures, [], "links that lead nowhere")
    }

    func testNoDocumentTalksAboutHowItWasMade() throws {
        XCTAssertEqual(try documents().flatMap(\.notesOnHowItWasMade), [], "documents speak to users")
    }

    /// The checks above can fail: a missing file, a missing heading, an unknown command, option or
    /// format, bad YAML and notes on how the project was made are caught.
    func testTheChecksCatchABrokenDocument() throws {
        let document = MarkdownDocument(
            path: "docs/broken.md",
            text: """
                # Broken

                See [nowhere](missing.md), [a heading](#no-such-heading) and issue #12.
                Measured in run D of session 5 on /work/.mirror/redis, and in /tmp/tmp.x1Y2z3/bench.
                Stage it with `make install DESTDIR=/tmp/pkgroot`: a reader's own path.

                ```sh
                workmix scan --no-such-option
                ```

                ```yaml
                key: [unclosed
                ```
                """)
        XCTAssertEqual(document.links.count, 2)
        XCTAssertEqual(try document.links[0].problem(from: document), "no such file")
        XCTAssertEqual(try document.links[1].problem(from: document), "no heading #no-such-heading")
        var help = HelpIndex(run: { try self.workmix($0) })
        XCTAssertEqual(try help.problem(with: try XCTUnwrap(document.invocations.first).words), "scan has no option --no-such-option")
        XCTAssertEqual(try help.problem(with: ["no-such-command"]), "no command 'no-such-command'")
        XCTAssertNil(try help.problem(with: ["rules", "eval", "--labels", "x.csv", "--quiet"]))
        XCTAssertNil(try help.problem(with: ["pairs", "--format", "html"]))
        XCTAssertNil(try help.problem(with: ["--generate-completion-script", "bash"]))
        XCTAssertEqual(try help.problem(with: ["scan", "--format", "html"]), "scan has no format html")
        XCTAssertThrowsError(try Self.parseYAML(document.blocks[1].body))
        XCTAssertEqual(
            document.notesOnHowItWasMade.map { $0.components(separatedBy: ": ").prefix(2).joined(separator: ": ") },
            [
                "docs/broken.md:3: an issue number", "docs/broken.md:3: an issue number", "docs/broken.md:4: a session",
                "docs/broken.md:4: a benchmark run by letter", "docs/broken.md:4: a path of this machine",
                "docs/broken.md:4: a scratch folder of this machine",
            ])
    }

    func testTheRuleExampleLoadsAndItsExamplesPass() throws {
        let repo = try FixtureRepository(name: "readme")
        try repo.write("payments.yml", try block(containing: "id: payments_migration", in: "docs/rules-and-model.md"))
        let run = try workmix(["rules", "test", repo.path + "/payments.yml"])
        XCTAssertEqual(run.status, 0, run.stdout + run.stderr)
        XCTAssertTrue(run.stdout.hasPrefix("2 passed, 0 failed"), run.stdout)
    }

    func testTheConfigExampleIsValid() throws {
        let repo = try FixtureRepository(name: "config")
        var config = try block(containing: "identities:                 # canonical person", in: "docs/configuration.md")
        // Its paths name the reader's own repositories and rule files: stand them up here.
        config = config.replacingOccurrences(of: "../payments-api", with: repo.path)
            .replacingOccurrences(of: "../payments-web", with: repo.path)
        try repo.write("rules/team.yml", try block(containing: "id: payments_migration", in: "docs/rules-and-model.md"))
        try repo.write("workmix.yml", config)
        // Alice under an old alias, paired with Bob, moving refunds to Stripe: the documented rule
        // makes it support, and the identities make it the resident's.
        try repo.write("payments/refund.go", (1...12).map { "line \($0)" }.joined(separator: "\n") + "\n")
        try repo.commit(
            "Route refunds through Stripe\n\nCo-authored-by: Bob <bob@heetch.com>",
            author: (name: "Alice M", email: "am@old.example"), date: "2019-10-02T10:00:00+02:00")
        let run = try workmix(["report", "--config", repo.path + "/workmix.yml", "--format", "json"])
        XCTAssertEqual(run.status, 0, run.stderr)
        // Nothing to say but what `config check` says of Carol, who has no commit here.
        XCTAssertEqual(
            run.stderr.split(separator: "\n").filter { !$0.hasSuffix("team member carol@heetch.com has no commit in config since 2019-10-01") },
            [], run.stderr)
        let report = try XCTUnwrap(JSONSerialization.jsonObject(with: run.stdoutData) as? [String: Any])
        let residency = try XCTUnwrap((report["residencies"] as? [[String: Any]])?.first)
        XCTAssertEqual(residency["name"] as? String, "payments-2019-q4")
        XCTAssertEqual(residency["verdict"] as? String, "fail", "one support commit is not the planned mix")
        let support = (residency["byCategory"] as? [String: Any])?["support"] as? [String: Any]
        XCTAssertEqual(support?["commits"] as? Int, 1)
        let resident = residency["resident"] as? [String: Any]
        XCTAssertEqual((resident?["paired"] as? [String: Any])?["support"] as? Int, 1)
        let partner = ((residency["pairings"] as? [[String: Any]])?.first?["partner"] as? [String: Any])?["email"] as? String
        XCTAssertEqual(partner, "bob@heetch.com")
    }

    /// The README's first config, in the repository it is written for, counts the team's paired work.
    func testTheReadmeStartConfigReportsOnTheRepositoryItSitsIn() throws {
        let repo = try FixtureRepository(name: "start")
        try repo.write("workmix.yml", try block(containing: "name: payments-q1", in: "README.md"))
        try repo.write("api/server.go", "package api\n")
        try repo.commit(
            "Add payout retries\n\nCo-authored-by: Alice Martin <alice@platform.example>",
            author: (name: "Bob Li", email: "bob@payments.example"), date: "2024-01-10T10:00:00+01:00")
        let run = try workmix(["report", "--format", "json"], in: repo.path)
        XCTAssertEqual(run.status, 0, run.stderr)
        let report = try XCTUnwrap(JSONSerialization.jsonObject(with: run.stdoutData) as? [String: Any])
        let residency = try XCTUnwrap((report["residencies"] as? [[String: Any]])?.first)
        XCTAssertEqual(residency["name"] as? String, "payments-q1")
        XCTAssertEqual((residency["total"] as? [String: Any])?["commits"] as? Int, 1)
        let paired = try XCTUnwrap((residency["resident"] as? [String: Any])?["paired"] as? [String: Int])
        XCTAssertEqual(paired.values.reduce(0, +), 1, "Bob's commit with Alice is the resident's paired work")
    }
}

/// A Markdown file of the package: its fenced blocks, the `workmix …` commands it shows, its links and
/// headings.
struct MarkdownDocument {
    struct Block {
        var language: String
        var body: String
        /// The line of the opening fence, from 1.
        var line: Int
    }

    struct Invocation {
        var text: String
        /// The words after `workmix`, up to a comment, pipe, redirection or the end of the command.
        var words: [String]
        var line: Int
    }

    struct Link {
        var target: String
        var line: Int

        /// Why the link leads nowhere, or nil. Web links are not followed.
        func problem(from document: MarkdownDocument) throws -> String? {
            if target.contains("://") || target.hasPrefix("mailto:") { return nil }
            let parts = target.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            let folder = (document.path as NSString).deletingLastPathComponent
            let path = parts[0].isEmpty ? document.path : ((folder as NSString).appendingPathComponent(parts[0]) as NSString).standardizingPath
            guard parts[0].isEmpty || FileManager.default.fileExists(atPath: PackageFiles.url(path).path) else { return "no such file" }
            guard parts.count == 2, path.hasSuffix(".md") else { return nil }
            let headings = path == document.path ? document.anchors : try MarkdownDocument(path: path).anchors
            return headings.contains(parts[1]) ? nil : "no heading #\(parts[1])"
        }
    }

    var path: String
    var text: String
    var blocks: [Block] = []
    /// The text outside fenced blocks, line by line (blocks' lines left empty, so numbers hold).
    var prose: [String] = []

    init(path: String) throws {
        self.init(path: path, text: try String(contentsOf: PackageFiles.url(path), encoding: .utf8))
    }

    init(path: String, text: String) {
        self.path = path
        self.text = text
        var open: Block?
        for (index, line) in text.components(separatedBy: "\n").enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("```") {
                if let block = open {
                    blocks.append(block)
                    open = nil
                } else {
                    open = Block(language: String(trimmed.dropFirst(3)).trimmingCharacters(in: .whitespaces), body: "", line: index + 1)
                }
                prose.append("")
            } else if open != nil {
                open?.body += line + "\n"
                prose.append("")
            } else {
                prose.append(line)
            }
        }
    }

    /// Lines that speak of how the project was made rather than to its users: issue numbers, work
    /// sessions, benchmark runs by letter, paths of the machine it was written on.
    var notesOnHowItWasMade: [String] {
        let patterns: [(String, String)] = [
            (#"(^|[\s(\[])#\d+\b"#, "an issue number"),
            (#"(?i)\bissues?\s+#?\d+"#, "an issue number"),
            (#"(?i)\bsessions?\b"#, "a session"),
            (#"\b[Rr]uns? [A-F]\b"#, "a benchmark run by letter"),
            // This machine's work folder and its scratch folders (mktemp's /tmp/tmp.XXXXXXXXXX); an
            // example path a reader may use, such as DESTDIR=/tmp/pkgroot, is allowed.
            (#"(^|[\s`'"(=:])/work(/|\b)"#, "a path of this machine"),
            (#"(^|[\s`'"(=:])/tmp/tmp\.\w+"#, "a scratch folder of this machine"),
        ]
        return text.components(separatedBy: "\n").enumerated().flatMap { number, line in
            patterns.filter { line.range(of: $0.0, options: .regularExpression) != nil }.map { "\(path):\(number + 1): \($0.1): \(line)" }
        }
    }

    /// Inline code spans of the prose, with the line each starts on.
    var inlineCode: [(text: String, line: Int)] {
        let joined = prose.joined(separator: "\n")
        return Self.matches(of: "`([^`]+)`", in: joined).map { match in
            (match.text, joined[..<match.start].filter { $0 == "\n" }.count + 1)
        }
    }

    /// Every `workmix …` command of the shell, console and YAML blocks and of inline code.
    var invocations: [Invocation] {
        var sources: [(text: String, line: Int)] = inlineCode
        for block in blocks where ["sh", "console", "bash", "shell", "yaml", "yml"].contains(block.language) {
            for (offset, line) in block.body.components(separatedBy: "\n").enumerated() {
                // A comment may name a command in prose ("builds workmix and runs it").
                let command = line.replacingOccurrences(of: #"(^|\s)#.*$"#, with: "", options: .regularExpression)
                sources.append((command, block.line + 1 + offset))
            }
        }
        return sources.flatMap { source in
            Self.matches(of: #"(?<![\w/.\-])workmix[ \t]+([^`#|;&><\n]*)"#, in: source.text).map { match in
                let words = match.text.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
                return Invocation(text: "workmix " + match.text.trimmingCharacters(in: .whitespaces), words: words, line: source.line)
            }
        }
    }

    /// Inline code that starts with one of `commands` and shows an option, `workmix` left out
    /// (`check --strict`).
    func bareInvocations(of commands: Set<String>) -> [Invocation] {
        inlineCode.compactMap { span in
            let words = span.text.split(whereSeparator: \.isWhitespace).map(String.init)
            guard let first = words.first, commands.contains(first), words.contains(where: { $0.hasPrefix("--") }) else { return nil }
            return Invocation(text: span.text, words: words, line: span.line)
        }
    }

    /// Links and images of the prose (inline code left out).
    var links: [Link] {
        let joined = prose.joined(separator: "\n").replacingOccurrences(of: "`[^`]*`", with: "", options: .regularExpression)
        return Self.matches(of: #"\]\(([^)\s]+)\)"#, in: joined).map { match in
            Link(target: match.text, line: joined[..<match.start].filter { $0 == "\n" }.count + 1)
        }
    }

    /// The anchors GitHub gives the headings: lowercased, punctuation dropped, spaces as hyphens,
    /// repeats numbered.
    var anchors: Set<String> {
        var seen: [String: Int] = [:]
        var result: Set<String> = []
        for line in prose where line.hasPrefix("#") {
            let title = line.drop(while: { $0 == "#" }).trimmingCharacters(in: .whitespaces).lowercased()
            let slug = String(title.compactMap { $0 == " " ? "-" : ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" ? $0 : nil) })
            let count = seen[slug, default: 0]
            seen[slug] = count + 1
            result.insert(count == 0 ? slug : "\(slug)-\(count)")
        }
        return result
    }

    /// The first capture group of each match, and where the match starts.
    static func matches(of pattern: String, in text: String) -> [(text: String, start: String.Index)] {
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return [] }
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { match in
            guard let group = Range(match.range(at: 1), in: text), let whole = Range(match.range, in: text) else { return nil }
            return (String(text[group]), whole.lowerBound)
        }
    }
}

/// The commands and options of the built binary, as its `--help` lists them.
struct HelpIndex {
    var run: ([String]) throws -> CLITestCase.Run
    var pages: [[String]: String] = [:]

    /// The help page of a command path (`[]`, `["scan"]`, `["rules", "eval"]`).
    mutating func page(_ command: [String]) throws -> String {
        if let page = pages[command] { return page }
        let result = try run(command + ["--help"])
        pages[command] = result.stdout
        return result.stdout
    }

    /// The subcommands a help page lists.
    mutating func subcommands(of command: [String]) throws -> Set<String> {
        let page = try page(command)
        guard let section = page.components(separatedBy: "SUBCOMMANDS:\n").dropFirst().first else { return [] }
        return Set(MarkdownDocument.matches(of: #"(?m)^  ([a-z][a-z-]*)\b"#, in: section).map(\.text))
    }

    /// Why `workmix <words>` is not a command the binary has, or nil.
    mutating func problem(with words: [String]) throws -> String? {
        var command: [String] = []
        var rest = words[...]
        while let word = rest.first, !word.hasPrefix("-") {
            let known = try subcommands(of: command)
            if known.isEmpty { break }
            guard known.contains(word) else {
                return command.isEmpty ? "no command '\(word)'" : "\(command.joined(separator: " ")) has no subcommand '\(word)'"
            }
            command.append(word)
            rest = rest.dropFirst()
        }
        let page = try page(command), label = command.isEmpty ? "workmix" : command.joined(separator: " ")
        for (index, word) in zip(rest.indices, rest) {
            let option = word.trimmingCharacters(in: CharacterSet(charactersIn: "[](),…\"'"))
            guard option.hasPrefix("--"), let name = option.split(separator: "=").first.map(String.init) else { continue }
            let listed = page.contains(name + " ") || page.contains(name + "\n") || page.contains(name + ",")
            if !listed && !Self.hiddenOptions.contains(name) {
                return "\(label) has no option \(name)"
            }
            if name == "--format", index + 1 < rest.endIndex, let format = Self.format(in: rest[index + 1]),
                !Self.formats(in: page).contains(format)
            {
                return "\(label) has no format \(format)"
            }
        }
        return nil
    }

    /// Options swift-argument-parser gives every command without listing them in `--help`.
    static let hiddenOptions: Set = ["--generate-completion-script", "--experimental-dump-help", "--help-hidden"]

    /// A format named after `--format`, or nil for a placeholder (`FORMAT`, `<format>`).
    static func format(in word: String) -> String? {
        word.allSatisfy({ $0.isLowercase || $0.isNumber }) ? word : nil
    }

    /// The formats a help page offers (`--format <format>   Output format: jsonl, json, csv.`).
    static func formats(in page: String) -> Set<String> {
        guard let start = page.range(of: "--format <format>") else { return [] }
        let description = page[start.upperBound...].prefix { $0 != "-" }
        return Set(description.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init))
    }
}
