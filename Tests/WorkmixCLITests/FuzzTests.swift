import Foundation
import WorkmixTestSupport
import XCTest

/// `bench/fuzz.py` with a fixed seed (#14): random commit messages and mutated config and rule files;
/// no run may crash, hang or exit other than 0, 1 or 2, and exit 2 is one line on stderr. All 1,000
/// messages; 250 of the files (the debug binary spends ~0.1 s per run parsing its own options, checked
/// in debug builds only), to stay well under a minute; `bench/fuzz.py` alone runs 1,000.
final class FuzzTests: CLITestCase {
    func testRandomMessagesAndMutatedFilesNeverCrash() throws {
        guard let python = ["/usr/bin/python3", "/usr/local/bin/python3"].first(where: FileManager.default.isExecutableFile)
        else { throw XCTSkip("no python3") }
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let run = try FixtureRepository.runProcess(
            python,
            [
                PackageFiles.url("bench/fuzz.py").path, "--workmix", PackageFiles.workmixExecutable.path,
                "--seed", "14", "--messages", "1000", "--files", "250", "--jobs", "\(cores)",
            ], in: FileManager.default.temporaryDirectory.path)
        XCTAssertEqual(run.status, 0, run.stdout + run.stderr)
        XCTAssertTrue(run.stdout.contains("0 failure(s)"), run.stdout)
    }
}
