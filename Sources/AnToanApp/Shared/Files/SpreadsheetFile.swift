import Foundation

/// Reads an uploaded .xlsx or .csv into its first sheet, choosing the reader by content rather than name.
enum SpreadsheetFile {
    static let spreadsheetExtensions: Set<String> = ["xlsx", "xlsm", "xltx", "xls", "xlsb", "ods", "numbers"]

    static func read(_ data: Data, filename: String?) throws(SpreadsheetError) -> SpreadsheetTable {
        guard data.count <= SpreadsheetLimits.maxBytes else {
            throw .tooLarge(maxBytes: SpreadsheetLimits.maxBytes)
        }
        guard !data.isEmpty else { throw .emptyFile }
        let (stem, fileExtension) = split(filename)
        if data.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            guard let first = try XLSXReader.read(data).first else { throw .emptyFile }
            guard !first.rows.isEmpty else { throw .emptyFile }
            return first
        }
        // Old .xls and password-protected .xlsx files are OLE2 compound documents.
        let isCompoundDocument = data.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])
        if isCompoundDocument || spreadsheetExtensions.contains(fileExtension) {
            throw .notASpreadsheet
        }
        var table = try CSVReader.read(data)
        table.name = stem
        return table
    }

    private static func split(_ filename: String?) -> (stem: String, fileExtension: String) {
        let name = filename.flatMap { $0.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last } ?? ""
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return (String(name), "") }
        return (String(name[..<dot]), name[name.index(after: dot)...].lowercased())
    }
}
