import AnToanCore
import Foundation

/// One row of the outbox as its readers (the live stream, the webhook dispatcher) see it.
struct OutboxEvent: Sendable, Equatable {
    /// Allocated in commit order: a reader that resumes after `seq` never misses an event committed later.
    let seq: Int64
    let id: UUID
    let type: EventType
    let unitID: UUID?
    let areaPath: String?
    /// Set for an event meant for one account only (its notifications).
    let accountID: UUID?
    /// The JSON of a DTO.
    let payload: String
    let at: Date

    /// Who may see the event: the account it is addressed to; else the unit's people, the authorities whose
    /// area contains its area, and administrators.
    func isVisible(to account: UUID, scope: Scope) -> Bool {
        if let accountID { return accountID == account }
        switch scope {
        case .everything:
            return true
        case .area(let mine):
            guard let areaPath, let area = AreaPath(areaPath) else { return false }
            return mine.contains(area)
        case .unit(let mine, _):
            return unitID == mine
        }
    }
}
