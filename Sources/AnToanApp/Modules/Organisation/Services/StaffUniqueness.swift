import Fluent
import Foundation

/// Identity numbers are unique among all staff; staff codes within a unit. The services check first, so that the
/// answer names every problem at once; the unique indexes catch what slips past a check made at the same moment,
/// and `takenField` turns that into the same 422.
enum StaffUniqueness {
    static let identityIndex = "staff_identity_number_unique"
    static let codeIndex = "staff_unit_code_unique"

    /// `identity_number` or `code` when either is already held by another staff record.
    static func problems(
        identityNumber: String?,
        code: String?,
        unit: UUID?,
        on db: any Database
    ) async throws -> [FieldError] {
        var problems: [FieldError] = []
        if let identityNumber,
            try await StaffMember.query(on: db).filter(\.$identityNumber == identityNumber).first() != nil
        {
            problems.append(FieldError(field: "identity_number", reason: .taken))
        }
        if let code, let unit,
            try await StaffMember.query(on: db).filter(\.$unit.$id == unit).filter(\.$code == code).first() != nil
        {
            problems.append(FieldError(field: "code", reason: .taken))
        }
        return problems
    }

    /// The field whose unique index `error` reports, or nil for any other error. SQLite names the columns
    /// ("UNIQUE constraint failed: staff.identity_number"), PostgreSQL the index.
    static func takenField(_ error: any Error) -> String? {
        guard let database = error as? any DatabaseError, database.isConstraintFailure else { return nil }
        let text = String(reflecting: error)
        if text.contains(identityIndex) || text.contains("staff.identity_number") { return "identity_number" }
        if text.contains(codeIndex) || text.contains("staff.unit_id, staff.code") { return "code" }
        return nil
    }

    /// Runs `write`, answering a unique-index violation of staff as a 422 naming the field.
    static func mapViolation<T>(_ write: () async throws -> T) async throws -> T {
        do {
            return try await write()
        } catch {
            guard let field = takenField(error) else { throw error }
            throw AppError.invalidFields([FieldError(field: field, reason: .taken)])
        }
    }
}
