import Foundation

/// The known identity nearest to one the config names but no commit bears: the "did you mean" of
/// `config check`. Addresses are compared with addresses, names and logins with names and the parts
/// of addresses before the `@`.
package enum IdentityNearest {
    /// The closest of `known` to `wanted`, when close enough to be a slip; ties go to the busier.
    package static func suggestion(for wanted: Person, among known: [(person: Person, commits: Int)]) -> Person? {
        var best: (rank: Int, commits: Int, person: Person)?
        for candidate in known {
            guard let rank = rank(candidate.person, for: wanted) else { continue }
            if let current = best, (current.rank, -current.commits, current.person) <= (rank, -candidate.commits, candidate.person) {
                continue
            }
            best = (rank, candidate.commits, candidate.person)
        }
        return best?.person
    }

    /// How far `candidate` is from `wanted` (lower is nearer), or nil when too far to suggest.
    static func rank(_ candidate: Person, for wanted: Person) -> Int? {
        let email = candidate.email.lowercased()
        if !wanted.email.isEmpty {
            guard !email.isEmpty else { return nil }
            let target = wanted.email.lowercased()
            if IdentitySimilarity.areTypos(target, email) { return 1 }
            let distance = editDistance(Array(target), Array(email))
            // A slip of a letter or two; farther than that is another person (carol@… is not bob@…).
            return distance <= (target.count < 12 ? 1 : 2) ? distance : nil
        }
        // A name, a login or an `@handle`.
        var login = IdentitySimilarity.normalizedName(wanted.name)
        if login.hasPrefix("@") { login.removeFirst() }
        guard !login.isEmpty else { return nil }
        let local = IdentitySimilarity.localPart(Person(name: "", email: email).key) ?? ""
        if local == login, !IdentitySimilarity.sharedLocalParts.contains(login) { return 0 }
        let name = IdentitySimilarity.foldedName(candidate.name)
        if name == IdentitySimilarity.foldedName(login) { return 0 }
        if !login.contains(" "), name.split(separator: " ").contains(Substring(login)) { return 2 }
        let distance = min(
            editDistance(Array(login), Array(name)), local.isEmpty ? Int.max : editDistance(Array(login), Array(local)))
        return distance <= max(1, min(3, login.count / 4)) ? 1 + distance : nil
    }

    /// Letters replaced, added, dropped, or two neighbours swapped (optimal string alignment).
    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var before = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { current[j] = min(current[j], before[j - 2] + 1) }
            }
            (before, previous, current) = (previous, current, before)
        }
        return previous[b.count]
    }
}
