import AnToanCore
import Fluent
import Foundation

/// A day of a year's holiday schedule. The computed proposal (`HolidayCalendar`) is stored unconfirmed;
/// an administrator confirms or edits it, because the Prime Minister fixes Tết and 2/9 each year.
/// `@unchecked Sendable`: Fluent model.
final class HolidayDay: Model, @unchecked Sendable {
    static let schema = "holidays"

    @ID(key: .id) var id: UUID?
    @Field(key: "year") var year: Int
    @Field(key: "date") var date: String
    @Field(key: "name") var name: String
    /// statutory, compensatory or custom; every row is a day off.
    @Field(key: "kind") var kind: String
    @Field(key: "confirmed") var confirmed: Bool

    init() {}

    init(year: Int, date: String, name: String, kind: String, confirmed: Bool) {
        self.year = year
        self.date = date
        self.name = name
        self.kind = kind
        self.confirmed = confirmed
    }
}

/// A peak period (đợt cao điểm) an authority declared for its area, with the extra people every shift
/// of every unit below that area needs. `@unchecked Sendable`: Fluent model.
final class PeakPeriodRecord: Model, @unchecked Sendable {
    static let schema = "peak_periods"

    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Field(key: "name") var name: String
    @Field(key: "area_id") var areaID: UUID
    @Field(key: "area_path") var areaPath: String
    @Field(key: "start_date") var startDate: String
    @Field(key: "end_date") var endDate: String
    @Field(key: "extra_leaders") var extraLeaders: Int
    @Field(key: "extra_officers") var extraOfficers: Int
    @OptionalField(key: "declared_by") var declaredBy: UUID?

    init() {}

    var peakPeriod: PeakPeriod? {
        guard let area = AreaPath(areaPath), let from = SolarDate(iso: startDate), let to = SolarDate(iso: endDate)
        else { return nil }
        return PeakPeriod(
            area: area,
            from: from,
            to: to,
            name: name,
            uplift: StaffCount(leaders: extraLeaders, officers: extraOfficers)
        )
    }

    var auditSnapshot: [String: String] {
        [
            "name": name, "area_path": areaPath, "start_date": startDate, "end_date": endDate,
            "extra_leaders": String(extraLeaders), "extra_officers": String(extraOfficers),
        ]
    }
}

/// A unit's duty set-up: its posts with shift patterns and staffing, kept as Core's `DutyPost` in JSON.
/// `@unchecked Sendable`: Fluent model.
final class DutySetup: Model, @unchecked Sendable {
    static let schema = "duty_setups"

    @ID(key: .id) var id: UUID?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?
    @Field(key: "unit_id") var unitID: UUID
    @Field(key: "posts") var posts: String
    /// Trình ký: the unit's head approves each roster before it is published.
    @Field(key: "approval_required") var approvalRequired: Bool

    init() {}

    func decodedPosts() throws -> [DutyPost] {
        try JSONDecoder().decode([DutyPost].self, from: Data(posts.utf8))
    }
}

/// A roster of one unit for a period: a draft until published. `@unchecked Sendable`: Fluent model.
final class Roster: Model, @unchecked Sendable {
    static let schema = "rosters"

    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Field(key: "unit_id") var unitID: UUID
    @Field(key: "start_date") var startDate: String
    @Field(key: "end_date") var endDate: String
    /// draft, submitted (trình ký), approved, returned, published or replaced.
    @Field(key: "status") var status: String
    @Field(key: "seed") var seed: Int
    @Field(key: "hard_violations") var hardViolations: Int
    @Field(key: "open_seats") var openSeats: Int
    /// The checker's report, as Core writes it.
    @Field(key: "report") var report: String
    @OptionalField(key: "published_at") var publishedAt: Date?
    /// Why the unit's head returned it, while it is returned.
    @OptionalField(key: "return_reason") var returnReason: String?
    /// The set-up's posts (JSON) it was made from; nil for rosters made before they were kept.
    @OptionalField(key: "setup_posts") var setupPosts: String?

    init() {}
}

extension Roster {
    /// Not published yet: a draft, or on its way through the head's approval.
    var isUnpublished: Bool { ["draft", "submitted", "approved", "returned"].contains(status) }

    /// Seats may be edited by hand: not while the head has it, nor after it was approved or replaced.
    var isEditable: Bool { ["draft", "returned", "published"].contains(status) }
}

/// One seat of a roster: who stands which shift at which post on which day, in what role.
/// `@unchecked Sendable`: Fluent model.
final class RosterSeat: Model, @unchecked Sendable {
    static let schema = "roster_seats"

    @ID(key: .id) var id: UUID?
    @Field(key: "roster_id") var rosterID: UUID
    @Field(key: "unit_id") var unitID: UUID
    @Field(key: "date") var date: String
    @Field(key: "shift") var shift: String
    @Field(key: "post") var post: String
    @Field(key: "role") var role: String
    @Field(key: "staff_id") var staffID: UUID
    @Field(key: "starts_at") var startsAt: Date
    @Field(key: "ends_at") var endsAt: Date

    init() {}
}
