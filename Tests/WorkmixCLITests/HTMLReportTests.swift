import Foundation
import WorkmixTestSupport
import XCTest

#if canImport(FoundationXML)
import FoundationXML
#endif

/// `workmix report --format html` and `workmix pairs --format html` end to end (issue 7): on the demo
/// history the page's numbers are the JSON report's; on a history of hostile names nothing runs.
final class HTMLReportTests: CLITestCase {
    func demo() throws -> (root: URL, cleanup: () -> Void) {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("workmix-html-test-\(UUID().uuidString)")
        try DemoHistory.copy(to: root)
        return (root, { try? FileManager.default.removeItem(at: root) })
    }

    func testDemoReportDrawsTheNumbersOfTheJSONReport() throws {
        let (root, cleanup) = try demo()
        defer { cleanup() }
        let output = root.appendingPathComponent("r.html").path
        let run = try workmix(["report", "--config", "workmix.yml", "--format", "html", "--output", output], in: root.path)
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(run.stdout, "")
        let page = try String(contentsOfFile: output, encoding: .utf8)
        let html = try Element.parse(page)
        let json = try XCTUnwrap(
            JSONSerialization.jsonObject(
                with: try workmix(
                    ["report", "--config", "workmix.yml", "--format", "json"],
                    in: root.path
                ).stdoutData) as? [String: Any])
        let residencies = try XCTUnwrap(json["residencies"] as? [[String: Any]])
        XCTAssertEqual(residencies.count, 2)
        for (index, residency) in residencies.enumerated() {
            let section = try XCTUnwrap(html.first { $0.attributes["id"] == "residency-\(index + 1)" })
            XCTAssertEqual(section.attributes["data-verdict"], residency["verdict"] as? String)
            let byCategory = try XCTUnwrap(residency["byCategory"] as? [String: [String: Any]])
            for (category, tally) in byCategory {
                let row = try XCTUnwrap(section.first { $0.attributes["data-row"] == category })
                XCTAssertEqual(row.attributes["data-commits"], (tally["commits"] as? Int).map(String.init), category)
                XCTAssertEqual(row.attributes["data-share"].flatMap(Double.init), tally["share"] as? Double, category)
            }
            let weeks = try XCTUnwrap(residency["weeks"] as? [[String: Any]])
            XCTAssertEqual(weeks.count, 6, "six weeks in each demo window")
            let columns = section.all { $0.attributes["data-week"] != nil }
            XCTAssertEqual(columns.map { $0.attributes["data-week"] }, weeks.map { $0["from"] as? String })
            XCTAssertEqual(columns.map { $0.attributes["data-commits"] }, weeks.map { ($0["commits"] as? Int).map(String.init) })
            let pairings = try XCTUnwrap(residency["pairings"] as? [[String: Any]])
            let bars = section.all { $0.attributes["data-partner"] != nil }
            XCTAssertEqual(bars.map { $0.attributes["data-commits"] }, pairings.map { ($0["commits"] as? Int).map(String.init) })
        }
        // The hand count of ReportCommandTests: payments-q1 has 20 commits, 7 of them investment.
        XCTAssertEqual(
            html.first { $0.attributes["id"] == "residency-1" }?
                .first { $0.attributes["data-row"] == "investment" }?.attributes["data-commits"], "7")
        Element.assertSelfContained(page, html)
    }

    func testDemoPairsDrawTheNumbersOfTheJSONReport() throws {
        let (root, cleanup) = try demo()
        defer { cleanup() }
        let arguments = ["pairs", "--config", "workmix.yml", "--repo", "payments-api", "--repo", "checkout-web"]
        let run = try workmix(arguments + ["--format", "html"], in: root.path)
        XCTAssertEqual(run.status, 0, run.stderr)
        let html = try Element.parse(run.stdout)
        Element.assertSelfContained(run.stdout, html)
        let json = try XCTUnwrap(
            JSONSerialization.jsonObject(with: try workmix(arguments + ["--format", "json"], in: root.path).stdoutData)
                as? [String: Any])
        let commits = try XCTUnwrap((json["matrix"] as? [String: Any])?["commits"] as? [[Int]])
        XCTAssertGreaterThan(commits.count, 2)
        var drawn = commits.map { $0.map { _ in 0 } }
        for cell in html.all({ $0.attributes["class"] == "heat" }) {
            drawn[Int(cell.attributes["data-row"]!)!][Int(cell.attributes["data-column"]!)!] = Int(cell.attributes["data-commits"]!)!
        }
        XCTAssertEqual(drawn, commits)
        let pairs = try XCTUnwrap(json["pairs"] as? [[String: Any]])
        let bars = html.all { $0.attributes["data-pair"] != nil }
        XCTAssertEqual(bars.map { $0.attributes["data-commits"] }, pairs.prefix(bars.count).map { ($0["commits"] as? Int).map(String.init) })
    }

