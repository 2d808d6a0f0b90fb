import WorkmixCore

/// `csv`: RFC 4180, one row per commit; people as `Name <email>`, co-authors joined with `; `.
package struct CSVScanReporter: ScanReporter {
    package static let format = OutputFormat.csv
    let options: ScanOptions
    package init(options: ScanOptions) { self.options = options }

    package func header() -> String {
        var columns = [
            "repo", "sha", "authored_at", "author_name", "author_email", "committer_name", "committer_email",
            "subject", "co_authors", "is_merge", "files", "insertions", "deletions", "category", "rule",
        ]
        if options.explain { columns.append("evidence") }
        return CSVRow.header(columns)
    }

    package func row(_ commit: ClassifiedCommit) -> String {
        let record = commit.record
        let stats = record.changeInfo.stats
        var cells = [
            record.repo, record.sha, record.authoredAt.iso8601, record.author.name, record.author.email,
            record.committer.name, record.committer.email, record.subject,
            record.coAuthors.map(\.description).joined(separator: "; "), record.isMerge ? "true" : "false",
            stats.map { String($0.files) } ?? "", stats.map { String($0.insertions) } ?? "",
            stats.map { String($0.deletions) } ?? "",
            commit.classification.label, commit.classification.ruleID ?? "",
        ]
        if options.explain { cells.append(commit.classification.evidence.joined(separator: "; ")) }
        return CSVRow.text(cells)
    }

    package func footer() -> String { "" }
}

/// `table`: fixed-width columns for a terminal; long text is cut with `…`.
package struct TableScanReporter: ScanReporter {
    package static let format = OutputFormat.table
    let options: ScanOptions
    package init(options: ScanOptions) { self.options = options }

    static let widths = [10, 10, 12, 22, 20, 0]

    package func header() -> String {
        line(["SHA", "DATE", "CATEGORY", "RULE", "AUTHOR", "SUBJECT"])
    }

    package func row(_ commit: ClassifiedCommit) -> String {
        let record = commit.record
        var subject = record.subject
        if !record.coAuthors.isEmpty { subject += " (+\(record.coAuthors.count))" }
        var text = line([
            String(record.sha.prefix(10)), record.authoredAt.localDate.description,
            commit.classification.label, commit.classification.ruleID ?? "-", record.author.name, subject,
        ])
        if options.explain {
            // Long patterns are cut on a terminal; json and jsonl keep them whole.
            for item in commit.classification.evidence { text += "    ↳ " + TextCell.cut(item, 110) + "\n" }
        }
        return text
    }

    package func footer() -> String { "" }

    func line(_ cells: [String]) -> String {
        zip(cells, Self.widths).map { cell, width in
            width == 0 ? TextCell.clean(cell) : TextCell.fit(cell, width)
        }.joined(separator: "  ") + "\n"
    }
}

/// `markdown`: a GitHub-flavoured table.
package struct MarkdownScanReporter: ScanReporter {
    package static let format = OutputFormat.markdown
    let options: ScanOptions
    package init(options: ScanOptions) { self.options = options }

    package func header() -> String {
        "| SHA | Date | Category | Rule | Author | Subject |\n|---|---|---|---|---|---|\n"
    }

    package func row(_ commit: ClassifiedCommit) -> String {
        let r = commit.record
        let cells = [
            String(r.sha.prefix(10)), r.authoredAt.localDate.description, commit.classification.label,
            commit.classification.ruleID ?? "", r.author.name, r.subject,
        ]
        return "| " + cells.map(Escaping.markdownCell).joined(separator: " | ") + " |\n"
    }

    package func footer() -> String { "" }
}

/// Terminal cells: control characters removed (a message must not move the cursor), cut to a width.
package enum TextCell {
    package static func clean(_ text: String) -> String {
        Escaping.visible(
            String(
                String.UnicodeScalarView(
                    text.unicodeScalars.map { scalar in
                        scalar.properties.generalCategory == .control ? " " : scalar
                    })))
    }

    /// Cleaned and cut to at most `width` characters, not padded.
    package static func cut(_ text: String, _ width: Int) -> String {
        let cleaned = clean(text)
        return cleaned.count > width ? String(cleaned.prefix(width - 1)) + "…" : cleaned
    }

    package static func fit(_ text: String, _ width: Int) -> String {
        let cleaned = clean(text)
        if cleaned.count > width { return String(cleaned.prefix(width - 1)) + "…" }
        return cleaned + String(repeating: " ", count: width - cleaned.count)
    }
}
