import AnToanCore
import Foundation
import Plot

/// The gate's papers, each a page of its own without the site around it (A4, the administrative heading), so that
/// it prints as it is and stays readable on a phone without the network once opened: the roll-call of those inside
/// now, and the sổ khách (visitor book) of a period.
enum GatePrintPages {
    struct RollCall {
        var unitName: String
        var place: String
        var now: Date
        var visits: [Visit]
        var unitNames: [UUID: String]
        var showUnit: Bool
    }

    struct Book {
        var unitName: String
        var place: String
        var period: BookPeriod
        var visits: [Visit]
    }

    static func render(_ title: String, lang: Language, @ComponentBuilder body: () -> any Component) -> String {
        HTMLDocument.render(lang: lang, title: title, stylesheet: .printStylesheet, scripts: [.script], body: body)
    }

    static func rollCall(_ model: RollCall, lang: Language) -> String {
        render(lang("Danh sách điểm danh", "Roll-call"), lang: lang) {
            printBar(lang, back: .gate(.desk))
            DocumentHeading(unitName: model.unitName, place: model.place, day: VietnamTime.day(of: model.now))
            H1("DANH SÁCH NGƯỜI NGOÀI ĐANG Ở TRONG ĐƠN VỊ")
            Paragraph(
                lang(
                    "Lúc \(VietnamTime.time(model.now)) ngày \(VietnamTime.date(model.now)) — \(model.visits.count) người",
                    "At \(VietnamTime.time(model.now)) on \(VietnamTime.date(model.now)) — \(model.visits.count) people"
                )
            )
            .class("period")
            Paragraph(
                lang(
                    "Không có mạng: đây là bản lưu trên điện thoại, lấy lúc ghi ở trên.",
                    "No network: this is the copy kept on the phone, taken at the time above."
                )
            )
            .class("no-print attention")
            .attribute(named: "data-offline-note", value: "true")
            .attribute(named: "hidden", value: "hidden")
            El("table", ["id": "roll-call", "data-offline": "roll-call"]) {
                El("thead") {
                    El("tr") {
                        for header in [
                            lang("STT", "No."), lang("Họ và tên", "Name"), lang("Cơ quan", "Organisation"),
                            lang("Gặp", "Host"), lang("Vào lúc", "In at"), lang("Thẻ", "Badge"),
                            lang("Ghi chú", "Notes"), lang("Có mặt", "Present"),
                        ] {
                            TableHeaderCell(header)
                        }
                    }
                }
                El("tbody") {
                    for (index, visit) in model.visits.enumerated() {
                        El("tr") {
                            TableCell(String(index + 1))
                            TableCell(visit.fullName)
                            TableCell(
                                model.showUnit
                                    ? [model.unitNames[visit.unitID] ?? "", visit.organisation].filter { !$0.isEmpty }
                                        .joined(separator: " — ") : visit.organisation
                            )
                            TableCell(visit.hostName)
                            TableCell(VietnamTime.time(visit.checkedInAt))
                            TableCell(visit.badge)
                            TableCell(
                                visit.held
                                    ? GateWords.holdAndCall(lang)
                                    : visit.overstays(at: model.now) ? lang("Quá giờ", "Over time") : ""
                            )
                            TableCell("")
                        }
                    }
                }
            }
            Div {
                Paragraph("NGƯỜI LẬP")
                Paragraph("CÁN BỘ TRỰC")
            }
            .class("signatures")
        }
    }

    /// The days of a printed book, to change on screen (not on paper).
    static func periodForm(_ period: BookPeriod, url: SiteURL, lang: Language) -> any Component {
        Form(url: url.path, method: .get) {
            FormField(
                name: "from",
                label: lang("Từ ngày", "From"),
                value: period.from.dmy,
                error: period.errors.message(for: "from", lang),
                required: false,
                maxLength: 10
            )
            FormField(
                name: "to",
                label: lang("Đến ngày", "To"),
                value: period.to.dmy,
                error: period.errors.message(for: "to", lang),
                required: false,
                maxLength: 10
            )
            Button(lang("Xem", "Show")).attribute(named: "type", value: "submit")
        }
        .class("no-print")
    }

    /// "Từ ngày … đến ngày …" under a book's title.
    static func periodLine(_ period: BookPeriod, lang: Language) -> any Component {
        Paragraph(
            lang("Từ ngày \(period.from.dmy) đến ngày \(period.to.dmy)", "From \(period.from.dmy) to \(period.to.dmy)")
        )
        .class("period")
    }

    static func book(_ model: Book, lang: Language) -> String {
        render(lang("Sổ khách", "Visitor book"), lang: lang) {
            printBar(lang, back: .gate(.desk))
            GatePrintPages.periodForm(model.period, url: SiteURL.gate(.book), lang: lang)
            DocumentHeading(unitName: model.unitName, place: model.place, day: model.period.today)
            H1("SỔ THEO DÕI KHÁCH RA VÀO")
            GatePrintPages.periodLine(model.period, lang: lang)
            El("table", ["id": "visitor-book"]) {
                El("thead") {
                    El("tr") {
                        for header in [
                            lang("STT", "No."), lang("Ngày", "Date"), lang("Giờ vào", "In"), lang("Họ và tên", "Name"),
                            lang("Giấy tờ", "Document"), lang("Cơ quan / địa chỉ", "Organisation"), lang("Gặp", "Host"),
                            lang("Mục đích", "Purpose"), lang("Biển số xe", "Plate"), lang("Đồ mang vào", "Items"),
                            lang("Thẻ", "Badge"), lang("Giờ ra", "Out"), lang("Người ghi", "Recorded by"),
                            lang("Ghi chú", "Notes"),
                        ] {
                            TableHeaderCell(header)
                        }
                    }
                }
                El("tbody") {
                    for (index, visit) in model.visits.enumerated() {
                        El("tr") {
                            TableCell(String(index + 1))
                            TableCell(VietnamTime.date(visit.checkedInAt))
                            TableCell(VietnamTime.time(visit.checkedInAt))
                            TableCell(GateWords.name(visit, lang))
                            TableCell(GateWords.paper(visit, lang))
                            TableCell(visit.organisation)
                            TableCell(visit.hostName)
                            TableCell(visit.purpose)
                            TableCell(visit.vehiclePlate)
                            TableCell(visit.items)
                            TableCell(visit.badge)
                            TableCell(visit.checkedOutAt.map(VietnamTime.time) ?? "")
                            TableCell(visit.checkedInByName)
                            TableCell(
                                visit.watchEntryID != nil
                                    ? lang("Trùng danh sách theo dõi", "Watchlist match")
                                        + (visit.holdClearedByName.map {
                                            lang(", đã xác minh: ", ", verified by ") + $0
                                        } ?? "")
                                    : ""
                            )
                        }
                    }
                }
            }
            if model.visits.isEmpty {
                Paragraph(lang("Không có khách trong thời gian này.", "No visitors in this period.")).class("center")
            }
            Div {
                Paragraph("NGƯỜI GHI SỔ")
                Paragraph("THỦ TRƯỞNG ĐƠN VỊ")
            }
            .class("signatures")
        }
    }

    private static func printBar(_ lang: Language, back: SiteURL) -> any Component {
        Div {
            Button(lang("In", "Print")).attribute(named: "type", value: "button").attribute(
                named: "data-action",
                value: "print"
            )
            Link(lang("Về cổng", "Back to the gate"), url: back.path)
        }
        .class("no-print")
    }
}
