import AnToanCore
import Foundation
import Plot

/// The sổ theo dõi phương tiện PCCC (the fire-safety dossier's equipment logbook): each fire item in service with its
/// kind, capacity, place, serial, commissioning, last check and maintenance, next due date and notes.
enum FireEquipmentBookPrint {
    struct Model {
        var unitName: String
        var place: String
        var today: SolarDate
        var lines: [UpkeepQueries.BookLine]
    }

    static func render(_ model: Model, lang: Language) -> String {
        GatePrintPages.render(lang("Sổ theo dõi phương tiện PCCC", "Fire equipment book"), lang: lang) {
            Div {
                Button(lang("In", "Print")).attribute(named: "type", value: "button")
                    .attribute(named: "data-action", value: "print")
                Link(lang("Về danh sách đến hạn", "Back to what is due"), url: SiteURL.equipmentUpkeep(.list).path)
            }
            .class("no-print")
            DocumentHeading(unitName: model.unitName, place: model.place, day: model.today)
            H1("SỔ THEO DÕI PHƯƠNG TIỆN PHÒNG CHÁY, CHỮA CHÁY")
            Div {
                El("table", ["id": "fire-book"]) {
                    El("thead") {
                        El("tr") {
                            for header in [
                                lang("STT", "No."), lang("Loại phương tiện", "Kind"), lang("Dung tích, cỡ", "Capacity"),
                                lang("Vị trí đặt", "Place"), lang("Số hiệu", "Serial"),
                                lang("Đưa vào sử dụng", "In service since"), lang("Kiểm tra lần cuối", "Last check"),
                                lang("Bảo dưỡng lần cuối", "Last maintenance"), lang("Hạn tiếp theo", "Next due"),
                                lang("Ghi chú", "Notes"),
                            ] {
                                TableHeaderCell(header)
                            }
                        }
                    }
                    El("tbody") {
                        for (index, line) in model.lines.enumerated() {
                            El("tr") {
                                TableCell(String(index + 1))
                                TableCell(
                                    lang(line.item.kindValue.nameVi, line.item.kindValue.nameEn)
                                        + (line.item.label.isEmpty ? "" : " — " + line.item.label)
                                )
                                TableCell(line.item.capacity)
                                TableCell(line.item.place)
                                TableCell(line.item.serial ?? "")
                                TableCell(line.item.commissionedOn.flatMap { SolarDate(iso: $0)?.dmy } ?? "")
                                TableCell(line.lastCheck?.dmy ?? "")
                                TableCell(line.lastMaintenance?.dmy ?? "")
                                TableCell(
                                    line.next.map {
                                        $0.1.dmy + " (" + lang($0.0.nameVi, $0.0.nameEn).lowercased() + ")"
                                            + (UpkeepRules.isOverdue(due: $0.1, today: model.today)
                                                ? lang(" — quá hạn", " — overdue") : "")
                                    } ?? ""
                                )
                                TableCell(
                                    [
                                        line.item.statusValue == .inStore
                                            ? "" : lang(line.item.statusValue.nameVi, line.item.statusValue.nameEn),
                                        line.item.notes,
                                    ]
                                    .filter { !$0.isEmpty }.joined(separator: "; ")
                                )
                            }
                        }
                    }
                }
                if model.lines.isEmpty {
                    Paragraph(
                        lang("Đơn vị chưa có phương tiện PCCC trong sổ.", "The unit has no fire equipment registered.")
                    )
                    .class("center")
                }
            }
            Div {
                Paragraph("NGƯỜI GHI SỔ")
                Paragraph("THỦ TRƯỞNG ĐƠN VỊ")
            }
            .class("signatures")
        }
    }
}
