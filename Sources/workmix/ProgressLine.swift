import Foundation
import WorkmixKit

/// A progress line on stderr — commits done, rate and, once known, the share done and the time left —
/// redrawn at most four times a second, only when stderr is a terminal. The total comes from a
/// metadata-only walk on a thread of its own (about 0.1 s per 10,000 commits, against the seconds a
/// scan with diffs takes), so the estimate appears shortly after the start.
final class ProgressLine: RunObserver, @unchecked Sendable {
    private let enabled: Bool
    private let start = Date()
    private var last = Date.distantPast
    private var count = 0
    private var drawn = false
    private let lock = NSLock()
    private var total: Int?

    init(enabled: Bool) {
        self.enabled = enabled
    }

    /// Counts the walk's commits on a thread of its own, for the estimate.
    func started(counting total: @escaping @Sendable () -> Int?) {
        guard enabled else { return }
        Thread.detachNewThread { [self] in
            let value = total()
            lock.lock()
            self.total = value
            lock.unlock()
        }
    }

    func tick() {
        count += 1
        guard enabled, count % 64 == 0 else { return }
        let now = Date()
        guard now.timeIntervalSince(last) >= 0.25 else { return }
        last = now
        let elapsed = max(now.timeIntervalSince(start), 0.001)
        let rate = Double(count) / elapsed
        var line = "\r\u{1B}[K\(count)"
        lock.lock()
        let total = self.total
        lock.unlock()
        if let total, total >= count {
            let left = Double(total - count) / max(rate, 1)
            line += "/\(total) commits (\(count * 100 / max(total, 1))%)  \(Int(rate))/s  ~\(Int(left.rounded()))s left"
        } else {
            line += " commits  \(Int(rate))/s  \(Int(elapsed))s"
        }
        writeToStandardError(line)
        if !drawn { InterruptCleanup.setProgressLineShown(true) }
        drawn = true
    }

    func finished() {
        guard drawn else { return }
        writeToStandardError("\r\u{1B}[K")
        InterruptCleanup.setProgressLineShown(false)
        drawn = false
    }
}
