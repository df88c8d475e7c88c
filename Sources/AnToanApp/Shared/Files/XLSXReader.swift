import Foundation
import ZIPFoundation

/// Reads every worksheet of an .xlsx workbook into display-text tables.
enum XLSXReader {
    static func read(_ data: Data) throws(SpreadsheetError) -> [SpreadsheetTable] {
        try read(data, maxPartBytes: SpreadsheetLimits.maxPartBytes)
    }

    static func read(_ data: Data, maxPartBytes: Int) throws(SpreadsheetError) -> [SpreadsheetTable] {
        guard data.count <= SpreadsheetLimits.maxBytes else {
            throw .tooLarge(maxBytes: SpreadsheetLimits.maxBytes)
        }
        let package = try XLSXPackage(data: data, maxPartBytes: maxPartBytes)

        let rootRelationships = try package.relationships(of: "")
        let workbookPath =
            rootRelationships.first { $0.type.hasSuffix("/officeDocument") }?.target ?? "xl/workbook.xml"
        guard let workbookData = try package.part(workbookPath) else { throw .notASpreadsheet }
        let workbook = XLSXWorkbookParser()
        try XLSXXML.parse(workbookData, part: workbookPath, with: workbook)

        let relationships = try package.relationships(of: workbookPath)
        func target(_ typeSuffix: String, fallback: String) -> String {
            relationships.first { $0.type.hasSuffix(typeSuffix) }?.target ?? fallback
        }
        let directory = XLSXPackage.directory(of: workbookPath)

        let sharedStrings = XLSXSharedStringsParser()
        let sharedStringsPath = target("/sharedStrings", fallback: directory + "sharedStrings.xml")
        if let sharedStringsData = try package.part(sharedStringsPath) {
            try XLSXXML.parse(sharedStringsData, part: sharedStringsPath, with: sharedStrings)
        }
        let styles = XLSXStylesParser()
        let stylesPath = target("/styles", fallback: directory + "styles.xml")
        if let stylesData = try package.part(stylesPath) {
            try XLSXXML.parse(stylesData, part: stylesPath, with: styles)
        }

        var tables: [SpreadsheetTable] = []
        var cellBudget = SpreadsheetLimits.maxCells
        for sheet in workbook.sheets {
            guard let relationship = relationships.first(where: { $0.id == sheet.relationshipID }) else {
                throw .malformed("\(workbookPath): sheet \"\(sheet.name)\" has no part")
            }
            // Chart sheets and dialog sheets hold no cells.
            guard relationship.type.isEmpty || relationship.type.hasSuffix("/worksheet") else { continue }
            guard let sheetData = try package.part(relationship.target) else {
                throw .malformed("\(relationship.target) is missing")
            }
            let parser = XLSXSheetParser(
                part: relationship.target,
                sharedStrings: sharedStrings.strings,
                cellFormats: styles.cellFormats,
                uses1904Dates: workbook.uses1904Dates,
                maxCells: cellBudget
            )
            try XLSXXML.parse(sheetData, part: relationship.target, with: parser)
            let table = try SpreadsheetTable.normalized(name: sheet.name, rows: parser.rows, maxCells: cellBudget)
            cellBudget -= table.rows.count * (table.rows.first?.count ?? 0)
            tables.append(table)
        }
        return tables
    }
}

/// The zip container of an .xlsx: parts by case-insensitive name, each inflated under a size cap.
struct XLSXPackage {
    private let archive: ZIPFoundation.Archive
    private let entries: [String: ZIPFoundation.Entry]
    private let maxPartBytes: Int

    init(data: Data, maxPartBytes: Int) throws(SpreadsheetError) {
        do {
            archive = try ZIPFoundation.Archive(data: data, accessMode: .read)
        } catch {
            throw .notASpreadsheet
        }
        var entries: [String: ZIPFoundation.Entry] = [:]
        for entry in archive where entry.type == .file {
            entries[entry.path.lowercased()] = entries[entry.path.lowercased()] ?? entry
        }
        self.entries = entries
        self.maxPartBytes = maxPartBytes
    }

    func part(_ path: String) throws(SpreadsheetError) -> Data? {
        guard let entry = entries[path.lowercased()] else { return nil }
        let limit = maxPartBytes
        let tooBig = SpreadsheetError.partTooLarge(part: path, maxBytes: limit)
        guard entry.uncompressedSize <= UInt64(limit) else { throw tooBig }
        var data = Data()
        data.reserveCapacity(Int(entry.uncompressedSize))
        do {
            // The declared size can lie, so the running total is checked as well.
            _ = try archive.extract(entry) { chunk in
                guard data.count + chunk.count <= limit else { throw tooBig }
                data.append(chunk)
            }
        } catch let error as SpreadsheetError {
            throw error
        } catch {
            throw .malformed("\(path) cannot be unzipped")
        }
        return data
    }

    /// Relationships of `source` ("" for the package root) with targets resolved to part names.
    func relationships(of source: String) throws(SpreadsheetError) -> [XLSXRelationshipsParser.Relationship] {
        let directory = Self.directory(of: source)
        let fileName = source.split(separator: "/").last.map(String.init) ?? ""
        let path = directory + "_rels/" + fileName + ".rels"
        guard let data = try part(path) else { return [] }
        let parser = XLSXRelationshipsParser()
        try XLSXXML.parse(data, part: path, with: parser)
        return parser.relationships.map { relationship in
            var resolved = relationship
            resolved.target = Self.resolve(relationship.target, in: directory)
            return resolved
        }
    }

    /// The folder of a part name, with a trailing slash ("" at the root).
    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[...slash])
    }

    static func resolve(_ target: String, in directory: String) -> String {
        let combined = target.hasPrefix("/") ? target : directory + target
        var components: [Substring] = []
        for component in combined.split(separator: "/") {
            switch component {
            case ".": continue
            case "..": _ = components.popLast()
            default: components.append(component)
            }
        }
        return components.joined(separator: "/")
    }
}
