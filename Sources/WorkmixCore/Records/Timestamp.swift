import Foundation

/// A moment with the UTC offset it was recorded in, printed as ISO 8601 (`2019-12-12T10:04:05+01:00`).
package struct Timestamp: Hashable, Codable, Sendable, Comparable, CustomStringConvertible {
    /// Seconds since the epoch.
    package var seconds: Int64
    /// The commit's own UTC offset, in minutes.
    package var offsetMinutes: Int32

    package init(seconds: Int64, offsetMinutes: Int32) {
        self.seconds = seconds
        self.offsetMinutes = offsetMinutes
    }

    package static func < (lhs: Timestamp, rhs: Timestamp) -> Bool { lhs.seconds < rhs.seconds }

    package var description: String { iso8601 }

    /// ISO 8601 in the recorded offset; computed by arithmetic (no formatter: it runs per commit).
    package var iso8601: String {
        let local = seconds + Int64(offsetMinutes) * 60
        let (date, secondOfDay) = CivilDate.from(secondsSinceEpoch: local)
        let hour = secondOfDay / 3600, minute = secondOfDay / 60 % 60, second = secondOfDay % 60
        let sign: Unicode.Scalar = offsetMinutes < 0 ? "-" : "+"
        let offset = abs(Int(offsetMinutes))
        if (0...9999).contains(date.year) && offset < 6000 {
            // Digits written in place: this runs twice per row of a scan.
            let signByte = UInt8(ascii: sign)
            return String(unsafeUninitializedCapacity: 25) { text in
                func put(_ value: Int, at start: Int, width: Int, then separator: UInt8?) {
                    var rest = value
                    for index in (start..<start + width).reversed() {
                        text[index] = UInt8(ascii: "0") + UInt8(rest % 10)
                        rest /= 10
                    }
                    if let separator { text[start + width] = separator }
                }
                put(date.year, at: 0, width: 4, then: UInt8(ascii: "-"))
                put(date.month, at: 5, width: 2, then: UInt8(ascii: "-"))
                put(date.day, at: 8, width: 2, then: UInt8(ascii: "T"))
                put(Int(hour), at: 11, width: 2, then: UInt8(ascii: ":"))
                put(Int(minute), at: 14, width: 2, then: UInt8(ascii: ":"))
                put(Int(second), at: 17, width: 2, then: signByte)
                put(offset / 60, at: 20, width: 2, then: UInt8(ascii: ":"))
                put(offset % 60, at: 23, width: 2, then: nil)
                return 25
            }
        }
        return
            "\(pad(date.year, 4))-\(pad(date.month, 2))-\(pad(date.day, 2))T\(pad(Int(hour), 2)):\(pad(Int(minute), 2)):\(pad(Int(second), 2))\(sign)\(pad(offset / 60, 2)):\(pad(offset % 60, 2))"
    }

    /// The calendar date in the recorded offset.
    package var localDate: CivilDate {
        CivilDate.from(secondsSinceEpoch: seconds + Int64(offsetMinutes) * 60).0
    }

    package func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso8601)
    }

    package init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let parsed = DateParser.parseTimestamp(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not an ISO 8601 date: \(text)"))
        }
        self = parsed
    }
}

private func pad(_ value: Int, _ width: Int) -> String {
    let text = String(value)
    return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
}

/// A calendar date without time or zone.
package struct CivilDate: Hashable, Codable, Sendable, Comparable, CustomStringConvertible {
    package var year: Int, month: Int, day: Int

    package init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    package static func < (lhs: CivilDate, rhs: CivilDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    package var description: String { "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))" }

    /// Days since 1970-01-01 (Howard Hinnant's days_from_civil).
    package var daysSinceEpoch: Int64 {
        let y = Int64(month <= 2 ? year - 1 : year)
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let m = Int64(month)
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + Int64(day) - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    package static func from(daysSinceEpoch z0: Int64) -> CivilDate {
        let z = z0 + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let y = yoe + era * 400
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return CivilDate(year: Int(m <= 2 ? y + 1 : y), month: Int(m), day: Int(d))
    }

    static func from(secondsSinceEpoch: Int64) -> (CivilDate, Int64) {
        var days = secondsSinceEpoch / 86400
        var rest = secondsSinceEpoch % 86400
        if rest < 0 { rest += 86400; days -= 1 }
        return (from(daysSinceEpoch: days), rest)
    }

    /// Whether this is a real date (2019-02-30 is not).
    package var isValid: Bool {
        guard (1...12).contains(month), day >= 1 else { return false }
        return CivilDate.from(daysSinceEpoch: daysSinceEpoch) == self
    }
}
