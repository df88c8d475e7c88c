/// What the writers do to a cell so that a spreadsheet program shows it as text and never runs it.
enum SpreadsheetCell {
    /// A cell starting with `=`, `+`, `-`, `@`, a tab or a carriage return is read as a formula by Excel and
    /// LibreOffice (from a CSV on opening, from any cell once it is edited): a staff name like
    /// `=HYPERLINK("http://…","Bấm vào")` would run in the reader's spreadsheet. A leading `'` makes it text.
    /// A plain number (`-12.5`, `+84912345678`) cannot be a formula and is left as it is.
    static func neutralised(_ cell: String) -> String {
        guard let first = cell.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return cell }
        return isPlainNumber(cell) ? cell : "'" + cell
    }

    /// A cell as `neutralised` had it before, so that an export imports again unchanged: the apostrophe goes only
    /// when a formula character follows it.
    static func restored(_ cell: String) -> String {
        let rest = cell.unicodeScalars.dropFirst()
        guard cell.hasPrefix("'"), let next = rest.first, "=+-@\t\r".unicodeScalars.contains(next) else { return cell }
        return String(rest)
    }

    private static func isPlainNumber(_ cell: String) -> Bool {
        let digits = cell.dropFirst()
        guard cell.first == "-" || cell.first == "+", digits.first?.isASCII == true, digits.first?.isNumber == true
        else { return false }
        var separators = 0
        for character in digits {
            if character == "." || character == "," {
                separators += 1
            } else if !(character.isASCII && character.isNumber) {
                return false
            }
        }
        return separators <= 1 && digits.last?.isNumber == true
    }
}
