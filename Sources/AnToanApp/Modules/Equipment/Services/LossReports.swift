import AnToanCore
import Fluent
import Foundation
import Vapor

/// Loss reports and their duties (TT 46/2014 Điều 8.4.6): told to the head at once, reported in writing to the
/// police office that issued the permit; the report closes when both are done. The item keeps its status: only the
/// head declares it lost, through the registry.
enum LossReports {
    static let entity = "equipment_loss_report"

    enum Duty: String, CaseIterable, Sendable {
        /// Told to the head (who, when).
        case head
        /// Written report to the police (number, date).
        case police
    }

    /// Opens a report for a missing item, in the caller's write transaction.
    static func open(
        item: EquipmentItem,
        missing: Int,
        incidentID: UUID?,
        handoverID: UUID?,
        by principal: Principal,
        on db: any Database,
        now: Date
    ) async throws -> EquipmentLossReport {
        let report = EquipmentLossReport()
        report.unitID = item.unitID
        report.areaPath = item.areaPath
        report.itemID = try item.requireID()
        report.itemName = item.displayName
        report.missing = missing
        report.incidentID = incidentID
        report.handoverID = handoverID
        report.foundAt = now
        report.foundByName = principal.displayName
        report.createdAt = now
        try await report.insert(on: db)
        try await AuditTrail.record(
            on: db,
            actor: principal.auditActor,
            action: .create,
            entity: entity,
            entityID: try report.requireID().uuidString,
            before: nil,
            after: report.auditSnapshot,
            now: now
        )
        return report
    }

    /// Marks one duty done: `head` (the head was told now, by the caller) or `police` (the written report's number
    /// and date). Each once; the report closes when both are done.
    @discardableResult
    static func markDone(
        _ id: UUID,
        duty: Duty,
        number: String?,
        date: String?,
        by principal: Principal,
        on app: Application
    ) async throws -> EquipmentLossReport {
        guard principal.can(.manageEquipment) else { throw AppError.forbidden }
        let now = app.clock.now()
        return try await app.write { db in
            _ = try await CustodyQueries.lossReport(id, in: principal.scope, on: db)
            guard let report = try await db.lockedRow(EquipmentLossReport.self, id) else { throw AppError.notFound }
            var checker = FieldChecker()
            let before = report.auditSnapshot
            switch duty {
            case .head:
                if let at = report.headToldAt {
                    checker.add(
                        "duty",
                        .invalid(
                            vi: "đã báo thủ trưởng lúc \(VietnamTime.dateTime(at))",
                            en: "the head was told at \(VietnamTime.dateTime(at))"
                        )
                    )
                }
                try checker.check()
                report.headToldAt = now
                report.headToldBy = principal.displayName
            case .police:
                if let number = report.policeReportNumber {
                    checker.add(
                        "duty",
                        .invalid(vi: "đã ghi văn bản báo cáo số \(number)", en: "report \(number) is recorded already")
                    )
                }
                let number = checker.text("number", number, max: EquipmentLimits.permitNumber)
                let day = checker.date("date", date, optional: false)
                if let day, day > VietnamTime.day(of: now).iso {
                    checker.add("date", .invalid(vi: "không được ở tương lai", en: "cannot be in the future"))
                }
                try checker.check()
                report.policeReportNumber = number
                report.policeReportOn = day
                report.policeReportedBy = principal.displayName
            }
            if report.headToldAt != nil, report.policeReportNumber != nil { report.closedAt = now }
            try await report.persist(on: db)
            try await AuditTrail.record(
                on: db,
                actor: principal.auditActor,
                action: .update,
                entity: entity,
                entityID: id.uuidString,
                before: before,
                after: report.auditSnapshot,
                now: now
            )
            return report
        }
    }
}
