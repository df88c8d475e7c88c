import AnToanCore
import Foundation
import Plot

/// The set-up page's trình ký box: whether the unit's head approves each roster before it is published.
extension DutySetupPage {
    static let approvalField = "approval_required"

    /// Only the head changes it; others see it as it is.
    static func approvalView(_ model: Model, _ lang: Language) -> any Component {
        let checked = model.values[approvalField] == "1"
        return Div {
            Label(lang("Lịch trực phải được thủ trưởng duyệt ", "Rosters must be approved by the head of the unit ")) {
                Input(type: .checkbox, name: approvalField, value: "1").id(approvalField)
                    .attribute(named: "checked", value: checked ? "checked" : "")
                    .attribute(named: "disabled", value: model.canApprove ? "" : "disabled")
            }
            Paragraph(
                lang(
                    "Trình ký: lịch trực được gửi thủ trưởng đơn vị duyệt rồi mới ban hành. Chỉ thủ trưởng thay đổi ô này.",
                    "Rosters go to the head of the unit for approval before they are published. Only the head "
                        + "changes this box."
                )
            )
            .class("muted")
        }
        .class("card")
    }
}
