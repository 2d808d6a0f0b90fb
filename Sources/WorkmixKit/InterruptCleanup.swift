#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What to undo when SIGINT, SIGTERM or SIGHUP ends a run: the partial output file (so none is left
/// as if complete) and the progress line on the terminal (so the prompt starts clean). The handler only
/// calls write(2) and unlink(2), which are async-signal-safe, then lets the signal do what it would have
/// done (the exit status says which signal ended the run).
public enum InterruptCleanup {
    private static let signals = [SIGINT, SIGTERM, SIGHUP]

    /// The partial file to remove, or nil once it is renamed or removed.
    static func setPartialFile(_ path: String?) {
        installHandlers()
        let old = cleanupPartialFile
        cleanupPartialFile = path.map { strdup($0) }
        free(old)
    }

    /// Whether a progress line stands on stderr, to be cleared.
    public static func setProgressLineShown(_ shown: Bool) {
        installHandlers()
        cleanupProgressLine = shown ? 1 : 0
    }

    private static let installed: Bool = {
        for number in signals { _ = signal(number, cleanUpAndReraise) }
        return true
    }()

    private static func installHandlers() { _ = installed }
}

nonisolated(unsafe) private var cleanupPartialFile: UnsafeMutablePointer<CChar>?
nonisolated(unsafe) private var cleanupProgressLine: sig_atomic_t = 0

private func cleanUpAndReraise(_ number: Int32) {
    if cleanupProgressLine != 0 {
        let clear: StaticString = "\r\u{1B}[K"
        _ = write(STDERR_FILENO, clear.utf8Start, clear.utf8CodeUnitCount)
    }
    if let path = cleanupPartialFile { unlink(path) }
    _ = signal(number, SIG_DFL)
    raise(number)
}
