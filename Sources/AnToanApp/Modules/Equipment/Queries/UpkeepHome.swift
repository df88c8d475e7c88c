import AnToanCore
import Fluent
import Foundation
import Vapor

/// The home page's card of equipment upkeep: for a unit's people who check or keep equipment, what is overdue, due
/// within the reminder's days and left to put right; for an authority, how many units have something overdue.
enum UpkeepHome {
    static func card(_ req: Request, _ principal: Principal) async throws -> HomeCard? {
        let lang = req.pageLanguage
        let today = VietnamTime.day(of: req.application.clock.now())
        guard case .unit(let unit, _) = principal.scope else {
            guard principal.can(.oversee) else { return nil }
            let page = try await EquipmentOversight.page(1, in: principal.scope, on: req.db)
            return HomeCard(
                id: "equipment-upkeep",
                title: lang("Phương tiện: kiểm tra, bảo quản", "Equipment upkeep"),
                lines: [
                    HomeCard.Line(
                        label: lang("Đơn vị có việc quá hạn", "Units with overdue upkeep"),
                        text: String(page.unitsWithProblems)
                    )
                ],
                action: (lang("Xem tình hình", "Open the oversight"), SiteURL.equipmentUpkeep(.oversight).path)
            )
        }
        guard principal.can(.checkEquipment) || principal.can(.manageEquipment) else { return nil }
        let counts = try await UpkeepQueries.counts(of: unit, today: today, on: req.db)
        return HomeCard(
            id: "equipment-upkeep",
            title: lang("Phương tiện: kiểm tra, bảo quản", "Equipment upkeep"),
            lines: [
                HomeCard.Line(
                    label: lang("Quá hạn", "Overdue"),
                    text: lang("\(counts.overdue) việc", "\(counts.overdue)")
                ),
                HomeCard.Line(
                    label: lang("Đến hạn trong \(UpkeepRules.reminderLeadDays) ngày", "Due within a week"),
                    text: lang("\(counts.soon) việc", "\(counts.soon)")
                ),
                HomeCard.Line(
                    label: lang("Việc khắc phục chưa xong", "Open corrective actions"),
                    text: lang("\(counts.actions) việc", "\(counts.actions)")
                ),
            ],
            action: (lang("Xem việc đến hạn", "Open what is due"), SiteURL.equipmentUpkeep(.list).path)
        )
    }
}

extension UpkeepQueries {
    /// A unit's upkeep overdue, due within the reminder's lead days (not overdue), and open corrective actions.
    static func counts(
        of unitID: UUID,
        today: SolarDate,
        on db: any Database
    ) async throws
        -> (overdue: Int, soon: Int, actions: Int)
    {
        let day = today.julianDay
        let rows = try await db.rows(
            """
            SELECT (SELECT COUNT(*) FROM equipment_dues WHERE unit_id = \(bind: unitID) \
            AND due_day < \(literal: day)), (SELECT COUNT(*) FROM equipment_dues WHERE unit_id = \(bind: unitID) \
            AND due_day >= \(literal: day) AND due_day <= \(literal: day + UpkeepRules.reminderLeadDays)), \
            (SELECT COUNT(*) FROM equipment_actions WHERE unit_id = \(bind: unitID) AND status = 'open')
            """
        ) { (try $0.next(Int.self), try $0.next(Int.self), try $0.next(Int.self)) }
        let first = rows.first ?? (0, 0, 0)
        return (first.0, first.1, first.2)
    }
}
