import AnToanCore
import Foundation
import Plot

/// Visitors' personal data (GATE-4): how long the unit keeps it, and who read it when.
enum VisitorDataPage {
    struct Model {
        var retentionDays: Int?
        var reads: [VisitorDataRead]
        var unitNames: [UUID: String]
        var showUnit: Bool
        var failed: FormFailure?
    }

    static let formName = "retention"

    static func view(_ model: Model, _ context: PageContext) -> any Component {
        let lang = context.lang
        let form = NamedForm(name: formName, failed: model.failed, context: context)
        return Div {
            H1(lang("Dữ liệu cá nhân của khách", "Visitors' personal data"))
            if let days = model.retentionDays {
                Paragraph(
                    lang(
                        "Thông tin cá nhân của khách được lưu \(days) ngày kể từ khi vào, rồi tự động xóa (vẫn giữ số lượt "
                            + "để thống kê).",
                        "Visitors' personal data is kept \(days) days from their arrival, then erased automatically "
                            + "(the counts are kept for statistics)."
                    )
                )
                form.section(lang("Đổi thời hạn lưu", "Change the retention"), url: .gate(.data)) {
                    form.text(
                        "retention_days",
                        lang("Số ngày lưu (1–3650)", "Days kept (1–3650)"),
                        type: .number,
                        max: 4,
                        initial: String(days)
                    )
                }
            }
            H2(lang("Nhật ký truy cập dữ liệu", "Who read the data"))
            if model.reads.isEmpty {
                Paragraph(lang("Chưa có lượt truy cập nào.", "Nobody has read it yet.")).class("muted")
            } else {
                DataTable(
                    headers: [
                        lang("Lúc", "When"), lang("Người xem", "Reader"), lang("Nội dung", "What"),
                        lang("Số khách", "Visitors"),
                    ]
                        + (model.showUnit ? [lang("Đơn vị", "Unit")] : [])
                ) {
                    for read in model.reads {
                        El("tr") {
                            TableCell(VietnamTime.dateTime(read.at)).attribute(
                                named: "data-label",
                                value: lang("Lúc", "When")
                            )
                            TableCell(read.readerName).attribute(
                                named: "data-label",
                                value: lang("Người xem", "Reader")
                            )
                            TableCell(GateWords.read(read.what, lang)).attribute(
                                named: "data-label",
                                value: lang("Nội dung", "What")
                            )
                            TableCell(String(read.visitors)).attribute(
                                named: "data-label",
                                value: lang("Số khách", "Visitors")
                            )
                            if model.showUnit {
                                TableCell(model.unitNames[read.unitID] ?? "").attribute(
                                    named: "data-label",
                                    value: lang("Đơn vị", "Unit")
                                )
                            }
                        }
                    }
                }
            }
        }
    }
}
