import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What to undo when a signal ends a run: the partial output file (so none is left as if complete),
/// the progress line on the terminal (so the prompt starts clean) and raw terminal mode.
///
/// Every catchable signal whose default action ends the process is handled (SIGHUP, SIGINT, SIGQUIT,
/// SIGUSR1/2, SIGPIPE, SIGALRM, SIGTERM, SIGXCPU, SIGVTALRM, SIGPROF, …). The handler only calls
/// write(2), unlink(2), tcsetattr(3), sigaction(2) and raise(3), which are async-signal-safe, then lets the signal do
/// what it would have done: the process ends by that signal, quietly (a shell shows status 128+N, e.g.
/// 141 for SIGPIPE under `workmix scan | head -1`, as git does). Crash signals (SIGSEGV, SIGBUS,
/// SIGILL, SIGABRT, SIGFPE, SIGTRAP, SIGSYS) of a real crash are passed on to the handler that was
/// there before (the Swift runtime's crash report); sent by another process, they end the run quietly. A signal the parent ignored (`nohup`, `cmd &` in a script) stays
/// ignored. SIGKILL cannot be caught: it may leave a `.NAME.PID.partial` file. SIGXFSZ is ignored: a
/// write past the file size limit (`ulimit -f`) then fails with EFBIG, which `OutputSink` and the
/// store report as for any write that fails.
package enum InterruptCleanup {
    /// Installs the handlers; idempotent. Call first thing, so that SIGQUIT is no crash report.
    package static func install() { _ = installed }

    /// The partial file to remove, or nil once it is renamed or removed.
    static func setPartialFile(_ path: String?) {
        install()
        // The old copy is not freed: a handler on another thread may be reading it (a few bytes per
        // output file, a handful per run).
        cleanupPartialFile.store(Int(bitPattern: path.map { strdup($0) }), ordering: .releasing)
    }

    /// The terminal settings to put back (`workmix label` reads keys in raw mode), or nil.
    static func setTerminalToRestore(_ settings: termios?) {
        install()
        // As with the file: never freed, a handler may be reading it.
        let copy = settings.map { settings in
            let copy = UnsafeMutablePointer<termios>.allocate(capacity: 1)
            copy.initialize(to: settings)
            return copy
        }
        savedTerminal.store(Int(bitPattern: copy), ordering: .releasing)
    }

    /// Whether a progress line stands on stderr, to be cleared.
    package static func setProgressLineShown(_ shown: Bool) {
        install()
        cleanupProgressLine.store(shown, ordering: .releasing)
    }

    /// A write failed with EPIPE (SIGPIPE was ignored when workmix started): end as SIGPIPE would,
    /// quietly, as git does. The partial file is removed first.
    package static func endForBrokenPipe() -> Never {
        cleanUp()
        _ = signal(SIGPIPE, SIG_DFL)
        raise(SIGPIPE)
        exit(128 + SIGPIPE)
    }

    private static let installed: Bool = {
        let previous = UnsafeMutablePointer<sigaction>.allocate(capacity: Int(signalSlots))
        previous.initialize(repeating: sigaction(), count: Int(signalSlots))
        var action = sigaction()
        #if os(Linux)
        action.__sigaction_handler.sa_sigaction = handleSignal
        #else
        action.__sigaction_u.__sa_sigaction = handleSignal
        #endif
        action.sa_flags = SA_SIGINFO | SA_RESTART
        sigemptyset(&action.sa_mask)
        // The handler reads these: set up here, before it can run (a global is set up on first use).
        previousActions.store(Int(bitPattern: previous), ordering: .releasing)
        _ = (cleanupPartialFile.load(ordering: .relaxed), savedTerminal.load(ordering: .relaxed))
        _ = cleanupProgressLine.load(ordering: .relaxed)
        _ = signal(SIGXFSZ, SIG_IGN)
        for number in terminatingSignals + crashSignals {
            guard sigaction(number, nil, &previous[Int(number)]) == 0 else { continue }
            if isIgnored(previous[Int(number)]) { continue }
            sigaction(number, &action, nil)
        }
        return true
    }()

    private static var terminatingSignals: [Int32] {
        var signals = [
            SIGHUP, SIGINT, SIGQUIT, SIGUSR1, SIGUSR2, SIGPIPE, SIGALRM, SIGTERM, SIGXCPU, SIGVTALRM,
            SIGPROF,
        ]
        #if os(Linux)
        signals += [SIGPOLL, SIGPWR, SIGSTKFLT]
        #endif
        return signals
    }

    private static let crashSignals = [SIGSEGV, SIGBUS, SIGILL, SIGABRT, SIGFPE, SIGTRAP, SIGSYS]

    private static func isIgnored(_ action: sigaction) -> Bool {
        #if os(Linux)
        let handler = unsafeBitCast(action.__sigaction_handler.sa_handler, to: Int.self)
        #else
        let handler = unsafeBitCast(action.__sigaction_u.__sa_handler, to: Int.self)
        #endif
        return action.sa_flags & SA_SIGINFO == 0 && handler == unsafeBitCast(SIG_IGN, to: Int.self)
    }
}

