import Foundation

/// How identities become people beyond `.mailmap` and `identities` (config `merge_same_name`,
/// `identities: {distinct: […]}`).
package struct PeopleOptions: Sendable, Hashable {
    /// Identities whose names are equal (case and whitespace aside) are one person, as `git shortlog`
    /// groups them. Off, only addresses that differ by a typo are merged, under the same name.
    package var mergeSameName = true
    /// `Person.key`s of identities that are people of their own: nobody is merged with them by name.
    package var distinct: Set<String> = []

    package init(mergeSameName: Bool = true, distinct: Set<String> = []) {
        self.mergeSameName = mergeSameName
        self.distinct = distinct
    }
}

/// Who is who in the commits read: each identity of an `IdentityCensus` belongs to one person, shown
/// with the name and address they use most. Pairing, residencies and `people` count through it, so a
/// person appears once whichever address a commit or the config names them by.
package struct People: Sendable {
    package enum MergeReason: String, Sendable {
        case sameName = "same name"
        case addressTypo = "address typo"
    }

    /// One identity joined to another of the same person, and why.
    package struct Merge: Sendable, Hashable {
        package var identity: Person
        package var joined: Person
        package var reason: MergeReason
    }

    package struct Entry: Sendable {
        package var person: Person
        /// The person's identities, most commits first.
        package var identities: [IdentityCensus.Identity]
        /// Commits any of their identities took part in, and those with someone else too.
        package var commits = 0
        package var pairedCommits = 0
        package var merges: [Merge] = []

        /// The identities other than the one shown, each under its most used spelling.
        package var aliases: [Person] {
            identities.filter { $0.key != person.key }.map(\.person).sorted()
        }
    }

    /// Most commits first, then by name.
    package private(set) var everyone: [Entry] = []
    package private(set) var options = PeopleOptions()
    private var indexByKey: [String: Int] = [:]
    /// With same-name merging, the person of each name borne by no one else (for a name written alone).
    private var indexByName: [String: Int] = [:]

    /// No census: every identity is a person of its own.
    package init() {}

    package init(census: IdentityCensus, options: PeopleOptions = PeopleOptions()) {
        self.options = options
        var joins = IdentityJoins(census.identities.count)
        let merges = Self.merge(census.identities, options: options, into: &joins)
        var members: [Int: [Int]] = [:]
        for index in census.identities.indices { members[joins.root(index), default: []].append(index) }
        var entries: [Int: Entry] = members.mapValues { Self.entry($0.map { census.identities[$0] }) }
        for merge in merges { entries[joins.root(merge.index)]?.merges.append(merge.merge) }
        for (group, count) in census.groups {
            let roots = Set(group.map { joins.root($0) })
            for root in roots {
                entries[root]?.commits += count
                if roots.count > 1 { entries[root]?.pairedCommits += count }
            }
        }
        everyone = entries.values.sorted { ($1.commits, $0.person) < ($0.commits, $1.person) }
        var ambiguous: Set<String> = []
        for (position, entry) in everyone.enumerated() {
            for identity in entry.identities { indexByKey[identity.key] = position }
            indexByKey[entry.person.key] = position
            let name = IdentitySimilarity.normalizedName(entry.person.name)
            guard options.mergeSameName, !name.isEmpty else { continue }
            if indexByName.updateValue(position, forKey: name) != nil { ambiguous.insert(name) }
        }
        for name in ambiguous { indexByName[name] = nil }
    }

    /// The person an identity belongs to, as shown; an identity the census never saw is its own person.
    /// A name written alone (a resident named `Jane Doe`) is the one person of that name, if one.
    package func resolve(_ person: Person) -> Person {
        if let index = indexByKey[person.key] { return everyone[index].person }
        guard person.email.isEmpty, let index = indexByName[IdentitySimilarity.normalizedName(person.name)] else { return person }
        return everyone[index].person
    }

    /// The entry of the person an identity belongs to.
    package func entry(for person: Person) -> Entry? {
        indexByKey[person.key].map { everyone[$0] }
    }

    /// Joins identities by the name each uses most (or, without `mergeSameName`, by address typos under
    /// one name), never across a name that a `distinct` identity bears.
    private static func merge(
        _ identities: [IdentityCensus.Identity], options: PeopleOptions,
        into joins: inout IdentityJoins
    ) -> [(index: Int, merge: Merge)] {
        var byName: [String: [Int]] = [:]
        var blocked: Set<String> = []
        for (index, identity) in identities.enumerated() {
            // By the name an identity uses most: an address several people wrote (a pair's, a shared
            // workstation's) joins one of them, not a chain of everyone who ever used it.
            let name = IdentitySimilarity.normalizedName(identity.person.name)
            if !name.isEmpty { byName[name, default: []].append(index) }
            if options.distinct.contains(identity.key) {
                blocked.formUnion(identity.spellings.keys.map { IdentitySimilarity.normalizedName($0.name) })
            }
        }
        var merges: [(index: Int, merge: Merge)] = []
        for name in byName.keys.sorted() where !blocked.contains(name) {
            let indices = byName[name] ?? []
            for (position, index) in indices.enumerated() {
                for other in indices[..<position] {
                    let reason: MergeReason
                    if options.mergeSameName {
                        reason = .sameName
                    } else if IdentitySimilarity.areTypos(identities[index].person.email, identities[other].person.email) {
                        reason = .addressTypo
                    } else {
                        continue
                    }
                    if joins.join(index, other) {
                        merges.append(
                            (
                                index,
                                Merge(
                                    identity: identities[index].person, joined: identities[other].person,
                                    reason: reason)
                            ))
                    }
                }
            }
        }
        return merges
    }

    /// A person from their identities: the name used most (spellings counted over all identities), and
    /// the address of their busiest identity that has one.
    private static func entry(_ identities: [IdentityCensus.Identity]) -> Entry {
        let sorted = identities.sorted { ($1.commits, $0.key) < ($0.commits, $1.key) }
        var names: [String: Int] = [:]
        for identity in sorted {
            for (spelling, count) in identity.spellings where !spelling.name.isEmpty { names[spelling.name, default: 0] += count }
        }
        let name = names.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key ?? ""
        let email = (sorted.first { !$0.person.email.isEmpty } ?? sorted[0]).person.email
        return Entry(person: Person(name: name, email: email), identities: sorted)
    }
}

/// Union–find over identity indices.
struct IdentityJoins {
    private var parent: [Int]

    init(_ count: Int) { parent = Array(0..<count) }

    mutating func root(_ index: Int) -> Int {
        var index = index
        while parent[index] != index {
            parent[index] = parent[parent[index]]
            index = parent[index]
        }
        return index
    }

    /// Joins two sets; false when they were one already.
    mutating func join(_ a: Int, _ b: Int) -> Bool {
        let rootA = root(a), rootB = root(b)
        guard rootA != rootB else { return false }
        parent[max(rootA, rootB)] = min(rootA, rootB)
        return true
    }
}
