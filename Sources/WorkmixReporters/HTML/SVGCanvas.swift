import WorkmixCore

/// Our own small SVG writer (issue 7: no chart library, no script). Every string it is handed is plain
/// text — a label, a tooltip, an attribute value — and it escapes each one itself (`HTMLText.text`), so
/// no caller can forget to. Numbers are written with one decimal at most, so output is byte-stable.
struct SVGCanvas {
    let width: Double
    let height: Double
    private(set) var body = ""

    init(width: Double, height: Double) {
        self.width = width
        self.height = height
    }

    /// `<svg>` with its title (what screen readers announce, and the chart's name when the SVG is seen alone).
    /// `fit`: drawn at its own size (up to the page's width) rather than stretched to the page's width.
    func svg(id: String, title: String, fit: Bool = false) -> String {
        let size =
            "viewBox=\"0 0 \(HTMLText.number(width)) \(HTMLText.number(height))\" width=\"\(HTMLText.number(width))\""
            + " height=\"\(HTMLText.number(height))\""
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\(fit ? " fit" : "")\" \(size) role=\"img\" aria-labelledby=\"\(id)-title\">"
            + "<title id=\"\(id)-title\">\(HTMLText.text(title))</title>\n" + body + "</svg>"
    }

    static func attributes(_ pairs: [(String, String)]) -> String {
        pairs.map { " \($0.0)=\"\(HTMLText.text($0.1))\"" }.joined()
    }

    mutating func rect(
        x: Double, y: Double, width: Double, height: Double, class cssClass: String,
        data: [(String, String)] = [], title: String? = nil
    ) {
        body +=
            "<rect x=\"\(HTMLText.number(x))\" y=\"\(HTMLText.number(y))\" width=\"\(HTMLText.number(max(0, width)))\""
            + " height=\"\(HTMLText.number(max(0, height)))\" class=\"\(cssClass)\"" + Self.attributes(data)
        body += title.map { "><title>\(HTMLText.text($0))</title></rect>\n" } ?? "/>\n"
    }

    enum Anchor: String { case start, middle, end }

    /// A text label, cut to `limit` characters when given (the tooltip then holds the whole text).
    mutating func text(
        _ content: String, x: Double, y: Double, anchor: Anchor = .start, class cssClass: String = "",
        limit: Int? = nil, rotate: Double? = nil, data: [(String, String)] = []
    ) {
        let shown = limit.map { HTMLText.label(content, limit: $0) } ?? HTMLText.text(content)
        let cut = limit.map { HTMLText.scrubbed(content).count > $0 } ?? false
        body += "<text x=\"\(HTMLText.number(x))\" y=\"\(HTMLText.number(y))\""
        if anchor != .start { body += " text-anchor=\"\(anchor.rawValue)\"" }
        if !cssClass.isEmpty { body += " class=\"\(cssClass)\"" }
        if let rotate {
            body += " transform=\"rotate(\(HTMLText.number(rotate)) \(HTMLText.number(x)) \(HTMLText.number(y)))\""
        }
        body += Self.attributes(data) + ">"
        if cut { body += "<title>\(HTMLText.text(content))</title>" }
        body += shown + "</text>\n"
    }

    mutating func line(x1: Double, y1: Double, x2: Double, y2: Double, class cssClass: String, title: String? = nil) {
        body +=
            "<line x1=\"\(HTMLText.number(x1))\" y1=\"\(HTMLText.number(y1))\" x2=\"\(HTMLText.number(x2))\""
            + " y2=\"\(HTMLText.number(y2))\" class=\"\(cssClass)\""
        body += title.map { "><title>\(HTMLText.text($0))</title></line>\n" } ?? "/>\n"
    }

    mutating func beginGroup(class cssClass: String = "", data: [(String, String)] = [], title: String? = nil) {
        body += "<g" + (cssClass.isEmpty ? "" : " class=\"\(cssClass)\"") + Self.attributes(data) + ">"
        if let title { body += "<title>\(HTMLText.text(title))</title>" }
        body += "\n"
    }

    mutating func endGroup() { body += "</g>\n" }

    // MARK: Composite marks

    /// A horizontal bar of category segments from `x`, `scale` units per count, each segment with its
    /// count (or share) written inside when there is room, and a tooltip always.
    mutating func stackedBar(
        x: Double, y: Double, height: Double, scale: Double, parts: [(Category, Double)],
        label: (Category, Double) -> String, tooltip: (Category, Double) -> String,
        data: (Category, Double) -> [(String, String)] = { _, _ in [] }
    ) {
        var left = x
        for (category, value) in parts where value > 0 {
            let width = value * scale
            rect(
                x: left, y: y, width: width, height: height, class: CategoryStyle.cssClass(category),
                data: [("data-category", category.rawValue)] + data(category, value), title: tooltip(category, value))
            let text = label(category, value)
            if Double(text.count) * 7 + 6 <= width {
                self.text(text, x: left + width / 2, y: y + height / 2 + 4, anchor: .middle, class: "in-bar")
            } else if width >= 9 {
                self.text(
                    CategoryStyle.initial(category), x: left + width / 2, y: y + height / 2 + 4, anchor: .middle,
                    class: "in-bar")
            }
            left += width
        }
    }

    /// Vertical grid lines with percentage labels under them, and the axis title below.
    mutating func percentAxis(
        x: Double, width: Double, top: Double, bottom: Double, title: String,
        ticks: [Double] = [0, 0.25, 0.5, 0.75, 1]
    ) {
        for tick in ticks {
            let position = x + tick * width
            line(x1: position, y1: top, x2: position, y2: bottom, class: tick == 0 ? "axis" : "grid")
            text(HTMLText.percent(tick), x: position, y: bottom + 14, anchor: .middle, class: "tick")
        }
        text(title, x: x + width / 2, y: bottom + 32, anchor: .middle, class: "axis-title")
    }

    /// Vertical grid lines of a horizontal count axis starting at `x`, with the counts under them.
    mutating func countGrid(_ ticks: [Int], x: Double, scale: Double, top: Double, axisY: Double) {
        for tick in ticks {
            let position = x + Double(tick) * scale
            line(x1: position, y1: top - 4, x2: position, y2: axisY, class: tick == 0 ? "axis" : "grid")
            text(String(tick), x: position, y: axisY + 14, anchor: .middle, class: "tick")
        }
    }

    /// Ticks for a count axis up to `maximum`: steps of 1, 2, 5, 10, 20, 50, … with at most six ticks.
    static func countTicks(upTo maximum: Int) -> (ticks: [Int], top: Int) {
        let target = max(1, maximum)
        var step = 1
        var multipliers = [2, 5, 10].makeIterator()
        var base = 1
        while target / step > 5 {
            guard let next = multipliers.next() else {
                base *= 10
                multipliers = [2, 5, 10].makeIterator()
                continue
            }
            step = base * next
        }
        let top = ((target + step - 1) / step) * step
        return (Array(stride(from: 0, through: top, by: step)), top)
    }
}
