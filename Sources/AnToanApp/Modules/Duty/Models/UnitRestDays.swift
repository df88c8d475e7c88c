import AnToanCore
import Fluent
import Foundation

/// A unit's weekly rest days, when it has said (otherwise `WeeklyRest.standard(for:)` by its kind): what its
/// compensatory days off and its rosters' weekends follow. `@unchecked Sendable`: Fluent model.
final class UnitRestDays: Model, @unchecked Sendable {
    static let schema = "unit_rest_days"

    @ID(key: .id) var id: UUID?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?
    @Field(key: "unit_id") var unitID: UUID
    /// `WeeklyRest`'s raw value: "sun" or "sat_sun".
    @Field(key: "weekly_rest") var weeklyRest: String

    init() {}

    init(unitID: UUID, weeklyRest: WeeklyRest) {
        self.unitID = unitID
        self.weeklyRest = weeklyRest.rawValue
    }
}
