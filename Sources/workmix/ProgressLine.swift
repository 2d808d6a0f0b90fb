import Foundation
import Synchronization
import WorkmixKit

/// A progress line on stderr — commits done, rate and, once known, the share done and the time left —
/// redrawn at most four times a second, only when stderr is a terminal. The total comes from a
/// metadata-only walk on a thread of its own (about 0.1 s per 10,000 commits, against the seconds a
/// scan with diffs takes), so the estimate appears shortly after the start.
final class ProgressLine: RunObserver, Sendable {
    private struct State {
        var last = Date.distantPast
        var count = 0
        var drawn = false
        var total: Int?
    }

    private let enabled: Bool
    private let start = Date()
    private let state = Mutex(State())

    init(enabled: Bool) {
        self.enabled = enabled
    }

    /// Counts the walk's commits on a thread of its own, for the estimate.
    func started(counting total: @escaping @Sendable () -> Int?) {
        guard enabled else { return }
        Thread.detachNewThread { [self] in
            let value = total()
            state.withLock { $0.total = value }
        }
    }

    func tick() {
        guard let (line, first) = state.withLock({ self.line(after: &$0) }) else { return }
        writeToStandardError(line)
        if first { InterruptCleanup.setProgressLineShown(true) }
    }

    /// Counts one more commit; the line to draw when one is due, and whether it is the first.
    private func line(after state: inout State) -> (text: String, first: Bool)? {
        state.count += 1
        let count = state.count
        guard enabled, count % 64 == 0 else { return nil }
        let now = Date()
        guard now.timeIntervalSince(state.last) >= 0.25 else { return nil }
        state.last = now
        let elapsed = max(now.timeIntervalSince(start), 0.001)
        let rate = Double(count) / elapsed
        var line = "\r\u{1B}[K\(count)"
        if let total = state.total, total >= count {
            let left = Double(total - count) / max(rate, 1)
            line += "/\(total) commits (\(count * 100 / max(total, 1))%)  \(Int(rate))/s  ~\(Int(left.rounded()))s left"
        } else {
            line += " commits  \(Int(rate))/s  \(Int(elapsed))s"
        }
        defer { state.drawn = true }
        return (line, !state.drawn)
    }

    func finished() {
        let drawn = state.withLock { state in
            defer { state.drawn = false }
            return state.drawn
        }
        guard drawn else { return }
        writeToStandardError("\r\u{1B}[K")
        InterruptCleanup.setProgressLineShown(false)
    }
}
