import AnToanCore
import Fluent
import Foundation
import Vapor

/// The home page's duty card for a person on the rosters: today's shift and the next one by name, and the
/// leader on duty with a number to call.
enum DutyToday {
    static func card(_ req: Request, _ principal: Principal) async throws -> HomeCard? {
        guard principal.can(.viewOwnShifts) || principal.can(.performDuty),
            let member = try await DutyWatch.scopedMember(of: principal, on: req.db)
        else { return nil }
        let lang = req.pageLanguage
        let now = req.application.clock.now()
        let today = VietnamTime.day(of: now)
        let seats = try await RosterQueries.publishedSeats(
            of: member,
            from: now,
            to: VietnamTime.instant(today.adding(days: 15), minutes: 0),
            on: req.db
        )
        let names = DutyNames(posts: try await RosterQueries.posts(of: member.$unit.id, on: req.db))
        let current = seats.first { $0.startsAt <= now || $0.date == today.iso }
        let next = seats.first { $0.id != current?.id }
        var lines = [
            HomeCard.Line(
                label: lang("Ca hôm nay", "Today's shift"),
                text: current.map { text($0, names, lang) } ?? lang("Hôm nay bạn không có ca trực.", "No shift today.")
            ),
            HomeCard.Line(
                label: lang("Ca tiếp theo", "Next shift"),
                text: next.map { text($0, names, lang) }
                    ?? lang("Chưa có ca nào trong lịch đã công bố.", "None on the published rosters.")
            ),
        ]
        if let leader = try await leaderOnDuty(unit: member.$unit.id, near: current, at: now, on: req.db) {
            lines.append(
                HomeCard.Line(
                    label: lang("Lãnh đạo trực", "Leader on duty"),
                    text: leader.fullName,
                    phone: leader.phone.flatMap { $0.isEmpty ? nil : $0 }
                )
            )
        }
        let onDesk = current.map { $0.startsAt.addingTimeInterval(-DutyWatch.rule.opensBefore) <= now } ?? false
        return HomeCard(
            id: "duty-today",
            title: lang("Ca trực của tôi", "My duty"),
            lines: lines,
            action: onDesk || principal.can(.performDuty)
                ? (lang("Mở trang trực ca", "Open the duty desk"), SiteURL.dutyDesk.path)
                : (lang("Xem lịch trực của tôi", "See my shifts"), SiteURL.rosterPages(.myShifts).path)
        )
    }

    /// "02/02/2027 · Ca ngày 07:00–19:00 · Cổng chính": the day, the shift with its hours (Vietnam) and the post.
    static func text(_ seat: RosterSeat, _ names: DutyNames, _ lang: Language) -> String {
        let day = SolarDate(iso: seat.date)?.dmy ?? seat.date
        return "\(day) · \(names.shift(post: seat.post, seat.shift, lang)) · \(names.post(seat.post, lang))"
    }

    /// The leader of `seat`'s shift at its post; else any leader of the unit on a published shift under way.
    static func leaderOnDuty(
        unit: UUID,
        near seat: RosterSeat?,
        at now: Date,
        on db: any Database
    ) async throws -> StaffMember? {
        var leaders: [RosterSeat] = []
        if let seat {
            leaders = try await DutyWatch.crew(of: seat, on: db).filter { $0.role == "leader" }
        }
        if leaders.isEmpty {
            let under = try await RosterSeat.query(on: db).filter(\.$unitID == unit).filter(\.$role == "leader")
                .filter(\.$startsAt <= now).filter(\.$endsAt > now).all()
            leaders = try await DutyWatch.published(under, on: db)
        }
        guard let leader = leaders.first else { return nil }
        return try await StaffMember.find(leader.staffID, on: db)
    }
}
