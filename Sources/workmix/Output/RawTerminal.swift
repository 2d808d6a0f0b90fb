#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Standard input in raw mode (no line editing, no echo) for single keys; the settings before are put
/// back by `restore()`, and by the signal handlers if a signal ends the run first. Ctrl-C still
/// interrupts (ISIG stays on).
final class RawTerminal {
    private var original: termios

    /// Nil when standard input is not a terminal.
    init?() {
        guard isatty(STDIN_FILENO) == 1 else { return nil }
        original = termios()
        guard tcgetattr(STDIN_FILENO, &original) == 0 else { return nil }
        var raw = original
        raw.c_lflag &= ~tcflag_t(ICANON | ECHO)
        withUnsafeMutableBytes(of: &raw.c_cc) { cc in
            cc[Int(VMIN)] = 1
            cc[Int(VTIME)] = 0
        }
        InterruptCleanup.setTerminalToRestore(original)
        guard tcsetattr(STDIN_FILENO, TCSAFLUSH, &raw) == 0 else {
            InterruptCleanup.setTerminalToRestore(nil)
            return nil
        }
    }

    /// The next key, lowercased; nil at the end of input.
    func readKey() -> Character? {
        var byte: UInt8 = 0
        while true {
            let count = read(STDIN_FILENO, &byte, 1)
            if count == 1 { return Character(Unicode.Scalar(byte)).lowercased().first }
            if count < 0 && errno == EINTR { continue }
            return nil
        }
    }

    func restore() {
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &original)
        InterruptCleanup.setTerminalToRestore(nil)
    }
}
