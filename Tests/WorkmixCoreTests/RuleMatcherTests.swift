import XCTest

@testable import WorkmixCore

/// A commit record for rule tests; `files` nil leaves the changes not computed.
func makeRecord(
    subject: String = "Change something", body: String = "", sha: String = "0123456789abcdef",
    author: Person = Person(name: "Alice Martin", email: "alice@example.com"),
    committer: Person? = nil, coAuthors: [Person] = [], trailers: [Trailer] = [],
    merge: Bool = false, files: [FileChange]? = nil
) -> CommitRecord {
    CommitRecord(
        sha: sha, parents: merge ? ["p1", "p2"] : ["p1"], author: author, committer: committer,
        authoredAt: Timestamp(seconds: 0, offsetMinutes: 0), subject: subject, body: body,
        trailers: trailers, coAuthors: coAuthors, changeInfo: files.map { .computed($0) } ?? .notComputed)
}

/// Parses a `match:` mapping written in YAML.
func matcher(_ yaml: String, file: String = "test.yml") throws -> Matcher {
    try Matcher(yaml: try XCTUnwrap(YAMLValue.parse(yaml, file: file)))
}

final class RuleMatcherTests: XCTestCase {
    func truth(_ yaml: String, _ record: CommitRecord, context: RuleContext = .none) throws -> Truth {
        try matcher(yaml).evaluate(record, context: context).truth
    }

    func testTextMatchers() throws {
        let record = makeRecord(subject: "Fix login", body: "Details here")
        XCTAssertEqual(try truth("subject: '(?i)^fix'", record), .yes)
        XCTAssertEqual(try truth("subject: '^fix'", record), .no)
        XCTAssertEqual(try truth("body: 'Details'", record), .yes)
        XCTAssertEqual(try truth("body: 'login'", record), .no)
        XCTAssertEqual(try truth("message: 'login\\n\\nDetails'", record), .yes)
    }

