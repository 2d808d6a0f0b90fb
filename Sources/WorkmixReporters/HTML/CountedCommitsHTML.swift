import WorkmixCore

/// The commits behind a residency's figures in the HTML report (`report --commits`): a link per category
/// to its list, then per category a table of its commits, each with the command lines that show why it
/// counts where it does (`workmix trace`, `workmix rules explain`).
enum CountedCommitsHTML {
    static func section(_ commits: [CountedCommit], id: String) -> String {
        let categories = Category.allCases.map { category in (category, commits.filter { $0.category == category }) }
        var text = "<section class=\"commits\" id=\"\(id)\">\n<h3>Commits counted (\(commits.count))</h3>\n<p>"
        text +=
            categories.map { category, listed in
                listed.isEmpty
                    ? "\(category.rawValue) (0)"
                    : "<a href=\"#\(id)-\(category.rawValue)\">\(category.rawValue) (\(listed.count))</a>"
            }.joined(separator: " · ") + "</p>\n"
        for (category, listed) in categories where !listed.isEmpty {
            text += "<h4 id=\"\(id)-\(category.rawValue)\">\(category.rawValue) (\(listed.count))</h4>\n"
            text +=
                "<div class=\"table-box\">\n<table>\n<thead><tr><th>Commit</th><th>Authored</th><th>Repo</th><th>People</th>"
                + "<th>Own/paired</th><th class=\"num\">Churn</th><th>Rule</th><th>Subject</th></tr></thead>\n<tbody>\n"
            for commit in listed { text += row(commit) }
            text += "</tbody>\n</table>\n</div>\n"
        }
        return text + "</section>\n"
    }

    static func row(_ commit: CountedCommit) -> String {
        let repo = shellWord(commit.repoPath)
        let commands = [
            "workmix trace \(commit.sha) --repo \(repo)", "workmix rules explain \(commit.sha) --repo \(repo)",
        ].map { "<code>\(HTMLText.text($0))</code>" }.joined(separator: "<br/>")
        let cells = [
            "<code title=\"\(HTMLText.text(commit.sha))\">\(commit.shortSHA)</code>",
            HTMLText.text(CountedCommitsText.dateTime(commit)), HTMLText.text(commit.repo),
            HTMLText.text(CountedCommitsText.people(commit)), commit.involvement,
            "\(commit.churn)", HTMLText.text(commit.rule ?? "—"),
            HTMLText.text(commit.subject) + "<br/><small>" + commands + "</small>",
        ]
        return "<tr>" + cells.enumerated().map { index, cell in index == 5 ? "<td class=\"num\">\(cell)</td>" : "<td>\(cell)</td>" }.joined()
            + "</tr>\n"
    }

    /// A path as a shell reads it: as is when it holds only safe characters, else in single quotes.
    static func shellWord(_ value: String) -> String {
        let safe = value.unicodeScalars.allSatisfy { scalar in
            scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "/._-+,:@%=".unicodeScalars.contains(scalar)
        }
        return safe && !value.isEmpty ? value : "'" + value.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
