import AnToanCore
import Fluent
import Foundation
import Vapor

extension EventType {
    /// A vehicle came in or went out of a unit (no plate nor driver in the event).
    static let gateVehicle = EventType(rawValue: "gate.vehicle")
}

/// A vehicle checked in at the gate, as the page's form or the API gives it: raw values.
struct VehicleInput: Sendable {
    var unitID: UUID
    var plate: String?
    /// A `VehicleKind` raw value; a car when left out.
    var kind: String?
    var driverName: String?
    var purpose: String?
    /// A visit of the unit still inside that the vehicle came with.
    var visitID: UUID?
    var problems: [FieldError] = []
}

/// The vehicle log: in with a plate (a plate inside cannot come in again) and out (a vehicle not inside cannot go
/// out), each in one transaction with its audit entry and its event.
enum VehicleService {
    static let entity = "gate_vehicle_pass"

    /// Checks a vehicle in at `input.unitID` (a unit of the account's scope, else 404), every field checked first.
    @discardableResult
    static func checkIn(
        _ input: VehicleInput,
        by principal: Principal,
        on app: Application
    ) async throws
        -> VehiclePass
    {
        guard principal.can(.registerVisitors) else { throw AppError.forbidden }
        let now = app.clock.now()
        return try await app.write { db in
            let unit = try await GateService.topUnit(input.unitID, in: principal.scope, on: db)
            let unitID = try unit.requireID()
            var checker = FieldChecker(input.problems)
            let plate = checker.text("plate", input.plate, max: GateLimits.plate)
            let key = VehiclePlate.key(plate)
            if !plate.isEmpty, checker.message(for: "plate", .vi) == nil, !VehiclePlate.isPlausible(plate) {
                checker.add("plate", ReleaseNoteService.plateProblem)
            }
            let kind = checker.choice("kind", input.kind ?? VehicleKind.car.rawValue, VehicleKind.self) ?? .car
            let driver = checker.name("driver_name", input.driverName, max: GateLimits.name)
            let purpose = checker.text("purpose", input.purpose, max: GateLimits.purpose, optional: true)
            if let visitID = input.visitID {
                let visit = try? await GateQueries.visit(visitID, in: principal.scope, on: db)
                if visit?.unitID != unitID || visit?.isInside != true {
                    checker.add(
                        "visit_id",
                        .invalid(
                            vi: "không phải khách đang ở trong đơn vị này",
                            en: "is not a visitor inside this unit"
                        )
                    )
                }
            }
            if !key.isEmpty {
                // Two gates typing the same plate at once: the second waits here, then finds the first inside.
                try await db.lockKey("gate-vehicle:\(unitID.uuidString):\(key)")
                if let inside = try await GateGoodsQueries.vehicleInside(plateKey: key, unitID: unitID, on: db) {
                    checker.add(
                        "plate",
                        .invalid(
                            vi: "xe biển số \(inside.plate) đang ở trong đơn vị (vào lúc "
                                + "\(VietnamTime.dateTime(inside.checkedInAt)), chưa ra)",
                            en: "the vehicle \(inside.plate) is inside already (in at "
                                + "\(VietnamTime.dateTime(inside.checkedInAt)), not out)"
                        )
                    )
                }
            }
            try checker.check()
            let pass = VehiclePass()
            pass.unitID = unitID
            pass.areaPath = unit.areaPath
            pass.plate = VehiclePlate.display(plate)
            pass.plateKey = key
            pass.driverName = driver
            pass.purpose = purpose
            pass.kind = kind.rawValue
            pass.visitID = input.visitID
            pass.checkedInAt = now
            pass.checkedInByName = principal.displayName
            try await pass.insert(on: db)
            try await record(pass, before: nil, by: principal, on: db, now: now)
            return pass
        }
    }

    /// Checks a vehicle out; one not inside (out already, or never in this scope) is refused naming `vehicle`.
    @discardableResult
    static func checkOut(_ id: UUID, by principal: Principal, on app: Application) async throws -> VehiclePass {
        guard principal.can(.registerVisitors) else { throw AppError.forbidden }
        let now = app.clock.now()
        return try await app.write { db in
            _ = try await GateGoodsQueries.vehicle(id, in: principal.scope, on: db)
            guard let pass = try await db.lockedRow(VehiclePass.self, id) else { throw AppError.notFound }
            guard pass.checkedOutAt == nil, pass.purgedAt == nil else {
                let out = pass.checkedOutAt.map(VietnamTime.dateTime) ?? ""
                throw AppError.invalidFields([
                    FieldError(
                        field: "vehicle",
                        reason: .invalid(
                            vi: "xe không còn ở trong đơn vị (đã ra lúc \(out))",
                            en: "the vehicle is not inside (went out at \(out))"
                        )
                    )
                ])
            }
            let before = pass.auditSnapshot
            pass.checkedOutAt = now
            pass.checkedOutByName = principal.displayName
            try await pass.persist(on: db)
            try await record(pass, before: before, by: principal, on: db, now: now)
            return pass
        }
    }

    private static func record(
        _ pass: VehiclePass,
        before: [String: String]?,
        by principal: Principal,
        on db: any Database,
        now: Date
    ) async throws {
        let id = try pass.requireID()
        try await AuditTrail.record(
            on: db,
            actor: principal.auditActor,
            action: before == nil ? .create : .update,
            entity: entity,
            entityID: id.uuidString,
            before: before,
            after: pass.auditSnapshot,
            now: now
        )
        try await Outbox.publish(
            .gateVehicle,
            payload: GateGoodsEventDTO(
                noteId: nil,
                vehicleId: id,
                unitId: pass.unitID,
                state: pass.isInside ? "inside" : "out"
            ),
            unit: pass.unitID,
            area: AreaPath(pass.areaPath),
            on: db,
            now: now
        )
    }
}
