import Foundation
import WorkmixCore
import XCTest

/// Parsing a config as `/teams/workmix.yml`, and asserting the error it gives: shared by the config tests.
protocol ConfigTesting {
    /// A valid config the tests vary.
    static var valid: String { get }
}

extension ConfigTesting {
    func parse(_ text: String) throws -> WorkmixConfig {
        try ConfigLoader.parse(
            text, file: "/teams/workmix.yml", directory: "/teams",
            pathExists: { $0 == "/payments-api" || $0 == "/teams/web" })
    }

    func replacing(_ line: String, with replacement: String) -> String {
        XCTAssertTrue(Self.valid.contains(line), line)
        return Self.valid.replacingOccurrences(of: line, with: replacement)
    }

    /// The error names file:line and the key.
    func assertError(_ text: String, line: Int, mentions needles: [String], file: StaticString = #filePath, testLine: UInt = #line) {
        XCTAssertThrowsError(try parse(text), file: file, line: testLine) { error in
            let message = "\(error)"
            XCTAssertTrue(message.hasPrefix("/teams/workmix.yml:\(line):"), message, file: file, line: testLine)
            for needle in needles {
                XCTAssertTrue(message.contains(needle), "'\(needle)' in \(message)", file: file, line: testLine)
            }
        }
    }
}
