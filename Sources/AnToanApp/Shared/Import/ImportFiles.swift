import Foundation
import Vapor

/// The two file formats of templates and exports.
enum ImportFileFormat: String, CaseIterable, Sendable {
    case xlsx
    case csv

    static let xlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

    /// `?format=`, xlsx when absent; a 422 naming `format` otherwise.
    static func parse(_ text: String?) throws -> ImportFileFormat {
        guard let text, !text.isEmpty else { return .xlsx }
        guard let format = ImportFileFormat(rawValue: text.lowercased()) else {
            throw AppError.invalidFields([
                FieldError(
                    field: "format",
                    reason: .invalid(vi: "chỉ nhận: xlsx, csv", en: "must be one of: xlsx, csv")
                )
            ])
        }
        return format
    }

    var contentType: String { self == .xlsx ? Self.xlsxType : "text/csv; charset=utf-8" }

    /// The file to download: the first table is the data; an .xlsx also carries the others as extra sheets.
    func response(_ tables: [SpreadsheetTable], filename: String) throws -> Response {
        download(self == .xlsx ? try XLSXWriter.write(tables) : CSVWriter.write(tables[0]), filename: filename)
    }

    /// A file of this format, already written, as a download named `filename` plus the format's extension.
    func download(_ data: Data, filename: String) -> Response {
        let response = Response(status: .ok, body: .init(data: data))
        response.headers.replaceOrAdd(name: .contentType, value: contentType)
        response.headers.replaceOrAdd(
            name: .contentDisposition,
            value: "attachment; filename=\"\(filename).\(rawValue)\""
        )
        return response
    }
}

/// Blank templates: one header row in Vietnamese, and in .xlsx a second sheet listing the accepted values.
enum ImportTemplate {
    static func tables(_ kind: ImportKind) -> [SpreadsheetTable] {
        let header = kind.columns.map(\.vi)
        var guide = [["Cột", "Tên tiếng Anh (cũng được nhận)", "Bắt buộc", "Giá trị được nhận"]]
        for column in kind.columns {
            guide.append([column.vi, column.key, column.required ? "Có" : "", kind.accepted(column.key)])
        }
        return [
            SpreadsheetTable(name: kind.sheetName, rows: [header]),
            SpreadsheetTable(name: "Hướng dẫn", rows: guide),
        ]
    }
}
