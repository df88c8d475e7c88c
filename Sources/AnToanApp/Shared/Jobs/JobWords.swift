/// Jobs in words: their kinds and states as the administrator reads them; a kind not listed shows as it is.
enum JobWords {
    static let kinds: [String: (vi: String, en: String)] = [
        "webhook.deliver": ("Gửi webhook", "Webhook delivery"),
        "incident.escalate": (
            "Chuyển sự việc lên cấp trên khi chưa được xác nhận", "Escalate an unacknowledged incident"
        ),
    ]

    static func kind(_ raw: String, _ lang: Language) -> String {
        kinds[raw].map { lang($0.vi, $0.en) } ?? raw
    }

    static func state(_ state: Job.State, _ lang: Language) -> String {
        switch state {
        case .queued: lang("Đang chờ", "Queued")
        case .running: lang("Đang chạy", "Running")
        case .done: lang("Đã xong", "Done")
        case .failed: lang("Thất bại", "Failed")
        }
    }
}
