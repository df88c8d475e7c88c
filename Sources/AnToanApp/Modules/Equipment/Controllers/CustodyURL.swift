import Foundation
import Vapor

/// The addresses of custody's pages: issues, certificates, loss reports and the sổ theo dõi công cụ hỗ trợ.
enum CustodyURL: Sendable, Hashable {
    /// Who holds what now in the reader's scope, the requests under way and the form to request an issue.
    case list
    /// What one staff member holds now.
    case person(UUID)
    case one(UUID)
    case approve(UUID)
    case refuse(UUID)
    /// The custodian hands it over.
    case hand(UUID)
    /// The holder confirms receipt.
    case receive(UUID)
    /// The custodian takes it back.
    case giveBack(UUID)
    /// The sổ theo dõi công cụ hỗ trợ to print.
    case book
    case certificates
    case certificateRemove(UUID)
    case lossReports
    case lossHead(UUID)
    case lossPolice(UUID)

    var path: String {
        switch self {
        case .list: "/equipment/custody"
        case .person(let id): "/equipment/custody/people/\(id.uuidString.lowercased())"
        case .one(let id): "/equipment/custody/\(id.uuidString.lowercased())"
        case .approve(let id): "/equipment/custody/\(id.uuidString.lowercased())/approve"
        case .refuse(let id): "/equipment/custody/\(id.uuidString.lowercased())/refuse"
        case .hand(let id): "/equipment/custody/\(id.uuidString.lowercased())/hand"
        case .receive(let id): "/equipment/custody/\(id.uuidString.lowercased())/receive"
        case .giveBack(let id): "/equipment/custody/\(id.uuidString.lowercased())/return"
        case .book: "/equipment/custody-book"
        case .certificates: "/equipment/certificates"
        case .certificateRemove(let id): "/equipment/certificates/\(id.uuidString.lowercased())/remove"
        case .lossReports: "/equipment/loss-reports"
        case .lossHead(let id): "/equipment/loss-reports/\(id.uuidString.lowercased())/head"
        case .lossPolice(let id): "/equipment/loss-reports/\(id.uuidString.lowercased())/police"
        }
    }

    /// The route pattern: the path with `:id` in place of the id.
    var pattern: String {
        path.replacingOccurrences(of: UUID.placeholder.uuidString.lowercased(), with: ":id")
    }
}
