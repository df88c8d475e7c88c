import AnToanCore
import Foundation
import Plot

/// One roster: the day × shift × post grid (leaders marked), open seats with their reasons, hard violations,
/// fairness spreads and swap requests; publish, print and export.
enum RosterPage {
    struct SwapRow {
        var id: UUID
        var seat: String
        var from: String
        var to: String
        var inReturn: String?
        var note: String
        var status: String
    }

    struct Model {
        var id: UUID
        var unitID: UUID
        var unitName: String
        var status: String
        var start: SolarDate
        var end: SolarDate
        var grid: RosterGrid
        var report: RosterReport
        var names: [String: String]
        var swaps: [SwapRow]
        var canManage: Bool
        /// Seats the reader may open: every seat for a manager, one's own otherwise.
        var ownStaffID: UUID?
        var approval = Approval()
    }

    static func view(_ model: Model, _ context: PageContext) -> any Component {
        let lang = context.lang
        return Div {
            H1(lang("Lịch trực", "Roster") + " \(model.start.dmy) – \(model.end.dmy)")
            Paragraph {
                Link(model.unitName, url: SiteURL.rosterPages(.list(model.unitID)).path)
                Text(" · \(RosterGrid.statusName(model.status, lang)) · ")
                Link(lang("Bản in", "Print"), url: SiteURL.rosterPages(.print(model.id)).path)
                Text(" · ")
                Link(lang("Tải Excel", "Download Excel"), url: SiteURL.rosterPages(.xlsx(model.id)).path)
            }
            summary(model.report, lang)
            approvalView(model, context)
            grid(model, lang)
            Paragraph(lang("★ lãnh đạo trực", "★ duty leader")).class("muted")
            model.grid.legendView(lang)
            reportView(model, lang)
            swapsView(model, context)
        }
    }

    private static func grid(_ model: Model, _ lang: Language) -> any Component {
        Div {
            El("table", ["id": "roster-grid"]) {
                model.grid.head(lang)
                // A month of a 40-person unit is some 150 cells and 400 people: written as one piece of markup.
                Markup { markup in
                    markup.open("tbody")
                    for row in model.grid.rows {
                        markup.open("tr")
                        markup.element("td", text: VietnamTime.dayWithLunar(row.date, lang))
                        for cell in row.cells {
                            markup.open("td")
                            cellView(cell, model, lang, into: &markup)
                            markup.close("td")
                        }
                        markup.close("tr")
                    }
                    markup.close("tbody")
                }
            }
        }
        .class("table-wrap")
    }

    /// Each person a chip of their own (a link to the seat for those who may open it), then the open seats.
    private static func cellView(_ cell: RosterGrid.Cell, _ model: Model, _ lang: Language, into markup: inout Markup) {
        for person in cell.people {
            let text = (person.leader ? "★ " : "") + person.name
            if model.canManage || person.staffID == model.ownStaffID {
                markup.element(
                    "a",
                    ["class": "chip", "href": SiteURL.rosterPages(.seat(person.seatID)).path],
                    text: text
                )
            } else {
                markup.element("span", ["class": "chip"], text: text)
            }
        }
        for open in cell.open {
            markup.element(
                "span",
                ["class": "chip field-error"],
                text: RosterGrid.openText(open.role, open.missing, lang)
            )
        }
    }
}
