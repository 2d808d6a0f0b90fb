/// Builds JSON text directly, in a fixed key order. Foundation's JSONEncoder costs ~20 µs a record,
/// which alone would double a metadata scan; this writes straight into one string.
package struct JSONWriter {
    /// UTF-8 bytes: appending to an array is several times cheaper than appending to a String, and a
    /// long scan writes tens of thousands of rows.
    private var bytes: [UInt8] = []
    private var needsComma: [Bool] = [false]

    /// The JSON written so far.
    package var text: String { String(decoding: bytes, as: UTF8.self) }

    package init() {}

    /// A writer with room for `capacity` bytes: a row's text then grows without copying.
    package init(capacity: Int) {
        bytes.reserveCapacity(capacity)
    }

    private mutating func append(_ literal: StaticString) {
        literal.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    private mutating func append(_ string: String) {
        var string = string
        string.withUTF8 { bytes.append(contentsOf: $0) }
    }

    private mutating func separate() {
        if needsComma[needsComma.count - 1] { bytes.append(UInt8(ascii: ",")) }
        needsComma[needsComma.count - 1] = true
    }

    package mutating func beginObject(_ key: String? = nil) {
        prefix(key)
        bytes.append(UInt8(ascii: "{"))
        needsComma.append(false)
    }

    package mutating func endObject() {
        needsComma.removeLast()
        bytes.append(UInt8(ascii: "}"))
    }

    package mutating func beginArray(_ key: String? = nil) {
        prefix(key)
        bytes.append(UInt8(ascii: "["))
        needsComma.append(false)
    }

    package mutating func endArray() {
        needsComma.removeLast()
        bytes.append(UInt8(ascii: "]"))
    }

    private mutating func prefix(_ key: String?) {
        separate()
        if let key {
            JSONWriter.appendQuoted(key, to: &bytes)
            bytes.append(UInt8(ascii: ":"))
        }
    }

    package mutating func string(_ key: String?, _ value: String) {
        prefix(key)
        JSONWriter.appendQuoted(value, to: &bytes)
    }

    package mutating func optionalString(_ key: String?, _ value: String?) {
        if let value { string(key, value) } else { null(key) }
    }

    package mutating func int(_ key: String?, _ value: Int) {
        prefix(key)
        append(String(value))
    }

    /// A fraction, rounded to 4 decimals so that output is stable across platforms.
    package mutating func double(_ key: String?, _ value: Double) {
        prefix(key)
        append(JSONWriter.format(value))
    }

    package mutating func bool(_ key: String?, _ value: Bool) {
        prefix(key)
        append(value ? "true" : "false")
    }

    /// Ends a JSON line.
    package mutating func newline() {
        bytes.append(UInt8(ascii: "\n"))
    }

    package mutating func null(_ key: String?) {
        prefix(key)
        append("null")
    }

    package static func format(_ value: Double) -> String {
        guard value.isFinite else { return "null" }
        let rounded = (value * 10000).rounded() / 10000
        if rounded == rounded.rounded() && abs(rounded) < 1e15 { return String(Int(rounded)) }
        return String(rounded)
    }

    /// The escape for the character at `index`, and its width in bytes; nil when it needs none.
    /// U+2028, U+2029 (E2 80 A8/A9) and U+0085 (C2 85) end lines for JavaScript and for readers that
    /// split on Unicode line breaks: escaped, so a JSON line stays one line.
    private static func escape(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (text: String, width: Int)? {
        let byte = bytes[index]
        switch byte {
        case 0x22: return ("\\\"", 1)
        case 0x5C: return ("\\\\", 1)
        case 0x0A: return ("\\n", 1)
        case 0x0D: return ("\\r", 1)
        case 0x09: return ("\\t", 1)
        case 0..<0x20:
            let hex = String(byte, radix: 16)
            return ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex, 1)
        case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80 && bytes[index + 2] == 0xA8:
            return ("\\u2028", 3)
        case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80 && bytes[index + 2] == 0xA9:
            return ("\\u2029", 3)
        case 0xC2 where index + 1 < bytes.count && bytes[index + 1] == 0x85:
            return ("\\u0085", 2)
        default:
            return nil
        }
    }

    /// Appends `value` in quotes, escaped. Most values (names, emails, subjects) need no escape: they
    /// are copied in one piece.
    static func appendQuoted(_ value: String, to out: inout [UInt8]) {
        var value = value
        out.append(UInt8(ascii: "\""))
        value.withUTF8 { bytes in
            var plainStart = 0
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                // Only these bytes can start an escape.
                if byte >= 0x20 && byte != 0x22 && byte != 0x5C && byte != 0xE2 && byte != 0xC2 {
                    index += 1
                    continue
                }
                guard let escape = escape(bytes, at: index) else {
                    index += 1
                    continue
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[plainStart..<index]))
                out.append(contentsOf: escape.text.utf8)
                index += escape.width
                plainStart = index
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[plainStart..<bytes.count]))
        }
        out.append(UInt8(ascii: "\""))
    }
}
