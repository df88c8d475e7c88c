import AnToanCore
import Fluent
import Foundation
import Vapor

extension EventType {
    /// Someone came in or went out of a unit (no personal data: open pages reload their list).
    static let gateVisit = EventType(rawValue: "gate.visit")
    /// A watchlist match, addressed to each officer told of it.
    static let gateAlert = EventType(rawValue: "gate.alert")
}

/// The gate's writes: check-in (with the watchlist check, the host's notification and the officers' alert),
/// check-out and letting a held visitor in, each in one transaction with its audit entry and its events.
enum GateService {
    static let entity = "gate_visit"

    /// Checks a visitor in at `input.unitID` (a unit of the account's scope, else 404), every field checked first
    /// (422 naming each), in the write transaction `db`.
    @discardableResult
    static func checkIn(
        _ input: VisitorInput,
        by principal: Principal,
        on db: any Database,
        now: Date
    ) async throws -> Visit {
        guard principal.can(.registerVisitors) else { throw AppError.forbidden }
        let unit = try await topUnit(input.unitID, in: principal.scope, on: db)
        let unitID = try unit.requireID()
        var input = input
        input.fillFromCard()
        var checker = FieldChecker(input.problems)
        let name = checker.name("full_name", input.fullName, max: GateLimits.name)
        let type =
            checker.choice("document_type", input.documentType ?? DocumentType.citizenID.rawValue, DocumentType.self)
            ?? .citizenID
        var number = ""
        if (input.documentNumber ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
            checker.add("document_number", .required)
        } else {
            switch type.check(input.documentNumber ?? "") {
            case .success(let value): number = value
            case .failure(let problem): checker.add("document_number", .invalid(vi: problem.vi, en: problem.en))
            }
        }
        let birth = checker.date("birth_date", input.birthDate)
        if let birth, let day = SolarDate(iso: birth), day > VietnamTime.day(of: now) {
            checker.add("birth_date", .invalid(vi: "không được ở tương lai", en: "cannot be in the future"))
        }
        let organisation = checker.text(
            "organisation",
            input.organisation,
            max: GateLimits.organisation,
            optional: true
        )
        let purpose = checker.text("purpose", input.purpose, max: GateLimits.purpose)
        let plate = checker.text("vehicle_plate", input.vehiclePlate, max: GateLimits.plate, optional: true)
            .uppercased()
        let items = checker.text("items", input.items, max: GateLimits.items, optional: true, kind: .multiline)
        let badge = checker.text("badge", input.badge, max: GateLimits.badge, optional: true)
        let minutes = input.expectedMinutes ?? GateLimits.defaultMinutes
        if !GateLimits.minutes.contains(minutes) {
            checker.add(
                "expected_minutes",
                .invalid(vi: "từ 5 phút đến 7 ngày (10080 phút)", en: "between 5 minutes and 7 days (10080 minutes)")
            )
        }
        var host = try await resolveHost(input, unitID: unitID, into: &checker, on: db)
        var invitation: Invitation?
        if let id = input.invitationID {
            if let found = try await GateQueries.invitation(id, on: db), found.unitID == unitID, found.usedAt == nil {
                invitation = found
                if host == nil, (input.host ?? "").isEmpty, let hostID = found.hostStaffID {
                    host = try await GateQueries.host(hostID, of: unitID, on: db)
                }
            } else {
                checker.add(
                    "invitation",
                    .invalid(
                        vi: "giấy mời đã dùng hoặc không phải của đơn vị này",
                        en: "was used already or is not this unit's"
                    )
                )
            }
        }
        if !number.isEmpty, let inside = try await GateQueries.inside(number: number, unitID: unitID, on: db) {
            checker.add(
                "document_number",
                .invalid(
                    vi: "khách này đang ở trong đơn vị (vào lúc \(VietnamTime.dateTime(inside.checkedInAt)), chưa ra)",
                    en: "this visitor is inside already (in at \(VietnamTime.dateTime(inside.checkedInAt)), not out)"
                )
            )
        }
        if !badge.isEmpty, try await GateQueries.inside(badge: badge, unitID: unitID, on: db) != nil {
            checker.add("badge", .invalid(vi: "thẻ này đang có khách đeo", en: "another visitor inside wears it"))
        }
        try checker.check()
        guard let area = AreaPath(unit.areaPath) else { throw AppError.notFound }

        let visitor = Watchlist.Visitor(
            documentNumber: number,
            fullName: name,
            birthDate: birth.flatMap { SolarDate(iso: $0) }
        )
        let match = try await GateQueries.watchEntries(for: unitID, area: area, on: db)
            .first { Watchlist.matches($0.rule, visitor) }

        let visit = Visit()
        visit.unitID = unitID
        visit.areaPath = area.value
        visit.fullName = name
        visit.nameFolded = Folding.fold(name)
        visit.documentType = type.rawValue
        visit.documentNumber = number
        visit.birthDate = birth
        visit.organisation = organisation
        visit.vehiclePlate = plate
        visit.items = items
        visit.hostStaffID = host?.id
        visit.hostName = host?.fullName ?? invitation?.hostName ?? ""
        visit.purpose = purpose
        visit.badge = badge
        visit.expectedMinutes = minutes
        visit.checkedInAt = now
        visit.checkedInByName = principal.displayName
        visit.watchEntryID = match?.id
        visit.held = match != nil
        visit.invitationID = invitation?.id
        try await visit.insert(on: db)
        if let invitation {
            invitation.usedAt = now
            try await invitation.persist(on: db)
        }
        let visitID = try visit.requireID()
        try await AuditTrail.record(
            on: db,
            actor: principal.auditActor,
            action: .create,
            entity: entity,
            entityID: visitID.uuidString,
            before: nil,
            after: visit.auditSnapshot,
            now: now
        )
        try await announce(visit, area: area, on: db, now: now)
        if let match {
            try await alert(visit, entry: match, on: db, now: now)
        } else if let account = host?.userID, account != principal.id {
            try await Notifications.send(
                to: [account],
                title: LocalizedText(
                    vi: "Khách \(name)\(organisation.isEmpty ? "" : " (\(organisation))") đã đến cổng gặp bạn",
                    en: "\(name)\(organisation.isEmpty ? "" : " (\(organisation))") has arrived at the gate to see you"
                ),
                link: SiteURL.notifications.path,
                needsAcknowledgement: false,
                entity: entity,
                entityID: visitID,
                on: db,
                now: now
            )
        }
        return visit
    }

