import Fluent
import Foundation

/// A headquarters, building, gate, guard post or patrol checkpoint of a unit. `@unchecked Sendable`: Fluent model.
final class Site: Model, @unchecked Sendable {
    static let schema = "sites"

    @ID(key: .id) var id: UUID?
    @Field(key: "code") var code: String
    @Field(key: "name") var name: String
    @Field(key: "kind") var kind: String
    @Parent(key: "unit_id") var unit: OrgUnit
    @Children(for: \.$site) var systems: [SecuritySystem]

    init() {}

    var auditSnapshot: [String: String] {
        ["code": code, "name": name, "kind": kind, "unit_id": $unit.id.uuidString]
    }
}

/// Cameras, alarms, access control or fire alarm at a site, with their state. `@unchecked Sendable`: Fluent model.
final class SecuritySystem: Model, @unchecked Sendable {
    static let schema = "security_systems"

    @ID(key: .id) var id: UUID?
    @Field(key: "kind") var kind: String
    @Field(key: "count") var count: Int
    @Field(key: "status") var status: String
    @OptionalField(key: "last_check") var lastCheck: String?
    @Parent(key: "site_id") var site: Site

    init() {}

    var auditSnapshot: [String: String] {
        [
            "kind": kind, "count": String(count), "status": status, "last_check": lastCheck ?? "",
            "site_id": $site.id.uuidString,
        ]
    }
}
