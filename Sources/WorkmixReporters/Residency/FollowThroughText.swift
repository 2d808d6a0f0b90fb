import Foundation
import WorkmixCore

/// The follow-through section of the table and Markdown reports: the two links with their lags, then
/// the areas with the most support (all of them are in the JSON).
enum FollowThroughText {
    static let areaLimit = 10

    /// `4 of 6 followed (66.7%); lag in days: p25 5.2 · median 9 · p75 20.3`
    static func link(_ link: FollowThroughLink) -> String {
        var text = "\(link.followed) of \(link.commits) followed (\(Percent.format(link.share)))"
        if let lag = link.lagDays {
            text += "; lag in days: p25 \(days(lag.p25)) · median \(days(lag.median)) · p75 \(days(lag.p75))"
        }
        return text
    }

    /// `baseline 152 of 180 others (84.4%) · lift 1.16, p = 0.007 (chance: 0.88–1.09)`, or the reason
    /// there is no lift.
    static func baseline(_ link: FollowThroughLink) -> String {
        let lift = link.lift, baseline = lift.baseline
        var text = "baseline \(baseline.followed) of \(baseline.commits) others (\(Percent.format(baseline.share))) · "
        guard let value = lift.lift else { return text + "no lift: " + (lift.note ?? "") }
        text += "lift \(FollowThroughLift.format(value))"
        if let p = lift.p { text += ", p = " + FollowThroughLift.formatP(p, permutations: lift.permutations) }
        if let interval = lift.interval {
            text += " (chance: \(FollowThroughLift.format(interval.low))–\(interval.high.map(FollowThroughLift.format) ?? "∞"))"
        }
        return text
    }

    /// `97.9% vs 84.4% others, lift 1.16 (p = 0.007)`: a link's share against its baseline, in one line.
    /// `support → investment 5 of 6: 83.3% vs 9.1% others, lift 9.17 …`: the line `check` gives a residency.
    static func checkLine(_ link: FollowThroughLink) -> String {
        "support → investment \(link.followed) of \(link.commits): \(liftSummary(link))"
    }

    static func liftSummary(_ link: FollowThroughLink) -> String {
        var text = "\(Percent.format(link.share)) vs \(Percent.format(link.lift.baseline.share)) others, "
        guard let lift = link.lift.lift else { return text + "no lift (\(link.lift.note ?? ""))" }
        text += "lift \(FollowThroughLift.format(lift))"
        if let p = link.lift.p { text += " (p = \(FollowThroughLift.formatP(p, permutations: link.lift.permutations)))" }
        return text
    }

    /// `75% / 60%`: an area's share of a link followed, and its baseline's; `—` where there are none.
    static func areaShares(_ own: FollowedCount, _ baseline: FollowedCount) -> String {
        (own.commits == 0 ? "—" : Percent.format(own.share)) + " / " + (baseline.commits == 0 ? "—" : Percent.format(baseline.share))
    }

    /// Days with one decimal at most: `9`, `20.3`.
    static func days(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(format: "%.1f", rounded)
    }

    /// The areas a reader looks at first: most support, then most investment after it.
    static func topAreas(_ result: FollowThroughResult) -> [FollowThroughArea] {
        Array(
            result.areas.sorted {
                ($1.support, $1.investmentAfterSupport, $1.investment, $0.repo, $0.area)
                    < ($0.support, $0.investmentAfterSupport, $0.investment, $1.repo, $1.area)
            }.prefix(areaLimit))
    }

    /// `payments-api: api/refunds` when the areas span several repositories, else `api/refunds`.
    static func areaName(_ area: FollowThroughArea, in result: FollowThroughResult) -> String {
        Set(result.areas.map(\.repo)).count > 1 ? "\(area.repo): \(area.area)" : area.area
    }

    static func more(_ result: FollowThroughResult) -> String? {
        let rest = result.areas.count - areaLimit
        return rest > 0 ? "… and \(rest) more area\(rest == 1 ? "" : "s") (--format json lists them all)" : nil
    }

