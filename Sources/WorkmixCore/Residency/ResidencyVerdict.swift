import Foundation

/// Whether a residency kept to its plan, and if not, why.
package struct ResidencyVerdict: Hashable, Sendable {
    package enum Finding: Hashable, Sendable, CustomStringConvertible {
        /// Neither the resident nor the team has a commit in the window: nothing shows the plan was met
        /// (and wrong emails or dates in the config look exactly like this).
        case noWork
        /// The repositories are shallow clones cut after the window started: commits before `cut` are
        /// missing, so the figures cannot be trusted (said instead of `noWork` when nothing was found).
        case shallowHistory(cut: CivilDate)
        /// A category's share is further from the plan than the tolerance allows.
        case offPlan(Category, actual: Double, planned: Double, tolerance: Double)
        case tooMuchUnclassified(actual: Double, maximum: Double)
        /// Too few support commits were followed by investment in their areas (plan `min_follow_through`).
        case littleFollowThrough(followed: Int, of: Int, minimum: Double)
        /// Support was not followed by investment enough more often than other commits (plan `min_lift`).
        case lowLift(LiftEvidence, minimum: Double)

        package var description: String {
            switch self {
            case .noWork:
                return "no commit by the resident or the team in the window"
            case let .shallowHistory(cut):
                return "the history is shallow: commits before \(cut) are missing; fetch the full history"
            case let .offPlan(category, actual, planned, tolerance):
                // Rounded, 80.04% and 10.04 points would read as 80% and 10: just within the tolerance.
                let direction = actual < planned ? "below" : "above"
                let edge = planned + (actual < planned ? -tolerance : tolerance)
                return "\(category.rawValue) is \(Percent.points(actual, distinctFrom: edge))% of classified work, "
                    + "\(Percent.points(abs(actual - planned), distinctFrom: tolerance)) points \(direction) the plan's "
                    + "\(Percent.format(planned)) (tolerance \(Percent.points(tolerance)))"
            case let .tooMuchUnclassified(actual, maximum):
                return "unclassified is \(Percent.points(actual, distinctFrom: maximum))% of all work, "
                    + "above the \(Percent.format(maximum)) allowed"
            case let .littleFollowThrough(followed, commits, minimum):
                return Self.followThroughDescription(followed: followed, of: commits, minimum: minimum)
            case let .lowLift(evidence, minimum):
                return Self.liftDescription(evidence, minimum: minimum)
            }
        }
    }

    /// Why the figures so far are off plan; empty when on plan, and for an `upcoming` residency.
    package var findings: [Finding]
    package var status: ResidencyStatus
    /// `check --strict`: a `running` residency off plan fails too.
    package var strict: Bool

    package init(findings: [Finding], status: ResidencyStatus = .ended, strict: Bool = false) {
        self.findings = findings
        self.status = status
        self.strict = strict
    }

    /// The figures (so far) keep to the plan.
    package var onPlan: Bool { findings.isEmpty }

    /// Whether `check` fails the residency: off plan and ended (or running, under `--strict`).
    package var fails: Bool {
        !onPlan && (status == .ended || (status == .running && strict))
    }

    /// Not failed by `check` (an upcoming residency, or a running one off plan without `--strict`, too).
    package var passed: Bool { !fails }

    /// `pass` or `fail` for the figures so far, as JSON and CI print it; `pending` before the window.
    package var label: String { status == .upcoming ? "pending" : onPlan ? "pass" : "fail" }

    /// Shares closer than this to a bound count as on it: 0.1 - 0.2 is not exactly -0.1 in binary.
    static let epsilon = 1e-9

    /// Judges shares against a plan; `shares` must hold the three assignable categories.
    /// Nothing is judged before the window; with no commit, that is the one finding (its shares would
    /// all read 0%); a history cut after the window started is said first.
    package static func judge(
        residency: Residency, totalCommits: Int, shares: [Category: Double],
        unclassifiedShare: Double, status: ResidencyStatus = .ended, shallowCut: CivilDate? = nil
    ) -> ResidencyVerdict {
        guard status != .upcoming else { return ResidencyVerdict(findings: [], status: status) }
        var findings: [Finding] = []
        if let shallowCut, residency.from <= shallowCut { findings.append(.shallowHistory(cut: shallowCut)) }
        if totalCommits == 0 {
            return ResidencyVerdict(findings: findings.isEmpty ? [.noWork] : findings, status: status)
        }
        if !residency.plan.isEmpty {
            for category in Category.assignable {
                let planned = residency.plan[category] ?? 0
                let actual = shares[category] ?? 0
                if abs(actual - planned) > residency.tolerance + epsilon {
                    findings.append(.offPlan(category, actual: actual, planned: planned, tolerance: residency.tolerance))
                }
            }
        }
        if unclassifiedShare > residency.maxUnclassified + epsilon {
            findings.append(.tooMuchUnclassified(actual: unclassifiedShare, maximum: residency.maxUnclassified))
        }
        return ResidencyVerdict(findings: findings, status: status)
    }
}

/// Shares as people read them: `47.5%`, and differences in percentage points.
package enum Percent {
    /// `47.5%` for 0.475, `50%` for 0.5.
    package static func format(_ fraction: Double) -> String { points(fraction) + "%" }

    /// `12.5` for 0.125; no sign.
    package static func points(_ fraction: Double) -> String {
        let value = (fraction * 1000).rounded() / 10
        return value == value.rounded() ? String(Int(value)) : String(value)
    }

    /// As `points`, with more decimals (up to four) where one would make `fraction` look equal to
    /// `other`: `10.04` against 10, where `points` says `10`.
    package static func points(_ fraction: Double, distinctFrom other: Double) -> String {
        var decimals = 1
        while decimals < 4 && rounded(fraction, decimals) == rounded(other, decimals) { decimals += 1 }
        var text = String(format: "%.\(decimals)f", rounded(fraction, decimals))
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    private static func rounded(_ fraction: Double, _ decimals: Int) -> Double {
        let scale = pow(10, Double(decimals))
        return (fraction * 100 * scale).rounded() / scale
    }

    /// `+12.5` / `-3` / `0`, for a signed difference.
    package static func signedPoints(_ fraction: Double) -> String {
        let value = (fraction * 1000).rounded() / 10
        if value == 0 { return "0" }
        return (value > 0 ? "+" : "-") + points(abs(fraction))
    }
}
