import Foundation

#if canImport(FoundationXML)
import FoundationXML
#endif

/// Streams one worksheet's `<sheetData>` into rows of display text.
final class XLSXSheetParser: NSObject, XLSXPartDelegate {
    // Excel's own limits; anything beyond them is a forged reference.
    static let maxRows = 1_048_576
    static let maxColumns = 16_384

    private(set) var rows: [[String]] = []
    private(set) var failure: SpreadsheetError?
    private let part: String
    private let sharedStrings: [String]
    private let cellFormats: [XLSXDateStyle?]
    private let uses1904Dates: Bool
    private let maxCells: Int

    private var widestColumn = 0
    private var rowIndex = -1
    private var nextColumn = 0
    private var cellColumn = 0
    private var cellType = ""
    private var cellStyle = 0
    private var value = ""
    private var inlineText = ""
    private var collecting = Collecting.nothing
    private var inInlineString = false
    private var phoneticDepth = 0

    private enum Collecting {
        case nothing
        case value
        case inlineText
    }

    init(
        part: String,
        sharedStrings: [String],
        cellFormats: [XLSXDateStyle?],
        uses1904Dates: Bool,
        maxCells: Int
    ) {
        self.part = part
        self.sharedStrings = sharedStrings
        self.cellFormats = cellFormats
        self.uses1904Dates = uses1904Dates
        self.maxCells = maxCells
    }

    func parser(
        _ parser: XMLParser,
        didStartElement elementName: String,
        namespaceURI: String?,
        qualifiedName qName: String?,
        attributes attributeDict: [String: String] = [:]
    ) {
        switch XLSXXML.localName(elementName) {
        case "row":
            let number = attributeDict["r"].flatMap { Int($0) } ?? rowIndex + 2
            guard number >= 1, number <= Self.maxRows else {
                return fail(parser, "row \(number) is outside the sheet")
            }
            rowIndex = number - 1
            nextColumn = 0
        case "c":
            let column = attributeDict["r"].flatMap { XLSXCellText.reference($0).column } ?? nextColumn
            guard column < Self.maxColumns else {
                return fail(parser, "column \(column + 1) is outside the sheet")
            }
            if rowIndex < 0 {
                rowIndex = 0
            }
            cellColumn = column
            nextColumn = column + 1
            cellType = attributeDict["t"] ?? ""
            cellStyle = attributeDict["s"].flatMap { Int($0) } ?? 0
            value = ""
            inlineText = ""
        case "v":
            collecting = .value
        case "is":
            inInlineString = true
        case "t" where inInlineString:
            collecting = phoneticDepth == 0 ? .inlineText : .nothing
        case "rPh":
            phoneticDepth += 1
        default:
            break
        }
    }

    func parser(
        _ parser: XMLParser,
        didEndElement elementName: String,
        namespaceURI: String?,
        qualifiedName qName: String?
    ) {
        switch XLSXXML.localName(elementName) {
        case "c":
            guard let text = cellText(parser) else { return }
            if !text.isEmpty {
                store(text, parser)
            }
        case "v", "t":
            collecting = .nothing
        case "is":
            inInlineString = false
        case "rPh":
            phoneticDepth -= 1
        default:
            break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        switch collecting {
        case .nothing: break
        case .value: value += string
        case .inlineText: inlineText += string
        }
    }

    private func cellText(_ parser: XMLParser) -> String? {
        switch cellType {
        case "s":
            guard let index = Int(value.trimmingCharacters(in: .whitespaces)) else { return "" }
            guard sharedStrings.indices.contains(index) else {
                fail(parser, "shared string \(index) does not exist")
                return nil
            }
            return sharedStrings[index]
        case "inlineStr":
            return XLSXXML.decodeEscapes(inlineText)
        case "str", "e":
            return XLSXXML.decodeEscapes(value)
        case "b":
            return value.isEmpty ? "" : (value == "1" || value.lowercased() == "true" ? "TRUE" : "FALSE")
        case "d":
            return XLSXCellText.isoDate(value)
        default:
            guard !value.isEmpty else { return "" }
            if cellFormats.indices.contains(cellStyle), let style = cellFormats[cellStyle] {
                return XLSXCellText.date(serial: value, style: style, uses1904Dates: uses1904Dates)
            }
            return XLSXCellText.number(value)
        }
    }

    private func store(_ text: String, _ parser: XMLParser) {
        // The grid is padded to its bounding box later, so that box is what must fit the budget.
        widestColumn = max(widestColumn, cellColumn + 1)
        guard (rowIndex + 1) * widestColumn <= maxCells else {
            return fail(parser, "more than \(maxCells) cells")
        }
        if rowIndex >= rows.count {
            rows.append(contentsOf: repeatElement([], count: rowIndex - rows.count + 1))
        }
        let missing = cellColumn + 1 - rows[rowIndex].count
        if missing > 0 {
            rows[rowIndex].append(contentsOf: repeatElement("", count: missing))
        }
        rows[rowIndex][cellColumn] = text
    }

    private func fail(_ parser: XMLParser, _ detail: String) {
        failure = .malformed("\(part): \(detail)")
        parser.abortParsing()
    }
}
