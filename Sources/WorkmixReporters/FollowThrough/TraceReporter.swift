import WorkmixCore

/// `workmix trace --format table`.
package struct TableTraceReporter: Reporter {
    package static let format = OutputFormat.table
    package init() {}
    package func report(_ trace: FollowThroughTrace) -> String { TraceText.table(trace) }
}

/// `workmix trace --format json`.
package struct JSONTraceReporter: Reporter {
    package static let format = OutputFormat.json
    package init() {}
    package func report(_ trace: FollowThroughTrace) -> String { TraceText.json(trace) }
}

/// What the trace reporters write.
enum TraceText {
    static func table(_ trace: FollowThroughTrace) -> String {
        let record = trace.commit.record, classification = trace.commit.classification
        var text = "commit \(record.sha)  \(classification.skipped ? "skipped" : classification.category.rawValue)"
        if let rule = classification.ruleID { text += "  (rule \(TextCell.clean(rule)))" }
        text +=
            "\n  " + TextCell.clean(record.repo) + " · " + record.authoredAt.iso8601 + " · "
            + TextCell.clean(ResidencyText.name(record.author)) + "\n  " + TextCell.clean(record.subject) + "\n\n"
        if let note = trace.note { return text + "  \(note)\n" }
        text += "areas (\(trace.scheme.summary)): " + TextCell.clean(trace.areas.map(\.area).joined(separator: ", ")) + "\n"
        let next = FollowThroughTrace.nextLinkName(trace.commit.classification.category)
        text +=
            "within \(trace.settings.weeks) weeks after it, by anyone"
            + (next.map { " (* \($0): what follow-through counts)" } ?? "") + ":\n"
        for area in trace.areas {
            text += "\n  " + TextCell.clean(area.area) + "\n"
            if let baseline = area.baseline, let next = FollowThroughTrace.nextCategory(trace.commit.classification.category) {
                text +=
                    "    baseline: \(baseline.followed) of \(baseline.commits) other commits in the \(trace.settings.weeks) weeks before "
                    + "it followed by \(next.rawValue) (\(Percent.format(baseline.share)))\n"
            }
            if area.followers.isEmpty { text += "    (nothing)\n" }
            for follower in area.followers {
                let commit = follower.commit.record
                text +=
                    "    " + (follower.isNextLink ? "* " : "  ") + String(commit.sha.prefix(10)) + "  "
                    + TextCell.fit(follower.commit.classification.category.rawValue, 12)
                    + TableResidencyReporter.pad("+" + FollowThroughText.days(follower.lagDays) + " d", 9) + "  "
                    + TextCell.fit(ResidencyText.name(commit.author), 18) + "  " + TextCell.cut(commit.subject, 60) + "\n"
            }
        }
        return text
    }

    static func json(_ trace: FollowThroughTrace) -> String {
        var json = JSONWriter()
        json.beginObject()
        json.beginObject("commit")
        commit(trace.commit, &json)
        json.endObject()
        json.optionalString("note", trace.note)
        json.beginArray("areas")
        for area in trace.areas { json.string(nil, area.area) }
        json.endArray()
        json.int("weeks", trace.settings.weeks)
        json.beginArray("followers")
        for area in trace.areas {
            json.beginObject()
            json.string("area", area.area)
            if let baseline = area.baseline { FollowThroughJSON.count("baseline", baseline, &json) } else { json.null("baseline") }
            json.beginArray("commits")
            for follower in area.followers {
                json.beginObject()
                commit(follower.commit, &json)
                json.double("lagDays", follower.lagDays)
                json.bool("follows", follower.isNextLink)
                json.endObject()
            }
            json.endArray()
            json.endObject()
        }
        json.endArray()
        json.endObject()
        return json.text + "\n"
    }

    static func commit(_ commit: ClassifiedCommit, _ json: inout JSONWriter) {
        let record = commit.record
        json.string("repo", record.repo)
        json.string("sha", record.sha)
        json.string("subject", record.subject)
        json.beginObject("author")
        json.string("name", record.author.name)
        json.string("email", record.author.email)
        json.endObject()
        json.string("authoredAt", record.authoredAt.iso8601)
        json.string("category", commit.classification.skipped ? "skip" : commit.classification.category.rawValue)
        json.optionalString("rule", commit.classification.ruleID)
    }
}
