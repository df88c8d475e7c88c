import AnToanCore
import Foundation
import Plot

/// The sổ theo dõi công cụ hỗ trợ of a period (TT 46/2014 Điều 8.4.3), a page of its own to print like the gate's
/// books (A4, the administrative heading): each issue handed over in the period with its holder, reason, approval,
/// expected and actual return, condition and the signatures' columns.
enum ToolBookPrint {
    struct Model {
        var unitName: String
        var place: String
        var period: BookPeriod
        var custodies: [EquipmentCustody]
        var items: [UUID: EquipmentItem]
    }

    static func render(_ model: Model, lang: Language) -> String {
        GatePrintPages.render(lang("Sổ theo dõi công cụ hỗ trợ", "Custody book"), lang: lang) {
            Div {
                Button(lang("In", "Print")).attribute(named: "type", value: "button")
                    .attribute(named: "data-action", value: "print")
                Link(lang("Về danh sách cấp phát", "Back to the issues"), url: SiteURL.custody(.list).path)
            }
            .class("no-print")
            GatePrintPages.periodForm(model.period, url: SiteURL.custody(.book), lang: lang)
            DocumentHeading(unitName: model.unitName, place: model.place, day: model.period.today)
            H1("SỔ THEO DÕI CẤP PHÁT, SỬ DỤNG CÔNG CỤ HỖ TRỢ")
            GatePrintPages.periodLine(model.period, lang: lang)
            table(model, lang)
            Div {
                Paragraph("NGƯỜI QUẢN LÝ KHO")
                Paragraph("THỦ TRƯỞNG ĐƠN VỊ")
            }
            .class("signatures")
        }
    }

    private static func table(_ model: Model, _ lang: Language) -> any Component {
        Div {
            El("table", ["id": "tool-book"]) {
                El("thead") {
                    El("tr") {
                        for header in [
                            lang("STT", "No."), lang("Ngày giờ cấp", "Out"), lang("Phương tiện", "Item"),
                            lang("Số hiệu", "Serial"), lang("Người nhận", "Holder"), lang("Lý do", "Reason"),
                            lang("Người duyệt", "Approved by"), lang("Hẹn trả", "Due back"),
                            lang("Ngày giờ trả", "Returned"), lang("Tình trạng khi trả", "Condition"),
                            lang("Người nhận ký", "Holder's signature"), lang("Người giao ký", "Custodian's signature"),
                        ] {
                            TableHeaderCell(header)
                        }
                    }
                }
                El("tbody") {
                    for (index, custody) in model.custodies.enumerated() {
                        let item = model.items[custody.itemID]
                        El("tr") {
                            TableCell(String(index + 1))
                            TableCell(custody.handedAt.map(VietnamTime.dateTime) ?? "")
                            TableCell(CustodyPages.itemName(custody, item))
                            TableCell(item?.serial ?? "")
                            TableCell(custody.holderName)
                            TableCell(custody.reason)
                            TableCell(custody.decidedByName ?? lang("(không cần duyệt)", "(no approval needed)"))
                            TableCell(VietnamTime.dateTime(custody.expectedReturnAt))
                            TableCell(custody.returnedAt.map(VietnamTime.dateTime) ?? "")
                            TableCell(
                                [
                                    custody.conditionValue.map { lang($0.nameVi, $0.nameEn) } ?? "",
                                    custody.returnNote ?? "",
                                ]
                                .filter { !$0.isEmpty }.joined(separator: ", ")
                            )
                            TableCell("")
                            TableCell("")
                        }
                    }
                }
            }
            if model.custodies.isEmpty {
                Paragraph(lang("Không có cấp phát trong thời gian này.", "Nothing was issued in this period."))
                    .class("center")
            }
        }
    }
}
