import AnToanCore
import Fluent
import Foundation

/// Reads of subscriptions and deliveries within a scope: an administrator sees every subscription, an authority
/// those of its area and the areas below it, anyone else none (404).
enum WebhookQueries {
    static func subscriptions(in scope: Scope, on db: any Database) async throws -> [WebhookSubscription] {
        let query = WebhookSubscription.query(on: db).sort(\.$createdAt, .descending)
        switch scope {
        case .everything: return try await query.all()
        case .area(let path): return try await query.filter(\.$areaPath, hasPrefix: path.value).all()
        case .unit: return []
        }
    }

    static func subscription(_ id: UUID, in scope: Scope, on db: any Database) async throws -> WebhookSubscription {
        guard let subscription = try await WebhookSubscription.find(id, on: db) else { throw AppError.notFound }
        switch scope {
        case .everything: return subscription
        case .area(let path):
            guard let mine = subscription.areaPath.flatMap(AreaPath.init), path.contains(mine) else {
                throw AppError.notFound
            }
            return subscription
        case .unit: throw AppError.notFound
        }
    }

    /// A subscription's deliveries, newest first, with their attempts.
    static func deliveries(
        of subscriptionID: UUID,
        limit: Int = 100,
        on db: any Database
    ) async throws -> [(WebhookDelivery, [WebhookAttempt])] {
        let deliveries = try await WebhookDelivery.query(on: db).filter(\.$subscriptionID == subscriptionID)
            .sort(\.$eventSeq, .descending).limit(limit).all()
        let ids = deliveries.compactMap(\.id)
        let attempts =
            ids.isEmpty
            ? []
            : try await WebhookAttempt.query(on: db).filter(\.$deliveryID ~~ ids)
                .sort(\.$at).all()
        let byDelivery = Dictionary(grouping: attempts, by: \.deliveryID)
        return deliveries.map { ($0, $0.id.flatMap { byDelivery[$0] } ?? []) }
    }

    /// Counts of a subscription's deliveries by state.
    static func counts(of subscriptionID: UUID, on db: any Database) async throws -> [WebhookDelivery.State: Int] {
        var counts: [WebhookDelivery.State: Int] = [:]
        for state in WebhookDelivery.State.allCases {
            counts[state] = try await WebhookDelivery.query(on: db).filter(\.$subscriptionID == subscriptionID)
                .filter(\.$state == state.rawValue).count()
        }
        return counts
    }

    /// The names of the areas at `paths` (the current area where a path was reused), for people to read.
    static func areaNames(_ paths: Set<String>, on db: any Database) async throws -> [String: String] {
        guard !paths.isEmpty else { return [:] }
        let areas = try await Area.query(on: db).filter(\.$path ~~ Array(paths)).all()
        var names: [String: String] = [:]
        for area in areas where names[area.path] == nil || area.validTo == nil { names[area.path] = area.name }
        return names
    }

    /// The display names of the accounts `ids`.
    static func ownerNames(_ ids: Set<UUID>, on db: any Database) async throws -> [UUID: String] {
        guard !ids.isEmpty else { return [:] }
        let users = try await User.query(on: db).filter(\.$id ~~ Array(ids)).all()
        return Dictionary(users.compactMap { user in user.id.map { ($0, user.displayName) } }) { first, _ in first }
    }
}
