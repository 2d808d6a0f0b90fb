import Foundation

/// Reads a whole text file for the loaders (config, rules, labels): any readable path, FIFOs and
/// `/dev/stdin`-like paths included (`--config <(…)`, `--config /dev/null`), as git reads `--file`.
public enum TextFile {
    /// The file's text, or an `InputError` at the file naming `what` it is ("config file", …).
    public static func read(_ path: String, what: String) throws -> String {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw InputError("cannot read \(what): \(String(cString: strerror(errno)))", at: SourceLocation(file: path))
        }
        defer { try? handle.close() }
        let data: Data
        do {
            data = try handle.readToEnd() ?? Data()
        } catch {
            throw InputError("cannot read \(what): \((error as NSError).localizedDescription)", at: SourceLocation(file: path))
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw InputError("\(what) is not UTF-8", at: SourceLocation(file: path))
        }
        return text
    }
}
