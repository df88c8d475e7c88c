import AnToanCore
import Fluent
import Foundation
import Vapor

/// Hosts pre-register the visitors they expect (GATE-3): any account of a unit invites for its unit, as the host
/// (its staff record when it has one).
enum InvitationService {
    static let entity = "gate_invitation"

    @discardableResult
    static func create(
        _ values: [String: String],
        by principal: Principal,
        on app: Application
    ) async throws -> Invitation {
        guard case .unit(let unitID, let area) = principal.scope else { throw AppError.forbidden }
        let now = app.clock.now()
        return try await app.write { db in
            var checker = FieldChecker()
            let name = checker.name("visitor_name", values["visitor_name"], max: GateLimits.name)
            let organisation = checker.text(
                "organisation",
                values["organisation"],
                max: GateLimits.organisation,
                optional: true
            )
            let purpose = checker.text("purpose", values["purpose"], max: GateLimits.purpose)
            let day = checker.date("expected_date", values["expected_date"], optional: false)
            if let day, let date = SolarDate(iso: day), date < VietnamTime.day(of: now) {
                checker.add("expected_date", .invalid(vi: "đã qua", en: "is in the past"))
            }
            try checker.check()
            let host = try await GateQueries.staffRecord(of: principal.id, unitID: unitID, on: db)
            let invitation = Invitation()
            invitation.unitID = unitID
            invitation.areaPath = area.value
            invitation.hostStaffID = host?.id
            invitation.hostName = host?.fullName ?? principal.displayName
            invitation.createdBy = principal.id
            invitation.visitorName = name
            invitation.organisation = organisation
            invitation.purpose = purpose
            invitation.expectedOn = day ?? ""
            invitation.createdAt = now
            try await invitation.insert(on: db)
            try await AuditTrail.record(
                on: db,
                actor: principal.auditActor,
                action: .create,
                entity: entity,
                entityID: try invitation.requireID().uuidString,
                before: nil,
                after: [
                    "unit_id": unitID.uuidString, "host_name": invitation.hostName,
                    "expected_on": invitation.expectedOn,
                ],
                now: now
            )
            return invitation
        }
    }
}
