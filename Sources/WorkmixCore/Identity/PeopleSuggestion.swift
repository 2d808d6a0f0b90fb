import Foundation

/// Two people who may be one: what `workmix people` leaves to a person to decide, because a merge
/// could as well join two colleagues.
package struct PeopleSuggestion: Hashable, Sendable {
    package enum Reason: Hashable, Sendable {
        /// Addresses with the same local part under different names (`jdoe@corp.com`, `jdoe@gmail.com`).
        case sharedLocalPart(String)
        /// Names equal but for accents or a middle initial (`José Díaz`, `Jose Diaz`).
        case similarNames

        package var description: String {
            switch self {
            case .sharedLocalPart(let local): return "addresses named '\(local)' under different names"
            case .similarNames: return "names that differ by accents or a middle initial"
            }
        }
    }

    /// Two people as shown, the busier first.
    package var people: [Person]
    package var reason: Reason
}

extension People {
    /// Pairs of people who may be one, each pair once, busiest first. People kept apart by `distinct`
    /// were decided already and are not suggested again.
    package var suggestions: [PeopleSuggestion] {
        var byLocalPart: [String: [Int]] = [:]
        var byFoldedName: [String: [Int]] = [:]
        for (position, entry) in everyone.enumerated() {
            var locals: Set<String> = []
            for identity in entry.identities {
                guard let local = IdentitySimilarity.localPart(identity.person.email), local.count >= 3,
                    !IdentitySimilarity.sharedLocalParts.contains(local), !local.allSatisfy(\.isNumber)
                else { continue }
                locals.insert(local)
            }
            for local in locals { byLocalPart[local, default: []].append(position) }
            let folded = IdentitySimilarity.foldedName(entry.person.name)
            if !folded.isEmpty { byFoldedName[folded, default: []].append(position) }
        }
        var suggestions: [(positions: [Int], reason: PeopleSuggestion.Reason)] = []
        var seen: Set<[Int]> = []
        for (local, positions) in byLocalPart {
            for pair in Self.pairs(positions) where seen.insert(pair).inserted {
                suggestions.append((pair, .sharedLocalPart(local)))
            }
        }
        for positions in byFoldedName.values {
            for pair in Self.pairs(positions) where seen.insert(pair).inserted {
                suggestions.append((pair, .similarNames))
            }
        }
        return
            suggestions
            .filter { !$0.positions.allSatisfy(isDistinct) }
            .sorted { $0.positions.lexicographicallyPrecedes($1.positions) }
            .map { PeopleSuggestion(people: $0.positions.map { everyone[$0].person }, reason: $0.reason) }
    }

    /// Whether the config named one of this person's identities `distinct`.
    private func isDistinct(_ position: Int) -> Bool {
        everyone[position].identities.contains { options.distinct.contains($0.key) }
    }

    /// Every two of `positions`, each in ascending order.
    private static func pairs(_ positions: [Int]) -> [[Int]] {
        let sorted = positions.sorted()
        return sorted.indices.flatMap { i in sorted[(i + 1)...].map { [sorted[i], $0] } }
    }
}