private let signalSlots: Int32 = 65
// What the handler reads, in lock-free atomics (a lock could be held by the very thread the signal
// interrupts); the C buffers are kept as their addresses, 0 for none.
private let cleanupPartialFile = Atomic<Int>(0)
private let cleanupProgressLine = Atomic<Bool>(false)
private let savedTerminal = Atomic<Int>(0)
/// The actions in place before ours, by signal number: crash signals go back to them.
private let previousActions = Atomic<Int>(0)

private func cleanUp() {
    if cleanupProgressLine.load(ordering: .acquiring) {
        let clear: StaticString = "\r\u{1B}[K"
        _ = write(STDERR_FILENO, clear.utf8Start, clear.utf8CodeUnitCount)
    }
    if let path = UnsafeMutablePointer<CChar>(bitPattern: cleanupPartialFile.load(ordering: .acquiring)) { unlink(path) }
    if let settings = UnsafeMutablePointer<termios>(bitPattern: savedTerminal.load(ordering: .acquiring)) {
        tcsetattr(STDIN_FILENO, TCSANOW, settings)
    }
}

private func isCrashSignal(_ number: Int32) -> Bool {
    switch number {
    case SIGSEGV, SIGBUS, SIGILL, SIGABRT, SIGFPE, SIGTRAP, SIGSYS: return true
    default: return false
    }
}

private func senderID(_ info: UnsafeMutablePointer<siginfo_t>) -> pid_t {
    #if os(Linux)
    info.pointee._sifields._kill.si_pid
    #else
    info.pointee.si_pid
    #endif
}

private func handleSignal(_ number: Int32, _ info: UnsafeMutablePointer<siginfo_t>?, _ context: UnsafeMutableRawPointer?) {
    cleanUp()
    if isCrashSignal(number), let info, let previous = UnsafeMutablePointer<sigaction>(bitPattern: previousActions.load(ordering: .acquiring)),
        number < signalSlots
    {
        // A crash of this process goes back to the crash reporter: a fault (si_code > 0) happens again
        // when the instruction is retried on return; abort() sends itself the signal again. The same
        // signal sent by another process (`kill -SEGV`) is no crash: it ends the run as others do (the
        // runtime's reporter would print a crash report and let the run go on).
        let fault = info.pointee.si_code > 0
        if fault || senderID(info) == getpid() {
            sigaction(number, &previous[Int(number)], nil)
            if !fault { raise(number) }
            return
        }
    }
    var action = sigaction()
    sigemptyset(&action.sa_mask)
    sigaction(number, &action, nil)  // SIG_DFL: a zeroed action
    // Blocked while this handler runs: delivered, with the default action, when it returns.
    raise(number)
}
