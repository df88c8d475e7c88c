import AnToanCore
import Foundation

/// An uploaded table read against one kind's columns: which column is where, and what is wrong with the header.
struct ImportSheet: Sendable {
    /// A data row with its number as Excel shows it.
    struct Record: Sendable {
        var number: Int
        var cells: [String]
    }

    var kind: ImportKind
    var filename: String
    var records: [Record]
    /// Column key → index in the file.
    var positions: [String: Int]
    /// Column key → header exactly as the file has it.
    var headers: [String: String]
    var problems: [ImportProblem]
    /// Required columns the file lacks: their cells are not checked row by row.
    var missing: Set<String>

    /// Reads an upload; a file that is not a spreadsheet, or has no data rows, is a 400 naming the reason.
    static func read(_ data: Data, filename: String?, kind: ImportKind) throws -> ImportSheet {
        let table: SpreadsheetTable
        do {
            table = try SpreadsheetFile.read(data, filename: filename)
        } catch {
            let message = error.message
            throw AppError.badRequest(vi: message.vi, en: message.en)
        }
        return try ImportSheet(table, kind: kind, filename: filename ?? "")
    }

    init(_ table: SpreadsheetTable, kind: ImportKind, filename: String) throws {
        self.kind = kind
        self.filename = filename
        let headerIndex = table.rows.firstIndex { row in row.contains { !$0.isEmpty } } ?? 0
        let header = table.rows.isEmpty ? [] : table.rows[headerIndex]
        records = table.rows.enumerated().dropFirst(headerIndex + 1).compactMap { index, cells in
            cells.contains { !$0.isEmpty } ? Record(number: index + 1, cells: cells) : nil
        }
        guard !records.isEmpty else {
            throw AppError.badRequest(
                vi: "Tệp chỉ có dòng tiêu đề, chưa có dòng dữ liệu nào để nhập.",
                en: "The file has only the header row and no data rows to import."
            )
        }
        positions = [:]
        headers = [:]
        problems = []
        missing = []
        let headerRow = headerIndex + 1
        let byHeader = Dictionary(
            kind.columns.flatMap { column in column.acceptedHeaders.map { ($0, column.key) } },
            uniquingKeysWith: { first, _ in first }
        )
        for (index, text) in header.enumerated() {
            let folded = Folding.fold(text)
            if folded.isEmpty {
                if records.contains(where: { index < $0.cells.count && !$0.cells[index].isEmpty }) {
                    problems.append(
                        ImportProblem(
                            row: headerRow,
                            column: XLSXWriter.columnName(index),
                            reason: ImportReason.untitledColumn
                        )
                    )
                }
                continue
            }
            // "STT", the running number most Vietnamese lists begin with, is welcome and ignored.
            if ["stt", "tt", "no", "#"].contains(folded) { continue }
            guard let key = byHeader[folded] else {
                problems.append(ImportProblem(row: headerRow, column: text, reason: ImportReason.unknownColumn))
                continue
            }
            if positions[key] != nil {
                problems.append(ImportProblem(row: headerRow, column: text, reason: ImportReason.repeatedColumn))
                continue
            }
            positions[key] = index
            headers[key] = text
        }
        for column in kind.columns where column.required && positions[column.key] == nil {
            missing.insert(column.key)
            problems.append(ImportProblem(row: headerRow, column: column.vi, reason: ImportReason.missingColumn))
        }
    }

    /// The trimmed cell of `key` in `record`; nil when the column is absent or the cell is empty. A cell an export
    /// neutralised (`'=…`) reads as it was written.
    func value(_ key: String, in record: Record) -> String? {
        guard let index = positions[key], index < record.cells.count else { return nil }
        let cell = SpreadsheetCell.restored(record.cells[index]).trimmingCharacters(in: .whitespacesAndNewlines)
        return cell.isEmpty ? nil : cell
    }

    /// The column's header as the file writes it, or the template's Vietnamese header when it is absent.
    func header(_ key: String) -> String {
        headers[key] ?? kind.columns.first { $0.key == key }?.vi ?? key
    }

    func has(_ key: String) -> Bool { positions[key] != nil }
}
