import AnToanCore
import Foundation
import Vapor

/// /api/v1/equipment/upkeep/… and /api/v1/equipment/{id}/…: due lists, intervals, checks, corrective actions and the
/// oversight, through the caller's scope (another unit's item, action or list is 404).
struct UpkeepAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("equipment", "upkeep", "dues", use: dues)
        routes.get("equipment", "upkeep", "schedules", use: schedules)
        routes.post("equipment", "upkeep", "schedules", use: setSchedule)
        routes.get("equipment", "upkeep", "actions", use: actions)
        routes.post("equipment", "upkeep", "actions", ":id", "done", use: done)
        routes.get("equipment", "upkeep", "oversight", use: oversight)
        routes.get("equipment", ":id", "upkeep", use: item)
        routes.post("equipment", ":id", "checks", use: check)
    }

    private func today(_ req: Request) -> SolarDate { VietnamTime.day(of: req.application.clock.now()) }

    private func unit(_ req: Request, _ principal: Principal) async throws -> OrgUnit {
        let asked = try req.query[String.self, at: "unit"].flatMap { text -> UUID? in
            guard !text.isEmpty else { return nil }
            guard let id = UUID(uuidString: text) else { throw AppError.notFound }
            return id
        }
        return try await UpkeepQueries.unit(asked, for: principal.scope, on: req.db)
    }

    /// A unit's due dates: the caller's unit, or `unit` of an authority's area.
    @Sendable func dues(req: Request) async throws -> UpkeepDueListDTO {
        let principal = try UpkeepController.reader(req)
        let unit = try await unit(req, principal)
        let (window, upkeep) = try UpkeepController.window(req)
        let page = try req.pageParameter()
        let today = today(req)
        let result = try await UpkeepQueries.dues(
            of: try unit.requireID(),
            window: window,
            upkeep: upkeep,
            today: today,
            page: page,
            on: req.db
        )
        let rows = result.rows.map { UpkeepDueDTO($0, today: today, lang: req.apiLanguage) }
        return UpkeepDueListDTO(
            unitId: try unit.requireID(),
            unitName: unit.name,
            window: window.rawValue,
            page: page,
            hasMore: result.hasMore,
            count: rows.count,
            dues: rows
        )
    }

    @Sendable func schedules(req: Request) async throws -> UpkeepScheduleListDTO {
        let principal = try UpkeepController.reader(req)
        let unit = try await unit(req, principal)
        let own = try await UpkeepSchedules.own(of: try unit.requireID(), on: req.db)
        let lang = req.apiLanguage
        var rows: [UpkeepScheduleDTO] = []
        for kind in EquipmentKind.allCases {
            for upkeep in UpkeepRules.upkeeps(for: kind) where upkeep.isRecorded {
                let base = UpkeepRules.defaultInterval(kind, upkeep) ?? 0
                let mine = own["\(kind.rawValue):\(upkeep.rawValue)"]?.intervalDays
                rows.append(
                    UpkeepScheduleDTO(
                        kind: kind.rawValue,
                        kindText: lang(kind.nameVi, kind.nameEn),
                        upkeep: upkeep.rawValue,
                        upkeepText: lang(upkeep.nameVi, upkeep.nameEn),
                        defaultDays: base,
                        legalMaximumDays: UpkeepRules.legalMaximum(kind, upkeep),
                        unitDays: mine,
                        days: mine ?? base
                    )
                )
            }
        }
        return UpkeepScheduleListDTO(schedules: rows)
    }

    @Sendable func setSchedule(req: Request) async throws -> UpkeepScheduleListDTO {
        let principal = try req.principal()
        let input = try req.decodeJSON(UpkeepScheduleRequest.self)
        try await UpkeepSchedules.set(
            kind: input.kind,
            upkeep: input.upkeep,
            intervalDays: input.intervalDays.map(String.init),
            by: principal,
            on: req.application
        )
        return try await schedules(req: req)
    }

    @Sendable func actions(req: Request) async throws -> CorrectiveActionListDTO {
        let principal = try UpkeepController.reader(req)
        let unit = try await unit(req, principal)
        var checker = FieldChecker()
        let status =
            checker.choice(
                "status",
                req.query[String.self, at: "status"],
                CorrectiveAction.Status.self,
                optional: true
            ) ?? .open
        try checker.check()
        let actions = try await UpkeepQueries.actions(of: try unit.requireID(), status: status, on: req.db)
        let today = today(req)
        return CorrectiveActionListDTO(
            count: actions.count,
            actions: actions.map { CorrectiveActionDTO($0, today: today, lang: req.apiLanguage) }
        )
    }

    @Sendable func done(req: Request) async throws -> CorrectiveActionDTO {
        let principal = try req.principal()
        let input = try req.decodeJSON(ActionDoneRequest.self)
        let action = try await CorrectiveActions.complete(
            try req.idParameter(),
            note: input.doneNote,
            by: principal,
            on: req.application
        )
        return CorrectiveActionDTO(action, today: today(req), lang: req.apiLanguage)
    }

    @Sendable func oversight(req: Request) async throws -> UpkeepOversightDTO {
        let principal = try req.principal(allowedTo: .oversee)
        let page = try await EquipmentOversight.page(try req.pageParameter(), in: principal.scope, on: req.db)
        return UpkeepOversightDTO(
            page: page.page,
            hasMore: page.hasMore,
            unitsWithProblems: page.unitsWithProblems,
            units: page.units.map {
                UpkeepOversightUnitDTO(
                    unitId: $0.unitID,
                    unitName: $0.name,
                    overdueChecks: $0.overdueChecks,
                    overdueMaintenance: $0.overdueMaintenance,
                    expiredPermits: $0.expiredPermits,
                    overdueActions: $0.overdueActions,
                    openActions: $0.openActions,
                    lost: $0.lost,
                    countedOn: $0.computedOn?.iso
                )
            },
            outTooLong: try await CustodyQueries.overdueByUnit(
                in: principal.scope,
                now: req.application.clock.now(),
                on: req.db
            ).map { UpkeepOversightDTO.OutTooLong(unitId: $0.unitID, unitName: $0.name, items: $0.count) }
        )
    }

    /// An item's upkeep: due dates, latest checks, open corrective actions.
    @Sendable func item(req: Request) async throws -> ItemUpkeepDTO {
        let principal = try UpkeepController.reader(req)
        let item = try await EquipmentQueries.item(try req.idParameter(), in: principal.scope, on: req.db)
        let section = try await UpkeepController.section(item, principal: principal, req: req)
        let lang = req.apiLanguage
        return ItemUpkeepDTO(
            itemId: section.itemID,
            dues: section.dues.map {
                ItemUpkeepDTO.Due(
                    upkeep: $0.upkeep.rawValue,
                    upkeepText: lang($0.upkeep.nameVi, $0.upkeep.nameEn),
                    dueOn: $0.dueOn.iso,
                    lastDoneOn: $0.lastOn?.iso,
                    overdue: UpkeepRules.isOverdue(due: $0.dueOn, today: section.today)
                )
            },
            checks: section.checks.map { EquipmentCheckDTO($0, action: nil, today: section.today, lang: lang) },
            actions: section.actions.map { CorrectiveActionDTO($0, today: section.today, lang: lang) }
        )
    }

    /// Records a check (without a photo: photos go through the page's form).
    @Sendable func check(req: Request) async throws -> Response {
        let principal = try req.principal()
        let id = try req.idParameter()
        let input = try req.decodeJSON(EquipmentCheckRequest.self)
        let (check, action) = try await EquipmentChecks.record(id, input.input, by: principal, on: req.application)
        return try await EquipmentCheckDTO(check, action: action, today: today(req), lang: req.apiLanguage)
            .encodeResponse(status: .created, for: req)
    }
}
