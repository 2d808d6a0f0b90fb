import Foundation

/// Parses the dates users write: `YYYY-MM-DD` and ISO 8601 date-times (`2019-12-12T10:04:05+01:00`, `Z`,
/// with or without seconds, `T` or a space).
package enum DateParser {
    package static func parseDate(_ text: String) -> CivilDate? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2])
        else { return nil }
        let date = CivilDate(year: y, month: m, day: d)
        return date.isValid ? date : nil
    }

    /// A full ISO 8601 date-time with an offset; without an offset, UTC.
    package static func parseTimestamp(_ text: String) -> Timestamp? {
        let trimmed = text.trimmingCharacters(in: " ")
        guard trimmed.count >= 16 else { return nil }
        let chars = Array(trimmed)
        guard let date = parseDate(String(chars[0..<10])), chars[10] == "T" || chars[10] == " " else { return nil }
        var rest = String(chars[11...])
        var offsetMinutes: Int32 = 0
        if rest.hasSuffix("Z") || rest.hasSuffix("z") {
            rest.removeLast()
        } else if let signIndex = rest.lastIndex(where: { $0 == "+" || $0 == "-" }) {
            let offsetText = rest[rest.index(after: signIndex)...].replacingOccurrences(of: ":", with: "")
            guard offsetText.count == 4, let hh = Int32(offsetText.prefix(2)), let mm = Int32(offsetText.suffix(2)),
                hh < 24, mm < 60
            else { return nil }
            offsetMinutes = (hh * 60 + mm) * (rest[signIndex] == "-" ? -1 : 1)
            rest = String(rest[..<signIndex])
        }
        let timeParts = rest.split(separator: ":", omittingEmptySubsequences: false)
        guard timeParts.count == 2 || timeParts.count == 3 else { return nil }
        guard let hour = Int64(timeParts[0]), let minute = Int64(timeParts[1]),
            timeParts[0].count == 2, timeParts[1].count == 2,
            (0..<24).contains(hour), (0..<60).contains(minute)
        else { return nil }
        var second: Int64 = 0
        if timeParts.count == 3 {
            let secondText = timeParts[2].split(separator: ".").first.map(String.init) ?? ""
            guard secondText.count == 2, let s = Int64(secondText), (0..<61).contains(s) else { return nil }
            second = s
        }
        let local = date.daysSinceEpoch * 86400 + hour * 3600 + minute * 60 + second
        return Timestamp(seconds: local - Int64(offsetMinutes) * 60, offsetMinutes: offsetMinutes)
    }
}

extension String {
    func trimmingCharacters(in set: Character) -> String {
        var s = Substring(self)
        while s.first == set { s = s.dropFirst() }
        while s.last == set { s = s.dropLast() }
        return String(s)
    }
}
