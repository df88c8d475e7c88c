import AnToanCore
import Foundation

/// One cell of a sheet that keeps its type: text (formulas neutralised by `SpreadsheetCell`, as every text cell),
/// a number, or a day that Excel shows as dd/MM/yyyy and can sort and add to.
struct XLSXCell: Sendable, Equatable {
    enum Value: Sendable, Equatable {
        case text(String)
        case number(Double)
        case date(SolarDate)
    }

    var value: Value
    var bold = false

    static func text(_ text: String, bold: Bool = false) -> XLSXCell { XLSXCell(value: .text(text), bold: bold) }
    static func number(_ number: Int, bold: Bool = false) -> XLSXCell {
        XLSXCell(value: .number(Double(number)), bold: bold)
    }
    static func date(_ day: SolarDate, bold: Bool = false) -> XLSXCell { XLSXCell(value: .date(day), bold: bold) }

    /// Excel's serial day: days since 30/12/1899 (which makes 01/03/1900 day 61, past Excel's false 29/02/1900).
    static func serial(_ day: SolarDate) -> Int {
        day.julianDay - epoch
    }

    private static let epoch = SolarDate(year: 1899, month: 12, day: 30)?.julianDay ?? 2_415_019

    /// About how many characters the cell takes on screen, for the column's width.
    var width: Int {
        switch value {
        case .text(let text): text.split(separator: "\n").map(\.count).max() ?? 0
        case .number(let number): String(number).count
        case .date: 10
        }
    }

    var isEmpty: Bool { value == .text("") }
}

/// A sheet of typed cells with its first `frozenRows` rows kept in view.
struct XLSXSheet: Sendable, Equatable {
    var name: String
    var rows: [[XLSXCell]]
    var frozenRows = 0

    init(name: String, rows: [[XLSXCell]], frozenRows: Int = 0) {
        self.name = name
        self.rows = rows
        self.frozenRows = frozenRows
    }

    /// A table of text with its header row bold and frozen, as every export has it.
    init(_ table: SpreadsheetTable) {
        self.name = table.name
        self.rows = table.rows.enumerated().map { index, row in row.map { .text($0, bold: index == 0) } }
        self.frozenRows = table.rows.isEmpty ? 0 : 1
    }
}
