import WorkmixCore

/// What the text formats share.
enum ResidencyText {
    static func name(_ person: Person) -> String { person.name.isEmpty ? person.email : person.name }

    static func window(_ residency: Residency) -> String {
        "\(residency.from) – \(residency.to) (\(residency.timezoneName))"
    }

    static func verdict(_ result: ResidencyResult) -> String { result.verdict.passed ? "PASS" : "FAIL" }

    /// `investment 45% (plan 40%), …; unclassified 4% (max 20%)`: one line per residency for check.
    static func shares(_ result: ResidencyResult) -> String {
        let plan = result.plan
        let categories = Category.assignable.map { category -> String in
            var text = "\(category.rawValue) \(Percent.format(result.share(of: category)))"
            if let planned = plan[category] { text += " (plan \(Percent.format(planned)))" }
            return text
        }.joined(separator: ", ")
        return categories + "; unclassified \(Percent.format(result.share(of: .unclassified)))"
            + " (max \(Percent.format(result.residency.maxUnclassified)))"
    }

    static func measureWord(_ measure: WorkmixConfig.Measure) -> String {
        measure == .commits ? "commits" : "churn (insertions + deletions)"
    }
}
