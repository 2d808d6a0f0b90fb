import Foundation

/// The files of one store: the database, SQLite's WAL, shared-memory and journal files beside it, and
/// the lock. The store writes only files it made: one of these that is a symbolic link (to another
/// program's database, say) or anything but a regular file is refused, never written through.
enum StoreFiles {
    static let suffixes = ["", "-wal", "-shm", "-journal", ".lock"]

    /// The first of the store's files at `path` that the store would not write: a symbolic link, a
    /// folder, a FIFO…; nil when each is a regular file or absent.
    static func foreign(at path: String) -> String? {
        for suffix in suffixes {
            var status = stat()
            guard lstat(path + suffix, &status) == 0 else { continue }
            if (status.st_mode & S_IFMT) != S_IFREG { return path + suffix }
        }
        return nil
    }

    /// Why `foreign` refused a file, for a warning.
    static func refusal(_ file: String) -> String {
        var status = stat()
        let isLink = lstat(file, &status) == 0 && (status.st_mode & S_IFMT) == S_IFLNK
        return
            "\((file as NSString).lastPathComponent) is \(isLink ? "a symbolic link" : "not a regular file"): the store writes no file it did not make"
    }

    /// Throws when `foreign` finds a file the store would not write.
    static func checkOwned(_ path: String) throws {
        if let file = foreign(at: path) { throw StoreError(refusal(file)) }
    }
}
