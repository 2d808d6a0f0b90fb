import Foundation

/// The three kinds of work, plus the honest "no rule placed it".
package enum Category: String, Codable, CaseIterable, Sendable, Comparable {
    case investment, maintenance, support, unclassified

    /// The categories a rule may assign.
    package static let assignable: [Category] = [.investment, .maintenance, .support]

    package static func < (lhs: Category, rhs: Category) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
