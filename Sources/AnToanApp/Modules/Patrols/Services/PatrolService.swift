import AnToanCore
import Fluent
import Foundation
import Vapor

/// A route as a form or the API gives it: raw values, checked by `PatrolService`.
struct PatrolRouteInput: Sendable {
    var name: String?
    /// `CheckpointOrder`.
    var order: String?
    var minimumGapMinutes: Int?
    var fastestSpeed: Double?
    /// `PatrolSchedule.Kind`.
    var scheduleKind: String?
    /// "HH:mm", Vietnam time.
    var start: String?
    var end: String?
    var everyMinutes: Int?
    var rounds: Int?
    var windowMinutes: Int?
    var active: Bool = true
    /// Problems found while reading the form (a number that is not one), reported with the service's own.
    var problems: [FieldError] = []
}

/// Limits of the patrol fields.
enum PatrolLimits {
    static let name = 120
    static let instructions = 1_000
    static let observation = 2_000
    static let mostCheckpoints = 100
    static let longestGapMinutes = 120
    static let defaultRadius = 30.0
    static let radius = 5.0...2_000.0
    static let speed = 0.5...40.0
    /// A scan this long after a round's deadline still counts, flagged late.
    static let lateGrace: TimeInterval = 3_600
}

/// Routes and checkpoints (PAT-1, PAT-2): every write in one transaction with its audit entry, and the rounds not
/// yet begun made again from the new route.
enum PatrolService {
    static let routeEntity = "patrol_route"
    static let checkpointEntity = "patrol_checkpoint"
    static let roundEntity = "patrol_round"

    /// A new route of the unit `unitID` (a unit the account may manage; 404 otherwise).
    static func createRoute(
        unit unitID: UUID,
        _ input: PatrolRouteInput,
        by principal: Principal,
        on app: Application
    ) async throws -> PatrolRoute {
        guard principal.can(.managePatrols) else { throw AppError.forbidden }
        let unit = try await OrganisationQueries.unit(unitID, in: principal.scope, on: app.db)
        guard unit.$parent.id == nil, let area = AreaPath(unit.areaPath) else { throw AppError.notFound }
        let route = PatrolRoute()
        route.unitID = try unit.requireID()
        route.areaPath = area.value
        try apply(input, to: route)
        let now = app.clock.now()
        return try await app.write { db in
            try await route.insert(on: db)
            try await AuditTrail.record(
                on: db,
                actor: principal.auditActor,
                action: .create,
                entity: routeEntity,
                entityID: try route.requireID().uuidString,
                before: nil,
                after: route.auditSnapshot,
                now: now
            )
            return route
        }
    }

    static func updateRoute(
        _ id: UUID,
        _ input: PatrolRouteInput,
        by principal: Principal,
        on app: Application
    ) async throws -> PatrolRoute {
        guard principal.can(.managePatrols) else { throw AppError.forbidden }
        _ = try await PatrolQueries.route(id, in: principal.scope, on: app.db)
        let now = app.clock.now()
        return try await app.write { db in
            guard let route = try await db.lockedRow(PatrolRoute.self, id) else { throw AppError.notFound }
            let before = route.auditSnapshot
            try apply(input, to: route)
            try await route.persist(on: db)
            try await AuditTrail.record(
                on: db,
                actor: principal.auditActor,
                action: .update,
                entity: routeEntity,
                entityID: id.uuidString,
                before: before,
                after: route.auditSnapshot,
                now: now
            )
            try await PatrolRounds.replan(route, now: now, on: db)
            return route
        }
    }

    /// Checks every field of `input` and sets them on `route`; 422 naming each field otherwise.
    private static func apply(_ input: PatrolRouteInput, to route: PatrolRoute) throws {
        var checker = FieldChecker(input.problems)
        let name = checker.name("name", input.name, max: PatrolLimits.name)
        let order = checker.choice("order", input.order, CheckpointOrder.self)
        let kind = checker.choice("schedule_kind", input.scheduleKind, PatrolSchedule.Kind.self)
        let start = minutes("start", input.start, into: &checker)
        let end = minutes("end", input.end, into: &checker)
        let gap = input.minimumGapMinutes ?? 0
        if !(0...PatrolLimits.longestGapMinutes).contains(gap) {
            checker.add(
                "minimum_gap_minutes",
                .invalid(
                    vi: "từ 0 đến \(PatrolLimits.longestGapMinutes) phút",
                    en: "from 0 to \(PatrolLimits.longestGapMinutes) minutes"
                )
            )
        }
        let speed = input.fastestSpeed ?? 3
        if !PatrolLimits.speed.contains(speed) {
            checker.add("fastest_speed", .invalid(vi: "từ 0,5 đến 40 m/giây", en: "from 0.5 to 40 m/s"))
        }
        if let kind, let start, let end {
            let schedule = PatrolSchedule(
                kind: kind,
                startMinute: start,
                endMinute: end,
                everyMinutes: kind == .interval ? input.everyMinutes : nil,
                rounds: kind == .rounds ? input.rounds : nil,
                windowMinutes: input.windowMinutes
            )
            for problem in schedule.problems { add(problem, schedule, into: &checker) }
            route.schedule = schedule
        }
        try checker.check()
        guard let order else { throw AppError.invalidFields(checker.errors) }
        route.name = name
        route.checkpointOrder = order.rawValue
        route.minimumGap = gap * 60
        route.fastestSpeed = speed
        route.active = input.active
    }

    /// "22:00" as minutes after midnight.
    static func minutes(_ field: String, _ text: String?, into checker: inout FieldChecker) -> Int? {
        guard let text = text?.trimmingCharacters(in: .whitespaces), !text.isEmpty else {
            checker.add(field, .required)
            return nil
        }
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ $0.count == 2 }), let hour = Int(parts[0]),
            let minute = Int(parts[1]), (0..<24).contains(hour), (0..<60).contains(minute)
        else {
            checker.add(field, .invalid(vi: "cần giờ dạng HH:mm, ví dụ 22:00", en: "needs a time as HH:mm, e.g. 22:00"))
            return nil
        }
        return hour * 60 + minute
    }

    private static func add(
        _ problem: PatrolSchedule.Problem,
        _ schedule: PatrolSchedule,
        into checker: inout FieldChecker
    ) {
        let shortest = PatrolSchedule.shortestSlot
        let most = PatrolSchedule.mostRounds
        switch problem {
        case .startTime: checker.add("start", .invalid(vi: "giờ không hợp lệ", en: "is not a time of day"))
        case .endTime: checker.add("end", .invalid(vi: "giờ không hợp lệ", en: "is not a time of day"))
        case .interval:
            checker.add(
                "every_minutes",
                .invalid(
                    vi: "từ \(shortest) phút đến độ dài khung giờ (\(schedule.span) phút), tối đa \(most) lượt",
                    en: "from \(shortest) minutes to the span (\(schedule.span) minutes), at most \(most) rounds"
                )
            )
        case .roundCount:
            checker.add(
                "rounds",
                .invalid(
                    vi: "từ 1 đến \(most) lượt, mỗi lượt ít nhất \(shortest) phút",
                    en: "from 1 to \(most) rounds of at least \(shortest) minutes each"
                )
            )
        case .window:
            checker.add(
                "window_minutes",
                .invalid(
                    vi: "từ \(shortest) phút đến độ dài một lượt",
                    en: "from \(shortest) minutes to the length of a round"
                )
            )
        }
    }
}
