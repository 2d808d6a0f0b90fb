import Foundation
import WorkmixCore

/// libpq, loaded when a PostgreSQL store is first used: workmix runs without it everywhere else. The
/// functions workmix calls, found with `dlsym`, typed as `libpq-fe.h` declares them (libpq.so.5's ABI).
// @unchecked: C function pointers found with dlsym, callable from any thread.
struct Libpq: @unchecked Sendable {
    typealias Connection = OpaquePointer
    typealias Result = OpaquePointer
    typealias Strings = UnsafePointer<UnsafePointer<CChar>?>
    typealias Lengths = UnsafePointer<Int32>
    typealias NoticeProcessor = @convention(c) (UnsafeMutableRawPointer?, UnsafePointer<CChar>?) -> Void

    // ConnStatusType and ExecStatusType, the values workmix tests for.
    static let connectionOK: Int32 = 0
    static let commandOK: Int32 = 1
    static let tuplesOK: Int32 = 2
    static let pipelineSyncStatus: Int32 = 10
    static let pipelineAbortedStatus: Int32 = 11

    let connectdbParams: @convention(c) (Strings?, Strings?, Int32) -> Connection?
    let status: @convention(c) (Connection?) -> Int32
    let errorMessage: @convention(c) (Connection?) -> UnsafeMutablePointer<CChar>?
    let finish: @convention(c) (Connection?) -> Void
    let setNoticeProcessor: @convention(c) (Connection?, NoticeProcessor?, UnsafeMutableRawPointer?) -> NoticeProcessor?
    let exec: @convention(c) (Connection?, UnsafePointer<CChar>?) -> Result?
    let prepare: @convention(c) (Connection?, UnsafePointer<CChar>?, UnsafePointer<CChar>?, Int32, UnsafePointer<UInt32>?) -> Result?
    let execPrepared: @convention(c) (Connection?, UnsafePointer<CChar>?, Int32, Strings?, Lengths?, Lengths?, Int32) -> Result?
    let sendQueryPrepared: @convention(c) (Connection?, UnsafePointer<CChar>?, Int32, Strings?, Lengths?, Lengths?, Int32) -> Int32
    let enterPipelineMode: @convention(c) (Connection?) -> Int32
    let exitPipelineMode: @convention(c) (Connection?) -> Int32
    let pipelineSync: @convention(c) (Connection?) -> Int32
    let getResult: @convention(c) (Connection?) -> Result?
    let clear: @convention(c) (Result?) -> Void
    let resultStatus: @convention(c) (Result?) -> Int32
    let resultErrorMessage: @convention(c) (Result?) -> UnsafeMutablePointer<CChar>?
    let resultErrorField: @convention(c) (Result?, Int32) -> UnsafeMutablePointer<CChar>?
    let ntuples: @convention(c) (Result?) -> Int32
    let nfields: @convention(c) (Result?) -> Int32
    let getisnull: @convention(c) (Result?, Int32, Int32) -> Int32
    let getvalue: @convention(c) (Result?, Int32, Int32) -> UnsafeMutablePointer<CChar>?
    let getlength: @convention(c) (Result?, Int32, Int32) -> Int32

    /// The library, loaded once; throws an `InputError` naming the package to install when it is missing.
    static func loaded() throws -> Libpq {
        switch shared {
        case .success(let library): return library
        case .failure(let missing): throw InputError("PostgreSQL store needs \(missing.what) (Debian/Ubuntu: apt-get install libpq5)")
        }
    }

    /// What was not found: libpq, or a function of it (a libpq older than 14 has no pipeline mode).
    private struct Missing: Error {
        var what: String
    }

    private static let shared: Swift.Result<Libpq, Missing> = {
        #if os(macOS)
        let names = ["libpq.5.dylib", "/opt/homebrew/opt/libpq/lib/libpq.5.dylib", "/usr/local/opt/libpq/lib/libpq.5.dylib"]
        #else
        let names = ["libpq.so.5"]
        #endif
        guard let handle = names.lazy.compactMap({ dlopen($0, RTLD_NOW | RTLD_LOCAL) }).first else {
            return .failure(Missing(what: "libpq"))
        }
        return Swift.Result { try Libpq(handle: handle) }.mapError { $0 as? Missing ?? Missing(what: "libpq") }
    }()

    private init(handle: UnsafeMutableRawPointer) throws {
        func symbol<T>(_ name: String) throws -> T {
            guard let address = dlsym(handle, name) else { throw Missing(what: "libpq 14 or later (it has no \(name))") }
            return unsafeBitCast(address, to: T.self)
        }
        connectdbParams = try symbol("PQconnectdbParams")
        status = try symbol("PQstatus")
        errorMessage = try symbol("PQerrorMessage")
        finish = try symbol("PQfinish")
        setNoticeProcessor = try symbol("PQsetNoticeProcessor")
        exec = try symbol("PQexec")
        prepare = try symbol("PQprepare")
        execPrepared = try symbol("PQexecPrepared")
        sendQueryPrepared = try symbol("PQsendQueryPrepared")
        enterPipelineMode = try symbol("PQenterPipelineMode")
        exitPipelineMode = try symbol("PQexitPipelineMode")
        pipelineSync = try symbol("PQpipelineSync")
        getResult = try symbol("PQgetResult")
        clear = try symbol("PQclear")
        resultStatus = try symbol("PQresultStatus")
        resultErrorMessage = try symbol("PQresultErrorMessage")
        resultErrorField = try symbol("PQresultErrorField")
        ntuples = try symbol("PQntuples")
        nfields = try symbol("PQnfields")
        getisnull = try symbol("PQgetisnull")
        getvalue = try symbol("PQgetvalue")
        getlength = try symbol("PQgetlength")
    }
}
