import Foundation

/// A progress line on stderr (commits done, rate), redrawn at most four times a second, only when
/// stderr is a terminal.
final class Progress {
    private let enabled: Bool
    private let start = Date()
    private var last = Date.distantPast
    private var count = 0
    private var drawn = false

    init(enabled: Bool) { self.enabled = enabled }

    func tick() {
        count += 1
        guard enabled, count % 64 == 0 else { return }
        let now = Date()
        guard now.timeIntervalSince(last) >= 0.25 else { return }
        last = now
        let elapsed = max(now.timeIntervalSince(start), 0.001)
        let line = "\r\u{1B}[K\(count) commits  \(Int(Double(count) / elapsed))/s  \(Int(elapsed))s"
        FileHandle.standardError.write(Data(line.utf8))
        drawn = true
    }

    func finish() {
        if drawn { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}
