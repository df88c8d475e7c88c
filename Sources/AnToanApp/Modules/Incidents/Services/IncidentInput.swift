import AnToanCore
import Foundation

/// An incident report as a form, the API or another module (a tip or a situation note turned into an incident)
/// gives it: raw values, checked by `IncidentService.report`.
struct IncidentInput: Sendable {
    var unitID: UUID
    var kind: String?
    var severity: String?
    /// A site of the unit; or `place`, in words.
    var siteID: UUID?
    var place: String?
    /// nil: now.
    var occurredAt: Date?
    var description: String?
    var peopleInvolved: String?
    var damageVND: Int64?
    /// The reporter keeps the photos' location metadata.
    var keepsLocation: Bool = false
    /// Photos already checked by their bytes (`PhotoUpload.check`), location stripped unless kept.
    var photos: [PhotoUpload] = []
    /// Problems found while reading the form (a photo that is not an image, a time or amount that is not one),
    /// reported with the service's own, all at once.
    var problems: [FieldError] = []
}

/// Limits of an incident's fields.
enum IncidentLimits {
    static let place = 200
    static let description = 4_000
    static let peopleInvolved = 1_000
    static let note = 2_000
    static let reason = 500
    /// Ten thousand billion đồng: far above any damage a unit reports, and far below an overflow.
    static let damageVND: Int64 = 10_000_000_000_000
    /// A reported time may run ahead of the server's clock by this much (the phone's clock, or a slow form).
    static let clockSkew: TimeInterval = 120
}

/// Times as forms and the API give them: ISO 8601 with a zone, or a `datetime-local` / `dd/MM/yyyy HH:mm` value
/// read in Asia/Ho_Chi_Minh.
enum IncidentTime {
    static func parse(_ text: String) -> Date? {
        let text = text.trimmingCharacters(in: .whitespaces)
        if let date = ISO8601DateFormatter().date(from: text) { return date }
        let withFraction = ISO8601DateFormatter()
        withFraction.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = withFraction.date(from: text) { return date }
        for format in ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "dd/MM/yyyy HH:mm", "yyyy-MM-dd HH:mm"] {
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = VietnamTime.zone
            formatter.dateFormat = format
            if let date = formatter.date(from: text) { return date }
        }
        return nil
    }

    /// A `datetime-local` value in Vietnam: "2026-12-04T10:30".
    static func local(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = VietnamTime.zone
        formatter.dateFormat = "yyyy-MM-dd'T'HH:mm"
        return formatter.string(from: date)
    }
}
