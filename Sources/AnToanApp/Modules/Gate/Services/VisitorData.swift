import AnToanCore
import Fluent
import Foundation
import Vapor

extension JobKind {
    /// Erases the personal data of visits past their unit's retention, every night.
    static let gatePurge = JobKind(rawValue: "gate.purge")
}

/// Visitors' personal data (GATE-4): each unit's retention rule, the nightly purge past it (the fields erased, the
/// rows kept so that counts still add up), and the log of every read of it.
enum VisitorData {
    static func register(_ app: Application) {
        app.jobs.register(.gatePurge) { (job: JobContext, _: NoPayload) in
            _ = try await purge(app: job.app, now: job.now)
        }
        app.jobs.daily(hour: 2, minute: 30, .gatePurge)
    }

    /// Erases what identifies the visitors of visits older than their unit's retention (counted from the time in);
    /// returns how many visits were purged. Idempotent.
    @discardableResult
    static func purge(app: Application, now: Date) async throws -> Int {
        try await app.write { db in
            let settings = try await GateQueries.settings(on: db)
            var purged = 0
            for setting in settings {
                let cutoff = now.addingTimeInterval(-TimeInterval(setting.retentionDays) * 86_400)
                purged += try await erase(
                    Visit.query(on: db).filter(\.$unitID == setting.unitID),
                    before: cutoff,
                    now: now,
                    on: db
                )
            }
            let cutoff = now.addingTimeInterval(-TimeInterval(GateSettings.defaultRetentionDays) * 86_400)
            var others = Visit.query(on: db)
            let custom = settings.map(\.unitID)
            if !custom.isEmpty { others = others.filter(\.$unitID !~ custom) }
            purged += try await erase(others, before: cutoff, now: now, on: db)
            // Invitations go with the longest rule's cutoff at the latest, the unit's own first.
            for setting in settings {
                let unitCutoff = now.addingTimeInterval(-TimeInterval(setting.retentionDays) * 86_400)
                try await eraseInvitations(
                    Invitation.query(on: db).filter(\.$unitID == setting.unitID),
                    before: unitCutoff,
                    on: db
                )
            }
            var otherInvitations = Invitation.query(on: db)
            if !custom.isEmpty { otherInvitations = otherInvitations.filter(\.$unitID !~ custom) }
            try await eraseInvitations(otherInvitations, before: cutoff, on: db)
            try await GoodsData.purge(settings, now: now, on: db)
            if purged > 0 {
                try await AuditTrail.record(
                    on: db,
                    actor: .system,
                    action: .update,
                    entity: GateService.entity,
                    entityID: "purge",
                    before: nil,
                    after: ["purged_visits": String(purged), "fields": Visit.personalFields.joined(separator: ",")],
                    now: now
                )
            }
            return purged
        }
    }

    private static func eraseInvitations(
        _ query: QueryBuilder<Invitation>,
        before cutoff: Date,
        on db: any Database
    ) async throws {
        for invitation in try await query.filter(\.$createdAt < cutoff).filter(\.$visitorName != "").all() {
            invitation.visitorName = ""
            invitation.organisation = ""
            invitation.purpose = ""
            try await invitation.persist(on: db)
        }
    }

    private static func erase(
        _ query: QueryBuilder<Visit>,
        before cutoff: Date,
        now: Date,
        on db: any Database
    ) async throws -> Int {
        let visits = try await query.filter(\.$purgedAt == nil).filter(\.$checkedInAt < cutoff).all()
        for visit in visits {
            visit.fullName = ""
            visit.nameFolded = ""
            visit.documentNumber = ""
            visit.birthDate = nil
            visit.organisation = ""
            visit.vehiclePlate = ""
            visit.items = ""
            visit.purpose = ""
            visit.purgedAt = now
            // One who never checked out is out by now, for the counts.
            if visit.checkedOutAt == nil { visit.checkedOutAt = now }
            try await visit.persist(on: db)
        }
        return visits.count
    }

