import AnToanCore
import Foundation
import Plot

/// Today's patrols: the rounds under way, to come and just over (with what is done against what is expected,
/// late or missed in red, live), and the routes of the reader's scope.
enum PatrolsPage {
    struct RoundRow {
        var round: PatrolRound
        var routeName: String
        var now: Date
    }

    struct Model {
        var day: SolarDate
        var rounds: [RoundRow]
        var routes: [(PatrolRoute, unitName: String)]
        /// The unit a new route is added to (a unit's manager); nil: no button.
        var newRouteUnit: UUID?
        var showUnits: Bool
    }

    static func view(_ model: Model, _ context: PageContext) -> any Component {
        let lang = context.lang
        return Div {
            H1(lang("Tuần tra", "Patrols"))
            Div {
                Link(lang("Sổ tuần tra", "Patrol log book"), url: PatrolURL.book.path)
                if let unit = model.newRouteUnit {
                    Link(lang("Thêm tuyến tuần tra", "New patrol route"), url: PatrolURL.routeNew(unit: unit).path)
                        .class("button")
                }
            }
            .class("actions")
            Div {
                H2(lang("Lượt tuần tra", "Patrol rounds"))
                if model.rounds.isEmpty {
                    Paragraph(
                        lang(
                            "Chưa có lượt tuần tra nào trong khoảng 12 giờ trước và sau lúc này.",
                            "No patrol round in the twelve hours before or after now."
                        )
                    )
                    .class("muted")
                } else {
                    DataTable(
                        headers: [
                            lang("Giờ", "Time"), lang("Tuyến", "Route"), lang("Đã quét", "Scanned"),
                            lang("Tình trạng", "Status"),
                        ]
                    ) {
                        for row in model.rounds { roundRow(row, lang) }
                    }
                }
                Paragraph("").id("patrol-sync").class("muted").attribute(named: "role", value: "status")
            }
            .id("patrol-rounds")
            .attribute(named: "data-live", value: "patrol.scanned patrol.round_missed")
            .attribute(named: "data-live-region", value: "patrol-rounds")
            .attribute(named: "data-patrol", value: "index")
            H2(lang("Tuyến tuần tra", "Patrol routes"))
            if model.routes.isEmpty {
                Paragraph(lang("Chưa có tuyến tuần tra nào.", "No patrol route yet.")).class("muted")
            } else {
                DataTable(
                    headers: [lang("Tuyến", "Route")] + (model.showUnits ? [lang("Đơn vị", "Unit")] : [])
                        + [lang("Lịch", "Schedule"), lang("Thứ tự", "Order")]
                ) {
                    for (route, unitName) in model.routes {
                        El("tr") {
                            El("td") {
                                if let id = route.id { Link(route.name, url: PatrolURL.route(id).path) }
                                if !route.active { Span(lang(" (ngừng)", " (stopped)")).class("muted") }
                            }
                            if model.showUnits { El("td") { Text(unitName) } }
                            El("td") { Text(PatrolWords.schedule(route, lang)) }
                            El("td") { Text(PatrolWords.order(route.order, lang)) }
                        }
                    }
                }
            }
        }
    }

    private static func roundRow(_ row: RoundRow, _ lang: Language) -> any Component {
        let round = row.round
        let total = round.planIDs.count
        let status: String =
            if round.statusValue == .due {
                row.now < round.startsAt
                    ? lang("Chưa đến giờ", "Not yet")
                    : row.now < round.endsAt ? lang("Đang tuần tra", "Under way") : lang("Đang chốt", "Closing")
            } else { PatrolWords.status(round.statusValue, lang) }
        return El("tr", round.statusValue == .incomplete ? ["class": "round-incomplete"] : [:]) {
            El("td") {
                if let id = round.id {
                    Link(PatrolWords.window(round), url: PatrolURL.round(id).path)
                }
            }
            El("td") { Text(row.routeName) }
            El("td") {
                Text("\(round.doneCount + round.lateCount)/\(total)")
                if round.missedCount > 0 {
                    Span(lang(" · bỏ sót \(round.missedCount)", " · missed \(round.missedCount)")).class(
                        "status-missing"
                    )
                }
                if round.lateCount > 0 {
                    Span(lang(" · trễ \(round.lateCount)", " · late \(round.lateCount)")).class("status-late")
                }
            }
            El("td") { Text(status) }
        }
    }
}
