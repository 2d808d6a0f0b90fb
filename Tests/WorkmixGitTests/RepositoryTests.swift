import Foundation
import WorkmixTestSupport
import XCTest

@testable import WorkmixGit

/// The libgit2 layer on its own: handles, typed errors, the walk's order rules.
final class RepositoryTests: XCTestCase {
    func testErrorsCarryLibgit2sMessage() throws {
        let repo = try FixtureRepository(name: "plain")
        XCTAssertThrowsError(try Repository(discovering: repo.root.path)) { error in
            let gitError = error as? GitError
            XCTAssertNotNil(gitError)
            XCTAssertFalse(gitError?.message.isEmpty ?? true)
            XCTAssertTrue(gitError?.description.contains("not a git repository") ?? false, "\(error)")
        }
        try repo.write("a", "a\n")
        try repo.commit("one")
        let opened = try Repository(discovering: repo.path)
        XCTAssertThrowsError(try opened.resolveCommit("no-such-branch")) { error in
            XCTAssertEqual((error as? GitError)?.code, .notFound)
            XCTAssertTrue("\(error)".contains("no-such-branch"))
        }
        let tree = try repo.git(["rev-parse", "HEAD^{tree}"]).trimmingCharacters(in: .whitespacesAndNewlines)
        XCTAssertThrowsError(try opened.resolveCommit(tree), "a tree is not a commit")
    }

    func testObjectIDRoundTrip() throws {
        let hex = "0123456789abcdef0123456789abcdef01234567"
        XCTAssertEqual(ObjectID(hex: hex)?.hex, hex)
        XCTAssertNil(ObjectID(hex: "xyz"))
        XCTAssertNil(ObjectID(hex: String(hex.dropLast())))
        XCTAssertEqual(ObjectID(hex: hex), ObjectID(hex: hex.uppercased()))
    }

    func testEmptyRepositoryHasNoHead() throws {
        let repo = try FixtureRepository(name: "empty")
        let opened = try Repository(discovering: repo.path)
        XCTAssertNil(try opened.head())
        XCTAssertEqual(try opened.allReferenceTips(), [])
        XCTAssertNil(opened.mailmapText())
    }

    func testCommitValuesMatchGit() throws {
        let repo = try FixtureRepository(name: "values")
        try repo.write("a", "a\n")
        let sha = try repo.commit("Subject\n\nBody\n", author: (name: "Zoë", email: "zoe@x.io"), date: "2020-02-03T04:05:06-07:30")
        let opened = try Repository(discovering: repo.path)
        let commit = try opened.commit(try opened.resolveCommit("HEAD"))
        XCTAssertEqual(commit.id.hex, sha)
        XCTAssertEqual(commit.author.name, "Zoë")
        XCTAssertEqual(commit.author.offsetMinutes, -450)
        XCTAssertEqual(String(commit.author.time), try repo.git(["log", "-1", "--format=%at"]).trimmingCharacters(in: .whitespacesAndNewlines))
        XCTAssertEqual(commit.message, "Subject\n\nBody\n")
        XCTAssertEqual(commit.parents, [])
    }

    func testDateQueueKeepsArrivalOrderForEqualTimes() {
        var queue = DateQueue<String>()
        queue.push("a", time: 5)
        queue.push("b", time: 7)
        queue.push("c", time: 5)
        queue.push("d", time: 7)
        queue.push("e", time: 1)
        var order: [String] = []
        while let next = queue.pop() { order.append(next) }
        XCTAssertEqual(order, ["b", "d", "a", "c", "e"])
    }

    func testWalkOrderWithClockSkewMatchesRevList() throws {
        // A child dated before its parent: git shows the child first anyway (parents are queued only
        // once the child is shown), which a pure time sort would get wrong.
        let repo = try FixtureRepository(name: "skew")
        try repo.write("a", "1\n")
        try repo.commit("parent", date: "2020-01-10T00:00:00Z")
        try repo.write("a", "2\n")
        try repo.commit("child dated earlier", date: "2020-01-01T00:00:00Z")
        try repo.git(["checkout", "-q", "-b", "side", "HEAD~1"])
        try repo.write("b", "1\n")
        try repo.commit("side", date: "2020-01-05T00:00:00Z")
        try repo.git(["checkout", "-q", "main"])
        try repo.git(
            ["merge", "-q", "--no-ff", "side", "-m", "merge"],
            environment: ["GIT_AUTHOR_DATE": "2020-01-03T00:00:00Z", "GIT_COMMITTER_DATE": "2020-01-03T00:00:00Z"])
        let opened = try Repository(discovering: repo.path)
        let walk = try RevisionWalk(repository: opened, options: .init(include: [try opened.resolveCommit("HEAD")]))
        var shas: [String] = []
        while let commit = try walk.next() { shas.append(commit.id.hex) }
        XCTAssertEqual(shas, try repo.lines(["rev-list", "HEAD"]))
    }
}
