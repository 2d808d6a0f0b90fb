/// The shell of every HTML page: one self-contained XHTML-well-formed document with its CSS inline,
/// the category patterns, no script, no external resource (SPEC 3: it must open offline, from a CI
/// artifact). Light and dark mode follow `prefers-color-scheme`; printing gives A4 pages.
enum HTMLPage {
    /// `title` and `subtitle` are plain text; `body` is markup built by the reporters.
    static func document(title: String, subtitle: String, body: String) -> String {
        """
        <!DOCTYPE html>
        <html xmlns="http://www.w3.org/1999/xhtml" lang="en">
        <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <meta name="color-scheme" content="light dark"/>
        <meta name="generator" content="workmix"/>
        <title>\(HTMLText.text(title))</title>
        <style>
        \(style)
        </style>
        </head>
        <body>
        <svg xmlns="http://www.w3.org/2000/svg" class="definitions" width="0" height="0" aria-hidden="true" focusable="false"><defs>\(CategoryStyle.patterns)</defs></svg>
        <header>
        <h1>\(HTMLText.text(title))</h1>
        <p class="lead">\(HTMLText.text(subtitle))</p>
        \(CategoryStyle.legend)
        </header>
        <main>
        \(body)</main>
        <footer><p>Made by workmix from Git history. Charts write their numbers; hover a mark for its details.</p></footer>
        </body>
        </html>

        """
    }

    /// A chart with its visible title and a note on how to read it (both plain text).
    static func figure(id: String, title: String, note: String, svg: String) -> String {
        "<figure class=\"figure\" id=\"\(id)\">\n<figcaption><strong>\(HTMLText.text(title))</strong>"
            + (note.isEmpty ? "" : " <span class=\"muted\">\(HTMLText.text(note))</span>")
            + "</figcaption>\n\(svg)\n</figure>\n"
    }

