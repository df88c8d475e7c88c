import AnToanCore
import Foundation
import Plot

/// A roster's way to publication on its page: out-of-date notes, trình ký (submit, approve, return with a
/// reason) and publish.
extension RosterPage {
    /// What the roster's status lets the reader do next.
    struct Approval {
        /// The unit requires its head's approval before a roster is published.
        var required = false
        /// The reader may approve or return (the unit's head).
        var canApprove = false
        var returnReason: String?
        /// How the set-up changed since the roster was made ("Lịch trực đã cũ: …").
        var changes = RosterFreshness.Changes()
    }

    static func approvalView(_ model: Model, _ context: PageContext) -> any Component {
        let lang = context.lang
        let approval = model.approval
        let unpublished = ["draft", "submitted", "approved", "returned"].contains(model.status)
        return Div {
            for line in RosterFreshness.notes(approval.changes, published: model.status == "published", lang) {
                Paragraph(line).class("flash flash-error").attribute(named: "role", value: "alert")
            }
            if model.status == "returned", let reason = approval.returnReason {
                Paragraph(lang("Thủ trưởng trả lại: ", "Returned by the head: ") + reason).class("flash flash-error")
            }
            if model.status == "submitted" {
                Paragraph(lang("Đang chờ thủ trưởng đơn vị duyệt.", "Awaiting the unit head's approval."))
                    .class("flash flash-info")
            }
            if model.canManage && approval.required && ["draft", "returned"].contains(model.status) {
                PostForm(url: .rosterPages(.submit(model.id)), csrf: context.csrf) {
                    Button(lang("Trình ký thủ trưởng", "Submit to the head for approval"))
                        .attribute(named: "type", value: "submit")
                }
            }
            if approval.canApprove && model.status == "submitted" {
                PostForm(url: .rosterPages(.sign(model.id)), csrf: context.csrf) {
                    Button(lang("Duyệt lịch trực", "Approve the roster")).attribute(named: "type", value: "submit")
                }
                PostForm(url: .rosterPages(.giveBack(model.id)), csrf: context.csrf) {
                    FormField(name: "reason", label: lang("Lý do trả lại", "Why it is returned"), maxLength: 500)
                    Button(lang("Trả lại", "Return")).attribute(named: "type", value: "submit").class("danger")
                }
            }
            if model.canManage && unpublished && (!approval.required || model.status == "approved") {
                PostForm(url: .rosterPages(.publish(model.id)), csrf: context.csrf) {
                    Button(lang("Công bố lịch trực", "Publish the roster")).attribute(named: "type", value: "submit")
                }
            }
        }
    }
}
