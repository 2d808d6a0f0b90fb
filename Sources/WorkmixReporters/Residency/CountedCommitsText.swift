import WorkmixCore

/// The commits behind a residency's figures (`report --commits`), in the formats that list them: each
/// shows the same commits, in the order they were counted, and adds up to the residency's totals.
enum CountedCommitsText {
    /// JSON: `"commits": [{repo, sha, authoredAt, subject, author, coAuthors, category, rule, churn, own, paired}]`.
    static func json(_ commits: [CountedCommit], _ json: inout JSONWriter) {
        json.beginArray("commits")
        for commit in commits {
            json.beginObject()
            json.string("repo", commit.repo)
            json.string("sha", commit.sha)
            json.string("authoredAt", commit.authoredAt.iso8601)
            json.string("subject", commit.subject)
            ScanRecordJSON.person("author", commit.author, &json)
            json.beginArray("coAuthors")
            for person in commit.coAuthors { ScanRecordJSON.person(nil, person, &json) }
            json.endArray()
            json.string("category", commit.category.rawValue)
            json.optionalString("rule", commit.rule)
            json.int("churn", commit.churn)
            json.bool("own", commit.own)
            json.bool("paired", commit.paired)
            json.endObject()
        }
        json.endArray()
    }

    static let csvHeader = [
        "residency", "repo", "sha", "authored_at", "subject", "author_name", "author_email", "co_authors",
        "category", "rule", "churn", "own", "paired",
    ]

    /// CSV: the commits section's rows (full shas), after its own header.
    static func csv(_ residency: String, _ commits: [CountedCommit]) -> String {
        commits.map { commit in
            CSVRow.text(
                [
                    residency, commit.repo, commit.sha, commit.authoredAt.iso8601, commit.subject, commit.author.name,
                    commit.author.email, commit.coAuthors.map(ResidencyText.nameAndEmail).joined(separator: "; "),
                    commit.category.rawValue, commit.rule ?? "",
                ],
                numbers: [String(commit.churn), String(commit.own), String(commit.paired)])
        }.joined()
    }

    /// The table report's list, grouped by category: `  a1b2c3d4e5  2024-01-10 10:00  api  own, paired  +12  rule  subject  (author)`.
    static func table(_ commits: [CountedCommit]) -> String {
        var text = "\n  commits counted (\(commits.count))\n"
        for category in Category.allCases {
            let listed = commits.filter { $0.category == category }
            guard !listed.isEmpty else { continue }
            text += "    \(category.rawValue) (\(listed.count))\n"
            for commit in listed {
                text +=
                    "      " + commit.shortSHA + "  " + dateTime(commit) + "  " + TextCell.fit(commit.repo, 14) + "  "
                    + TextCell.fit(commit.involvement, 11) + TableResidencyReporter.pad(String(commit.churn), 6) + "  "
                    + TextCell.fit(commit.rule ?? "-", 22) + "  " + TextCell.clean(commit.subject)
                    + "  (" + TextCell.clean(people(commit)) + ")\n"
            }
        }
        return text
    }

    /// Markdown: a table per category under a heading.
    static func markdown(_ commits: [CountedCommit]) -> String {
        var text = "\n**Commits counted** (\(commits.count))\n"
        for category in Category.allCases {
            let listed = commits.filter { $0.category == category }
            guard !listed.isEmpty else { continue }
            text += "\n_\(category.rawValue)_ (\(listed.count))\n\n"
            text += "| Commit | Authored | Repo | Author | Own/paired | Churn | Rule | Subject |\n|---|---|---|---|---|---:|---|---|\n"
            for commit in listed {
                let cells = [
                    "`\(commit.shortSHA)`", dateTime(commit), Escaping.markdownCell(commit.repo),
                    Escaping.markdownCell(people(commit)), commit.involvement, String(commit.churn),
                    Escaping.markdownCell(commit.rule ?? "—"), Escaping.markdownCell(commit.subject),
                ]
                text += "| " + cells.joined(separator: " | ") + " |\n"
            }
        }
        return text
    }

    /// `2024-01-10 10:00` in the residency's timezone.
    static func dateTime(_ commit: CountedCommit) -> String {
        let iso = commit.authoredAt.iso8601
        return String(iso.prefix(10)) + " " + String(iso.dropFirst(11).prefix(5))
    }

    /// `Alice Martin` or `Alice Martin + Bob Li`.
    static func people(_ commit: CountedCommit) -> String {
        ([commit.author] + commit.coAuthors).map(ResidencyText.name).joined(separator: " + ")
    }
}
