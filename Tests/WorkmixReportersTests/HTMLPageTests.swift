import Foundation
import WorkmixCore
import XCTest

@testable import WorkmixReporters

#if canImport(FoundationXML)
import FoundationXML
#endif

/// The pieces every HTML page is built from: escaping, numbers, the SVG writer, the page shell. Also
/// holds `XHTMLDocument`, the small XML tree the HTML reporter tests read pages with.
final class HTMLPageTests: XCTestCase {
    func testUntrustedTextIsEscapedAndScrubbedOfControlCharacters() {
        XCTAssertEqual(HTMLText.text("<img src=x onerror=alert(1)>"), "&lt;img src=x onerror=alert(1)&gt;")
        XCTAssertEqual(HTMLText.text("a\"b'c&d"), "a&quot;b&#39;c&amp;d")
        XCTAssertEqual(HTMLText.text("bell\u{07}esc\u{1B}\u{85}"), "bell\u{FFFD}esc\u{FFFD}\u{FFFD}")
        XCTAssertEqual(HTMLText.text("tab\tline\n"), "tab\tline\n")
        // Cut before escaping: an entity is never cut in half.
        XCTAssertEqual(HTMLText.label("<<<<<<", limit: 4), "&lt;&lt;&lt;…")
    }

    func testNumbersHaveOneDecimalAtMost() {
        XCTAssertEqual(HTMLText.number(12), "12")
        XCTAssertEqual(HTMLText.number(12.25), "12.3")
        XCTAssertEqual(HTMLText.number(-3.04), "-3")
        XCTAssertEqual(HTMLText.number(-0.26), "-0.3")
        XCTAssertEqual(HTMLText.number(0.04), "0")
    }

    func testCountTicksAreRoundSteps() {
        XCTAssertEqual(SVGCanvas.countTicks(upTo: 0).ticks, [0, 1])
        XCTAssertEqual(SVGCanvas.countTicks(upTo: 4).ticks, [0, 1, 2, 3, 4])
        XCTAssertEqual(SVGCanvas.countTicks(upTo: 6).ticks, [0, 2, 4, 6])
        XCTAssertEqual(SVGCanvas.countTicks(upTo: 35).top, 40)
        XCTAssertEqual(SVGCanvas.countTicks(upTo: 1234).ticks, [0, 500, 1000, 1500])
    }

    func testTheCanvasEscapesEverythingItIsHanded() throws {
        var canvas = SVGCanvas(width: 100, height: 20)
        canvas.text("<script>alert(1)</script>", x: 0, y: 10, limit: 8, data: [("data-name", "\"><script>")])
        canvas.rect(x: 0, y: 0, width: 10, height: 10, class: "seg investment", title: "</title><script>")
        let svg = canvas.svg(id: "t", title: "<b>")
        XCTAssertFalse(svg.contains("<script"), svg)
        XCTAssertFalse(svg.contains("<b>"), svg)
        let root = try XHTMLDocument.parse(svg)
        XCTAssertEqual(root.name, "svg")
        XCTAssertEqual(root.first { $0.name == "text" }?.attributes["data-name"], "\"><script>")
        XCTAssertEqual(
            root.first { $0.name == "text" }?.children.first?.text, "<script>alert(1)</script>",
            "a cut label keeps the whole text in its tooltip")
    }

    func testThePageIsSelfContained() throws {
        let page = HTMLPage.document(title: "T <x>", subtitle: "s & t", body: "<p>body</p>\n")
        let root = try XHTMLDocument.parse(page)
        XCTAssertEqual(root.name, "html")
        XCTAssertEqual(root.first { $0.name == "title" }?.text, "T <x>")
        XHTMLDocument.assertSelfContained(page, root)
        XCTAssertTrue(page.contains("@media (prefers-color-scheme: dark)"))
        XCTAssertTrue(page.contains("@page { size: A4;"))
        XCTAssertTrue(page.contains("@media print"))
        for category in Category.allCases {
            XCTAssertNotNil(root.first { $0.name == "pattern" && $0.attributes["id"] == "wm-\(category.rawValue)" })
        }
    }
}

/// An XHTML page (or SVG fragment) read with Foundation's `XMLParser`: parsing at all proves it is
/// well-formed; the tree lets tests find marks by their `data-` attributes.
final class XHTMLDocument: NSObject, XMLParserDelegate {
    final class Node {
        let name: String
        let attributes: [String: String]
        var children: [Node] = []
        /// The text directly inside, concatenated.
        var text = ""

