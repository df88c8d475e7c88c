import AnToanCore
import Fluent
import Foundation
import Vapor

/// Each person's secret calendar address: made (or made anew) and revoked by the person; only its hash is kept.
enum ShiftFeeds {
    /// Makes a new secret for `staff`, replacing any earlier one; returns the secret, shown once.
    static func regenerate(for staff: StaffMember, by actor: Principal, on req: Request) async throws -> String {
        let token = SecretToken.generate()
        let staffID = try staff.requireID()
        let now = req.application.clock.now()
        try await req.application.write { db in
            let existing = try await ShiftFeed.query(on: db).filter(\.$staffID == staffID).first()
            let feed = existing ?? ShiftFeed()
            feed.staffID = staffID
            feed.tokenHash = SecretToken.hash(token)
            try await feed.store(on: db)
            try await AuditTrail.record(
                on: db,
                actor: actor.auditActor,
                action: existing == nil ? .create : .update,
                entity: "shift_feed",
                entityID: staffID.uuidString,
                before: nil,
                after: ["staff_id": staffID.uuidString],
                now: now
            )
        }
        return token
    }

    static func revoke(for staff: StaffMember, by actor: Principal, on req: Request) async throws {
        let staffID = try staff.requireID()
        let now = req.application.clock.now()
        try await req.application.write { db in
            let _: Void = try await ShiftFeed.query(on: db).filter(\.$staffID == staffID).delete()
            try await AuditTrail.record(
                on: db,
                actor: actor.auditActor,
                action: .delete,
                entity: "shift_feed",
                entityID: staffID.uuidString,
                before: ["staff_id": staffID.uuidString],
                after: nil,
                now: now
            )
        }
    }

    static func exists(for staff: StaffMember, on db: any Database) async throws -> Bool {
        try await ShiftFeed.query(on: db).filter(\.$staffID == staff.requireID()).count() > 0
    }

    /// The person whose secret this is, if it is a live one and they have not left.
    static func staff(forToken token: String, on db: any Database) async throws -> StaffMember? {
        guard token.count == 43,
            let feed = try await ShiftFeed.query(on: db).filter(\.$tokenHash == SecretToken.hash(token)).first()
        else { return nil }
        return try await StaffMember.query(on: db).filter(\.$id == feed.staffID).filter(\.$status != "left").first()
    }
}
