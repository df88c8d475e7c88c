import Foundation
import Vapor

/// The addresses of the gate's pages.
enum GateURL: Sendable, Hashable {
    /// The gate desk: the check-in form, alerts and who is inside now.
    case desk
    case checkIn
    case visit(UUID)
    case checkOut(UUID)
    case clearHold(UUID)
    /// Who is inside now, on paper or a phone without the site around it: the emergency roll-call.
    case rollCall
    /// The sổ khách to print.
    case book
    case watchlist
    case watchRemove(UUID)
    /// The unit's retention rule and the log of reads of visitor data.
    case data
    /// A host's invitations of expected visitors, one of them, and its signed link.
    case invitations
    case invitation(UUID)
    case invitationLink(String)
    /// The QR-reading script of the check-in form.
    case script

    var path: String {
        switch self {
        case .desk: "/gate"
        case .checkIn: "/gate/visits"
        case .visit(let id): "/gate/visits/\(id.uuidString.lowercased())"
        case .checkOut(let id): "/gate/visits/\(id.uuidString.lowercased())/check-out"
        case .clearHold(let id): "/gate/visits/\(id.uuidString.lowercased())/let-in"
        case .rollCall: "/gate/inside"
        case .book: "/gate/book"
        case .watchlist: "/gate/watchlist"
        case .watchRemove(let id): "/gate/watchlist/\(id.uuidString.lowercased())/remove"
        case .data: "/gate/data"
        case .invitations: "/gate/invitations"
        case .invitation(let id): "/gate/invitations/\(id.uuidString.lowercased())"
        case .invitationLink(let token): InvitationLink.pathPrefix + token
        case .script: "/static/gate.js"
        }
    }

    /// The route pattern: the path with `:id` in place of the id.
    var pattern: String {
        if case .invitationLink = self { return InvitationLink.pathPrefix + ":token" }
        return path.replacingOccurrences(of: UUID.placeholder.uuidString.lowercased(), with: ":id")
    }
}
