import AnToanCore
import Fluent
import Foundation
import Vapor

extension JobKind {
    /// Makes the rounds of today and tomorrow for every active route (daily at noon, before any night; idempotent).
    static let patrolPlan = JobKind(rawValue: "patrol.plan")
    /// Judges a round at its deadline: a late or missing checkpoint is flagged and the duty leader told.
    static let patrolDeadline = JobKind(rawValue: "patrol.deadline")
}

extension EventType {
    /// A checkpoint scanned (accepted): the round's page and the unit's patrol page follow it.
    static let patrolScanned = EventType(rawValue: "patrol.scanned")
    /// A round judged at its deadline with checkpoints late or missing.
    static let patrolRoundMissed = EventType(rawValue: "patrol.round_missed")
}

/// The rounds of the routes: made ahead from each schedule with their plan, and judged at their deadline.
enum PatrolRounds {
    struct DeadlinePayload: Codable, Sendable {
        var roundID: UUID
    }

    static func register(_ app: Application) {
        app.jobs.register(.patrolPlan) { (job: JobContext, _: NoPayload) in
            let routes = try await PatrolRoute.query(on: job.app.db).filter(\.$active == true).all()
            for route in routes {
                try await job.app.write { db in
                    guard let route = try await db.lockedRow(PatrolRoute.self, try route.requireID()) else { return }
                    try await ensure(route, around: job.now, on: db)
                }
            }
        }
        app.jobs.daily(hour: 12, minute: 0, .patrolPlan)
        app.jobs.register(.patrolDeadline, maxAttempts: 8) { (job: JobContext, payload: DeadlinePayload) in
            try await job.app.write { db in try await judge(payload.roundID, on: db, now: job.now) }
        }
    }

    /// Makes the rounds of `route` that are not made yet and not over at `now`: those of yesterday's schedule
    /// still running past midnight, today's and tomorrow's, each with its plan and its deadline job. Call it in a
    /// write, with the route locked (`lockedRow`), so that two writers never make the same round.
    static func ensure(_ route: PatrolRoute, around now: Date, on db: any Database) async throws {
        guard route.active else { return }
        let routeID = try route.requireID()
        let checkpoints = try await PatrolQueries.checkpoints(of: routeID, on: db).compactMap(\.id)
        guard !checkpoints.isEmpty else { return }
        let today = VietnamTime.day(of: now)
        var wanted: [(day: SolarDate, round: PatrolSchedule.Round, start: Date, end: Date)] = []
        for offset in -1...1 {
            let day = SolarDate(julianDay: today.julianDay + offset)
            for round in route.schedule.dailyRounds {
                let start = VietnamTime.instant(day, minutes: round.start)
                let end = VietnamTime.instant(day, minutes: round.end)
                if end > now { wanted.append((day, round, start, end)) }
            }
        }
        guard let first = wanted.map(\.start).min() else { return }
        let made = Set(
            try await PatrolRound.query(on: db).filter(\.$routeID == routeID).filter(\.$startsAt >= first).all()
                .map(\.startsAt)
        )
        for item in wanted where !made.contains(item.start) {
            let round = PatrolRound()
            round.routeID = routeID
            round.unitID = route.unitID
            round.areaPath = route.areaPath
            round.day = item.day.iso
            round.index = item.round.index
            round.startsAt = item.start
            round.endsAt = item.end
            round.plan = PatrolRoundPlan.order(
                checkpoints,
                route.order,
                route: routeID.uuidString,
                roundStart: Int(item.start.timeIntervalSince1970)
            ).map(\.uuidString).joined(separator: " ")
            round.status = PatrolRound.Status.due.rawValue
            round.doneCount = 0
            round.lateCount = 0
            round.missedCount = 0
            try await round.insert(on: db)
            let id = try round.requireID()
            try await Jobs.enqueue(
                .patrolDeadline,
                payload: DeadlinePayload(roundID: id),
                runAt: item.end,
                key: deadlineKey(id),
                on: db
            )
        }
    }

    static func deadlineKey(_ round: UUID) -> String { "patrol-deadline:\(round.uuidString.lowercased())" }

