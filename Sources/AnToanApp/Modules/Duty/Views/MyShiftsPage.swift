import AnToanCore
import Foundation
import Plot

/// The signed-in person's published shifts of the next 30 days, their swap requests and their calendar feed.
enum MyShiftsPage {
    struct Shift {
        var seatID: UUID
        var rosterID: UUID
        var day: SolarDate
        var from: String
        var to: String
        var post: String
        var shift: String
        var role: String
        /// Not started, not checked in, not already asked about: the seat page has a swap to offer or explain.
        var swappable: Bool
        var pending: Bool
    }

    struct Model {
        /// False when the account is linked to no staff record.
        var linked: Bool
        var shifts: [Shift]
        var requests: [(seat: String, status: String)]
        var hasFeed: Bool
        /// The feed's address, shown once right after it is made.
        var newFeedURL: String?
    }

    static func view(_ model: Model, _ context: PageContext) -> any Component {
        let lang = context.lang
        return Div {
            H1(lang("Lịch trực của tôi", "My shifts"))
            if !model.linked {
                Paragraph(
                    lang(
                        "Tài khoản của bạn chưa gắn với hồ sơ cán bộ nào. Hãy nhờ cán bộ phụ trách ANTT của đơn vị gắn giúp.",
                        "Your account is not linked to a staff record. Ask your unit's security officer to link it."
                    )
                )
            } else {
                shiftList(model, lang)
                if !model.requests.isEmpty {
                    H2(lang("Yêu cầu đổi ca của tôi", "My swap requests"))
                    List(model.requests) { request in
                        Text("\(request.seat): \(RosterGrid.statusName(request.status, lang))")
                    }
                }
                feed(model, context)
            }
        }
    }

    private static func shiftList(_ model: Model, _ lang: Language) -> any Component {
        Div {
            Paragraph(lang("30 ngày tới, theo lịch đã công bố.", "The next 30 days, by the published rosters.")).class(
                "muted"
            )
            if model.shifts.isEmpty {
                Paragraph(lang("Không có ca trực nào.", "No shifts."))
            } else {
                El("ul", ["class": "shifts plain-list", "id": "my-shifts"]) {
                    for shift in model.shifts {
                        El("li", ["class": "card"]) {
                            El("strong") { Text(VietnamTime.dayWithLunar(shift.day, lang)) }
                            Paragraph("\(shift.from)–\(shift.to) · \(shift.post) · \(shift.shift)")
                            Paragraph(RosterGrid.roleName(shift.role, lang)).class("muted")
                            if shift.swappable {
                                Link(
                                    lang("Xin đổi ca", "Ask to swap"),
                                    url: SiteURL.rosterPages(.seat(shift.seatID)).path
                                )
                            } else if shift.pending {
                                Paragraph(lang("Đã xin đổi ca, đang chờ duyệt.", "Swap asked, awaiting a decision."))
                                    .class("muted")
                            }
                        }
                    }
                }
            }
        }
    }

    /// The same address as `webcal://`, which a phone opens in its calendar app to subscribe.
    static func webcal(_ url: String) -> String {
        guard let scheme = url.range(of: "://") else { return url }
        return "webcal" + url[scheme.lowerBound...]
    }

    private static func feed(_ model: Model, _ context: PageContext) -> any Component {
        let lang = context.lang
        return Div {
            H2(lang("Lịch trên điện thoại", "Calendar on your phone"))
            Paragraph(
                lang(
                    "Thêm địa chỉ bí mật này vào ứng dụng lịch (Đăng ký lịch / Subscribe) để ca trực tự hiện trên điện thoại.",
                    "Add this secret address to your calendar app (Subscribe) so your shifts appear on your phone."
                )
            )
            if let url = model.newFeedURL {
                Paragraph(
                    lang(
                        "Địa chỉ mới — hãy sao chép ngay, chỉ hiện một lần:",
                        "New address — copy it now, it is shown once:"
                    )
                )
                Div {
                    Input(type: .text, name: "feed_url", value: url).id("feed-url")
                        .attribute(named: "readonly", value: "readonly")
                        .attribute(named: "aria-label", value: lang("Địa chỉ lịch", "Calendar address"))
                    Button(lang("Sao chép", "Copy")).attribute(named: "type", value: "button")
                        .attribute(named: "data-action", value: "copy")
                        .attribute(named: "data-target", value: "feed-url")
                        .attribute(named: "data-done", value: lang("Đã sao chép", "Copied")).class("secondary")
                }
                .class("copy-field")
                Paragraph {
                    Link(
                        lang("Mở trong ứng dụng lịch của điện thoại", "Open in the phone's calendar app"),
                        url: webcal(url)
                    )
                    .class("button")
                }
            } else if model.hasFeed {
                Paragraph(
                    lang(
                        "Bạn đã có địa chỉ lịch. Tạo lại sẽ làm địa chỉ cũ hết hiệu lực.",
                        "You have a calendar address. Making a new one stops the old one."
                    )
                )
            }
            PostForm(url: .rosterPages(.feed), csrf: context.csrf, class: "inline") {
                Button(
                    model.hasFeed
                        ? lang("Tạo lại địa chỉ", "Make a new address") : lang("Tạo địa chỉ lịch", "Make the address")
                )
                .attribute(named: "type", value: "submit")
            }
            if model.hasFeed {
                PostForm(url: .rosterPages(.feedRevoke), csrf: context.csrf, class: "inline") {
                    Button(lang("Thu hồi", "Revoke")).attribute(named: "type", value: "submit").class("danger")
                }
            }
        }
        .class("card")
    }
}
