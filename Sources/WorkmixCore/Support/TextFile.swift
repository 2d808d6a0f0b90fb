import Foundation

/// Reads a whole text file for the loaders (config, rules, labels, models): any readable path, FIFOs and
/// `/dev/stdin`-like paths included (`--config <(…)`, `--config /dev/null`), as git reads `--file`.
package enum TextFile {
    /// Config and rule files are small: anything larger (`--config /dev/zero`) is refused before it
    /// fills memory.
    package static let defaultLimit = 16 << 20
    /// Labels files hold whole corpora (the shared one is 65 MB as JSON lines).
    package static let labelsLimit = 1 << 30

    /// The file's text, or an `InputError` at the file naming `what` it is ("config file", …).
    package static func read(_ path: String, what: String, limit: Int = defaultLimit) throws -> String {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw InputError("cannot read \(what): it is a directory", at: SourceLocation(file: path))
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw InputError("cannot read \(what): \(String(cString: strerror(errno)))", at: SourceLocation(file: path))
        }
        defer { try? handle.close() }
        var data = Data()
        do {
            while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
                data.append(chunk)
                if data.count > limit {
                    throw InputError("\(what) is larger than \(limit >> 20) MB", at: SourceLocation(file: path))
                }
            }
        } catch let error as InputError {
            throw error
        } catch {
            throw InputError("cannot read \(what): \((error as NSError).localizedDescription)", at: SourceLocation(file: path))
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw InputError("\(what) is not UTF-8", at: SourceLocation(file: path))
        }
        return text
    }
}
