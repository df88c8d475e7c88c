import Foundation

/// The pages of the background machinery: the job runner's jobs and the webhook subscriptions.
enum AdminURL: Sendable, Hashable {
    case jobs
    case jobRetry(UUID)
    case webhooks
    case webhook(UUID)
    case webhookDelete(UUID)
    case deliveryRetry(UUID)

    var path: String {
        switch self {
        case .jobs: "/admin/jobs"
        case .jobRetry(let id): "/admin/jobs/\(id.uuidString.lowercased())/retry"
        case .webhooks: "/webhooks"
        case .webhook(let id): "/webhooks/\(id.uuidString.lowercased())"
        case .webhookDelete(let id): "/webhooks/\(id.uuidString.lowercased())/delete"
        case .deliveryRetry(let id): "/webhook-deliveries/\(id.uuidString.lowercased())/retry"
        }
    }

    /// The route pattern: the path with `:id` in place of the id.
    var pattern: String {
        switch self {
        case .jobs, .webhooks: path
        case .jobRetry, .webhook, .webhookDelete, .deliveryRetry:
            path.replacingOccurrences(of: UUID.placeholder.uuidString.lowercased(), with: ":id")
        }
    }
}
