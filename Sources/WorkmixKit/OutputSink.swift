import Foundation
import WorkmixCore

/// Where a report goes: stdout, or a file that appears only when complete (written beside its final
/// path, renamed at the end, removed on failure), so no half-written report is ever left as if whole.
public final class OutputSink {
    private let handle: FileHandle
    private let finalPath: String?
    private let temporaryPath: String?
    private var buffer = ""
    private let lineBuffered: Bool
    private var finished = false

    /// `path` nil means stdout. `lineBuffered` writes each `write` at once (for streamed formats).
    public init(path: String?, lineBuffered: Bool = false) throws {
        self.lineBuffered = lineBuffered
        if let path {
            let url = URL(fileURLWithPath: path)
            let directory = url.deletingLastPathComponent().path
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw InputError("--output \(path): no such directory \(directory)")
            }
            var targetIsDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &targetIsDirectory), targetIsDirectory.boolValue {
                throw InputError("--output \(path): is a directory")
            }
            let temporary = directory + "/." + url.lastPathComponent + ".\(getpid()).partial"
            guard FileManager.default.createFile(atPath: temporary, contents: nil),
                  let handle = FileHandle(forWritingAtPath: temporary) else {
                throw InputError("--output \(path): cannot write in \(directory)")
            }
            self.handle = handle
            finalPath = path
            temporaryPath = temporary
        } else {
            handle = FileHandle.standardOutput
            finalPath = nil
            temporaryPath = nil
        }
    }

    deinit {
        if !finished { abandon() }
    }

    public func write(_ text: String) {
        guard !text.isEmpty else { return }
        buffer += text
        if lineBuffered || buffer.utf8.count >= 1 << 16 { flush() }
    }

    public func flush() {
        guard !buffer.isEmpty else { return }
        handle.write(Data(buffer.utf8))
        buffer = ""
    }

    /// Everything is written: make the file appear under its name.
    public func commit() throws {
        flush()
        guard let finalPath, let temporaryPath else {
            finished = true
            return
        }
        try? handle.close()
        // rename(2) replaces an existing file in one step and refuses to replace a directory.
        guard rename(temporaryPath, finalPath) == 0 else {
            let reason = String(cString: strerror(errno))
            abandon()
            throw InputError("--output \(finalPath): cannot write: \(reason)")
        }
        finished = true
    }

    /// Something failed: leave no file behind.
    public func abandon() {
        finished = true
        buffer = ""
        guard let temporaryPath else { return }
        try? handle.close()
        _ = try? FileManager.default.removeItem(atPath: temporaryPath)
    }
}
