import Foundation

/// Commits counted per category, the four of SPEC 1 including `unclassified`.
package struct CategoryTally: Hashable, Sendable {
    package var investment = 0
    package var maintenance = 0
    package var support = 0
    package var unclassified = 0

    package init(investment: Int = 0, maintenance: Int = 0, support: Int = 0, unclassified: Int = 0) {
        self.investment = investment
        self.maintenance = maintenance
        self.support = support
        self.unclassified = unclassified
    }

    package subscript(category: Category) -> Int {
        get {
            switch category {
            case .investment: return investment
            case .maintenance: return maintenance
            case .support: return support
            case .unclassified: return unclassified
            }
        }
        set {
            switch category {
            case .investment: investment = newValue
            case .maintenance: maintenance = newValue
            case .support: support = newValue
            case .unclassified: unclassified = newValue
            }
        }
    }

    package var total: Int { investment + maintenance + support + unclassified }

    /// The category with most commits (SPEC 5). Ties go to investment, then maintenance, then support,
    /// then unclassified: `unclassified` is a category like the others here (reported, never hidden),
    /// so a pair whose commits no rule placed says so, but it loses every tie to a real category.
    package var dominant: Category {
        var best = Category.investment
        for category in Category.allCases where self[category] > self[best] { best = category }
        return best
    }
}