    /// Names, a subject, a residency and a repository that are markup; git itself drops `<` and `>` from
    /// names, so the worst author is written into the commit object by hand.
    func testHostileHistoryShowsAsText() throws {
        let repo = try FixtureRepository(name: "hostile")
        try repo.write("a.txt", "a\n")
        try repo.commit(
            "<script>alert(1)</script>\n\nCo-authored-by: x\" onmouseover=\"alert(1)\" y <m@x.io>\n",
            author: (name: "Bob", email: "bob@x.io"), date: "2024-01-10T10:00:00+00:00")
        try repo.write("b.txt", "b\n")
        try repo.git(["add", "-A"])
        let tree = try repo.git(["write-tree"]).trimmingCharacters(in: .whitespacesAndNewlines)
        let object =
            "tree \(tree)\nparent \(try repo.head())\n"
            + "author <img src=x onerror=alert(1)> <img@x.io> 1704967200 +0000\ncommitter Bob <bob@x.io> 1704967200 +0000\n\n"
            + "<img src=x onerror=alert(1)>\n\nCo-authored-by: Bob <bob@x.io>\n"
        let sha = try repo.git(["hash-object", "-t", "commit", "-w", "--stdin", "--literally"], input: Data(object.utf8))
            .trimmingCharacters(in: .whitespacesAndNewlines)
        try repo.git(["update-ref", "HEAD", sha])
        let config = repo.root.appendingPathComponent("workmix.yml").path
        try """
        residencies:
          - name: "<script>alert('residency')</script>"
            resident: bob@x.io
            team: [img@x.io, m@x.io, "<script>alert(2)</script> <s@x.io>"]
            repos: {"<img src=x onerror=alert(3)>": hostile}
            from: 2024-01-08
            to: 2024-01-31
            plan: { investment: 50%, maintenance: 50% }

        """.write(toFile: config, atomically: true, encoding: .utf8)
        for command in [["report"], ["pairs", "--repo", "hostile"]] {
            let run = try workmix(command + ["--config", config, "--format", "html"], in: repo.root.path)
            XCTAssertEqual(run.status, 0, run.stderr)
            let html = try Element.parse(run.stdout)
            Element.assertSelfContained(run.stdout, html)
            XCTAssertFalse(run.stdout.contains("<img"), command[0])
            XCTAssertFalse(run.stdout.contains("\" onmouseover"), command[0])
            XCTAssertTrue(html.allText.contains("onmouseover=\"alert(1)\""), "the co-author's name, as text")
            if command == ["report"] {
                XCTAssertTrue(html.allText.contains("<script>alert('residency')</script>"))
                XCTAssertTrue(html.allText.contains("<img src=x onerror=alert(3)>"), "the repository's name, as text")
            } else {
                XCTAssertTrue(html.allText.contains("onerror=alert(1)"), "the author's name, as text")
            }
        }
    }

    func testHTMLIsNotAScanOrCheckFormat() throws {
        let repo = try FixtureRepository(name: "plain")
        try repo.write("a.txt", "a\n")
        try repo.commit("Add a")
        XCTAssertEqual(try workmix(["scan", "--format", "html", "--repo", repo.root.path]).status, 2)
        XCTAssertEqual(try workmix(["check", "--format", "html", "--repo", repo.root.path]).status, 2)
    }
}

/// A parsed XHTML page: parsing at all proves the page well-formed.
private final class Element {
    let name: String
    let attributes: [String: String]
    var children: [Element] = []
    var text = ""

    init(name: String, attributes: [String: String]) {
        self.name = name
        self.attributes = attributes
    }

    var descendants: [Element] { children.flatMap { [$0] + $0.descendants } }
    var allText: String { text + children.map(\.allText).joined() }
    func all(_ predicate: (Element) -> Bool) -> [Element] { descendants.filter(predicate) }
    func first(_ predicate: (Element) -> Bool) -> Element? { descendants.first(where: predicate) }

    private final class Builder: NSObject, XMLParserDelegate {
        var stack = [Element(name: "#document", attributes: [:])]
        func parser(
            _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String] = [:]
        ) {
            let element = Element(name: name, attributes: attributes)
            stack[stack.count - 1].children.append(element)
            stack.append(element)
        }
        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            stack.removeLast()
        }
        func parser(_ parser: XMLParser, foundCharacters string: String) { stack[stack.count - 1].text += string }
    }

    struct NotWellFormed: Error {
        var line: Int
        var column: Int
    }

    static func parse(_ text: String) throws -> Element {
        let parser = XMLParser(data: Data(text.utf8))
        let builder = Builder()
        parser.delegate = builder
        guard parser.parse(), let root = builder.stack.first?.children.first else {
            throw NotWellFormed(line: parser.lineNumber, column: parser.columnNumber)
        }
        return root
    }

    /// No script or handler, no link out, no URL but the XHTML and SVG namespaces.
    static func assertSelfContained(_ page: String, _ root: Element, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(root.name, "html", file: file, line: line)
        XCTAssertFalse(page.contains("<script"), file: file, line: line)
        for element in root.descendants {
            XCTAssertFalse(
                ["script", "img", "iframe", "object", "embed", "link", "image", "foreignObject"].contains(element.name),
                element.name, file: file, line: line)
            for (name, value) in element.attributes {
                XCTAssertFalse(name.lowercased().hasPrefix("on"), "\(name)=\(value)", file: file, line: line)
                if name == "href" { XCTAssertTrue(value.hasPrefix("#"), value, file: file, line: line) }
            }
        }
        let expression = try! NSRegularExpression(pattern: "[a-z]+://[^\"'\\s)<]*")
        let urls = expression.matches(in: page, range: NSRange(page.startIndex..., in: page)).map { String(page[Range($0.range, in: page)!]) }
        XCTAssertEqual(Set(urls), ["http://www.w3.org/1999/xhtml", "http://www.w3.org/2000/svg"], file: file, line: line)
    }
}
