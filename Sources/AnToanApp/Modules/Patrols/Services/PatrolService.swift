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

/// A checkpoint as a form or the API gives it.
struct PatrolCheckpointInput: Sendable {
    var name: String?
    var siteID: UUID?
    var instructions: String?
    var latitude: Double?
    var longitude: Double?
    var radius: Double?
    var problems: [FieldError] = []
}

/// The keys of a checkpoint's NTAG 424 DNA tag, as entered or imported: 32 hex digits each; the UID (14 hex
/// digits) when known.
struct PatrolNFCInput: Sendable {
    var metaKey: String?
    var fileKey: String?
    var uid: String?
}

/// Limits of the patrol fields.
enum PatrolLimits {
    static let name = 120
    static let instructions = 1_000
    static let observation = 2_000
    static let mostCheckpoints = 60
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

    /// A checkpoint added at the end of the route.
    static func addCheckpoint(
        route routeID: UUID,
        _ input: PatrolCheckpointInput,
        by principal: Principal,
        on app: Application
    ) async throws -> PatrolCheckpoint {
        guard principal.can(.managePatrols) else { throw AppError.forbidden }
        let route = try await PatrolQueries.route(routeID, in: principal.scope, on: app.db)
        let checkpoint = PatrolCheckpoint()
        checkpoint.routeID = routeID
        checkpoint.unitID = route.unitID
        checkpoint.labelGeneration = 1
        checkpoint.active = true
        try await apply(input, to: checkpoint, unit: route.unitID, on: app.db)
        let now = app.clock.now()
        return try await app.write { db in
            guard let route = try await db.lockedRow(PatrolRoute.self, routeID) else { throw AppError.notFound }
            let existing = try await PatrolQueries.checkpoints(of: routeID, removed: true, on: db)
            guard existing.filter(\.active).count < PatrolLimits.mostCheckpoints else {
                throw AppError.invalidFields([
                    FieldError(
                        field: "name",
                        reason: .invalid(
                            vi: "một tuyến có tối đa \(PatrolLimits.mostCheckpoints) điểm",
                            en: "a route has at most \(PatrolLimits.mostCheckpoints) checkpoints"
                        )
                    )
                ])
            }
            checkpoint.position = (existing.map(\.position).max() ?? -1) + 1
            try await checkpoint.insert(on: db)
            try await AuditTrail.record(
                on: db,
                actor: principal.auditActor,
                action: .create,
                entity: checkpointEntity,
                entityID: try checkpoint.requireID().uuidString,
                before: nil,
                after: checkpoint.auditSnapshot,
                now: now
            )
            try await PatrolRounds.replan(route, now: now, on: db)
            return checkpoint
        }
    }

    /// Edits a checkpoint; `remove` takes it off the route (its scans stay).
    static func updateCheckpoint(
        _ id: UUID,
        _ input: PatrolCheckpointInput?,
        remove: Bool = false,
        by principal: Principal,
        on app: Application
    ) async throws -> PatrolCheckpoint {
        guard principal.can(.managePatrols) else { throw AppError.forbidden }
        let found = try await PatrolQueries.checkpoint(id, in: principal.scope, on: app.db)
        let probe = PatrolCheckpoint()
        if let input { try await apply(input, to: probe, unit: found.unitID, on: app.db) }
        return try await change(id, by: principal, on: app) { checkpoint in
            if let input {
                checkpoint.name = probe.name
                checkpoint.siteID = probe.siteID
                checkpoint.instructions = probe.instructions
                checkpoint.latitude = probe.latitude
                checkpoint.longitude = probe.longitude
                checkpoint.radius = probe.radius
            }
            if remove { checkpoint.active = false }
        }
    }

    /// New labels: the next generation, and the links of the old ones stop counting.
    static func renewLabels(_ id: UUID, by principal: Principal, on app: Application) async throws -> PatrolCheckpoint {
        guard principal.can(.managePatrols) else { throw AppError.forbidden }
        _ = try await PatrolQueries.checkpoint(id, in: principal.scope, on: app.db)
        return try await change(id, by: principal, on: app) { $0.labelGeneration += 1 }
    }

