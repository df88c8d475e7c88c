import AnToanCore
import Foundation
import Plot

/// The oversight of equipment over the reader's area (a unit head: the unit): per unit, overdue checks and
/// maintenance, expired permits, overdue corrective actions and lost items, each unit opening its due list.
enum UpkeepOversightPage {
    struct Model {
        var page: EquipmentOversight.Page
        var today: SolarDate
        /// Units with items out past their expected return, live.
        var outTooLong: [(unitID: UUID, name: String, count: Int)]
    }

    static func render(_ model: Model, _ context: PageContext) -> any Component {
        let lang = context.lang
        let headers = [
            lang("Đơn vị", "Unit"), lang("Kiểm tra quá hạn", "Overdue checks"),
            lang("Bảo dưỡng, thử quá hạn", "Overdue maintenance"), lang("Giấy phép hết hạn", "Expired permits"),
            lang("Khắc phục quá hạn", "Overdue actions"), lang("Bị mất", "Lost"),
        ]
        let totals = model.page.totals
        return Div {
            H1(lang("Tình hình kiểm tra, bảo quản phương tiện", "Equipment upkeep oversight"))
            Paragraph(
                lang(
                    "\(model.page.unitsWithProblems) đơn vị có việc cần xử lý: \(totals.overdueChecks) lượt kiểm tra "
                        + "quá hạn, \(totals.overdueMaintenance) bảo dưỡng quá hạn, \(totals.expiredPermits) giấy phép "
                        + "hết hạn, \(totals.overdueActions) việc khắc phục quá hạn, \(totals.lost) phương tiện bị mất.",
                    "\(model.page.unitsWithProblems) units need attention: \(totals.overdueChecks) overdue checks, "
                        + "\(totals.overdueMaintenance) overdue maintenance, \(totals.expiredPermits) expired permits, "
                        + "\(totals.overdueActions) overdue corrective actions, \(totals.lost) items lost."
                )
            )
            Paragraph(
                lang(
                    "Số liệu tính đến ngày \(model.today.dmy).",
                    "Counts as of \(model.today.dmy)."
                )
            )
            .class("muted")
            if model.page.units.isEmpty {
                Paragraph(lang("Không đơn vị nào có việc quá hạn.", "No unit has anything overdue.")).class("muted")
            } else {
                DataTable(headers: headers) {
                    Markup { markup in
                        for unit in model.page.units {
                            markup.open("tr")
                            markup.cell(headers[0]) { markup in
                                markup.element(
                                    "a",
                                    [
                                        "href": SiteURL.equipmentUpkeep(.list).path
                                            + "?window=overdue&unit=\(unit.unitID.uuidString.lowercased())"
                                    ],
                                    text: unit.name
                                )
                            }
                            count(unit.overdueChecks, headers[1], into: &markup)
                            count(unit.overdueMaintenance, headers[2], into: &markup)
                            count(unit.expiredPermits, headers[3], into: &markup)
                            count(unit.overdueActions, headers[4], into: &markup)
                            count(unit.lost, headers[5], into: &markup)
                            markup.close("tr")
                        }
                    }
                }
            }
            Paragraph {
                if model.page.page > 1 {
                    Link(
                        lang("← Trang trước", "← Previous"),
                        url: SiteURL.equipmentUpkeep(.oversight).path + "?page=\(model.page.page - 1)"
                    )
                }
                if model.page.page > 1 && model.page.hasMore { Text(" · ") }
                if model.page.hasMore {
                    Link(
                        lang("Trang sau →", "Next →"),
                        url: SiteURL.equipmentUpkeep(.oversight).path + "?page=\(model.page.page + 1)"
                    )
                }
            }
            .class("pager")
            H2(lang("Phương tiện cấp phát quá hạn trả", "Items out past their return"))
            if model.outTooLong.isEmpty {
                Paragraph(lang("Không có phương tiện nào quá hạn trả.", "No item is out past its return.")).class(
                    "muted"
                )
            } else {
                DataTable(headers: [lang("Đơn vị", "Unit"), lang("Số phương tiện", "Items")]) {
                    Markup { markup in
                        for unit in model.outTooLong {
                            markup.open("tr")
                            markup.cell(lang("Đơn vị", "Unit")) { markup in
                                markup.element(
                                    "a",
                                    [
                                        "href": SiteURL.custody(.list).path
                                            + "?unit=\(unit.unitID.uuidString.lowercased())"
                                    ],
                                    text: unit.name
                                )
                            }
                            count(unit.count, lang("Số phương tiện", "Items"), into: &markup)
                            markup.close("tr")
                        }
                    }
                }
            }
        }
    }

    private static func count(_ value: Int, _ label: String, into markup: inout Markup) {
        markup.cell(label, class: value > 0 ? "attention" : "", text: String(value))
    }
}
