import Foundation

/// A regular expression as rules write it, compiled once. The only place that knows the regex engine
/// (Foundation's `NSRegularExpression`, ICU syntax), so another engine can be swapped in here alone.
///
/// Patterns that are plain literals (optionally `(?i)` and `^`/`$` anchored) skip the engine: most
/// rule patterns are not, but the check is free and literal ones are common in user rules.
public struct Pattern: Sendable, Hashable, CustomStringConvertible {
    /// The pattern as written.
    public let source: String
    private let engine: Engine

    public struct SyntaxError: Error, CustomStringConvertible {
        public let pattern: String
        public let reason: String
        public var description: String { "invalid regular expression '\(pattern)': \(reason)" }
    }

    public init(_ source: String) throws {
        self.source = source
        if let literal = Literal(source) {
            engine = .literal(literal)
        } else {
            do {
                engine = .regex(RegexBox(try NSRegularExpression(pattern: source)))
            } catch {
                throw SyntaxError(pattern: source, reason: (error as NSError).localizedDescription)
            }
        }
    }

    public func matches(_ text: String) -> Bool {
        switch engine {
        case .literal(let literal): return literal.matches(text)
        case .regex(let box):
            let range = NSRange(text.startIndex..<text.endIndex, in: text)
            return box.regex.firstMatch(in: text, options: [], range: range) != nil
        }
    }

    public var description: String { source }

    public static func == (lhs: Pattern, rhs: Pattern) -> Bool { lhs.source == rhs.source }
    public func hash(into hasher: inout Hasher) { hasher.combine(source) }

    private enum Engine: Sendable {
        case literal(Literal)
        case regex(RegexBox)
    }
}

/// `NSRegularExpression` is immutable and documented as safe to use from several threads.
private final class RegexBox: @unchecked Sendable {
    let regex: NSRegularExpression
    init(_ regex: NSRegularExpression) { self.regex = regex }
}

/// A pattern without regex metacharacters: `(?i)` then `^`? literal `$`?.
private struct Literal: Sendable {
    let text: String
    let caseInsensitive: Bool
    let anchoredStart: Bool
    let anchoredEnd: Bool

    init?(_ source: String) {
        var rest = Substring(source)
        caseInsensitive = rest.hasPrefix("(?i)")
        if caseInsensitive { rest = rest.dropFirst(4) }
        anchoredStart = rest.hasPrefix("^")
        if anchoredStart { rest = rest.dropFirst() }
        anchoredEnd = rest.hasSuffix("$")
        if anchoredEnd { rest = rest.dropLast() }
        let meta: Set<Character> = ["\\", ".", "*", "+", "?", "(", ")", "[", "]", "{", "}", "|", "^", "$"]
        guard !rest.isEmpty, !rest.contains(where: { meta.contains($0) }),
              rest.allSatisfy({ $0.isASCII }) || !caseInsensitive else { return nil }
        text = String(rest)
    }

    func matches(_ subject: String) -> Bool {
        // `$` in ICU also matches before a final line terminator; literal patterns keep that rule.
        var subject = Substring(subject)
        if anchoredEnd, subject.hasSuffix("\n") { subject = subject.dropLast() }
        let options: String.CompareOptions = caseInsensitive ? [.caseInsensitive] : []
        switch (anchoredStart, anchoredEnd) {
        case (true, true):
            return subject.count == text.count && subject.range(of: text, options: options.union(.anchored)) != nil
        case (true, false): return subject.range(of: text, options: options.union(.anchored)) != nil
        case (false, true): return subject.range(of: text, options: options.union([.anchored, .backwards])) != nil
        case (false, false): return subject.range(of: text, options: options) != nil
        }
    }
}
