import AnToanCore
import Foundation
import Plot

/// The watchlist a reader keeps (its unit's, or its area's) and the entries of the authorities over it: whom to
/// hold, by number or by name and date of birth, and why.
enum WatchlistPage {
    struct Model {
        var entries: [WatchEntry]
        /// Whose list a new entry goes on, in words; nil: this reader adds none (an administrator).
        var addsTo: String?
        var ownUnit: UUID?
        var unitNames: [UUID: String]
        var failed: FormFailure?
    }

    static let formName = "watch"

    static func view(_ model: Model, _ context: PageContext) -> any Component {
        let lang = context.lang
        let form = NamedForm(name: formName, failed: model.failed, context: context)
        return Div {
            H1(lang("Danh sách theo dõi tại cổng", "Gate watchlist"))
            Paragraph(
                lang(
                    "Khách trùng số giấy tờ, hoặc trùng họ tên cùng ngày sinh, bị giữ tại cổng; cán bộ an ninh và bảo vệ "
                        + "trực được báo ngay. Lễ tân chỉ thấy “Giữ khách và báo cán bộ an ninh”, không thấy lý do.",
                    "A visitor with the same document number, or the same name and date of birth, is held at the gate; "
                        + "the security officer and the guards are alerted at once. The receptionist sees only "
                        + "“hold and call”, never the reason."
                )
            )
            .class("muted")
            if let addsTo = model.addsTo {
                form.section(
                    lang("Thêm vào danh sách — ", "Add to the list — ") + addsTo,
                    url: .gate(.watchlist),
                    open: true
                ) {
                    form.text("full_name", lang("Họ và tên", "Full name"), required: false, max: GateLimits.name)
                    form.text("document_number", lang("Số giấy tờ", "Document number"), required: false, max: 20)
                    form.text(
                        "birth_date",
                        lang("Ngày sinh (dd/MM/yyyy)", "Date of birth (dd/MM/yyyy)"),
                        required: false,
                        max: 10
                    )
                    form.text("reason", lang("Lý do theo dõi", "Reason"), max: GateLimits.reason)
                }
            }
            if model.entries.isEmpty {
                Paragraph(lang("Danh sách trống.", "The list is empty.")).class("muted")
            } else {
                DataTable(
                    headers: [
                        lang("Người", "Person"), lang("Lý do", "Reason"), lang("Danh sách", "List"),
                        lang("Thêm bởi", "Added by"), "",
                    ]
                ) {
                    for entry in model.entries { row(entry, model, context) }
                }
            }
        }
    }

    private static func row(_ entry: WatchEntry, _ model: Model, _ context: PageContext) -> any Component {
        let lang = context.lang
        let person = [
            entry.fullName, entry.documentNumber ?? "", entry.birthDate.flatMap { SolarDate(iso: $0)?.dmy } ?? "",
        ]
        .filter { !$0.isEmpty }.joined(separator: " — ")
        let list = entry.unitID.map { model.unitNames[$0] ?? "" } ?? lang("Cơ quan quản lý địa bàn", "Area authority")
        let mine = model.ownUnit == nil || entry.unitID == model.ownUnit
        return El("tr") {
            TableCell(person).attribute(named: "data-label", value: lang("Người", "Person"))
            TableCell(entry.reason).attribute(named: "data-label", value: lang("Lý do", "Reason"))
            TableCell(list).attribute(named: "data-label", value: lang("Danh sách", "List"))
            TableCell(entry.createdByName + ", " + VietnamTime.date(entry.createdAt))
                .attribute(named: "data-label", value: lang("Thêm bởi", "Added by"))
            TableCell {
                if mine {
                    PostForm(url: .gate(.watchRemove(entry.id ?? .placeholder)), csrf: context.csrf, class: "inline") {
                        Button(lang("Bỏ khỏi danh sách", "Remove")).attribute(named: "type", value: "submit")
                            .class("secondary")
                    }
                }
            }
        }
    }
}
