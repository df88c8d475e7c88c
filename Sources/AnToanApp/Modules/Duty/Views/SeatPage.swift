import AnToanCore
import Foundation
import Plot

/// One seat of a roster: a manager puts another person in it; its holder asks to swap it or give it away.
enum SeatPage {
    struct Model {
        var seatID: UUID
        var rosterID: UUID
        var title: String
        var holder: String
        var role: String
        var canEdit: Bool
        var canSwap: Bool
        var people: [(value: String, label: String)]
        var colleagues: [(value: String, label: String)]
        var otherSeats: [(value: String, label: String)]
        var form: String?
        var values: [String: String] = [:]
        var errors = FieldChecker()
    }

    static func view(_ model: Model, _ context: PageContext) -> any Component {
        let lang = context.lang
        return Div {
            H1(model.title)
            Paragraph {
                Text("\(RosterGrid.roleName(model.role, lang)): ")
                El("strong") { Text(model.holder) }
            }
            Paragraph {
                Link(lang("Về lịch trực", "Back to the roster"), url: SiteURL.rosterPages(.roster(model.rosterID)).path)
            }
            if model.canEdit {
                PostForm(url: .rosterPages(.seat(model.seatID)), csrf: context.csrf, class: "card") {
                    H2(lang("Đổi người trực", "Put another person here"))
                    SelectField(
                        name: "staff_id",
                        label: lang("Người trực", "Person"),
                        options: model.people,
                        selected: value(model, "edit", "staff_id"),
                        error: error(model, "edit", "staff_id", lang)
                    )
                    Button(lang("Lưu", "Save")).attribute(named: "type", value: "submit")
                }
            }
            if model.canSwap {
                swapForm(model, context)
            }
        }
    }

    private static func swapForm(_ model: Model, _ context: PageContext) -> any Component {
        let lang = context.lang
        return PostForm(url: .rosterPages(.swap(model.seatID)), csrf: context.csrf, class: "card") {
            H2(lang("Xin đổi ca hoặc nhường ca", "Ask to swap or give away this shift"))
            if let error = error(model, "swap", "seat_id", lang) {
                Paragraph(error).class("field-error").attribute(named: "role", value: "alert")
            }
            SelectField(
                name: "other_seat_id",
                label: lang("Đổi lấy ca của đồng nghiệp", "Swap for a colleague's shift"),
                options: [("", lang("— Không đổi, chỉ nhường ca —", "— None, give it away —"))] + model.otherSeats,
                selected: value(model, "swap", "other_seat_id"),
                error: error(model, "swap", "other_seat_id", lang)
            )
            SelectField(
                name: "to_staff_id",
                label: lang("Hoặc nhường cho", "Or give it to"),
                options: [("", "—")] + model.colleagues,
                selected: value(model, "swap", "to_staff_id"),
                error: error(model, "swap", "to_staff_id", lang)
            )
            FormField(
                name: "note",
                label: lang("Lý do", "Reason"),
                value: value(model, "swap", "note"),
                error: error(model, "swap", "note", lang),
                required: false,
                maxLength: 300
            )
            Button(lang("Gửi yêu cầu", "Send the request")).attribute(named: "type", value: "submit")
        }
    }

    private static func value(_ model: Model, _ form: String, _ field: String) -> String {
        model.form == form ? model.values[field] ?? "" : ""
    }

    private static func error(_ model: Model, _ form: String, _ field: String, _ lang: Language) -> String? {
        model.form == form ? model.errors.message(for: field, lang) : nil
    }
}
