import AnToanCore
import Fluent
import Foundation
import Vapor

/// The home page's custody card for a unit's custodians and head: what is out (and overdue), what waits for the
/// head's approval, and the loss reports not yet done; for anyone else, what they hold themselves.
enum CustodyHome {
    static func card(_ req: Request, _ principal: Principal) async throws -> HomeCard? {
        guard case .unit = principal.scope else { return nil }
        let lang = req.pageLanguage
        let now = req.application.clock.now()
        var lines: [HomeCard.Line] = []
        if principal.can(.manageEquipment) || principal.can(.approveEquipmentIssue) {
            let open = try await CustodyQueries.open(in: principal.scope, on: req.db)
            let out = open.filter { $0.statusValue == .issued || $0.statusValue == .handed }
            let overdue = out.filter { $0.isOverdue(at: now) }.count
            lines.append(
                HomeCard.Line(
                    label: lang("Đang cấp phát", "Out now"),
                    text: lang("\(out.count) phương tiện", "\(out.count) items")
                        + (overdue > 0 ? lang(", \(overdue) quá hạn trả", ", \(overdue) overdue") : "")
                )
            )
            let pending = open.filter { $0.statusValue == .pending }.count
            if pending > 0 {
                lines.append(
                    HomeCard.Line(
                        label: lang("Chờ thủ trưởng duyệt", "Awaiting approval"),
                        text: lang("\(pending) đề nghị", "\(pending) requests")
                    )
                )
            }
            let losses = try await CustodyQueries.lossReports(in: principal.scope, openOnly: true, on: req.db).count
            if losses > 0 {
                lines.append(
                    HomeCard.Line(
                        label: lang("Biên bản mất chưa xong", "Open loss reports"),
                        text: lang("\(losses) biên bản", "\(losses) reports")
                    )
                )
            }
        } else {
            guard let me = try await CustodyAccess.me(principal, on: req.db) else { return nil }
            let mine = try await CustodyQueries.open(in: principal.scope, staff: try me.requireID(), on: req.db)
            guard !mine.isEmpty else { return nil }
            let overdue = mine.filter { $0.isOverdue(at: now) }.count
            lines.append(
                HomeCard.Line(
                    label: lang("Bạn đang giữ", "You hold"),
                    text: lang("\(mine.count) phương tiện", "\(mine.count) items")
                        + (overdue > 0 ? lang(", \(overdue) quá hạn trả", ", \(overdue) overdue") : "")
                )
            )
        }
        return HomeCard(
            id: "custody",
            title: lang("Cấp phát phương tiện", "Equipment custody"),
            lines: lines,
            action: (lang("Ai đang giữ gì", "Who holds what"), SiteURL.custody(.list).path)
        )
    }
}
