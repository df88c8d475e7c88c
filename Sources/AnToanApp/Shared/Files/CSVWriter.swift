import Foundation

/// Writes a table as CSV the way Excel reads Vietnamese text right: UTF-8 with BOM, CRLF, quoted when needed,
/// formulas neutralised (`SpreadsheetCell`).
enum CSVWriter {
    static func write(_ table: SpreadsheetTable) -> Data {
        var text = "\u{FEFF}"
        for row in table.rows {
            text += row.map { field(SpreadsheetCell.neutralised($0)) }.joined(separator: ",")
            text += "\r\n"
        }
        return Data(text.utf8)
    }

    private static func field(_ cell: String) -> String {
        let needsQuotes =
            cell.contains(where: { ",;\"\t\n\r\r\n".contains($0) })
            || cell.first?.isWhitespace == true || cell.last?.isWhitespace == true
        guard needsQuotes else { return cell }
        return "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
