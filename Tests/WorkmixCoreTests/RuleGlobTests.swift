import XCTest

@testable import WorkmixCore

final class RuleGlobTests: XCTestCase {
    func testDoubleStarSpansFoldersAndStarDoesNot() {
        XCTAssertTrue(Glob("docs/**").matches("docs/a.md"))
        XCTAssertTrue(Glob("docs/**").matches("docs/guide/deep/a.md"))
        XCTAssertFalse(Glob("docs/**").matches("src/docs/a.md"))
        XCTAssertTrue(Glob("**/go.mod").matches("go.mod"))
        XCTAssertTrue(Glob("**/go.mod").matches("services/api/go.mod"))
        XCTAssertTrue(Glob("a/**/b.txt").matches("a/b.txt"))
        XCTAssertTrue(Glob("a/**/b.txt").matches("a/x/y/b.txt"))
        XCTAssertTrue(Glob("src/*.go").matches("src/main.go"))
        XCTAssertFalse(Glob("src/*.go").matches("src/pkg/main.go"))
    }

    func testGlobWithoutSlashMatchesTheBasenameAnywhereLikeGitignore() {
        XCTAssertTrue(Glob("*.md").matches("README.md"))
        XCTAssertTrue(Glob("*.md").matches("docs/guide/intro.md"))
        XCTAssertTrue(Glob("go.sum").matches("tools/go.sum"))
        XCTAssertFalse(Glob("*.md").matches("docs/intro.mdx"))
    }

    func testLeadingAndTrailingSlash() {
        XCTAssertTrue(Glob("/Makefile").matches("Makefile"))
        XCTAssertFalse(Glob("/Makefile").matches("sub/Makefile"))
        XCTAssertTrue(Glob("docs/").matches("docs/a/b.md"))
        XCTAssertTrue(Glob(".github/").matches(".github/workflows/ci.yml"))
    }

    func testWildcardsAndClasses() {
        XCTAssertTrue(Glob("file?.txt").matches("file1.txt"))
        XCTAssertFalse(Glob("file?.txt").matches("file10.txt"))
        XCTAssertTrue(Glob("[A-Z]*.md").matches("README.md"))
        XCTAssertFalse(Glob("[!A-Z]*.md").matches("README.md"))
        XCTAssertTrue(Glob("*_test.go").matches("pkg/x_test.go"))
        XCTAssertTrue(Glob("LICENSE*").matches("LICENSE-MIT"))
    }
}

final class RuleGlobEdgeTests: XCTestCase {
    func testFolderGlobAlsoMatchesAFileOfThatName() {
        XCTAssertTrue(Glob("docs/**").matches("docs"))
        XCTAssertTrue(Glob("**").matches("a/b/c"))
        XCTAssertTrue(Glob("**/**").matches("a"))
    }

    func testRegexMetacharactersAreLiterals() {
        XCTAssertTrue(Glob("a+b(1).txt").matches("x/a+b(1).txt"))
        XCTAssertFalse(Glob("a.b").matches("axb"))
        XCTAssertTrue(Glob("[").matches("["), "an unclosed class is a literal")
        XCTAssertTrue(Glob("\\*.md").matches("*.md"))
        XCTAssertFalse(Glob("\\*.md").matches("a.md"))
        XCTAssertFalse(Glob("[!a]*").matches("x/abc"))
        XCTAssertFalse(Glob("src/[!x]/f").matches("src///f"))
    }

    func testUnionMatchesWhenAnyGlobDoes() {
        let condition = FilesCondition(.any, [Glob("*.md"), Glob("docs/"), Glob("/Makefile")])
        XCTAssertTrue(condition.matches("a/README.md"))
        XCTAssertTrue(condition.matches("docs/x/y.txt"))
        XCTAssertTrue(condition.matches("Makefile"))
        XCTAssertFalse(condition.matches("src/Makefile"))
    }
}
