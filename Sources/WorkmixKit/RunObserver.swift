/// Follows a history walk as it goes (the command line draws a progress line from it).
package protocol RunObserver: AnyObject {
    /// The walk is about to start; `counter` counts its commits (nil on failure), best on another thread.
    func started(counting counter: @escaping @Sendable () -> Int?)
    /// One more commit read and classified.
    func tick()
    /// The walk is over.
    func finished()
}
