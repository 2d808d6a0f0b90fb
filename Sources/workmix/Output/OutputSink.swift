import Foundation
import WorkmixCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where a report goes.
///
/// - stdout (no path, or `-`);
/// - a regular file (new or existing, also through a symbolic link): written beside its final path and
///   renamed over it when complete, with the mode an existing file had; removed on failure and on any
///   signal that ends the process (see `InterruptCleanup`), so no half-written report is left as if whole;
/// - anything else that exists (a FIFO, `/dev/stdout`, a device): written straight through, as a shell
///   redirection would; there is nothing to rename there.
///
/// Write errors (a full disk, the file size limit) are thrown as one line naming the output; a closed
/// pipe ends the process by SIGPIPE, quietly, as git does.
package final class OutputSink {
    private let descriptor: Int32
    private let ownsDescriptor: Bool
    /// The name errors give: the path as given, or "stdout".
    private let name: String
    private let finalPath: String?
    private let temporaryPath: String?
    private var buffer: [UInt8] = []
    private let lineBuffered: Bool
    /// Committed or abandoned: nothing more to do.
    private var finished = false
    private var descriptorOpen = true

    /// `path` nil or `-` means stdout. `lineBuffered` writes each `write` at once (for streamed formats).
    package init(path: String?, lineBuffered: Bool = false) throws {
        self.lineBuffered = lineBuffered
        guard let path, path != "-" else {
            descriptor = STDOUT_FILENO
            ownsDescriptor = false
            name = "stdout"
            finalPath = nil
            temporaryPath = nil
            return
        }
        name = "--output \(path)"
        ownsDescriptor = true
        var status = stat()
        let exists = stat(path, &status) == 0
        if exists && (status.st_mode & S_IFMT) == S_IFDIR {
            throw InputError("--output \(path): is a directory")
        }
        if exists && (status.st_mode & S_IFMT) != S_IFREG {
            // A FIFO, a terminal, /dev/null, /dev/stdout: write through, as `> path` would.
            let opened = open(path, O_WRONLY | O_CLOEXEC)
            guard opened >= 0 else { throw InputError("--output \(path): cannot open: \(Self.reason())") }
            descriptor = opened
            finalPath = nil
            temporaryPath = nil
            return
        }
        // A regular file or a new one: replace the file a symbolic link points to, not the link.
        let target = Self.resolvingLinks(path)
        let directory =
            (target as NSString).deletingLastPathComponent.isEmpty
            ? "." : (target as NSString).deletingLastPathComponent
        var directoryStatus = stat()
        guard stat(directory, &directoryStatus) == 0, (directoryStatus.st_mode & S_IFMT) == S_IFDIR else {
            throw InputError("--output \(path): no such directory \(directory)")
        }
        let temporary = directory + "/." + (target as NSString).lastPathComponent + ".\(getpid()).partial"
        InterruptCleanup.setPartialFile(temporary)
        let created = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        guard created >= 0 else {
            InterruptCleanup.setPartialFile(nil)
            throw InputError("--output \(path): cannot write in \(directory): \(Self.reason())")
        }
        // An existing file keeps its mode (umask does not apply to it, as with `> file`).
        if exists { _ = fchmod(created, status.st_mode & 0o7777) }
        descriptor = created
        finalPath = target
        temporaryPath = temporary
    }

    deinit {
        if !finished { abandon() }
    }

    package func write(_ text: String) throws {
        guard !text.isEmpty else { return }
        buffer.append(contentsOf: text.utf8)
        if lineBuffered || buffer.count >= 1 << 16 { try flush() }
    }

    package func flush() throws {
        guard !buffer.isEmpty else { return }
        let failure: Int32? = buffer.withUnsafeBytes { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = systemWrite(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += written
            }
            return nil
        }
        buffer.removeAll(keepingCapacity: true)
        if let failure {
            abandon()
            // The reader is gone (`| head -1`) and SIGPIPE was ignored: end quietly as SIGPIPE would.
            if failure == EPIPE { InterruptCleanup.endForBrokenPipe() }
            throw InputError("\(name): cannot write: \(Self.describe(failure))")
        }
    }

    /// Everything is written: make the file appear under its name.
    package func commit() throws {
        try flush()
        finished = true
        guard ownsDescriptor else { return }
        let closed = close(descriptor)
        descriptorOpen = false
        guard let finalPath, let temporaryPath else {
            if closed != 0 { throw InputError("\(name): cannot write: \(Self.reason())") }
            return
        }
        // close(2) reports late write errors (NFS, quotas); rename(2) replaces an existing file in one
        // step and refuses to replace a directory.
        guard closed == 0, rename(temporaryPath, finalPath) == 0 else {
            let reason = Self.reason()
            unlink(temporaryPath)
            InterruptCleanup.setPartialFile(nil)
            throw InputError("\(name): cannot write: \(reason)")
        }
        InterruptCleanup.setPartialFile(nil)
    }

    /// Something failed: leave no file behind.
    package func abandon() {
        guard !finished else { return }
        finished = true
        buffer = []
        if ownsDescriptor && descriptorOpen {
            close(descriptor)
            descriptorOpen = false
        }
        guard let temporaryPath else { return }
        unlink(temporaryPath)
        InterruptCleanup.setPartialFile(nil)
    }

    private static func reason() -> String { describe(errno) }

    /// A write error in words; past the file size limit (`ulimit -f`: SIGXFSZ is ignored, so the write
    /// fails with EFBIG), that limit too.
    private static func describe(_ code: Int32) -> String {
        let text = String(cString: strerror(code))
        var limit = rlimit()
        #if os(Linux)
        let found = getrlimit(__rlimit_resource_t(RLIMIT_FSIZE.rawValue), &limit) == 0 && limit.rlim_cur != rlim_t.max
        #else
        let found = getrlimit(RLIMIT_FSIZE, &limit) == 0 && limit.rlim_cur != RLIM_INFINITY
        #endif
        guard code == EFBIG, found else { return text }
        return text + " (the file size limit, ulimit -f, is \(limit.rlim_cur) bytes)"
    }

    /// Follows symbolic links to the file they name, even when it does not exist yet (a dangling link
    /// is written through, as `> link` would).
    static func resolvingLinks(_ path: String) -> String {
        var current = path
        for _ in 0..<40 {
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let length = readlink(current, &buffer, buffer.count - 1)
            guard length > 0 else { return current }
            let destination = String(decoding: buffer.prefix(length).map { UInt8(bitPattern: $0) }, as: UTF8.self)
            current =
                destination.hasPrefix("/")
                ? destination
                : ((current as NSString).deletingLastPathComponent as NSString).appendingPathComponent(destination)
        }
        return current
    }
}

/// write(2), out of reach of `OutputSink.write` inside the class.
private func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, bytes, count)
}
