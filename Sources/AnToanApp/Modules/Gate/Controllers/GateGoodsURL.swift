import Foundation
import Vapor

/// The addresses of the gate's goods and vehicle pages.
enum GateGoodsURL: Sendable, Hashable {
    /// The release notes of the reader's unit (or area) and the form to draft one.
    case notes
    case note(UUID)
    case approve(UUID)
    case refuse(UUID)
    /// The gate lets the goods of an approved note out.
    case release(UUID)
    /// The staff a unit names to approve its notes.
    case approvers
    case approverRemove(UUID)
    /// The vehicles inside now and the check-in form.
    case vehicles
    case vehicleCheckOut(UUID)
    /// The sổ xuất–nhập to print.
    case book

    var path: String {
        switch self {
        case .notes: "/gate/goods"
        case .note(let id): "/gate/goods/\(id.uuidString.lowercased())"
        case .approve(let id): "/gate/goods/\(id.uuidString.lowercased())/approve"
        case .refuse(let id): "/gate/goods/\(id.uuidString.lowercased())/refuse"
        case .release(let id): "/gate/goods/\(id.uuidString.lowercased())/release"
        case .approvers: "/gate/approvers"
        case .approverRemove(let id): "/gate/approvers/\(id.uuidString.lowercased())/remove"
        case .vehicles: "/gate/vehicles"
        case .vehicleCheckOut(let id): "/gate/vehicles/\(id.uuidString.lowercased())/check-out"
        case .book: "/gate/goods-book"
        }
    }

    /// The route pattern: the path with `:id` in place of the id.
    var pattern: String {
        path.replacingOccurrences(of: UUID.placeholder.uuidString.lowercased(), with: ":id")
    }
}
