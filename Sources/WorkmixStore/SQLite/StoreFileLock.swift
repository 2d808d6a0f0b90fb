import Foundation

/// An exclusive lock between workmix processes on one store file, held while the file is opened,
/// migrated, loaded or removed: without it, a process creating the file races another reading its
/// first tables, and a process rebuilding a damaged file could remove it under a reader. SQLite's own
/// locks still order the writes of a run. The lock is `flock` on `<store>.lock`, which stays (removing
/// it while held would let a third process lock a new file of the same name).
struct StoreFileLock {
    private let descriptor: Int32

    /// Waits for the lock; nil when the lock file cannot be opened (then the caller goes on unlocked,
    /// as it would on a file system without locks).
    init?(for path: String) {
        // Never through a symbolic link: O_CREAT would make the file it names.
        let descriptor = open(path + ".lock", O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o644)
        guard descriptor >= 0 else { return nil }
        while flock(descriptor, LOCK_EX) != 0 {
            guard errno == EINTR else {
                close(descriptor)
                return nil
            }
        }
        self.descriptor = descriptor
    }

    /// Runs `body` holding the lock of `path` (or without it, when it cannot be taken).
    static func holding<T>(_ path: String, _ body: () throws -> T) rethrows -> T {
        let lock = StoreFileLock(for: path)
        defer { lock?.release() }
        return try body()
    }

    func release() {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
