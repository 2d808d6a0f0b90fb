import WorkmixCore

/// How a category looks on every chart: an Okabe–Ito colour (safe for the common colour-vision
/// deficiencies) and a texture, so that colour is never the only cue (and a grey-scale print still tells
/// them apart); charts also write the category's name or number beside or inside each mark.
enum CategoryStyle {
    static func colour(_ category: Category) -> String {
        switch category {
        case .investment: return "#0072B2"
        case .maintenance: return "#E69F00"
        case .support: return "#009E73"
        case .unclassified: return "#8C8C8C"
        }
    }

    static func texture(_ category: Category) -> String {
        switch category {
        case .investment: return "solid"
        case .maintenance: return "diagonal stripes"
        case .support: return "dots"
        case .unclassified: return "cross-hatch"
        }
    }

    /// A short mark written on bars too narrow for a number: `I`, `M`, `S`, `U`.
    static func initial(_ category: Category) -> String { String(category.rawValue.prefix(1)).uppercased() }

    /// The fill of a mark: a pattern of the page's `<defs>` (see `HTMLPage.definitions`).
    static func cssClass(_ category: Category) -> String { "seg \(category.rawValue)" }

    /// One `<pattern>` per category, referenced from the CSS (`fill: url(#wm-…)`).
    static var patterns: String {
        var text = ""
        for category in Category.allCases {
            let name = category.rawValue
            text += "<pattern id=\"wm-\(name)\" patternUnits=\"userSpaceOnUse\" width=\"8\" height=\"8\""
            text += category == .maintenance || category == .unclassified ? " patternTransform=\"rotate(45)\">" : ">"
            text += "<rect width=\"8\" height=\"8\" class=\"base-\(name)\"/>"
            switch category {
            case .investment: break
            case .maintenance: text += "<rect x=\"0\" y=\"0\" width=\"3\" height=\"8\" class=\"texture\"/>"
            case .support: text += "<circle cx=\"4\" cy=\"4\" r=\"1.6\" class=\"texture\"/>"
            case .unclassified:
                text += "<rect x=\"0\" y=\"0\" width=\"1.5\" height=\"8\" class=\"texture\"/>"
                text += "<rect x=\"0\" y=\"0\" width=\"8\" height=\"1.5\" class=\"texture\"/>"
            }
            text += "</pattern>"
        }
        return text
    }

    /// The legend: a swatch and the category's name and texture, for the top of every page.
    static var legend: String {
        var text = "<ul class=\"legend\" aria-label=\"Categories\">"
        for category in Category.allCases {
            text += "<li><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"28\" height=\"14\" viewBox=\"0 0 28 14\" aria-hidden=\"true\">"
            text += "<rect width=\"28\" height=\"14\" class=\"\(cssClass(category))\"/></svg> "
            text += "\(category.rawValue) <span class=\"muted\">(\(texture(category)))</span></li>"
        }
        return text + "</ul>"
    }
}
