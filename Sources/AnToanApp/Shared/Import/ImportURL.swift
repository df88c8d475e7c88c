import Foundation
import Vapor

/// The import pages' addresses and the files they link to, so that routes and links cannot drift apart. The
/// files are served under the pages' own paths with the session, as the API takes bearer tokens only.
enum ImportURL: Sendable {
    case form
    case job(UUID)
    case template(ImportKind, ImportFileFormat)
    case export(ImportKind, ImportFileFormat)
    /// The export as a form's action: its fields add the format and, when ticked, `reveal=identity`.
    case exportForm(ImportKind)

    var path: String {
        switch self {
        case .form: "/import"
        case .job(let id): "/import/jobs/\(id.uuidString.lowercased())"
        case .template(let kind, let format): "/import/\(kind.id)/template?format=\(format.rawValue)"
        case .export(let kind, let format): "/export/\(kind.id)?format=\(format.rawValue)"
        case .exportForm(let kind): "/export/\(kind.id)"
        }
    }

    static let jobRoute: [PathComponent] = ["import", "jobs", ":id"]
    static let templateRoute: [PathComponent] = ["import", ":kind", "template"]
    static let exportRoute: [PathComponent] = ["export", ":kind"]
}
