import AnToanCore
import Fluent
import Foundation
import Vapor

/// The personal data of goods release notes (the carrier's name, paper and plate) and of the vehicle log (plate,
/// driver, purpose): erased with the visitors' by the nightly purge past each unit's retention, the rows kept for
/// the counts; every read of it logged beside the reads of visitors' data.
enum GoodsData {
    /// Erases what identifies carriers and drivers past their unit's retention, in the purge's transaction `db`.
    /// A note counts from its day or its drafting, whichever is later; a vehicle from its time in.
    static func purge(_ settings: [GateSettings], now: Date, on db: any Database) async throws {
        var notes = 0
        var vehicles = 0
        for setting in settings {
            notes += try await eraseNotes(of: [setting.unitID], except: [], days: setting.retentionDays, now, db)
            vehicles += try await eraseVehicles(of: [setting.unitID], except: [], days: setting.retentionDays, now, db)
        }
        let custom = settings.map(\.unitID)
        let days = GateSettings.defaultRetentionDays
        notes += try await eraseNotes(of: nil, except: custom, days: days, now, db)
        vehicles += try await eraseVehicles(of: nil, except: custom, days: days, now, db)
        guard notes + vehicles > 0 else { return }
        try await AuditTrail.record(
            on: db,
            actor: .system,
            action: .update,
            entity: ReleaseNoteService.entity,
            entityID: "purge",
            before: nil,
            after: [
                "purged_release_notes": String(notes), "purged_vehicle_passes": String(vehicles),
                "fields": (ReleaseNote.personalFields + VehiclePass.personalFields).joined(separator: ","),
            ],
            now: now
        )
    }

    private static func eraseNotes(
        of units: [UUID]?,
        except others: [UUID],
        days: Int,
        _ now: Date,
        _ db: any Database
    ) async throws -> Int {
        let cutoff = now.addingTimeInterval(-TimeInterval(days) * 86_400)
        let query = ReleaseNote.query(on: db).filter(\.$purgedAt == nil).filter(\.$createdAt < cutoff)
            .filter(\.$expectedOn < VietnamTime.day(of: cutoff).iso)
        if let units { query.filter(\.$unitID ~~ units) }
        if !others.isEmpty { query.filter(\.$unitID !~ others) }
        let notes = try await query.all()
        for note in notes {
            note.carrierName = ""
            note.carrierDocument = ""
            note.vehiclePlate = ""
            note.purgedAt = now
            try await note.persist(on: db)
        }
        return notes.count
    }

    private static func eraseVehicles(
        of units: [UUID]?,
        except others: [UUID],
        days: Int,
        _ now: Date,
        _ db: any Database
    ) async throws -> Int {
        let cutoff = now.addingTimeInterval(-TimeInterval(days) * 86_400)
        let query = VehiclePass.query(on: db).filter(\.$purgedAt == nil).filter(\.$checkedInAt < cutoff)
        if let units { query.filter(\.$unitID ~~ units) }
        if !others.isEmpty { query.filter(\.$unitID !~ others) }
        let passes = try await query.all()
        for pass in passes {
            pass.plate = ""
            pass.plateKey = ""
            pass.driverName = ""
            pass.purpose = ""
            pass.purgedAt = now
            // One that never checked out is out by now, for the counts.
            if pass.checkedOutAt == nil { pass.checkedOutAt = now }
            try await pass.persist(on: db)
        }
        return passes.count
    }
}

extension VisitorData {
    /// Logs that `principal` read the carriers' data of `notes` (one row per unit); nothing when there were none.
    static func logRead(
        notes: [ReleaseNote],
        _ what: ReadKind,
        by principal: Principal,
        on app: Application
    )
        async throws
    {
        let shown = notes.filter { $0.purgedAt == nil }.map { ($0.unitID, $0.areaPath) }
        try await logRead(shown, what, by: principal, on: app)
    }

    /// Logs that `principal` read the drivers' data of `vehicles` (one row per unit); nothing when there were none.
    static func logRead(
        vehicles: [VehiclePass],
        _ what: ReadKind,
        by principal: Principal,
        on app: Application
    )
        async throws
    {
        let shown = vehicles.filter { $0.purgedAt == nil }.map { ($0.unitID, $0.areaPath) }
        try await logRead(shown, what, by: principal, on: app)
    }

    private static func logRead(
        _ shown: [(UUID, String)],
        _ what: ReadKind,
        by principal: Principal,
        on app: Application
    ) async throws {
        guard !shown.isEmpty else { return }
        let now = app.clock.now()
        let byUnit = Dictionary(grouping: shown) { $0.0 }
        try await app.write { db in
            for (unitID, rows) in byUnit.sorted(by: { $0.key.uuidString < $1.key.uuidString }) {
                let read = VisitorDataRead()
                read.unitID = unitID
                read.areaPath = rows[0].1
                read.readerID = principal.id
                read.readerName = principal.displayName
                read.at = now
                read.what = what.rawValue
                read.visitors = rows.count
                try await read.insert(on: db)
            }
        }
    }
}
