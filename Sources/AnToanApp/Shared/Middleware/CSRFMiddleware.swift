import Vapor

/// Gives every visitor a random nonce in the `antoan_csrf` cookie. It sits outside the error middleware,
/// so that error pages (which carry the language form) set the cookie too.
struct CSRFCookieMiddleware: AsyncMiddleware {
    static let cookie = "antoan_csrf"

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        // The API authenticates with bearer tokens and renders no forms: no nonce to make.
        if request.isAPIPath { return try await next.respond(to: request) }
        let existing = request.cookies[Self.cookie].map(\.string).flatMap { $0.count == 43 ? $0 : nil }
        request.storage[CSRFNonceKey.self] = existing ?? SecretToken.generate()
        request.storage[CSRFCookieSentKey.self] = existing != nil
        let response = try await next.respond(to: request)
        if existing == nil, let nonce = request.storage[CSRFNonceKey.self] {
            response.cookies[Self.cookie] = HTTPCookies.Value(
                string: nonce,
                path: "/",
                isSecure: request.application.appConfig.usesSecureCookies,
                isHTTPOnly: true,
                sameSite: .lax
            )
        }
        return response
    }
}

/// Double-submit protection for forms: every form posts the HMAC of the cookie's nonce under the app's
/// secret as `_csrf`, which a page on another site can neither read nor forge. The API authenticates with
/// bearer tokens only (`AuthMiddleware` ignores the session cookie there), which browsers never send by
/// themselves, so it is exempt.
struct CSRFCheckMiddleware: AsyncMiddleware {
    static let field = "_csrf"
    /// What a signed-out visitor may post (sign-in, first-run setup, the language switch): their forms are small.
    static let anonymousMaxBytes = 64 * 1024
    /// Forms anyone may post with photos: a tip and the sender's answer.
    static let photoForms: Set<String> = [SiteURL.tips(.submit).path, SiteURL.tips(.answer).path]

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard ![.GET, .HEAD, .OPTIONS].contains(request.method) else { return try await next.respond(to: request) }
        let signedIn = request.auth.has(Principal.self)
        // A form's token travels in the body, and a browser's upload arrives in pieces: gather it first. Only a
        // signed-in account may send a file; nobody signed out is read past the small cap, on a page or the API
        // (where a signed-in request's body is left to its route, which may stream it).
        if !request.isAPIPath || !signedIn {
            // The public forms that carry photos (a citizen's tip) take the photos' cap, signed in or not.
            let photos = Self.photoForms.contains(request.url.path)
            let max =
                photos
                ? PhotoUpload.maxFormBytes
                : signedIn ? SpreadsheetLimits.maxBytes + ImportUpload.formOverhead : Self.anonymousMaxBytes
            do {
                _ = try await ImportUpload.collect(request, max: max)
            } catch is ImportUpload.TooLarge {
                throw photos
                    ? AppError.tooLarge(megabytes: PhotoUpload.maxFormBytes / 1_048_576)
                    : signedIn
                        ? AppError.tooLarge(megabytes: SpreadsheetLimits.maxBytes / 1_048_576)
                        : AppError.formTooLarge(kilobytes: Self.anonymousMaxBytes / 1024)
            }
        }
        if !request.isAPIPath {
            let sent = try? request.content.get(String.self, at: Self.field)
            guard request.storage[CSRFCookieSentKey.self] == true, let sent, sent == request.csrfToken else {
                throw AppError.csrfFailed
            }
        }
        return try await next.respond(to: request)
    }
}

private struct CSRFNonceKey: StorageKey {
    typealias Value = String
}

private struct CSRFCookieSentKey: StorageKey {
    typealias Value = Bool
}

extension Request {
    /// `/api/…`: bearer tokens only, no session cookie, no CSRF token.
    var isAPIPath: Bool { url.path.hasPrefix("/api/") }

    /// The value every form of this page must post back as `_csrf`.
    var csrfToken: String {
        SecretToken.hmac(storage[CSRFNonceKey.self] ?? "", secret: application.secret)
    }
}
