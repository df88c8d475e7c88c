import Plot

/// The audit trail, newest first, filtered by entity, account and dates.
enum AuditPage {
    struct Row {
        var seq: Int
        var at: String
        var actor: String
        var action: String
        var entity: String
        var entityID: String
        var changes: String
    }

    struct Model {
        var rows: [Row]
        var filters: AuditFilters
        var page: Int
        var pageCount: Int
        var errors = FieldChecker()
    }

    static func view(_ model: Model, _ context: PageContext) -> any Component {
        let lang = context.lang
        let filters = model.filters
        return Div {
            H1(lang("Nhật ký thay đổi", "Audit trail"))
            Form(url: SiteURL.audit.path, method: .get) {
                Div {
                    FormField(
                        name: "entity",
                        label: lang("Đối tượng", "Entity"),
                        value: filters.entity ?? "",
                        required: false,
                        maxLength: 64
                    )
                    FormField(
                        name: "actor",
                        label: lang("Người thực hiện", "Actor"),
                        value: filters.actor ?? "",
                        required: false,
                        maxLength: 64
                    )
                    FormField(
                        name: "from",
                        label: lang("Từ ngày (dd/MM/yyyy)", "From (dd/MM/yyyy)"),
                        value: filters.fromText ?? "",
                        error: model.errors.message(for: "from", lang),
                        required: false,
                        maxLength: 10
                    )
                    FormField(
                        name: "to",
                        label: lang("Đến ngày (dd/MM/yyyy)", "To (dd/MM/yyyy)"),
                        value: filters.toText ?? "",
                        error: model.errors.message(for: "to", lang),
                        required: false,
                        maxLength: 10
                    )
                    Button(lang("Lọc", "Filter")).attribute(named: "type", value: "submit").class("secondary")
                }
                .class("filters")
            }
            DataTable(headers: [
                "#", lang("Thời điểm", "When"), lang("Người thực hiện", "Actor"), lang("Thao tác", "Action"),
                lang("Đối tượng", "Entity"), lang("Thay đổi", "Changes"),
            ]) {
                for row in model.rows {
                    El("tr") {
                        TableCell(String(row.seq))
                        TableCell(row.at)
                        TableCell(row.actor)
                        TableCell(row.action)
                        TableCell {
                            Text(row.entity)
                            El("br") {}
                            Span(row.entityID).class("muted")
                        }
                        TableCell { El("code") { Text(row.changes) } }
                    }
                }
            }
            Pager(
                page: model.page,
                pageCount: model.pageCount,
                hasMore: model.page < model.pageCount,
                base: SiteURL.audit.path,
                query: filters.query,
                lang: lang
            )
        }
    }
}