    /// The keys of the checkpoint's NFC tag; a new tag starts its counter again. Empty keys remove the tag.
    static func setNFC(
        _ id: UUID,
        _ input: PatrolNFCInput,
        by principal: Principal,
        on app: Application
    ) async throws
        -> PatrolCheckpoint
    {
        guard principal.can(.managePatrols) else { throw AppError.forbidden }
        _ = try await PatrolQueries.checkpoint(id, in: principal.scope, on: app.db)
        var checker = FieldChecker()
        let meta = hex("meta_key", input.metaKey, bytes: 16, into: &checker)
        let file = hex("file_key", input.fileKey, bytes: 16, into: &checker)
        let uid = hex("uid", input.uid, bytes: 7, into: &checker)
        if (meta == nil) != (file == nil) {
            checker.add(meta == nil ? "meta_key" : "file_key", .required)
        }
        try checker.check()
        return try await change(id, by: principal, on: app) { checkpoint in
            checkpoint.nfcMetaKey = meta
            checkpoint.nfcFileKey = file
            checkpoint.nfcUID = meta == nil ? nil : uid
            checkpoint.nfcCounter = nil
        }
    }

    /// `count` bytes in hex (spaces and colons allowed, as tools print them), lower case; nil when empty.
    private static func hex(
        _ field: String,
        _ text: String?,
        bytes count: Int,
        into checker: inout FieldChecker
    )
        -> String?
    {
        let digits = (text ?? "").filter { !" :-".contains($0) }.lowercased()
        guard !digits.isEmpty else { return nil }
        guard digits.count == count * 2, digits.allSatisfy(\.isHexDigit) else {
            checker.add(
                field,
                .invalid(vi: "cần đúng \(count * 2) chữ số hex (0–9, A–F)", en: "needs exactly \(count * 2) hex digits")
            )
            return nil
        }
        return digits
    }

    private static func change(
        _ id: UUID,
        by principal: Principal,
        on app: Application,
        _ edit: @escaping @Sendable (PatrolCheckpoint) -> Void
    ) async throws -> PatrolCheckpoint {
        let now = app.clock.now()
        return try await app.write { db in
            guard let checkpoint = try await PatrolCheckpoint.find(id, on: db),
                let route = try await db.lockedRow(PatrolRoute.self, checkpoint.routeID),
                let locked = try await PatrolCheckpoint.find(id, on: db)
            else { throw AppError.notFound }
            let before = locked.auditSnapshot
            edit(locked)
            try await locked.persist(on: db)
            try await AuditTrail.record(
                on: db,
                actor: principal.auditActor,
                action: .update,
                entity: checkpointEntity,
                entityID: id.uuidString,
                before: before,
                after: locked.auditSnapshot,
                now: now
            )
            try await PatrolRounds.replan(route, now: now, on: db)
            return locked
        }
    }

    private static func apply(
        _ input: PatrolCheckpointInput,
        to checkpoint: PatrolCheckpoint,
        unit: UUID,
        on db: any Database
    ) async throws {
        var checker = FieldChecker(input.problems)
        let name = checker.name("name", input.name, max: PatrolLimits.name)
        let instructions = checker.text(
            "instructions",
            input.instructions,
            max: PatrolLimits.instructions,
            optional: true,
            kind: .multiline
        )
        if let siteID = input.siteID, try await IncidentQueries.site(siteID, of: [unit], on: db) == nil {
            checker.add("site", .notFound)
        }
        switch (input.latitude, input.longitude) {
        case (nil, nil): break
        case (let latitude?, let longitude?):
            if !GeoPoint(latitude: latitude, longitude: longitude).isValid {
                checker.add("latitude", .invalid(vi: "tọa độ không hợp lệ", en: "is not a valid coordinate"))
            }
        case (nil, _): checker.add("latitude", .required)
        case (_, nil): checker.add("longitude", .required)
        }
        let radius = input.radius ?? PatrolLimits.defaultRadius
        if !PatrolLimits.radius.contains(radius) {
            checker.add("radius", .invalid(vi: "từ 5 đến 2.000 mét", en: "from 5 to 2,000 metres"))
        }
        try checker.check()
        checkpoint.name = name
        checkpoint.siteID = input.siteID
        checkpoint.instructions = instructions
        checkpoint.latitude = input.latitude
        checkpoint.longitude = input.longitude
        checkpoint.radius = radius
    }
}
