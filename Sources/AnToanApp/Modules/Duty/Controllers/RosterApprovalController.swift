import AnToanCore
import Fluent
import Foundation
import Vapor

/// Trình ký on the roster page: the unit submits a roster to its head, who approves or returns it.
struct RosterApprovalController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.post(SiteURL.route(.rosterPages(.submit(.placeholder))), use: submit)
        routes.post(SiteURL.route(.rosterPages(.sign(.placeholder))), use: approve)
        routes.post(SiteURL.route(.rosterPages(.giveBack(.placeholder))), use: giveBack)
    }

    @Sendable func submit(req: Request) async throws -> Response {
        let principal = try req.principal(allowedTo: .manageRosters)
        let roster = try await RosterQueries.roster(try req.idParameter(), in: principal.scope, on: req.db)
        return try await step(req, roster, done: ("Đã trình ký thủ trưởng.", "Submitted to the head.")) {
            try await RosterApproval.submit(roster, by: principal, on: req)
        }
    }

    @Sendable func approve(req: Request) async throws -> Response {
        let principal = try req.principal(allowedTo: .approveRosters)
        let roster = try await RosterQueries.roster(try req.idParameter(), in: principal.scope, on: req.db)
        return try await step(req, roster, done: ("Đã duyệt lịch trực.", "The roster was approved.")) {
            try await RosterApproval.approve(roster, by: principal, on: req)
        }
    }

    @Sendable func giveBack(req: Request) async throws -> Response {
        let principal = try req.principal(allowedTo: .approveRosters)
        let roster = try await RosterQueries.roster(try req.idParameter(), in: principal.scope, on: req.db)
        let form = (try? req.content.decode([String: String].self)) ?? [:]
        return try await step(req, roster, done: ("Đã trả lại lịch trực.", "The roster was returned.")) {
            try await RosterApproval.giveBack(roster, reason: form["reason"], by: principal, on: req)
        }
    }

    /// Back to the roster's page with what happened, or why it could not.
    private func step(
        _ req: Request,
        _ roster: Roster,
        done: (vi: String, en: String),
        _ action: () async throws -> Void
    ) async throws -> Response {
        let lang = req.pageLanguage
        let url = SiteURL.rosterPages(.roster(try roster.requireID()))
        do {
            try await action()
        } catch AppError.invalidFields(let errors) {
            let message = errors.map { "\(fieldName($0.field, lang)) \($0.message(lang))" }.joined(separator: "; ")
            return req.redirect(to: url, flash: Flash(kind: .error, message: message))
        }
        return req.redirect(to: url, flash: Flash(kind: .success, message: lang(done.vi, done.en)))
    }

    private func fieldName(_ field: String, _ lang: Language) -> String {
        field == "reason" ? lang("Lý do trả lại:", "Reason:") : lang("Không được:", "Not done:")
    }
}

/// /api/v1: trình ký of a roster — submit, approve, return with a reason.
struct RosterApprovalAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.post("rosters", ":id", "submit", use: submit)
        routes.post("rosters", ":id", "approve", use: approve)
        routes.post("rosters", ":id", "return", use: giveBack)
    }

    @Sendable func submit(req: Request) async throws -> RosterDTO {
        let principal = try req.principal(allowedTo: .manageRosters)
        let roster = try await RosterQueries.roster(try req.idParameter(), in: principal.scope, on: req.db)
        try await RosterApproval.submit(roster, by: principal, on: req)
        return try RosterDTO(roster)
    }

    @Sendable func approve(req: Request) async throws -> RosterDTO {
        let principal = try req.principal(allowedTo: .approveRosters)
        let roster = try await RosterQueries.roster(try req.idParameter(), in: principal.scope, on: req.db)
        try await RosterApproval.approve(roster, by: principal, on: req)
        return try RosterDTO(roster)
    }

    @Sendable func giveBack(req: Request) async throws -> RosterDTO {
        let principal = try req.principal(allowedTo: .approveRosters)
        let roster = try await RosterQueries.roster(try req.idParameter(), in: principal.scope, on: req.db)
        let input = try req.decodeJSON(RosterReturnInput.self)
        try await RosterApproval.giveBack(roster, reason: input.reason, by: principal, on: req)
        return try RosterDTO(roster)
    }
}

/// Trình ký in the OpenAPI document.
extension RosterApprovalAPIController: DocumentedAPI {
    static var operations: [APIOperation] {
        [
            .post(
                "/api/v1/rosters/{id}/submit",
                "Submit a draft or returned roster to the unit's head for approval (trình ký)",
                response: RosterDTO.self
            ),
            .post(
                "/api/v1/rosters/{id}/approve",
                "Approve a submitted roster (the unit's head); it may then be published",
                response: RosterDTO.self
            ),
            .post(
                "/api/v1/rosters/{id}/return",
                "Return a submitted roster to the unit with a reason (the unit's head)",
                request: RosterReturnInput.self,
                response: RosterDTO.self
            ),
        ]
    }
}
