internal import CLibpq
import Foundation

/// One libpq connection: statements with parameters (text, or bytes sent as binary), results read as
/// text. Not shared between threads.
final class PostgresConnection {
    /// A statement parameter.
    enum Value {
        case text(String)
        case bytes([UInt8])
        case int(Int64)
        case bool(Bool)
        case null
    }

    let url: StoreURL
    private let connection: OpaquePointer
    private var prepared: [String: String] = [:]

    /// Connects, or throws `.unreachable` / `.rejected` with libpq's words (never the password).
    init(url: StoreURL) throws {
        self.url = url
        // Defaults the URL may override: libpq reads later keywords over earlier ones.
        let keywords = ["connect_timeout", "application_name", "dbname"]
        let values = ["10", "workmix", url.text]
        let connection = withCStrings(keywords) { keys in
            withCStrings(values) { vals in PQconnectdbParams(keys, vals, 1) }
        }
        guard let connection else { throw StoreServerError(url: url, kind: .unreachable, detail: "out of memory") }
        guard PQstatus(connection) == CONNECTION_OK else {
            let detail = Self.message(PQerrorMessage(connection))
            PQfinish(connection)
            throw StoreServerError(url: url, kind: Self.isAuthentication(detail) ? .rejected : .unreachable, detail: detail)
        }
        // The server's notices ("already exists, skipping") are not the user's business.
        PQsetNoticeProcessor(connection, { _, _ in }, nil)
        self.connection = connection
    }

    deinit { PQfinish(connection) }

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
            result = PQexec(connection, sql)
        } else {
            let name = try prepare(sql, count: parameters.count)
            result = Self.withParameters(parameters) { PQexecPrepared(connection, name, $0, $1, $2, $3, 0) }
        }
        defer { PQclear(result) }
        let status = PQresultStatus(result)
        guard status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK else { throw failure(result) }
        return rows(of: result)
    }

    /// Runs statements that return no rows, pipelined (libpq's pipeline mode): all are sent, then
    /// the answers read, one round trip in all. Throws the first failure once every answer is in.
    func executeAll(_ statements: [(sql: String, parameters: [Value])]) throws {
        let names = try statements.map { try prepare($0.sql, count: $0.parameters.count) }
        guard !statements.isEmpty else { return }
        guard PQenterPipelineMode(connection) == 1 else { throw failure(nil) }
        defer { PQexitPipelineMode(connection) }
        for (name, statement) in zip(names, statements) {
            let sent = Self.withParameters(statement.parameters) { PQsendQueryPrepared(connection, name, $0, $1, $2, $3, 0) }
            guard sent == 1 else { throw failure(nil) }
        }
        guard PQpipelineSync(connection) == 1 else { throw failure(nil) }
        var firstFailure: StoreServerError?
        var ends = 0
        while true {
            guard PQstatus(connection) == CONNECTION_OK else { throw failure(nil) }
            // Nil ends each statement's answers; the sync's own answer ends the pipeline.
            guard let result = PQgetResult(connection) else {
                ends += 1
                if ends > statements.count { throw firstFailure ?? failure(nil) }
                continue
            }
            defer { PQclear(result) }
            let status = PQresultStatus(result)
            if status == PGRES_PIPELINE_SYNC { break }
            if status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK && status != PGRES_PIPELINE_ABORTED {
                firstFailure = firstFailure ?? failure(result)
            }
        }
        if let firstFailure { throw firstFailure }
    }

    /// Runs a query and hands `body` its rows one by one, read in binary (no text to parse: this is
    /// how a whole history is loaded).
    func forEachRow(_ sql: String, _ parameters: [Value], _ body: (BinaryRow) throws -> Void) throws {
        let name = try prepare(sql, count: parameters.count)
        let result = Self.withParameters(parameters) { PQexecPrepared(connection, name, $0, $1, $2, $3, 1) }
        defer { PQclear(result) }
        guard PQresultStatus(result) == PGRES_TUPLES_OK, let result else { throw failure(result) }
        for row in 0..<PQntuples(result) { try body(BinaryRow(result: result, row: row)) }
    }

    /// One row of a binary result, valid during `forEachRow`'s body.
    struct BinaryRow {
        let result: OpaquePointer
        let row: Int32

        func isNull(_ column: Int32) -> Bool { PQgetisnull(result, row, column) != 0 }

        /// The column's bytes as the server sent them (empty for NULL).
        func bytes(_ column: Int32) -> UnsafeRawBufferPointer {
            guard let value = PQgetvalue(result, row, column) else { return UnsafeRawBufferPointer(start: nil, count: 0) }
            return UnsafeRawBufferPointer(start: value, count: Int(PQgetlength(result, row, column)))
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
        let result = PQprepare(connection, name, sql, Int32(count), nil)
        defer { PQclear(result) }
        guard PQresultStatus(result) == PGRES_COMMAND_OK else { throw failure(result) }
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
            if PQstatus(connection) == CONNECTION_OK { _ = try? execute("ROLLBACK") }
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
        let count = PQntuples(result), columns = PQnfields(result)
        return (0..<count).map { row in
            (0..<columns).map { column in
                PQgetisnull(result, row, column) != 0 ? nil : String(cString: PQgetvalue(result, row, column))
            }
        }
    }

    /// What went wrong, sorted: a statement timeout, a dropped connection, or anything else.
    private func failure(_ result: OpaquePointer?) -> StoreServerError {
        let detail = Self.message(result.map { PQresultErrorMessage($0) } ?? PQerrorMessage(connection))
        let state = result.flatMap { PQresultErrorField($0, Int32(UInt8(ascii: "C"))) }.map { String(cString: $0) }
        if PQstatus(connection) != CONNECTION_OK { return StoreServerError(url: url, kind: .connectionLost, detail: detail) }
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
