import AnToanCore

/// What the base layout needs to know about the request: language, account, form token, flash.
struct PageContext: Sendable {
    var lang: Language
    var principal: Principal?
    var csrf: String
    var flash: Flash?
    var path: String
    /// The last event this node had handed out when the request came in: a live page's script resumes after it,
    /// so that nothing committed after the page's data was read is missed (nil before the first live client).
    var eventsAfter: Int64? = nil
}

/// A one-time message shown on the next page after a redirect.
struct Flash: Sendable, Equatable {
    enum Kind: String, Sendable {
        case success
        case error
    }

    var kind: Kind
    var message: String
}

/// A navigation entry shown only to roles that may use it.
struct NavItem: Sendable {
    var url: SiteURL
    var vi: String
    var en: String
    var action: Action?

    static let all: [NavItem] = [
        NavItem(url: .home, vi: "Tổng quan", en: "Overview", action: .viewDashboard),
        NavItem(url: .units, vi: "Đơn vị", en: "Units", action: .viewOrganisation),
        NavItem(url: .staff, vi: "Cán bộ", en: "Staff", action: .viewOrganisation),
        NavItem(url: .areas, vi: "Địa bàn", en: "Areas", action: .viewOrganisation),
        NavItem(url: .bodies, vi: "Cơ quan quản lý", en: "Supervising bodies", action: .viewOrganisation),
        NavItem(url: .importData, vi: "Nhập dữ liệu", en: "Import", action: .manageOrganisation),
        NavItem(url: .dutyDesk, vi: "Trực ca", en: "On duty", action: .performDuty),
        NavItem(url: .patrols(.index), vi: "Tuần tra", en: "Patrols", action: .viewPatrols),
        NavItem(url: .incidents, vi: "Vụ việc", en: "Incidents", action: .reportIncident),
        NavItem(url: .gate(.desk), vi: "Cổng — khách", en: "Gate", action: .registerVisitors),
        NavItem(url: .gate(.watchlist), vi: "Danh sách theo dõi", en: "Watchlist", action: .manageWatchlist),
        // Anyone of a unit drafts a note for the goods they take out; an authority reads its area's.
        NavItem(url: .gateGoods(.notes), vi: "Hàng ra cổng", en: "Goods out", action: .viewDashboard),
        NavItem(url: .equipment(.list), vi: "Vũ khí, CCHT, PCCC", en: "Equipment", action: .viewEquipment),
        NavItem(
            url: .equipmentUpkeep(.list),
            vi: "Kiểm tra phương tiện",
            en: "Equipment checks",
            action: .checkEquipment
        ),
        NavItem(url: .tips(.list), vi: "Tin báo", en: "Tips", action: .handleIncidents),
        NavItem(url: .tips(.notes), vi: "Tình hình đáng chú ý", en: "Situation notes", action: .reportIncident),
        NavItem(url: .dutyOversight, vi: "Giám sát trực", en: "Duty oversight", action: .oversee),
        NavItem(
            url: .equipmentUpkeep(.oversight),
            vi: "Giám sát phương tiện",
            en: "Equipment oversight",
            action: .oversee
        ),
        NavItem(url: .rosterPages(.index), vi: "Lịch trực", en: "Rosters", action: .manageRosters),
        NavItem(url: .rosterPages(.myShifts), vi: "Lịch trực của tôi", en: "My shifts", action: .viewOwnShifts),
        NavItem(url: .holidays, vi: "Ngày nghỉ lễ", en: "Public holidays", action: .viewRosters),
        NavItem(url: .peakPeriods, vi: "Đợt cao điểm", en: "Peak periods", action: .viewRosters),
        NavItem(url: .users, vi: "Tài khoản", en: "Accounts", action: .viewAccounts),
        NavItem(url: .audit, vi: "Nhật ký thay đổi", en: "Audit trail", action: .viewAuditTrail),
        NavItem(url: .tokens, vi: "Mã API", en: "API tokens", action: .useAPITokens),
        NavItem(url: .admin(.webhooks), vi: "Webhook", en: "Webhooks", action: .manageWebhooks),
        NavItem(url: .admin(.jobs), vi: "Công việc chạy nền", en: "Background jobs", action: .manageJobs),
        NavItem(url: .password, vi: "Đổi mật khẩu", en: "Password", action: nil),
    ]

    static func visible(to principal: Principal) -> [NavItem] {
        all.filter { item in item.action.map(principal.can) ?? true }
    }
}
