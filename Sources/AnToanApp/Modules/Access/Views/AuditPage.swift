import Foundation
import Plot

/// The audit trail, newest first, filtered by kind of record, person and dates; each entry read as a sentence
/// ("Nguyễn Văn A sửa đơn vị Sở Tư pháp") with its changed fields before → after.
enum AuditPage {
    struct Model {
        var rows: [AuditQueries.Story]
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
                    SelectField(
                        name: "entity",
                        label: lang("Loại hồ sơ", "Kind of record"),
                        options: [("", lang("Tất cả", "All"))]
                            + AuditWords.kinds.map { ($0.code, lang($0.vi, $0.en)) },
                        selected: filters.entity ?? ""
                    )
                    FormField(
                        name: "actor",
                        label: lang("Người thực hiện (tên)", "By (name)"),
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
            DataTable(headers: ["#", lang("Thời điểm", "When"), lang("Nội dung", "What happened")]) {
                for row in model.rows {
                    El("tr") {
                        TableCell(String(row.seq))
                        TableCell(VietnamTime.dateTime(row.at))
                        TableCell {
                            Paragraph(AuditWords.sentence(row, lang)).class("audit-sentence")
                            let changes = row.changes.filter { AuditWords.shown($0.field, entity: row.entity) }
                            if !changes.isEmpty {
                                List(
                                    changes.map { AuditWords.change($0, action: row.action, entity: row.entity, lang) }
                                )
                                .class("audit-changes")
                            }
                        }
                    }
                }
            }
            .id("audit")
            if model.rows.isEmpty {
                emptyState(filters, lang)
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

    /// What a reader whose filter matched nothing can do: clear it, or widen the dates.
    private static func emptyState(_ filters: AuditFilters, _ lang: Language) -> any Component {
        let filtered = filters.query.values.contains { !$0.isEmpty }
        return Paragraph {
            if filtered {
                Text(lang("Không có mục nào khớp bộ lọc. ", "No entry matches the filter. "))
                Link(lang("Xoá bộ lọc", "Clear the filter"), url: SiteURL.audit.path)
                Text(
                    lang(
                        " để xem toàn bộ nhật ký, hoặc chọn khoảng ngày rộng hơn.",
                        " to see the whole trail, or choose a wider range of days."
                    )
                )
            } else {
                Text(lang("Nhật ký chưa có mục nào.", "The trail has no entries yet."))
            }
        }
        .class("muted")
        .id("audit-empty")
    }
}
