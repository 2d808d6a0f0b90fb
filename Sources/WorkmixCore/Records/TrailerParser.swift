/// Reads a message's trailers as `git interpret-trailers --parse` does: only the last paragraph (never
/// the subject), `Key: value` lines, continuation lines (starting with white space) unfolded, and a
/// paragraph counted as trailers only when all its lines are trailers, or a quarter of them with a
/// git-generated one (`Signed-off-by: `, `(cherry picked from commit `) among them.
///
/// libgit2 1.5's `git_message_trailers` is not used: it returns nothing when the message has a `---` line.
public enum TrailerParser {
    static let gitGeneratedPrefixes: [[UInt8]] = ["Signed-off-by: ", "(cherry picked from commit "].map { Array($0.utf8) }

    public static func parse(_ message: String) -> [Trailer] {
        parse(MessageLines(message))
    }

    public static func parse(_ message: MessageLines) -> [Trailer] {
        let lines = message.lines, bytes = message.bytes
        // The first paragraph is the title and cannot hold trailers.
        var endOfTitle = 0
        while endOfTitle < lines.count, !message.isBlank(endOfTitle) { endOfTitle += 1 }
        guard endOfTitle < lines.count else { return [] }

        var trailerLines = 0, nonTrailerLines = 0, possibleContinuations = 0
        var recognizedPrefix = false, onlySpaces = true
        var start: Int?
        var index = lines.count - 1
        while index >= endOfTitle {
            let line = lines[index]
            if !line.isEmpty && bytes[line.lowerBound] == UInt8(ascii: "#") {
                nonTrailerLines += possibleContinuations
                possibleContinuations = 0
            } else if message.isBlank(index) {
                if !onlySpaces {
                    nonTrailerLines += possibleContinuations
                    if (recognizedPrefix && trailerLines * 3 >= nonTrailerLines) || (trailerLines > 0 && nonTrailerLines == 0) {
                        start = index + 1
                    }
                    break
                }
            } else {
                onlySpaces = false
                let first = bytes[line.lowerBound]
                if gitGeneratedPrefixes.contains(where: { hasPrefix(bytes, line, $0) }) {
                    trailerLines += 1
                    possibleContinuations = 0
                    recognizedPrefix = true
                } else if !MessageLines.isSpace(first), let separator = separatorIndex(bytes, line), separator > line.lowerBound {
                    trailerLines += 1
                    possibleContinuations = 0
                } else if MessageLines.isSpace(first) {
                    possibleContinuations += 1
                } else {
                    nonTrailerLines += 1 + possibleContinuations
                    possibleContinuations = 0
                }
            }
            index -= 1
        }
        guard let start else { return [] }

        var trailers: [Trailer] = []
        var current: Trailer?
        for index in start..<lines.count where !message.isBlank(index) {
            let line = lines[index]
            let first = bytes[line.lowerBound]
            if first == UInt8(ascii: "#") { continue }
            if MessageLines.isSpace(first) {
                if current != nil { current!.value += " " + message.string(message.trimmed(line)) }
                continue
            }
            if let trailer = current { trailers.append(trailer) }
            current = nil
            if let separator = separatorIndex(bytes, line), separator > line.lowerBound {
                let key = message.string(message.trimmed(line.lowerBound..<separator))
                let value = message.string(message.trimmed((separator + 1)..<line.upperBound))
                current = Trailer(key: key, value: value)
            }
        }
        if let trailer = current { trailers.append(trailer) }
        return trailers
    }

    static func hasPrefix(_ bytes: [UInt8], _ line: Range<Int>, _ prefix: [UInt8]) -> Bool {
        guard line.count >= prefix.count else { return false }
        for i in 0..<prefix.count where bytes[line.lowerBound + i] != prefix[i] { return false }
        return true
    }

    /// git's find_separator: a token of ASCII letters, digits and `-`, optional blanks, then `:`.
    static func separatorIndex(_ bytes: [UInt8], _ line: Range<Int>) -> Int? {
        var whitespaceFound = false
        for index in line {
            let c = bytes[index]
            if c == UInt8(ascii: ":") { return index }
            let isToken = (c >= 0x30 && c <= 0x39) || (c | 0x20 >= 0x61 && c | 0x20 <= 0x7A) || c == UInt8(ascii: "-")
            if !whitespaceFound && isToken { continue }
            if index != line.lowerBound && (c == 0x20 || c == 0x09) {
                whitespaceFound = true
                continue
            }
            return nil
        }
        return nil
    }
}
