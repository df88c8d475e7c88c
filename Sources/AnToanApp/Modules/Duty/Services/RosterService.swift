import AnToanCore
import Fluent
import Foundation
import Vapor

/// Builds a unit's roster from its set-up, staff, the year's days off and the peak periods over its area,
/// solves it with Core's solver and keeps it as a draft until the unit publishes it.
enum RosterService {
    /// Bounds every solve; the best roster found by then is kept, with a reason for each open seat.
    static let timeLimit: Duration = .seconds(5)

    /// Saves the unit's posts; `approval` (nil keeps it) says whether its head must approve each roster, and
    /// only someone who may approve rosters changes it.
    static func saveSetup(
        _ posts: [DutyPost],
        approval: Bool? = nil,
        of unitID: UUID,
        by actor: Principal,
        on req: Request
    ) async throws {
        do {
            try DutyRosterBuilder.validate(posts)
        } catch {
            throw AppError.invalidFields([
                FieldError(field: "posts", reason: .invalid(vi: error.vietnameseMessage, en: error.englishMessage))
            ])
        }
        let json = String(decoding: try JSONEncoder().encode(posts), as: UTF8.self)
        let now = req.application.clock.now()
        try await req.application.write { db in
            // The unit's row first: two first saves at once would each find no set-up and insert one.
            _ = try await db.lockedRow(OrgUnit.self, unitID)
            let existing = try await DutySetup.query(on: db).filter(\.$unitID == unitID).first()
            let setup = existing ?? DutySetup()
            let required = setup.$approvalRequired.value ?? false
            if let approval, approval != required, !actor.can(.approveRosters) {
                throw AppError.invalidFields([
                    FieldError(
                        field: "approval_required",
                        reason: .invalid(
                            vi: "chỉ thủ trưởng đơn vị được thay đổi",
                            en: "only the head of the unit may change it"
                        )
                    )
                ])
            }
            // Saved unchanged, nothing is written and nothing audited: the trail lists changes only.
            let before = existing.map { ["posts": $0.posts, "approval_required": String(required)] }
            if let existing, (try? existing.decodedPosts()) == posts, (approval ?? required) == required { return }
            setup.unitID = unitID
            setup.posts = json
            setup.approvalRequired = approval ?? required
            try await setup.store(on: db)
            try await AuditTrail.record(
                on: db,
                actor: actor.auditActor,
                action: .update,
                entity: "duty_setup",
                entityID: unitID.uuidString,
                before: before,
                after: ["posts": json, "approval_required": String(setup.approvalRequired)],
                now: now
            )
        }
    }

    /// The instance the solver gets for `unit` over `days` days from `start`.
    static func instance(
        for unit: OrgUnit,
        start: SolarDate,
        days: Int,
        seed: UInt64,
        on db: any Database
    )
        async throws -> RosterInstance
    {
        let unitID = try unit.requireID()
        guard let setup = try await DutySetup.query(on: db).filter(\.$unitID == unitID).first() else {
            throw AppError.invalidFields([
                FieldError(
                    field: "posts",
                    reason: .invalid(vi: "đơn vị chưa khai báo chốt trực và ca", en: "the unit has no duty posts yet")
                )
            ])
        }
        guard let area = AreaPath(unit.areaPath) else { throw AppError.notFound }
        let end = start.adding(days: days - 1)
        let staff = try await StaffMember.query(on: db).filter(\.$unit.$id == unitID).filter(\.$status != "left")
            .sort(\.$nameFolded).all()
        let peaks = try await DutyCalendar.peaks(over: area, from: start, to: end, on: db).compactMap(\.peakPeriod)
        let everyDay = (0..<days).map { start.adding(days: $0).iso }
        let rest = try await DutyCalendar.weeklyRest(of: unit, on: db).rest
        let input = DutyRosterInput(
            unit: DutyUnit(area: area, keyTargets: Set(unit.keyTargetFlags), posts: try setup.decodedPosts()),
            staff: staff.compactMap { member in
                member.id.map {
                    RosterStaff(
                        id: $0.uuidString,
                        role: member.isLeader ? "leader" : "officer",
                        unavailable: member.status == "on_leave" ? everyDay : nil,
                        name: member.fullName
                    )
                }
            },
            start: start,
            days: days,
            holidays: try await DutyCalendar.daysOff(from: start, to: end, rest: rest, on: db),
            weeklyRestDays: rest.days,
            peaks: peaks,
            previous: try await publishedSeats(of: unitID, on: (0..<days).map { start.adding(days: $0) }, on: db),
            seed: seed
        )
        do {
            return try DutyRosterBuilder.instance(input)
        } catch let error as DutyPlanError {
            throw AppError.invalidFields([
                FieldError(field: "posts", reason: .invalid(vi: error.vietnameseMessage, en: error.englishMessage))
            ])
        }
    }

