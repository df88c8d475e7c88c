import Foundation
import Plot

/// Staff a reader may see, searched without diacritics; identity numbers stay masked here.
enum StaffPage {
    struct Row {
        var name: String
        var position: String
        var unitName: String
        var unitID: UUID
        var phone: String
        var isLeader: Bool
    }

    struct Model {
        var rows: [Row]
        var search: String
        var page: Int
        var pageCount: Int?
        var hasMore: Bool
        /// Unknown on a search page with more pages after it.
        var total: Int?
    }

    static func view(_ model: Model, _ context: PageContext) -> any Component {
        let lang = context.lang
        return Div {
            H1(lang("Cán bộ, nhân viên", "Staff"))
            SearchForm(
                url: .staff,
                label: lang("Tìm theo họ tên (gõ không dấu cũng được)", "Search by name (diacritics optional)"),
                value: model.search,
                lang: lang
            )
            if let total = model.total {
                Paragraph(lang("\(total) người", "\(total) people")).class("muted")
            } else {
                let shown = model.page * OrganisationQueries.perPage
                Paragraph(lang("Hơn \(shown) người khớp", "More than \(shown) people match")).class("muted")
            }
            DataTable(headers: [
                lang("Họ và tên", "Name"), lang("Chức vụ", "Position"), lang("Đơn vị", "Unit"),
                lang("Điện thoại", "Phone"),
            ]) {
                for row in model.rows {
                    El("tr") {
                        TableCell {
                            Text(row.name)
                            if row.isLeader { Span(lang(" (lãnh đạo)", " (leader)")).class("muted") }
                        }
                        TableCell(row.position)
                        TableCell { Link(row.unitName, url: SiteURL.unit(row.unitID).path) }
                        TableCell { Link(row.phone, url: "tel:\(row.phone)") }
                    }
                }
            }
            if model.rows.isEmpty, !model.search.isEmpty {
                Paragraph(lang("Không có ai khớp.", "Nobody matches.")).class("muted")
            } else if model.rows.isEmpty {
                Paragraph {
                    Text(lang("Chưa có cán bộ nào. Thêm cán bộ ở trang của từng ", "No staff yet. Add them on each "))
                    Link(lang("đơn vị", "unit's page"), url: SiteURL.units.path)
                    Text(lang(" hoặc ", " or "))
                    Link(lang("nhập từ tệp Excel", "import them from an Excel file"), url: SiteURL.importData.path)
                    Text(".")
                }
                .class("muted")
            }
            Pager(
                page: model.page,
                pageCount: model.pageCount,
                hasMore: model.hasMore,
                base: SiteURL.staff.path,
                query: ["q": model.search],
                lang: lang
            )
        }
    }
}
