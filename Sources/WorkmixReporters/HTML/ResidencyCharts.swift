import WorkmixCore

/// The charts of one residency (and of the summary), each a finished `<figure>`. Marks carry their
/// numbers as `data-` attributes (`data-commits`, `data-share`, …), written from the same values the
/// JSON report prints, so a test can check that what is drawn is what is counted.
enum ResidencyCharts {
    static let width = 760.0
    static let labelWidth = 132.0
    static let trackX = 140.0
    static let trackWidth = 340.0

    // MARK: Plan against actual

    /// Two stacked bars (plan, actual: shares of classified work) and one row per category with the
    /// actual share, the plan marked, and the tolerance band around it; then unclassified (of all work)
    /// against its maximum.
    static func plan(_ result: ResidencyResult, id: String) -> String {
        let rowTop = 92.0, rowStep = 30.0
        let categoryRows = Category.assignable.count + 1
        let axisY = rowTop + Double(categoryRows) * rowStep + 4
        let width = 830.0
        var svg = SVGCanvas(width: width, height: axisY + 42)
        let measure = ResidencyText.measureWord(result.measure)
        planBars(result, &svg)
        svg.line(x1: trackX, y1: 80, x2: trackX + trackWidth, y2: 80, class: "grid")
        for (index, category) in (Category.assignable + [.unclassified]).enumerated() {
            planRow(category, of: result, y: rowTop + Double(index) * rowStep, width: width, &svg)
        }
        svg.percentAxis(
            x: trackX, width: trackWidth, top: rowTop - 6, bottom: axisY,
            title: "share of classified work by \(measure) (* unclassified: share of all work)")
        return HTMLPage.figure(
            id: id, title: "Plan against actual",
            note: "Bars: actual share; upright tick: plan; dashed box: tolerance band.",
            svg: svg.svg(id: id + "-svg", title: "Plan against actual for \(result.name)"))
    }

    /// The two stacked bars: the planned mix and the actual one.
    private static func planBars(_ result: ResidencyResult, _ svg: inout SVGCanvas) {
        let plan = result.plan
        let stacked: [(String, [(Category, Double)], String)] = [
            ("plan", plan.isEmpty ? [] : Category.assignable.map { ($0, plan[$0] ?? 0) }, plan.isEmpty ? "no plan" : "planned mix"),
            (
                "actual", Category.assignable.map { ($0, result.share(of: $0)) },
                result.work.total.commits - result.work[.unclassified].commits == 0 ? "no classified work" : "actual mix"
            ),
        ]
        for (row, (name, parts, note)) in stacked.enumerated() {
            let y = 10 + Double(row) * 34
            svg.text(name == "plan" ? "Plan" : "Actual", x: labelWidth, y: y + 17, anchor: .end, class: "value")
            svg.rect(x: trackX, y: y, width: trackWidth, height: 24, class: "track")
            svg.beginGroup(data: [("data-bar", name)])
            svg.stackedBar(
                x: trackX, y: y, height: 24, scale: trackWidth, parts: parts,
                label: { _, share in HTMLText.percent(share) },
                tooltip: { category, share in "\(name == "plan" ? "Planned" : "Actual") \(category.rawValue): \(HTMLText.percent(share))" },
                data: { _, share in [("data-share", JSONWriter.format(share))] })
            svg.endGroup()
            svg.text(note, x: trackX + trackWidth + 10, y: y + 17, class: "note")
        }
    }

