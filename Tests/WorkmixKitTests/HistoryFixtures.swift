import Foundation
import WorkmixTestSupport

/// A small history with what real ones have: a root commit, binary files, a rename, a merge, a
/// file↔symlink change, co-authors, a `.mailmap` whose emails differ in case from the commits',
/// a message that is not UTF-8, equal timestamps and clock skew. Names and dates are fixed.
enum HistoryFixtures {
    static let grace = (name: "Grace Hopper", email: "Grace@Navy.MIL")
    static let linus = (name: "linus", email: "LT@example.org")

    static func rich() throws -> FixtureRepository {
        let repo = try FixtureRepository(name: "rich")
        try repo.write("README.md", "# Rich\n\nA fixture.\n")
        try repo.write("src/a.txt", (1...20).map { "line \($0)" }.joined(separator: "\n") + "\n")
        try repo.commit("Initial commit", date: "2020-01-01T09:00:00+01:00")

        try repo.write("assets/logo.png", data: Data([0x89, 0x50, 0x4E, 0x47, 0x00, 0x00, 0x01, 0x02, 0xFF, 0x00]))
        try repo.write("src/a.txt", (1...20).map { $0 == 5 ? "changed \($0)" : "line \($0)" }.joined(separator: "\n") + "\n")
        try repo.commit("Add logo and tweak a", author: grace, date: "2020-01-02T10:00:00-05:00")

        try repo.git(["mv", "src/a.txt", "src/b.txt"])
        try repo.write("src/b.txt", (1...21).map { "line \($0)" }.joined(separator: "\n") + "\n")
        try repo.commit("Rename a to b", date: "2020-01-03T10:00:00+00:00")

        try repo.git(["checkout", "-q", "-b", "feature"])
        try repo.write("feature.txt", "one\ntwo\n")
        try repo.commit(
            """
            Implement the feature

            Paired on it.

            Co-authored-by: Grace Hopper <grace@navy.mil>
            Co-authored-by: Ada Lovelace <ada@example.com>
            """, author: linus, date: "2020-01-04T10:00:00+02:00")
        try repo.write("feature.txt", "one\ntwo\nthree\n")
        try repo.commit("Same second as main's commit", author: linus, date: "2020-01-05T10:00:00+00:00")

        try repo.git(["checkout", "-q", "main"])
        try repo.write("main.txt", "main\n")
        try repo.commit("Same second as the feature commit", date: "2020-01-05T10:00:00+00:00")
        try repo.git(
            ["merge", "-q", "--no-ff", "feature", "-m", "Merge branch 'feature'"],
            environment: [
                "GIT_AUTHOR_DATE": "2020-01-06T10:00:00+00:00", "GIT_COMMITTER_DATE": "2020-01-06T10:00:00+00:00",
                "GIT_AUTHOR_NAME": "Ada Lovelace", "GIT_AUTHOR_EMAIL": "ada@example.com",
                "GIT_COMMITTER_NAME": "Ada Lovelace", "GIT_COMMITTER_EMAIL": "ada@example.com",
            ])

        try repo.remove("README.md")
        try FileManager.default.createSymbolicLink(atPath: repo.path + "/README.md", withDestinationPath: "docs/README.md")
        try repo.commit("Make README a symlink", date: "2020-01-07T10:00:00+00:00")

        try repo.write("latin1.txt", "x\n")
        try repo.commit(
            rawMessage: Data("Caf\u{E9} cr\u{E8}me: not UTF-8\n".unicodeScalars.map { UInt8($0.value) }),
            date: "1578477600 +0000")

        // Clock skew: authored and committed "before" its parent.
        try repo.remove("feature.txt")
        try repo.commit("Remove feature file", author: grace, date: "2019-12-31T10:00:00+00:00")

        try repo.write(
            ".mailmap",
            """
            Grace Hopper <grace@navy.mil> <grace@navy.mil>
            Linus T <linus@example.org> <lt@EXAMPLE.org>
            """)
        try repo.commit("Add mailmap", date: "2020-01-09T10:00:00+00:00")
        try repo.git(["tag", "v1", "HEAD~3"])
        return repo
    }
}
