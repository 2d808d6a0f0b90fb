import WorkmixCore

/// `check --format junit`: a JUnit XML report as GitLab and most CI servers read it: a `<testsuite>` with
/// one `<testcase>` per residency (`classname` the config file, `name` the residency). An ended residency
/// off plan is a `<failure>` (its reasons as the message and text); an upcoming one, and a running one
/// without `--strict`, is `<skipped>`; the shares go to `<system-out>`. Text is escaped for XML, and
/// characters XML 1.0 cannot hold are dropped.
package struct JUnitCheckReporter: Reporter {
    package static let format = OutputFormat.junit
    package init() {}

    package func report(_ report: ResidencyReport) -> String {
        let cases = report.residencies.map(testCase)
        let failures = cases.filter { $0.outcome == .failure }.count
        let skipped = cases.filter { $0.outcome == .skipped }.count
        let counts = "tests=\"\(cases.count)\" failures=\"\(failures)\" errors=\"0\" skipped=\"\(skipped)\""
        var text = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        text += "<testsuites name=\"workmix check\" \(counts)>\n"
        text += "  <testsuite name=\"workmix check\" \(counts)>\n"
        if let asOf = report.asOf {
            text += "    <properties><property name=\"asOf\" value=\"\(Self.escape(asOf.description))\"/></properties>\n"
        }
        text += cases.map(\.xml).joined() + "  </testsuite>\n</testsuites>\n"
        return text
    }

    struct TestCase {
        enum Outcome { case passed, failure, skipped }
        var outcome: Outcome
        var xml: String
    }

    func testCase(_ result: ResidencyResult) -> TestCase {
        let verdict = result.verdict
        let outcome: TestCase.Outcome =
            verdict.fails
            ? .failure
            : verdict.status == .upcoming || (verdict.status == .running && !verdict.strict) ? .skipped : .passed
        let classname = result.residency.location?.file ?? "workmix.residency"
        var text = "    <testcase classname=\"\(Self.escape(classname))\" name=\"\(Self.escape(result.name))\""
        if let location = result.residency.location {
            text += " file=\"\(Self.escape(location.file))\""
            if let line = location.line { text += " line=\"\(line)\"" }
        }
        text += ">\n"
        let reasons = verdict.findings.map(\.description)
        switch outcome {
        case .failure:
            text +=
                "      <failure type=\"off-plan\" message=\"\(Self.escape(reasons.joined(separator: "; ")))\">"
                + Self.escape(reasons.joined(separator: "\n")) + "</failure>\n"
        case .skipped:
            var message = ResidencyText.status(result)
            if verdict.status == .running { message += verdict.onPlan ? ", on plan so far" : ", off plan so far: " + reasons.joined(separator: "; ") }
            text += "      <skipped message=\"\(Self.escape(message))\"/>\n"
        case .passed:
            break
        }
        if verdict.status != .upcoming {
            text += "      <system-out>" + Self.escape(ResidencyText.shares(result)) + "</system-out>\n"
        }
        return TestCase(outcome: outcome, xml: text + "    </testcase>\n")
    }

    /// Text for an XML attribute or element: markup characters as entities, line breaks and tabs as
    /// character references (an attribute keeps them so), other characters XML 1.0 forbids left out.
    static func escape(_ value: String) -> String {
        var text = ""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "&": text += "&amp;"
            case "<": text += "&lt;"
            case ">": text += "&gt;"
            case "\"": text += "&quot;"
            case "'": text += "&apos;"
            case "\n": text += "&#10;"
            case "\r": text += "&#13;"
            case "\t": text += "&#9;"
            default:
                let value = scalar.value
                guard value >= 0x20, !(0xFFFE...0xFFFF).contains(value) else { continue }
                text.unicodeScalars.append(scalar)
            }
        }
        return text
    }
}