    static func table(_ result: FollowThroughResult) -> String {
        var text = "\n  follow-through (\(result.description))\n"
        text += "    support → investment       " + link(result.supportToInvestment) + "\n"
        text += "                               " + baseline(result.supportToInvestment) + "\n"
        text += "    investment → maintenance   " + link(result.investmentToMaintenance) + "\n"
        text += "                               " + baseline(result.investmentToMaintenance) + "\n"
        guard !result.areas.isEmpty else { return text + "    (no area touched)\n" }
        let widths = [6, 6, 7, 11, 13, 17]
        func row(_ label: String, _ cells: [String]) -> String {
            "    " + TextCell.fit(label, 30) + zip(cells, widths).map { TableResidencyReporter.pad($0, $1) }.joined() + "\n"
        }
        text += "\n" + row("AREA", ["SUPP", "INV", "MAINT", "INV AFTER", "MAINT AFTER", "SUPP→INV / BASE"])
        for area in topAreas(result) {
            text += row(
                areaName(area, in: result),
                [
                    area.support, area.investment, area.maintenance, area.investmentAfterSupport,
                    area.maintenanceAfterInvestment,
                ].map(String.init) + [areaShares(area.supportFollowed, area.supportBaseline)])
        }
        if let more = more(result) { text += "    \(more)\n" }
        return text + "    (INV AFTER: investment in the area within \(result.settings.weeks) weeks after its support; "
            + "MAINT AFTER likewise after investment;\n     SUPP→INV / BASE: its support commits followed by investment in it, "
            + "and its other commits likewise)\n"
    }

    static func markdown(_ result: FollowThroughResult) -> String {
        var text = "\n**Follow-through** (\(result.description))\n\n"
        text +=
            "| Link | Commits | Followed | Share | Lag p25 (days) | Median | p75 | Baseline | Lift | p |\n"
            + "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n"
        for (name, link) in [
            ("support → investment", result.supportToInvestment),
            ("investment → maintenance", result.investmentToMaintenance),
        ] {
            let lags = [link.lagDays?.p25, link.lagDays?.median, link.lagDays?.p75].map { $0.map(days) ?? "—" }
            text +=
                "| \(name) | \(link.commits) | \(link.followed) | \(Percent.format(link.share)) | "
                + lags.joined(separator: " | ") + " | " + markdownLift(link) + " |\n"
        }
        for (name, link) in [("support", result.supportToInvestment), ("investment", result.investmentToMaintenance)] {
            if let note = link.lift.note { text += "\n_No lift for \(name): \(Escaping.markdownCell(note))._\n" }
        }
        guard !result.areas.isEmpty else { return text }
        text +=
            "\n| Area | Support | Investment | Maintenance | Investment after support | Maintenance after investment "
            + "| Support followed / baseline |\n|---|---:|---:|---:|---:|---:|---:|\n"
        for area in topAreas(result) {
            let counts = [
                area.support, area.investment, area.maintenance, area.investmentAfterSupport,
                area.maintenanceAfterInvestment,
            ]
            text +=
                "| " + Escaping.markdownCell(areaName(area, in: result)) + " | "
                + counts.map(String.init).joined(separator: " | ") + " | "
                + areaShares(area.supportFollowed, area.supportBaseline) + " |\n"
        }
        if let more = more(result) { text += "\n_\(more)_\n" }
        return text
    }

    /// `84.4% of 180 | 1.16 | 0.007`: the Markdown table's baseline, lift and p cells.
    static func markdownLift(_ link: FollowThroughLink) -> String {
        let lift = link.lift
        return "\(Percent.format(lift.baseline.share)) of \(lift.baseline.commits) | "
            + (lift.lift.map(FollowThroughLift.format) ?? "—") + " | "
            + (lift.p.map { FollowThroughLift.formatP($0, permutations: lift.permutations) } ?? "—")
    }

    /// One line for a summary: `support → investment 4 of 6 (66.7% vs 50% others, lift 1.33 (p = 0.2)),
    /// investment → maintenance …`.
    static func summaryLine(_ result: FollowThroughResult, label: String = "follow-through") -> String {
        let a = result.supportToInvestment, b = result.investmentToMaintenance
        return "\(label): support → investment \(a.followed) of \(a.commits) (\(liftSummary(a))), "
            + "investment → maintenance \(b.followed) of \(b.commits) (\(liftSummary(b)))"
    }
}
