import ArgumentParser
import Foundation
import WorkmixCore

/// `--as-of`: the date residencies are judged on (SPEC 10): upcoming, running or ended.
struct AsOfOption: ParsableArguments {
    @Option(
        name: .customLong("as-of"),
        help: ArgumentHelp(
            "Judge residencies as of this date (YYYY-MM-DD, read in each residency's timezone; or ISO 8601). Default: now.",
            valueName: "date"))
    var asOf: String?

    func validate() throws {
        if let asOf, AsOf.parse(asOf) == nil {
            throw ValidationError("--as-of '\(asOf)': not a date (YYYY-MM-DD or ISO 8601)")
        }
    }

    /// The date given, else now.
    var date: AsOf { asOf.flatMap(AsOf.parse) ?? .now() }
}
