import AnToanCore
import Fluent
import Vapor

/// Signing in and out, the first-run setup, the language switch and the home page.
struct SessionController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.route(.home), use: home)
        routes.get(SiteURL.route(.login), use: loginForm)
        routes.post(SiteURL.route(.login), use: login)
        routes.post(SiteURL.route(.logout), use: logout)
        routes.post(SiteURL.route(.language), use: language)
        routes.get(SiteURL.route(.setup(token: "")), use: setupForm)
        routes.post(SiteURL.route(.setup(token: "")), use: setup)
        routes.get(SiteURL.route(.password), use: passwordForm)
        routes.post(SiteURL.route(.password), use: changePassword)
    }

    /// Home: who is signed in (by their staff record's name when they have one) and what they may do.
    @Sendable func home(req: Request) async throws -> Response {
        let principal = try req.principal()
        let lang = req.pageLanguage
        var cards: [HomeCard] = []
        for source in req.application.homeCards {
            if let card = try await source(req, principal) { cards.append(card) }
        }
        let model = HomePage.Model(
            displayName: try await UserQueries.greetingName(of: principal, on: req.db),
            role: principal.role,
            scope: try await ScopeChoices.names(of: [principal.scope], lang, on: req.db).first ?? "",
            cards: cards
        )
        return req.page(lang("Tổng quan", "Overview")) { HomePage.view(model, $0) }
    }

    @Sendable func loginForm(req: Request) async throws -> Response {
        let next = Self.returnPath(req.query[String.self, at: "next"])
        if req.auth.has(Principal.self) { return req.redirect(to: next ?? SiteURL.home.path, redirectType: .normal) }
        let firstRun = try await UserQueries.noAccountYet(on: req.db)
        return req.page(req.pageLanguage("Đăng nhập", "Sign in")) {
            LoginPage.view(.init(firstRun: firstRun, next: next), $0)
        }
    }

    /// Where to go after signing in: only a path of this site ("/units/…/duty"), never another site
    /// ("//evil.example", "https://…", "/\\evil.example") nor anything with a space or control character.
    static func returnPath(_ next: String?) -> String? {
        guard let next, next.hasPrefix("/"), !next.hasPrefix("//"), next.count <= 2_000,
            next.unicodeScalars.allSatisfy({ $0.isASCII && $0.value > 0x20 && $0.value != 0x7F && $0 != "\\" })
        else { return nil }
        return next
    }

    /// Sign-in: throttled per account and address; a wrong password re-shows the form with 401.
    @Sendable func login(req: Request) async throws -> Response {
        struct Form: Decodable {
            var username: String?
            var password: String?
            var next: String?
        }
        let form = try req.content.decode(Form.self)
        let username = String((form.username ?? "").trimmingCharacters(in: .whitespaces).prefix(64))
        let next = Self.returnPath(form.next)
        do {
            let user = try await SignIn.verify(username: username, password: form.password ?? "", on: req)
            let token = try await SignIn.openSession(for: user, on: req)
            let response = req.redirect(to: next ?? SiteURL.home.path, redirectType: .normal)
            response.cookies[AuthMiddleware.sessionCookie] = SignIn.sessionCookie(token, on: req)
            return response
        } catch let error as AppError {
            let lang = req.pageLanguage
            return req.page(lang("Đăng nhập", "Sign in"), status: error.status) {
                LoginPage.view(.init(username: username, error: error.message(lang), next: next), $0)
            }
        }
    }

    @Sendable func logout(req: Request) async throws -> Response {
        if let sessionID = req.auth.get(Principal.self)?.sessionID {
            try await SignIn.closeSession(sessionID, app: req.application)
        }
        let response = req.redirect(to: .login)
        response.cookies[AuthMiddleware.sessionCookie] = .expired
        return response
    }

    /// Switches the language, remembered on the account when signed in and in a cookie otherwise.
    @Sendable func language(req: Request) async throws -> Response {
        struct Form: Decodable { var lang: String? }
        guard let lang = try req.content.decode(Form.self).lang.flatMap(Language.init(rawValue:)) else {
            throw AppError.invalidFields([
                FieldError(field: "lang", reason: .invalid(vi: "chỉ nhận vi hoặc en", en: "must be vi or en"))
            ])
        }
        if let principal = req.auth.get(Principal.self),
            let user = try await UserQueries.signedIn(principal, on: req.db),
            user.language != lang.rawValue
        {
            let before = user.auditSnapshot
            user.language = lang.rawValue
            try await Accounts.save(user, before: before, by: principal.auditActor, passwordChanged: false, on: req)
        }
        // Go back where the switch was pressed, but only to a path of this site.
        let referer = req.headers.first(name: .referer).flatMap(URI.init(string:))?.path ?? "/"
        let response = req.redirect(
            to: referer.hasPrefix("/") && !referer.hasPrefix("//") ? referer : "/",
            redirectType: .normal
        )
        req.rememberLanguage(lang, on: response)
        return response
    }

    @Sendable func setupForm(req: Request) async throws -> Response {
        let token = req.parameters.get("token") ?? ""
        _ = try await FirstRun.validToken(token, on: req)
        return req.page(req.pageLanguage("Thiết lập", "Setup")) { SetupPage.view(.init(token: token), $0) }
    }

    /// Creates the first administrator from the one-time link and signs them in.
    @Sendable func setup(req: Request) async throws -> Response {
        struct Form: Decodable {
            var username: String?
            var display_name: String?
            var password: String?
            var password_confirm: String?
        }
        let token = req.parameters.get("token") ?? ""
        _ = try await FirstRun.validToken(token, on: req)
        let form = try req.content.decode(Form.self)
        let draft = AccountDraft(
            username: form.username ?? "",
            displayName: form.display_name,
            role: Role.administrator.rawValue,
            password: form.password ?? ""
        )
        let admin: User
        do {
            if PasswordPolicy.check(form.password ?? "", confirmation: form.password_confirm ?? "") == .mismatch {
                throw AppError.invalidFields([
                    FieldError(
                        field: "password_confirm",
                        reason: .invalid(vi: "không khớp với mật khẩu", en: "does not match the password")
                    )
                ])
            }
            admin = try await FirstRun.complete(token: token, with: draft, on: req)
        } catch AppError.invalidFields(let errors) {
            let checker = FieldChecker(errors)
            let model = SetupPage.Model(
                token: token,
                username: form.username ?? "",
                displayName: form.display_name ?? "",
                errors: checker
            )
            return req.page(req.pageLanguage("Thiết lập", "Setup"), status: .unprocessableEntity) {
                SetupPage.view(model, $0)
            }
        }
        let session = try await SignIn.openSession(for: admin, on: req)
        let lang = req.pageLanguage
        let response = req.redirect(
            to: .home,
            flash: Flash(
                kind: .success,
                message: lang(
                    "Đã tạo quản trị viên và đăng nhập. Bước tiếp theo: thêm địa bàn và đơn vị.",
                    "The administrator was created and is signed in. Next: add areas and units."
                )
            )
        )
        response.cookies[AuthMiddleware.sessionCookie] = SignIn.sessionCookie(session, on: req)
        return response
    }

    @Sendable func passwordForm(req: Request) async throws -> Response {
        _ = try req.principal()
        return req.page(req.pageLanguage("Đổi mật khẩu", "Change password")) { PasswordPage.view(FieldChecker(), $0) }
    }

    /// Changes one's own password after checking the current one; other sessions are closed.
    @Sendable func changePassword(req: Request) async throws -> Response {
        struct Form: Decodable {
            var current_password: String?
            var password: String?
            var password_confirm: String?
        }
        let principal = try req.principal()
        let form = try req.content.decode(Form.self)
        guard let user = try await UserQueries.signedIn(principal, on: req.db) else { throw AppError.notSignedIn }
        var checker = FieldChecker()
        if !(try await req.password.async.verify(form.current_password ?? "", created: user.passwordHash)) {
            checker.add("current_password", .invalid(vi: "không đúng", en: "is not right"))
        }
        switch PasswordPolicy.check(form.password ?? "", confirmation: form.password_confirm ?? "") {
        case .tooShort: checker.add("password", .tooShort(min: PasswordPolicy.minimumLength))
        case .tooLong: checker.add("password", .tooLong(max: PasswordPolicy.maximumLength))
        case .mismatch:
            checker.add(
                "password_confirm",
                .invalid(vi: "không khớp với mật khẩu mới", en: "does not match the new password")
            )
        case nil: break
        }
        let lang = req.pageLanguage
        guard checker.errors.isEmpty, let password = form.password else {
            return req.page(lang("Đổi mật khẩu", "Change password"), status: .unprocessableEntity) {
                PasswordPage.view(checker, $0)
            }
        }
        try await Accounts.changeOwnPassword(user, to: password, by: principal, on: req)
        return req.redirect(
            to: .home,
            flash: Flash(kind: .success, message: lang("Đã đổi mật khẩu.", "Your password was changed."))
        )
    }
}
