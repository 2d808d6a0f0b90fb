import WorkmixStore
import XCTest

/// Store URLs as messages show them: never with their password.
final class StoreURLTests: XCTestCase {
    func testOnlyPostgresURLsAreStoreURLs() {
        XCTAssertNotNil(StoreURL("postgresql://ci@db.example/workmix"))
        XCTAssertNotNil(StoreURL("POSTGRES://ci@db.example/workmix"))
        XCTAssertNil(StoreURL("host=db.example dbname=workmix"))
        XCTAssertNil(StoreURL("mysql://ci@db.example/workmix"))
        XCTAssertNil(StoreURL(""))
    }

    func testRedactedLeavesThePasswordOut() throws {
        let cases = [
            "postgresql://ci:s3cr:et@db.example:5433/workmix": "postgresql://ci@db.example:5433/workmix",
            "postgresql://ci@db.example/workmix?password=s3cret&sslmode=require":
                "postgresql://ci@db.example/workmix?sslmode=require",
            "postgres://ci:s3cret@h1,h2/workmix?Password=s3cret": "postgres://ci@h1,h2/workmix",
            "postgresql://db.example/workmix": "postgresql://db.example/workmix",
            "postgresql://:s3cret@/workmix?host=/tmp": "postgresql://@/workmix?host=/tmp",
            "postgresql://u%40x:p%40ss@db/w": "postgresql://u%40x@db/w",
            "postgresql://ci:pa/ss@db/w": "postgresql://ci@db/w",
        ]
        for (text, expected) in cases {
            let url = try XCTUnwrap(StoreURL(text))
            XCTAssertEqual(url.redacted, expected, text)
            XCTAssertEqual("\(url)", expected)
        }
    }
}
