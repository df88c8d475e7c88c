import Foundation
import Plot
import Vapor

/// The one error path: every error becomes a page or a JSON body with its real status.
struct AppErrorMiddleware: AsyncMiddleware {
    /// What a query value carries unescaped (RFC 3986's unreserved characters).
    static let unreserved = CharacterSet(
        charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~"
    )

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch {
            let response = try await render(error, for: request)
            if case AppError.rateLimited(let seconds) = error {
                response.headers.replaceOrAdd(name: .retryAfter, value: String(max(1, seconds)))
            }
            return response
        }
    }

    private func render(_ error: any Error, for request: Request) async throws -> Response {
        let isAPI = request.url.path.hasPrefix("/api/")
        let failure = Failure(error)
        if failure.status.code >= 500 {
            request.logger.report(error: error)
        }
        if isAPI {
            return failure.jsonResponse(request.apiLanguage)
        }
        if case AppError.notSignedIn = error {
            // A page asked for while signed out opens again after signing in (`next`, checked there).
            let path = request.url.string
            guard request.method == .GET, path != SiteURL.home.path,
                let next = path.addingPercentEncoding(withAllowedCharacters: Self.unreserved)
            else { return request.redirect(to: .login) }
            return request.redirect(to: SiteURL.login.path + "?next=" + next, redirectType: .normal)
        }
        return request.page(failure.title(request.pageLanguage), status: failure.status) { context in
            H1(failure.title(context.lang))
            Paragraph(failure.message(context.lang))
            Paragraph {
                Link(context.lang("Về trang chủ", "Back to the home page"), url: SiteURL.home.path)
            }
        }
    }
}

/// Any error seen as a status, a code, a message in both languages and the fields at fault.
struct Failure {
    var status: HTTPResponseStatus
    var code: String
    var message: (Language) -> String
    var fields: [FieldError] = []

    init(_ error: any Error) {
        switch error {
        case let error as AppError:
            status = error.status
            code = error.code
            message = error.message
            if case .invalidFields(let fields) = error { self.fields = fields }
        case let error as DecodingError:
            let field = FieldError.from(error)
            status = field.field == "body" ? .badRequest : .unprocessableEntity
            code = "invalid_fields"
            message = { lang in AppError.invalidFields([field]).message(lang) }
            fields = [field]
        case let error as any AbortError:
            status = error.status
            code = Failure.code(for: error.status)
            message = { lang in Failure.message(for: error.status, lang) }
        default:
            status = .internalServerError
            code = "internal_error"
            message = { lang in
                lang("Đã có lỗi ở máy chủ. Hãy thử lại sau.", "Something went wrong on the server. Try again later.")
            }
        }
    }

    func title(_ lang: Language) -> String {
        switch status {
        case .notFound: lang("Không tìm thấy trang", "Page not found")
        case .forbidden: lang("Không có quyền", "Not allowed")
        case .unprocessableEntity, .badRequest: lang("Dữ liệu chưa hợp lệ", "Invalid input")
        case .tooManyRequests: lang("Tạm khoá", "Temporarily locked")
        default: lang("Lỗi \(status.code)", "Error \(status.code)")
        }
    }

    static func code(for status: HTTPResponseStatus) -> String {
        switch status {
        case .notFound: "not_found"
        case .payloadTooLarge: "payload_too_large"
        case .unsupportedMediaType: "unsupported_media_type"
        case .methodNotAllowed: "method_not_allowed"
        case .unauthorized: "not_signed_in"
        case .forbidden: "forbidden"
        default: status.code < 500 ? "bad_request" : "internal_error"
        }
    }

    static func message(for status: HTTPResponseStatus, _ lang: Language) -> String {
        switch status {
        case .notFound: lang("Trang hoặc dữ liệu bạn tìm không có.", "The page or record you asked for does not exist.")
        case .payloadTooLarge:
            lang("Nội dung gửi lên quá lớn (tối đa 1 MB).", "The request body is too large (1 MB at most).")
        case .unsupportedMediaType: lang("Kiểu nội dung không được hỗ trợ.", "The content type is not supported.")
        case .methodNotAllowed: lang("Phương thức không được hỗ trợ.", "The method is not allowed here.")
        default: lang("Yêu cầu không hợp lệ (\(status.code)).", "The request is not valid (\(status.code)).")
        }
    }

    func jsonResponse(_ lang: Language) -> Response {
        let body = APIErrorBody(
            error: .init(
                code: code,
                message: message(lang),
                fields: fields.map { .init(field: $0.field, message: $0.message(lang)) }
            )
        )
        let response = Response(status: status)
        try? response.content.encode(body, as: .json)
        return response
    }
}

/// `{"error":{"code","message","fields"}}` — the only error shape of the API.
struct APIErrorBody: Content {
    struct Detail: Codable {
        var code: String
        var message: String
        var fields: [FieldDetail]
    }

    struct FieldDetail: Codable {
        var field: String
        var message: String
    }

    var error: Detail
}

extension FieldError {
    static func from(_ error: DecodingError) -> FieldError {
        func name(_ path: [any CodingKey]) -> String {
            // The API speaks snake_case; decoded keys arrive in camelCase.
            path.map { key in
                key.intValue.map(String.init)
                    ?? key.stringValue.reduce(into: "") { name, character in
                        name += character.isUppercase ? "_" + character.lowercased() : String(character)
                    }
            }
            .joined(separator: ".")
        }
        switch error {
        case .keyNotFound(let key, let context):
            return FieldError(field: name(context.codingPath + [key]), reason: .required)
        case .valueNotFound(_, let context):
            return FieldError(field: name(context.codingPath), reason: .required)
        case .typeMismatch(let type, let context):
            return FieldError(field: name(context.codingPath), reason: .wrongType(expected: "\(type)".lowercased()))
        case .dataCorrupted(let context):
            return FieldError(
                field: name(context.codingPath).isEmpty ? "body" : name(context.codingPath),
                reason: .invalid(vi: "không đọc được", en: "could not be read")
            )
        @unknown default:
            return FieldError(field: "body", reason: .invalid(vi: "không đọc được", en: "could not be read"))
        }
    }
}
