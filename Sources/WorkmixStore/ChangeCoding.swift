import Foundation
import WorkmixCore

/// File changes as the store keeps them: six NUL-separated fields per file (status, insertions,
/// deletions, binary, path, old path). Git paths never hold NUL, so any other byte is safe.
package enum ChangeCoding {
    /// The detail kept: 1 paths, 2 line counts. Nothing else is stored: an unreadable tree or blob is
    /// asked again next time, as a run without the store would.
    static func detail(of info: ChangeInfo) -> Int? {
        switch info {
        case .paths: return 1
        case .computed: return 2
        case .notComputed, .unavailable, .linesUnavailable: return nil
        }
    }

    static func encode(_ changes: [FileChange]) -> Data {
        var fields: [String] = []
        fields.reserveCapacity(changes.count * 6)
        for change in changes {
            fields += [
                change.status.rawValue, String(change.insertions), String(change.deletions),
                change.binary ? "1" : "0", change.path, change.oldPath ?? "",
            ]
        }
        return Data(fields.joined(separator: "\0").utf8)
    }

    static func decode(_ data: Data, detail: Int) -> ChangeInfo? {
        if data.isEmpty { return detail == 2 ? .computed([]) : .paths([]) }
        // One pass over the bytes: strings are made for the paths only (a report decodes every commit).
        let changes: [FileChange]? = data.withUnsafeBytes { raw in
            var fields = FieldReader(bytes: raw.bindMemory(to: UInt8.self))
            var changes: [FileChange] = []
            while !fields.atEnd {
                guard let status = fields.next().flatMap({ FileChange.Status(rawValue: String(decoding: $0, as: UTF8.self)) }),
                    let insertions = fields.next().flatMap(FieldReader.integer),
                    let deletions = fields.next().flatMap(FieldReader.integer),
                    let binary = fields.next(), let path = fields.next(), let oldPath = fields.next()
                else { return nil }
                changes.append(
                    FileChange(
                        path: String(decoding: path, as: UTF8.self),
                        oldPath: oldPath.isEmpty ? nil : String(decoding: oldPath, as: UTF8.self), status: status,
                        insertions: insertions, deletions: deletions, binary: binary.count == 1 && binary[binary.startIndex] == UInt8(ascii: "1")))
            }
            return changes
        }
        return changes.map { detail == 2 ? .computed($0) : .paths($0) }
    }

    /// What a run that asked for `detail` would have read: paths alone are what a tree comparison
    /// gives, without the line counts' other fields.
    package static func narrowed(_ info: ChangeInfo, to detail: ChangeDetail) -> ChangeInfo {
        guard detail == .paths, case .computed(let changes) = info else { return info }
        return .paths(changes.map { FileChange(path: $0.path, status: $0.status) })
    }
}

/// NUL-separated fields of stored changes, read in place.
private struct FieldReader {
    let bytes: UnsafeBufferPointer<UInt8>
    private var position = 0
    /// Past the last field (after a trailing field, which may be empty, there is none).
    private(set) var atEnd: Bool

    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        atEnd = bytes.isEmpty
    }

    mutating func next() -> Slice<UnsafeBufferPointer<UInt8>>? {
        guard !atEnd else { return nil }
        let start = position
        while position < bytes.count && bytes[position] != 0 { position += 1 }
        let field = bytes[start..<position]
        if position == bytes.count { atEnd = true } else { position += 1 }
        return field
    }

    static func integer(_ field: Slice<UnsafeBufferPointer<UInt8>>) -> Int? {
        guard !field.isEmpty, field.count < 19 else { return nil }
        var value = 0
        for byte in field {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }
}
