import Foundation
import Vapor

/// The addresses of the upkeep pages: the due list, the intervals, an item's check form, the corrective actions,
/// the PC02 record and the fire equipment book to print, and the oversight.
enum UpkeepURL: Sendable, Hashable {
    /// A unit's due and overdue upkeep and its open corrective actions (`unit`, `window`, `upkeep`, `page`).
    case list
    /// The unit's intervals per kind and upkeep, and the form to change one.
    case schedules
    /// The check form of an item, opened from its page (its QR label opens the item).
    case check(UUID)
    case actionDone(UUID)
    case photo(UUID)
    /// The PC02 self-inspection record of a period, to print.
    case pc02
    /// The sổ theo dõi phương tiện PCCC, to print.
    case fireBook
    /// Per unit over the reader's area: overdue upkeep, expired permits, lost items.
    case oversight

    var path: String {
        switch self {
        case .list: "/equipment/upkeep"
        case .schedules: "/equipment/upkeep/schedules"
        case .check(let id): "/equipment/\(id.uuidString.lowercased())/check"
        case .actionDone(let id): "/equipment/upkeep/actions/\(id.uuidString.lowercased())/done"
        case .photo(let id): "/equipment/upkeep/checks/\(id.uuidString.lowercased())/photo"
        case .pc02: "/equipment/upkeep/pc02"
        case .fireBook: "/equipment/upkeep/fire-book"
        case .oversight: "/equipment/oversight"
        }
    }

    /// The route pattern: the path with `:id` in place of the id.
    var pattern: String {
        path.replacingOccurrences(of: UUID.placeholder.uuidString.lowercased(), with: ":id")
    }
}
