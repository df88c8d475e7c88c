import AnToanCore
import Foundation
import Vapor

/// A year's days off as an administrator confirms them; no `days` confirms the computed proposal.
struct HolidayInput: APIInput {
    static let fields: Set<String> = ["days"]

    struct Day: Codable, Sendable {
        var date: String?
        var name: String?
    }

    var days: [Day]?

    func problems() -> [FieldError] {
        (days?.count ?? 0) > 60
            ? [FieldError(field: "days", reason: .invalid(vi: "quá 60 ngày", en: "more than 60 days"))] : []
    }
}

struct PeakPeriodInput: APIInput {
    static let fields: Set<String> = ["name", "area_id", "start_date", "end_date", "extra_leaders", "extra_officers"]
    var name: String?
    var areaId: UUID?
    var startDate: String?
    var endDate: String?
    var extraLeaders: Int?
    var extraOfficers: Int?

    func problems() -> [FieldError] { [] }
}

/// A unit's posts: each a named pattern (3x8, 2x12, 24h) or its own shifts, with staffing per shift and kind of day.
struct DutySetupInput: APIInput {
    static let fields: Set<String> = ["posts", "approval_required"]

    struct Post: Codable, Sendable {
        var id: String
        var name: String?
        var pattern: String?
        var shifts: [DutyShift]?
        var requirements: [ShiftRequirement]
        /// 1 thấp / low, 2 thường / normal, 3 cao / high; omitted → high for the first post, normal for others.
        var priority: Int?
    }

    var posts: [Post]
    /// Trình ký; nil keeps the unit's setting.
    var approvalRequired: Bool? = nil

    func problems() -> [FieldError] {
        posts.count > 50
            ? [FieldError(field: "posts", reason: .invalid(vi: "quá 50 chốt", en: "more than 50 posts"))] : []
    }

    /// Core's posts; a pattern or shift problem names the post and the shift.
    func dutyPosts() throws -> [DutyPost] {
        var checker = FieldChecker()
        var result: [DutyPost] = []
        for (index, post) in posts.enumerated() {
            let field = "posts[\(index)]"
            if let name = post.name { checker.name("\(field).name", name, max: 200, optional: true) }
            let pattern: ShiftPattern?
            switch (post.pattern, post.shifts) {
            case ("3x8", nil): pattern = .threeShifts
            case ("2x12", nil): pattern = .twoShifts
            case ("24h", nil): pattern = .fullDay
            case (nil, let shifts?), ("custom", let shifts?):
                do {
                    pattern = try ShiftPattern.custom(shifts)
                } catch {
                    checker.add("\(field).shifts", .invalid(vi: error.vietnameseMessage, en: error.englishMessage))
                    pattern = nil
                }
            default:
                checker.add(
                    "\(field).pattern",
                    .invalid(vi: "chọn 3x8, 2x12, 24h hoặc ghi các ca", en: "choose 3x8, 2x12, 24h or list the shifts")
                )
                pattern = nil
            }
            if let priority = post.priority, !DutyPost.priorities.contains(priority) {
                checker.add(
                    "\(field).priority",
                    .invalid(vi: "1 (thấp), 2 (thường) hoặc 3 (cao)", en: "1 (low), 2 (normal) or 3 (high)")
                )
            }
            if let pattern {
                var saved = DutyPost(id: post.id, name: post.name, pattern: pattern, requirements: post.requirements)
                saved.priority = post.priority ?? saved.priority(isMain: result.isEmpty)
                result.append(saved)
            }
        }
        try checker.check()
        return result
    }
}

struct RosterRequest: APIInput {
    static let fields: Set<String> = ["start_date", "days", "seed"]
    var startDate: String?
    var days: Int?
    var seed: Int?

    func problems() -> [FieldError] {
        var problems: [FieldError] = []
        if startDate == nil { problems.append(FieldError(field: "start_date", reason: .required)) }
        if let days, !(1...62).contains(days) {
            problems.append(FieldError(field: "days", reason: .invalid(vi: "từ 1 đến 62 ngày", en: "1 to 62 days")))
        }
        if let seed, seed < 0 {
            problems.append(FieldError(field: "seed", reason: .invalid(vi: "không được âm", en: "cannot be negative")))
        }
        return problems
    }
}
