import AnToanCore
import Foundation
import Plot

/// The sổ xuất–nhập of a period, a page of its own like the sổ khách (A4, the administrative heading): the goods let
/// out on approved release notes, then the vehicles in and out, dates as dd/MM/yyyy and times in Vietnam.
enum GoodsBookPrint {
    struct Model {
        var unitName: String
        var place: String
        var period: BookPeriod
        var notes: [ReleaseNote]
        var vehicles: [VehiclePass]
    }

    static func render(_ model: Model, lang: Language) -> String {
        GatePrintPages.render(lang("Sổ xuất–nhập", "Goods and vehicle book"), lang: lang) {
            Div {
                Button(lang("In", "Print")).attribute(named: "type", value: "button")
                    .attribute(named: "data-action", value: "print")
                Link(lang("Về phiếu xuất hàng", "Back to the release notes"), url: SiteURL.gateGoods(.notes).path)
            }
            .class("no-print")
            GatePrintPages.periodForm(model.period, url: SiteURL.gateGoods(.book), lang: lang)
            DocumentHeading(unitName: model.unitName, place: model.place, day: model.period.today)
            H1("SỔ THEO DÕI XUẤT – NHẬP HÀNG HÓA VÀ PHƯƠNG TIỆN")
            GatePrintPages.periodLine(model.period, lang: lang)
            H2(lang("I. Hàng hóa mang ra", "I. Goods out"))
            goods(model, lang)
            H2(lang("II. Phương tiện ra vào", "II. Vehicles in and out"))
            vehicles(model, lang)
            Div {
                Paragraph("NGƯỜI GHI SỔ")
                Paragraph("THỦ TRƯỞNG ĐƠN VỊ")
            }
            .class("signatures")
        }
    }

    private static func goods(_ model: Model, _ lang: Language) -> any Component {
        Div {
            El("table", ["id": "goods-book"]) {
                El("thead") {
                    El("tr") {
                        for header in [
                            lang("STT", "No."), lang("Ngày", "Date"), lang("Giờ ra", "Out"),
                            lang("Người mang", "Carrier"), lang("Giấy tờ", "Document"), lang("Biển số xe", "Plate"),
                            lang("Hàng hóa (số lượng, ĐVT)", "Goods (qty, unit)"), lang("Lý do", "Reason"),
                            lang("Người duyệt", "Approved by"), lang("Người cho ra", "Let out by"),
                        ] {
                            TableHeaderCell(header)
                        }
                    }
                }
                El("tbody") {
                    for (index, note) in model.notes.enumerated() {
                        El("tr") {
                            TableCell(String(index + 1))
                            TableCell(note.releasedAt.map(VietnamTime.date) ?? "")
                            TableCell(note.releasedAt.map(VietnamTime.time) ?? "")
                            TableCell(ReleaseNotePages.carrier(note, lang))
                            TableCell(note.carrierDocument)
                            TableCell(note.vehiclePlate)
                            TableCell(ReleaseNotePages.summary(note, lang))
                            TableCell(note.reason)
                            TableCell(note.decidedByName ?? "")
                            TableCell(note.releasedByName ?? "")
                        }
                    }
                }
            }
            if model.notes.isEmpty {
                Paragraph(lang("Không có hàng ra trong thời gian này.", "No goods went out in this period."))
                    .class("center")
            }
        }
    }

    private static func vehicles(_ model: Model, _ lang: Language) -> any Component {
        Div {
            El("table", ["id": "vehicle-book"]) {
                El("thead") {
                    El("tr") {
                        for header in [
                            lang("STT", "No."), lang("Ngày", "Date"), lang("Giờ vào", "In"), lang("Giờ ra", "Out"),
                            lang("Biển số", "Plate"), lang("Loại xe", "Kind"), lang("Lái xe", "Driver"),
                            lang("Mục đích", "Purpose"), lang("Người ghi", "Recorded by"),
                        ] {
                            TableHeaderCell(header)
                        }
                    }
                }
                El("tbody") {
                    for (index, pass) in model.vehicles.enumerated() {
                        El("tr") {
                            TableCell(String(index + 1))
                            TableCell(VietnamTime.date(pass.checkedInAt))
                            TableCell(VietnamTime.time(pass.checkedInAt))
                            TableCell(pass.checkedOutAt.map(out(pass)) ?? "")
                            TableCell(
                                pass.purgedAt != nil
                                    ? lang("(đã xóa theo thời hạn lưu)", "(erased after the retention period)")
                                    : pass.plate
                            )
                            TableCell(lang(pass.kindValue.nameVi, pass.kindValue.nameEn))
                            TableCell(pass.driverName)
                            TableCell(pass.purpose)
                            TableCell(pass.checkedInByName)
                        }
                    }
                }
            }
            if model.vehicles.isEmpty {
                Paragraph(lang("Không có xe ra vào trong thời gian này.", "No vehicles in this period.")).class(
                    "center"
                )
            }
        }
    }

    /// The time out, with its date when the vehicle went out on another day.
    private static func out(_ pass: VehiclePass) -> (Date) -> String {
        { date in
            VietnamTime.day(of: date) == VietnamTime.day(of: pass.checkedInAt)
                ? VietnamTime.time(date) : VietnamTime.dateTime(date)
        }
    }
}
