import Foundation
import WorkmixCore
import XCTest

final class ConfigLoaderTests: XCTestCase, ConfigTesting {
    /// A valid residency; tests replace one line of it.
    static let valid = """
        measure: commits
        residencies:
          - name: payments-q1
            resident: alice@platform.example
            team: [bob@payments.example, "Carol Diaz <carol@payments.example>"]
            repos: [../payments-api]
            from: 2024-01-08
            to: 2024-02-16
            timezone: Europe/Paris
            plan: { investment: 40%, maintenance: 30%, support: 30% }
            tolerance: 10%
            max_unclassified: 15%
        """

    func testValidResidency() throws {
        let config = try parse(Self.valid)
        let residency = try XCTUnwrap(config.residencies.first)
        XCTAssertEqual(residency.name, "payments-q1")
        XCTAssertEqual(residency.residents.map(\.person.key), ["alice@platform.example"])
        XCTAssertEqual(residency.team.map(\.person.key), ["bob@payments.example", "carol@payments.example"])
        XCTAssertEqual(residency.repos, ["/payments-api"], "relative to the config file")
        XCTAssertEqual(residency.repositories.map(\.displayName), ["payments-api"])
        XCTAssertEqual(residency.from, CivilDate(year: 2024, month: 1, day: 8))
        XCTAssertEqual(residency.timezone.identifier, "Europe/Paris")
        XCTAssertEqual(residency.plan, [.investment: 0.4, .maintenance: 0.3, .support: 0.3])
        XCTAssertEqual(residency.tolerance, 0.1, accuracy: 1e-12)
        XCTAssertEqual(residency.maxUnclassified, 0.15, accuracy: 1e-12)
        XCTAssertEqual(residency.location?.line, 3)
        XCTAssertEqual(
            config.participantFilter.knownPeople,
            ["alice@platform.example", "bob@payments.example", "carol@payments.example"],
            "residents and team members are people for pairing, whatever their names")
    }

    /// YAML merge keys: a residency written once and reused, its keys overridden where set again.
    func testMergeKeys() throws {
        let config = try parse(
            """
            residencies:
              - &q1
                name: payments-q1
                resident: alice@platform.example
                repos: [../payments-api]
                from: 2024-01-08
                to: 2024-02-16
                plan: { investment: 40%, maintenance: 30%, support: 30% }
              - <<: *q1
                name: payments-q2
                from: 2024-04-01
                to: 2024-05-10
            """)
        XCTAssertEqual(config.residencies.map(\.name), ["payments-q1", "payments-q2"])
        XCTAssertEqual(config.residencies[1].residents.map(\.person.key), ["alice@platform.example"])
        XCTAssertEqual(config.residencies[1].from, CivilDate(year: 2024, month: 4, day: 1))
        XCTAssertEqual(config.residencies[1].plan, config.residencies[0].plan)
        assertError("residencies:\n  - <<: 5\n    name: x\n", line: 2, mentions: ["expected a mapping"])
    }

    /// Residents and team written as identity aliases are their canonical people, as on commits; a
    /// residency's repository takes the name the top-level `repos` gives it.
    func testResidencyPeopleAfterIdentitiesAndRepositoryNames() throws {
        let config = try parse(
            """
            identities:
              "Alice Martin <alice@platform.example>": [alice@old.example]
              "Bob Li <bob@payments.example>": ["Bobby <bob@old.example>"]
            repos: { payments: ../payments-api }
            residencies:
              - name: q1
                resident: alice@old.example
                team: [bob@old.example, carol@payments.example]
                repos: [../payments-api, web]
                from: 2024-01-08
                to: 2024-02-16
            """)
        let residency = try XCTUnwrap(config.residencies.first)
        XCTAssertEqual(residency.residents.map(\.person), [Person(name: "Alice Martin", email: "alice@platform.example")])
        XCTAssertEqual(residency.team.map(\.person.key), ["bob@payments.example", "carol@payments.example"])
        XCTAssertEqual(residency.repositories.map(\.displayName), ["payments", "web"])
        XCTAssertTrue(config.participantFilter.knownPeople.contains("alice@platform.example"))
    }

    func testDefaults() throws {
        let config = try parse(
            """
            residencies:
              - { name: r, resident: [a@x.io, "B <b@x.io>"], from: 2024-01-01, to: 2024-01-01 }
            """)
        let residency = try XCTUnwrap(config.residencies.first)
        XCTAssertEqual(residency.residents.count, 2)
        XCTAssertEqual(residency.timezone.secondsFromGMT(), 0)
        XCTAssertEqual(residency.timezoneName, "UTC")
        XCTAssertEqual(residency.tolerance, 0.1)
        XCTAssertEqual(residency.maxUnclassified, 0.2)
        XCTAssertEqual(residency.plan, [:])
        XCTAssertEqual(residency.repos, [])
        XCTAssertEqual(config.measure, .commits)
    }

    func testNamedRepositoriesKeepTheirNames() throws {
        let config = try parse(replacing("repos: [../payments-api]", with: "repos: { api: ../payments-api, web: web }"))
        XCTAssertEqual(
            config.residencies[0].repositories,
            [
                NamedRepository(name: "api", path: "/payments-api"),
                NamedRepository(name: "web", path: "/teams/web"),
            ])
    }

