import AnToanCore
import Fluent
import Foundation
import Vapor

/// The upkeep pages: a unit's due list with its corrective actions (an authority's drill-down to one unit), the
/// intervals, an item's check from a phone, an action marked done, a check's photo, the PC02 record and the fire
/// equipment book to print, and the oversight.
struct UpkeepController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.route(.equipmentUpkeep(.list)), use: list)
        routes.get(SiteURL.route(.equipmentUpkeep(.schedules)), use: schedules)
        routes.post(SiteURL.route(.equipmentUpkeep(.schedules)), use: setSchedule)
        routes.get(SiteURL.route(.equipmentUpkeep(.check(.placeholder))), use: checkForm)
        routes.on(.POST, SiteURL.route(.equipmentUpkeep(.check(.placeholder))), body: .stream, use: check)
        routes.post(SiteURL.route(.equipmentUpkeep(.actionDone(.placeholder))), use: actionDone)
        routes.get(SiteURL.route(.equipmentUpkeep(.photo(.placeholder))), use: photo)
        routes.get(SiteURL.route(.equipmentUpkeep(.pc02)), use: pc02)
        routes.get(SiteURL.route(.equipmentUpkeep(.fireBook)), use: fireBook)
        routes.get(SiteURL.route(.equipmentUpkeep(.oversight)), use: oversight)
    }

    /// Who reads upkeep: those who check or keep equipment, and those who oversee; 403 otherwise.
    static func reader(_ req: Request) throws -> Principal {
        let principal = try req.principal()
        guard principal.can(.checkEquipment) || principal.can(.manageEquipment) || principal.can(.oversee) else {
            throw AppError.forbidden
        }
        return principal
    }

    static func window(_ req: Request) throws -> (UpkeepQueries.Window, UpkeepKind?) {
        var checker = FieldChecker()
        let window =
            checker.choice("window", req.query[String.self, at: "window"], UpkeepQueries.Window.self, optional: true)
            ?? .soon
        let upkeep = checker.choice("upkeep", req.query[String.self, at: "upkeep"], UpkeepKind.self, optional: true)
        try checker.check()
        return (window, upkeep)
    }

    @Sendable func list(req: Request) async throws -> Response {
        try await renderList(req, failed: nil)
    }

    private func renderList(_ req: Request, failed: FormFailure?) async throws -> Response {
        let principal = try Self.reader(req)
        let asked = req.query[String.self, at: "unit"].flatMap { $0.isEmpty ? nil : $0 }
        let askedID = try asked.map { text -> UUID in
            guard let id = UUID(uuidString: text) else { throw AppError.notFound }
            return id
        }
        let unit = try await UpkeepQueries.unit(askedID, for: principal.scope, on: req.db)
        let unitID = try unit.requireID()
        let (window, upkeep) = try Self.window(req)
        let page = try req.pageParameter()
        let today = VietnamTime.day(of: req.application.clock.now())
        let dues = try await UpkeepQueries.dues(
            of: unitID,
            window: window,
            upkeep: upkeep,
            today: today,
            page: page,
            on: req.db
        )
        let actions = try await UpkeepQueries.actions(of: unitID, status: .open, on: req.db)
        let model = UpkeepPages.List(
            unitID: unitID,
            unitName: unit.name,
            drillDown: principal.scope.kind != .unit,
            window: window,
            upkeep: upkeep,
            today: today,
            rows: dues.rows,
            page: page,
            hasMore: dues.hasMore,
            actions: actions,
            itemNames: try await UpkeepQueries.itemNames(actions.map(\.itemID), on: req.db),
            canManage: principal.can(.manageEquipment),
            account: principal.id,
            canOversee: principal.can(.oversee),
            failed: failed
        )
        return req.page(
            req.pageLanguage("Kiểm tra, bảo quản phương tiện", "Equipment upkeep"),
            status: failed == nil ? .ok : .unprocessableEntity
        ) { UpkeepPages.list(model, $0) }
    }

    @Sendable func schedules(req: Request) async throws -> Response {
        try await renderSchedules(req, failed: nil)
    }

    private func renderSchedules(_ req: Request, failed: FormFailure?) async throws -> Response {
        let principal = try Self.reader(req)
        let unit = try await UpkeepQueries.unit(nil, for: principal.scope, on: req.db)
        let own = try await UpkeepSchedules.own(of: try unit.requireID(), on: req.db)
        var rows: [(kind: EquipmentKind, upkeep: UpkeepKind, own: Int?)] = []
        for kind in EquipmentKind.allCases {
            for upkeep in UpkeepRules.upkeeps(for: kind) where upkeep.isRecorded {
                rows.append((kind, upkeep, own["\(kind.rawValue):\(upkeep.rawValue)"]?.intervalDays))
            }
        }
        let model = UpkeepPages.Schedules(
            unitName: unit.name,
            rows: rows,
            canManage: principal.can(.manageEquipment),
            failed: failed
        )
        return req.page(
            req.pageLanguage("Lịch bảo quản phương tiện", "Equipment upkeep intervals"),
            status: failed == nil ? .ok : .unprocessableEntity
        ) { UpkeepPages.schedules(model, $0) }
    }

    @Sendable func setSchedule(req: Request) async throws -> Response {
        let principal = try req.principal(allowedTo: .manageEquipment)
        var values = req.formValues
        values["_csrf"] = nil
        do {
            try await UpkeepSchedules.set(
                kind: values["kind"],
                upkeep: values["upkeep"],
                intervalDays: values["interval_days"],
                by: principal,
                on: req.application
            )
        } catch AppError.invalidFields(let errors) {
            let failed = FormFailure(form: UpkeepPages.scheduleForm, errors: FieldChecker(errors), values: values)
            return try await renderSchedules(req, failed: failed)
        }
        let flash = Flash(kind: .success, message: req.pageLanguage("Đã lưu lịch.", "Interval saved."))
        return req.redirect(to: .equipmentUpkeep(.schedules), flash: flash)
    }

    @Sendable func checkForm(req: Request) async throws -> Response {
        try await renderCheck(req, failed: nil)
    }

    private func renderCheck(_ req: Request, failed: FormFailure?) async throws -> Response {
        let principal = try req.principal()
        guard principal.can(.checkEquipment) || principal.can(.manageEquipment) else { throw AppError.forbidden }
        guard case .unit = principal.scope else { throw AppError.notFound }
        let item = try await EquipmentQueries.item(try req.idParameter(), in: principal.scope, on: req.db)
        let staff = try await UpkeepQueries.staff(of: item.unitID, on: req.db)
        var section = try await Self.section(item, principal: principal, req: req)
        section.canCheck = false  // the form is this page: no link to itself
        let model = UpkeepCheckPage.Model(
            item: item,
            section: section,
            staff: staff,
            failed: failed
        )
        return req.page(
            req.pageLanguage("Kiểm tra phương tiện", "Check an item"),
            status: failed == nil ? .ok : .unprocessableEntity
        ) { UpkeepCheckPage.render(model, $0) }
    }

    /// The upkeep section of an item's page (the item already read through the reader's scope).
    static func section(_ item: EquipmentItem, principal: Principal, req: Request) async throws -> UpkeepSection.Model {
        let id = try item.requireID()
        return UpkeepSection.Model(
            itemID: id,
            today: VietnamTime.day(of: req.application.clock.now()),
            dues: try await UpkeepQueries.dues(ofItem: id, on: req.db),
            checks: try await UpkeepQueries.checks(ofItem: id, limit: 5, on: req.db),
            actions: try await UpkeepQueries.actions(of: item.unitID, status: .open, item: id, on: req.db),
            canCheck: principal.scope.kind == .unit
                && (principal.can(.checkEquipment) || principal.can(.manageEquipment)),
            kind: item.kindValue
        )
    }

    /// What the check form posts, as a browser sends it (multipart with a photo, or a plain form).
    struct CheckForm: Decodable {
        var values: [String: String] = [:]
        var photo: File?

        struct Key: CodingKey {
            var stringValue: String
            var intValue: Int? { nil }
            init(stringValue: String) { self.stringValue = stringValue }
            init?(intValue: Int) { nil }
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: Key.self)
            for key in container.allKeys {
                if key.stringValue == "photo" {
                    photo = try? container.decode(File.self, forKey: key)
                } else {
                    values[key.stringValue] = try? container.decode(String.self, forKey: key)
                }
            }
        }
    }

    @Sendable func check(req: Request) async throws -> Response {
        let principal = try req.principal()
        let itemID = try req.idParameter()
        do {
            _ = try await ImportUpload.collect(req, max: PhotoUpload.maxBytes + ImportUpload.formOverhead)
        } catch is ImportUpload.TooLarge {
            throw AppError.tooLarge(megabytes: PhotoUpload.maxBytes / 1_048_576)
        }
        let (input, values) = try await req.application.offLoop { () -> (CheckInput, [String: String]) in
            let form = try req.content.decode(CheckForm.self)
            var checker = FieldChecker()
            let photos = PhotoUpload.check(
                form.photo.map { [$0] },
                field: "photo",
                keep: .allButLocation,
                into: &checker
            )
            var values = form.values
            values["_csrf"] = nil
            let failed = values.filter { $0.key.hasPrefix("point_") && $0.value == "fail" }
                .map { String($0.key.dropFirst("point_".count)) }.sorted()
            let input = CheckInput(
                upkeep: values["upkeep"],
                failed: failed,
                note: values["note"],
                ownerStaffID: values["owner_staff_id"],
                deadline: values["deadline"],
                photos: photos,
                problems: checker.errors
            )
            return (input, values)
        }
        do {
            let (_, action) = try await EquipmentChecks.record(itemID, input, by: principal, on: req.application)
            let message =
                action == nil
                ? req.pageLanguage("Đã ghi kết quả: đạt.", "Check recorded: passed.")
                : req.pageLanguage(
                    "Đã ghi kết quả: không đạt. Đã giao việc khắc phục cho \(action?.ownerName ?? "").",
                    "Check recorded: failed. A corrective action went to \(action?.ownerName ?? "")."
                )
            return req.redirect(to: .equipmentUpkeep(.check(itemID)), flash: Flash(kind: .success, message: message))
        } catch AppError.invalidFields(let errors) {
            let failed = FormFailure(form: UpkeepCheckPage.formName, errors: FieldChecker(errors), values: values)
            return try await renderCheck(req, failed: failed)
        }
    }

    @Sendable func actionDone(req: Request) async throws -> Response {
        let principal = try req.principal()
        let id = try req.idParameter()
        var values = req.formValues
        values["_csrf"] = nil
        do {
            try await CorrectiveActions.complete(id, note: values["done_note"], by: principal, on: req.application)
        } catch AppError.invalidFields(let errors) {
            let failed = FormFailure(form: UpkeepPages.doneForm(id), errors: FieldChecker(errors), values: values)
            return try await renderList(req, failed: failed)
        }
        let flash = Flash(kind: .success, message: req.pageLanguage("Đã ghi nhận khắc phục.", "Marked done."))
        return req.redirect(to: .equipmentUpkeep(.list), flash: flash)
    }

    @Sendable func photo(req: Request) async throws -> Response {
        let principal = try Self.reader(req)
        let photo = try await UpkeepQueries.photo(ofCheck: try req.idParameter(), in: principal.scope, on: req.db)
        return Response(
            status: .ok,
            headers: [
                "Content-Type": photo.contentType, "Cache-Control": "private, max-age=86400",
                "X-Content-Type-Options": "nosniff",
            ],
            body: .init(data: photo.bytes)
        )
    }

    /// The unit of a printed paper: the reader's own; an authority's account is told to open it from the unit's.
    private func printUnit(_ principal: Principal) throws -> UUID {
        guard case .unit(let unitID, _) = principal.scope else {
            throw AppError.badRequest(
                vi: "Biên bản và sổ là của một đơn vị: hãy mở từ tài khoản của đơn vị.",
                en: "The record and the book are a unit's: open them from an account of the unit."
            )
        }
        return unitID
    }

    @Sendable func pc02(req: Request) async throws -> Response {
        let principal = try Self.reader(req)
        let unitID = try printUnit(principal)
        let period = BookPeriod(req)
        var checks: [UpkeepQueries.PeriodCheck] = []
        var actions: [CorrectiveAction] = []
        if period.isValid {
            checks = try await UpkeepQueries.fireChecks(of: unitID, from: period.from, to: period.to, on: req.db)
            actions = try await UpkeepQueries.actions(ofChecks: checks.compactMap(\.check.id), on: req.db)
        }
        let (name, place) = try await GateController.heading(principal, req)
        let model = PC02Print.Model(unitName: name, place: place, period: period, checks: checks, actions: actions)
        let response = GateController.html(PC02Print.render(model, lang: req.pageLanguage))
        if !period.isValid { response.status = .unprocessableEntity }
        return response
    }

    @Sendable func fireBook(req: Request) async throws -> Response {
        let principal = try Self.reader(req)
        let unitID = try printUnit(principal)
        let (name, place) = try await GateController.heading(principal, req)
        let model = FireEquipmentBookPrint.Model(
            unitName: name,
            place: place,
            today: VietnamTime.day(of: req.application.clock.now()),
            lines: try await UpkeepQueries.fireBook(of: unitID, on: req.db)
        )
        return GateController.html(FireEquipmentBookPrint.render(model, lang: req.pageLanguage))
    }

    /// Kept (`KeptPages`), as the duty oversight: read afresh after any write, and each minute.
    @Sendable func oversight(req: Request) async throws -> Response {
        let principal = try req.principal(allowedTo: .oversee)
        let page = try req.pageParameter()
        return try await req.keptPage { _ in
            let now = req.application.clock.now()
            let model = UpkeepOversightPage.Model(
                page: try await EquipmentOversight.page(page, in: principal.scope, on: req.db),
                today: VietnamTime.day(of: now),
                outTooLong: try await CustodyQueries.overdueByUnit(in: principal.scope, now: now, on: req.db)
            )
            return .init(title: req.pageLanguage("Tình hình bảo quản phương tiện", "Equipment upkeep oversight")) {
                UpkeepOversightPage.render(model, $0)
            }
        }
    }
}
