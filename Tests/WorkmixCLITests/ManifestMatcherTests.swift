import Foundation
import WorkmixTestSupport
import XCTest

/// SPEC 11's manifest matchers on built repositories: each ecosystem's manifest changed by a commit,
/// compared with what the change does by hand.
final class ManifestMatcherTests: CLITestCase {
    struct Case {
        var path: String
        var before: String
        var after: String
        /// added, removed, major, other bumps: as the evidence lists them.
        var expected: [String]
    }

    static let cases: [Case] = [
        Case(
            path: "web/package.json",
            before:
                #"{"name": "web", "version": "1.0.0", "dependencies": {"moment": "^2.29.4", "express": "^4.18.2"}, "devDependencies": {"jest": "^29.0.0"}}"#,
            after:
                #"{"name": "web", "version": "2.0.0", "dependencies": {"date-fns": "^3.0.0", "express": "^5.0.0"}, "devDependencies": {"jest": "^29.7.0"}}"#,
            expected: ["npm:date-fns", "npm:moment", "npm:express", "npm:jest"]),
        Case(
            path: "go.mod",
            before:
                "module example.com/x\n\ngo 1.21\n\nrequire (\n\tgithub.com/gorilla/mux v1.8.0\n\tgolang.org/x/net v0.17.0 // indirect\n)\n\nrequire github.com/pkg/errors v0.9.1\n",
            after:
                "module example.com/x\n\ngo 1.22\n\nrequire (\n\tgithub.com/go-chi/chi/v5 v5.0.10\n\tgolang.org/x/net v0.19.0 // indirect\n)\n\nrequire github.com/pkg/errors v0.9.2\n",
            expected: ["go:github.com/go-chi/chi", "go:github.com/gorilla/mux", "", "go:github.com/pkg/errors"]),
        Case(
            path: "Gemfile",
            before: "source \"https://rubygems.org\"\n\ngem 'rails', '~> 7.0.8'\ngem \"pg\"\ngem 'puma', '~> 5.6'\n",
            after: "source \"https://rubygems.org\"\n\ngem 'rails', '~> 7.1.3'\ngem 'puma', '~> 6.4'\ngem 'sidekiq'\n",
            expected: ["bundler:sidekiq", "bundler:pg", "bundler:puma", "bundler:rails"]),
        Case(
            path: "Cargo.toml",
            before:
                "[package]\nname = \"x\"\nversion = \"0.1.0\"\n\n[dependencies]\nserde = { version = \"1.0.190\", features = [\"derive\"] }\nclap = \"3.2\"\n\n[dev-dependencies]\ntempfile = \"3.8\"\n",
            after:
                "[package]\nname = \"x\"\nversion = \"1.0.0\"\n\n[dependencies]\nserde = { version = \"1.0.193\", features = [\"derive\"] }\nclap = \"4.4\"\n\n[dependencies.tokio]\nversion = \"1.35\"\nfeatures = [\"full\"]\n",
            expected: ["cargo:tokio", "cargo:tempfile", "cargo:clap", "cargo:serde"]),
        Case(
            path: "requirements.txt",
            before: "# pinned\n-r base.txt\nrequests==2.31.0\nDjango>=4.2,<5\nflask[async]==2.3.3\n",
            after: "# pinned\n-r base.txt\nrequests==2.32.0\nDjango>=5.0\nfastapi==0.110.0  # web\n",
            expected: ["python:fastapi", "python:flask", "python:django", "python:requests"]),
        Case(
            path: "pyproject.toml",
            before:
                "[project]\nname = \"x\"\nversion = \"1.0\"\ndependencies = [\n  \"httpx>=0.25\",\n  \"pydantic>=1.10\",\n]\n\n[tool.poetry.group.dev.dependencies]\npytest = \"^7.4\"\n",
            after:
                "[project]\nname = \"x\"\nversion = \"2.0\"\ndependencies = [\n  \"httpx>=0.27\",\n  \"pydantic>=2.5\",\n  \"rich>=13; python_version >= '3.8'\",\n]\n\n[tool.poetry.group.dev.dependencies]\npytest = \"^8.0\"\n",
            expected: ["python:rich", "", "python:pydantic, python:pytest", "python:httpx"]),
        Case(
            path: "pom.xml",
            before: pom(["junit:junit:4.13.2", "com.google.guava:guava:32.1.3-jre"]),
            after: pom(["org.junit.jupiter:junit-jupiter:5.10.1", "com.google.guava:guava:33.0.0-jre"]),
            expected: ["jvm:org.junit.jupiter:junit-jupiter", "jvm:junit:junit", "jvm:com.google.guava:guava", ""]),
        Case(
            path: "app/build.gradle.kts",
            before: "dependencies {\n    implementation(\"com.squareup.okhttp3:okhttp:4.12.0\")\n    testImplementation(\"junit:junit:4.13.2\")\n}\n",
            after:
                "dependencies {\n    implementation(\"com.squareup.okhttp3:okhttp:5.0.0-alpha.12\")\n    implementation(\"io.ktor:ktor-client-core:2.3.7\")\n}\n",
            expected: ["jvm:io.ktor:ktor-client-core", "jvm:junit:junit", "jvm:com.squareup.okhttp3:okhttp", ""]),
        Case(
            path: "Package.swift",
            before: swiftPackage([
                #".package(url: "https://github.com/apple/swift-argument-parser", from: "1.2.0")"#,
                #".package(url: "https://github.com/jpsim/Yams.git", exact: "5.0.6")"#,
            ]),
            after: swiftPackage([
                #".package(url: "https://github.com/apple/swift-argument-parser", from: "1.3.0")"#,
                #".package(url: "https://github.com/jpsim/Yams.git", .upToNextMajor(from: "6.0.0"))"#,
                #".package(url: "https://github.com/groue/GRDB.swift.git", "6.0.0"..<"7.0.0")"#,
            ]),
            expected: ["swiftpm:grdb.swift", "", "swiftpm:yams", "swiftpm:swift-argument-parser"]),
        Case(
            path: "composer.json",
            before: #"{"require": {"php": ">=8.1", "ext-json": "*", "monolog/monolog": "^2.9", "guzzlehttp/guzzle": "^7.8"}}"#,
            after: #"{"require": {"php": ">=8.2", "ext-json": "*", "monolog/monolog": "^3.5", "symfony/http-client": "^7.0"}}"#,
            expected: ["composer:symfony/http-client", "composer:guzzlehttp/guzzle", "composer:monolog/monolog", ""]),
    ]

