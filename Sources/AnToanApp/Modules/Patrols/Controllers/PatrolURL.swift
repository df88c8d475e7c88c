import Foundation
import Vapor

/// The addresses of patrols: routes and checkpoints, labels, rounds and their reports, the sổ tuần tra, the scan
/// links and the offline pieces, observations.
enum PatrolURL: Sendable, Hashable {
    /// Today's rounds and the routes in the reader's scope.
    case index
    case routeNew(unit: UUID)
    case route(UUID)
    case routeEdit(UUID)
    case checkpointAdd(route: UUID)
    /// The A4 sheet of the route's labels, to print.
    case labels(route: UUID)
    case checkpoint(UUID)
    case checkpointRemove(UUID)
    case checkpointRenew(UUID)
    case checkpointNFC(UUID)
    case round(UUID)
    case roundExport(UUID)
    /// The sổ tuần tra: a unit's rounds day by day, to print.
    case book
    /// Where offline scans are sent (and, by GET, the form token for it).
    case sync
    /// The page the service worker shows for a scan made offline.
    case offline
    /// The phone's position just after an online scan.
    case scanPosition(UUID)
    case observe
    case observation(UUID)
    case observationPhoto(UUID)
    case observationIncident(UUID)

    var path: String {
        switch self {
        case .index: "/patrols"
        case .routeNew(let unit): "/units/\(unit.uuidString.lowercased())/patrol-routes/new"
        case .route(let id): "/patrols/routes/\(id.uuidString.lowercased())"
        case .routeEdit(let id): "/patrols/routes/\(id.uuidString.lowercased())/edit"
        case .checkpointAdd(let id): "/patrols/routes/\(id.uuidString.lowercased())/checkpoints"
        case .labels(let id): "/patrols/routes/\(id.uuidString.lowercased())/labels"
        case .checkpoint(let id): "/patrols/checkpoints/\(id.uuidString.lowercased())"
        case .checkpointRemove(let id): "/patrols/checkpoints/\(id.uuidString.lowercased())/remove"
        case .checkpointRenew(let id): "/patrols/checkpoints/\(id.uuidString.lowercased())/renew"
        case .checkpointNFC(let id): "/patrols/checkpoints/\(id.uuidString.lowercased())/nfc"
        case .round(let id): "/patrols/rounds/\(id.uuidString.lowercased())"
        case .roundExport(let id): "/patrols/rounds/\(id.uuidString.lowercased())/export"
        case .book: "/patrols/book"
        case .sync: "/patrols/sync"
        case .offline: "/patrols/offline"
        case .scanPosition(let id): "/patrols/scans/\(id.uuidString.lowercased())/position"
        case .observe: "/patrols/observe"
        case .observation(let id): "/patrols/observations/\(id.uuidString.lowercased())"
        case .observationPhoto(let id): "/patrols/observations/\(id.uuidString.lowercased())/photo"
        case .observationIncident(let id): "/patrols/observations/\(id.uuidString.lowercased())/incident"
        }
    }

    /// The route pattern: the path with `:id` in place of the id.
    var pattern: String {
        path.replacingOccurrences(of: UUID.placeholder.uuidString.lowercased(), with: ":id")
    }
}
