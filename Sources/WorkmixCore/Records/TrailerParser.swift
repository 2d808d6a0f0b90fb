import Foundation

/// Reads a message's trailers as `git interpret-trailers --parse` does: only the last paragraph (never
/// the subject), `Key: value` lines, continuation lines (starting with white space) unfolded, and a
/// paragraph counted as trailers only when all its lines are trailers, or a quarter of them with a
/// git-generated one (`Signed-off-by: `, `(cherry picked from commit `) among them.
///
/// libgit2 1.5's `git_message_trailers` is not used: it returns nothing when the message has a `---` line.
public enum TrailerParser {
    static let gitGeneratedPrefixes = ["Signed-off-by: ", "(cherry picked from commit "]

    public static func parse(_ message: String) -> [Trailer] {
        let text = message.contains("\r") ? message.replacingOccurrences(of: "\r\n", with: "\n") : message
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        // The first paragraph is the title and cannot hold trailers.
        var endOfTitle = 0
        while endOfTitle < lines.count, !isBlank(lines[endOfTitle]) { endOfTitle += 1 }
        guard endOfTitle < lines.count else { return [] }

        var trailerLines = 0, nonTrailerLines = 0, possibleContinuations = 0
        var recognizedPrefix = false, onlySpaces = true
        var start: Int?
        var index = lines.count - 1
        while index >= endOfTitle {
            let line = lines[index]
            if line.hasPrefix("#") {
                nonTrailerLines += possibleContinuations
                possibleContinuations = 0
            } else if isBlank(line) {
                if !onlySpaces {
                    nonTrailerLines += possibleContinuations
                    if (recognizedPrefix && trailerLines * 3 >= nonTrailerLines) || (trailerLines > 0 && nonTrailerLines == 0) {
                        start = index + 1
                    }
                    break
                }
            } else {
                onlySpaces = false
                if gitGeneratedPrefixes.contains(where: { line.hasPrefix($0) }) {
                    trailerLines += 1
                    possibleContinuations = 0
                    recognizedPrefix = true
                } else if let separator = separatorIndex(line), separator > line.startIndex, !line.first!.isWhitespace {
                    trailerLines += 1
                    possibleContinuations = 0
                } else if line.first!.isWhitespace {
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
        for line in lines[start...] where !line.hasPrefix("#") && !isBlank(line) {
            if line.first!.isWhitespace {
                if current != nil { current!.value += " " + line.trimmingWhitespace() }
                continue
            }
            if let trailer = current { trailers.append(trailer) }
            current = nil
            if let separator = separatorIndex(line), separator > line.startIndex {
                let key = line[..<separator].trimmingWhitespace()
                let value = line[line.index(after: separator)...].trimmingWhitespace()
                current = Trailer(key: key, value: value)
            }
        }
        if let trailer = current { trailers.append(trailer) }
        return trailers
    }

    static func isBlank(_ line: Substring) -> Bool { line.allSatisfy(\.isWhitespace) }

    /// git's find_separator: a token of letters, digits and `-`, optional blanks, then `:`.
    static func separatorIndex(_ line: Substring) -> Substring.Index? {
        var whitespaceFound = false
        var index = line.startIndex
        while index < line.endIndex {
            let c = line[index]
            if c == ":" { return index }
            if !whitespaceFound && (c.isLetter || c.isNumber || c == "-") && c.isASCII {
                index = line.index(after: index)
                continue
            }
            if index != line.startIndex && (c == " " || c == "\t") {
                whitespaceFound = true
                index = line.index(after: index)
                continue
            }
            return nil
        }
        return nil
    }
}