    /// Sets how long a unit keeps visitor data (1 day to 10 years).
    static func setRetention(
        _ days: String?,
        unitID: UUID,
        by principal: Principal,
        on app: Application
    ) async throws {
        guard principal.can(.manageVisitorData) else { throw AppError.forbidden }
        let now = app.clock.now()
        try await app.write { db in
            let unit = try await GateService.topUnit(unitID, in: principal.scope, on: db)
            let id = try unit.requireID()
            guard let value = days.flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }),
                GateLimits.retentionDays.contains(value)
            else {
                throw AppError.invalidFields([
                    FieldError(
                        field: "retention_days",
                        reason: .invalid(vi: "cần số ngày từ 1 đến 3650", en: "needs a number of days from 1 to 3650")
                    )
                ])
            }
            let setting = try await GateQueries.settings(on: db).first { $0.unitID == id } ?? GateSettings()
            let before = setting.id == nil ? nil : ["retention_days": String(setting.retentionDays)]
            setting.unitID = id
            setting.retentionDays = value
            try await setting.store(on: db)
            try await AuditTrail.record(
                on: db,
                actor: principal.auditActor,
                action: before == nil ? .create : .update,
                entity: "gate_settings",
                entityID: id.uuidString,
                before: before,
                after: ["retention_days": String(value)],
                now: now
            )
        }
    }

    /// What a read was: a visit's page, the list of those inside, the book, the API.
    enum ReadKind: String, CaseIterable, Sendable {
        case visitPage = "visit_page"
        case insidePage = "inside_page"
        case rollCall = "roll_call"
        case book
        case apiVisit = "api_visit"
        case apiInside = "api_inside"
        case checkIn = "check_in"
        case goodsPage = "goods_page"
        case vehiclesPage = "vehicles_page"
        case goodsBook = "goods_book"
        case apiGoods = "api_goods"
        case apiVehicles = "api_vehicles"

        var nameVi: String {
            switch self {
            case .visitPage: "Xem thông tin một khách"
            case .insidePage: "Xem danh sách khách đang ở trong"
            case .rollCall: "In danh sách điểm danh"
            case .book: "Xem / in sổ khách"
            case .apiVisit: "API: một khách"
            case .apiInside: "API: danh sách khách đang ở trong"
            case .checkIn: "Đăng ký khách vào"
            case .goodsPage: "Xem phiếu xuất hàng"
            case .vehiclesPage: "Xem danh sách xe ra vào"
            case .goodsBook: "Xem / in sổ xuất–nhập"
            case .apiGoods: "API: phiếu xuất hàng"
            case .apiVehicles: "API: xe đang ở trong"
            }
        }

        var nameEn: String {
            switch self {
            case .visitPage: "A visitor's page"
            case .insidePage: "The list of visitors inside"
            case .rollCall: "The roll-call list printed"
            case .book: "The visitor book seen or printed"
            case .apiVisit: "API: one visitor"
            case .apiInside: "API: visitors inside"
            case .checkIn: "Visitor checked in"
            case .goodsPage: "Goods release notes seen"
            case .vehiclesPage: "The vehicle list seen"
            case .goodsBook: "The goods and vehicle book seen or printed"
            case .apiGoods: "API: goods release notes"
            case .apiVehicles: "API: vehicles inside"
            }
        }
    }

    /// Logs that `principal` read the personal data of `visits` (one row per unit); nothing when there were none.
    static func logRead(
        _ visits: [Visit],
        _ what: ReadKind,
        by principal: Principal,
        on app: Application
    ) async throws {
        let shown = visits.filter { $0.purgedAt == nil }
        guard !shown.isEmpty else { return }
        let now = app.clock.now()
        let byUnit = Dictionary(grouping: shown, by: \.unitID)
        try await app.write { db in
            for (unitID, visits) in byUnit.sorted(by: { $0.key.uuidString < $1.key.uuidString }) {
                let read = VisitorDataRead()
                read.unitID = unitID
                read.areaPath = visits[0].areaPath
                read.readerID = principal.id
                read.readerName = principal.displayName
                read.at = now
                read.what = what.rawValue
                read.visitID = visits.count == 1 ? visits[0].id : nil
                read.visitors = visits.count
                try await read.insert(on: db)
            }
        }
    }
}
