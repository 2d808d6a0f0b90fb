import Foundation

/// A column of strings kept as one value, so that a checkpoint of many thousand commits encodes and
/// decodes as a few strings rather than as many thousand JSON values: shas (lowercase hex of one
/// width) as their bytes, anything else as one text (NUL-separated, after the count; git paths and
/// shas never hold NUL).
package struct PackedStrings: Codable, Sendable, Equatable {
    private var text: String?
    /// Hex strings of `width` digits each, as bytes.
    private var width: Int?
    private var bytes: Data?

    package init(_ strings: some Sequence<String>) {
        let strings = Array(strings)
        if let width = strings.first?.utf8.count, width > 0, width % 2 == 0,
            let bytes = Self.hexBytes(strings, width: width)
        {
            self.width = width
            self.bytes = bytes
            return
        }
        var text = String(strings.count)
        for string in strings {
            text += "\0"
            text += string
        }
        self.text = text
    }

    /// The strings; nil when the value does not hold together (a damaged file).
    package var strings: [String]? {
        if let width, let bytes {
            let size = width / 2
            guard size > 0, bytes.count % size == 0 else { return nil }
            return stride(from: 0, to: bytes.count, by: size).map { start in
                bytes[(bytes.startIndex + start)..<(bytes.startIndex + start + size)].map { Self.digits[Int($0)] }.joined()
            }
        }
        guard let text else { return nil }
        let fields = text.utf8.split(separator: 0, omittingEmptySubsequences: false)
        guard let first = fields.first, let count = Int(String(decoding: first, as: UTF8.self)), count == fields.count - 1
        else { return nil }
        return fields.dropFirst().map { String(decoding: $0, as: UTF8.self) }
    }

    private static let digits = (0..<256).map { String(format: "%02x", $0) }

    /// The bytes of strings that are all lowercase hex of `width` digits; nil otherwise.
    private static func hexBytes(_ strings: [String], width: Int) -> Data? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(strings.count * width / 2)
        for string in strings {
            guard string.utf8.count == width else { return nil }
            var high: UInt8?
            for character in string.utf8 {
                let value: UInt8
                switch character {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): value = character - UInt8(ascii: "0")
                case UInt8(ascii: "a")...UInt8(ascii: "f"): value = character - UInt8(ascii: "a") + 10
                default: return nil
                }
                if let first = high {
                    bytes.append(first << 4 | value)
                    high = nil
                } else {
                    high = value
                }
            }
        }
        return Data(bytes)
    }
}

/// A column of integer lists kept as variable-length bytes (zigzag LEB128, each list after its
/// length), encoded as one base64 string.
package struct PackedIntegers: Codable, Sendable, Equatable {
    private var data: Data

    package init(lists: some Sequence<[Int]>) {
        var bytes: [UInt8] = []
        for list in lists {
            Self.append(list.count, to: &bytes)
            for value in list { Self.append(value, to: &bytes) }
        }
        data = Data(bytes)
    }

    /// One integer per row.
    package init(_ values: some Sequence<Int>) {
        self.init(lists: values.lazy.map { [$0] })
    }

    /// The lists; nil when the bytes end inside one (a damaged file).
    package var lists: [[Int]]? {
        data.withUnsafeBytes { raw -> [[Int]]? in
            var position = 0
            var lists: [[Int]] = []
            while position < raw.count {
                guard let count = Self.read(raw, &position), count >= 0, count <= raw.count - position else { return nil }
                var list: [Int] = []
                list.reserveCapacity(count)
                for _ in 0..<count {
                    guard let value = Self.read(raw, &position) else { return nil }
                    list.append(value)
                }
                lists.append(list)
            }
            return lists
        }
    }

    /// One integer per row; nil unless every list holds one.
    package var values: [Int]? {
        guard let lists, lists.allSatisfy({ $0.count == 1 }) else { return nil }
        return lists.map { $0[0] }
    }

    private static func append(_ value: Int, to bytes: inout [UInt8]) {
        var zigzag = UInt64(bitPattern: Int64((value << 1) ^ (value >> 63)))
        while zigzag >= 0x80 {
            bytes.append(UInt8(zigzag & 0x7f) | 0x80)
            zigzag >>= 7
        }
        bytes.append(UInt8(zigzag))
    }

    private static func read(_ raw: UnsafeRawBufferPointer, _ position: inout Int) -> Int? {
        var zigzag: UInt64 = 0
        var shift: UInt64 = 0
        while position < raw.count, shift < 64 {
            let byte = raw[position]
            position += 1
            zigzag |= UInt64(byte & 0x7f) << shift
            if byte < 0x80 {
                let value = Int64(bitPattern: zigzag >> 1) ^ -Int64(bitPattern: zigzag & 1)
                return Int(value)
            }
            shift += 7
        }
        return nil
    }

    package init(from decoder: Decoder) throws {
        data = try decoder.singleValueContainer().decode(Data.self)
    }

    package func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(data)
    }
}
