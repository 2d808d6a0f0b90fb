internal import Clibgit2

/// A 20-byte SHA-1 object id, hashable and cheap to copy.
package struct ObjectID: Hashable, Sendable, CustomStringConvertible {
    // Stored as three words so that hashing and comparing are a few instructions.
    let a: UInt64, b: UInt64, c: UInt32

    init(_ oid: git_oid) {
        var copy = oid
        self = withUnsafeBytes(of: &copy.id) { ObjectID(loading: $0, at: 0) }
    }

    /// The id in the 20 bytes at `offset` (the caller checked there are 20).
    private init(loading raw: UnsafeRawBufferPointer, at offset: Int) {
        a = raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
        b = raw.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self)
        c = raw.loadUnaligned(fromByteOffset: offset + 16, as: UInt32.self)
    }

    init(_ pointer: UnsafePointer<git_oid>) { self.init(pointer.pointee) }

    /// The 20 bytes at `raw` (a store's column, read in place; a store keeps ids in half the room of
    /// their hex); nil for any other length.
    package init?(raw: UnsafeRawBufferPointer) {
        guard raw.count == 20 else { return nil }
        self.init(loading: raw, at: 0)
    }

    /// Ids laid end to end, 20 bytes each (a commit's parents in a store); nil when the length is not
    /// a multiple of 20.
    package static func list(raw: UnsafeRawBufferPointer) -> [ObjectID]? {
        guard raw.count % 20 == 0 else { return nil }
        return stride(from: 0, to: raw.count, by: 20).map { ObjectID(loading: raw, at: $0) }
    }

    package var bytes: [UInt8] {
        var oid = raw
        return withUnsafeBytes(of: &oid.id) { Array($0.prefix(20)) }
    }

    /// Parses 40 hex digits.
    package init?(hex: String) {
        guard hex.utf8.count == 40 else { return nil }
        var oid = git_oid()
        guard git_oid_fromstr(&oid, hex) == 0 else { return nil }
        self.init(oid)
    }

    var raw: git_oid {
        var oid = git_oid()
        withUnsafeMutableBytes(of: &oid.id) { raw in
            raw.storeBytes(of: a, toByteOffset: 0, as: UInt64.self)
            raw.storeBytes(of: b, toByteOffset: 8, as: UInt64.self)
            raw.storeBytes(of: c, toByteOffset: 16, as: UInt32.self)
        }
        return oid
    }

    package var hex: String {
        var oid = raw
        let digits: [UInt8] = Array("0123456789abcdef".utf8)
        return withUnsafeBytes(of: &oid.id) { bytes in
            String(unsafeUninitializedCapacity: 40) { buffer in
                for i in 0..<20 {
                    buffer[2 * i] = digits[Int(bytes[i] >> 4)]
                    buffer[2 * i + 1] = digits[Int(bytes[i] & 0xf)]
                }
                return 40
            }
        }
    }

    package var description: String { hex }
}
