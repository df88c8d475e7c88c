import Foundation
import Vapor

/// The addresses of the equipment registry's pages.
enum EquipmentURL: Sendable, Hashable {
    /// The items of the reader's unit (or area), with filters.
    case list
    case new
    /// An item's page: what its QR label opens.
    case item(UUID)
    case edit(UUID)
    case status(UUID)
    case permits(UUID)
    case permitRemove(UUID)
    /// The A4 sheet of QR labels of the listed items.
    case labels
    /// Receipts and issues (EQ-4), one of them, and one of its papers.
    case transfers
    case transfer(UUID)
    case transferDocument(UUID, document: UUID)

    var path: String {
        switch self {
        case .list: "/equipment"
        case .new: "/equipment/new"
        case .item(let id): "/equipment/\(id.uuidString.lowercased())"
        case .edit(let id): "/equipment/\(id.uuidString.lowercased())/edit"
        case .status(let id): "/equipment/\(id.uuidString.lowercased())/status"
        case .permits(let id): "/equipment/\(id.uuidString.lowercased())/permits"
        case .permitRemove(let id): "/equipment/permits/\(id.uuidString.lowercased())/remove"
        case .labels: "/equipment/labels"
        case .transfers: "/equipment/transfers"
        case .transfer(let id): "/equipment/transfers/\(id.uuidString.lowercased())"
        case .transferDocument(let id, let document):
            "/equipment/transfers/\(id.uuidString.lowercased())/documents/\(document.uuidString.lowercased())"
        }
    }

    /// The route pattern: the path with `:id` in place of the id.
    var pattern: String {
        if case .transferDocument = self { return "/equipment/transfers/:id/documents/:document" }
        return path.replacingOccurrences(of: UUID.placeholder.uuidString.lowercased(), with: ":id")
    }
}
