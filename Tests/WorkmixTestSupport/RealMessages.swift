import Foundation

/// A real commit message of `Tests/Fixtures/coauthor-messages.jsonl` (public repositories), with the
/// co-authors SPEC 2.1 expects from it.
public struct RealMessage: Decodable {
    public struct Who: Decodable {
        public var name: String
        public var email: String
    }
    public var repo: String
    public var sha: String
    public var author: Who
    public var message: String
    public var expectedCoAuthors: [Who]

    enum CodingKeys: String, CodingKey {
        case repo, sha, author, message
        case expectedCoAuthors = "expected_coauthors"
    }

    public static func all() throws -> [RealMessage] {
        let text = try String(contentsOf: PackageFiles.url("Tests/Fixtures/coauthor-messages.jsonl"), encoding: .utf8)
        return try text.split(separator: "\n").map { try JSONDecoder().decode(RealMessage.self, from: Data($0.utf8)) }
    }
}
