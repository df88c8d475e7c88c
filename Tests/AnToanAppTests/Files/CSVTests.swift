import Foundation
import Testing

@testable import AnToanApp

/// CSVReader and CSVWriter: RFC 4180, delimiters, encodings and what Excel needs.
@Suite("CSV")
struct CSVTests {
    private let expected = [["Họ và tên", "Điện thoại"], ["Nguyễn Văn An", "0912345678"]]

    @Test("UTF-8 with BOM and CRLF")
    func withBOM() throws {
        let data = Data("\u{FEFF}Họ và tên,Điện thoại\r\nNguyễn Văn An,0912345678\r\n".utf8)
        #expect(try CSVReader.read(data).rows == expected)
    }

    @Test("UTF-8 without BOM and LF")
    func withoutBOM() throws {
        let data = Data("Họ và tên,Điện thoại\nNguyễn Văn An,0912345678".utf8)
        #expect(try CSVReader.read(data).rows == expected)
    }

    @Test("Semicolons, as Excel saves CSV under Vietnamese regional settings")
    func semicolons() throws {
        let data = Data("\"Họ, tên\";Điện thoại;Số tiền\nNguyễn Văn An;0912345678;1,5\n".utf8)
        #expect(
            try CSVReader.read(data).rows == [
                ["Họ, tên", "Điện thoại", "Số tiền"], ["Nguyễn Văn An", "0912345678", "1,5"],
            ]
        )
    }

    @Test("Tabs, and an Excel sep= line")
    func tabsAndSeparatorHint() throws {
        #expect(try CSVReader.read(Data("a\tb\n1\t2\n".utf8)).rows == [["a", "b"], ["1", "2"]])
        #expect(try CSVReader.read(Data("sep=;\r\na,b;c\r\n".utf8)).rows == [["a,b", "c"]])
    }

    @Test("Quoted fields with doubled quotes, delimiters and newlines inside")
    func quotes() throws {
        let data = Data(
            "Tên,Ghi chú\r\n\"Trần \"\"Bé\"\" Ba\",\"Dòng 1\r\nDòng 2, vẫn ô này\"\r\n \"có dấu cách\" ,\"\"\r\n".utf8
        )
        #expect(
            try CSVReader.read(data).rows == [
                ["Tên", "Ghi chú"], ["Trần \"Bé\" Ba", "Dòng 1\nDòng 2, vẫn ô này"], ["có dấu cách", ""],
            ]
        )
    }

    @Test("Cells are trimmed, ragged rows padded, trailing empty rows and columns dropped")
    func normalization() throws {
        let data = Data("a, b ,\n1\n\n2,,3,\n , \n\n".utf8)
        #expect(try CSVReader.read(data).rows == [["a", "b", ""], ["1", "", ""], ["", "", ""], ["2", "", "3"]])
    }

    @Test("Windows-1258 Vietnamese bytes ask for CSV UTF-8 and name the code page")
    func windows1258() {
        #expect(throws: SpreadsheetError.wrongEncoding(guess: "Windows-1258")) {
            try CSVReader.read(SpreadsheetFixtures.windows1258CSV)
        }
    }

    @Test("Other legacy code pages are named as such")
    func windows1252() {
        let latin1 = Data([0x43, 0x61, 0x66, 0xE9, 0x2C, 0x5A, 0xFC, 0x72, 0x69, 0x63, 0x68, 0x0A])
        #expect(throws: SpreadsheetError.wrongEncoding(guess: "Windows-1252 or another legacy code page")) {
            try CSVReader.read(latin1)
        }
    }

    @Test("UTF-16 with a BOM, little- and big-endian, as Excel's Unicode Text")
    func utf16() throws {
        let text = "Họ và tên\tĐiện thoại\r\nNguyễn Văn An\t0912345678\r\n"
        let little = Data([0xFF, 0xFE]) + (text.data(using: .utf16LittleEndian) ?? Data())
        let big = Data([0xFE, 0xFF]) + (text.data(using: .utf16BigEndian) ?? Data())
        #expect(try CSVReader.read(little).rows == expected)
        #expect(try CSVReader.read(big).rows == expected)
    }

    @Test("Empty input, an unclosed quote, binary bytes and oversized input are refused")
    func refusals() {
        #expect(throws: SpreadsheetError.emptyFile) { try CSVReader.read(Data()) }
        #expect(throws: SpreadsheetError.emptyFile) { try CSVReader.read(Data("\u{FEFF}\r\n , \r\n".utf8)) }
        #expect(throws: SpreadsheetError.malformed("CSV: the quote opened on line 2 is never closed")) {
            try CSVReader.read(Data("a,b\n1,\"2\n3,4\n".utf8))
        }
        #expect(throws: SpreadsheetError.notASpreadsheet) { try CSVReader.read(SpreadsheetFixtures.pngHeader) }
        #expect(throws: SpreadsheetError.tooLarge(maxBytes: SpreadsheetLimits.maxBytes)) {
            try CSVReader.read(Data(repeating: 0x41, count: SpreadsheetLimits.maxBytes + 1))
        }
    }

    @Test("The writer emits a BOM, CRLF and quotes only where needed")
    func writer() {
        let table = SpreadsheetTable(
            name: "",
            rows: [["Tên", "Ghi chú"], ["Lê \"Tí\"", "a,b"], ["0912345678", "dòng 1\ndòng 2"], ["x;y", ""]]
        )
        let expectedText =
            "\u{FEFF}Tên,Ghi chú\r\n\"Lê \"\"Tí\"\"\",\"a,b\"\r\n0912345678,\"dòng 1\ndòng 2\"\r\n\"x;y\",\r\n"
        #expect(CSVWriter.write(table) == Data(expectedText.utf8))
        #expect(CSVWriter.write(table).starts(with: [0xEF, 0xBB, 0xBF]))
    }

    @Test("What the writer writes, the reader reads back unchanged")
    func roundTrip() throws {
        let rows = [
            ["Họ và tên", "Điện thoại", "Địa chỉ"], ["Phạm Thị Ngọc Ánh", "0087654321", "12, Lê Lợi;\nQuận 1"],
            ["", "\"", ""], ["Đỗ Đức", "", "Ấp \"Mới\""],
        ]
        let table = try CSVReader.read(CSVWriter.write(SpreadsheetTable(name: "", rows: rows)))
        #expect(table.rows == rows)
    }

    @Test("A 10,000-row CSV reads fast")
    func largeCSV() throws {
        let rows =
            [["Họ và tên", "Điện thoại", "Đơn vị", "Khu vực", "Chức vụ", "Ngày sinh", "Mã", "Ghi chú"]]
            + (0..<10_000).map { index in
                [
                    "Nguyễn Văn \(index)", "09\(10_000_000 + index)", "Phòng, \(index % 17)", "Khu", "NV", "1/5/1990",
                    "\(index)", "x",
                ]
            }
        let data = CSVWriter.write(SpreadsheetTable(name: "", rows: rows))
        var table = SpreadsheetTable(name: "", rows: [])
        let elapsed = try ContinuousClock().measure {
            table = try CSVReader.read(data)
        }
        print("CSVReader read 10,000 rows × 8 columns (\(data.count) bytes) in \(elapsed)")
        #expect(elapsed < .seconds(5))
        #expect(table.rows == rows)
    }
}