    func testMergeSameNameAndDistinctIdentities() throws {
        XCTAssertEqual(try parse(Self.valid).peopleOptions, PeopleOptions(mergeSameName: true, distinct: []))
        let config = try parse(
            """
            merge_same_name: no
            identities:
              "Alex Kim <alex@a.io>": [alex@old.example]
              distinct: ["Alex Kim <ALEX@a.io>", alex@old.example, "Alex Kim <alex@b.io>"]
            """)
        XCTAssertEqual(
            config.peopleOptions, PeopleOptions(mergeSameName: false, distinct: ["alex@a.io", "alex@b.io"]),
            "an alias stands for its person")
        XCTAssertEqual(config.identities.distinct.first, Person(name: "Alex Kim", email: "alex@a.io"))
    }

    func testBadMergeSameNameOrDistinct() {
        assertError("merge_same_name: \"false\"\n", line: 1, mentions: ["merge_same_name"])
        assertError("identities:\n  distinct: [\"  \"]\n", line: 2, mentions: ["identities.distinct", "names nobody"])
        assertError("identities:\n  distinct: {a: b}\n", line: 2, mentions: ["identities.distinct"])
    }

    func testUnknownKey() {
        assertError(replacing("    tolerance: 10%", with: "    tolerence: 10%"), line: 11, mentions: ["residencies[0]", "'tolerence'"])
        assertError(Self.valid + "\nresidency: x\n", line: 13, mentions: ["'residency'"])
        assertError(
            replacing("support: 30% }", with: "support: 20%, unclassified: 10% }"), line: 10,
            mentions: ["residencies[0].plan", "'unclassified'"])
    }

    func testBadDate() {
        assertError(replacing("from: 2024-01-08", with: "from: 2024-02-30"), line: 7, mentions: ["residencies[0].from", "2024-02-30"])
        assertError(replacing("to: 2024-02-16", with: "to: next friday"), line: 8, mentions: ["residencies[0].to", "not a date"])
    }

    func testFromAfterTo() {
        assertError(
            replacing("from: 2024-01-08", with: "from: 2024-03-01"), line: 8,
            mentions: ["residencies[0].to", "before 'from'"])
    }

    func testPlanNotSummingTo100Percent() {
        assertError(replacing("support: 30%", with: "support: 20%"), line: 10, mentions: ["residencies[0].plan", "90%", "100%"])
    }

    func testUnknownTimezone() {
        assertError(
            replacing("Europe/Paris", with: "Europe/Pariss"), line: 9,
            mentions: ["residencies[0].timezone", "Europe/Pariss"])
    }

    func testMissingRepository() {
        assertError(
            replacing("../payments-api", with: "../payments-apj"), line: 6,
            mentions: ["residencies[0].repos[0]", "/payments-apj"])
    }

    func testBadShare() {
        assertError(replacing("tolerance: 10%", with: "tolerance: ten"), line: 11, mentions: ["residencies[0].tolerance", "'ten'"])
        assertError(
            replacing("max_unclassified: 15%", with: "max_unclassified: 150%"), line: 12,
            mentions: ["residencies[0].max_unclassified", "150%"])
        assertError(replacing("investment: 40%", with: "investment: 40"), line: 10, mentions: ["residencies[0].plan.investment"])
    }

    func testDuplicateResidencyName() {
        let text =
            Self.valid + "\n" + """
                  - name: payments-q1
                    resident: alice@platform.example
                    from: 2024-03-01
                    to: 2024-03-31
                """
        assertError(text, line: 13, mentions: ["residencies[1].name", "duplicate residency name 'payments-q1'", "line 3"])
    }

    func testMissingKeysAndEmptyPeople() {
        assertError(replacing("    from: 2024-01-08\n", with: ""), line: 3, mentions: ["residencies[0]", "missing key 'from'"])
        assertError(replacing("resident: alice@platform.example", with: "resident: []"), line: 4, mentions: ["residencies[0].resident"])
        assertError(
            replacing("resident: alice@platform.example", with: "resident: \"  \""), line: 4,
            mentions: ["residencies[0].resident", "names nobody"])
        assertError(replacing("name: payments-q1", with: "name: \"\""), line: 3, mentions: ["residencies[0].name"])
    }

    func testBadMeasure() {
        assertError(replacing("measure: commits", with: "measure: lines"), line: 1, mentions: ["measure", "'lines'"])
    }

    func testMalformedYAML() {
        assertError(replacing("    to: 2024-02-16", with: "    to: [2024-02-16"), line: 9, mentions: ["invalid YAML"])
        assertError(replacing("    team:", with: "   team:"), line: 5, mentions: ["invalid YAML"])
    }

    func testLoadNamesTheFileThatCannotBeRead() {
        XCTAssertThrowsError(try ConfigLoader.load(path: "/nonexistent/workmix.yml")) { error in
            XCTAssertTrue("\(error)".hasPrefix("/nonexistent/workmix.yml: "), "\(error)")
        }
    }
}
