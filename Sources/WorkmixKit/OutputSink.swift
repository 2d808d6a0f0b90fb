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
        finished = true
        guard let finalPath, let temporaryPath else { return }
        try? handle.close()
        if FileManager.default.fileExists(atPath: finalPath) {
            _ = try? FileManager.default.removeItem(atPath: finalPath)
        }
        do {
            try FileManager.default.moveItem(atPath: temporaryPath, toPath: finalPath)
        } catch {
            throw InputError("--output \(finalPath): cannot write: \(error.localizedDescription)")
        }
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
