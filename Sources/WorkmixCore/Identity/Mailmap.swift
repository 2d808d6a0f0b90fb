import Foundation

/// A `.mailmap`, read and applied as git does (`git check-mailmap`): emails and names compared
/// case-insensitively, a name-and-email entry preferred over an email-only one, later lines winning.
/// libgit2 1.5's `git_mailmap_resolve` compares case-sensitively, hence this type.
package struct Mailmap: Sendable {
    struct Replacement: Sendable {
        var name: String?
        var email: String?
    }
    struct Entry: Sendable {
        var simple = Replacement()
        var byName: [String: Replacement] = [:]
    }

    private var entries: [String: Entry] = [:]

    package init() {}

    package init(text: String) {
        for line in text.split(whereSeparator: \.isNewline) {
            add(line: line)
        }
    }

    package var isEmpty: Bool { entries.isEmpty }

    /// `Proper Name <proper@email> Commit Name <commit@email>` and its shorter forms.
    mutating func add(line: Substring) {
        let trimmed = line.drop { $0.isWhitespace }
        guard !trimmed.hasPrefix("#"), let (name1, email1, rest) = Self.nameAndEmail(trimmed) else { return }
        let newName = name1
        var newEmail: String? = email1
        var oldName: String?, oldEmail: String?
        if let (name2, email2, _) = Self.nameAndEmail(rest) {
            oldName = name2
            oldEmail = email2
        }
        if oldEmail == nil {
            oldEmail = newEmail
            newEmail = nil
        }
        guard let key = oldEmail?.lowercased() else { return }
        var entry = entries[key] ?? Entry()
        if let oldName {
            entry.byName[oldName.lowercased()] = Replacement(name: newName, email: newEmail)
        } else {
            if let n = newName { entry.simple.name = n }
            if let e = newEmail { entry.simple.email = e }
        }
        entries[key] = entry
    }

    /// git's parse_name_and_email: the name before `<` (nil if blank), the email inside `<…>`.
    static func nameAndEmail(_ text: Substring) -> (String?, String, Substring)? {
        guard let open = text.firstIndex(of: "<"),
            let close = text[open...].firstIndex(of: ">")
        else { return nil }
        let name = text[..<open].trimmingWhitespace()
        let email = String(text[text.index(after: open)..<close])
        return (name.isEmpty ? nil : name, email, text[text.index(after: close)...])
    }

    /// The canonical identity for a name and email, or the input when no entry applies.
    package func resolve(_ person: Person) -> Person {
        guard let entry = entries[person.email.lowercased()] else { return person }
        let replacement = entry.byName[person.name.lowercased()] ?? entry.simple
        return Person(name: replacement.name ?? person.name, email: replacement.email ?? person.email)
    }
}
