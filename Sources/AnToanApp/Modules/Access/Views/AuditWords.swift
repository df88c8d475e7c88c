import AnToanCore
import Foundation

/// The audit trail's codes in words: actions as verbs, kinds of record and fields by their Vietnamese names
/// (English for a reader who chose English); a code without a word here is shown as it is.
enum AuditWords {
    static func verb(_ action: String, _ lang: Language) -> String {
        switch action {
        case "create": lang("tạo", "created")
        case "update": lang("sửa", "changed")
        case "delete": lang("xoá", "deleted")
        case "reveal": lang("xem đầy đủ", "revealed")
        case "sign_in_failed": lang("đăng nhập không thành công", "failed to sign in")
        case "sign_in_locked": lang("bị khoá đăng nhập", "was locked out of signing in")
        default: action
        }
    }

    static let kinds: [(code: String, vi: String, en: String)] = [
        ("unit", "đơn vị", "unit"), ("staff", "cán bộ", "staff member"), ("user", "tài khoản", "account"),
        ("area", "địa bàn", "area"), ("site", "điểm, khu vực", "site"),
        ("security_system", "hệ thống an ninh", "security system"),
        ("supervising_body", "cơ quan chủ quản", "supervising body"),
        ("force_membership", "lực lượng", "force membership"), ("routing_rule", "quy tắc chuyển", "routing rule"),
        ("duty_setup", "bố trí trực của đơn vị", "duty set-up of unit"), ("roster", "lịch trực", "roster"),
        ("roster_seat", "ca trực", "roster seat"), ("roster_swap", "yêu cầu đổi ca", "swap request"),
        ("shift_feed", "lịch trực cá nhân (iCal)", "personal calendar feed"),
        ("duty_checkin", "lượt nhận ca", "check-in"), ("duty_log_entry", "mục sổ trực", "log book entry"),
        ("duty_handover", "bàn giao ca", "handover"), ("holidays", "ngày nghỉ lễ năm", "holidays of"),
        ("peak_period", "đợt cao điểm", "peak period"), ("api_token", "mã truy cập API", "API token"),
        ("setup_token", "liên kết cài đặt", "set-up link"), ("sign_in", "đăng nhập", "sign-in"),
        ("demo", "dữ liệu mẫu", "demo data"),
        ("job", "công việc chạy nền", "background job"),
        ("webhook_subscription", "đăng ký webhook", "webhook subscription"),
        ("webhook_delivery", "lượt gửi webhook", "webhook delivery"),
        ("equipment_item", "vũ khí, công cụ, phương tiện", "equipment item"),
        ("equipment_permit", "giấy phép vũ khí, công cụ hỗ trợ", "equipment permit"),
        ("equipment_transfer", "lần nhập, cấp phát thiết bị", "equipment receipt or issue"),
        ("equipment_custody", "cấp phát phương tiện", "equipment issue"),
        ("equipment_certificate", "chứng nhận huấn luyện", "training certificate"),
        ("equipment_loss_report", "biên bản mất phương tiện", "equipment loss report"),
        ("equipment_count", "kiểm đếm phương tiện khi giao ca", "handover equipment count"),
        ("equipment_schedule", "lịch bảo quản phương tiện", "equipment upkeep interval"),
        ("equipment_check", "lượt kiểm tra phương tiện", "equipment check"),
        ("equipment_action", "việc khắc phục", "corrective action"),
    ]

    static func kind(_ code: String, _ lang: Language) -> String {
        kinds.first { $0.code == code }.map { lang($0.vi, $0.en) } ?? code
    }

    private static let fields: [String: (vi: String, en: String)] = [
        "name": ("tên", "name"), "code": ("mã", "code"), "full_name": ("họ và tên", "full name"),
        "position": ("chức vụ", "position"), "phone": ("điện thoại", "phone"), "email": ("thư điện tử", "email"),
        "is_leader": ("lãnh đạo", "leader"), "status": ("trạng thái", "status"),
        "identity_number": ("số định danh", "identity number"), "unit_id": ("đơn vị", "unit"),
        "department_id": ("phòng, ban", "department"), "user_id": ("tài khoản", "account"),
        "username": ("tên đăng nhập", "username"), "display_name": ("tên hiển thị", "display name"),
        "role": ("vai trò", "role"), "scope_kind": ("phạm vi", "scope"), "area_path": ("địa bàn", "area"),
        "area_id": ("địa bàn", "area"), "language": ("ngôn ngữ", "language"), "is_active": ("hoạt động", "active"),
        "address": ("địa chỉ", "address"), "kind": ("loại", "kind"), "enterprise_size": ("quy mô", "size"),
        "school_level": ("cấp học", "school level"), "flags": ("mục tiêu trọng điểm", "key-target flags"),
        "head_name": ("thủ trưởng", "head"), "parent_id": ("đơn vị cấp trên", "parent unit"),
        "reports_to_id": ("báo cáo cho", "reports to"), "successor_id": ("đơn vị kế thừa", "successor"),
        "path": ("đường dẫn địa bàn", "area path"), "start_date": ("từ ngày", "from"), "end_date": ("đến ngày", "to"),
        "from": ("từ", "from"), "to": ("đến", "to"), "note": ("ghi chú", "note"), "notes": ("ghi chú", "notes"),
        "text": ("nội dung", "text"), "staff_id": ("cán bộ", "staff member"),
        "from_staff_id": ("người xin", "asked by"),
        "to_staff_id": ("người nhận", "taken by"), "seat_id": ("ca trực", "seat"), "site_id": ("điểm", "site"),
        "roster_id": ("lịch trực", "roster"), "post": ("chốt", "post"), "posts": ("các chốt", "posts"),
        "seats": ("số ca", "seats"), "open_seats": ("chỗ trống", "open seats"), "count": ("số lượng", "count"),
        "revoked": ("thu hồi", "revoked"), "used": ("đã dùng", "used"), "prefix": ("đầu mã", "prefix"),
        "purpose": ("mục đích", "purpose"), "force": ("lực lượng", "force"),
        "certificate_number": ("số giấy chứng nhận", "certificate number"), "valid_from": ("hiệu lực từ", "valid from"),
        "valid_to": ("hiệu lực đến", "valid to"), "approval_required": ("cần trình ký", "approval required"),
        "extra_leaders": ("lãnh đạo tăng cường", "extra leaders"),
        "extra_officers": ("cán bộ tăng cường", "extra officers"), "replaced_by": ("thay bằng", "replaced by"),
        "checked_out_at": ("giờ kết thúc ca", "checked out at"), "received_at": ("giờ nhận", "received at"),
        "locked": ("khoá", "locked"), "due_date": ("hạn", "due date"),
        "last_check": ("kiểm tra gần nhất", "last check"),
        "unit_kind": ("loại đơn vị", "unit kind"), "administrator": ("quản trị", "administrator"),
        "reason": ("lý do", "reason"), "return_reason": ("lý do trả lại", "reason returned"),
        "early_end_reason": ("lý do kết thúc ca sớm", "reason for ending early"),
        "url": ("địa chỉ nhận", "receiver address"), "event_types": ("loại sự kiện", "event types"),
        "active": ("đang dùng", "active"),
    ]

