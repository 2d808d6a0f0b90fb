import Foundation

/// Who appears in the commits read, identity by identity (`Person.key` after `.mailmap` and the
/// config's `identities`): how often each spelling is used, how the identity was written, and which
/// identities took part in the same commits. `People` is made from it. Bots, and AI assistants that
/// count for no pair, are kept apart. Memory grows with the identities and the distinct groups of
/// them that commit together, not with the commits.
package struct IdentityCensus: Sendable {
    /// One identity: an email (case-insensitively), or a name for an identity written without one.
    package struct Identity: Sendable {
        package let key: String
        /// Each spelling (`Name <email>`) of this identity and the commits it appears in.
        package var spellings: [Person: Int] = [:]
        /// The identity as commits write it: what a `.mailmap` written for these people must name.
        package var written: Set<Person> = []
        /// And as the `.mailmap` turns it out: what the config's `identities` see.
        package var mailmapped: Set<Person> = []
        /// Commits this identity took part in.
        package var commits = 0

        package init(key: String) { self.key = key }

        /// The spelling used most.
        package var person: Person { Person.mostUsed(spellings) ?? Person(name: "", email: "") }
    }

    // The state below is what a report saves and a later run takes up again (SPEC 8): WorkmixStore
    // encodes it, hence `package`, settable.
    package var identities: [Identity] = []
    /// Bot identities (and AI assistants when they are no partners), with the commits they appear in.
    package var bots: [Person: Int] = [:]
    /// Commits by the identities that took part (indices into `identities`, sorted).
    package var groups: [[Int]: Int] = [:]
    package var indexByKey: [String: Int] = [:]
    private var verdicts: ParticipantVerdicts

    package init(filter: ParticipantFilter = ParticipantFilter()) {
        verdicts = ParticipantVerdicts(filter)
    }

    /// Notes the people of one commit, author first (`IdentityResolver.traces`).
    package mutating func add(_ traces: [IdentityTrace]) {
        var group: [Int] = []
        for (position, trace) in traces.enumerated() {
            let person = trace.resolved
            guard verdicts.counts(person, asAuthor: position == 0) else {
                bots[person, default: 0] += 1
                continue
            }
            let index = self.index(of: person.key)
            identities[index].spellings[person, default: 0] += 1
            identities[index].written.insert(trace.written)
            identities[index].mailmapped.insert(trace.mailmapped)
            if !group.contains(index) {
                group.append(index)
                identities[index].commits += 1
            }
        }
        guard !group.isEmpty else { return }
        groups[group.sorted(), default: 0] += 1
    }

    private mutating func index(of key: String) -> Int {
        if let index = indexByKey[key] { return index }
        indexByKey[key] = identities.count
        identities.append(Identity(key: key))
        return identities.count - 1
    }
}
