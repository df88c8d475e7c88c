import AnToanCore
import Foundation
import Plot

/// A host's invitations (the form and the coming ones), and one invitation with its link and QR code: what the host
/// sends the visitor, and what the visitor shows at the gate.
enum InvitationPages {
    struct List {
        var invitations: [Invitation]
        var today: SolarDate
        var failed: FormFailure?
    }

    struct One {
        var invitation: Invitation
        var unitName: String
        var link: String
        /// The address of the picture of the link's QR code.
        var qrImage: String
    }

    static let formName = "invitation"

    static func list(_ model: List, _ context: PageContext) -> any Component {
        let lang = context.lang
        let form = NamedForm(name: formName, failed: model.failed, context: context)
        return Div {
            H1(lang("Giấy mời khách", "Invitations"))
            form.section(
                lang("Đăng ký trước một khách", "Pre-register a visitor"),
                url: .gate(.invitations),
                open: true
            ) {
                form.text("visitor_name", lang("Họ và tên khách", "Visitor's name"), max: GateLimits.name)
                form.text(
                    "organisation",
                    lang("Cơ quan", "Organisation"),
                    required: false,
                    max: GateLimits.organisation
                )
                form.text("purpose", lang("Mục đích", "Purpose"), max: GateLimits.purpose)
                form.text(
                    "expected_date",
                    lang("Ngày đến (dd/MM/yyyy)", "Day of the visit (dd/MM/yyyy)"),
                    max: 10,
                    initial: model.today.dmy
                )
            }
            if model.invitations.isEmpty {
                Paragraph(lang("Chưa có khách nào được mời.", "Nobody is invited.")).class("muted")
            } else {
                DataTable(headers: [
                    lang("Khách", "Visitor"), lang("Ngày", "Day"), lang("Gặp", "Host"), lang("Tình trạng", "State"),
                ]) {
                    for invitation in model.invitations {
                        El("tr") {
                            TableCell {
                                Link(
                                    invitation.visitorName,
                                    url: SiteURL.gate(.invitation(invitation.id ?? .placeholder)).path
                                )
                            }
                            .attribute(named: "data-label", value: lang("Khách", "Visitor"))
                            TableCell(SolarDate(iso: invitation.expectedOn)?.dmy ?? invitation.expectedOn)
                                .attribute(named: "data-label", value: lang("Ngày", "Day"))
                            TableCell(invitation.hostName).attribute(named: "data-label", value: lang("Gặp", "Host"))
                            TableCell(
                                invitation.usedAt == nil ? lang("Chưa đến", "Expected") : lang("Đã đến", "Arrived")
                            )
                            .attribute(named: "data-label", value: lang("Tình trạng", "State"))
                        }
                    }
                }
            }
        }
    }

    static func one(_ model: One, _ context: PageContext) -> any Component {
        let lang = context.lang
        let invitation = model.invitation
        return Div {
            H1(lang("Giấy mời", "Invitation"))
            El("dl", ["class": "facts"]) {
                El("dt") { Text(lang("Khách", "Visitor")) }
                El("dd") { Text(invitation.visitorName) }
                El("dt") { Text(lang("Đơn vị", "Unit")) }
                El("dd") { Text(model.unitName) }
                El("dt") { Text(lang("Ngày", "Day")) }
                El("dd") { Text(SolarDate(iso: invitation.expectedOn)?.dmy ?? invitation.expectedOn) }
                El("dt") { Text(lang("Gặp", "Host")) }
                El("dd") { Text(invitation.hostName) }
            }
            Paragraph(
                lang(
                    "Đưa mã này cho bảo vệ hoặc lễ tân tại cổng; mang theo giấy tờ tùy thân (không bị giữ lại).",
                    "Show this code at the gate and bring an identity document (it is not kept)."
                )
            )
            El(
                "img",
                [
                    "src": model.qrImage, "alt": lang("Mã QR của giấy mời", "The invitation's QR code"), "class": "qr",
                    "id": "invitation-qr", "width": "240", "height": "240",
                ]
            ) {}
            FormField(
                name: "link",
                label: lang("Liên kết gửi khách", "Link for the visitor"),
                value: model.link,
                required: false
            )
        }
    }
}
