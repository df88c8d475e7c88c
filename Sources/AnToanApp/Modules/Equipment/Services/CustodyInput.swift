import AnToanCore
import Foundation

/// An issue request as a form or the API gives it: raw values, checked by `CustodyService.request`.
struct CustodyInput: Sendable {
    var itemID: UUID?
    /// The holder: a staff member of the item's unit.
    var staffID: UUID?
    /// For a counted stock: how many; 1 for a numbered item.
    var quantity: Int?
    var reason: String?
    /// ISO 8601, `datetime-local` or dd/MM/yyyy HH:mm in Vietnam.
    var expectedReturnAt: String?
    var problems: [FieldError] = []
}

enum CustodyLimits {
    static let reason = 500
    static let note = 1_000
    /// An issue is for a task: back within 90 days at the latest.
    static let longest: TimeInterval = 90 * 86_400
}
