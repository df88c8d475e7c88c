import Foundation
import Vapor

/// The addresses of tips (the public form and follow-up page, triage) and situation notes.
enum TipURL: Sendable, Hashable {
    /// The public form: no account needed.
    case submit
    /// The sender's page: the status and questions, by the code.
    case follow
    /// The sender's answer or addition, with the code.
    case answer
    /// Triage: the tips in the reader's scope.
    case list
    case tip(UUID)
    case decide(UUID)
    case photo(UUID)
    case notes
    case noteIncident(UUID)

    var path: String {
        switch self {
        case .submit: "/tips/new"
        case .follow: "/tips/follow"
        case .answer: "/tips/follow/answer"
        case .list: "/tips"
        case .tip(let id): "/tips/\(id.uuidString.lowercased())"
        case .decide(let id): "/tips/\(id.uuidString.lowercased())/decide"
        case .photo(let id): "/tip-photos/\(id.uuidString.lowercased())"
        case .notes: "/situation-notes"
        case .noteIncident(let id): "/situation-notes/\(id.uuidString.lowercased())/incident"
        }
    }

    /// The route pattern: the path with `:id` in place of the id.
    var pattern: String {
        path.replacingOccurrences(of: UUID.placeholder.uuidString.lowercased(), with: ":id")
    }
}
