import AnToanCore
import Fluent
import Vapor

/// Account administration pages: list, create, edit, reset a password.
struct UsersController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.route(.users), use: index)
        routes.get(SiteURL.route(.userNew), use: newForm)
        routes.post(SiteURL.route(.userNew), use: create)
        routes.get(SiteURL.route(.user(.placeholder)), use: edit)
        routes.post(SiteURL.route(.user(.placeholder)), use: update)
        routes.post(SiteURL.route(.userResetPassword(.placeholder)), use: resetPassword)
    }

    /// Form fields of the account form, as posted.
    struct Form: Decodable {
        var username: String?
        var display_name: String?
        var role: String?
        var unit_id: String?
        var area_id: String?
        var password: String?
        var is_active: String?
        /// A unit's or area's name to look for; with `find` set, the form comes back with the matches.
        var scope_q: String?
        var find: String?

        var draft: AccountDraft {
            AccountDraft(
                username: username,
                displayName: display_name ?? "",
                role: role,
                unitID: unit_id?.isEmpty == true ? nil : unit_id,
                areaID: area_id?.isEmpty == true ? nil : area_id,
                password: password,
                isActive: is_active.map { $0 == "true" }
            )
        }
    }

    @Sendable func index(req: Request) async throws -> Response {
        let principal = try req.principal(allowedTo: .viewAccounts)
        let search = try? req.query.get(String.self, at: "q")
        let page = (try? req.query.get(Int.self, at: "page")) ?? 1
        let result = try await UserQueries.list(
            in: principal.scope,
            search: search.map { String($0.prefix(100)) },
            page: page,
            on: req.db
        )
        let lang = req.pageLanguage
        let scopes = try await ScopeChoices.names(of: result.items.map(\.scope), lang, on: req.db)
        let model = UsersPage.Model(
            rows: zip(result.items, scopes).compactMap { user, scope in
                user.id.map {
                    UsersPage.Row(
                        id: $0,
                        username: user.username,
                        displayName: user.displayName,
                        role: user.roleValue,
                        scope: scope,
                        isActive: user.isActive
                    )
                }
            },
            search: search ?? "",
            page: result.metadata.page,
            pageCount: result.metadata.pageCount,
            canCreate: principal.can(.manageAccounts)
        )
        return req.page(lang("Tài khoản", "Accounts")) { UsersPage.view(model, $0) }
    }

    @Sendable func newForm(req: Request) async throws -> Response {
        _ = try req.principal(allowedTo: .manageAccounts)
        return req.page(req.pageLanguage("Tạo tài khoản", "New account")) { UserFormPage.view(.init(), $0) }
    }

    @Sendable func create(req: Request) async throws -> Response {
        let principal = try req.principal(allowedTo: .manageAccounts)
        let form = try req.content.decode(Form.self)
        if form.find != nil { return try await rerender(form: form, id: nil, errors: [], req: req, status: .ok) }
        do {
            let user = try await Accounts.create(form.draft, by: principal, on: req)
            let lang = req.pageLanguage
            return req.redirect(
                to: .user(try user.requireID()),
                flash: Flash(kind: .success, message: lang("Đã tạo tài khoản.", "The account was created."))
            )
        } catch AppError.invalidFields(let errors) {
            return try await rerender(form: form, id: nil, errors: errors, req: req)
        }
    }

    @Sendable func edit(req: Request) async throws -> Response {
        let principal = try req.principal(allowedTo: .manageAccounts)
        let user = try await UserQueries.find(try req.idParameter(), in: principal.scope, on: req.db)
        var model = UserFormPage.Model(
            id: user.id,
            username: user.username,
            displayName: user.displayName,
            role: user.role,
            isActive: user.isActive
        )
        switch user.scope {
        case .everything: break
        case .area(let path):
            if let area = try await ScopeChoices.area(at: path.value, on: req.db) {
                model.areas = [area]
                model.areaID = area.id
            }
        case .unit(let unit, _):
            if let choice = try await ScopeChoices.unit(unit, in: principal.scope, on: req.db) {
                model.units = [choice]
                model.unitID = choice.id
            }
        }
        return req.page(req.pageLanguage("Sửa tài khoản", "Edit account")) { UserFormPage.view(model, $0) }
    }

    @Sendable func update(req: Request) async throws -> Response {
        let principal = try req.principal(allowedTo: .manageAccounts)
        let user = try await UserQueries.find(try req.idParameter(), in: principal.scope, on: req.db)
        var form = try req.content.decode(Form.self)
        form.username = nil
        form.password = nil
        if form.find != nil {
            form.username = user.username
            return try await rerender(form: form, id: user.id, errors: [], req: req, status: .ok)
        }
        do {
            try await Accounts.update(user, with: form.draft, by: principal, on: req)
        } catch AppError.invalidFields(let errors) {
            form.username = user.username
            return try await rerender(form: form, id: user.id, errors: errors, req: req)
        }
        let lang = req.pageLanguage
        return req.redirect(
            to: .user(try user.requireID()),
            flash: Flash(kind: .success, message: lang("Đã lưu.", "Saved."))
        )
    }

    @Sendable func resetPassword(req: Request) async throws -> Response {
        struct PasswordForm: Decodable { var password: String? }
        let principal = try req.principal(allowedTo: .manageAccounts)
        let user = try await UserQueries.find(try req.idParameter(), in: principal.scope, on: req.db)
        let password = try req.content.decode(PasswordForm.self).password ?? ""
        let lang = req.pageLanguage
        do {
            try await Accounts.update(user, with: AccountDraft(password: password), by: principal, on: req)
        } catch AppError.invalidFields(let errors) {
            let area =
                if case .area(let path) = user.scope { try await ScopeChoices.area(at: path.value, on: req.db) } else {
                    ScopeChoices.Choice?.none
                }
            let form = Form(
                username: user.username,
                display_name: user.displayName,
                role: user.role,
                unit_id: user.unitID?.uuidString,
                area_id: area?.id.uuidString,
                is_active: user.isActive ? "true" : "false"
            )
            return try await rerender(form: form, id: user.id, errors: errors, req: req)
        }
        return req.redirect(
            to: .user(try user.requireID()),
            flash: Flash(kind: .success, message: lang("Đã đặt lại mật khẩu.", "The password was reset."))
        )
    }

    /// The form again, as posted, with the units and areas that match its search and the chosen ones first:
    /// 422 with the errors beside their fields, or 200 after a search.
    private func rerender(
        form: Form,
        id: UUID?,
        errors: [FieldError],
        req: Request,
        status: HTTPStatus = .unprocessableEntity
    ) async throws -> Response {
        let scope = try req.principal(allowedTo: .manageAccounts).scope
        let search = String((form.scope_q ?? "").trimmingCharacters(in: .whitespaces).prefix(100))
        var units = try await ScopeChoices.units(matching: search, in: scope, on: req.db)
        var areas = try await ScopeChoices.areas(matching: search, in: scope, on: req.db)
        let unitID = form.unit_id.flatMap(UUID.init(uuidString:))
        let areaID = form.area_id.flatMap(UUID.init(uuidString:))
        if let unitID, !units.contains(where: { $0.id == unitID }),
            let chosen = try await ScopeChoices.unit(unitID, in: scope, on: req.db)
        {
            units.insert(chosen, at: 0)
        }
        if let areaID, !areas.contains(where: { $0.id == areaID }),
            let path = try await ScopeChoices.areaPath(areaID, in: scope, on: req.db),
            let chosen = try await ScopeChoices.area(at: path.value, on: req.db)
        {
            areas.insert(chosen, at: 0)
        }
        let model = UserFormPage.Model(
            id: id,
            username: form.username ?? "",
            displayName: form.display_name ?? "",
            role: form.role ?? Role.unitSecurityOfficer.rawValue,
            search: search,
            units: units,
            areas: areas,
            unitID: unitID,
            areaID: areaID,
            isActive: form.is_active != "false",
            errors: FieldChecker(errors)
        )
        return req.page(req.pageLanguage("Tài khoản", "Account"), status: status) {
            UserFormPage.view(model, $0)
        }
    }
}
