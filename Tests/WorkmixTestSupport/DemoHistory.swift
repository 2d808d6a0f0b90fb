import Foundation

/// The demo's team history (examples/build-demo-history.sh): built by the script once per test process,
/// then copied into each test's own folder, so a test may change its copy as it likes.
public enum DemoHistory {
    private static let folder = FileManager.default.temporaryDirectory
        .appendingPathComponent("workmix-demo-history-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)")

    /// The script's run, once: the error it failed with, to every test that asks.
    private static let built: Result<URL, Error> = Result {
        try FixtureRepository.run(
            "/usr/bin/env", ["bash", PackageFiles.url("examples/build-demo-history.sh").path, folder.path],
            in: FileManager.default.temporaryDirectory.path)
        atexit { try? FileManager.default.removeItem(at: DemoHistory.folder) }
        return folder
    }

    /// Writes the demo's history, as the script writes it, to `root` (a folder that does not exist yet).
    public static func copy(to root: URL) throws {
        try FileManager.default.copyItem(at: try built.get(), to: root)
    }
}
