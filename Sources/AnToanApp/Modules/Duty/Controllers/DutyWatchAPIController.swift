import AnToanCore
import Foundation
import Vapor

/// /api/v1: duty as it happens — check-in and out, the log book and handovers — for the person signed in,
/// and a unit's log book for those who read it.
struct DutyWatchAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.post("duty", "check-in", use: checkIn)
        routes.post("duty", "check-out", use: checkOut)
        routes.post("duty", "log", use: write)
        routes.post("duty", "handover", use: handOver)
        routes.post("duty", "handovers", ":id", "receive", use: receive)
        routes.get("units", ":id", "duty-log", use: logBook)
    }

    @Sendable func checkIn(req: Request) async throws -> Response {
        let principal = try await DutyWatch.onDuty(req)
        return try await CheckInDTO(DutyWatch.checkIn(by: principal, on: req)).encodeResponse(
            status: .created,
            for: req
        )
    }

    @Sendable func checkOut(req: Request) async throws -> CheckInDTO {
        let principal = try await DutyWatch.onDuty(req)
        let input = (req.body.data?.readableBytes ?? 0) > 0 ? try req.decodeJSON(CheckOutInput.self) : CheckOutInput()
        return try CheckInDTO(try await DutyWatch.checkOut(reason: input.reason, by: principal, on: req))
    }

    @Sendable func write(req: Request) async throws -> Response {
        let principal = try await DutyWatch.onDuty(req)
        let input = try req.decodeJSON(LogEntryInput.self)
        let entry = try await DutyWatch.write(
            kind: input.kind.flatMap(DutyLog.Kind.init(rawValue:)) ?? .note,
            text: input.text,
            refersTo: input.refersTo,
            by: principal,
            on: req
        )
        let names = try await OrganisationQueries.staffNames([entry.staffID], on: req.db)
        guard let line = DutyBook.lines([entry], names: names).first else { throw AppError.notFound }
        return try await LogEntryDTO(line, post: entry.post).encodeResponse(status: .created, for: req)
    }

    @Sendable func handOver(req: Request) async throws -> Response {
        let principal = try await DutyWatch.onDuty(req)
        let input = try req.decodeJSON(HandoverInput.self)
        let handover = try await DutyWatch.handOver(
            notes: input.notes,
            counts: input.counts?.map(\.line),
            by: principal,
            on: req
        )
        return try await dto(handover, on: req).encodeResponse(status: .created, for: req)
    }

    @Sendable func receive(req: Request) async throws -> HandoverDTO {
        let principal = try await DutyWatch.onDuty(req)
        // The count of the post's equipment, when the post has items: `{"counts": […]}`; no body otherwise.
        let counts = (req.body.data?.readableBytes ?? 0) > 0 ? try req.decodeJSON(HandoverCountInput.self).counts : nil
        let handover = try await DutyWatch.receive(
            try req.idParameter(),
            counts: counts?.map(\.line),
            by: principal,
            on: req
        )
        return try await dto(handover, on: req)
    }

    /// The unit's log book over `from`–`to` (dd/MM/yyyy or yyyy-MM-dd; the last 7 days by default).
    @Sendable func logBook(req: Request) async throws -> LogBookDTO {
        let principal = try req.principal(allowedTo: .viewRosters)
        let unit = try await OrganisationQueries.unit(try req.idParameter(), in: principal.scope, on: req.db)
        let (from, to) = try DutyBook.period(req, now: req.application.clock.now())
        let shifts = try await DutyBook.book(unit: try unit.requireID(), from: from, to: to, on: req.db)
        return LogBookDTO(
            entries: shifts.flatMap { shift in shift.lines.map { LogEntryDTO($0, post: shift.post) } },
            handovers: shifts.compactMap { shift in shift.handover.map { HandoverDTO($0, post: shift.post) } }
        )
    }

    private func dto(_ handover: DutyHandover, on req: Request) async throws -> HandoverDTO {
        let names = try await OrganisationQueries.staffNames(
            Set([handover.handedBy] + [handover.receivedBy].compactMap { $0 }),
            on: req.db
        )
        guard let view = DutyBook.handover(handover, names: names) else { throw AppError.notFound }
        return HandoverDTO(view, post: handover.post)
    }
}

extension DutyBook {
    /// The period a log book request asks for: `from` and `to` as dd/MM/yyyy or yyyy-MM-dd, the last 7 days
    /// by default, at most 93 days.
    static func period(_ req: Request, now: Date) throws -> (SolarDate, SolarDate) {
        var checker = FieldChecker()
        func day(_ field: String, default value: SolarDate) -> SolarDate {
            guard let text = req.query[String.self, at: field], !text.isEmpty else { return value }
            if let day = SolarDate(iso: text) ?? SolarDate(dmy: text) { return day }
            checker.add(field, .invalid(vi: "cần dạng dd/MM/yyyy", en: "needs the form dd/MM/yyyy"))
            return value
        }
        let today = VietnamTime.day(of: now)
        let to = day("to", default: today)
        let from = day("from", default: to.adding(days: -6))
        if from > to {
            checker.add("from", .invalid(vi: "phải không sau ngày kết thúc", en: "must not be after the end date"))
        } else if to.julianDay - from.julianDay > 92 {
            checker.add("to", .invalid(vi: "tối đa 93 ngày một lần", en: "at most 93 days at a time"))
        }
        try checker.check()
        return (from, to)
    }
}