    /// Solves a draft as a form or the API asks for it: its start date checked, 31 days and seed 1 unless given.
    static func generate(
        _ request: RosterRequest,
        for unit: OrgUnit,
        by actor: Principal,
        on req: Request
    ) async throws -> Roster {
        var checker = FieldChecker(request.problems())
        let start = checker.date("start_date", request.startDate, optional: false).flatMap(SolarDate.init(iso:))
        try checker.check()
        guard let start else { throw AppError.notFound }
        return try await generate(
            for: unit,
            start: start,
            days: request.days ?? 31,
            seed: UInt64(request.seed ?? 1),
            by: actor,
            on: req
        )
    }

    /// Solves and stores a draft roster with its seats.
    static func generate(
        for unit: OrgUnit,
        start: SolarDate,
        days: Int,
        seed: UInt64,
        by actor: Principal,
        on req: Request
    ) async throws -> Roster {
        let instance = try await instance(for: unit, start: start, days: days, seed: seed, on: req.db)
        // The solve is CPU work: it runs on the thread pool, not on an event loop.
        let solution = try await req.application.threadPool.runIfActive {
            try RosterSolver.solve(instance, seed: seed, timeLimit: timeLimit)
        }
        let unitID = try unit.requireID()
        let roster = Roster()
        roster.id = UUID()
        roster.unitID = unitID
        roster.startDate = start.iso
        roster.endDate = start.adding(days: days - 1).iso
        roster.status = "draft"
        roster.seed = Int(seed)
        roster.hardViolations = solution.report.hardViolations.count
        roster.openSeats = solution.report.openSlots.reduce(0) { $0 + $1.missing }
        roster.report = String(decoding: try JSONEncoder().encode(solution.report), as: UTF8.self)
        roster.setupPosts = try await DutySetup.query(on: req.db).filter(\.$unitID == unitID).first()?.posts
        let shifts = Dictionary(instance.shifts.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let seats = try solution.assignments.compactMap { assignment -> RosterSeat? in
            guard let shift = shifts[assignment.shift], let date = SolarDate(iso: assignment.date),
                let staffID = UUID(uuidString: assignment.staff)
            else { return nil }
            let seat = RosterSeat()
            seat.rosterID = try roster.requireID()
            seat.unitID = unitID
            seat.date = assignment.date
            seat.shift = assignment.shift
            seat.post = assignment.post ?? instance.posts?.first ?? ""
            seat.role = assignment.role ?? "officer"
            seat.staffID = staffID
            seat.startsAt = VietnamTime.instant(date, minutes: shift.startMinute ?? 0)
            seat.endsAt = seat.startsAt.addingTimeInterval(shift.hours * 3600)
            return seat
        }
        let now = req.application.clock.now()
        try await req.application.write { db in
            try await roster.insert(on: db)
            for chunk in SQLBatch.chunks(seats) { let _: Void = try await chunk.create(on: db) }
            try await AuditTrail.record(
                on: db,
                actor: actor.auditActor,
                action: .create,
                entity: "roster",
                entityID: try roster.requireID().uuidString,
                before: nil,
                after: [
                    "unit_id": unitID.uuidString, "start_date": roster.startDate, "end_date": roster.endDate,
                    "seats": String(seats.count), "open_seats": String(roster.openSeats),
                ],
                now: now
            )
        }
        return roster
    }

    /// Publishes a roster not yet published: when the unit requires it, only once its head approved it; with
    /// open seats, only when the publisher confirmed them. A published roster of the unit over the same days is
    /// replaced, and audited as such.
    static func publish(
        _ roster: Roster,
        confirmOpenSeats: Bool = false,
        by actor: Principal,
        on req: Request
    ) async throws {
        guard roster.isUnpublished else { throw onlyDrafts }
        let now = req.application.clock.now()
        let published = try await req.application.write { db in
            // The unit's row, then the roster's: two drafts over the same days published at once end with one
            // of them published; what is checked (status, approval, open seats) is read under those locks.
            _ = try await db.lockedRow(OrgUnit.self, roster.unitID)
            guard let roster = try await db.lockedRow(Roster.self, try roster.requireID()), roster.isUnpublished
            else { throw onlyDrafts }
            let setup = try await DutySetup.query(on: db).filter(\.$unitID == roster.unitID).first()
            if setup?.approvalRequired == true, roster.status != "approved" {
                throw AppError.invalidFields([
                    FieldError(
                        field: "status",
                        reason: .invalid(
                            vi: "lịch trực phải được thủ trưởng đơn vị duyệt trước khi ban hành",
                            en: "the head of the unit must approve the roster before it is published"
                        )
                    )
                ])
            }
            if roster.openSeats > 0, !confirmOpenSeats {
                throw AppError.invalidFields([
                    FieldError(
                        field: "confirm_open_seats",
                        reason: .invalid(
                            vi: "lịch còn \(roster.openSeats) vị trí trống; cần xác nhận để vẫn ban hành",
                            en: "the roster has \(roster.openSeats) open seats; confirm to publish it anyway"
                        )
                    )
                ])
            }
            let replaced = try await Roster.query(on: db).filter(\.$unitID == roster.unitID)
                .filter(\.$status == "published")
                .filter(\.$startDate <= roster.endDate).filter(\.$endDate >= roster.startDate).all()
            for old in replaced {
                old.status = "replaced"
                try await old.persist(on: db)
                try await AuditTrail.record(
                    on: db,
                    actor: actor.auditActor,
                    action: .update,
                    entity: "roster",
                    entityID: try old.requireID().uuidString,
                    before: ["status": "published"],
                    after: ["status": "replaced", "replaced_by": try roster.requireID().uuidString],
                    now: now
                )
            }
            let before = roster.status
            roster.status = "published"
            roster.publishedAt = now
            try await roster.persist(on: db)
            try await AuditTrail.record(
                on: db,
                actor: actor.auditActor,
                action: .update,
                entity: "roster",
                entityID: try roster.requireID().uuidString,
                before: ["status": before],
                after: ["status": "published", "open_seats": String(roster.openSeats)],
                now: now
            )
            return roster
        }
        roster.status = published.status
        roster.publishedAt = published.publishedAt
        roster.openSeats = published.openSeats
    }

    private static let onlyDrafts = AppError.invalidFields([
        FieldError(
            field: "status",
            reason: .invalid(
                vi: "lịch trực này đã được công bố hoặc đã bị thay thế",
                en: "this roster was already published or has been replaced"
            )
        )
    ])

    /// Seats of the unit's published rosters on the given days, as the solver keeps them and oversight
    /// counts them.
    static func publishedSeats(
        of unitID: UUID,
        on days: [SolarDate],
        on db: any Database
    ) async throws
        -> [RosterAssignment]
    {
        guard let first = days.min(), let last = days.max() else { return [] }
        let rosters = try await Roster.query(on: db).filter(\.$unitID == unitID).filter(\.$status == "published")
            .filter(\.$startDate <= last.iso).filter(\.$endDate >= first.iso).all()
        guard !rosters.isEmpty else { return [] }
        let seats = try await RosterSeat.query(on: db).filter(\.$rosterID ~~ rosters.compactMap(\.id))
            .filter(\.$date ~~ days.map(\.iso)).all()
        return seats.map {
            RosterAssignment(date: $0.date, shift: $0.shift, staff: $0.staffID.uuidString, post: $0.post, role: $0.role)
        }
    }
}
