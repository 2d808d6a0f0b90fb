import Foundation

/// A PostgreSQL store's address (`postgresql://user:password@host:port/db?options`), as libpq reads
/// it. `redacted` is what messages show: the same address without its password.
package struct StoreURL: Sendable, Equatable, CustomStringConvertible {
    package let text: String

    /// Nil unless `text` is a `postgresql://` or `postgres://` URL.
    package init?(_ text: String) {
        guard Self.schemes.contains(where: { text.lowercased().hasPrefix($0) }) else { return nil }
        self.text = text
    }

    static let schemes = ["postgresql://", "postgres://"]

    package var description: String { redacted }

    /// What `redacted` leaves out (the user part's password, `password=` values), to be scrubbed from
    /// libpq's messages too: a malformed URL may be quoted in them.
    var secrets: [String] {
        var secrets: [String] = []
        if let scheme = text.range(of: "://") {
            let rest = text[scheme.upperBound...]
            let head = rest[..<(rest.firstIndex(of: "?") ?? rest.endIndex)]
            if let at = head.lastIndex(of: "@"), let colon = head[..<at].firstIndex(of: ":") {
                secrets.append(String(head[head.index(after: colon)..<at]))
            }
        }
        for part in text.split(separator: "&") + text.split(separator: "?") where part.lowercased().hasPrefix("password=") {
            secrets.append(String(part.dropFirst(9)))
        }
        return secrets.filter { !$0.isEmpty }
    }

    /// The URL with the password left out, from the user part and from the query (`password=`).
    package var redacted: String {
        guard let scheme = text.range(of: "://") else { return text }
        let rest = text[scheme.upperBound...]
        // The user part ends at the last "@" before the query: a password written with a "/" in it
        // is left out too.
        let queryStart = rest.firstIndex(of: "?") ?? rest.endIndex
        var head = String(rest[..<queryStart])
        if let at = head.lastIndex(of: "@") {
            let user = head[..<at].split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            head = String(user) + String(head[at...])
        }
        var tail = String(rest[queryStart...])
        if let question = tail.firstIndex(of: "?") {
            let query = tail[tail.index(after: question)...].split(separator: "&").filter {
                !$0.lowercased().hasPrefix("password=")
            }
            tail = String(tail[..<question]) + (query.isEmpty ? "" : "?" + query.joined(separator: "&"))
        }
        return String(text[..<scheme.upperBound]) + head + tail
    }
}

/// Why a PostgreSQL store could not be used: the run stops (exit 2) and nothing is half-written.
package struct StoreServerError: Error, Sendable, Equatable, CustomStringConvertible {
    package enum Kind: Sendable, Equatable {
        /// No server answered at the address (or it went away before the session began).
        case unreachable
        /// The server refused the user, the password or the database.
        case rejected
        /// The connection dropped during the session.
        case connectionLost
        /// A statement ran past the server's `statement_timeout`.
        case timeout
        /// The database holds no workmix tables, or older ones: `store migrate` brings them up.
        case notMigrated(found: Int, expected: Int)
        /// The tables were made by a newer workmix.
        case newerSchema(found: Int, known: Int)
        /// The server refused a statement for another reason.
        case failed
    }

    /// The address, without its password.
    package let url: String
    package let kind: Kind
    /// The server's or libpq's own words, on one line.
    package let detail: String

    init(url: StoreURL, kind: Kind, detail: String) {
        self.url = url.redacted
        self.kind = kind
        self.detail = url.secrets.reduce(detail) { $0.replacingOccurrences(of: $1, with: "…") }
    }

    package var description: String { "\(url): \(kind) (\(detail))" }
}
