import AnToanCore
import Foundation
import Plot

/// One visit: who, with which paper, whom they came to see, when in and out; a held visitor's instruction (and,
/// for officers, the watchlist's reason); the check-out and let-in buttons.
enum VisitPage {
    struct Model {
        var visit: Visit
        var unitName: String
        var reason: String?
        var canCheckOut: Bool
        var canLetIn: Bool
        var now: Date
        var failed: FormFailure?
    }

    static func view(_ model: Model, _ context: PageContext) -> any Component {
        let lang = context.lang
        let visit = model.visit
        let id = visit.id ?? .placeholder
        let facts: [(String, String)] = [
            (lang("Đơn vị", "Unit"), model.unitName),
            (lang("Giấy tờ", "Document"), GateWords.paper(visit, lang)),
            (lang("Ngày sinh", "Date of birth"), visit.birthDate.flatMap { SolarDate(iso: $0)?.dmy } ?? ""),
            (lang("Cơ quan / địa chỉ", "Organisation / address"), visit.organisation),
            (lang("Gặp", "Host"), visit.hostName), (lang("Mục đích", "Purpose"), visit.purpose),
            (lang("Biển số xe", "Vehicle plate"), visit.vehiclePlate), (lang("Đồ mang vào", "Items"), visit.items),
            (lang("Số thẻ khách", "Badge"), visit.badge),
            (lang("Vào lúc", "In at"), VietnamTime.dateTime(visit.checkedInAt)),
            (lang("Người ghi", "Recorded by"), visit.checkedInByName),
            (lang("Dự kiến", "Expected"), lang("\(visit.expectedMinutes) phút", "\(visit.expectedMinutes) minutes")),
            (lang("Tình trạng", "State"), GateWords.state(visit, now: model.now, lang)),
        ]
        let errors = FormFailure.errors(model.failed, "visit")
        return Div {
            H1(GateWords.name(visit, lang))
            if let error = errors.message(for: "visit", lang) {
                Paragraph(lang("Khách", "Visitor") + ": " + error).class("field-error").attribute(
                    named: "role",
                    value: "alert"
                )
            }
            if visit.held && visit.isInside {
                Div {
                    Paragraph(GateWords.holdAndCall(lang)).class("hold")
                    if let reason = model.reason {
                        Paragraph(lang("Trùng danh sách theo dõi: ", "Matches the watchlist: ") + reason).class(
                            "watch-reason"
                        )
                    }
                }
                .class("card attention")
                .attribute(named: "role", value: "alert")
            }
            El("dl", ["class": "facts"]) {
                for (term, value) in facts where !value.isEmpty {
                    El("dt") { Text(term) }
                    El("dd") { Text(value) }
                }
            }
            Div {
                if model.canCheckOut && visit.isInside && visit.purgedAt == nil {
                    PostForm(url: .gate(.checkOut(id)), csrf: context.csrf, class: "inline") {
                        Button(lang("Cho ra", "Check out")).attribute(named: "type", value: "submit")
                    }
                }
                if model.canLetIn && visit.held && visit.isInside {
                    PostForm(url: .gate(.clearHold(id)), csrf: context.csrf, class: "inline") {
                        Button(lang("Đã xác minh, cho vào", "Verified, let in")).attribute(
                            named: "type",
                            value: "submit"
                        )
                        .class("secondary")
                    }
                }
                Link(lang("Về cổng", "Back to the gate"), url: SiteURL.gate(.desk).path)
            }
            .class("filters")
        }
    }
}
