import WorkmixCore

/// SPEC 9's `followThrough` object, for the residency report's JSON (per residency and in `summary`).
enum FollowThroughJSON {
    static func write(_ result: FollowThroughResult, _ json: inout JSONWriter) {
        json.beginObject("followThrough")
        link("supportToInvestment", result.supportToInvestment, &json)
        link("investmentToMaintenance", result.investmentToMaintenance, &json)
        json.beginArray("areas")
        for area in result.areas {
            json.beginObject()
            json.string("repo", area.repo)
            json.string("area", area.area)
            json.int("support", area.support)
            json.int("investment", area.investment)
            json.int("maintenance", area.maintenance)
            json.int("investmentAfterSupport", area.investmentAfterSupport)
            json.int("maintenanceAfterInvestment", area.maintenanceAfterInvestment)
            for (name, own, baseline) in [
                ("support", area.supportFollowed, area.supportBaseline),
                ("investment", area.investmentFollowed, area.investmentBaseline),
            ] {
                json.int(name + "Followed", own.followed)
                json.double(name + "FollowedShare", own.share)
                count(name + "Baseline", baseline, &json)
            }
            json.endObject()
        }
        json.endArray()
        json.endObject()
    }

    static func link(_ key: String, _ link: FollowThroughLink, _ json: inout JSONWriter) {
        json.beginObject(key)
        json.int("commits", link.commits)
        json.int("followed", link.followed)
        json.double("share", link.share)
        json.beginObject("lagDays")
        for (name, value) in [("p25", link.lagDays?.p25), ("median", link.lagDays?.median), ("p75", link.lagDays?.p75)] {
            if let value { json.double(name, value) } else { json.null(name) }
        }
        json.endObject()
        lift(link.lift, &json)
        json.endObject()
    }

    /// `"baseline": {…}, "lift", "liftReason", "p", "liftInterval", "permutations"` inside a link.
    static func lift(_ lift: FollowThroughLift, _ json: inout JSONWriter) {
        count("baseline", lift.baseline, &json)
        if let value = lift.lift { json.double("lift", value) } else { json.null("lift") }
        json.optionalString("liftReason", lift.note)
        if let p = lift.p { json.double("p", p) } else { json.null("p") }
        if let interval = lift.interval {
            json.beginArray("liftInterval")
            json.double(nil, interval.low)
            if let high = interval.high { json.double(nil, high) } else { json.null(nil) }
            json.endArray()
        } else {
            json.null("liftInterval")
        }
        json.int("permutations", lift.permutations)
    }

    static func count(_ key: String, _ count: FollowedCount, _ json: inout JSONWriter) {
        json.beginObject(key)
        json.int("commits", count.commits)
        json.int("followed", count.followed)
        json.double("share", count.share)
        json.endObject()
    }
}
