import AnToanCore
import Vapor

/// /api/v1: the anniversaries of a year that drive peak plans, as the holidays page lists them.
struct DutyCalendarAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("anniversaries", ":year", use: anniversaries)
    }

    /// The year's ANTT anniversaries (not days off), each with its lunar date.
    @Sendable func anniversaries(req: Request) async throws -> [AnniversaryDTO] {
        _ = try req.principal(allowedTo: .viewRosters)
        return HolidayCalendar.anniversaries(year: try req.yearParameter()).map(AnniversaryDTO.init)
    }
}

/// An anniversary that usually brings a peak period, in both languages.
struct AnniversaryDTO: Content {
    var day: DayDTO
    var nameVi: String
    var nameEn: String

    init(_ holiday: Holiday) {
        day = DayDTO(holiday.date.iso)
        nameVi = holiday.nameVi
        nameEn = holiday.nameEn
    }
}