        init(name: String, attributes: [String: String]) {
            self.name = name
            self.attributes = attributes
        }

        /// Every element below this one, depth first, in document order.
        var descendants: [Node] { children.flatMap { [$0] + $0.descendants } }
        func all(_ predicate: (Node) -> Bool) -> [Node] { descendants.filter(predicate) }
        func first(_ predicate: (Node) -> Bool) -> Node? { descendants.first(where: predicate) }
        func int(_ attribute: String) -> Int? { attributes[attribute].flatMap { Int($0) } }
        func double(_ attribute: String) -> Double? { attributes[attribute].flatMap { Double($0) } }
        /// All text at or below this node.
        var allText: String { text + children.map(\.allText).joined() }
    }

    struct ParseError: Error, CustomStringConvertible {
        var description: String
    }

    private var stack: [Node] = [Node(name: "#document", attributes: [:])]

    static func parse(_ text: String) throws -> Node {
        let parser = XMLParser(data: Data(text.utf8))
        let builder = XHTMLDocument()
        parser.delegate = builder
        guard parser.parse(), let root = builder.stack.first?.children.first else {
            throw ParseError(
                description: "not well-formed at line \(parser.lineNumber), column \(parser.columnNumber): "
                    + String(describing: parser.parserError))
        }
        return root
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        let node = Node(name: elementName, attributes: attributes)
        stack[stack.count - 1].children.append(node)
        stack.append(node)
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        stack.removeLast()
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        stack[stack.count - 1].text += string
    }

    /// No script, no handler, no resource from elsewhere: links point inside the page, the only URLs are
    /// the XHTML and SVG namespaces, CSS `url()`s name the page's own patterns.
    static func assertSelfContained(_ page: String, _ root: Node, file: StaticString = #filePath, line: UInt = #line) {
        let forbidden: Set<String> = ["script", "iframe", "object", "embed", "img", "link", "foreignObject", "image", "use", "a:script"]
        for node in [root] + root.descendants {
            XCTAssertFalse(forbidden.contains(node.name), "<\(node.name)> in the page", file: file, line: line)
            for (name, value) in node.attributes {
                XCTAssertFalse(name.lowercased().hasPrefix("on"), "\(name)=\"\(value)\" on <\(node.name)>", file: file, line: line)
                if name == "href" || name == "src" || name.hasSuffix(":href") {
                    XCTAssertTrue(value.hasPrefix("#"), "\(name)=\"\(value)\"", file: file, line: line)
                }
            }
        }
        let urls = matches(of: "[A-Za-z][A-Za-z0-9+.-]*://[^\"'\\s)<]*", in: page)
        XCTAssertEqual(Set(urls), ["http://www.w3.org/1999/xhtml", "http://www.w3.org/2000/svg"], file: file, line: line)
        XCTAssertEqual(Set(matches(of: "url\\([^)]*\\)", in: page).map { $0.hasPrefix("url(#wm-") }), [true], file: file, line: line)
        XCTAssertFalse(page.lowercased().contains("@import"), file: file, line: line)
        XCTAssertFalse(page.lowercased().contains("javascript:"), file: file, line: line)
        XCTAssertFalse(page.contains("<script"), file: file, line: line)
    }

    static func matches(of pattern: String, in text: String) -> [String] {
        let expression = try! NSRegularExpression(pattern: pattern)
        return expression.matches(in: text, range: NSRange(text.startIndex..., in: text)).map {
            String(text[Range($0.range, in: text)!])
        }
    }

    /// Every `onerror=` / `<` of hostile text is inside escaped text: none opens an element or attribute.
    static func assertHostileTextIsInert(_ page: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertFalse(page.contains("<script"), file: file, line: line)
        XCTAssertFalse(page.contains("<img"), file: file, line: line)
        XCTAssertFalse(page.contains("\" onmouseover"), file: file, line: line)
        // Each `onerror=` follows an escaped `&lt;` more closely than any real `<`: it is text, not an attribute.
        var rest = page[...]
        while let found = rest.range(of: "onerror=") {
            let before = page[..<found.lowerBound]
            let escaped = before.range(of: "&lt;", options: .backwards)?.lowerBound
            let markup = before.range(of: "<", options: .backwards)?.lowerBound
            XCTAssertTrue(
                escaped != nil && (markup == nil || escaped! > markup!),
                "onerror= outside escaped text: …\(before.suffix(40))", file: file, line: line)
            rest = page[found.upperBound...]
        }
    }
}
