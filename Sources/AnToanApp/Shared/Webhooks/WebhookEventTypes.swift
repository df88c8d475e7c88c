/// The event types a webhook may subscribe to, with their names in words. A module that publishes a new type
/// adds it here (by its raw value, so that this list depends on no module).
enum WebhookEventTypes {
    static let all: [(type: EventType, vi: String, en: String)] = [
        (EventType(rawValue: "incident.reported"), "Sự việc được báo cáo", "Incident reported"),
        (EventType(rawValue: "incident.acknowledged"), "Sự việc được xác nhận đã nhận", "Incident acknowledged"),
        (EventType(rawValue: "incident.escalated"), "Sự việc được chuyển lên cấp trên", "Incident escalated"),
        (EventType(rawValue: "incident.updated"), "Sự việc được cập nhật", "Incident updated"),
        (EventType(rawValue: "tip.received"), "Nhận tin báo của người dân", "Tip received"),
        (EventType(rawValue: "tip.answered"), "Tin báo được xử lý", "Tip answered"),
        (EventType(rawValue: "situation_note.written"), "Ghi nhận tình hình mới", "Situation note written"),
        (
            EventType(rawValue: "notification.created"), "Thông báo gửi đến một tài khoản",
            "Notification sent to an account"
        ),
    ]

    static func isKnown(_ raw: String) -> Bool { all.contains { $0.type.rawValue == raw } }

    /// The type's name in `lang`, or its raw value when it is not listed.
    static func name(_ raw: String, _ lang: Language) -> String {
        guard let entry = all.first(where: { $0.type.rawValue == raw }) else { return raw }
        return lang(entry.vi, entry.en)
    }
}
