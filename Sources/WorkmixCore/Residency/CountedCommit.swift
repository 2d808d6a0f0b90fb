/// One commit behind a residency's figures (`report --commits`, SPEC 10): what was counted, where,
/// and why it got its category. A residency's list adds up to its totals exactly.
package struct CountedCommit: Hashable, Sendable {
    /// The repository's name as the report shows it, and its path (for a command line to look again).
    package var repo: String
    package var repoPath: String
    package var sha: String
    /// The author date, as the clock read in the residency's timezone.
    package var authoredAt: Timestamp
    package var subject: String
    package var author: Person
    package var coAuthors: [Person]
    package var category: Category
    /// The id of the deciding rule (`override` for a config override), nil when none matched.
    package var rule: String?
    /// Insertions + deletions; 0 when its diff could not be read.
    package var churn: Int
    /// The resident authored it (counted in `own`).
    package var own: Bool
    /// The resident took part with someone else (counted in `paired`).
    package var paired: Bool

    package init(
        repo: String, repoPath: String, sha: String, authoredAt: Timestamp, subject: String, author: Person,
        coAuthors: [Person], category: Category, rule: String?, churn: Int, own: Bool, paired: Bool
    ) {
        self.repo = repo
        self.repoPath = repoPath
        self.sha = sha
        self.authoredAt = authoredAt
        self.subject = subject
        self.author = author
        self.coAuthors = coAuthors
        self.category = category
        self.rule = rule
        self.churn = churn
        self.own = own
        self.paired = paired
    }

    /// The first 10 hex digits, as text formats show it (as `scan` does).
    package var shortSHA: String { String(sha.prefix(10)) }

    /// `own`, `paired`, `own, paired` or `team` (a team member's, without the resident).
    package var involvement: String {
        switch (own, paired) {
        case (true, true): return "own, paired"
        case (true, false): return "own"
        case (false, true): return "paired"
        case (false, false): return "team"
        }
    }
}
