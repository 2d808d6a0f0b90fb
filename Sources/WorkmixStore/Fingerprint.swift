/// A 128-bit FNV-1a digest of a sequence of texts, as 32 hex digits: names a classification's inputs
/// (rules, model, config, version) and a repository's store file. Not cryptographic; it only has to
/// tell inputs apart.
package struct Fingerprint {
    private var low: UInt64 = 0xcbf2_9ce4_8422_2325
    private var high: UInt64 = 0x8422_2325_cbf2_9ce4

    init() {}

    /// Adds a text, with its length, so that ("ab", "c") and ("a", "bc") differ.
    mutating func add(_ text: String) {
        add(bytes: Array(String(text.utf8.count).utf8) + [0])
        add(bytes: Array(text.utf8))
    }

    private mutating func add(bytes: [UInt8]) {
        for byte in bytes {
            low = (low ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
            high = (high ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 &+ low
        }
    }

    var hex: String {
        func digits(_ value: UInt64) -> String {
            let text = String(value, radix: 16)
            return String(repeating: "0", count: 16 - text.count) + text
        }
        return digits(high) + digits(low)
    }

    package static func of(_ texts: [String]) -> String {
        var fingerprint = Fingerprint()
        for text in texts { fingerprint.add(text) }
        return fingerprint.hex
    }
}
