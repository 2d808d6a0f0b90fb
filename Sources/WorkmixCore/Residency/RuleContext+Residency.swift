import Foundation

extension RuleContext {
    /// The context in which the `resident` matcher holds for a commit that a resident of a residency
    /// took part in (as author or co-author) within that residency's window.
    /// `people` says who is who: a resident named by one address takes part under any of theirs.
    package static func residencies(of config: WorkmixConfig, people: People = People()) -> RuleContext {
        let residencies = config.residencies.map { $0.identified(by: people) }
        guard !residencies.isEmpty else { return .none }
        return RuleContext { record in
            let takingPart = ([record.author] + record.coAuthors).map(people.resolve)
            return residencies.contains { residency in
                residency.contains(record.authoredAt) && takingPart.contains(where: residency.isResident)
            }
        }
    }
}
