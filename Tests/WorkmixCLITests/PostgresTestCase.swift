import Foundation
import WorkmixTestSupport
import XCTest

/// A test against the test process's real PostgreSQL server (`PostgresServer.shared`), each test with
/// a new, empty database of its own. A server that did not start fails every test; none is skipped.
class PostgresTestCase: CLITestCase {
    var server: PostgresServer!
    var database = ""

    override func setUpWithError() throws {
        try super.setUpWithError()
        server = try PostgresServer.shared()
        database = try server.createDatabase()
    }

    /// The database's URL, with the password.
    var url: String { server.url(database: database) }
}
