import Foundation

/// What rules may ask about a commit beyond its record. The residency code supplies `isResident`
/// (did a resident of an active residency take part?); without it the `resident` matcher sees false.
public struct RuleContext: Sendable {
    public var isResident: @Sendable (CommitRecord) -> Bool

    public init(isResident: @escaping @Sendable (CommitRecord) -> Bool = { _ in false }) {
        self.isResident = isResident
    }

    public static let none = RuleContext()
}