    /// `checkIn` in a write transaction of its own.
    @discardableResult
    static func checkIn(_ input: VisitorInput, by principal: Principal, on app: Application) async throws -> Visit {
        let now = app.clock.now()
        return try await app.write { db in try await checkIn(input, by: principal, on: db, now: now) }
    }

    /// Checks a visitor out; a visitor not inside (out already, or never in this scope) is refused.
    @discardableResult
    static func checkOut(_ id: UUID, by principal: Principal, on app: Application) async throws -> Visit {
        guard principal.can(.registerVisitors) else { throw AppError.forbidden }
        let now = app.clock.now()
        return try await app.write { db in
            let visit = try await GateQueries.visit(id, in: principal.scope, on: db)
            guard visit.checkedOutAt == nil, visit.purgedAt == nil else {
                let out = visit.checkedOutAt.map(VietnamTime.dateTime) ?? ""
                throw AppError.invalidFields([
                    FieldError(
                        field: "visit",
                        reason: .invalid(
                            vi: "khách không còn ở trong đơn vị (đã ra lúc \(out))",
                            en: "the visitor is not inside (went out at \(out))"
                        )
                    )
                ])
            }
            let before = visit.auditSnapshot
            visit.checkedOutAt = now
            visit.checkedOutByName = principal.displayName
            try await visit.persist(on: db)
            try await AuditTrail.record(
                on: db,
                actor: principal.auditActor,
                action: .update,
                entity: entity,
                entityID: id.uuidString,
                before: before,
                after: visit.auditSnapshot,
                now: now
            )
            try await announce(visit, area: AreaPath(visit.areaPath), on: db, now: now)
            return visit
        }
    }

    /// An officer lets a held visitor in (the match was a namesake, or the visit is agreed).
    static func clearHold(_ id: UUID, by principal: Principal, on app: Application) async throws {
        guard principal.canSeeWatchReasons else { throw AppError.forbidden }
        let now = app.clock.now()
        try await app.write { db in
            let visit = try await GateQueries.visit(id, in: principal.scope, on: db)
            guard visit.held, visit.checkedOutAt == nil else {
                throw AppError.invalidFields([
                    FieldError(
                        field: "visit",
                        reason: .invalid(vi: "khách không bị giữ tại cổng", en: "the visitor is not held at the gate")
                    )
                ])
            }
            let before = visit.auditSnapshot
            visit.held = false
            visit.holdClearedByName = principal.displayName
            try await visit.persist(on: db)
            try await AuditTrail.record(
                on: db,
                actor: principal.auditActor,
                action: .update,
                entity: entity,
                entityID: id.uuidString,
                before: before,
                after: visit.auditSnapshot,
                now: now
            )
            try await announce(visit, area: AreaPath(visit.areaPath), on: db, now: now)
        }
    }

