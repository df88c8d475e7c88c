import AnToanCore
import Vapor

/// /api/v1: tips — sent and followed by anyone (no token), triaged by the unit or the authority — and
/// situation notes.
struct TipsAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.post("tips", use: submit)
        routes.post("tips", "follow", use: follow)
        routes.post("tips", "answer", use: answer)
        routes.get("tips", use: list)
        routes.get("tips", ":id", use: show)
        routes.post("tips", ":id", "decide", use: decide)
        routes.get("situation-notes", use: notes)
        routes.post("situation-notes", use: writeNote)
        routes.post("situation-notes", ":id", "incident", use: turnNote)
    }

    @Sendable func submit(req: Request) async throws -> Response {
        let input = try req.decodeJSON(TipInput.self)
        let (tip, code) = try await TipService.submit(
            input.submission,
            clientAddress: req.clientAddress,
            on: req.application
        )
        let response = try await TipReceiptDTO(code: code, status: tip.status, receivedAt: tip.receivedAt)
            .encodeResponse(status: .created, for: req)
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }

    @Sendable func follow(req: Request) async throws -> TipFollowDTO {
        let input = try req.decodeJSON(TipCodeInput.self)
        return try await followDTO(try await TipQueries.tip(code: input.code, on: req.db), on: req)
    }

    @Sendable func answer(req: Request) async throws -> TipFollowDTO {
        let input = try req.decodeJSON(TipAnswerInput.self)
        let tip = try await TipService.answer(
            code: input.code,
            text: input.text,
            photos: nil,
            clientAddress: req.clientAddress,
            on: req.application
        )
        return try await followDTO(tip, on: req)
    }

    private func followDTO(_ tip: Tip, on req: Request) async throws -> TipFollowDTO {
        let messages = try await TipQueries.messages(of: try tip.requireID(), on: req.db)
        return TipFollowDTO(
            status: tip.status,
            statusText: req.apiLanguage(tip.statusValue.senderVi, tip.statusValue.senderEn),
            receivedAt: tip.receivedAt,
            what: tip.what,
            messages: messages.map { TipMessageDTO(kind: $0.kind, text: $0.text, writtenAt: $0.writtenAt) }
        )
    }

    /// The tips in scope: `state=open` (default) those still to decide, `state=decided` the others.
    @Sendable func list(req: Request) async throws -> TipListDTO {
        let principal = try req.principal(allowedTo: .handleIncidents)
        let state = (try? req.query.get(String.self, at: "state")) ?? "open"
        guard state == "open" || state == "decided" else {
            throw AppError.invalidFields([
                FieldError(
                    field: "state",
                    reason: .invalid(vi: "chỉ nhận: open, decided", en: "must be one of: open, decided")
                )
            ])
        }
        let tips = try await TipQueries.list(in: principal.scope, open: state == "open", on: req.db)
        let names = try await TipNames.concerns(tips, on: req.db)
        var out: [TipDTO] = []
        for tip in tips {
            let id = try tip.requireID()
            out.append(try TipDTO(tip, unitName: tip.unitID == nil ? nil : names[id], messages: [], photos: []))
        }
        return TipListDTO(tips: out)
    }

    @Sendable func show(req: Request) async throws -> TipDTO {
        let principal = try req.principal(allowedTo: .handleIncidents)
        return try await dto(try await TipQueries.tip(try req.idParameter(), in: principal.scope, on: req.db), on: req)
    }

    @Sendable func decide(req: Request) async throws -> TipDTO {
        let principal = try req.principal(allowedTo: .handleIncidents)
        let id = try req.idParameter()
        _ = try await TipQueries.tip(id, in: principal.scope, on: req.db)
        let input = try req.decodeJSON(TipDecisionInput.self)
        return try await dto(try await TipTriageService.decide(id, input, by: principal, on: req.application), on: req)
    }

    private func dto(_ tip: Tip, on req: Request) async throws -> TipDTO {
        let id = try tip.requireID()
        let names = try await TipNames.concerns([tip], on: req.db)
        return try TipDTO(
            tip,
            unitName: tip.unitID == nil ? nil : names[id],
            messages: try await TipQueries.messages(of: id, on: req.db),
            photos: try await TipQueries.photos(of: id, on: req.db)
        )
    }

    @Sendable func notes(req: Request) async throws -> SituationNoteListDTO {
        let principal = try req.principal(allowedTo: .handleIncidents)
        let notes = try await SituationNoteQueries.list(in: principal.scope, on: req.db)
        let names = try await OrganisationQueries.unitNames(Set(notes.compactMap(\.unitID)), on: req.db)
        return SituationNoteListDTO(
            notes: try notes.map { try SituationNoteDTO($0, unitName: $0.unitID.flatMap { names[$0] }) }
        )
    }

    @Sendable func writeNote(req: Request) async throws -> Response {
        let principal = try req.principal(allowedTo: .reportIncident)
        let note = try await SituationNotes.write(
            try req.decodeJSON(SituationNoteInput.self),
            by: principal,
            on: req.application
        )
        let names = try await OrganisationQueries.unitNames(Set([note.unitID].compactMap { $0 }), on: req.db)
        return try await SituationNoteDTO(note, unitName: note.unitID.flatMap { names[$0] })
            .encodeResponse(status: .created, for: req)
    }

    @Sendable func turnNote(req: Request) async throws -> SituationNoteDTO {
        let principal = try req.principal(allowedTo: .handleIncidents)
        let id = try req.idParameter()
        _ = try await SituationNoteQueries.note(id, in: principal.scope, on: req.db)
        let input = try req.decodeJSON(NoteIncidentInput.self)
        let note = try await SituationNotes.turnIntoIncident(id, input, by: principal, on: req.application)
        let names = try await OrganisationQueries.unitNames(Set([note.unitID].compactMap { $0 }), on: req.db)
        return try SituationNoteDTO(note, unitName: note.unitID.flatMap { names[$0] })
    }
}