    /// A table; `header` and `rows` are plain text, `numeric` says which columns are right-aligned.
    static func table(
        caption: String, header: [String], rows: [[String]], numeric: Set<Int>, nowrap: Set<Int> = [],
        footer: [String]? = nil
    ) -> String {
        func cells(_ row: [String], tag: String) -> String {
            row.enumerated().map { index, cell in
                let classes = (numeric.contains(index) ? ["num"] : []) + (nowrap.contains(index) ? ["nowrap"] : [])
                return "<\(tag)\(classes.isEmpty ? "" : " class=\"\(classes.joined(separator: " "))\"")>\(HTMLText.text(cell))</\(tag)>"
            }.joined()
        }
        var text = "<table>\n<caption>\(HTMLText.text(caption))</caption>\n<thead><tr>\(cells(header, tag: "th"))</tr></thead>\n<tbody>\n"
        for row in rows { text += "<tr>\(cells(row, tag: "td"))</tr>\n" }
        text += "</tbody>\n"
        if let footer { text += "<tfoot><tr>\(cells(footer, tag: "td"))</tr></tfoot>\n" }
        // Wide tables (long names, emails, many columns) scroll inside their own box, not the page.
        return "<div class=\"table-box\">\n" + text + "</table>\n</div>\n"
    }

    static let style = """
        :root { color-scheme: light dark; --bg: #ffffff; --fg: #1d2125; --muted: #5f6b76; --grid: #d5d9de; --track: #f0f2f4;
          --band: #1d2125; --panel: #f7f8f9; --heat: #CC79A7; --pass: #00603f; --fail: #a33200;
          --investment: #0072B2; --maintenance: #E69F00; --support: #009E73; --unclassified: #8C8C8C; --texture: #ffffff; }
        @media (prefers-color-scheme: dark) {
          :root { --bg: #15181b; --fg: #e6e8ea; --muted: #a3acb5; --grid: #3b4148; --track: #23282d; --band: #e6e8ea;
            --panel: #1c2024; --pass: #5fd3a6; --fail: #ff9a6b; --texture: #15181b; }
        }
        * { box-sizing: border-box; }
        body { margin: 0 auto; max-width: 980px; padding: 24px; background: var(--bg); color: var(--fg);
          font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
        h1 { font-size: 1.7em; margin: 0 0 4px; } h2 { font-size: 1.3em; margin: 0 0 8px; } h3 { font-size: 1.05em; margin: 18px 0 6px; }
        .lead, .muted, footer { color: var(--muted); }
        section { border-top: 1px solid var(--grid); padding: 18px 0 8px; }
        .legend { list-style: none; display: flex; flex-wrap: wrap; gap: 6px 18px; padding: 0; margin: 10px 0 4px; }
        .legend li { display: flex; align-items: center; gap: 6px; }
        .verdict { display: inline-block; font-size: 0.8em; font-weight: 700; padding: 1px 8px; border-radius: 4px;
          border: 2px solid currentColor; vertical-align: middle; margin-left: 8px; }
        .verdict.pass { color: var(--pass); } .verdict.fail { color: var(--fail); }
        dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 14px; margin: 8px 0; }
        dl.facts dt { color: var(--muted); } dl.facts dd { margin: 0; overflow-wrap: anywhere; }
        ul.findings { margin: 6px 0 10px; padding-left: 20px; color: var(--fail); }
        figure.figure { margin: 14px 0; padding: 10px 12px; background: var(--panel); border-radius: 6px; break-inside: avoid;
          overflow-x: auto; }
        figcaption { margin-bottom: 6px; }
        svg.chart { display: block; width: 100%; max-width: 100%; height: auto; font-family: inherit; }
        svg.chart.fit { width: auto; max-width: none; }
        svg.definitions { position: absolute; width: 0; height: 0; overflow: hidden; }
        svg text { fill: var(--fg); font-size: 12px; }
        svg text.tick, svg text.note { fill: var(--muted); font-size: 11px; }
        svg text.axis-title { fill: var(--muted); font-size: 11.5px; font-style: italic; }
        svg text.value { font-weight: 600; }
        svg text.in-bar { font-size: 11px; font-weight: 600; paint-order: stroke; stroke: var(--bg); stroke-width: 3px;
          stroke-linejoin: round; }
        svg .grid { stroke: var(--grid); stroke-width: 1; } svg .axis { stroke: var(--muted); stroke-width: 1; }
        svg .track { fill: var(--track); }
        svg .band { fill: var(--band); fill-opacity: 0.12; stroke: var(--band); stroke-opacity: 0.55; stroke-dasharray: 3 2; }
        svg .plan { stroke: var(--fg); stroke-width: 2.5; } svg .limit { stroke: var(--fail); stroke-width: 2; stroke-dasharray: 4 2; }
        svg .seg { stroke: var(--bg); stroke-width: 1; }
        svg .link { stroke: var(--investment); stroke-width: 1.5; } svg .seg.unfollowed { stroke: var(--fail); stroke-width: 1.5; }
        .seg.investment { fill: url(#wm-investment); } .seg.maintenance { fill: url(#wm-maintenance); }
        .seg.support { fill: url(#wm-support); } .seg.unclassified { fill: url(#wm-unclassified); }
        .base-investment { fill: var(--investment); } .base-maintenance { fill: var(--maintenance); }
        .base-support { fill: var(--support); } .base-unclassified { fill: var(--unclassified); }
        .texture { fill: var(--texture); fill-opacity: 0.45; }
        svg .heat { fill: var(--heat); } svg .cell { fill: none; stroke: var(--grid); } svg .self { fill: var(--track); }
        svg .share { fill: var(--heat); } svg text.on-dark { fill: #ffffff; }
        svg text.pass { fill: var(--pass); font-weight: 700; } svg text.fail { fill: var(--fail); font-weight: 700; }
        .table-box { overflow-x: auto; max-width: 100%; }
        table { border-collapse: collapse; margin: 10px 0; font-size: 0.9em; min-width: 60%; }
        caption { text-align: left; font-weight: 600; padding-bottom: 4px; }
        th, td { padding: 3px 10px; border-bottom: 1px solid var(--grid); text-align: left; }
        th, td.num { white-space: nowrap; }
        th { color: var(--muted); font-weight: 600; } .num { text-align: right; font-variant-numeric: tabular-nums; }
        tfoot td { font-weight: 600; } .nowrap { white-space: nowrap; }
        a { color: inherit; }
        @page { size: A4; margin: 14mm 12mm; }
        @media print {
          :root { --bg: #ffffff; --fg: #000000; --muted: #444444; --grid: #bbbbbb; --track: #eeeeee; --band: #000000;
            --panel: #ffffff; --pass: #00603f; --fail: #a33200; --texture: #ffffff; }
          body { max-width: none; padding: 0; font-size: 10pt; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
          section.residency { break-before: page; }
          figure.figure { padding: 0; } table, figure { break-inside: avoid; }
          figure.figure, .table-box { overflow: visible; } svg.chart.fit { max-width: 100%; }
        }
        """
}
