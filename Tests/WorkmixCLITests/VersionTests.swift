import Foundation
import WorkmixTestSupport
import XCTest

/// `workmix --version`: the version, the commit the binary is built from and the libgit2 it runs on.
final class VersionTests: CLITestCase {
    func testVersionNamesTheCommitItIsBuiltFromAndLibgit2() throws {
        let run = try workmix(["--version"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let line = run.stdout.trimmingCharacters(in: .newlines)
        let pattern = #/^workmix (\d+\.\d+\.\d+) \(commit ([0-9a-f]{7}(?:-dirty)?|unknown), libgit2 (\d+\.\d+\.\d+)\)$/#
        let match = try XCTUnwrap(line.wholeMatch(of: pattern), line)
        // This checkout is a git repository, so the commit is known: the one tests are built from.
        let root = PackageFiles.root.path
        let head = try FixtureRepository.run("/usr/bin/env", ["git", "-C", root, "rev-parse", "--short=7", "HEAD"], in: root)
        XCTAssertEqual(match.output.2.prefix(7), head.trimmingCharacters(in: .whitespacesAndNewlines).prefix(7), line)
        let libgit2 = try FixtureRepository.runProcess("/usr/bin/env", ["pkg-config", "--modversion", "libgit2"], in: root)
        if libgit2.status == 0 { XCTAssertEqual(String(match.output.3), libgit2.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) }
    }
}
