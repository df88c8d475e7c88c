import AnToanCore
import Fluent
import Foundation

extension RosterQueries {
    /// Whether the unit's head must approve its rosters before they are published (trình ký).
    static func approvalRequired(of unitID: UUID, on db: any Database) async throws -> Bool {
        try await DutySetup.query(on: db).filter(\.$unitID == unitID).first()?.approvalRequired ?? false
    }
}
