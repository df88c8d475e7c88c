import Foundation
import Testing

@testable import AnToanApp

/// XLSXReader on files written by other tools, and on files that are not workbooks.
@Suite("XLSX reader")
struct XLSXReaderTests {
    /// What Excel shows for `SpreadsheetFixtures.openpyxlWorkbook`.
    static let fixtureTables = [
        SpreadsheetTable(
            name: "Đơn vị",
            rows: [
                ["Họ và tên", "Điện thoại", "", "Số", "Ngày sinh", "Đang làm", "Gấp đôi", "Viết hoa", "Thập phân"],
                ["Nguyễn Văn An", "0912345678", "", "912345678", "17/05/1990", "TRUE", "1825691356", "AN", "0.3"],
                ["Trần Thị Bình", "0987654321", "", "1.5", "02/01/2024", "FALSE", "3", "b", "-2.5E-07"],
            ]
        ),
        SpreadsheetTable(
            name: "Khu vực",
            rows: [["Tên khu vực", "", ""], ["", "", ""], ["", "", ""], ["", "", ""], ["", "", "Phường Bến Nghé"]]
        ),
    ]

    @Test("An openpyxl workbook gives shared and rich-text strings, numbers, dates, booleans and cached formulas")
    func openpyxlWorkbook() throws {
        #expect(try XLSXReader.read(SpreadsheetFixtures.openpyxlWorkbook) == Self.fixtureTables)
    }

    @Test("The same workbook re-saved by LibreOffice Calc reads the same")
    func libreOfficeWorkbook() throws {
        #expect(try XLSXReader.read(SpreadsheetFixtures.libreOfficeWorkbook) == Self.fixtureTables)
    }

    @Test("Bytes that are not a zip are not a spreadsheet")
    func notAZip() {
        #expect(throws: SpreadsheetError.notASpreadsheet) { try XLSXReader.read(SpreadsheetFixtures.pngHeader) }
        #expect(throws: SpreadsheetError.notASpreadsheet) { try XLSXReader.read(Data("PK\u{3}\u{4}rác".utf8)) }
    }

    @Test("A zip without a workbook is not a spreadsheet")
    func plainZip() {
        #expect(throws: SpreadsheetError.notASpreadsheet) { try XLSXReader.read(SpreadsheetFixtures.plainZip) }
    }

    @Test("Input over 10 MB is refused before it is unzipped")
    func tooLarge() {
        let data = Data(count: SpreadsheetLimits.maxBytes + 1)
        #expect(throws: SpreadsheetError.tooLarge(maxBytes: 10_485_760)) { try XLSXReader.read(data) }
    }

    @Test("A part whose declared size is over the cap is refused")
    func declaredSizeCap() throws {
        let data = try XLSXWriter.write([SpreadsheetTable(name: "A", rows: [["x"]])])
        let error = #expect(throws: SpreadsheetError.self) { try XLSXReader.read(data, maxPartBytes: 100) }
        #expect(error == .partTooLarge(part: "_rels/.rels", maxBytes: 100))
    }