    /// The unit, or the unit a department belongs to: visits belong to the top-level unit, as staff do.
    static func topUnit(_ id: UUID, in scope: Scope, on db: any Database) async throws -> OrgUnit {
        let found = try await OrganisationQueries.unit(id, in: scope, on: db)
        if let parentID = found.$parent.id {
            return try await OrganisationQueries.unit(parentID, in: .everything, on: db)
        }
        return found
    }

    /// The host: by id, or the one staff member whose name contains what was typed (diacritics aside).
    private static func resolveHost(
        _ input: VisitorInput,
        unitID: UUID,
        into checker: inout FieldChecker,
        on db: any Database
    ) async throws -> StaffMember? {
        if let id = input.hostID {
            guard let host = try await GateQueries.host(id, of: unitID, on: db) else {
                checker.add("host", .notFound)
                return nil
            }
            return host
        }
        let typed = checker.name("host", input.host, max: GateLimits.name, optional: true)
        guard !typed.isEmpty else { return nil }
        let folded = Folding.fold(typed)
        let found = try await GateQueries.hosts(matching: folded, of: unitID, limit: 6, on: db)
        if let exact = found.filter({ $0.nameFolded == folded }).onlyElement { return exact }
        switch found.count {
        case 0:
            checker.add(
                "host",
                .invalid(
                    vi: "không có cán bộ nào của đơn vị tên như vậy",
                    en: "no staff member of the unit has that name"
                )
            )
        case 1:
            return found[0]
        default:
            let names = found.prefix(5).map { $0.position.isEmpty ? $0.fullName : "\($0.fullName) (\($0.position))" }
                .joined(separator: ", ")
            checker.add(
                "host",
                .invalid(
                    vi: "nhiều người trùng, hãy ghi rõ hơn: \(names)",
                    en: "several match, be more precise: \(names)"
                )
            )
        }
        return nil
    }

    /// Tells the unit's open gate pages that the list changed (no personal data in the event).
    private static func announce(_ visit: Visit, area: AreaPath?, on db: any Database, now: Date) async throws {
        try await Outbox.publish(
            .gateVisit,
            payload: GateVisitEventDTO(visitId: try visit.requireID(), unitId: visit.unitID, inside: visit.isInside),
            unit: visit.unitID,
            area: area,
            on: db,
            now: now
        )
    }

    /// A watchlist match: each security officer and guard of the unit gets a notification to acknowledge (with
    /// the reason, which their pages show) and an event addressed to them alone, so that their open pages show it.
    private static func alert(_ visit: Visit, entry: WatchEntry, on db: any Database, now: Date) async throws {
        let visitID = try visit.requireID()
        let accounts = try await GateQueries.alertAccounts(of: visit.unitID, on: db)
        try await Notifications.send(
            to: accounts,
            title: LocalizedText(
                vi: "Cảnh báo tại cổng: \(visit.fullName) trùng danh sách theo dõi — \(entry.reason)",
                en: "Gate alert: \(visit.fullName) matches the watchlist — \(entry.reason)"
            ),
            link: SiteURL.gate(.visit(visitID)).path,
            needsAcknowledgement: true,
            entity: entity,
            entityID: visitID,
            on: db,
            now: now
        )
        for account in accounts.sorted(by: { $0.uuidString < $1.uuidString }) {
            try await Outbox.publish(
                .gateAlert,
                payload: GateVisitEventDTO(visitId: visitID, unitId: visit.unitID, inside: true),
                unit: nil,
                area: nil,
                account: account,
                on: db,
                now: now
            )
        }
    }
}

extension Principal {
    /// Guards, officers and authorities see why a visitor is held; a receptionist only that they are.
    var canSeeWatchReasons: Bool { can(.performDuty) || can(.manageWatchlist) }

    /// Sees the gate's lists: those who register visitors, and those who keep the watchlists.
    var canSeeGate: Bool { can(.registerVisitors) || can(.manageWatchlist) }
}

extension Collection {
    /// The one element, or nil when there are none or several.
    var onlyElement: Element? { count == 1 ? first : nil }
}
