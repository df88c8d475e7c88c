import AnToanCore
import Foundation
import Plot

/// A unit's rosters, newest first, and the form that generates a draft.
enum RostersPage {
    struct Row {
        var id: UUID
        var start: SolarDate?
        var end: SolarDate?
        var status: String
        var hardViolations: Int
        var openSeats: Int
    }

    struct Model {
        var unitID: UUID
        var unitName: String
        var rows: [Row]
        var canGenerate: Bool
        var values: [String: String] = [:]
        var errors = FieldChecker()
        /// Who may be linked to whom; nil for readers who may not link.
        var accounts: AccountLinks?
    }

    /// The unit's staff and accounts, and the links made so far.
    struct AccountLinks {
        var staff: [(value: String, label: String)]
        var users: [(value: String, label: String)]
        var linked: [String]
    }

    static func view(_ model: Model, _ context: PageContext) -> any Component {
        let lang = context.lang
        return Div {
            H1(lang("Lịch trực", "Rosters") + " — " + model.unitName)
            Paragraph {
                Link(model.unitName, url: SiteURL.unit(model.unitID).path)
                Text(" · ")
                Link(
                    lang("Chốt trực và ca trực", "Duty posts and shifts"),
                    url: SiteURL.rosterPages(.setup(model.unitID)).path
                )
            }
            if model.canGenerate {
                generateForm(model, context)
            }
            if let accounts = model.accounts {
                accountForm(model, accounts, context)
            }
            if model.rows.isEmpty {
                Paragraph(
                    model.canGenerate
                        ? lang(
                            "Chưa có lịch trực nào. Chọn ngày bắt đầu và số ngày ở biểu mẫu dưới đây rồi bấm lập lịch.",
                            "No rosters yet. Choose the first day and the number of days in the form below to make one."
                        )
                        : lang(
                            "Chưa có lịch trực nào. Cán bộ phụ trách ANTT của đơn vị lập lịch trực.",
                            "No rosters yet. The unit's security officer makes them."
                        )
                )
                .class("muted")
            } else {
                DataTable(headers: [
                    lang("Thời gian", "Period"), lang("Trạng thái", "Status"), lang("Vi phạm", "Violations"),
                    lang("Chỗ trống", "Open seats"),
                ]) {
                    for row in model.rows {
                        El("tr") {
                            TableCell {
                                Link(
                                    "\(row.start?.dmy ?? "") – \(row.end?.dmy ?? "")",
                                    url: SiteURL.rosterPages(.roster(row.id)).path
                                )
                            }
                            TableCell(RosterGrid.statusName(row.status, lang))
                            TableCell(String(row.hardViolations))
                            TableCell(String(row.openSeats))
                        }
                    }
                }
            }
        }
    }

    private static func generateForm(_ model: Model, _ context: PageContext) -> any Component {
        let lang = context.lang
        let labels = [
            "posts": lang("Chốt trực", "Duty posts"), "start_date": lang("Từ ngày", "From"),
            "days": lang("Số ngày", "Days"), "seed": lang("Số khởi tạo", "Seed"),
        ]
        // The page's other form (linking accounts) keeps its errors beside its own fields.
        let errors = FieldChecker(model.errors.errors.filter { labels[$0.field] != nil })
        let summary = ErrorSummary(errors: errors, labels: labels, lang: lang)
        return PostForm(url: .rosterPages(.list(model.unitID)), csrf: context.csrf, class: "card", summary: summary) {
            H2(lang("Lập lịch trực mới (bản nháp)", "Generate a roster (draft)"))
            if let error = model.errors.message(for: "posts", lang) {
                Paragraph(error).class("field-error").id("posts")
            }
            FormField(
                name: "start_date",
                label: lang("Từ ngày (dd/MM/yyyy)", "From (dd/MM/yyyy)"),
                value: model.values["start_date"] ?? "",
                error: model.errors.message(for: "start_date", lang),
                maxLength: 10
            )
            FormField(
                name: "days",
                label: lang("Số ngày (tối đa 62)", "Days (at most 62)"),
                type: .number,
                value: model.values["days"] ?? "31",
                error: model.errors.message(for: "days", lang),
                maxLength: 2
            )
            FormField(
                name: "seed",
                label: lang("Số khởi tạo (đổi số để có phương án khác)", "Seed (change it for another solution)"),
                type: .number,
                value: model.values["seed"] ?? "1",
                error: model.errors.message(for: "seed", lang),
                required: false,
                maxLength: 9
            )
            Button(lang("Lập lịch", "Generate")).attribute(named: "type", value: "submit")
        }
    }

    /// Links an account to a staff record, so that its holder sees and swaps their own shifts.
    private static func accountForm(_ model: Model, _ accounts: AccountLinks, _ context: PageContext) -> any Component {
        let lang = context.lang
        return El("details", model.errors.message(for: "user_id", lang) == nil ? [:] : ["open": "open"]) {
            El("summary") { Text(lang("Gắn tài khoản với cán bộ", "Link accounts to staff")) }
            PostForm(url: .rosterPages(.accounts(model.unitID)), csrf: context.csrf, class: "card") {
                if !accounts.linked.isEmpty { List(accounts.linked) }
                SelectField(
                    name: "staff_id",
                    label: lang("Cán bộ", "Staff member"),
                    options: accounts.staff,
                    selected: model.values["staff_id"] ?? "",
                    error: model.errors.message(for: "staff_id", lang)
                )
                SelectField(
                    name: "user_id",
                    label: lang("Tài khoản", "Account"),
                    options: [("", lang("— Bỏ gắn —", "— Unlink —"))] + accounts.users,
                    selected: model.values["user_id"] ?? "",
                    error: model.errors.message(for: "user_id", lang)
                )
                Button(lang("Gắn tài khoản", "Link")).attribute(named: "type", value: "submit")
            }
        }
    }
}