    static func pom(_ coordinates: [String]) -> String {
        let dependencies = coordinates.map { coordinate -> String in
            let parts = coordinate.split(separator: ":")
            return "    <dependency>\n      <groupId>\(parts[0])</groupId>\n      <artifactId>\(parts[1])</artifactId>\n"
                + "      <version>\(parts[2])</version>\n    </dependency>"
        }
        return "<project>\n  <modelVersion>4.0.0</modelVersion>\n  <version>1.0</version>\n  <dependencies>\n"
            + dependencies.joined(separator: "\n") + "\n  </dependencies>\n</project>\n"
    }

    static func swiftPackage(_ packages: [String]) -> String {
        "// swift-tools-version:5.9\nimport PackageDescription\n\nlet package = Package(\n    name: \"x\",\n    dependencies: [\n        "
            + packages.joined(separator: ",\n        ") + ",\n    ],\n    targets: []\n)\n"
    }

    /// A rule that holds whenever the dependencies are known, so its evidence shows them.
    func probeRules(in folder: String) throws -> String {
        let path = folder + "/probe.yml"
        try "version: 1\nrules:\n  - id: probe\n    category: maintenance\n    match: { dependencies: { added: { min: 0 } } }\n"
            .write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func evidence(_ repo: FixtureRepository, rules: [String]) throws -> [String: (rule: String, text: String)] {
        let run = try workmix(["scan", "--repo", repo.path, "--explain", "--format", "jsonl"] + rules)
        XCTAssertEqual(run.status, 0, run.stderr)
        return Dictionary(
            uniqueKeysWithValues: try jsonLines(run.stdout).map {
                ($0["sha"] as? String ?? "", ($0["rule"] as? String ?? "", ($0["evidence"] as? [String] ?? []).joined(separator: "; ")))
            })
    }

    func testEachEcosystemsManifestChangeIsReadAsByHand() throws {
        let repo = try FixtureRepository(name: "deps")
        var changed: [(String, Case)] = []
        for (index, item) in Self.cases.enumerated() {
            try repo.write(item.path, item.before)
            try repo.commit("Start \(item.path)", date: "2021-01-\(String(format: "%02d", index + 1))T10:00:00+00:00")
            try repo.write(item.path, item.after)
            changed.append((try repo.commit("Change \(item.path)", date: "2021-02-\(String(format: "%02d", index + 1))T10:00:00+00:00"), item))
        }
        try repo.write("src/main.c", "int main(void) { return 0; }\n")
        let plain = try repo.commit("Add the entry point", date: "2021-03-01T10:00:00+00:00")
        let shown = try evidence(repo, rules: ["--rules", try probeRules(in: repo.path + "/..")])
        for (sha, item) in changed {
            let expected = item.expected
            let text = "added [\(expected[0])] removed [\(expected[1])] major [\(expected[2])] other bumps [\(expected[3])]"
            XCTAssertEqual(shown[sha]?.rule, "probe", item.path)
            XCTAssertTrue(shown[sha]?.text.hasSuffix(text) == true, "\(item.path): \(shown[sha]?.text ?? "-") vs \(text)")
        }
        XCTAssertTrue(shown[plain]?.text.hasSuffix("no manifest changed") == true, shown[plain]?.text ?? "-")
    }

    func testShippedRulesReadAReplacementWithCallSitesAsSupportAndABumpAloneAsMaintenance() throws {
        let repo = try FixtureRepository(name: "web")
        try repo.write("package.json", #"{"dependencies": {"moment": "^2.29.4", "express": "^4.18.2"}}"#)
        for name in ["a", "b", "c"] { try repo.write("src/\(name).js", "const moment = require('moment')\n") }
        try repo.commit("Start", date: "2021-01-01T10:00:00+00:00")
        try repo.write("package.json", #"{"dependencies": {"date-fns": "^3.0.0", "express": "^4.18.2"}}"#)
        for name in ["a", "b", "c"] { try repo.write("src/\(name).js", "const { format } = require('date-fns')\n") }
        let replacement = try repo.commit("Dates: one library for all pages", date: "2021-01-02T10:00:00+00:00")
        try repo.write("package.json", #"{"dependencies": {"date-fns": "^3.0.0", "express": "^4.19.2"}}"#)
        let bump = try repo.commit("Keep up with express", date: "2021-01-03T10:00:00+00:00")
        try repo.write("package.json", #"{"dependencies": {"date-fns": "^3.0.0", "express": "^5.0.0"}}"#)
        let major = try repo.commit("Keep up with express", date: "2021-01-04T10:00:00+00:00")
        let shown = try evidence(repo, rules: [])
        XCTAssertEqual(shown[replacement]?.rule, "dependency_migration", shown[replacement]?.text ?? "")
        XCTAssertEqual(shown[bump]?.rule, "manifest_bump", shown[bump]?.text ?? "")
        XCTAssertNotEqual(shown[major]?.rule, "manifest_bump")
    }

    func testAManifestThatCannotBeReadIsUnknownAndTheRunGoesOn() throws {
        let repo = try FixtureRepository(name: "partial")
        try repo.write("go.mod", "module x\n\nrequire github.com/pkg/errors v0.9.1\n")
        try repo.commit("Start", date: "2021-01-01T10:00:00+00:00")
        let oldBlob = try repo.git(["rev-parse", "HEAD:go.mod"]).trimmingCharacters(in: .whitespacesAndNewlines)
        try repo.write("go.mod", "module x\n\nrequire github.com/pkg/errors v0.9.2\n")
        let changed = try repo.commit("Change the module file", date: "2021-01-02T10:00:00+00:00")
        try repo.deleteObject(oldBlob)
        let shown = try evidence(repo, rules: ["--rules", try probeRules(in: repo.path + "/..")])
        XCTAssertEqual(shown.count, 2)
        XCTAssertNotEqual(shown[changed]?.rule, "probe", "unknown dependencies match no rule")
    }
}
