import AnToanCore
import Fluent
import Foundation
import Vapor

/// A certificate as a form or the API gives it.
struct CertificateInput: Sendable {
    var staffID: UUID?
    /// An `EquipmentCategory` raw value.
    var category: String?
    /// An `EquipmentKind` raw value, when it covers one kind only.
    var kind: String?
    var number: String?
    var issuer: String?
    var issuedOn: String?
    var validUntil: String?
    var problems: [FieldError] = []
}

/// Staff's training certificates for equipment (TT 46/2014 Điều 8.4.5): added and removed by a unit's security
/// officer or head, each write with its audit entry in one transaction.
enum TrainingCertificates {
    static let entity = "equipment_certificate"

    @discardableResult
    static func add(
        _ input: CertificateInput,
        by principal: Principal,
        on app: Application
    ) async throws
        -> EquipmentCertificate
    {
        guard principal.can(.manageEquipment) else { throw AppError.forbidden }
        let now = app.clock.now()
        return try await app.write { db in
            var checker = FieldChecker(input.problems)
            var staff: StaffMember?
            if let staffID = input.staffID {
                staff = try await CustodyQueries.staff(staffID, in: principal.scope, on: db)
                if staff == nil { checker.add("staff_id", .notFound) }
            } else {
                checker.add("staff_id", .required)
            }
            let category = checker.choice("category", input.category, EquipmentCategory.self)
            let kind = checker.choice("kind", input.kind, EquipmentKind.self, optional: true)
            if let kind, let category, kind.category != category {
                checker.add(
                    "kind",
                    .invalid(
                        vi: "không thuộc nhóm \(category.nameVi.lowercased())",
                        en: "is not of the category \(category.nameEn.lowercased())"
                    )
                )
            }
            let number = checker.text("number", input.number, max: EquipmentLimits.permitNumber)
            let issuer = checker.name("issuer", input.issuer, max: EquipmentLimits.issuer)
            let issued = checker.date("issued_on", input.issuedOn, optional: false)
            let until = checker.date("valid_until", input.validUntil)
            if let issued, let until, until < issued {
                checker.add(
                    "valid_until",
                    .invalid(
                        vi: "ngày hết hạn không được trước ngày cấp (\(SolarDate(iso: issued)?.dmy ?? issued))",
                        en: "the end cannot precede the start (\(SolarDate(iso: issued)?.dmy ?? issued))"
                    )
                )
            }
            try checker.check()
            guard let staff, let category, let issued else { throw AppError.notFound }
            let certificate = EquipmentCertificate()
            certificate.staffID = try staff.requireID()
            certificate.unitID = staff.$unit.id
            certificate.areaPath = staff.areaPath
            certificate.category = category.rawValue
            certificate.kind = kind?.rawValue
            certificate.number = number
            certificate.issuer = issuer
            certificate.issuedOn = issued
            certificate.validUntil = until
            certificate.createdAt = now
            try await certificate.insert(on: db)
            try await AuditTrail.record(
                on: db,
                actor: principal.auditActor,
                action: .create,
                entity: entity,
                entityID: try certificate.requireID().uuidString,
                before: nil,
                after: certificate.auditSnapshot,
                now: now
            )
            return certificate
        }
    }

    static func remove(_ id: UUID, by principal: Principal, on app: Application) async throws {
        guard principal.can(.manageEquipment) else { throw AppError.forbidden }
        let now = app.clock.now()
        try await app.write { db in
            let certificate = try await CustodyQueries.certificate(id, in: principal.scope, on: db)
            try await certificate.delete(on: db).get()
            try await AuditTrail.record(
                on: db,
                actor: principal.auditActor,
                action: .delete,
                entity: entity,
                entityID: id.uuidString,
                before: certificate.auditSnapshot,
                after: nil,
                now: now
            )
        }
    }
}
