import Foundation

/// One libpq connection: statements with parameters (text, or bytes sent as binary), results read as
/// text. Not shared between threads. libpq is loaded by the first connection (`Libpq`).
// @unchecked: a libpq connection handle, used by one thread at a time (under `StoreSession`'s mutex).
final class PostgresConnection: @unchecked Sendable {
    /// A statement parameter.
    enum Value {
        case text(String)
        case bytes([UInt8])
        case int(Int64)
        case bool(Bool)
        case null
    }

    let url: StoreURL
    private let pq: Libpq
    private let connection: OpaquePointer
    private var prepared: [String: String] = [:]

    /// Connects, or throws `.unreachable` / `.rejected` with libpq's words (never the password), or
    /// an `InputError` when libpq is not installed.
    init(url: StoreURL) throws {
        self.url = url
        let pq = try Libpq.loaded()
        self.pq = pq
        // Defaults the URL may override: libpq reads later keywords over earlier ones.
        let keywords = ["connect_timeout", "application_name", "dbname"]
        let values = ["10", "workmix", url.text]
        let connection = withCStrings(keywords) { keys in
            withCStrings(values) { vals in pq.connectdbParams(keys, vals, 1) }
        }
        guard let connection else { throw StoreServerError(url: url, kind: .unreachable, detail: "out of memory") }
        guard pq.status(connection) == Libpq.connectionOK else {
            let detail = Self.message(pq.errorMessage(connection))
            pq.finish(connection)
            throw StoreServerError(url: url, kind: Self.isAuthentication(detail) ? .rejected : .unreachable, detail: detail)
        }
        // The server's notices ("already exists, skipping") are not the user's business.
        _ = pq.setNoticeProcessor(connection, { _, _ in }, nil)
        self.connection = connection
    }

    deinit { pq.finish(connection) }

    /// libpq's words on one line.
    static func message(_ text: UnsafePointer<CChar>?) -> String {
        guard let text else { return "unknown error" }
        let lines = String(cString: text).split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
        return lines.filter { !$0.isEmpty }.joined(separator: " ")
    }

    private static func isAuthentication(_ detail: String) -> Bool {
        ["authentication failed", "no password supplied", "role \"", "database \"", "no pg_hba.conf entry"].contains {
            detail.contains($0)
        }
    }

    /// Runs one statement (without parameters: several, separated by semicolons); returns its rows as
    /// text (nil for SQL NULL). A statement with parameters is prepared once per connection.
    @discardableResult
    func execute(_ sql: String, _ parameters: [Value] = []) throws -> [[String?]] {
        let result: OpaquePointer?
        if parameters.isEmpty {
            result = pq.exec(connection, sql)
        } else {
            let name = try prepare(sql, count: parameters.count)
            result = Self.withParameters(parameters) { pq.execPrepared(connection, name, $0, $1, $2, $3, 0) }
        }
        defer { pq.clear(result) }
        let status = pq.resultStatus(result)
        guard status == Libpq.commandOK || status == Libpq.tuplesOK else { throw failure(result) }
        return rows(of: result)
    }

    /// Runs statements that return no rows, pipelined (libpq's pipeline mode): all are sent, then
    /// the answers read, one round trip in all. Throws the first failure once every answer is in.
    func executeAll(_ statements: [(sql: String, parameters: [Value])]) throws {
        let names = try statements.map { try prepare($0.sql, count: $0.parameters.count) }
        guard !statements.isEmpty else { return }
        guard pq.enterPipelineMode(connection) == 1 else { throw failure(nil) }
        defer { _ = pq.exitPipelineMode(connection) }
        for (name, statement) in zip(names, statements) {
            let sent = Self.withParameters(statement.parameters) { pq.sendQueryPrepared(connection, name, $0, $1, $2, $3, 0) }
            guard sent == 1 else { throw failure(nil) }
        }
        guard pq.pipelineSync(connection) == 1 else { throw failure(nil) }
        var firstFailure: StoreServerError?
        var ends = 0
        while true {
            guard pq.status(connection) == Libpq.connectionOK else { throw failure(nil) }
            // Nil ends each statement's answers; the sync's own answer ends the pipeline.
            guard let result = pq.getResult(connection) else {
                ends += 1
                if ends > statements.count { throw firstFailure ?? failure(nil) }
                continue
            }
            defer { pq.clear(result) }
            let status = pq.resultStatus(result)
            if status == Libpq.pipelineSyncStatus { break }
            if status != Libpq.commandOK && status != Libpq.tuplesOK && status != Libpq.pipelineAbortedStatus {
                firstFailure = firstFailure ?? failure(result)
            }
        }
        if let firstFailure { throw firstFailure }
    }

    /// Runs a query and hands `body` its rows one by one, read in binary (no text to parse: this is
    /// how a whole history is loaded).
    func forEachRow(_ sql: String, _ parameters: [Value], _ body: (BinaryRow) throws -> Void) throws {
        let name = try prepare(sql, count: parameters.count)
        let result = Self.withParameters(parameters) { pq.execPrepared(connection, name, $0, $1, $2, $3, 1) }
        defer { pq.clear(result) }
        guard pq.resultStatus(result) == Libpq.tuplesOK, let result else { throw failure(result) }
        for row in 0..<pq.ntuples(result) { try body(BinaryRow(pq: pq, result: result, row: row)) }
    }

