import Fluent
import Foundation

/// A police, military command or people's committee with an area; its accounts get that area as scope.
/// `@unchecked Sendable`: Fluent model.
final class SupervisingBody: Model, @unchecked Sendable {
    static let schema = "supervising_bodies"

    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Field(key: "code") var code: String
    @Field(key: "name") var name: String
    @Field(key: "kind") var kind: String
    @Field(key: "area_path") var areaPath: String
    @Parent(key: "area_id") var area: Area
    /// The body this one reports to or seeks approval from; approval chains are data, not code.
    @OptionalParent(key: "reports_to_id") var reportsTo: SupervisingBody?

    init() {}

    var auditSnapshot: [String: String] {
        [
            "code": code, "name": name, "kind": kind, "area_id": $area.id.uuidString,
            "reports_to_id": $reportsTo.id?.uuidString ?? "",
        ]
    }
}
