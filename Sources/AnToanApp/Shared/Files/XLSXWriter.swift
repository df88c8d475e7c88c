import Foundation
import ZIPFoundation

/// Writes tables as a minimal .xlsx: text cells (formulas neutralised by `SpreadsheetCell`), bold frozen header
/// row, fitted column widths; typed sheets (`XLSXSheet`) add number and date cells.
enum XLSXWriter {
    static func write(_ tables: [SpreadsheetTable]) throws -> Data {
        try write(sheets: tables.map(XLSXSheet.init))
    }

    static func write(sheets: [XLSXSheet]) throws -> Data {
        // A workbook must hold at least one sheet to open in Excel.
        let tables = sheets.isEmpty ? [XLSXSheet(name: "Sheet1", rows: [])] : sheets
        let names = sheetNames(tables.map(\.name))
        for table in tables where table.rows.count > 1_048_576 || table.rows.contains(where: { $0.count > 16_384 }) {
            throw SpreadsheetError.malformed("sheet \"\(table.name)\" is larger than Excel's 1,048,576 × 16,384 cells")
        }
        let archive = try ZIPFoundation.Archive(accessMode: .create)
        func add(_ path: String, _ text: String) throws {
            let bytes = Data(text.utf8)
            try archive.addEntry(
                with: path,
                type: .file,
                uncompressedSize: Int64(bytes.count),
                compressionMethod: .deflate
            ) { position, size in
                let start = Int(position)
                return bytes.subdata(in: start..<min(start + size, bytes.count))
            }
        }
        try add("[Content_Types].xml", XLSXTemplates.contentTypes(sheetCount: tables.count))
        try add("_rels/.rels", XLSXTemplates.rootRelationships)
        try add("xl/workbook.xml", XLSXTemplates.workbook(sheetNames: names))
        try add("xl/_rels/workbook.xml.rels", XLSXTemplates.workbookRelationships(sheetCount: tables.count))
        try add("xl/styles.xml", XLSXTemplates.styles)
        for (index, table) in tables.enumerated() {
            try add("xl/worksheets/sheet\(index + 1).xml", worksheet(table))
        }
        guard let data = archive.data else { throw CocoaError(.fileWriteUnknown) }
        return data
    }

    /// Excel refuses duplicate names, names over 31 characters and the characters `: \ / ? * [ ]`.
    static func sheetNames(_ names: [String]) -> [String] {
        var used: Set<String> = []
        return names.enumerated().map { index, name in
            var base = String(
                name.map { ":\\/?*[]".contains($0) || $0.asciiValue.map { $0 < 0x20 } == true ? "_" : $0 }
            )
            base = base.trimmingCharacters(in: .whitespacesAndNewlines.union(CharacterSet(charactersIn: "'")))
            if base.isEmpty {
                base = "Sheet\(index + 1)"
            }
            var candidate = String(base.prefix(31))
            var counter = 2
            while used.contains(candidate.lowercased()) {
                let suffix = " (\(counter))"
                candidate = String(base.prefix(31 - suffix.count)) + suffix
                counter += 1
            }
            used.insert(candidate.lowercased())
            return candidate
        }
    }

    static func worksheet(_ sheet: XLSXSheet) -> String {
        let rows = sheet.rows
        let width = rows.map(\.count).max() ?? 0
        var xml = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
            xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
            """
        if width > 0 {
            xml += "<dimension ref=\"A1:\(columnName(width - 1))\(rows.count)\"/>"
        }
        if sheet.frozenRows > 0 && !rows.isEmpty {
            let top = "A\(sheet.frozenRows + 1)"
            xml += """
                <sheetViews><sheetView workbookViewId="0">\
                <pane ySplit="\(sheet.frozenRows)" topLeftCell="\(top)" activePane="bottomLeft" state="frozen"/>\
                <selection pane="bottomLeft" activeCell="\(top)" sqref="\(top)"/>\
                </sheetView></sheetViews>
                """
        }
        xml += "<sheetFormatPr defaultRowHeight=\"15\"/>"
        if width > 0 {
            xml += "<cols>"
            for (column, characters) in columnWidths(rows, width: width).enumerated() {
                let number = column + 1
                xml += "<col min=\"\(number)\" max=\"\(number)\" width=\"\(characters)\" customWidth=\"1\"/>"
            }
            xml += "</cols>"
        }
        xml += "<sheetData>"
        for (rowIndex, row) in rows.enumerated() {
            let number = rowIndex + 1
            xml += "<row r=\"\(number)\">"
            for (column, cell) in row.enumerated() where !cell.isEmpty {
                xml += self.cell(cell, at: "\(columnName(column))\(number)")
            }
            xml += "</row>"
        }
        xml += "</sheetData></worksheet>"
        return xml
    }

    /// A cell's XML; the styles are those of `XLSXTemplates.styles` (1 bold, 2 date, 3 bold date).
    private static func cell(_ cell: XLSXCell, at reference: String) -> String {
        switch cell.value {
        case .text(let text):
            // Inline strings are not formulas, but become one when the cell is edited.
            let shown = SpreadsheetCell.neutralised(text)
            var xml = "<c r=\"\(reference)\"\(cell.bold ? " s=\"1\"" : "") t=\"inlineStr\"><is><t"
            if shown.first?.isWhitespace == true || shown.last?.isWhitespace == true || shown.contains("\n") {
                xml += " xml:space=\"preserve\""
            }
            return xml + ">" + XLSXXML.escape(encodeEscapes(shown)) + "</t></is></c>"
        case .number(let number):
            let text = number.rounded() == number && abs(number) < 1e15 ? String(Int(number)) : String(number)
            return "<c r=\"\(reference)\"\(cell.bold ? " s=\"1\"" : "")><v>\(text)</v></c>"
        case .date(let day):
            return "<c r=\"\(reference)\" s=\"\(cell.bold ? 3 : 2)\"><v>\(XLSXCell.serial(day))</v></c>"
        }
    }

    /// Widths in characters of the default font: longest line plus padding, kept between 8 and 60.
    private static func columnWidths(_ rows: [[XLSXCell]], width: Int) -> [Int] {
        var longest = [Int](repeating: 0, count: width)
        for row in rows {
            for (column, cell) in row.enumerated() where !cell.isEmpty {
                longest[column] = max(longest[column], cell.width)
            }
        }
        return longest.map { min(60, max(8, $0 + 2)) }
    }

    /// Letters of a zero-based column index: 0 → A, 26 → AA.
    static func columnName(_ index: Int) -> String {
        var remaining = index + 1
        var letters: [Character] = []
        while remaining > 0 {
            let digit = (remaining - 1) % 26
            letters.insert(Character(Unicode.Scalar(UInt8(ascii: "A") + UInt8(digit))), at: 0)
            remaining = (remaining - 1) / 26
        }
        return String(letters)
    }

    /// A literal `_x0041_` in user text would be read back as "A"; `_x005F_` escapes its underscore.
    private static func encodeEscapes(_ text: String) -> String {
        guard text.contains("_x") else { return text }
        let decoded = XLSXXML.decodeEscapes(text)
        guard decoded != text else { return text }
        return text.replacingOccurrences(of: "_x", with: "_x005F_x")
    }
}
