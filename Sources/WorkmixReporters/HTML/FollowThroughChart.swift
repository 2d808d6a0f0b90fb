import WorkmixCore

/// The follow-through of one residency in HTML (SPEC 9): the two links in words, a timeline per area
/// (the areas with most support) where each support commit is a mark on the upper lane, each
/// investment that came after is a mark on the lower lane, and a line joins a support commit to the
/// first investment it led to; the window is shaded, so what came after the resident left stands
/// out; at the right of each row, the area's support followed against its baseline. Then every area's
/// numbers as a table.
enum FollowThroughChart {
    static let width = 760.0
    static let plotX = 170.0
    static let plotWidth = 470.0
    static let rowStep = 40.0
    static let top = 26.0

    static func section(_ result: FollowThroughResult, _ residency: ResidencyResult, id: String) -> String {
        var text =
            "<h3>Follow-through</h3>\n<p class=\"muted\">\(HTMLText.text(result.description)). "
            + "A shared area shows that work came after, not that it came because of it.</p>\n<ul>\n"
        for (name, link) in [("Support → investment", result.supportToInvestment), ("Investment → maintenance", result.investmentToMaintenance)] {
            text +=
                "<li>\(name): \(HTMLText.text(FollowThroughText.link(link)))<br/>"
                + "<span class=\"lift\" data-lift=\"\(link.lift.lift.map(JSONWriter.format) ?? "")\">"
                + "\(HTMLText.text(FollowThroughText.baseline(link)))</span></li>\n"
        }
        text += "</ul>\n"
        if result.supportToInvestment.lift.lift != nil {
            text +=
                "<p class=\"muted\">The baseline is the share of the residency's other commits followed the same way; "
                + "the lift, the share over the baseline; p, how often shuffled categories gave a lift as high; "
                + "chance, the lifts 90% of the shuffles gave.</p>\n"
        }
        let areas = FollowThroughText.topAreas(result).filter { $0.support > 0 }
        if !areas.isEmpty { text += timeline(result, areas, residency, id: id + "-chart") }
        guard !result.areas.isEmpty else { return text }
        let rows = result.areas.map { area in
            [area.repo, area.area]
                + [
                    area.support, area.investment, area.maintenance, area.investmentAfterSupport,
                    area.maintenanceAfterInvestment,
                ].map(String.init)
                + [FollowThroughText.areaShares(area.supportFollowed, area.supportBaseline)]
        }
        return text
            + HTMLPage.table(
                caption: "Follow-through per area (the residency's own commits, and what came after them)",
                header: [
                    "Repository", "Area", "Support", "Investment", "Maintenance",
                    "Investment after support", "Maintenance after investment", "Support followed / baseline",
                ],
                rows: rows, numeric: [2, 3, 4, 5, 6, 7])
    }

    static func timeline(
        _ result: FollowThroughResult, _ areas: [FollowThroughArea], _ residency: ResidencyResult,
        id: String
    ) -> String {
        let span = max(1, result.spanDays)
        let windowDays = span - Double(result.settings.weeks * 7)
        let bottom = top + Double(areas.count) * rowStep
        var svg = SVGCanvas(width: width, height: bottom + 44)
        func x(_ day: Double) -> Double { plotX + min(max(day, 0), span) / span * plotWidth }
        svg.rect(
            x: plotX, y: top - 6, width: x(windowDays) - plotX, height: bottom - top + 6, class: "track",
            title: "The residency: \(ResidencyText.window(residency.residency))")
        svg.text("residency", x: (plotX + x(windowDays)) / 2, y: top - 10, anchor: .middle, class: "note")
        svg.text(
            "the \(result.settings.weeks) weeks after", x: (x(windowDays) + plotX + plotWidth) / 2, y: top - 10,
            anchor: .middle, class: "note")
        for week in stride(from: 0, through: Int(span / 7), by: max(1, Int(span / 7 / 8))) {
            let position = x(Double(week * 7))
            svg.line(x1: position, y1: top - 6, x2: position, y2: bottom, class: week == 0 ? "axis" : "grid")
            let day = CivilDate.from(daysSinceEpoch: residency.residency.from.daysSinceEpoch + Int64(week * 7))
            svg.text(String(day.description.dropFirst(5)), x: position, y: bottom + 14, anchor: .middle, class: "tick")
        }
        svg.line(x1: x(windowDays), y1: top - 6, x2: x(windowDays), y2: bottom, class: "limit", title: "The residency ends")
        svg.text("followed / baseline", x: plotX + plotWidth + 8, y: top - 10, class: "note")
        for (index, area) in areas.enumerated() {
            row(area, name: FollowThroughText.areaName(area, in: result), y: top + Double(index) * rowStep, x: x, &svg)
        }
        svg.text(
            "upper lane: support commits · lower lane: investment after them · line: to the first investment"
                + " in that area (month-day, \(residency.residency.timezoneName))",
            x: plotX + plotWidth / 2, y: bottom + 34, anchor: .middle, class: "axis-title")
        return HTMLPage.figure(
            id: id, title: "What support led to, per area",
            note: "Each support commit of the residency, and the investment that followed it in the same area.",
            svg: svg.svg(id: id + "-svg", title: "Follow-through per area for \(residency.name)"))
    }

    static func row(_ area: FollowThroughArea, name: String, y: Double, x: (Double) -> Double, _ svg: inout SVGCanvas) {
        let followed = area.supportMarks.filter { $0.followedDay != nil }.count
        svg.beginGroup(data: [
            ("data-area", name), ("data-support", String(area.support)), ("data-followed", String(followed)),
            ("data-investment-after", String(area.investmentAfterSupport)),
        ])
        svg.text(name, x: plotX - 8, y: y + 20, anchor: .end, limit: 24)
        // The area's support followed by investment in it, against its other commits (what follows anyway).
        svg.text(
            FollowThroughText.areaShares(area.supportFollowed, area.supportBaseline), x: plotX + plotWidth + 8, y: y + 20,
            class: "tick", data: [("data-baseline", JSONWriter.format(area.supportBaseline.share))])
        svg.line(x1: plotX, y1: y + 16, x2: plotX + plotWidth, y2: y + 16, class: "grid")
        for mark in area.supportMarks {
            if let followedDay = mark.followedDay {
                svg.line(
                    x1: x(mark.day), y1: y + 8, x2: x(followedDay), y2: y + 25, class: "link",
                    title: "Followed after \(FollowThroughText.days(followedDay - mark.day)) days")
            }
        }
        for mark in area.supportMarks {
            svg.rect(
                x: x(mark.day) - 4, y: y + 4, width: 8, height: 8,
                class: CategoryStyle.cssClass(.support)
                    + (mark.followedDay == nil ? " unfollowed" : ""),
                data: [("data-day", HTMLText.number(mark.day))],
                title: "Support, day \(FollowThroughText.days(mark.day))"
                    + (mark.followedDay == nil ? ": no investment followed in this area" : ""))
        }
        for day in area.investmentDays {
            svg.rect(
                x: x(day) - 4, y: y + 21, width: 8, height: 8, class: CategoryStyle.cssClass(.investment),
                data: [("data-day", HTMLText.number(day))], title: "Investment, day \(FollowThroughText.days(day))")
        }
        svg.text("\(followed) of \(area.support) followed", x: plotX + plotWidth + 8, y: y + 20, class: "value")
        svg.endGroup()
    }
}
