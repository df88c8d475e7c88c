import AnToanCore
import Foundation
import Plot

/// The staff a unit names to approve its goods release notes, with the form to name one more and a button to take
/// one off; an administrator picks the unit first.
enum ApproversPage {
    struct Model {
        var unitID: UUID?
        var unitName: String
        /// The units an administrator or authority picks from (value, name), when none is chosen.
        var units: [(String, String)]
        var approvers: [(ReleaseApprover, StaffMember)]
        var candidates: [StaffMember]
        /// The account picks the unit (it has none of its own): the unit's id goes with each form.
        var chooses: Bool
        var failed: FormFailure?
    }

    static let formName = "approver"

    static func view(_ model: Model, _ context: PageContext) -> any Component {
        let lang = context.lang
        return Div {
            H1(lang("Người duyệt phiếu xuất hàng", "Release note approvers"))
            Paragraph(
                lang(
                    "Hàng mang ra khỏi đơn vị cần phiếu do một người trong danh sách này duyệt. Người duyệt cần có tài "
                        + "khoản gắn với hồ sơ cán bộ; người lập phiếu không tự duyệt phiếu của mình.",
                    "Goods leaving the unit need a note approved by someone on this list. An approver needs an account "
                        + "linked to their staff record; nobody approves their own note."
                )
            )
            .class("muted")
            if let unitID = model.unitID {
                Paragraph(model.unitName).class("muted")
                list(model, unitID: unitID, context)
                addForm(model, unitID: unitID, context)
            } else {
                Form(url: SiteURL.gateGoods(.approvers).path, method: .get) {
                    SelectField(name: "unit", label: lang("Đơn vị", "Unit"), options: model.units, selected: "")
                    Button(lang("Xem", "Show")).attribute(named: "type", value: "submit")
                }
                .class("card")
            }
            Div {
                Link(lang("Về phiếu xuất hàng", "Back to the release notes"), url: SiteURL.gateGoods(.notes).path)
            }
            .class("filters")
        }
    }

    private static func list(_ model: Model, unitID: UUID, _ context: PageContext) -> any Component {
        let lang = context.lang
        return Div {
            if model.approvers.isEmpty {
                Paragraph(
                    lang(
                        "Đơn vị chưa có người duyệt: chưa phiếu nào được duyệt.",
                        "The unit names no approver yet: no note can be approved."
                    )
                )
                .class("overstay")
            } else {
                DataTable(headers: [
                    lang("Họ và tên", "Name"), lang("Chức vụ", "Position"), lang("Tài khoản", "Account"), "",
                ]) {
                    for (row, member) in model.approvers {
                        El("tr") {
                            TableCell(member.fullName).attribute(named: "data-label", value: lang("Họ và tên", "Name"))
                            TableCell(member.position).attribute(
                                named: "data-label",
                                value: lang("Chức vụ", "Position")
                            )
                            TableCell(
                                member.userID == nil
                                    ? lang("Chưa có tài khoản: chưa duyệt được", "No account: cannot approve yet")
                                    : lang("Có", "Yes")
                            )
                            .attribute(named: "data-label", value: lang("Tài khoản", "Account"))
                            TableCell {
                                PostForm(
                                    url: .gateGoods(.approverRemove(row.id ?? .placeholder)),
                                    csrf: context.csrf,
                                    class: "inline"
                                ) {
                                    if model.chooses {
                                        Input(type: .hidden, name: "unit_id", value: unitID.uuidString.lowercased())
                                    }
                                    Button(lang("Bỏ", "Remove")).attribute(named: "type", value: "submit")
                                        .class("secondary")
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    private static func addForm(_ model: Model, unitID: UUID, _ context: PageContext) -> any Component {
        let lang = context.lang
        let form = NamedForm(name: formName, failed: model.failed, context: context)
        let options = model.candidates.map { member in
            (
                member.id?.uuidString.lowercased() ?? "",
                member.position.isEmpty ? member.fullName : "\(member.fullName) — \(member.position)"
            )
        }
        guard !options.isEmpty else {
            return Paragraph(
                lang(
                    "Không còn cán bộ nào của đơn vị để thêm (thêm cán bộ ở trang đơn vị).",
                    "No more staff of the unit to add (add staff on the unit's page)."
                )
            )
            .class("muted")
        }
        return form.section(lang("Thêm người duyệt", "Add an approver"), url: .gateGoods(.approvers), open: true) {
            if model.chooses { Input(type: .hidden, name: "unit_id", value: unitID.uuidString.lowercased()) }
            form.select("staff_id", lang("Cán bộ", "Staff member"), options, initial: options[0].0)
        }
    }
}
