import AnToanCore
import Foundation
import Vapor

/// The registry's pages: the list with its filters, an item's page (what its QR label opens), the forms to
/// register and change an item, its status and permits, and the sheet of QR labels.
struct EquipmentController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(EquipmentURL.list.pattern.pathComponents, use: list)
        routes.post(EquipmentURL.list.pattern.pathComponents, use: create)
        routes.get(EquipmentURL.new.pattern.pathComponents, use: new)
        routes.get(EquipmentURL.labels.pattern.pathComponents, use: labels)
        routes.get(EquipmentURL.item(.placeholder).pattern.pathComponents, use: item)
        routes.get(EquipmentURL.edit(.placeholder).pattern.pathComponents, use: edit)
        routes.post(EquipmentURL.edit(.placeholder).pattern.pathComponents, use: update)
        routes.post(EquipmentURL.status(.placeholder).pattern.pathComponents, use: status)
        routes.post(EquipmentURL.permits(.placeholder).pattern.pathComponents, use: addPermit)
        routes.post(EquipmentURL.permitRemove(.placeholder).pattern.pathComponents, use: removePermit)
    }

    // MARK: the list

    /// Kept (`KeptPages`): the page a security officer comes back to most, read afresh after any write.
    @Sendable func list(req: Request) async throws -> Response {
        let principal = try req.principal(allowedTo: .viewEquipment)
        let filter = try Self.filter(req)
        return try await req.keptPage { _ in
            let (items, total) = try await EquipmentQueries.list(filter, in: principal.scope, on: req.db)
            let ownUnit = GateController.ownUnit(principal)
            var unitName = ""
            if let ownUnit {
                unitName = try await OrganisationQueries.unit(ownUnit, in: principal.scope, on: req.db).name
            }
            let model = EquipmentListPage.Model(
                unitName: unitName,
                filter: filter,
                items: items,
                total: total,
                names: try await EquipmentQueries.names(for: items, posts: false, on: req.db),
                showUnit: ownUnit == nil,
                canManage: principal.can(.manageEquipment) && ownUnit != nil
            )
            return .init(title: req.pageLanguage("Vũ khí, công cụ hỗ trợ, phương tiện PCCC", "Equipment")) {
                EquipmentListPage.view(model, $0)
            }
        }
    }

    /// The list's filters from the query string; an unknown category or status is a 422 naming it.
    static func filter(_ req: Request) throws -> EquipmentFilter {
        var checker = FieldChecker()
        var filter = EquipmentFilter()
        filter.category = checker.choice(
            "category",
            req.query[String.self, at: "category"],
            EquipmentCategory.self,
            optional: true
        )
        filter.status = checker.choice(
            "status",
            req.query[String.self, at: "status"],
            EquipmentStatus.self,
            optional: true
        )
        if let unit = req.query[String.self, at: "unit"], !unit.isEmpty {
            filter.unitID = UUID(uuidString: unit)
            if filter.unitID == nil { checker.add("unit", .notFound) }
        }
        if let item = req.query[String.self, at: "item"], !item.isEmpty {
            filter.itemID = UUID(uuidString: item)
            if filter.itemID == nil { checker.add("item", .notFound) }
        }
        filter.search = String((req.query[String.self, at: "q"] ?? "").prefix(100))
        if let page = req.query[String.self, at: "page"], !page.isEmpty {
            guard let number = Int(page), number >= 1, number <= 100_000 else {
                checker.add("page", .invalid(vi: "cần một số từ 1", en: "needs a number from 1"))
                try checker.check()
                return filter
            }
            filter.page = number
        }
        try checker.check()
        return filter
    }

    // MARK: one item

    @Sendable func item(req: Request) async throws -> Response {
        try await renderItem(req, failed: nil)
    }

    private func renderItem(_ req: Request, failed: FormFailure?) async throws -> Response {
        let principal = try req.principal(allowedTo: .viewEquipment)
        let item = try await EquipmentQueries.item(try req.idParameter(), in: principal.scope, on: req.db)
        let model = EquipmentItemPage.Model(
            item: item,
            names: try await EquipmentQueries.names(for: [item], posts: true, on: req.db),
            permits: try await EquipmentQueries.permits(of: try item.requireID(), on: req.db),
            canManage: principal.can(.manageEquipment),
            today: VietnamTime.day(of: req.application.clock.now()),
            custody: try await CustodyQueries.section(item, now: req.application.clock.now(), on: req.db),
            upkeep: try await UpkeepController.section(item, principal: principal, req: req),
            failed: failed
        )
        return req.page(item.displayName, status: failed == nil ? .ok : .unprocessableEntity) {
            EquipmentItemPage.view(model, $0)
        }
    }

    // MARK: register and change

    @Sendable func new(req: Request) async throws -> Response {
        let principal = try req.principal(allowedTo: .manageEquipment)
        let unitID = try Self.unitForNew(req, principal)
        return try await renderForm(req, unitID: unitID, item: nil, failed: nil)
    }

    @Sendable func create(req: Request) async throws -> Response {
        let principal = try req.principal(allowedTo: .manageEquipment)
        let values = req.formValues
        guard let unitID = values["unit_id"].flatMap(UUID.init(uuidString:)) ?? GateController.ownUnit(principal)
        else { throw AppError.notFound }
        do {
            let item = try await EquipmentRegistry.create(
                Self.input(values, unitID: unitID),
                by: principal,
                on: req.application
            )
            let message = req.pageLanguage("Đã ghi \(item.displayName) vào sổ.", "\(item.displayName) registered.")
            return req.redirect(
                to: .equipment(.item(try item.requireID())),
                flash: Flash(kind: .success, message: message)
            )
        } catch AppError.invalidFields(let errors) {
            let failed = FormFailure(form: EquipmentFormPage.formName, errors: errors, values: values)
            return try await renderForm(req, unitID: unitID, item: nil, failed: failed)
        }
    }

    @Sendable func edit(req: Request) async throws -> Response {
        let principal = try req.principal(allowedTo: .manageEquipment)
        let item = try await EquipmentQueries.item(try req.idParameter(), in: principal.scope, on: req.db)
        return try await renderForm(req, unitID: item.unitID, item: item, failed: nil)
    }

    @Sendable func update(req: Request) async throws -> Response {
        let principal = try req.principal(allowedTo: .manageEquipment)
        let item = try await EquipmentQueries.item(try req.idParameter(), in: principal.scope, on: req.db)
        let values = req.formValues
        do {
            let id = try item.requireID()
            let saved = try await EquipmentRegistry.update(
                id,
                Self.input(values, unitID: item.unitID),
                by: principal,
                on: req.application
            )
            let message = req.pageLanguage("Đã lưu \(saved.displayName).", "\(saved.displayName) saved.")
            return req.redirect(to: .equipment(.item(id)), flash: Flash(kind: .success, message: message))
        } catch AppError.invalidFields(let errors) {
            let failed = FormFailure(form: EquipmentFormPage.formName, errors: errors, values: values)
            return try await renderForm(req, unitID: item.unitID, item: item, failed: failed)
        }
    }

    private func renderForm(
        _ req: Request,
        unitID: UUID,
        item: EquipmentItem?,
        failed: FormFailure?
    ) async throws
        -> Response
    {
        let principal = try req.principal(allowedTo: .manageEquipment)
        let unit = try await OrganisationQueries.unit(unitID, in: principal.scope, on: req.db)
        let model = EquipmentFormPage.Model(
            unitID: unitID,
            unitName: unit.name,
            item: item,
            sites: try await OrganisationQueries.sites(of: unitID, on: req.db).compactMap { site in
                site.id.map { ($0.uuidString.lowercased(), site.name) }
            },
            posts: try await RosterQueries.posts(of: unitID, on: req.db).map { ($0.id, $0.name ?? $0.id) },
            failed: failed
        )
        let title =
            item == nil
            ? req.pageLanguage("Ghi thêm vào sổ", "Register an item")
            : req.pageLanguage("Sửa thông tin", "Edit the item")
        return req.page(title, status: failed == nil ? .ok : .unprocessableEntity) { EquipmentFormPage.view(model, $0) }
    }

    /// The unit a new item goes to: one's own, or (an administrator) the `unit` of the address.
    private static func unitForNew(_ req: Request, _ principal: Principal) throws -> UUID {
        if let own = GateController.ownUnit(principal) { return own }
        guard let unit = req.query[String.self, at: "unit"].flatMap(UUID.init(uuidString:)) else {
            throw AppError.badRequest(
                vi: "Chọn đơn vị trước (từ trang của đơn vị).",
                en: "Choose the unit first (from the unit's page)."
            )
        }
        return unit
    }

    /// A submitted item form as the registry's input; a count that is not a whole number is named.
    static func input(_ values: [String: String], unitID: UUID) -> EquipmentInput {
        var problems: [FieldError] = []
        func number(_ field: String) -> Int? {
            guard let text = values[field]?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
            guard let value = Int(text.replacingOccurrences(of: ".", with: "")) else {
                problems.append(
                    FieldError(field: field, reason: .invalid(vi: "cần một số nguyên", en: "needs a whole number"))
                )
                return nil
            }
            return value
        }
        var siteID: UUID?
        if let text = values["site_id"], !text.isEmpty {
            siteID = UUID(uuidString: text)
            if siteID == nil { problems.append(FieldError(field: "site_id", reason: .notFound)) }
        }
        let quantity = number("quantity")
        let minStock = number("min_stock")
        return EquipmentInput(
            unitID: unitID,
            kind: values["kind"],
            label: values["label"],
            brandModel: values["brand_model"],
            serial: values["serial"],
            capacity: values["capacity"],
            owner: values["owner"].nonEmpty,
            siteID: siteID,
            place: values["place"],
            post: values["post"],
            quantity: quantity,
            minStock: minStock,
            measure: values["measure"],
            commissionedOn: values["commissioned_on"],
            notes: values["notes"],
            problems: problems
        )
    }

    // MARK: status and permits

    @Sendable func status(req: Request) async throws -> Response {
        let principal = try req.principal(allowedTo: .manageEquipment)
        let values = req.formValues
        do {
            let item = try await EquipmentRegistry.setStatus(
                try req.idParameter(),
                to: values["status"],
                by: principal,
                on: req.application
            )
            let status = item.statusValue
            let message = req.pageLanguage("Trạng thái: \(status.nameVi).", "Status: \(status.nameEn).")
            return req.redirect(
                to: .equipment(.item(try item.requireID())),
                flash: Flash(kind: .success, message: message)
            )
        } catch AppError.invalidFields(let errors) {
            return try await renderItem(
                req,
                failed: FormFailure(form: EquipmentItemPage.statusForm, errors: errors, values: values)
            )
        }
    }

    @Sendable func addPermit(req: Request) async throws -> Response {
        let principal = try req.principal(allowedTo: .manageEquipment)
        let values = req.formValues
        let input = PermitInput(
            kind: values["kind"],
            number: values["number"],
            issuer: values["issuer"],
            issuedOn: values["issued_on"],
            validUntil: values["valid_until"]
        )
        let id = try req.idParameter()
        do {
            let permit = try await EquipmentRegistry.addPermit(id, input, by: principal, on: req.application)
            let message = req.pageLanguage("Đã ghi giấy phép số \(permit.number).", "Permit \(permit.number) recorded.")
            return req.redirect(to: .equipment(.item(id)), flash: Flash(kind: .success, message: message))
        } catch AppError.invalidFields(let errors) {
            return try await renderItem(
                req,
                failed: FormFailure(form: EquipmentItemPage.permitForm, errors: errors, values: values)
            )
        }
    }

    @Sendable func removePermit(req: Request) async throws -> Response {
        let principal = try req.principal(allowedTo: .manageEquipment)
        let permit = try await EquipmentQueries.permit(try req.idParameter(), in: principal.scope, on: req.db)
        try await EquipmentRegistry.removePermit(try permit.requireID(), by: principal, on: req.application)
        let message = req.pageLanguage("Đã xoá giấy phép số \(permit.number).", "Permit \(permit.number) removed.")
        return req.redirect(to: .equipment(.item(permit.itemID)), flash: Flash(kind: .success, message: message))
    }

    // MARK: labels

    /// The QR labels of the items the list's filters select (one page of them), to print and stick on.
    @Sendable func labels(req: Request) async throws -> Response {
        let principal = try req.principal(allowedTo: .manageEquipment)
        let filter = try Self.filter(req)
        let (items, _) = try await EquipmentQueries.list(filter, in: principal.scope, on: req.db)
        let names = try await EquipmentQueries.names(for: items, posts: false, on: req.db)
        let base = req.application.appConfig.baseURL
        // Encoding a hundred symbols is CPU work: off the event loops.
        let labels = try await req.application.offLoop {
            try EquipmentLabelsPage.labels(items, names: names, base: base)
        }
        return req.page(req.pageLanguage("Tem QR thiết bị", "Equipment labels")) {
            EquipmentLabelsPage.view(labels, $0)
        }
    }
}