    func testPeopleAreMatchedAsNameAndEmail() throws {
        let record = makeRecord(
            author: Person(name: "dependabot[bot]", email: "bot@github.com"),
            committer: Person(name: "GitHub", email: "noreply@github.com"),
            coAuthors: [Person(name: "Bob", email: "bob@example.com")])
        XCTAssertEqual(try truth(#"author: '^dependabot\[bot\] <bot@github\.com>$'"#, record), .yes)
        XCTAssertEqual(try truth("committer: 'noreply@github'", record), .yes)
        XCTAssertEqual(try truth("committer: 'dependabot'", record), .no)
        XCTAssertEqual(try truth("coauthor: '^Bob <bob@'", record), .yes)
        XCTAssertEqual(try truth("coauthor: 'Carol'", record), .no)
        XCTAssertEqual(try truth("coauthor: 'Bob'", makeRecord()), .no)
    }

    func testTrailerKeyIsCaseInsensitiveAndValueIsARegex() throws {
        let record = makeRecord(trailers: [Trailer(key: "reviewed-BY", value: "Carol <carol@example.com>")])
        XCTAssertEqual(try truth("trailer: { key: Reviewed-by, value: '(?i)carol' }", record), .yes)
        XCTAssertEqual(try truth("trailer: { key: Reviewed-by }", record), .yes)
        XCTAssertEqual(try truth("trailer: { key: Reviewed-by, value: 'dave' }", record), .no)
        XCTAssertEqual(try truth("trailer: { key: Signed-off-by }", record), .no)
    }

    func testFilesQuantifiers() throws {
        let docs = makeRecord(files: [FileChange(path: "docs/a.md"), FileChange(path: "README.md")])
        let mixed = makeRecord(files: [FileChange(path: "docs/a.md"), FileChange(path: "src/main.go")])
        XCTAssertEqual(try truth("files: { all: ['docs/**', '*.md'] }", docs), .yes)
        XCTAssertEqual(try truth("files: { all: ['docs/**'] }", mixed), .no)
        XCTAssertEqual(try truth("files: { any: ['src/**'] }", mixed), .yes)
        XCTAssertEqual(try truth("files: { any: ['src/**'] }", docs), .no)
        XCTAssertEqual(try truth("files: { none: ['src/**'] }", docs), .yes)
        XCTAssertEqual(try truth("files: { none: ['src/**'] }", mixed), .no)
        XCTAssertEqual(try truth("files: { any: ['docs/'], none: ['src/'] }", mixed), .no)
        // An empty commit is not "all docs".
        XCTAssertEqual(try truth("files: { all: ['docs/**'] }", makeRecord(files: [])), .no)
    }

    func testCountsAndTheirBounds() throws {
        let record = makeRecord(files: [
            FileChange(path: "a", insertions: 10, deletions: 30),
            FileChange(path: "b", insertions: 5, deletions: 0),
        ])
        XCTAssertEqual(try truth("insertions: { min: 15 }", record), .yes)
        XCTAssertEqual(try truth("insertions: { min: 16 }", record), .no)
        XCTAssertEqual(try truth("deletions: { max: 30 }", record), .yes)
        XCTAssertEqual(try truth("deletions: { max: 29 }", record), .no)
        XCTAssertEqual(try truth("churn: { min: 45, max: 45 }", record), .yes)
        XCTAssertEqual(try truth("net: { max: -15 }", record), .yes)
        XCTAssertEqual(try truth("net: { min: 0 }", record), .no)
        XCTAssertEqual(try truth("file_count: { min: 2, max: 2 }", record), .yes)
        XCTAssertEqual(try truth("file_count: { min: 3 }", record), .no)
    }

    /// `added_files` counts files the commit adds, from the paths alone (no line counts needed).
    func testAddedFilesCountsNewFilesFromPathsAlone() throws {
        let record = makeRecord(subject: "New module")
        var paths = record
        paths.changeInfo = .paths([
            FileChange(path: "pkg/new.go", status: .added), FileChange(path: "pkg/new_test.go", status: .added),
            FileChange(path: "pkg/old.go"), FileChange(path: "pkg/gone.go", status: .deleted),
        ])
        XCTAssertEqual(try truth("added_files: { min: 2, max: 2 }", paths), .yes)
        XCTAssertEqual(try truth("added_files: { min: 3 }", paths), .no)
        XCTAssertEqual(try truth("all: [{ added_files: { min: 3 } }, { insertions: { min: 1 } }]", paths), .no, "decided without line counts")
        XCTAssertEqual(try truth("all: [{ added_files: { min: 1 } }, { insertions: { min: 1 } }]", paths), .unknown)
        XCTAssertEqual(try truth("added_files: { min: 1 }", record), .unknown)
        XCTAssertEqual(try matcher("added_files: { min: 1 }").requiredDetail, .paths)
    }

    func testFileMatchersAreUnknownWithoutChangesEvenUnderNot() throws {
        for info in [ChangeInfo.notComputed, .unavailable] {
            var record = makeRecord()
            record.changeInfo = info
            XCTAssertEqual(try truth("files: { all: ['docs/**'] }", record), .unknown)
            XCTAssertEqual(try truth("insertions: { min: 1 }", record), .unknown)
            XCTAssertEqual(try truth("not: { files: { any: ['src/**'] } }", record), .unknown)
            XCTAssertEqual(try truth("any: [{ files: { any: ['x'] } }, { subject: 'nothing' }]", record), .unknown)
            XCTAssertEqual(try truth("any: [{ files: { any: ['x'] } }, { subject: 'Change' }]", record), .yes)
            XCTAssertEqual(try truth("all: [{ files: { any: ['x'] } }, { subject: 'nothing' }]", record), .no)
        }
    }

    func testFlags() throws {
        XCTAssertEqual(try truth("merge: true", makeRecord(merge: true)), .yes)
        XCTAssertEqual(try truth("merge: false", makeRecord(merge: true)), .no)
        XCTAssertEqual(try truth("paired: true", makeRecord(coAuthors: [Person(name: "Bob", email: "b@x")])), .yes)
        XCTAssertEqual(try truth("paired: true", makeRecord()), .no)
        XCTAssertEqual(try truth("resident: true", makeRecord()), .no)
        let context = RuleContext { $0.author.email == "alice@example.com" }
        XCTAssertEqual(try truth("resident: true", makeRecord(), context: context), .yes)
    }

    func testCombinators() throws {
        let record = makeRecord(subject: "Fix login")
        XCTAssertEqual(try truth("any: [{ subject: 'nope' }, { subject: 'login' }]", record), .yes)
        XCTAssertEqual(try truth("any: [{ subject: 'nope' }, { subject: 'nada' }]", record), .no)
        XCTAssertEqual(try truth("all: [{ subject: 'Fix' }, { subject: 'login' }]", record), .yes)
        XCTAssertEqual(try truth("all: [{ subject: 'Fix' }, { subject: 'nada' }]", record), .no)
        XCTAssertEqual(try truth("not: { subject: 'nada' }", record), .yes)
        XCTAssertEqual(try truth("not: { subject: 'Fix' }", record), .no)
        // Every key under one mapping must hold.
        XCTAssertEqual(try truth("{ subject: 'Fix', merge: true }", record), .no)
        XCTAssertEqual(try truth("{ subject: 'Fix', merge: false }", record), .yes)
    }

    func testEvidenceNamesWhatMatched() throws {
        let record = makeRecord(subject: "fix docs", files: [FileChange(path: "docs/a.md")])
        let result = try matcher("{ subject: '(?i)^fix', files: { all: ['docs/**'] } }").evaluate(record, explain: true)
        XCTAssertEqual(result.reasons, ["subject ~ '(?i)^fix'", "files all match [docs/**]"])
    }

    func testNeedsFileChanges() throws {
        XCTAssertFalse(try matcher("{ subject: x, author: y, merge: true, paired: true }").needsFileChanges)
        XCTAssertTrue(try matcher("any: [{ subject: x }, { not: { churn: { min: 1 } } }]").needsFileChanges)
        XCTAssertTrue(try matcher("files: { any: [x] }").needsFileChanges)
    }
}
