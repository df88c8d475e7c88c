import FluentKit
import Foundation
import PostgresNIO
import SQLKit

/// A row's columns, read in the order the query selects them. On PostgreSQL each cell is decoded by
/// PostgresNIO straight into its type; PostgresKit's `SQLRow` looks each column up by name and goes through
/// `Decodable` with a coding key made per cell, which was a quarter of the CPU of a page of 50 units.
/// On SQLite the columns are read by name through SQLKit, the names taken once per query, in order.
struct RowReader {
    private enum Source {
        case postgres(PostgresRow.Iterator)
        case sql(any SQLRow, columns: [String])
    }

    private var source: Source
    private var index = 0

    fileprivate init(postgres row: PostgresRow) { source = .postgres(row.makeIterator()) }

    fileprivate init(sql row: any SQLRow, columns: [String]) { source = .sql(row, columns: columns) }

    /// The next column's value.
    mutating func next<T: PostgresDecodable & Decodable>(_: T.Type = T.self) throws -> T {
        defer { index += 1 }
        switch source {
        case .postgres(var cells):
            guard let cell = cells.next() else { throw RowReaderError.noColumn(index) }
            source = .postgres(cells)
            return try cell.decode(T.self, context: .default)
        case .sql(let row, let columns):
            guard index < columns.count else { throw RowReaderError.noColumn(index) }
            return try row.decode(column: columns[index], as: T.self)
        }
    }
}

enum RowReaderError: Error {
    /// The query selects fewer columns than the reader reads.
    case noColumn(Int)
    /// A bound value PostgresNIO cannot send (text, numbers, ids, dates and flags it can).
    case unsupportedBind(String)
}

extension Database {
    /// Runs `query` and reads each row with `read`, the columns in the order the query selects them.
    func rows<Row>(_ query: SQLQueryString, _ read: (inout RowReader) throws -> Row) async throws -> [Row] {
        guard let postgres = self as? any PostgresDatabase else {
            let rows = try await sql.raw(query).all()
            // Every row of a result has the same columns.
            let columns = rows.first?.allColumns ?? []
            return try rows.map { row in
                var reader = RowReader(sql: row, columns: columns)
                return try read(&reader)
            }
        }
        // The same SQL as SQLKit would send, with the same binds.
        let (text, values) = sql.serialize(query)
        var binds = PostgresBindings(capacity: values.count)
        for value in values {
            guard let value = value as? any PostgresThrowingDynamicTypeEncodable else {
                throw RowReaderError.unsupportedBind("\(type(of: value))")
            }
            try binds.append(value)
        }
        let statement = PostgresQuery(unsafeSQL: text, binds: binds)
        let logger = logger
        // Logged as SQLKit logs its own statements, so that the SQL log (and a test counting queries) sees it.
        if let level = sql.queryLogLevel {
            logger.log(level: level, "Executing query", metadata: ["sql": .string(text)])
        }
        let result = try await postgres.withConnection { $0.query(statement, logger: logger) }.get()
        return try result.rows.map { row in
            var reader = RowReader(postgres: row)
            return try read(&reader)
        }
    }
}
