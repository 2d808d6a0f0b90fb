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
        json.endObject()
    }
}