    @Test("A part that inflates past the cap despite a small declared size is refused (zip bomb)")
    func inflatedSizeCap() {
        let error = #expect(throws: SpreadsheetError.self) {
            try XLSXReader.read(SpreadsheetFixtures.lyingSizeWorkbook, maxPartBytes: 10_000)
        }
        #expect(error == .partTooLarge(part: "xl/worksheets/sheet1.xml", maxBytes: 10_000))
    }

    @Test("Far-apart cell references that would pad into a huge grid are refused")
    func hugeGrid() throws {
        let xml =
            #"<worksheet><sheetData><row r="1"><c r="A1" t="str"><v>a</v></c></row>"#
            + #"<row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData></worksheet>"#
        let parser = XLSXSheetParser(
            part: "sheet1.xml",
            sharedStrings: [],
            cellFormats: [],
            uses1904Dates: false,
            maxCells: SpreadsheetLimits.maxCells
        )
        #expect(throws: SpreadsheetError.malformed("sheet1.xml: more than 5000000 cells")) {
            try XLSXXML.parse(Data(xml.utf8), part: "sheet1.xml", with: parser)
        }
    }

    @Test("Prefixed element names, missing references and inline rich text are understood")
    func sheetVariants() throws {
        let xml = """
            <x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>\
            <x:row><x:c t="inlineStr"><x:is><x:r><x:t>Lê </x:t></x:r><x:r><x:t>Lợi</x:t></x:r>\
            <x:rPh><x:t>phiên âm</x:t></x:rPh></x:is></x:c><x:c t="b"><x:v>1</x:v></x:c></x:row>\
            <x:row r="3"><x:c r="B3" t="e"><x:v>#N/A</x:v></x:c><x:c t="d"><x:v>2024-03-05T00:00:00</x:v></x:c>\
            </x:row></x:sheetData></x:worksheet>
            """
        let parser = XLSXSheetParser(
            part: "sheet1.xml",
            sharedStrings: [],
            cellFormats: [],
            uses1904Dates: false,
            maxCells: 100
        )
        try XLSXXML.parse(Data(xml.utf8), part: "sheet1.xml", with: parser)
        let table = try SpreadsheetTable.normalized(name: "", rows: parser.rows)
        #expect(table.rows == [["Lê Lợi", "TRUE", ""], ["", "", ""], ["", "#N/A", "05/03/2024"]])
    }

    @Test("Numbers read as Excel shows them: integers without .0, at most 15 significant digits")
    func numbers() {
        let cases = [
            "912345678": "912345678", "1.0": "1", "0.30000000000000004": "0.3", "-12.5": "-12.5",
            "1E-3": "0.001", "12345678901234567890": "1.23456789012346E+19", "abc": "abc",
        ]
        for (raw, shown) in cases {
            #expect(XLSXCellText.number(raw) == shown, "\(raw)")
        }
    }

    @Test("Date serials become dd/MM/yyyy, times HH:mm, in both date systems")
    func dates() {
        #expect(XLSXCellText.date(serial: "45293", style: .date, uses1904Dates: false) == "02/01/2024")
        #expect(XLSXCellText.date(serial: "1", style: .date, uses1904Dates: false) == "01/01/1900")
        #expect(XLSXCellText.date(serial: "61", style: .date, uses1904Dates: false) == "01/03/1900")
        #expect(XLSXCellText.date(serial: "0", style: .date, uses1904Dates: true) == "01/01/1904")
        let dateTime = XLSXDateStyle.dateTime(seconds: false)
        #expect(XLSXCellText.date(serial: "45293.75", style: dateTime, uses1904Dates: false) == "02/01/2024 18:00")
        let time = XLSXDateStyle.time(seconds: true)
        #expect(XLSXCellText.date(serial: "0.500011574", style: time, uses1904Dates: false) == "12:00:01")
        #expect(XLSXCellText.date(serial: "-1", style: .date, uses1904Dates: false) == "-1")
    }

    @Test("Date formats are told apart from number and duration formats")
    func dateFormats() {
        let cases: [(String, XLSXDateStyle?)] = [
            ("dd/mm/yyyy", .date), ("[$-42A]d mmmm yyyy", .date), ("mmm-yy", .date), ("dd/mm/yyyy;@", .date),
            ("h:mm", .time(seconds: false)), ("mm:ss", .time(seconds: true)),
            ("yyyy-mm-dd hh:mm:ss", .dateTime(seconds: true)), ("[h]:mm:ss", nil), ("#,##0.00", nil),
            ("[Red]0.00", nil), (#"0.00 "m""#, nil), ("General", nil), (#"#,##0 \d"#, nil),
        ]
        for (code, style) in cases {
            #expect(XLSXDateStyle.forFormatCode(code) == style, "\(code)")
        }
        #expect(XLSXDateStyle.forBuiltInID(14) == .date)
        #expect(XLSXDateStyle.forBuiltInID(22) == .dateTime(seconds: false))
        #expect(XLSXDateStyle.forBuiltInID(0) == nil)
        #expect(XLSXDateStyle.forBuiltInID(49) == nil)
    }

    @Test("Cell references give zero-based columns and one-based rows")
    func references() {
        #expect(XLSXCellText.reference("C5") == (2, 5))
        #expect(XLSXCellText.reference("$AA$10") == (26, 10))
        #expect(XLSXCellText.reference("XFD1048576") == (16_383, 1_048_576))
        #expect(XLSXCellText.reference("5C") == (nil, nil))
    }
}
