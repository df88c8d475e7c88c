import Vapor

/// The errors the app raises on purpose; each knows its status, code and message in both languages.
enum AppError: Error {
    case notSignedIn
    case forbidden
    case notFound
    case csrfFailed
    case invalidFields([FieldError])
    case badRequest(vi: String, en: String)
    case unsupportedMediaType
    case loginFailed
    case locked(minutes: Int)
    case setupLinkInvalid
    case tooLarge(megabytes: Int)
    /// A signed-out visitor's form past its small cap.
    case formTooLarge(kilobytes: Int)
    /// Too many sends from one client address (a tip flood): try again in `seconds` (the `Retry-After` header).
    case rateLimited(seconds: Int)
}

extension AppError {
    var status: HTTPResponseStatus {
        switch self {
        case .notSignedIn, .loginFailed: .unauthorized
        case .forbidden, .csrfFailed: .forbidden
        case .notFound, .setupLinkInvalid: .notFound
        case .invalidFields: .unprocessableEntity
        case .badRequest: .badRequest
        case .unsupportedMediaType: .unsupportedMediaType
        case .locked, .rateLimited: .tooManyRequests
        case .tooLarge, .formTooLarge: .payloadTooLarge
        }
    }

    var code: String {
        switch self {
        case .notSignedIn: "not_signed_in"
        case .forbidden: "forbidden"
        case .notFound: "not_found"
        case .csrfFailed: "csrf_failed"
        case .invalidFields: "invalid_fields"
        case .badRequest: "bad_request"
        case .unsupportedMediaType: "unsupported_media_type"
        case .loginFailed: "login_failed"
        case .locked: "locked"
        case .setupLinkInvalid: "setup_link_invalid"
        case .tooLarge, .formTooLarge: "payload_too_large"
        case .rateLimited: "rate_limited"
        }
    }

    func message(_ lang: Language) -> String {
        switch self {
        case .notSignedIn: lang("Bạn cần đăng nhập.", "You need to sign in.")
        case .forbidden: lang("Bạn không có quyền làm việc này.", "You are not allowed to do this.")
        case .notFound: lang("Không tìm thấy trang", "Page not found")
        case .csrfFailed:
            lang(
                "Biểu mẫu đã hết hạn hoặc không hợp lệ. Hãy tải lại trang và gửi lại.",
                "The form has expired or is not valid. Reload the page and send it again."
            )
        case .invalidFields(let fields):
            lang("Dữ liệu chưa hợp lệ: ", "Some fields are not valid: ")
                + fields.map { "\($0.field) \($0.message(lang))" }.joined(separator: "; ")
        case .badRequest(let vi, let en): lang(vi, en)
        case .unsupportedMediaType: lang("Nội dung phải là JSON.", "The body must be JSON.")
        case .loginFailed: lang("Sai tên đăng nhập hoặc mật khẩu.", "Wrong username or password.")
        case .locked(let minutes):
            lang(
                "Đăng nhập sai quá nhiều lần. Hãy thử lại sau \(minutes) phút.",
                "Too many failed sign-ins. Try again in \(minutes) minutes."
            )
        case .setupLinkInvalid:
            lang("Liên kết thiết lập không hợp lệ hoặc đã dùng.", "The setup link is not valid or was already used.")
        case .tooLarge(let megabytes):
            lang(
                "Nội dung gửi lên quá lớn (tối đa \(megabytes) MB).",
                "The upload is too large (\(megabytes) MB at most)."
            )
        case .formTooLarge(let kilobytes):
            lang(
                "Biểu mẫu gửi lên quá lớn (tối đa \(kilobytes) KB khi chưa đăng nhập).",
                "The form is too large (\(kilobytes) KB at most when not signed in)."
            )
        case .rateLimited(let seconds):
            lang(
                "Bạn đã gửi quá nhiều lần trong thời gian ngắn. Hãy thử lại sau \(max(1, (seconds + 59) / 60)) phút. "
                    + "Nếu việc khẩn cấp, hãy gọi ngay Công an (113).",
                "You have sent too many times in a short while. Try again in \(max(1, (seconds + 59) / 60)) minutes. "
                    + "If it is urgent, call the police (113) now."
            )
        }
    }
}
