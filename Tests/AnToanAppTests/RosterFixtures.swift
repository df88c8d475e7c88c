import AnToanCore
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import AnToanApp

/// A unit with two posts (headquarters with a leader and an officer per 12-hour shift, the gate with one
/// officer), three leaders and twelve officers, and a 7-day roster from Monday 1 February 2027.
struct RosterWorld {
    var province: OrganisationTests.Province
    var roster: RosterDTO
    var leaders: [UUID]
    var officers: [UUID]

    /// 31 January 2027, 10:00 in Vietnam: the day before the roster starts.
    static let now = Date(timeIntervalSince1970: 1_801_364_400)

    @Sendable static func clock() -> Date { now }

    static let setup = #"""
        {"posts":[{"id":"hq","name":"Trụ sở","pattern":"2x12","requirements":[
          {"shift":"D","working":{"leaders":1,"officers":1}},{"shift":"N","working":{"leaders":1,"officers":1}}]},
          {"id":"gate","name":"Cổng chính","pattern":"2x12","requirements":[
          {"shift":"D","working":{"leaders":0,"officers":1}},{"shift":"N","working":{"leaders":0,"officers":1}}]}]}
        """#

    static func make(_ app: Application, publish: Bool) async throws -> RosterWorld {
        let world = try await OrganisationTests.province(app)
        let admin = world.adminToken
        var leaders: [UUID] = []
        var officers: [UUID] = []
        for index in 1...15 {
            let leader = index <= 3
            let response = try await api(
                app,
                .POST,
                "/api/v1/staff",
                token: admin,
                json:
                    #"{"unit_id":"\#(world.unitA.id)","full_name":"\#(leader ? "Lãnh đạo" : "Cán bộ") số \#(index)","position":"Bảo vệ","is_leader":\#(leader)}"#
            )
            #expect(response.status == .created, "\(response.text)")
            let id = try response.json(StaffDTO.self).id
            if leader { leaders.append(id) } else { officers.append(id) }
        }
        let setup = try await api(app, .PUT, "/api/v1/units/\(world.unitA.id)/duty-setup", token: admin, json: setup)
        #expect(setup.status == .ok, "\(setup.text)")
        let made = try await api(
            app,
            .POST,
            "/api/v1/units/\(world.unitA.id)/rosters",
            token: admin,
            json: #"{"start_date":"2027-02-01","days":7,"seed":3}"#
        )
        #expect(made.status == .created, "\(made.text)")
        var roster = try made.json(RosterDTO.self)
        #expect(roster.hardViolations == 0 && roster.openSeats == 0, "\(roster.report.openSlots)")
        if publish {
            let published = try await api(app, .POST, "/api/v1/rosters/\(roster.id)/publish", token: admin)
            #expect(published.status == .ok)
            roster = try await api(app, .GET, "/api/v1/rosters/\(roster.id)", token: admin).json(RosterDTO.self)
        }
        return RosterWorld(province: world, roster: roster, leaders: leaders, officers: officers)
    }

    var seats: [RosterSeatDTO] { roster.seats ?? [] }

    /// Seats of `staff` that start less than `hours` before `seat` ends or end less than `hours` after it starts.
    func near(_ seat: RosterSeatDTO, _ staff: UUID, hours: Double) -> [RosterSeatDTO] {
        seats.filter {
            $0.staffId == staff && $0.startsAt < seat.endsAt.addingTimeInterval(hours * 3600)
                && seat.startsAt < $0.endsAt.addingTimeInterval(hours * 3600)
        }
    }

    /// The first seat of `post`, `shift` and `role`, on `date` if given.
    func seat(_ post: String, _ shift: String, _ role: String, on date: String? = nil) -> RosterSeatDTO? {
        seats.first { seat in
            let day: String = seat.day.date
            return seat.post == post && seat.shift == shift && seat.role == role && (date == nil || day == date)
        }
    }

    /// An officer free for a day on either side of `seat`.
    func freeOfficer(around seat: RosterSeatDTO) -> UUID? {
        officers.first { near(seat, $0, hours: 24).isEmpty }
    }

    /// An officer's seat and a colleague free for a day on either side of it.
    func freePair() -> (RosterSeatDTO, UUID)? {
        for seat in seats where seat.role == "officer" {
            if let free = freeOfficer(around: seat) { return (seat, free) }
        }
        return nil
    }

    /// Two officers' seats that can be traded: each holder is free for a day around the other's seat.
    func tradable() -> (RosterSeatDTO, RosterSeatDTO)? {
        let officerSeats = seats.filter { $0.role == "officer" }
        for mine in officerSeats {
            for theirs in officerSeats where theirs.staffId != mine.staffId {
                let iAmFree = near(theirs, mine.staffId, hours: 24).allSatisfy { $0.id == mine.id }
                let theyAreFree = near(mine, theirs.staffId, hours: 24).allSatisfy { $0.id == theirs.id }
                if iAmFree && theyAreFree { return (mine, theirs) }
            }
        }
        return nil
    }

    /// A day seat of an officer and another officer whose night shift ends when it starts.
    func restless() -> (RosterSeatDTO, UUID)? {
        for day in seats where day.shift == "D" && day.role == "officer" {
            let start: Date = day.startsAt
            let night = seats.first { seat in
                seat.shift == "N" && seat.role == "officer" && seat.endsAt == start && seat.staffId != day.staffId
            }
            if let night { return (day, night.staffId) }
        }
        return nil
    }

    /// A unit account, linked to a staff record when `staff` is given.
    @discardableResult
    static func account(
        _ app: Application,
        _ username: String,
        role: Role,
        unit: UnitDTO,
        area: AreaDTO,
        staff: UUID? = nil,
        language: String = ""
    ) async throws -> User {
        let user = try await Fixtures.user(
            username,
            role: role,
            scope: .unit(unit.id, in: AreaPath(area.path)!),
            on: app.db
        )
        if !language.isEmpty {
            user.language = language
            try await user.persist(on: app.db)
        }
        if let staff, let member = try await StaffMember.find(staff, on: app.db) {
            member.userID = try user.requireID()
            try await member.persist(on: app.db)
        }
        return user
    }

    static func auditCount(_ entity: String, on db: any Database) async throws -> Int {
        try await AuditEntry.query(on: db).filter(\.$entity == entity).count()
    }
}
