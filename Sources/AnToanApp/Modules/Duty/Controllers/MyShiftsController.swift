import AnToanCore
import Fluent
import Foundation
import Vapor

/// The signed-in person's shifts, and the secret calendar feed a phone subscribes to.
struct MyShiftsController: RouteCollection {
    /// How far ahead the page looks; the feed also keeps the last week.
    static let pageDays = 30
    static let feedDays = 90
    /// The phone reminds the person this long before each shift.
    static let reminderMinutes = 60

    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.route(.rosterPages(.myShifts)), use: myShifts)
        routes.post(SiteURL.route(.rosterPages(.feed)), use: makeFeed)
        routes.post(SiteURL.route(.rosterPages(.feedRevoke)), use: revokeFeed)
        routes.get(SiteURL.route(.rosterPages(.feedFile(""))), use: feedFile)
    }

    @Sendable func myShifts(req: Request) async throws -> Response {
        try await render(req, newFeedURL: nil)
    }

    /// A new secret address, shown once on the page that answers.
    @Sendable func makeFeed(req: Request) async throws -> Response {
        let principal = try req.principal(allowedTo: .viewOwnShifts)
        guard let me = try await RosterQueries.linkedStaff(of: principal, on: req.db) else { throw AppError.notFound }
        let token = try await ShiftFeeds.regenerate(for: me, by: principal, on: req)
        let base = req.application.appConfig.baseURL.trimmingCharacters(in: CharacterSet(charactersIn: "/"))
        return try await render(req, newFeedURL: base + SiteURL.rosterPages(.feedFile(token)).path)
    }

    @Sendable func revokeFeed(req: Request) async throws -> Response {
        let principal = try req.principal(allowedTo: .viewOwnShifts)
        guard let me = try await RosterQueries.linkedStaff(of: principal, on: req.db) else { throw AppError.notFound }
        try await ShiftFeeds.revoke(for: me, by: principal, on: req)
        return req.redirect(
            to: .rosterPages(.myShifts),
            flash: Flash(
                kind: .success,
                message: req.pageLanguage("Đã thu hồi địa chỉ lịch.", "The address was revoked.")
            )
        )
    }

    /// The person's published shifts as iCalendar; the secret in the address is the only credential.
    @Sendable func feedFile(req: Request) async throws -> Response {
        guard let file = req.parameters.get("file"), file.hasSuffix(".ics"),
            let me = try await ShiftFeeds.staff(forToken: String(file.dropLast(4)), on: req.db)
        else { throw AppError.notFound }
        let now = req.application.clock.now()
        let seats = try await RosterQueries.publishedSeats(
            of: me,
            from: now.addingTimeInterval(-7 * 86_400),
            to: now.addingTimeInterval(Double(Self.feedDays) * 86_400),
            on: req.db
        )
        let posts = try await RosterQueries.posts(of: me.$unit.id, on: req.db)
        let names = DutyNames(posts: posts)
        let events = seats.compactMap { seat in
            seat.id.map {
                ICSEvent(
                    uid: "\($0.uuidString.lowercased())@antoan",
                    start: seat.startsAt,
                    end: seat.endsAt,
                    summary: "Trực: " + RosterGrid.label(post: seat.post, shift: seat.shift, posts: posts),
                    location: names.post(seat.post, .vi),
                    description: RosterGrid.roleName(seat.role, .vi),
                    reminderMinutes: Self.reminderMinutes
                )
            }
        }
        let body = ICSWriter.calendar(name: "Lịch trực — \(me.fullName)", events: events, stamp: now)
        return Response(
            status: .ok,
            headers: ["Content-Type": "text/calendar; charset=utf-8", "Cache-Control": "private, max-age=300"],
            body: .init(string: body)
        )
    }

    private func render(_ req: Request, newFeedURL: String?) async throws -> Response {
        let principal = try req.principal(allowedTo: .viewOwnShifts)
        let lang = req.pageLanguage
        var model = MyShiftsPage.Model(linked: false, shifts: [], requests: [], hasFeed: false, newFeedURL: newFeedURL)
        if let me = try await RosterQueries.linkedStaff(of: principal, on: req.db) {
            let now = req.application.clock.now()
            let seats = try await RosterQueries.publishedSeats(
                of: me,
                from: now,
                to: now.addingTimeInterval(Double(Self.pageDays) * 86_400),
                on: req.db
            )
            let posts = try await RosterQueries.posts(of: me.$unit.id, on: req.db)
            let requests = try await RosterQueries.requests(from: me, on: req.db)
            let pending = Set(requests.filter { $0.swap.status == "pending" }.map(\.swap.seatID))
            let checkedIn = try await RosterQueries.checkedIn(seats.compactMap(\.id), on: req.db)
            model.linked = true
            model.shifts = seats.compactMap { seat in
                guard let id = seat.id, let day = SolarDate(iso: seat.date) else { return nil }
                let label = RosterGrid.label(post: seat.post, shift: seat.shift, posts: posts)
                    .split(separator: "·", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                return MyShiftsPage.Shift(
                    seatID: id,
                    rosterID: seat.rosterID,
                    day: day,
                    from: VietnamTime.time(seat.startsAt),
                    to: VietnamTime.time(seat.endsAt),
                    post: label.first ?? seat.post,
                    shift: label.count > 1 ? label[1] : seat.shift,
                    role: seat.role,
                    // The seat page's own rule: no "Xin đổi ca" on a shift it would only say cannot be swapped.
                    swappable: RosterSwaps.Rule.blocked(
                        seat,
                        published: true,
                        requester: me.id ?? UUID(),
                        now: now,
                        checkedIn: checkedIn.contains(id),
                        pending: pending.contains(id)
                    ) == nil,
                    pending: pending.contains(id)
                )
            }
            model.requests = requests.map { swap, seat in
                (seat.map { RosterGrid.seatText($0, posts: posts) } ?? "—", swap.status)
            }
            model.hasFeed = try await ShiftFeeds.exists(for: me, on: req.db)
        }
        return req.page(lang("Lịch trực của tôi", "My shifts")) { MyShiftsPage.view(model, $0) }
    }
}
