import AnToanCore
import Fluent
import Foundation
import Vapor

/// Changes to a declared peak period: its name, dates and extra people edited, or the period ended today. Only an
/// authority whose scope covers the period's area may change it (another one gets 404); each change is audited
/// with what it was and what it became, in the write's transaction.
enum PeakPeriodEdits {
    /// What an edit may change; the area stays (declare another period for another area).
    struct Change: Sendable {
        var name: String?
        var startDate: String?
        var endDate: String?
        var extraLeaders: Int?
        var extraOfficers: Int?
    }

    static func update(
        _ id: UUID,
        _ change: Change,
        by actor: Principal,
        on req: Request
    ) async throws
        -> PeakPeriodRecord
    {
        var checker = FieldChecker()
        let name = checker.text("name", change.name, max: 200)
        let start = checker.date("start_date", change.startDate, optional: false) ?? ""
        let end = checker.date("end_date", change.endDate, optional: false) ?? ""
        checkDates(start: start, end: end, &checker)
        let leaders = count("extra_leaders", change.extraLeaders, &checker)
        let officers = count("extra_officers", change.extraOfficers, &checker)
        if leaders == 0, officers == 0 {
            checker.add(
                "extra_officers",
                .invalid(vi: "cần thêm ít nhất một người", en: "must add at least one person")
            )
        }
        try checker.check()
        return try await write(id, by: actor, on: req) { peak, _ in
            peak.name = name
            peak.startDate = start
            peak.endDate = end
            peak.extraLeaders = leaders
            peak.extraOfficers = officers
        }
    }

    /// Ends a period under way today: today is its last day. One not begun yet or already over is refused.
    static func endToday(_ id: UUID, by actor: Principal, on req: Request) async throws -> PeakPeriodRecord {
        let today = VietnamTime.day(of: req.application.clock.now()).iso
        return try await write(id, by: actor, on: req) { peak, checker in
            if peak.startDate > today {
                checker.add(
                    "end_date",
                    .invalid(
                        vi: "đợt chưa bắt đầu: hãy sửa ngày của đợt",
                        en: "the period has not begun: edit its dates instead"
                    )
                )
            } else if peak.endDate <= today {
                checker.add(
                    "end_date",
                    .invalid(vi: "đợt đã kết thúc hoặc kết thúc hôm nay", en: "the period is over or ends today")
                )
            } else {
                peak.endDate = today
            }
        }
    }

    /// Reads the period again under its lock in the write, checks the scope there, applies `change` and records
    /// the audit entry beside it.
    private static func write(
        _ id: UUID,
        by actor: Principal,
        on req: Request,
        _ change: @escaping @Sendable (PeakPeriodRecord, inout FieldChecker) -> Void
    ) async throws -> PeakPeriodRecord {
        let now = req.application.clock.now()
        return try await req.application.write { db in
            guard let peak = try await db.lockedRow(PeakPeriodRecord.self, id),
                let area = AreaPath(peak.areaPath), actor.scope.covers(.area(area))
            else { throw AppError.notFound }
            let before = peak.auditSnapshot
            var checker = FieldChecker()
            change(peak, &checker)
            try checker.check()
            try await peak.persist(on: db)
            try await AuditTrail.record(
                on: db,
                actor: actor.auditActor,
                action: .update,
                entity: "peak_period",
                entityID: id.uuidString,
                before: before,
                after: peak.auditSnapshot,
                now: now
            )
            return peak
        }
    }

    /// The same rules as a declaration: years 1900–2199, the end not before the start, at most 366 days.
    private static func checkDates(start: String, end: String, _ checker: inout FieldChecker) {
        for (field, date) in [("start_date", start), ("end_date", end)]
        where SolarDate(iso: date).map({ !(1900...2199).contains($0.year) }) == true {
            checker.add(field, .invalid(vi: "năm từ 1900 đến 2199", en: "a year from 1900 to 2199"))
        }
        guard let from = SolarDate(iso: start), let to = SolarDate(iso: end) else { return }
        if to < from {
            checker.add(
                "end_date",
                .invalid(vi: "không được trước ngày bắt đầu", en: "cannot be before the start date")
            )
        } else if from.days(to: to) >= 366 {
            checker.add("end_date", .invalid(vi: "một đợt dài tối đa 366 ngày", en: "a period lasts 366 days at most"))
        }
    }

    private static func count(_ field: String, _ value: Int?, _ checker: inout FieldChecker) -> Int {
        guard let value else { return 0 }
        guard (0...50).contains(value) else {
            checker.add(field, .invalid(vi: "phải từ 0 đến 50", en: "must be between 0 and 50"))
            return 0
        }
        return value
    }
}
