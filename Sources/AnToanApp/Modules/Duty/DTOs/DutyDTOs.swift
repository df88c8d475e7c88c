import AnToanCore
import Foundation
import Vapor

/// A solar date with its lunar date beside it, as every duty date is shown.
struct DayDTO: Content {
    var date: String
    /// d/M of the lunar calendar, with "n" after a leap month: "1/1", "29/12", "15/4n".
    var lunar: String

    init(_ iso: String) {
        date = iso
        lunar = SolarDate(iso: iso).flatMap { try? LunarCalendar.lunar(from: $0) }?.short ?? ""
    }
}

struct HolidayDTO: Content {
    var day: DayDTO
    var name: String
    var kind: String
    var confirmed: Bool

    init(_ holiday: HolidayDay) {
        day = DayDTO(holiday.date)
        name = holiday.name
        kind = holiday.kind
        confirmed = holiday.confirmed
    }
}

struct PeakPeriodDTO: Content {
    var id: UUID
    var name: String
    var areaId: UUID
    var areaPath: String
    var start: DayDTO
    var end: DayDTO
    var extraLeaders: Int
    var extraOfficers: Int

    init(_ peak: PeakPeriodRecord) throws {
        id = try peak.requireID()
        name = peak.name
        areaId = peak.areaID
        areaPath = peak.areaPath
        start = DayDTO(peak.startDate)
        end = DayDTO(peak.endDate)
        extraLeaders = peak.extraLeaders
        extraOfficers = peak.extraOfficers
    }
}

struct DutySetupDTO: Content {
    var unitId: UUID
    var posts: [DutyPost]
    /// Trình ký: the unit's head approves each roster before it is published.
    var approvalRequired = false
}

struct RosterSeatDTO: Content {
    var day: DayDTO
    var shift: String
    var post: String
    var role: String
    var staffId: UUID
    var staffName: String
    var startsAt: Date
    var endsAt: Date
    /// The seat, for hand edits and swap requests.
    var id: UUID? = nil
}

struct RosterDTO: Content {
    var id: UUID
    var unitId: UUID
    var startDate: String
    var endDate: String
    var status: String
    var hardViolations: Int
    var openSeats: Int
    var report: RosterReport
    var seats: [RosterSeatDTO]?
    /// Why the unit's head returned it, while it is returned.
    var returnReason: String?

    init(_ roster: Roster, seats: [RosterSeatDTO]? = nil) throws {
        id = try roster.requireID()
        unitId = roster.unitID
        startDate = roster.startDate
        endDate = roster.endDate
        status = roster.status
        hardViolations = roster.hardViolations
        openSeats = roster.openSeats
        report = try JSONDecoder().decode(RosterReport.self, from: Data(roster.report.utf8))
        self.seats = seats
        returnReason = roster.status == "returned" ? roster.returnReason : nil
    }
}

/// A unit that lacks cover, and where.
struct UnitCoverDTO: Content {
    var unitId: UUID
    var code: String
    var name: String
    /// True when the unit has not set up its duty posts at all.
    var noSetup: Bool
    var gaps: [DutyOversight.Gap]
    /// People on a shift under way who have not checked in past the grace.
    var notCheckedIn: [DutyOversight.Absence]
    /// The published roster was made from other posts than the unit has now ("Lịch trực đã cũ").
    var rosterOutOfDate = false

    init(_ cover: DutyOversight.UnitCover) {
        unitId = cover.unitID
        code = cover.code
        name = cover.name
        noSetup = cover.noSetup
        gaps = cover.gaps
        notCheckedIn = cover.notCheckedIn
        rosterOutOfDate = !cover.outOfDate.isEmpty
    }
}