    /// One category's row: the actual share, the plan and its tolerance band (or, for unclassified,
    /// the maximum), and whether it is within.
    private static func planRow(
        _ category: Category, of result: ResidencyResult, y: Double, width: Double,
        _ svg: inout SVGCanvas
    ) {
        let plan = result.plan, residency = result.residency
        let actual = result.share(of: category)
        let planned: Double? = category == .unclassified ? nil : plan[category]
        svg.beginGroup(data: [
            ("data-row", category.rawValue), ("data-commits", String(result.work[category].commits)),
            ("data-share", JSONWriter.format(actual)),
        ])
        svg.text(category == .unclassified ? "unclassified*" : category.rawValue, x: labelWidth, y: y + 15, anchor: .end)
        svg.rect(x: trackX, y: y, width: trackWidth, height: 20, class: "track")
        var status = ""
        if let planned {
            let low = max(0, planned - residency.tolerance), high = min(1, planned + residency.tolerance)
            svg.rect(
                x: trackX + low * trackWidth, y: y - 2, width: (high - low) * trackWidth, height: 24, class: "band",
                title: "Tolerance: \(HTMLText.percent(low)) to \(HTMLText.percent(high))")
            let within = abs(actual - planned) <= residency.tolerance + 1e-9
            status = within ? "✓ within" : "✗ outside"
        } else if category == .unclassified {
            let limit = residency.maxUnclassified
            svg.rect(
                x: trackX, y: y - 2, width: limit * trackWidth, height: 24, class: "band",
                title: "Allowed: up to \(HTMLText.percent(limit))")
            status = actual <= limit + 1e-9 ? "✓ within" : "✗ above"
        }
        svg.rect(
            x: trackX, y: y + 4, width: actual * trackWidth, height: 12, class: CategoryStyle.cssClass(category),
            data: [("data-category", category.rawValue)],
            title: "\(category.rawValue): \(HTMLText.percent(actual)) (\(result.work[category].commits) commits)")
        if let planned {
            let x = trackX + planned * trackWidth
            svg.line(x1: x, y1: y - 4, x2: x, y2: y + 24, class: "plan", title: "Plan: \(HTMLText.percent(planned))")
        } else if category == .unclassified {
            let x = trackX + residency.maxUnclassified * trackWidth
            svg.line(
                x1: x, y1: y - 4, x2: x, y2: y + 24, class: "limit",
                title: "Maximum: \(HTMLText.percent(residency.maxUnclassified))")
        }
        var words = HTMLText.percent(actual)
        if let planned {
            words +=
                " · plan \(HTMLText.percent(planned)) ±\(Percent.points(residency.tolerance)) pts · "
                + "\(Percent.signedPoints(actual - planned)) pts"
        } else if category == .unclassified {
            words += " · max \(HTMLText.percent(residency.maxUnclassified))"
        }
        svg.text(words, x: trackX + trackWidth + 10, y: y + 14, class: "value")
        if !status.isEmpty {
            svg.text(status, x: width - 4, y: y + 14, anchor: .end, class: status.hasPrefix("✓") ? "pass" : "fail")
        }
        svg.endGroup()
    }

    // MARK: Weekly timeline

    /// Commits per week of the window, stacked by category, the total over each column.
    static func timeline(_ result: ResidencyResult, id: String) -> String {
        let weeks = result.weeks
        let plotX = 56.0, plotWidth = width - plotX - 12, plotTop = 18.0, plotHeight = 190.0
        let bottom = plotTop + plotHeight
        var svg = SVGCanvas(width: width, height: bottom + 62)
        let (ticks, top) = SVGCanvas.countTicks(upTo: weeks.map(\.work.total.commits).max() ?? 0)
        let unit = plotHeight / Double(top)
        for tick in ticks {
            let y = bottom - Double(tick) * unit
            svg.line(x1: plotX, y1: y, x2: plotX + plotWidth, y2: y, class: tick == 0 ? "axis" : "grid")
            svg.text(String(tick), x: plotX - 6, y: y + 4, anchor: .end, class: "tick")
        }
        svg.text("commits", x: 14, y: plotTop + plotHeight / 2, anchor: .middle, class: "axis-title", rotate: -90)
        let column = plotWidth / Double(max(1, weeks.count))
        let barWidth = min(56, column * 0.72)
        let every = max(1, Int((46 / column).rounded(.up)))
        for (index, week) in weeks.enumerated() {
            let center = plotX + column * (Double(index) + 0.5)
            let total = week.work.total.commits
            svg.beginGroup(
                data: [("data-week", week.from.description), ("data-commits", String(total))],
                title: "Week of \(week.from) to \(week.to): \(HTMLText.plural(total, "commit"))")
            var y = bottom
            for category in Category.allCases {
                let count = week.work[category].commits
                guard count > 0 else { continue }
                let height = Double(count) * unit
                y -= height
                svg.rect(
                    x: center - barWidth / 2, y: y, width: barWidth, height: height, class: CategoryStyle.cssClass(category),
                    data: [("data-category", category.rawValue), ("data-commits", String(count))],
                    title: "\(category.rawValue): \(count) in the week of \(week.from)")
                if height >= 15 && barWidth >= 16 {
                    svg.text(String(count), x: center, y: y + height / 2 + 4, anchor: .middle, class: "in-bar")
                }
            }
            svg.text(String(total), x: center, y: y - 5, anchor: .middle, class: "value")
            svg.endGroup()
            if index % every == 0 {
                svg.text(String(week.from.description.dropFirst(5)), x: center, y: bottom + 15, anchor: .middle, class: "tick")
            }
        }
        let span = weeks.first.map { "\($0.from)" } ?? ""
        svg.text(
            "week starting (month-day; weeks from \(span), \(result.residency.timezoneName))", x: plotX + plotWidth / 2,
            y: bottom + 36, anchor: .middle, class: "axis-title")
        return HTMLPage.figure(
            id: id, title: "Commits per week", note: "By category; the number over each column is the week's total.",
            svg: svg.svg(id: id + "-svg", title: "Commits per week for \(result.name)"))
    }

