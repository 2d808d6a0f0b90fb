import Foundation

/// The files of one store: the database, SQLite's WAL, shared-memory and journal files beside it, and
/// the lock. The store writes only files it made: one of these that is a symbolic link (to another
/// program's database, say) or anything but a regular file is refused, never written through.
package enum StoreFiles {
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

    /// Fails on a file that is not SQLite, or shorter than its header says (cut short), before SQLite
    /// is given it: cheap enough for a run that reads no store (a report resuming from its checkpoint).
    /// Other damage shows when `load` reads every table whole, or `check` reads every page.
    package static func checkHeader(_ path: String) throws {
        guard let file = FileHandle(forReadingAtPath: path) else { return }
        defer { try? file.close() }
        let header = [UInt8]((try? file.read(upToCount: 100)) ?? Data())
        if header.isEmpty { return }
        guard header.starts(with: Array("SQLite format 3\0".utf8)) else { throw StoreError("not an SQLite file") }
        guard header.count == 100 else { throw StoreError("cut short: \(header.count) bytes") }
        func number(_ at: Int) -> Int { header[at..<at + 4].reduce(0) { $0 << 8 | Int($1) } }
        let pageSize = header[16] == 0 && header[17] == 1 ? 65536 : Int(header[16]) << 8 | Int(header[17])
        // The page count is valid when the change counter matches the version it was written at; a
        // WAL not yet copied back may hold pages the file does not have yet.
        guard number(24) == number(92), StoreMaintenance.size(of: path + "-wal") == 0 else { return }
        let bytes = (try? file.seekToEnd()).map(Int.init) ?? 0
        if bytes < number(28) * pageSize {
            throw StoreError("cut short: \(bytes) bytes, where its header gives \(number(28)) pages of \(pageSize)")
        }
    }
}
