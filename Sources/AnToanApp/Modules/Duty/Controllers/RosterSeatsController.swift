import AnToanCore
import Fluent
import Foundation
import Vapor

/// A roster's seats by hand: a manager changes who stands a seat; its holder asks to swap it; the unit's
/// security officer approves or rejects the request.
struct RosterSeatsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.route(.rosterPages(.seat(.placeholder))), use: seat)
        routes.post(SiteURL.route(.rosterPages(.seat(.placeholder))), use: edit)
        routes.post(SiteURL.route(.rosterPages(.swap(.placeholder))), use: requestSwap)
        routes.post(SiteURL.route(.rosterPages(.approve(.placeholder)))) { req in try await decide(req, approve: true) }
        routes.post(SiteURL.route(.rosterPages(.reject(.placeholder)))) { req in try await decide(req, approve: false) }
    }

    /// Only a unit's own people open its seats; a person without the right to see rosters opens their own.
    private func scopedSeat(_ req: Request) async throws -> (Principal, RosterSeat, Roster, StaffMember?) {
        let principal = try req.principal()
        guard principal.can(.viewRosters) || principal.can(.viewOwnShifts) else { throw AppError.forbidden }
        let (seat, roster) = try await RosterQueries.seat(try req.idParameter(), in: principal.scope, on: req.db)
        let me = try await RosterQueries.linkedStaff(of: principal, on: req.db)
        guard principal.can(.viewRosters) || seat.staffID == me?.id else { throw AppError.notFound }
        return (principal, seat, roster, me)
    }

    @Sendable func seat(req: Request) async throws -> Response {
        let (principal, seat, roster, me) = try await scopedSeat(req)
        return try await render(req, principal, seat, roster, me)
    }

    @Sendable func edit(req: Request) async throws -> Response {
        let principal = try req.principal(allowedTo: .manageRosters)
        let (seat, roster) = try await RosterQueries.seat(try req.idParameter(), in: principal.scope, on: req.db)
        let form = try req.content.decode([String: String].self)
        do {
            guard let staffID = form["staff_id"].nonEmpty.flatMap(UUID.init(uuidString:)) else {
                throw AppError.invalidFields([FieldError(field: "staff_id", reason: .required)])
            }
            try await RosterEdits.replace(seat, with: staffID, by: principal, on: req)
        } catch AppError.invalidFields(let errors) {
            let me = try await RosterQueries.linkedStaff(of: principal, on: req.db)
            return try await render(req, principal, seat, roster, me, form: "edit", values: form, errors: errors)
        }
        return req.redirect(
            to: .rosterPages(.roster(roster.id ?? .placeholder)),
            flash: Flash(kind: .success, message: req.pageLanguage("Đã đổi người trực.", "The seat was changed."))
        )
    }

    @Sendable func requestSwap(req: Request) async throws -> Response {
        let (principal, seat, roster, me) = try await scopedSeat(req)
        guard principal.can(.viewOwnShifts), let me else { throw AppError.forbidden }
        let form = try req.content.decode([String: String].self)
        do {
            let otherSeatID = form["other_seat_id"].nonEmpty.flatMap(UUID.init(uuidString:))
            var toStaffID = form["to_staff_id"].nonEmpty.flatMap(UUID.init(uuidString:))
            // A seat chosen in return names its holder, whoever else the other list still shows.
            if let otherSeatID {
                toStaffID = try await RosterQueries.seatHolder(otherSeatID, of: roster.unitID, on: req.db)
            }
            let input = RosterSwaps.Request(toStaffID: toStaffID, otherSeatID: otherSeatID, note: form["note"])
            _ = try await RosterSwaps.request(input, for: seat, from: me, by: principal, on: req)
        } catch AppError.invalidFields(let errors) {
            return try await render(req, principal, seat, roster, me, form: "swap", values: form, errors: errors)
        }
        return req.redirect(
            to: .rosterPages(.myShifts),
            flash: Flash(kind: .success, message: req.pageLanguage("Đã gửi yêu cầu đổi ca.", "The request was sent."))
        )
    }

    func decide(_ req: Request, approve: Bool) async throws -> Response {
        let principal = try req.principal(allowedTo: .manageRosters)
        let (swap, roster) = try await RosterQueries.swap(try req.idParameter(), in: principal.scope, on: req.db)
        let lang = req.pageLanguage
        do {
            if approve {
                try await RosterSwaps.approve(swap, by: principal, on: req)
            } else {
                try await RosterSwaps.reject(swap, by: principal, on: req)
            }
        } catch AppError.invalidFields(let errors) {
            let message = errors.map { $0.message(lang) }.joined(separator: "; ")
            return req.redirect(
                to: .rosterPages(.roster(try roster.requireID())),
                flash: Flash(kind: .error, message: lang("Không duyệt được: ", "Could not approve: ") + message)
            )
        }
        return req.redirect(
            to: .rosterPages(.roster(try roster.requireID())),
            flash: Flash(
                kind: .success,
                message: approve ? lang("Đã duyệt đổi ca.", "The swap was approved.") : lang("Đã từ chối.", "Rejected.")
            )
        )
    }

    private func render(
        _ req: Request,
        _ principal: Principal,
        _ seat: RosterSeat,
        _ roster: Roster,
        _ me: StaffMember?,
        form: String? = nil,
        values: [String: String] = [:],
        errors: [FieldError] = []
    ) async throws -> Response {
        let posts = try await RosterQueries.posts(of: roster.unitID, on: req.db)
        let staff = try await RosterQueries.rosterableStaff(of: roster.unitID, on: req.db)
        let names = Dictionary(
            staff.compactMap { member in member.id.map { ($0, member.fullName) } },
            uniquingKeysWith: { a, _ in a }
        )
        let now = req.application.clock.now()
        let isHolder = principal.can(.viewOwnShifts) && me?.id != nil && seat.staffID == me?.id
        var rule: RosterSwaps.Rule?
        if isHolder, let myID = me?.id {
            rule = try await RosterSwaps.Rule.load(seat: seat, requester: myID, now: now, on: req.db)
        }
        let lang = req.pageLanguage
        let words = DutyNames(posts: posts)
        let otherSeats = (rule?.trades ?? []).compactMap { other in
            other.id.map { ($0.uuidString, DutyToday.text(other, words, lang) + " — " + (names[other.staffID] ?? "")) }
        }
        let colleagues = (rule?.colleagues ?? []).compactMap { member in
            member.id.map { ($0.uuidString, member.fullName + (member.isLeader ? " ★" : "")) }
        }
        var help = SeatPage.Help()
        if isHolder {
            let leader = try await DutyToday.leaderOnDuty(unit: roster.unitID, near: nil, at: now, on: req.db)
            help.leader = leader?.fullName
            help.leaderPhone = leader?.phone.flatMap { $0.isEmpty ? nil : $0 }
            let unit = try await OrganisationQueries.unit(roster.unitID, in: principal.scope, on: req.db)
            help.unitPhone = unit.phone.flatMap { $0.isEmpty ? nil : $0 }
        }
        let onLeave = req.pageLanguage(" (nghỉ phép)", " (on leave)")
        let people = staff.compactMap { member in
            member.id.map {
                (
                    $0.uuidString,
                    member.fullName + (member.isLeader ? " ★" : "") + (member.status == "on_leave" ? onLeave : "")
                )
            }
        }
        var values = values
        if values["staff_id"] == nil { values["staff_id"] = seat.staffID.uuidString }
        let model = SeatPage.Model(
            seatID: try seat.requireID(),
            rosterID: try roster.requireID(),
            title: DutyToday.text(seat, words, lang),
            holder: names[seat.staffID] ?? "—",
            role: seat.role,
            canEdit: principal.can(.manageRosters) && roster.isEditable,
            isHolder: isHolder,
            swapBlocked: rule?.blocked.map { $0.message(lang) },
            people: people,
            colleagues: colleagues,
            otherSeats: otherSeats,
            help: help,
            form: form,
            values: values,
            errors: FieldChecker(errors)
        )
        return req.page(req.pageLanguage("Ca trực", "Seat"), status: errors.isEmpty ? .ok : .unprocessableEntity) {
            SeatPage.view(model, $0)
        }
    }
}
