import Foundation

/// Canned expected output under `Tests/Fixtures`. With `WORKMIX_RECORD_CANNED=1`, a file that differs
/// from what the code now writes is rewritten and the test fails, saying so: a recording run never
/// passes by comparing output with what it just wrote.
public enum CannedFile {
    public struct Recorded: Error, CustomStringConvertible {
        public var path: String
        public var description: String { "recorded \(path); run the tests again without WORKMIX_RECORD_CANNED" }
    }

    /// The canned text at `relativePath`, after recording `actual` there when asked to.
    public static func expected(_ relativePath: String, actual: String) throws -> String {
        let url = PackageFiles.url(relativePath)
        let canned = try? String(contentsOf: url, encoding: .utf8)
        if ProcessInfo.processInfo.environment["WORKMIX_RECORD_CANNED"] == "1", canned != actual {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try actual.write(to: url, atomically: true, encoding: .utf8)
            throw Recorded(path: relativePath)
        }
        return try String(contentsOf: url, encoding: .utf8)
    }
}
