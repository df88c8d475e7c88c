import Foundation
import Testing

@testable import AnToanApp

/// What XLSXWriter writes, XLSXReader reads back unchanged.
@Suite("XLSX round trips")
struct XLSXRoundTripTests {
    @Test("Three sheets of Vietnamese text, leading-zero phones and empty cells come back unchanged")
    func threeSheets() throws {
        let tables = [
            SpreadsheetTable(
                name: "Nhân viên",
                rows: [
                    ["Họ và tên", "Điện thoại", "Ghi chú"],
                    ["Nguyễn Thị Ánh", "0912345678", ""],
                    ["Trần Văn Đức", "", "Tổ 3\nẤp Bình Hòa"],
                    ["", "0087", "Ưu tiên: Phường Bến Nghé"],
                ]
            ),
            SpreadsheetTable(
                name: "Đơn vị",
                rows: [["Mã", "Tên"], ["001", "Phòng Kỹ thuật & An toàn <ATLĐ>"], ["010", "1+1 = 2"]]
            ),
            SpreadsheetTable(name: "Khu vực", rows: [["Khu"], ["A \"trong ngoặc\""], ["_x0041_ giữ nguyên"]]),
        ]
        let data = try XLSXWriter.write(tables)
        #expect(try XLSXReader.read(data) == tables)
    }

    @Test("Sheet names are made acceptable to Excel: no : \\ / ? * [ ], at most 31 characters, unique")
    func sheetNames() {
        let names = XLSXWriter.sheetNames(["Danh sách: 2024/2025", "a", "A", "", String(repeating: "x", count: 40)])
        #expect(names == ["Danh sách_ 2024_2025", "a", "A (2)", "Sheet4", String(repeating: "x", count: 31)])
    }

    @Test("No tables still gives a workbook with one empty sheet")
    func noTables() throws {
        let tables = try XLSXReader.read(try XLSXWriter.write([]))
        #expect(tables == [SpreadsheetTable(name: "Sheet1", rows: [])])
    }

    @Test("A header-only template still has its header frozen")
    func headerOnly() throws {
        let data = try XLSXWriter.write([SpreadsheetTable(name: "Mẫu", rows: [["Họ và tên", "Điện thoại"]])])
        let sheet = try #require(try XLSXPackage(data: data, maxPartBytes: 100_000).part("xl/worksheets/sheet1.xml"))
        #expect(String(decoding: sheet, as: UTF8.self).contains(#"state="frozen""#))
    }

    @Test("More columns than Excel allows is an error, not a broken file")
    func tooWide() {
        let table = SpreadsheetTable(name: "A", rows: [Array(repeating: "x", count: 16_385)])
        #expect(throws: SpreadsheetError.self) { try XLSXWriter.write([table]) }
    }

    @Test("Control characters that XML cannot hold are dropped")
    func controlCharacters() throws {
        let table = SpreadsheetTable(name: "A", rows: [["Tên\u{1}\u{8}", "Tab\tgiữa"]])
        let read = try XLSXReader.read(try XLSXWriter.write([table]))
        #expect(read.first?.rows == [["Tên", "Tab\tgiữa"]])
    }

    @Test("The header row is bold and frozen, cells are inline strings, and columns are sized to content")
    func worksheetLayout() throws {
        let table = SpreadsheetTable(
            name: "A",
            rows: [["Họ và tên", "SĐT"], ["Nguyễn Văn Anh Khoa Trường Giang", "0912345678"]]
        )
        let package = try XLSXPackage(data: try XLSXWriter.write([table]), maxPartBytes: 1_000_000)
        let sheet = try #require(try package.part("xl/worksheets/sheet1.xml"))
        let xml = String(decoding: sheet, as: UTF8.self)
        #expect(xml.contains(#"<c r="A1" s="1" t="inlineStr"><is><t>Họ và tên</t></is></c>"#))
        #expect(xml.contains(#"<c r="B2" t="inlineStr"><is><t>0912345678</t></is></c>"#))
        #expect(xml.contains(#"<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>"#))
        #expect(xml.contains(#"<col min="1" max="1" width="34" customWidth="1"/>"#))
        #expect(xml.contains(#"<col min="2" max="2" width="12" customWidth="1"/>"#))
        let styles = try #require(try package.part("xl/styles.xml"))
        #expect(String(decoding: styles, as: UTF8.self).contains("<font><b/>"))
    }

    @Test("Column letters run A…Z, AA…AZ, BA…")
    func columnNames() {
        #expect([0, 25, 26, 51, 52, 16_383].map(XLSXWriter.columnName) == ["A", "Z", "AA", "AZ", "BA", "XFD"])
    }

    @Test("A 10,000-row by 8-column sheet reads fast")
    func largeSheet() throws {
        let header = ["Họ và tên", "Điện thoại", "Đơn vị", "Khu vực", "Chức vụ", "Ngày sinh", "Mã", "Ghi chú"]
        let rows =
            [header]
            + (0..<10_000).map { index in
                [
                    "Nguyễn Văn \(index)", "09\(10_000_000 + index)", "Phòng \(index % 17)", "Khu \(index % 5)",
                    "Nhân viên", "\(index % 28 + 1)/05/1990", "\(index)", index.isMultiple(of: 3) ? "" : "Ghi chú",
                ]
            }
        let data = try XLSXWriter.write([SpreadsheetTable(name: "Lớn", rows: rows)])
        var tables: [SpreadsheetTable] = []
        let elapsed = try ContinuousClock().measure {
            tables = try XLSXReader.read(data)
        }
        print("XLSXReader read 10,000 rows × 8 columns (\(data.count) bytes) in \(elapsed)")
        #expect(elapsed < .seconds(5))
        #expect(tables.first?.rows == rows)
    }
}
