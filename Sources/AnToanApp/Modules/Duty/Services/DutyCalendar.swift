import AnToanCore
import Fluent
import Foundation
import Vapor

/// The days off of each year and the peak periods authorities declare, as rosters and oversight read them.
enum DutyCalendar {
    /// A year's days off: the stored schedule, or the computed proposal (unconfirmed, unsaved) when none is.
    static func daysOff(year: Int, on db: any Database) async throws -> [HolidayDay] {
        let stored = try await HolidayDay.query(on: db).filter(\.$year == year).sort(\.$date).all()
        guard stored.isEmpty else { return stored }
        return HolidayCalendar.proposedHolidays(year: year).map {
            HolidayDay(year: year, date: $0.date.iso, name: $0.nameVi, kind: $0.kind.rawValue, confirmed: false)
        }
    }

    /// The days off between `from` and `to`, inclusive, across the years they span.
    static func daysOff(from: SolarDate, to: SolarDate, on db: any Database) async throws -> Set<SolarDate> {
        var days: Set<SolarDate> = []
        for year in from.year...to.year {
            for day in try await daysOff(year: year, on: db) {
                if let date = SolarDate(iso: day.date), from <= date, date <= to { days.insert(date) }
            }
        }
        return days
    }

    /// Replaces a year's schedule with `days` (the proposal when nil), confirmed by an administrator. A day
    /// already in the schedule (or the proposal) keeps its kind; a new one is custom.
    static func confirm(
        year: Int,
        days: [HolidayInput.Day]?,
        by actor: Principal,
        on req: Request
    ) async throws
        -> [HolidayDay]
    {
        var checker = FieldChecker()
        var rows: [HolidayDay] = []
        if let days {
            let kinds = Dictionary(
                try await daysOff(year: year, on: req.db).map { ($0.date, $0.kind) },
                uniquingKeysWith: { first, _ in first }
            )
            var seen: Set<String> = []
            for (index, day) in days.enumerated() {
                let field = "days[\(index)]"
                let date = checker.date("\(field).date", day.date, optional: false)
                let name = checker.text("\(field).name", day.name, max: 120)
                guard let date else { continue }
                if SolarDate(iso: date)?.year != year {
                    checker.add("\(field).date", .invalid(vi: "không thuộc năm \(year)", en: "is not in \(year)"))
                } else if !seen.insert(date).inserted {
                    checker.add("\(field).date", .taken)
                }
                rows.append(
                    HolidayDay(year: year, date: date, name: name, kind: kinds[date] ?? "custom", confirmed: true)
                )
            }
        } else {
            rows = try await daysOff(year: year, on: req.db).map {
                HolidayDay(year: year, date: $0.date, name: $0.name, kind: $0.kind, confirmed: true)
            }
        }
        try checker.check()
        let now = req.application.clock.now()
        let confirmed = rows
        try await req.application.write { db in
            let _: Void = try await HolidayDay.query(on: db).filter(\.$year == year).delete()
            for row in confirmed { try await row.insert(on: db) }
            try await AuditTrail.record(
                on: db,
                actor: actor.auditActor,
                action: .update,
                entity: "holidays",
                entityID: String(year),
                before: nil,
                after: Dictionary(uniqueKeysWithValues: confirmed.map { ($0.date, $0.name) }),
                now: now
            )
        }
        return confirmed
    }

    /// Peak periods declared for `area` or any area above it that overlap `from`…`to`.
    static func peaks(
        over area: AreaPath,
        from: SolarDate,
        to: SolarDate,
        on db: any Database
    ) async throws
        -> [PeakPeriodRecord]
    {
        try await PeakPeriodRecord.query(on: db)
            .filter(\.$areaPath ~~ area.lineage.map(\.value))
            .filter(\.$endDate >= from.iso)
            .filter(\.$startDate <= to.iso)
            .sort(\.$startDate)
            .all()
    }

    /// An authority declares a peak period for an area within its scope.
    static func declarePeak(
        _ input: PeakPeriodInput,
        by actor: Principal,
        on req: Request
    ) async throws
        -> PeakPeriodRecord
    {
        var checker = FieldChecker()
        let peak = PeakPeriodRecord()
        peak.name = checker.text("name", input.name, max: 200)
        peak.startDate = checker.date("start_date", input.startDate, optional: false) ?? ""
        peak.endDate = checker.date("end_date", input.endDate, optional: false) ?? ""
        for (field, date) in [("start_date", peak.startDate), ("end_date", peak.endDate)]
        where SolarDate(iso: date).map({ !(1900...2199).contains($0.year) }) == true {
            checker.add(field, .invalid(vi: "năm từ 1900 đến 2199", en: "a year from 1900 to 2199"))
        }
        if let from = SolarDate(iso: peak.startDate), let to = SolarDate(iso: peak.endDate) {
            if to < from {
                checker.add(
                    "end_date",
                    .invalid(vi: "không được trước ngày bắt đầu", en: "cannot be before the start date")
                )
            } else if from.days(to: to) >= 366 {
                checker.add(
                    "end_date",
                    .invalid(vi: "một đợt dài tối đa 366 ngày", en: "a period lasts 366 days at most")
                )
            }
        }
        peak.extraLeaders = count("extra_leaders", input.extraLeaders, &checker)
        peak.extraOfficers = count("extra_officers", input.extraOfficers, &checker)
        if peak.extraLeaders == 0, peak.extraOfficers == 0, input.extraLeaders != nil || input.extraOfficers != nil {
            checker.add(
                "extra_officers",
                .invalid(vi: "cần thêm ít nhất một người", en: "must add at least one person")
            )
        }
        if let areaID = input.areaId,
            let area = try await Area.query(on: req.db).filter(\.$id == areaID).filter(\.$validTo == nil).first()
        {
            if actor.scope.covers(.area(area.areaPath)) {
                peak.areaID = areaID
                peak.areaPath = area.path
            } else {
                checker.add("area_id", .invalid(vi: "nằm ngoài phạm vi của bạn", en: "is outside your scope"))
            }
        } else {
            checker.add("area_id", input.areaId == nil ? .required : .notFound)
        }
        try checker.check()
        peak.declaredBy = actor.id
        try await UnitRegistry.insertAudited(
            peak,
            entity: "peak_period",
            snapshot: peak.auditSnapshot,
            actor: actor,
            on: req
        )
        return peak
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
