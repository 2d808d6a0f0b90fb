import Foundation

extension RuleContext {
    /// The context in which the `resident` matcher holds for a commit that a resident of a residency
    /// took part in (as author or co-author) within that residency's window.
    public static func residencies(of config: WorkmixConfig) -> RuleContext {
        let residencies = config.residencies
        guard !residencies.isEmpty else { return .none }
        return RuleContext { record in
            residencies.contains { residency in
                residency.contains(record.authoredAt)
                    && (residency.isResident(record.author) || record.coAuthors.contains(where: residency.isResident))
            }
        }
    }
}
