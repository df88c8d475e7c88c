import Foundation
import Vapor

/// The addresses of the roster pages (set-up, rosters, seats, swaps, one's own shifts and their feed).
enum RosterURL: Sendable, Hashable {
    case setup(UUID)
    case list(UUID)
    case index
    case roster(UUID)
    case publish(UUID)
    /// Trình ký: submit to the unit's head, who approves (`sign`) or returns it (`giveBack`).
    case submit(UUID)
    case sign(UUID)
    case giveBack(UUID)
    case print(UUID)
    case xlsx(UUID)
    case seat(UUID)
    case swap(UUID)
    case approve(UUID)
    case reject(UUID)
    case myShifts
    case feed
    case feedRevoke
    case feedFile(String)
    case accounts(UUID)

    var path: String {
        switch self {
        case .setup(let id): "/units/\(id.uuidString.lowercased())/duty"
        case .list(let id): "/units/\(id.uuidString.lowercased())/rosters"
        case .index: "/rosters"
        case .roster(let id): "/rosters/\(id.uuidString.lowercased())"
        case .publish(let id): "/rosters/\(id.uuidString.lowercased())/publish"
        case .submit(let id): "/rosters/\(id.uuidString.lowercased())/submit"
        case .sign(let id): "/rosters/\(id.uuidString.lowercased())/approve"
        case .giveBack(let id): "/rosters/\(id.uuidString.lowercased())/return"
        case .print(let id): "/rosters/\(id.uuidString.lowercased())/print"
        case .xlsx(let id): "/rosters/\(id.uuidString.lowercased())/export.xlsx"
        case .seat(let id): "/roster-seats/\(id.uuidString.lowercased())"
        case .swap(let id): "/roster-seats/\(id.uuidString.lowercased())/swap"
        case .approve(let id): "/swaps/\(id.uuidString.lowercased())/approve"
        case .reject(let id): "/swaps/\(id.uuidString.lowercased())/reject"
        case .myShifts: "/my-shifts"
        case .feed: "/my-shifts/feed"
        case .feedRevoke: "/my-shifts/feed/revoke"
        case .feedFile(let token): "/my-shifts/\(token).ics"
        case .accounts(let id): "/units/\(id.uuidString.lowercased())/duty-accounts"
        }
    }

    /// The route pattern: the path with `:id` (or `:file` for the feed) in place of the value.
    var pattern: String {
        switch self {
        case .setup, .list, .roster, .publish, .submit, .sign, .giveBack, .print, .xlsx, .seat, .swap, .approve,
            .reject, .accounts:
            path.replacingOccurrences(of: UUID.placeholder.uuidString.lowercased(), with: ":id")
        case .feedFile: "/my-shifts/:file"
        case .index, .myShifts, .feed, .feedRevoke: path
        }
    }
}
