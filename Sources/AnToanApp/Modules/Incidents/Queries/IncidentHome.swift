import AnToanCore
import Fluent
import Foundation
import Vapor

/// The home page's incident card for the people of a unit: one tap to report, and what is still open, with
/// those waiting for the reader's acknowledgement counted apart.
enum IncidentHome {
    static func card(_ req: Request, _ principal: Principal) async throws -> HomeCard? {
        guard principal.can(.reportIncident), case .unit(let unit, _) = principal.scope else { return nil }
        let lang = req.pageLanguage
        let open = try await IncidentQueries.incidents(in: principal.scope, on: req.db)
            .filter(\.$stage != IncidentStage.closed.rawValue).count()
        var lines = [
            HomeCard.Line(
                label: lang("Đang xử lý", "Open"),
                text: open == 0 ? lang("Không có vụ việc nào.", "None.") : lang("\(open) vụ việc", "\(open) incidents")
            )
        ]
        if principal.can(.handleIncidents) {
            let waiting = try await IncidentQueries.awaitingAcknowledgement(by: principal.id, on: req.db)
            if waiting > 0 {
                lines.append(
                    HomeCard.Line(
                        label: lang("Chờ bạn xác nhận", "Waiting for you"),
                        text: lang("\(waiting) vụ việc", "\(waiting) incidents")
                    )
                )
            }
        }
        return HomeCard(
            id: "incidents",
            title: lang("Vụ việc", "Incidents"),
            lines: lines,
            action: (lang("Báo cáo vụ việc", "Report an incident"), SiteURL.incidentNew(unit: unit).path)
        )
    }
}

extension IncidentQueries {
    /// How many incidents told to `account` it has not acknowledged.
    static func awaitingAcknowledgement(by account: UUID, on db: any Database) async throws -> Int {
        try await IncidentAddressee.query(on: db).filter(\.$accountID == account).filter(\.$acknowledgedAt == nil)
            .count()
    }
}
