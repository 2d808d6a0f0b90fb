import Foundation
import WorkmixCore

extension IdentityCensus {
    /// The census as a report's checkpoint keeps it, to be added to by a later run that reads only the
    /// commits since (SPEC 8), packed: every person it names once (`names`, `emails`), then per
    /// identity the indices of its people. Identities keep their order: groups refer to them by index.
    package struct Checkpoint: Codable, Sendable {
        var names: PackedStrings
        var emails: PackedStrings
        var keys: PackedStrings
        /// Per identity: person, uses, person, uses…
        var spellings: PackedIntegers
        var written: PackedIntegers
        var mailmapped: PackedIntegers
        var commits: PackedIntegers
        /// One list: person, commits, person, commits…
        var bots: PackedIntegers
        /// Per group: its commits, then its identities.
        var groups: PackedIntegers
    }

    package var checkpoint: Checkpoint {
        var people: [Person] = [], numbers: [Person: Int] = [:]
        func number(_ person: Person) -> Int {
            if let known = numbers[person] { return known }
            numbers[person] = people.count
            people.append(person)
            return people.count - 1
        }
        let spellings = identities.map { $0.spellings.flatMap { [number($0.key), $0.value] } }
        let written = identities.map { $0.written.map(number) }
        let mailmapped = identities.map { $0.mailmapped.map(number) }
        let bots = self.bots.flatMap { [number($0.key), $0.value] }
        return Checkpoint(
            names: PackedStrings(people.map(\.name)), emails: PackedStrings(people.map(\.email)),
            keys: PackedStrings(identities.map(\.key)), spellings: PackedIntegers(lists: spellings),
            written: PackedIntegers(lists: written), mailmapped: PackedIntegers(lists: mailmapped),
            commits: PackedIntegers(identities.map(\.commits)), bots: PackedIntegers(lists: [bots]),
            groups: PackedIntegers(lists: groups.map { [$0.value] + $0.key }))
    }

    /// The census a checkpoint kept; nil when it does not hold together (a damaged file).
    package init?(checkpoint: Checkpoint, filter: ParticipantFilter = ParticipantFilter()) {
        self.init(filter: filter)
        guard let names = checkpoint.names.strings, let emails = checkpoint.emails.strings, names.count == emails.count,
            let keys = checkpoint.keys.strings, let spellings = checkpoint.spellings.lists, let written = checkpoint.written.lists,
            let mailmapped = checkpoint.mailmapped.lists, let commits = checkpoint.commits.values,
            let bots = checkpoint.bots.lists, bots.count == 1, bots[0].count % 2 == 0, let groups = checkpoint.groups.lists,
            [spellings.count, written.count, mailmapped.count, commits.count].allSatisfy({ $0 == keys.count }),
            spellings.allSatisfy({ $0.count % 2 == 0 })
        else { return nil }
        let people = zip(names, emails).map { Person(name: $0, email: $1) }
        func person(_ number: Int) -> Person? { people.indices.contains(number) ? people[number] : nil }
        func pairs(_ list: [Int]) -> [Person: Int]? {
            var counts: [Person: Int] = [:]
            for start in stride(from: 0, to: list.count, by: 2) {
                guard let person = person(list[start]) else { return nil }
                counts[person, default: 0] += list[start + 1]
            }
            return counts
        }
        for (index, key) in keys.enumerated() {
            let asWritten = written[index].compactMap(person), asMailmapped = mailmapped[index].compactMap(person)
            guard indexByKey[key] == nil, let counts = pairs(spellings[index]), asWritten.count == written[index].count,
                asMailmapped.count == mailmapped[index].count
            else { return nil }
            var identity = Identity(key: key)
            identity.spellings = counts
            identity.written = Set(asWritten)
            identity.mailmapped = Set(asMailmapped)
            identity.commits = commits[index]
            indexByKey[key] = identities.count
            identities.append(identity)
        }
        guard let botCounts = pairs(bots[0]),
            groups.allSatisfy({ !$0.isEmpty && $0.dropFirst().allSatisfy(keys.indices.contains) })
        else { return nil }
        self.bots = botCounts
        self.groups = Dictionary(groups.map { (Array($0.dropFirst()), $0[0]) }) { $0 + $1 }
    }
}
