import WorkmixCore

/// Text for the HTML pages. Everything from a repository or a config (names, emails, repos, residency
/// names) goes through `text(_:)`: control characters, which XML forbids and which have no business in
/// a label, become U+FFFD, then `Escaping.html` escapes markup, the same way in text, attributes and
/// SVG `<title>`s. The pages are XHTML-well-formed (a polyglot document), so a test can parse them whole.
enum HTMLText {
    static func text(_ value: String) -> String {
        Escaping.html(scrubbed(value))
    }

    /// `value` cut to `limit` characters (with `…`), then escaped: cut first, so an entity is never cut.
    static func label(_ value: String, limit: Int) -> String {
        let clean = scrubbed(value)
        return Escaping.html(clean.count > limit ? String(clean.prefix(max(1, limit - 1))) + "…" : clean)
    }

    static func scrubbed(_ value: String) -> String {
        guard value.unicodeScalars.contains(where: isForbidden) else { return value }
        return String(String.UnicodeScalarView(value.unicodeScalars.map { isForbidden($0) ? "\u{FFFD}" : $0 }))
    }

    /// Not allowed in XML 1.0 (C0 controls but tab and line ends; U+FFFE, U+FFFF) or a C1 control.
    private static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x20 { return value != 0x09 && value != 0x0A && value != 0x0D }
        return (0x7F...0x9F).contains(value) || value == 0xFFFE || value == 0xFFFF
    }

    /// A person as a label: the name, or the email for identities without one.
    static func name(_ person: Person) -> String { person.name.isEmpty ? person.email : person.name }

    /// `Name <email>` (or whichever part there is), for tooltips, escaped.
    static func identity(_ person: Person) -> String {
        let plain = person.email.isEmpty ? person.name : (person.name.isEmpty ? person.email : "\(person.name) <\(person.email)>")
        return text(plain)
    }

    /// A coordinate or length: at most one decimal, `12`, `12.5`, `-3.2`; the same on every platform.
    static func number(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        let sign = tenths < 0 ? "-" : ""
        let magnitude = abs(tenths)
        return magnitude % 10 == 0 ? sign + String(magnitude / 10) : sign + "\(magnitude / 10).\(magnitude % 10)"
    }

    /// `36.8%`, as the other formats print shares.
    static func percent(_ fraction: Double) -> String { Percent.format(fraction) }

    static func plural(_ count: Int, _ singular: String, _ plural: String? = nil) -> String {
        "\(count) " + (count == 1 ? singular : plural ?? singular + "s")
    }
}