    /// Stored codes of statuses and kinds in Vietnamese, by `entity.field` or by field; English readers get the
    /// code, which is an English word.
    private static let words: [String: [String: String]] = [
        "status": [
            "draft": "bản nháp", "submitted": "đã trình ký", "approved": "đã duyệt", "returned": "bị trả lại",
            "published": "đã công bố", "replaced": "đã thay thế", "pending": "chờ duyệt", "rejected": "từ chối",
            "on_time": "đúng giờ", "late": "muộn", "missing": "chưa nhận ca", "absent": "vắng mặt",
        ],
        "scope_kind": ["everything": "toàn hệ thống", "area": "địa bàn", "unit": "đơn vị"],
        "duty_log_entry.kind": [
            "note": "ghi chép", "open": "việc cần theo dõi", "close": "đóng việc", "correction": "đính chính",
        ],
    ]

    /// Fields a person reads nothing from: an area's path is made of its parent's and its code, both shown.
    static func shown(_ field: String, entity: String) -> Bool {
        !(entity == "area" && field == "path")
    }

    static func field(_ code: String, _ lang: Language) -> String {
        fields[code].map { lang($0.vi, $0.en) } ?? code
    }

    /// "true" as "có", nothing as "(trống)", a kind, size, status or role by its Vietnamese word.
    static func value(_ value: String?, field: String, entity: String, _ lang: Language) -> String {
        switch value {
        case nil, "": return lang("(trống)", "(empty)")
        case "true": return lang("có", "yes")
        case "false": return lang("không", "no")
        case let value?:
            if field == "role", let role = Role(rawValue: value) { return lang(role.nameVi, role.nameEn) }
            if value.hasPrefix("[") || value.hasPrefix("{") { return structured(value, lang) }
            if value.count == 10, let day = SolarDate(iso: value) { return day.dmy }
            guard lang == .vi else { return value }
            if let word = (words["\(entity).\(field)"] ?? words[field])?[value] { return word }
            guard let vocabulary = vocabulary(field, entity) else { return value }
            return value.split(separator: ",").map { ImportVocabulary.label(String($0), in: vocabulary) }
                .joined(separator: ", ")
        }
    }

    /// A set-up stored as JSON (a unit's posts): the names it holds, or how many items, never the JSON itself.
    private static func structured(_ json: String, _ lang: Language) -> String {
        guard let items = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [Any] else {
            return lang("(chi tiết)", "(details)")
        }
        let names = items.compactMap { ($0 as? [String: Any])?["name"] as? String }
        return names.count == items.count && !names.isEmpty
            ? names.joined(separator: ", ") : lang("\(items.count) mục", "\(items.count) items")
    }

    private static func vocabulary(_ field: String, _ entity: String) -> String? {
        switch (field, entity) {
        case ("kind", "unit"), ("unit_kind", _): "UnitKind"
        case ("kind", "area"): "AreaKind"
        case ("status", "staff"): "StaffStatus"
        case ("enterprise_size", _): "EnterpriseSize"
        case ("school_level", _): "SchoolLevel"
        case ("flags", "unit"): "KeyTargetFlag"
        default: nil
        }
    }

    /// "Nguyễn Văn A sửa đơn vị Sở Tư pháp".
    static func sentence(_ story: AuditQueries.Story, _ lang: Language) -> String {
        let actor = story.actor == "system" ? lang("Hệ thống", "The system") : story.actor
        return [actor, verb(story.action, lang), kind(story.entity, lang), story.record].compactMap { $0 }
            .joined(separator: " ")
    }

    /// "điện thoại: 0241… → 0243…"; a created record's fields without the arrow.
    static func change(
        _ change: (field: String, old: String?, new: String?),
        action: String,
        entity: String,
        _ lang: Language
    ) -> String {
        let label = field(change.field, lang)
        let old = value(change.old, field: change.field, entity: entity, lang)
        let new = value(change.new, field: change.field, entity: entity, lang)
        switch action {
        case "create": return "\(label): \(new)"
        case "delete": return "\(label): \(old)"
        default: return "\(label): \(old) → \(new)"
        }
    }
}
