import XCTest

@testable import WorkmixCore

final class ManifestTests: XCTestCase {
    func testManifestsAreKnownByFileNameInAnyFolder() {
        XCTAssertEqual(Manifest(path: "web/package.json"), .npm)
        XCTAssertEqual(Manifest(path: "requirements-dev.txt"), .requirements)
        XCTAssertEqual(Manifest(path: "app/build.gradle.kts"), .gradle)
        XCTAssertNil(Manifest(path: "package-lock.json"))
        XCTAssertNil(Manifest(path: "docs/requirements.md"))
    }

    func testFormatsReadAsRealFilesWriteThem() {
        XCTAssertEqual(
            Manifest.goModule.dependencies(
                in: "module x\nrequire golang.org/x/net v0.7.0\nrequire golang.org/x/sys v0.1.0 // indirect\nreplace a => b v1.0.0\n"),
            ["golang.org/x/net": "v0.7.0"])
        // A Go major version is a new module path but the same dependency.
        XCTAssertEqual(
            Manifest.goModule.dependencies(in: "require (\n\tgithub.com/onsi/ginkgo/v2 v2.13.0\n\tgopkg.in/yaml.v3 v3.0.1\n)\n"),
            ["github.com/onsi/ginkgo": "v2.13.0", "gopkg.in/yaml": "v3.0.1"])
        var moved = DependencyChanges()
        moved.compare(.goModule, path: "api/go.mod", old: "require github.com/pkg/errors v0.9.1\n", new: nil)
        moved.compare(.goModule, path: "go.mod", old: "", new: "require github.com/pkg/errors v0.9.1\n")
        XCTAssertEqual([moved.added, moved.removed], [[], []], "moved between manifests: neither added nor removed")
        XCTAssertEqual(
            Manifest.cargo.dependencies(in: "[target.'cfg(unix)'.dependencies]\nlibc = \"0.2\"\n[workspace]\nmembers = [\"a\"]\n"),
            ["libc": "0.2"])
        XCTAssertEqual(Manifest.bundler.dependencies(in: "gem('rake', \">= 13\")\n  gem 'rspec' # tests\n"), ["rake": ">= 13", "rspec": ""])
        XCTAssertEqual(
            Manifest.pyproject.dependencies(
                in: "[tool.poetry.dependencies]\npython = \"^3.10\"\nDjango = { version = \"^5.0\", extras = [\"argon2\"] }\n"),
            ["django": "^5.0"])
        XCTAssertEqual(
            Manifest.requirements.dependencies(in: "--hash=sha256:abc\n-e .\nZope.Interface~=6.0 ; python_version > '3'\n"),
            ["zope-interface": "~=6.0"])
        XCTAssertEqual(Manifest.npm.dependencies(in: "{ not json"), [:])
    }

    func testMajorIsTheFirstNumberAndReplacementNeedsOneEcosystem() {
        XCTAssertEqual(DependencyChanges.major("~> 1.2"), 1)
        XCTAssertEqual(DependencyChanges.major("v2.0.1"), 2)
        XCTAssertNil(DependencyChanges.major("latest"))
        var changes = DependencyChanges()
        changes.compare(.npm, path: "package.json", old: #"{"dependencies": {"moment": "2"}}"#, new: "{}")
        changes.compare(.cargo, path: "Cargo.toml", old: nil, new: "[dependencies]\nchrono = \"0.4\"\n")
        XCTAssertEqual(changes.removed, ["npm:moment"])
        XCTAssertEqual(changes.added, ["cargo:chrono"])
        XCTAssertFalse(changes.replaced, "different ecosystems")
        changes.compare(.requirements, path: "requirements.txt", old: "arrow==1.0\n", new: "pendulum==3.0\n")
        changes.compare(.pyproject, path: "pyproject.toml", old: nil, new: nil)
        XCTAssertTrue(changes.replaced)
    }

    func testManifestsAreReadOnlyForCommitsThatChangeOne() {
        let record = CommitRecord(
            sha: "abc", author: Person(name: "A", email: "a@x.io"), authoredAt: Timestamp(seconds: 0, offsetMinutes: 0),
            subject: "x")
        var reads = 0
        let reader: ([FileChange]) -> DependencyChanges? = { _ in
            reads += 1
            return nil
        }
        let plain = MinedCommit(record: record, load: { _ in .paths([FileChange(path: "src/a.swift", status: .modified)]) }, readManifests: reader)
        XCTAssertEqual(plain.dependencies(), DependencyChanges())
        XCTAssertEqual(reads, 0)
        let touching = MinedCommit(record: record, load: { _ in .paths([FileChange(path: "go.mod", status: .modified)]) }, readManifests: reader)
        XCTAssertNil(touching.dependencies(), "an unreadable manifest is unknown")
        XCTAssertEqual(reads, 1)
    }

    func testRuleFilesRejectUnknownDependencyKeysWithTheirLine() {
        let text = "version: 1\nrules:\n  - id: x\n    category: support\n    match:\n      dependencies: { replaced: true, swapped: 1 }\n"
        XCTAssertThrowsError(try RuleLoader.parse(text, file: "team.yml")) { error in
            XCTAssertTrue("\(error)".hasPrefix("team.yml:6:"), "\(error)")
            XCTAssertTrue("\(error)".contains("swapped"), "\(error)")
        }
        XCTAssertThrowsError(try RuleLoader.parse(text.replacingOccurrences(of: "{ replaced: true, swapped: 1 }", with: "{}"), file: "team.yml"))
        XCTAssertThrowsError(
            try RuleLoader.parse(text.replacingOccurrences(of: "{ replaced: true, swapped: 1 }", with: "{ major: maybe }"), file: "team.yml"))
    }
}
