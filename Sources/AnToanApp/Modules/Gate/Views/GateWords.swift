import AnToanCore
import Foundation

/// The gate's words: what a receptionist is told of a held visitor, document kinds, a visit's state.
enum GateWords {
    /// All a receptionist learns of a watchlist match: hold the visitor and call the security officer.
    static func holdAndCall(_ lang: Language) -> String {
        lang("Giữ khách và báo cán bộ an ninh", "Hold the visitor and call the security officer")
    }

    static func document(_ type: DocumentType, _ lang: Language) -> String { lang(type.nameVi, type.nameEn) }

    /// "CCCD 079085001234", or nothing once purged.
    static func paper(_ visit: Visit, _ lang: Language) -> String {
        visit.purgedAt != nil ? "" : "\(document(visit.documentTypeValue, lang)): \(visit.documentNumber)"
    }

    static func name(_ visit: Visit, _ lang: Language) -> String {
        visit.purgedAt != nil
            ? lang("(đã xóa theo thời hạn lưu)", "(erased after the retention period)") : visit.fullName
    }

    /// Inside, overstaying, held, or out at HH:mm.
    static func state(_ visit: Visit, now: Date, _ lang: Language) -> String {
        if let out = visit.checkedOutAt { return lang("Đã ra lúc ", "Out at ") + VietnamTime.dateTime(out) }
        if visit.held { return holdAndCall(lang) }
        if visit.overstays(at: now) {
            let minutes = Int(now.timeIntervalSince(visit.checkedInAt) / 60) - visit.expectedMinutes
            return lang("Quá giờ \(minutes) phút", "\(minutes) minutes over time")
        }
        return lang("Đang ở trong", "Inside")
    }

    static func read(_ what: String, _ lang: Language) -> String {
        guard let kind = VisitorData.ReadKind(rawValue: what) else { return what }
        return lang(kind.nameVi, kind.nameEn)
    }
}
