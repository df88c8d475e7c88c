import AnToanCore
import Foundation
import Plot

/// A unit's duty log book over a period, shift by shift with its handover, laid out to print and file.
enum LogBookPage {
    struct Model {
        var unitID: UUID
        var unitName: String
        var from: SolarDate
        var to: SolarDate
        var shifts: [DutyBook.Shift]
        /// The unit's posts and shifts by name: the book reads "Trụ sở · Ca đêm 19:00–07:00", never their ids.
        var names: DutyNames
    }

    static func view(_ model: Model, _ context: PageContext) -> any Component {
        let lang = context.lang
        return Div {
            Div {
                Div {
                    Paragraph(model.unitName.uppercased())
                }
                Div {
                    Paragraph { El("strong") { Text("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") } }
                    Paragraph { El("strong") { Text("Độc lập - Tự do - Hạnh phúc") } }
                }
                .class("center")
            }
            .class("print-only")
            H1(lang("Sổ nhật ký trực ban", "Duty log book"))
            Paragraph(
                "\(model.unitName) · \(VietnamTime.dayWithLunar(model.from, lang)) – \(VietnamTime.dayWithLunar(model.to, lang))"
            )
            Form(url: SiteURL.dutyLogBook(model.unitID).path, method: .get) {
                Div {
                    FormField(name: "from", label: lang("Từ ngày", "From"), value: model.from.dmy, maxLength: 10)
                    FormField(name: "to", label: lang("Đến ngày", "To"), value: model.to.dmy, maxLength: 10)
                    Button(lang("Xem", "Show")).attribute(named: "type", value: "submit").class("secondary")
                    Button(lang("In sổ", "Print")).attribute(named: "type", value: "button")
                        .attribute(named: "data-action", value: "print")
                }
                .class("filters")
            }
            if model.shifts.isEmpty {
                Paragraph(lang("Không có mục nào trong thời gian này.", "Nothing was written in this period."))
                    .class("muted")
            }
            for shift in model.shifts {
                shiftBlock(shift, model.names, lang)
            }
        }
    }

    private static func shiftBlock(_ shift: DutyBook.Shift, _ names: DutyNames, _ lang: Language) -> any Component {
        let day = SolarDate(iso: shift.date).map { VietnamTime.dayWithLunar($0, lang) } ?? shift.date
        return Div {
            H2("\(day) · \(names.seat(post: shift.post, shift: shift.shift, lang))")
            if !shift.lines.isEmpty {
                DataTable(headers: [lang("Giờ", "Time"), lang("Người ghi", "By"), lang("Nội dung", "Entry")]) {
                    for line in shift.lines {
                        El("tr") {
                            TableCell(VietnamTime.time(line.writtenAt))
                            TableCell(line.author)
                            TableCell {
                                Span(DutyDeskPage.kindText(line.kind, lang) + ": ").class("muted")
                                Span(line.text).class(line.correctedBy == nil ? "" : "struck")
                            }
                        }
                    }
                }
            }
            if let handover = shift.handover {
                Paragraph {
                    El("strong") { Text(lang("Bàn giao: ", "Handover: ")) }
                    Text(handover.notes)
                }
                let handedBy: String = "\(handover.handedBy), \(VietnamTime.dateTime(handover.handedAt))"
                let receivedBy: String =
                    handover.receivedAt.map { "\(handover.receivedBy ?? ""), \(VietnamTime.dateTime($0))" }
                    ?? lang("chưa xác nhận", "not confirmed")
                let items: String = lang(
                    "\(handover.openItems.count) việc chuyển giao",
                    "\(handover.openItems.count) open items"
                )
                Paragraph(
                    [
                        lang("Bên giao: ", "Handed over by ") + handedBy,
                        lang("Bên nhận: ", "taken over by ") + receivedBy, items,
                    ]
                    .joined(separator: " · ")
                )
            }
        }
        .class("card")
    }
}
