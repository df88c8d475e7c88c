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
        /// The seat is the signed-in person's own: the page answers their wish to swap it, one way or another.
        var isHolder: Bool
        /// Why this seat cannot be swapped at all, when it cannot (it started, is checked in, is already asked…).
        var swapBlocked: String?
        var people: [(value: String, label: String)]
        /// Only the colleagues who could take the seat, and only the seats that could be taken in return: the
        /// swap rule's choices (`RosterSwaps.Rule`), so that the form offers nothing the service would refuse.
        var colleagues: [(value: String, label: String)]
        var otherSeats: [(value: String, label: String)]
        /// Whom to call when the seat cannot be swapped.
        var help: Help
        var form: String?
        var values: [String: String] = [:]
        var errors = FieldChecker()

        var canSwap: Bool { isHolder && swapBlocked == nil && !(colleagues.isEmpty && otherSeats.isEmpty) }
    }

    /// The leader on duty now, or else the unit's own number.
    struct Help {
        var leader: String?
        var leaderPhone: String?
        var unitPhone: String?
    }

    static func view(_ model: Model, _ context: PageContext) -> any Component {
        let lang = context.lang
        return Div {
            H1(model.title)
            if let form = model.form {
                ErrorSummary(errors: model.errors, labels: labels(form, lang), lang: lang)
            }
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
            } else if model.isHolder {
                noSwap(model, lang)
            }
        }
    }

    private static func labels(_ form: String, _ lang: Language) -> [String: String] {
        form == "edit"
            ? ["staff_id": lang("Người trực", "Person")]
            : [
                "seat_id": lang("Ca trực", "Shift"),
                "other_seat_id": lang("Đổi lấy ca của đồng nghiệp", "Swap for a colleague's shift"),
                "to_staff_id": lang("Nhường cho", "Give it to"), "note": lang("Lý do", "Reason"),
            ]
    }

    /// No form that could only be refused: why the seat cannot be swapped, and whom to call instead.
    private static func noSwap(_ model: Model, _ lang: Language) -> any Component {
        Div {
            H2(lang("Xin đổi ca", "Ask to swap"))
            Paragraph(
                model.swapBlocked.map { lang("Không đổi được ca này: ", "This shift cannot be swapped: ") + $0 + "." }
                    ?? lang(
                        "Không có đồng nghiệp nào nhận được ca này hay đổi ca với bạn mà vẫn đúng quy định (trùng giờ, "
                            + "thời gian nghỉ giữa hai ca, vai trò lãnh đạo hoặc cán bộ, nghỉ phép).",
                        "No colleague can take this shift or trade with you within the rules (overlapping shifts, "
                            + "rest between shifts, leader or officer role, leave)."
                    )
            )
            Paragraph {
                if let leader = model.help.leader {
                    Text(
                        lang(
                            "Nếu bạn không thể trực, hãy gọi lãnh đạo trực ",
                            "If you cannot stand it, call the leader on duty, "
                        )
                    )
                    El("strong") { Text(leader) }
                    if let phone = model.help.leaderPhone {
                        Text(": ")
                        Link(phone, url: "tel:" + phone.filter { $0.isNumber || $0 == "+" }).class("tel")
                    }
                    Text(lang(" để được bố trí người thay.", " to arrange a replacement."))
                } else {
                    Text(
                        lang(
                            "Nếu bạn không thể trực, hãy báo cán bộ phụ trách ANTT của đơn vị để được bố trí người thay",
                            "If you cannot stand it, tell your unit's security officer, who can put someone else in"
                        )
                    )
                    if let phone = model.help.unitPhone {
                        Text(lang(", điện thoại đơn vị: ", ", unit phone: "))
                        Link(phone, url: "tel:" + phone.filter { $0.isNumber || $0 == "+" }).class("tel")
                    }
                    Text(".")
                }
            }
        }
        .class("card")
        .id("seat_id")
    }

    private static func swapForm(_ model: Model, _ context: PageContext) -> any Component {
        let lang = context.lang
        return PostForm(url: .rosterPages(.swap(model.seatID)), csrf: context.csrf, class: "card") {
            H2(lang("Xin đổi ca hoặc nhường ca", "Ask to swap or give away this shift"))
            Paragraph(
                lang(
                    "Chỉ liệt kê những ca và những người đổi được mà vẫn đúng quy định trực.",
                    "Only the shifts and people that keep the roster within its rules are listed."
                )
            )
            .class("muted")
            if !model.otherSeats.isEmpty {
                SelectField(
                    name: "other_seat_id",
                    label: lang("Đổi lấy ca của đồng nghiệp", "Swap for a colleague's shift"),
                    options: (model.colleagues.isEmpty
                        ? [] : [("", lang("— Không đổi, chỉ nhường ca —", "— None, give it away —"))])
                        + model.otherSeats,
                    selected: value(model, "swap", "other_seat_id"),
                    error: error(model, "swap", "other_seat_id", lang)
                )
            }
            if !model.colleagues.isEmpty {
                SelectField(
                    name: "to_staff_id",
                    label: model.otherSeats.isEmpty
                        ? lang("Nhường cho", "Give it to") : lang("Hoặc nhường cho", "Or give it to"),
                    options: (model.otherSeats.isEmpty ? [] : [("", "—")]) + model.colleagues,
                    selected: value(model, "swap", "to_staff_id"),
                    error: error(model, "swap", "to_staff_id", lang)
                )
            }
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
