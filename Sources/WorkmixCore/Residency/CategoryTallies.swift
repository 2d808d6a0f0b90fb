import Foundation

/// Commits and churn (insertions + deletions) of a slice of work.
package struct WorkTally: Hashable, Codable, Sendable {
    package var commits: Int
    package var churn: Int

    package init(commits: Int = 0, churn: Int = 0) {
        self.commits = commits
        self.churn = churn
    }

    /// The amount a residency's `measure` counts.
    package func amount(_ measure: WorkmixConfig.Measure) -> Int {
        measure == .commits ? commits : churn
    }

    mutating func add(churn: Int) {
        commits += 1
        self.churn += churn
    }
}

/// Work by category: investment, maintenance, support and unclassified.
package struct CategoryTallies: Hashable, Codable, Sendable {
    private var tallies: [Category: WorkTally] = [:]

    package init() {}

    package subscript(category: Category) -> WorkTally {
        tallies[category] ?? WorkTally()
    }

    package var total: WorkTally {
        tallies.values.reduce(into: WorkTally()) {
            $0.commits += $1.commits
            $0.churn += $1.churn
        }
    }

    /// The tallies as integers (category number, commits, churn; categories with work only), for a
    /// report's checkpoint.
    package var packed: [Int] {
        Category.allCases.enumerated().flatMap { number, category in
            tallies[category].map { [number, $0.commits, $0.churn] } ?? []
        }
    }

    /// Tallies from `packed`; nil when they are not triples of a category and two counts.
    package init?(packed: [Int]) {
        guard packed.count % 3 == 0 else { return nil }
        for start in stride(from: 0, to: packed.count, by: 3) {
            guard Category.allCases.indices.contains(packed[start]) else { return nil }
            tallies[Category.allCases[packed[start]]] = WorkTally(commits: packed[start + 1], churn: packed[start + 2])
        }
    }

    package mutating func add(_ category: Category, churn: Int) {
        tallies[category, default: WorkTally()].add(churn: churn)
    }

    /// The share of a category, by `measure`, as a fraction.
    ///
    /// Investment, maintenance and support are shares of the *classified* work, so that they sum to 1
    /// as the plan does; unclassified is a share of *all* work, which `max_unclassified` bounds. A team
    /// lead plans "half investment" of what the team does, not of what the rules could read: comparing
    /// the plan with shares of all work would make every category look short by the unclassified share
    /// and fail a residency for the rules' blind spots rather than for its mix of work. The unclassified
    /// share is judged on its own, against `max_unclassified`.
    package func share(of category: Category, measure: WorkmixConfig.Measure) -> Double {
        let all = total.amount(measure)
        if category == .unclassified {
            return all == 0 ? 0 : Double(self[.unclassified].amount(measure)) / Double(all)
        }
        let classified = all - self[.unclassified].amount(measure)
        return classified == 0 ? 0 : Double(self[category].amount(measure)) / Double(classified)
    }
}
