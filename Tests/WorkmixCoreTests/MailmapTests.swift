import XCTest

@testable import WorkmixCore

final class MailmapTests: XCTestCase {
    let mailmap = Mailmap(
        text: """
            # comment
            Proper Name <commit@x.io>
            <proper@x.io> <Old@X.io>
            Full Name <full@x.io> <both@x.io>
            Specific <specific@x.io> Nick <shared@x.io>
            Generic <generic@x.io> <shared@x.io>
            not a line
            Later Wins <commit@x.io>
            """)

    func testNameOnlyEntryKeepsEmail() {
        XCTAssertEqual(mailmap.resolve(Person(name: "whoever", email: "commit@x.io")), Person(name: "Later Wins", email: "commit@x.io"))
    }

    func testEmailsAreCaseInsensitive() {
        // libgit2 1.5's git_mailmap_resolve misses these; git check-mailmap does not.
        XCTAssertEqual(mailmap.resolve(Person(name: "Old", email: "old@x.io")), Person(name: "Old", email: "proper@x.io"))
        XCTAssertEqual(mailmap.resolve(Person(name: "B", email: "BOTH@X.IO")), Person(name: "Full Name", email: "full@x.io"))
    }

    func testNameAndEmailEntryPreferredAndNamesCaseInsensitive() {
        XCTAssertEqual(mailmap.resolve(Person(name: "nick", email: "shared@x.io")), Person(name: "Specific", email: "specific@x.io"))
        XCTAssertEqual(mailmap.resolve(Person(name: "Other", email: "shared@x.io")), Person(name: "Generic", email: "generic@x.io"))
    }

    func testUnknownPeopleAndMalformedLinesChangeNothing() {
        XCTAssertEqual(mailmap.resolve(Person(name: "Z", email: "z@x.io")), Person(name: "Z", email: "z@x.io"))
        let broken = Mailmap(text: "<unterminated\n>< \nName <\n\u{0}<a@b> <c@d\n")
        XCTAssertEqual(broken.resolve(Person(name: "c", email: "c@d")), Person(name: "c", email: "c@d"))
    }

    func testIdentitiesAfterMailmap() {
        var table = IdentityTable()
        table.add(
            canonical: Person(name: "Alice Martin", email: "alice@heetch.com"),
            aliases: ["alice@users.noreply.github.com", "Alice M <am@old.example>", "@alice"])
        let resolver = IdentityResolver(mailmap: Mailmap(text: "<am@old.example> <alice@laptop.local>"), identities: table)
        XCTAssertEqual(resolver.resolve(Person(name: "a", email: "alice@laptop.local")), Person(name: "Alice Martin", email: "alice@heetch.com"))
        XCTAssertEqual(resolver.resolve(Person(name: "a", email: "ALICE@users.noreply.github.com")).email, "alice@heetch.com")
        XCTAssertEqual(resolver.resolve(Person(name: "@Alice", email: "")).email, "alice@heetch.com")
    }

    /// Aliases are read as the config reads any person: `Name <>` is an identity without email, and a
    /// blank alias stands for nobody (people without name or email stay themselves).
    func testIdentityAliasesWithoutEmail() {
        var table = IdentityTable()
        table.add(canonical: Person(name: "Bo Lind", email: "bo@x.io"), aliases: ["Bo <>", "  ", "<>"])
        XCTAssertEqual(table.resolve(Person(name: "bo", email: "")), Person(name: "Bo Lind", email: "bo@x.io"))
        XCTAssertEqual(table.resolve(Person(name: "", email: "")), Person(name: "", email: ""))
        XCTAssertEqual(table.resolve(Person(name: "Bo", email: "bo@elsewhere.io")).email, "bo@elsewhere.io")
    }

    func testGitHubNoreplyAddressesOfOneLoginAreOnePerson() {
        XCTAssertEqual(
            Person(name: "a", email: "12345+Login@users.noreply.github.com").key,
            Person(name: "b", email: "login@users.noreply.github.com").key)
        XCTAssertNotEqual(Person(name: "a", email: "12345+login@example.com").key, Person(name: "a", email: "login@example.com").key)
    }
}

final class PersonMatcherTests: XCTestCase {
    func testTheEmailIsInTheLastBrackets() {
        XCTAssertEqual(PersonMatcher("<img src=x onerror=alert(1)> <img@x.io>").person.email, "img@x.io")
        XCTAssertEqual(PersonMatcher("Alice Martin <alice@x.io>").person, Person(name: "Alice Martin", email: "alice@x.io"))
        XCTAssertEqual(PersonMatcher("alice@x.io").person, Person(name: "", email: "alice@x.io"))
        XCTAssertEqual(PersonMatcher("@alice").person, Person(name: "@alice", email: ""))
        XCTAssertTrue(PersonMatcher("ALICE@x.io").matches(Person(name: "A", email: "alice@X.IO")))
    }
}

final class MailmapRealFileTests: XCTestCase {
    /// Lines of git.git's own .mailmap: an email-case fix, a name-specific entry, a UTF-8 name.
    func testGitsOwnMailmapLines() {
        let mailmap = Mailmap(
            text: """
                Jens Lindström <jl@opera.com> Jens Lindstrom <jl@opera.com>
                Johannes Schindelin <Johannes.Schindelin@gmx.de> <johannes.schindelin@gmx.de>
                Johannes Schindelin <Johannes.Schindelin@gmx.de> Johannes Schindelin via GitGitGadget <gitgitgadget@gmail.com>
                """)
        XCTAssertEqual(
            mailmap.resolve(Person(name: "Johannes Schindelin", email: "johannes.schindelin@gmx.de")),
            Person(name: "Johannes Schindelin", email: "Johannes.Schindelin@gmx.de"))
        XCTAssertEqual(
            mailmap.resolve(Person(name: "Johannes Schindelin via GitGitGadget", email: "gitgitgadget@gmail.com")),
            Person(name: "Johannes Schindelin", email: "Johannes.Schindelin@gmx.de"))
        XCTAssertEqual(mailmap.resolve(Person(name: "Jens Lindstrom", email: "jl@opera.com")).name, "Jens Lindström")
        XCTAssertEqual(
            mailmap.resolve(Person(name: "Someone via GitGitGadget", email: "gitgitgadget@gmail.com")).name,
            "Someone via GitGitGadget")
    }
}