    /// One row of a binary result, valid during `forEachRow`'s body.
    struct BinaryRow {
        let pq: Libpq
        let result: OpaquePointer
        let row: Int32

        func isNull(_ column: Int32) -> Bool { pq.getisnull(result, row, column) != 0 }

        /// The column's bytes as the server sent them (empty for NULL).
        func bytes(_ column: Int32) -> UnsafeRawBufferPointer {
            guard let value = pq.getvalue(result, row, column) else { return UnsafeRawBufferPointer(start: nil, count: 0) }
            return UnsafeRawBufferPointer(start: value, count: Int(pq.getlength(result, row, column)))
        }

        func text(_ column: Int32) -> String? {
            isNull(column) ? nil : String(decoding: bytes(column), as: UTF8.self)
        }

        /// A `bigint` or `integer` column (big-endian on the wire).
        func integer(_ column: Int32) -> Int64? {
            let raw = bytes(column)
            guard !isNull(column), raw.count == 8 || raw.count == 4 else { return nil }
            let value = raw.reduce(Int64(0)) { $0 << 8 | Int64($1) }
            return raw.count == 4 ? Int64(Int32(truncatingIfNeeded: value)) : value
        }
    }

    /// libpq's parameter arrays (count, values, lengths, formats): text, except bytes sent as binary.
    private static func withParameters<T>(
        _ parameters: [Value], _ body: (Int32, [UnsafePointer<CChar>?], [Int32], [Int32]) -> T
    ) -> T {
        let buffers: [[UInt8]?] = parameters.map(Self.bytes)
        let lengths = buffers.map { Int32($0?.count ?? 0) }
        let formats = parameters.map { value -> Int32 in
            if case .bytes = value { return 1 }
            return 0
        }
        return withBuffers(buffers) { body(Int32(parameters.count), $0, lengths, formats) }
    }

    /// The name `sql` is prepared under on this connection.
    private func prepare(_ sql: String, count: Int) throws -> String {
        if let name = prepared[sql] { return name }
        let name = "workmix_\(prepared.count)"
        let result = pq.prepare(connection, name, sql, Int32(count), nil)
        defer { pq.clear(result) }
        guard pq.resultStatus(result) == Libpq.commandOK else { throw failure(result) }
        prepared[sql] = name
        return name
    }

    /// Runs `body` in one transaction: committed when it returns, rolled back when it throws.
    func transaction<T>(_ body: () throws -> T) throws -> T {
        try execute("BEGIN")
        do {
            let value = try body()
            try execute("COMMIT")
            return value
        } catch {
            if pq.status(connection) == Libpq.connectionOK { _ = try? execute("ROLLBACK") }
            throw error
        }
    }

    /// Text parameters as NUL-ended bytes, binary ones as they are.
    private static func bytes(_ value: Value) -> [UInt8]? {
        switch value {
        case .text(let text): return Array(text.utf8.prefix { $0 != 0 }) + [0]
        case .bytes(let bytes): return bytes
        case .int(let number): return Array(String(number).utf8) + [0]
        case .bool(let flag): return Array((flag ? "t" : "f").utf8) + [0]
        case .null: return nil
        }
    }

    private func rows(of result: OpaquePointer?) -> [[String?]] {
        let count = pq.ntuples(result), columns = pq.nfields(result)
        return (0..<count).map { row in
            (0..<columns).map { column in
                pq.getisnull(result, row, column) != 0 ? nil : pq.getvalue(result, row, column).map { String(cString: $0) }
            }
        }
    }

    /// What went wrong, sorted: a statement timeout, a dropped connection, or anything else.
    private func failure(_ result: OpaquePointer?) -> StoreServerError {
        let detail = Self.message(result.map { pq.resultErrorMessage($0) } ?? pq.errorMessage(connection))
        let state = result.flatMap { pq.resultErrorField($0, Int32(UInt8(ascii: "C"))) }.map { String(cString: $0) }
        if pq.status(connection) != Libpq.connectionOK { return StoreServerError(url: url, kind: .connectionLost, detail: detail) }
        if state == "57014" { return StoreServerError(url: url, kind: .timeout, detail: detail) }
        return StoreServerError(url: url, kind: .failed, detail: detail)
    }
}

/// C strings for libpq's NULL-ended keyword arrays, valid during `body`.
private func withCStrings<T>(_ strings: [String], _ body: ([UnsafePointer<CChar>?]) -> T) -> T {
    let copies = strings.map { strdup($0) }
    defer { for copy in copies { free(copy) } }
    return body(copies.map { $0.map { UnsafePointer($0) } } + [nil])
}

/// Parameter buffers for libpq, valid during `body`.
private func withBuffers<T>(_ buffers: [[UInt8]?], _ body: ([UnsafePointer<CChar>?]) -> T) -> T {
    let copies: [UnsafeMutablePointer<CChar>?] = buffers.map { bytes in
        guard let bytes else { return nil }
        let copy = UnsafeMutablePointer<CChar>.allocate(capacity: max(bytes.count, 1))
        bytes.withUnsafeBytes { source in
            if let base = source.baseAddress { UnsafeMutableRawPointer(copy).copyMemory(from: base, byteCount: source.count) }
        }
        return copy
    }
    defer { for copy in copies { copy?.deallocate() } }
    return body(copies.map { $0.map { UnsafePointer($0) } })
}
