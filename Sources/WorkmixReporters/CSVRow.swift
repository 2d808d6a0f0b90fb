/// The one way reporters write CSV: RFC 4180 rows ending in CRLF. Text from a repository is quoted
/// and defused (`Escaping.csv`); numbers workmix computed are written as they are, so that `-0.05`
/// stays a number for a spreadsheet.
enum CSVRow {
    /// Text cells, then number cells.
    static func text(_ cells: [String], numbers: [String] = []) -> String {
        (cells.map(Escaping.csv) + numbers).joined(separator: ",") + "\r\n"
    }

    /// A header: column names of workmix's own.
    static func header(_ columns: [String]) -> String {
        columns.joined(separator: ",") + "\r\n"
    }
}
