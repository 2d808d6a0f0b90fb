import WorkmixCore

/// `json`: SPEC 6's shape, keys in a fixed order, shares as fractions rounded to 4 decimals.
package struct JSONResidencyReporter: Reporter {
    package static let format = OutputFormat.json
    package init() {}

    package func report(_ report: ResidencyReport) -> String {
        var json = JSONWriter()
        json.beginObject()
        if let asOf = report.asOf { json.string("asOf", asOf.description) }
        json.beginArray("residencies")
        for result in report.residencies { residency(result, &json) }
        json.endArray()
        summary(report.summary, &json)
        json.endObject()
        return json.text + "\n"
    }

    func residency(_ result: ResidencyResult, _ json: inout JSONWriter) {
        json.beginObject()
        json.string("name", result.name)
        json.string("from", result.residency.from.description)
        json.string("to", result.residency.to.description)
        json.beginArray("repos")
        for repo in result.repositories { json.string(nil, repo) }
        json.endArray()
        json.string("verdict", result.verdict.label)
        json.string("status", result.status.rawValue)
        json.string("measure", result.measure.rawValue)
        total(result.work, &json)
        byCategory(result.work, measure: result.measure, &json)
        json.beginObject("plan")
        for category in Category.assignable { if let share = result.plan[category] { json.double(category.rawValue, share) } }
        json.endObject()
        json.beginObject("delta")
        for category in Category.assignable { if let delta = result.delta[category] { json.double(category.rawValue, delta) } }
        json.endObject()
        json.beginObject("resident")
        commits("own", result.own, &json)
        commits("paired", result.paired, &json)
        json.endObject()
        json.beginArray("pairings")
        for pairing in result.pairings {
            json.beginObject()
            json.beginObject("partner")
            json.string("name", pairing.partner.name)
            json.string("email", pairing.partner.email)
            json.endObject()
            json.int("commits", pairing.commits)
            commits("byCategory", pairing.work, &json)
            json.endObject()
        }
        json.endArray()
        // Added with the HTML timeline (issue 7): the same work, week by week across the window.
        json.beginArray("weeks")
        for week in result.weeks {
            json.beginObject()
            json.string("from", week.from.description)
            json.string("to", week.to.description)
            json.int("commits", week.work.total.commits)
            json.int("churn", week.work.total.churn)
            commits("byCategory", week.work, &json)
            json.endObject()
        }
        json.endArray()
        if let followThrough = result.followThrough { FollowThroughJSON.write(followThrough, &json) }
        if let commits = result.commits { CountedCommitsText.json(commits, &json) }
        json.endObject()
    }

    func summary(_ summary: ResidencySummary, _ json: inout JSONWriter) {
        json.beginObject("summary")
        json.int("residencies", summary.residencyCount)
        json.int("passed", summary.passed.count)
        json.int("failed", summary.failed.count)
        json.string("verdict", summary.verdictLabel)
        json.beginArray("failing")
        for name in summary.failed { json.string(nil, name) }
        json.endArray()
        for (key, names) in [("offPlanSoFar", summary.offPlanSoFar), ("upcoming", summary.upcoming)] where !names.isEmpty {
            json.beginArray(key)
            for name in names { json.string(nil, name) }
            json.endArray()
        }
        json.string("measure", summary.measure.rawValue)
        total(summary.work, &json)
        byCategory(summary.work, measure: summary.measure, &json)
        if let followThrough = summary.followThrough { FollowThroughJSON.write(followThrough, &json) }
        if summary.unevaluated > 0 { json.int("unevaluated", summary.unevaluated) }
        json.endObject()
    }

    func total(_ work: CategoryTallies, _ json: inout JSONWriter) {
        json.beginObject("total")
        json.int("commits", work.total.commits)
        json.int("churn", work.total.churn)
        json.endObject()
    }

    func byCategory(_ work: CategoryTallies, measure: WorkmixConfig.Measure, _ json: inout JSONWriter) {
        json.beginObject("byCategory")
        for category in Category.allCases {
            json.beginObject(category.rawValue)
            json.int("commits", work[category].commits)
            json.int("churn", work[category].churn)
            json.double("share", work.share(of: category, measure: measure))
            json.endObject()
        }
        json.endObject()
    }

    func commits(_ key: String, _ work: CategoryTallies, _ json: inout JSONWriter) {
        json.beginObject(key)
        for category in Category.allCases { json.int(category.rawValue, work[category].commits) }
        json.endObject()
    }
}
