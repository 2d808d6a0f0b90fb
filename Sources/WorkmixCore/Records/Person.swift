import Foundation

/// Someone who took part in a commit, after `.mailmap` and the config's identities.
package struct Person: Hashable, Codable, Sendable, Comparable, CustomStringConvertible {
    package var name: String
    package var email: String

    package init(name: String, email: String) {
        self.name = name
        self.email = email
    }

    /// Who this is, for comparing: the email, case-insensitively; the lowercased name when there is no email.
    /// GitHub's noreply addresses `12345+login@users.noreply.github.com` and
    /// `login@users.noreply.github.com` are one person.
    package var key: String {
        if email.isEmpty { return "name:" + name.lowercased() }
        let lower = email.lowercased()
        if lower.hasSuffix("@users.noreply.github.com"), let plus = lower.firstIndex(of: "+"),
            lower[..<plus].allSatisfy(\.isNumber)
        {
            return String(lower[lower.index(after: plus)...])
        }
        return lower
    }

    /// `Name <email>`, as rules match people and as git prints them.
    package var description: String {
        email.isEmpty ? name : "\(name) <\(email)>"
    }

    /// The spelling used most; ties go to the smallest `(name, email)`, so the choice does not depend on
    /// the order commits or repositories were read in.
    package static func mostUsed(_ spellings: [Person: Int]) -> Person? {
        spellings.max { lhs, rhs in
            if lhs.value != rhs.value { return lhs.value < rhs.value }
            return (lhs.key.name, lhs.key.email) > (rhs.key.name, rhs.key.email)
        }?.key
    }

    package static func < (lhs: Person, rhs: Person) -> Bool {
        (lhs.name.lowercased(), lhs.key) < (rhs.name.lowercased(), rhs.key)
    }
}
