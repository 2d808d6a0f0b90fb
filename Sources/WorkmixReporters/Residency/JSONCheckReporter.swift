import WorkmixCore

/// `check --format json`: the verdicts only, `{"asOf", "residencies": [{name, verdict, status, fails, reasons}],
/// "verdict"}` (`verdict` judges the figures so far; `fails` says whether the check fails it), and
/// `"unevaluated"` (commits on which the regex engine gave up on a rule) when there are any. With
/// follow-through, each residency also has `"supportToInvestment": {commits, followed, share, baseline,
/// lift, liftReason, p, liftInterval, permutations}`.
package struct JSONCheckReporter: Reporter {
    package static let format = OutputFormat.json
    package init() {}

    package func report(_ report: ResidencyReport) -> String {
        var json = JSONWriter()
        json.beginObject()
        if let asOf = report.asOf { json.string("asOf", asOf.description) }
        json.beginArray("residencies")
        for result in report.residencies {
            json.beginObject()
            json.string("name", result.name)
            json.string("verdict", result.verdict.label)
            json.string("status", result.status.rawValue)
            json.bool("fails", result.verdict.fails)
            json.beginArray("reasons")
            for finding in result.verdict.findings { json.string(nil, finding.description) }
            json.endArray()
            if let link = result.followThrough?.supportToInvestment {
                json.beginObject("supportToInvestment")
                json.int("commits", link.commits)
                json.int("followed", link.followed)
                json.double("share", link.share)
                FollowThroughJSON.lift(link.lift, &json)
                json.endObject()
            }
            json.endObject()
        }
        json.endArray()
        json.string("verdict", report.summary.verdictLabel)
        if report.summary.unevaluated > 0 { json.int("unevaluated", report.summary.unevaluated) }
        json.endObject()
        return json.text + "\n"
    }
}
