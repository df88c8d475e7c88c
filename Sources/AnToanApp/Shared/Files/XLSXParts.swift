import Foundation

#if canImport(FoundationXML)
import FoundationXML
#endif

/// Sheet names, relationship ids and the date system from `xl/workbook.xml`.
final class XLSXWorkbookParser: NSObject, XLSXPartDelegate {
    struct Sheet: Equatable {
        var name: String
        var relationshipID: String
    }

    private(set) var sheets: [Sheet] = []
    private(set) var uses1904Dates = false
    let failure: SpreadsheetError? = nil

    func parser(
        _ parser: XMLParser,
        didStartElement elementName: String,
        namespaceURI: String?,
        qualifiedName qName: String?,
        attributes attributeDict: [String: String] = [:]
    ) {
        switch XLSXXML.localName(elementName) {
        case "sheet":
            let name = XLSXXML.decodeEscapes(attributeDict["name"] ?? "")
            if let id = XLSXXML.attribute(attributeDict, "id") {
                sheets.append(Sheet(name: name, relationshipID: id))
            }
        case "workbookPr":
            let value = attributeDict["date1904"]?.lowercased()
            uses1904Dates = value == "1" || value == "true"
        default:
            break
        }
    }
}

/// The `Relationship` entries of one `.rels` part.
final class XLSXRelationshipsParser: NSObject, XLSXPartDelegate {
    struct Relationship: Equatable {
        var id: String
        var type: String
        var target: String
    }

    private(set) var relationships: [Relationship] = []
    let failure: SpreadsheetError? = nil

    func parser(
        _ parser: XMLParser,
        didStartElement elementName: String,
        namespaceURI: String?,
        qualifiedName qName: String?,
        attributes attributeDict: [String: String] = [:]
    ) {
        guard XLSXXML.localName(elementName) == "Relationship", attributeDict["TargetMode"] != "External",
            let id = attributeDict["Id"], let target = attributeDict["Target"]
        else { return }
        relationships.append(Relationship(id: id, type: attributeDict["Type"] ?? "", target: target))
    }
}

/// The shared string table, joining rich-text runs and skipping phonetic guides.
final class XLSXSharedStringsParser: NSObject, XLSXPartDelegate {
    private(set) var strings: [String] = []
    let failure: SpreadsheetError? = nil
    private var current = ""
    private var collecting = false
    private var phoneticDepth = 0

    func parser(
        _ parser: XMLParser,
        didStartElement elementName: String,
        namespaceURI: String?,
        qualifiedName qName: String?,
        attributes attributeDict: [String: String] = [:]
    ) {
        switch XLSXXML.localName(elementName) {
        case "si": current = ""
        case "t": collecting = phoneticDepth == 0
        case "rPh": phoneticDepth += 1
        default: break
        }
    }

    func parser(
        _ parser: XMLParser,
        didEndElement elementName: String,
        namespaceURI: String?,
        qualifiedName qName: String?
    ) {
        switch XLSXXML.localName(elementName) {
        case "si": strings.append(XLSXXML.decodeEscapes(current))
        case "t": collecting = false
        case "rPh": phoneticDepth -= 1
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if collecting {
            current += string
        }
    }
}

/// Which cell formats (by `cellXfs` index) show numbers as dates or times.
final class XLSXStylesParser: NSObject, XLSXPartDelegate {
    private(set) var cellFormats: [XLSXDateStyle?] = []
    let failure: SpreadsheetError? = nil
    private var customFormats: [Int: String] = [:]
    private var inCellFormats = false

    func parser(
        _ parser: XMLParser,
        didStartElement elementName: String,
        namespaceURI: String?,
        qualifiedName qName: String?,
        attributes attributeDict: [String: String] = [:]
    ) {
        switch XLSXXML.localName(elementName) {
        case "numFmt":
            if let id = attributeDict["numFmtId"].flatMap({ Int($0) }), let code = attributeDict["formatCode"] {
                customFormats[id] = code
            }
        case "cellXfs":
            inCellFormats = true
        case "xf" where inCellFormats:
            let id = attributeDict["numFmtId"].flatMap { Int($0) } ?? 0
            if let code = customFormats[id] {
                cellFormats.append(XLSXDateStyle.forFormatCode(code))
            } else {
                cellFormats.append(XLSXDateStyle.forBuiltInID(id))
            }
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
        if XLSXXML.localName(elementName) == "cellXfs" {
            inCellFormats = false
        }
    }
}
