/// Builds JSON text directly, in a fixed key order. Foundation's JSONEncoder costs ~20 µs a record,
/// which alone would double a metadata scan; this writes straight into one string.
public struct JSONWriter {
    public private(set) var text = ""
    private var needsComma: [Bool] = [false]

    public init() {}

    private mutating func separate() {
        if needsComma[needsComma.count - 1] { text += "," }
        needsComma[needsComma.count - 1] = true
    }

    public mutating func beginObject(_ key: String? = nil) {
        prefix(key)
        text += "{"
        needsComma.append(false)
    }

    public mutating func endObject() {
        needsComma.removeLast()
        text += "}"
    }

    public mutating func beginArray(_ key: String? = nil) {
        prefix(key)
        text += "["
        needsComma.append(false)
    }

    public mutating func endArray() {
        needsComma.removeLast()
        text += "]"
    }

    private mutating func prefix(_ key: String?) {
        separate()
        if let key {
            JSONWriter.appendQuoted(key, to: &text)
            text += ":"
        }
    }

    public mutating func string(_ key: String?, _ value: String) {
        prefix(key)
        JSONWriter.appendQuoted(value, to: &text)
    }

    public mutating func optionalString(_ key: String?, _ value: String?) {
        if let value { string(key, value) } else { null(key) }
    }

    public mutating func int(_ key: String?, _ value: Int) {
        prefix(key)
        text += String(value)
    }

    /// A fraction, rounded to 4 decimals so that output is stable across platforms.
    public mutating func double(_ key: String?, _ value: Double) {
        prefix(key)
        text += JSONWriter.format(value)
    }

    public mutating func bool(_ key: String?, _ value: Bool) {
        prefix(key)
        text += value ? "true" : "false"
    }

    public mutating func null(_ key: String?) {
        prefix(key)
        text += "null"
    }

    public static func format(_ value: Double) -> String {
        guard value.isFinite else { return "null" }
        let rounded = (value * 10000).rounded() / 10000
        if rounded == rounded.rounded() && abs(rounded) < 1e15 { return String(Int(rounded)) }
        return String(rounded)
    }

    private static func lineBreakEscape(_ utf8: String.UTF8View, at index: String.Index) -> (text: String, end: String.Index)? {
        let bytes = utf8[index...].prefix(3)
        if bytes.starts(with: [0xE2, 0x80, 0xA8]) { return ("\\u2028", utf8.index(index, offsetBy: 3)) }
        if bytes.starts(with: [0xE2, 0x80, 0xA9]) { return ("\\u2029", utf8.index(index, offsetBy: 3)) }
        if bytes.starts(with: [0xC2, 0x85]) { return ("\\u0085", utf8.index(index, offsetBy: 2)) }
        return nil
    }

    public static func appendQuoted(_ value: String, to text: inout String) {
        text += "\""
        var plainStart = value.utf8.startIndex
        let utf8 = value.utf8
        var index = utf8.startIndex
        while index != utf8.endIndex {
            let byte = utf8[index]
            // U+2028, U+2029 (E2 80 A8/A9) and U+0085 (C2 85) end lines for JavaScript and for readers
            // that split on Unicode line breaks: escaped, so a JSON line stays one line.
            if byte == 0xE2 || byte == 0xC2, let escape = lineBreakEscape(utf8, at: index) {
                text += Substring(utf8[plainStart..<index])
                text += escape.text
                plainStart = escape.end
                index = escape.end
                continue
            }
            if byte < 0x20 || byte == 0x22 || byte == 0x5C {
                text += Substring(utf8[plainStart..<index])
                switch byte {
                case 0x22: text += "\\\""
                case 0x5C: text += "\\\\"
                case 0x0A: text += "\\n"
                case 0x0D: text += "\\r"
                case 0x09: text += "\\t"
                default:
                    let hex = String(byte, radix: 16)
                    text += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                }
                plainStart = utf8.index(after: index)
            }
            index = utf8.index(after: index)
        }
        text += Substring(utf8[plainStart..<utf8.endIndex])
        text += "\""
    }
}
