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
        var pageCount: Int
        var total: Int
    }

    static func view(_ model: Model, _ context: PageContext) -> any Component {
        let lang = context.lang
        return Div {
            H1(lang("Cán bộ, nhân viên", "Staff"))
            Form(url: SiteURL.staff.path, method: .get) {
                Div {
                    FormField(
                        name: "q",
                        label: lang("Tìm theo họ tên (gõ không dấu cũng được)", "Search by name (diacritics optional)"),
                        value: model.search,
                        required: false,
                        maxLength: 100
                    )
                    Button(lang("Tìm", "Search")).attribute(named: "type", value: "submit").class("secondary")
                }
                .class("filters")
            }
            Paragraph(lang("\(model.total) người", "\(model.total) people")).class("muted")
            Div {
                El("table", ["class": "stack"]) {
                    El("thead") {
                        El("tr") {
                            TableHeaderCell(lang("Họ và tên", "Name"))
                            TableHeaderCell(lang("Chức vụ", "Position"))
                            TableHeaderCell(lang("Đơn vị", "Unit"))
                            TableHeaderCell(lang("Điện thoại", "Phone"))
                        }
                    }
                    El("tbody") {
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
                }
            }
            .class("table-wrap")
            if model.rows.isEmpty {
                Paragraph(lang("Không có ai khớp.", "Nobody matches.")).class("muted")
            }
            Pager(
                page: model.page,
                pageCount: model.pageCount,
                base: SiteURL.staff.path,
                query: ["q": model.search],
                lang: lang
            )
        }
    }
}
