import AnToanCore
import Fluent
import Foundation

/// Everything the roster's page, print page and spreadsheet show, read once.
enum RosterPageData {
    struct Loaded {
        var start: SolarDate
        var end: SolarDate
        var seats: [RosterSeat]
        var names: [UUID: String]
        var posts: [DutyPost]
        var report: RosterReport
        var grid: RosterGrid
    }

    static func load(_ roster: Roster, on db: any Database) async throws -> Loaded {
        guard let start = SolarDate(iso: roster.startDate), let end = SolarDate(iso: roster.endDate) else {
            throw AppError.notFound
        }
        let seats = try await RosterQueries.seats(of: try roster.requireID(), on: db)
        let report = try JSONDecoder().decode(RosterReport.self, from: Data(roster.report.utf8))
        let people = Set(seats.map(\.staffID)).union(report.load.compactMap { UUID(uuidString: $0.staff) })
        let names = try await OrganisationQueries.staffNames(people, on: db)
        let posts = try await RosterQueries.posts(of: roster.unitID, on: db)
        let grid = RosterGrid(start: start, end: end, seats: seats, names: names, posts: posts, open: report.openSlots)
        return Loaded(start: start, end: end, seats: seats, names: names, posts: posts, report: report, grid: grid)
    }

    static func model(_ roster: Roster, _ principal: Principal, on db: any Database) async throws -> RosterPage.Model {
        let data = try await load(roster, on: db)
        let rosterID = try roster.requireID()
        let swaps = try await RosterQueries.swaps(of: rosterID, on: db)
        let seats = Dictionary(
            data.seats.compactMap { seat in seat.id.map { ($0, seat) } },
            uniquingKeysWith: { a, _ in a }
        )
        var names = data.names
        for (id, name) in try await OrganisationQueries.staffNames(
            Set(swaps.flatMap { [$0.fromStaffID, $0.toStaffID] }),
            on: db
        ) {
            names[id] = name
        }
        let text = { (id: UUID) in seats[id].map { RosterGrid.seatText($0, posts: data.posts) } ?? "—" }
        return RosterPage.Model(
            id: rosterID,
            unitID: roster.unitID,
            unitName: try await OrgUnit.find(roster.unitID, on: db)?.name ?? "",
            status: roster.status,
            start: data.start,
            end: data.end,
            grid: data.grid,
            report: data.report,
            names: Dictionary(names.map { ($0.key.uuidString, $0.value) }, uniquingKeysWith: { a, _ in a }),
            swaps: swaps.compactMap { swap in
                swap.id.map {
                    RosterPage.SwapRow(
                        id: $0,
                        seat: text(swap.seatID),
                        from: names[swap.fromStaffID] ?? "",
                        to: names[swap.toStaffID] ?? "",
                        inReturn: swap.otherSeatID.map(text),
                        note: swap.note,
                        status: swap.status
                    )
                }
            },
            canManage: principal.can(.manageRosters),
            ownStaffID: try await RosterQueries.linkedStaff(of: principal, on: db)?.id,
            approval: RosterPage.Approval(
                required: try await RosterQueries.approvalRequired(of: roster.unitID, on: db),
                canApprove: principal.can(.approveRosters),
                returnReason: roster.returnReason,
                changes: roster.status == "replaced"
                    ? .init() : RosterFreshness.changes(made: roster.setupPosts, now: data.posts)
            )
        )
    }
}
