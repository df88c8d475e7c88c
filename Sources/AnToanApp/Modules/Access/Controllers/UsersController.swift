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
        var area_path: String?
        var password: String?
        var is_active: String?

        var draft: AccountDraft {
            AccountDraft(
                username: username,
                displayName: display_name ?? "",
                role: role,
                unitID: unit_id?.isEmpty == true ? nil : unit_id,
                areaPath: area_path?.isEmpty == true ? nil : area_path,
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
        let model = UsersPage.Model(
            rows: result.items.compactMap { user in
                user.id.map {
                    UsersPage.Row(
                        id: $0,
                        username: user.username,
                        displayName: user.displayName,
                        role: user.roleValue,
                        scope: HomePage.describe(user.scope, lang),
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
        do {
            let user = try await Accounts.create(form.draft, by: principal, on: req)
            let lang = req.pageLanguage
            return req.redirect(
                to: .user(try user.requireID()),
                flash: Flash(kind: .success, message: lang("Đã tạo tài khoản.", "The account was created."))
            )
        } catch AppError.invalidFields(let errors) {
            return rerender(form: form, id: nil, errors: errors, req: req)
        }
    }

    @Sendable func edit(req: Request) async throws -> Response {
        let principal = try req.principal(allowedTo: .manageAccounts)
        let user = try await UserQueries.find(try req.idParameter(), in: principal.scope, on: req.db)
        let model = UserFormPage.Model(
            id: user.id,
            username: user.username,
            displayName: user.displayName,
            role: user.role,
            unitID: user.unitID?.uuidString.lowercased() ?? "",
            areaPath: user.areaPath ?? "",
            isActive: user.isActive
        )
        return req.page(req.pageLanguage("Sửa tài khoản", "Edit account")) { UserFormPage.view(model, $0) }
    }

    @Sendable func update(req: Request) async throws -> Response {
        let principal = try req.principal(allowedTo: .manageAccounts)
        let user = try await UserQueries.find(try req.idParameter(), in: principal.scope, on: req.db)
        var form = try req.content.decode(Form.self)
        form.username = nil
        form.password = nil
        do {
            try await Accounts.update(user, with: form.draft, by: principal, on: req)
        } catch AppError.invalidFields(let errors) {
            form.username = user.username
            return rerender(form: form, id: user.id, errors: errors, req: req)
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
            let form = Form(
                username: user.username,
                display_name: user.displayName,
                role: user.role,
                unit_id: user.unitID?.uuidString,
                area_path: user.areaPath,
                is_active: user.isActive ? "true" : "false"
            )
            return rerender(form: form, id: user.id, errors: errors, req: req)
        }
        return req.redirect(
            to: .user(try user.requireID()),
            flash: Flash(kind: .success, message: lang("Đã đặt lại mật khẩu.", "The password was reset."))
        )
    }

    private func rerender(form: Form, id: UUID?, errors: [FieldError], req: Request) -> Response {
        let checker = FieldChecker(errors)
        let model = UserFormPage.Model(
            id: id,
            username: form.username ?? "",
            displayName: form.display_name ?? "",
            role: form.role ?? Role.unitSecurityOfficer.rawValue,
            unitID: form.unit_id ?? "",
            areaPath: form.area_path ?? "",
            isActive: form.is_active != "false",
            errors: checker
        )
        return req.page(req.pageLanguage("Tài khoản", "Account"), status: .unprocessableEntity) {
            UserFormPage.view(model, $0)
        }
    }
}
