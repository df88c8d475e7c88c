import Foundation
import Vapor

/// The import pages' addresses and the API files they link to, so that routes and links cannot drift apart.
enum ImportURL: Sendable {
    case form
    case job(UUID)
    case template(ImportKind, ImportFileFormat)
    case export(ImportKind, ImportFileFormat)

    var path: String {
        switch self {
        case .form: "/import"
        case .job(let id): "/import/jobs/\(id.uuidString.lowercased())"
        case .template(let kind, let format): "/api/v1/import/\(kind.rawValue)/template?format=\(format.rawValue)"
        case .export(let kind, let format): "/api/v1/export/\(kind.rawValue)?format=\(format.rawValue)"
        }
    }

    static let jobRoute: [PathComponent] = ["import", "jobs", ":id"]
}