    // MARK: Pairings

    /// The resident's commits with each team member, stacked by category.
    static func pairings(_ result: ResidencyResult, id: String) -> String {
        let rows = result.pairings
        let nameWidth = 190.0, barX = 200.0, barWidth = width - barX - 110
        let step = 30.0, top = 8.0
        let axisY = top + Double(rows.count) * step + 2
        var svg = SVGCanvas(width: width, height: axisY + 40)
        let (ticks, maximum) = SVGCanvas.countTicks(upTo: rows.map(\.commits).max() ?? 0)
        let scale = barWidth / Double(maximum)
        svg.countGrid(ticks, x: barX, scale: scale, top: top, axisY: axisY)
        let resident = result.residents.map(HTMLText.name).joined(separator: ", ")
        for (index, pairing) in rows.enumerated() {
            let y = top + Double(index) * step
            svg.beginGroup(data: [
                ("data-partner", pairing.partner.email.isEmpty ? pairing.partner.name : pairing.partner.email),
                ("data-commits", String(pairing.commits)),
            ])
            svg.text(HTMLText.name(pairing.partner), x: nameWidth, y: y + 15, anchor: .end, limit: 28)
            svg.stackedBar(
                x: barX, y: y, height: 20, scale: scale,
                parts: Category.allCases.map { ($0, Double(pairing.work[$0].commits)) },
                label: { _, count in String(Int(count)) },
                tooltip: { category, count in "\(resident) with \(HTMLText.name(pairing.partner)): \(category.rawValue) \(Int(count))" },
                data: { _, count in [("data-commits", String(Int(count)))] })
            let end = barX + Double(pairing.commits) * scale
            svg.text(
                pairing.commits == 0 ? "0 (not paired)" : HTMLText.plural(pairing.commits, "commit"), x: end + 6, y: y + 15,
                class: "value")
            svg.endGroup()
        }
        svg.text(
            "commits of the resident with the team member", x: barX + barWidth / 2, y: axisY + 32, anchor: .middle,
            class: "axis-title")
        return HTMLPage.figure(
            id: id, title: "Pairings with the team",
            note: "Commits the resident shared with each team member, by category.",
            svg: svg.svg(id: id + "-svg", title: "Pairings of \(resident) in \(result.name)"))
    }

    // MARK: Summary

    /// One bar per residency, and one for all of them (each commit once), commits stacked by category.
    static func summary(_ report: ResidencyReport, id: String) -> String {
        var rows: [(String, CategoryTallies, String)] = report.residencies.map { ($0.name, $0.work, $0.verdict.label) }
        rows.append(("all residencies", report.summary.work, report.summary.verdictLabel))
        let nameWidth = 170.0, barX = 180.0, barWidth = width - barX - 150
        let step = 30.0, top = 8.0
        let axisY = top + Double(rows.count) * step + 2
        var svg = SVGCanvas(width: width, height: axisY + 40)
        let (ticks, maximum) = SVGCanvas.countTicks(upTo: rows.map(\.1.total.commits).max() ?? 0)
        let scale = barWidth / Double(maximum)
        svg.countGrid(ticks, x: barX, scale: scale, top: top, axisY: axisY)
        for (index, (name, work, verdict)) in rows.enumerated() {
            let y = top + Double(index) * step
            let isTotal = index == rows.count - 1
            svg.beginGroup(data: [("data-summary", isTotal ? "all" : String(index + 1)), ("data-commits", String(work.total.commits))])
            svg.text(name, x: nameWidth, y: y + 15, anchor: .end, class: isTotal ? "value" : "", limit: 24)
            svg.stackedBar(
                x: barX, y: y, height: 20, scale: scale,
                parts: Category.allCases.map { ($0, Double(work[$0].commits)) },
                label: { _, count in String(Int(count)) },
                tooltip: { category, count in "\(name): \(category.rawValue) \(Int(count)) commits" },
                data: { _, count in [("data-commits", String(Int(count)))] })
            let end = barX + Double(work.total.commits) * scale
            svg.text(HTMLText.plural(work.total.commits, "commit"), x: end + 6, y: y + 15, class: "value")
            svg.text(verdict == "pass" ? "✓ pass" : "✗ fail", x: width - 4, y: y + 15, anchor: .end, class: verdict)
            svg.endGroup()
        }
        svg.text("commits by category", x: barX + barWidth / 2, y: axisY + 32, anchor: .middle, class: "axis-title")
        return HTMLPage.figure(
            id: id, title: "Work per residency",
            note: "Commits by category; \"all residencies\" counts a commit shared by two residencies once.",
            svg: svg.svg(id: id + "-svg", title: "Work per residency"))
    }
}
