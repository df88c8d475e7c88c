import Vapor

/// A kind's current data within the reader's scope, in the template's columns, so that an export imports again.
enum ImportExport {
    static func table(
        _ kind: ImportKind,
        for principal: Principal,
        revealIdentity reveal: Bool = false,
        app: Application
    ) async throws -> SpreadsheetTable {
        guard principal.can(kind.viewPermission) else { throw AppError.forbidden }
        let rows = try await kind.export(principal, reveal, app)
        return SpreadsheetTable(name: kind.sheetName, rows: [kind.columns.map(\.vi)] + rows)
    }
}
