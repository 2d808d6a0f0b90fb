import Foundation

/// A column of strings kept as one text (NUL-separated, after the count), so that a checkpoint of many
/// thousand commits encodes and decodes as a few strings rather than as many thousand JSON values.
/// Git paths and shas never hold NUL.
public struct PackedStrings: Codable, Sendable, Equatable {
    private var text: String

    public init(_ strings: some Sequence<String>) {
        var text = ""
        var count = 0
        for string in strings {
            text += "\0"
            text += string
            count += 1
        }
        self.text = String(count) + text
    }

    /// The strings; nil when the text does not hold the count it starts with (a damaged file).
    public var strings: [String]? {
        let fields = text.utf8.split(separator: 0, omittingEmptySubsequences: false)
        guard let first = fields.first, let count = Int(String(decoding: first, as: UTF8.self)), count == fields.count - 1
        else { return nil }
        return fields.dropFirst().map { String(decoding: $0, as: UTF8.self) }
    }

    public init(from decoder: Decoder) throws {
        text = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }
}

/// A column of integer lists kept as variable-length bytes (zigzag LEB128, each list after its
/// length), encoded as one base64 string.
public struct PackedIntegers: Codable, Sendable, Equatable {
    private var data: Data

    public init(lists: some Sequence<[Int]>) {
        var bytes: [UInt8] = []
        for list in lists {
            Self.append(list.count, to: &bytes)
            for value in list { Self.append(value, to: &bytes) }
        }
        data = Data(bytes)
    }

    /// One integer per row.
    public init(_ values: some Sequence<Int>) {
        self.init(lists: values.lazy.map { [$0] })
    }

    /// The lists; nil when the bytes end inside one (a damaged file).
    public var lists: [[Int]]? {
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
    public var values: [Int]? {
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

    public init(from decoder: Decoder) throws {
        data = try decoder.singleValueContainer().decode(Data.self)
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(data)
    }
}
