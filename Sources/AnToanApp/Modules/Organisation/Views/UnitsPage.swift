import AnToanCore
import Foundation
import Plot

/// The units a reader may see, with their staff counts; an authority drills down from here.
enum UnitsPage {
    struct Row {
        var id: UUID
        var code: String
        var name: String
        var kind: UnitKind
        var areaName: String
        var staff: Int
        var inStandard: Bool
    }

    struct Model {
        var rows: [Row]
        var search: String
        var page: Int
        var pageCount: Int?
        var hasMore: Bool
        /// Unknown on a search page with more pages after it.
        var total: Int?
        var areaOptions: [(value: String, label: String)] = []
        var canAdd = false
        var failed: FormFailure?
    }

    static func view(_ model: Model, _ context: PageContext) -> any Component {
        let lang = context.lang
        return Div {
            H1(lang("Đơn vị", "Units"))
            SearchForm(
                url: .units,
                label: lang("Tìm theo tên (gõ không dấu cũng được)", "Search by name (diacritics optional)"),
                value: model.search,
                lang: lang
            )
            if model.canAdd {
                RegistryForms.newUnit(areas: model.areaOptions, failed: model.failed, context)
            }
            if let total = model.total {
                Paragraph(lang("\(total) đơn vị", "\(total) units")).class("muted")
            } else {
                let shown = model.page * OrganisationQueries.perPage
                Paragraph(lang("Hơn \(shown) đơn vị khớp", "More than \(shown) units match")).class("muted")
            }
            DataTable(headers: [
                lang("Đơn vị", "Unit"), lang("Loại", "Kind"), lang("Địa bàn", "Area"), lang("Cán bộ", "Staff"),
                lang("Tiêu chuẩn An toàn", "An toàn standard"),
            ]) {
                for row in model.rows {
                    El("tr") {
                        TableCell {
                            Link(row.name, url: SiteURL.unit(row.id).path)
                            El("br") {}
                            Span(row.code).class("muted")
                        }
                        TableCell(OrganisationLabels.kind(row.kind, lang))
                        TableCell(row.areaName)
                        TableCell(lang("\(row.staff) cán bộ", "\(row.staff) staff"))
                        TableCell(
                            row.inStandard ? lang("Thuộc diện", "Applies") : lang("Không thuộc diện", "Outside")
                        )
                    }
                }
            }
            if model.rows.isEmpty, !model.search.isEmpty {
                Paragraph(lang("Không có đơn vị nào khớp.", "No unit matches.")).class("muted")
            } else if model.rows.isEmpty {
                Paragraph {
                    Text(lang("Chưa có đơn vị nào. ", "No units yet. "))
                    if model.canAdd {
                        Text(
                            lang(
                                "Thêm đơn vị ở mục “Thêm đơn vị” phía trên hoặc ",
                                "Add one under “Add a unit” above or "
                            )
                        )
                    }
                    Link(lang("nhập từ tệp Excel", "import them from an Excel file"), url: SiteURL.importData.path)
                    Text(".")
                }
                .class("muted")
            }
            Pager(
                page: model.page,
                pageCount: model.pageCount,
                hasMore: model.hasMore,
                base: SiteURL.units.path,
                query: ["q": model.search],
                lang: lang
            )
        }
    }
}

/// Vietnamese and English names of the registry's kinds.
enum OrganisationLabels {
    static func kind(_ kind: UnitKind, _ lang: Language) -> String {
        switch kind {
        case .agency: lang("Cơ quan", "Agency")
        case .enterprise: lang("Doanh nghiệp", "Enterprise")
        case .school: lang("Trường học", "School")
        case .communeCommittee: lang("UBND xã, phường", "Commune committee")
        case .bank: lang("Ngân hàng, kho bạc, quỹ tín dụng", "Bank, treasury, credit fund")
        case .other: lang("Khác", "Other")
        }
    }

    static func force(_ raw: String, _ lang: Language) -> String {
        switch ForceKind(rawValue: raw) {
        case .protection: lang("Lực lượng bảo vệ", "Protection force")
        case .selfDefence: lang("Tự vệ", "Self-defence")
        case .anttTeam: lang("Tổ tự quản ANTT", "Self-managed ANTT team")
        case nil: raw
        }
    }

    static func site(_ raw: String, _ lang: Language) -> String {
        switch SiteKind(rawValue: raw) {
        case .headquarters: lang("Trụ sở", "Headquarters")
        case .building: lang("Tòa nhà", "Building")
        case .gate: lang("Cổng", "Gate")
        case .guardPost: lang("Chốt gác", "Guard post")
        case .checkpoint: lang("Điểm tuần tra", "Patrol checkpoint")
        case nil: raw
        }
    }

    static func system(_ raw: String, _ lang: Language) -> String {
        switch SecuritySystemKind(rawValue: raw) {
        case .camera: lang("Camera", "Cameras")
        case .alarm: lang("Báo động", "Alarm")
        case .accessControl: lang("Kiểm soát ra vào", "Access control")
        case .fireAlarm: lang("Báo cháy", "Fire alarm")
        case nil: raw
        }
    }

    static func status(_ raw: String, _ lang: Language) -> String {
        switch SystemStatus(rawValue: raw) {
        case .working: lang("Hoạt động", "Working")
        case .faulty: lang("Hỏng", "Faulty")
        case .off: lang("Tắt", "Off")
        case nil: raw
        }
    }

    static func flag(_ flag: KeyTargetFlag, _ lang: Language) -> String {
        switch flag {
        case .industrialZone: lang("Khu công nghiệp", "Industrial zone")
        case .foreignInvestment: lang("Vốn đầu tư nước ngoài", "Foreign investment")
        case .foreignWorkers: lang("Có lao động nước ngoài", "Foreign workers")
        case .stateSecrets: lang("Có bí mật nhà nước", "State secrets")
        case .holdsWeapons: lang("Quản lý vũ khí", "Holds weapons")
        case .bankTreasury: lang("Ngân hàng, kho bạc", "Bank or treasury")
        }
    }
}
