import Foundation
import Testing

@testable import AnToanApp

/// SpreadsheetFile picks the reader by content and explains what it cannot read.
@Suite("Spreadsheet file")
struct SpreadsheetFileTests {
    @Test("A zip is read as .xlsx whatever its name, giving the first sheet")
    func xlsxByContent() throws {
        let tables = [
            SpreadsheetTable(name: "Một", rows: [["Mã"], ["007"]]),
            SpreadsheetTable(name: "Hai", rows: [["x"]]),
        ]
        let data = try XLSXWriter.write(tables)
        #expect(try SpreadsheetFile.read(data, filename: "danh-sach.xlsx") == tables[0])
        #expect(try SpreadsheetFile.read(data, filename: "danh-sach.csv") == tables[0])
        #expect(try SpreadsheetFile.read(data, filename: nil) == tables[0])
    }

    @Test("Other bytes are read as CSV, named after the file")
    func csv() throws {
        let table = try SpreadsheetFile.read(Data("a;b\n1;2\n".utf8), filename: "C:\\Tài liệu\\nhân viên.csv")
        #expect(table == SpreadsheetTable(name: "nhân viên", rows: [["a", "b"], ["1", "2"]]))
    }

    @Test("A PNG, random bytes or an old .xls named as a workbook is not a spreadsheet")
    func notASpreadsheet() {
        var random = SystemRandomNumberGenerator()
        let noise = Data((0..<2_000).map { _ in UInt8.random(in: 0...255, using: &random) })
        let compound = Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0x00, 0x00])
        #expect(throws: SpreadsheetError.notASpreadsheet) {
            try SpreadsheetFile.read(SpreadsheetFixtures.pngHeader, filename: "anh.xlsx")
        }
        #expect(throws: SpreadsheetError.notASpreadsheet) { try SpreadsheetFile.read(noise, filename: "Bang.XLSX") }
        #expect(throws: SpreadsheetError.notASpreadsheet) { try SpreadsheetFile.read(compound, filename: "cu.xls") }
        #expect(throws: SpreadsheetError.notASpreadsheet) { try SpreadsheetFile.read(compound, filename: "cu.csv") }
    }

    @Test("A zip that is not a workbook is not a spreadsheet")
    func plainZip() {
        #expect(throws: SpreadsheetError.notASpreadsheet) {
            try SpreadsheetFile.read(SpreadsheetFixtures.plainZip, filename: "tai-lieu.xlsx")
        }
    }

    @Test("Empty files and workbooks with an empty first sheet are empty")
    func empty() throws {
        #expect(throws: SpreadsheetError.emptyFile) { try SpreadsheetFile.read(Data(), filename: "a.xlsx") }
        let emptyWorkbook = try XLSXWriter.write([])
        #expect(throws: SpreadsheetError.emptyFile) { try SpreadsheetFile.read(emptyWorkbook, filename: "a.xlsx") }
    }

    @Test("Input over 10 MB is refused before parsing")
    func tooLarge() {
        let data = Data("PK\u{3}\u{4}".utf8) + Data(count: SpreadsheetLimits.maxBytes)
        #expect(throws: SpreadsheetError.tooLarge(maxBytes: 10 * 1024 * 1024)) {
            try SpreadsheetFile.read(data, filename: "lon.xlsx")
        }
    }

    @Test("Every error has a Vietnamese and an English sentence")
    func messages() {
        let errors: [SpreadsheetError] = [
            .notASpreadsheet, .tooLarge(maxBytes: SpreadsheetLimits.maxBytes),
            .wrongEncoding(guess: "Windows-1258"), .emptyFile, .malformed("CSV: line 3"),
        ]
        for error in errors {
            #expect(error.message.vi.hasSuffix(".") && error.message.en.hasSuffix("."))
            #expect(error.message.vi != error.message.en)
        }
        #expect(SpreadsheetError.notASpreadsheet.message.vi.hasPrefix("Tệp không phải bảng tính Excel (.xlsx) hợp lệ."))
        #expect(
            SpreadsheetError.notASpreadsheet.message.en.hasPrefix("The file is not a valid Excel (.xlsx) spreadsheet.")
        )
        #expect(SpreadsheetError.tooLarge(maxBytes: SpreadsheetLimits.maxBytes).message.vi.contains("10 MB"))
        #expect(SpreadsheetError.wrongEncoding(guess: "Windows-1258").message.vi.contains("CSV UTF-8"))
        #expect(SpreadsheetError.malformed("CSV: line 3").message.en.contains("CSV: line 3"))
    }
}