    /// After a route's schedule, order or checkpoints changed: the rounds not over and not yet walked (the one
    /// under way too, while nobody has scanned in it) are made again from the new route; a round with scans keeps
    /// its plan.
    static func replan(_ route: PatrolRoute, now: Date, on db: any Database) async throws {
        let routeID = try route.requireID()
        let future = try await PatrolRound.query(on: db).filter(\.$routeID == routeID).filter(\.$endsAt > now)
            .all()
        for round in future {
            let id = try round.requireID()
            guard try await PatrolScan.query(on: db).filter(\.$roundID == id).count() == 0 else { continue }
            try await Job.query(on: db).filter(\.$key == deadlineKey(id))
                .filter(\.$state == Job.State.queued.rawValue).delete()
            try await round.delete(on: db)
        }
        try await ensure(route, around: now, on: db)
    }

    /// Counts a round's scans against its plan (PAT-3); at or after the deadline, the verdict.
    static func tally(_ round: PatrolRound, on db: any Database) async throws -> PatrolRoundTally {
        let scans = try await PatrolScan.query(on: db).filter(\.$roundID == round.requireID())
            .filter(\.$accepted == true).all()
        return tally(round, scans: scans)
    }

    /// Counts `scans` (the round's accepted ones) against the round's plan.
    static func tally(_ round: PatrolRound, scans: [PatrolScan]) -> PatrolRoundTally {
        PatrolRoundTally(
            plan: round.planIDs.map(\.uuidString),
            scans: scans.compactMap { scan in
                scan.checkpointID.map { (checkpointID: $0.uuidString, at: scan.at.timeIntervalSince1970) }
            },
            end: round.endsAt.timeIntervalSince1970
        )
    }

    /// Stores the counts of `tally` on the round; `judged` at the deadline.
    static func record(
        _ tally: PatrolRoundTally,
        on round: PatrolRound,
        judgedAt: Date?,
        on db: any Database
    )
        async throws
    {
        round.doneCount = tally.onTime.count
        round.lateCount = tally.late.count
        if let judgedAt {
            round.missedCount = tally.missing.count
            round.judgedAt = judgedAt
            round.status = (tally.isComplete ? PatrolRound.Status.complete : .incomplete).rawValue
        } else if tally.isComplete {
            round.status = PatrolRound.Status.complete.rawValue
        }
        try await round.persist(on: db)
    }

    /// The deadline job: the round's verdict; checkpoints late or missing are flagged on it, published, and the
    /// post's duty leader (else the unit's head and security officer) told. Idempotent: a judged round is left.
    static func judge(_ roundID: UUID, on db: any Database, now: Date) async throws {
        guard let round = try await db.lockedRow(PatrolRound.self, roundID), round.judgedAt == nil else { return }
        let tally = try await tally(round, on: db)
        try await record(tally, on: round, judgedAt: now, on: db)
        guard !tally.isComplete, let route = try await PatrolRoute.find(round.routeID, on: db) else { return }
        let names = try await PatrolQueries.checkpointNames(of: round.routeID, on: db)
        let missing = tally.missing.compactMap { UUID(uuidString: $0).flatMap { names[$0] } }
        let late = tally.late.compactMap { UUID(uuidString: $0).flatMap { names[$0] } }
        let window = "\(VietnamTime.time(round.startsAt))–\(VietnamTime.time(round.endsAt))"
        var vi = "Lượt tuần tra \(window) tuyến \(route.name): "
        var en = "Patrol round \(window) on \(route.name): "
        if !missing.isEmpty {
            vi += "bỏ sót \(missing.joined(separator: ", "))"
            en += "missed \(missing.joined(separator: ", "))"
        }
        if !late.isEmpty {
            vi += (missing.isEmpty ? "" : "; ") + "trễ \(late.joined(separator: ", "))"
            en += (missing.isEmpty ? "" : "; ") + "late \(late.joined(separator: ", "))"
        }
        try await Outbox.publish(
            .patrolRoundMissed,
            payload: PatrolRoundDTO(round, routeName: route.name, checkpoints: []),
            unit: round.unitID,
            area: AreaPath(round.areaPath),
            on: db,
            now: now
        )
        var told: Set<UUID> = []
        if let leader = try await DutyToday.leaderOnDuty(unit: round.unitID, near: nil, at: now, on: db),
            let account = leader.userID
        {
            told.insert(account)
        }
        if told.isEmpty { told = try await IncidentQueries.leaderAccounts(of: round.unitID, on: db) }
        try await Notifications.send(
            to: told,
            title: LocalizedText(vi: vi, en: en),
            link: SiteURL.patrols(.round(roundID)).path,
            needsAcknowledgement: false,
            entity: PatrolService.roundEntity,
            entityID: roundID,
            on: db,
            now: now
        )
    }
}
