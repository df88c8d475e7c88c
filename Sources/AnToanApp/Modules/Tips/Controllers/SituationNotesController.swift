import AnToanCore
import Vapor

/// Situation notes: the form for a unit's people, the list for its leadership and the authorities, and turning
/// a note into an incident.
struct SituationNotesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.route(.tips(.notes)), use: page)
        routes.post(SiteURL.route(.tips(.notes)), use: write)
        routes.post(SiteURL.route(.tips(.noteIncident(.placeholder))), use: turn)
    }

    @Sendable func page(req: Request) async throws -> Response {
        try await render(req, failed: nil)
    }

    private func render(_ req: Request, failed: FormFailure?) async throws -> Response {
        let principal = try req.principal()
        let canWrite = principal.can(.reportIncident)
        let canRead = principal.can(.handleIncidents)
        guard canWrite || canRead else { throw AppError.forbidden }
        var rows: [SituationNotesPage.Row] = []
        if canRead {
            let notes = try await SituationNoteQueries.list(in: principal.scope, on: req.db)
            let names = try await OrganisationQueries.unitNames(Set(notes.compactMap(\.unitID)), on: req.db)
            for note in notes {
                var concerns = note.unitID.flatMap { names[$0] } ?? ""
                if note.unitID == nil { concerns = try await TipQueries.areaName(note.areaPath, on: req.db) }
                rows.append(SituationNotesPage.Row(note: note, concerns: concerns))
            }
        }
        var units: [(id: UUID, name: String)] = []
        if canWrite, principal.scope.kind != .unit {
            units = try await TipQueries.units(in: principal.scope, under: "/", on: req.db)
        }
        let model = SituationNotesPage.Model(
            canWrite: canWrite,
            units: units,
            canRead: canRead,
            rows: rows,
            failed: failed
        )
        let title = req.pageLanguage("Tình hình đáng chú ý", "Situation notes")
        return req.page(title, status: failed == nil ? .ok : .unprocessableEntity) {
            SituationNotesPage.view(model, $0)
        }
    }

    @Sendable func write(req: Request) async throws -> Response {
        let principal = try req.principal(allowedTo: .reportIncident)
        let values = req.formValues
        let input = SituationNoteInput(
            text: values["text"],
            place: values["place"],
            unitId: values["unit_id"].flatMap(UUID.init(uuidString:))
        )
        do {
            _ = try await SituationNotes.write(input, by: principal, on: req.application)
        } catch AppError.invalidFields(let errors) {
            return try await render(
                req,
                failed: FormFailure(form: "note", errors: errors, values: values)
            )
        }
        let done = req.pageLanguage(
            "Đã gửi lãnh đạo đơn vị và cơ quan quản lý.",
            "Sent to the unit's leadership and the authority."
        )
        return req.redirect(to: .tips(.notes), flash: Flash(kind: .success, message: done))
    }

    @Sendable func turn(req: Request) async throws -> Response {
        let principal = try req.principal(allowedTo: .handleIncidents)
        let noteID = try req.idParameter()
        let values = req.formValues
        do {
            let note = try await SituationNotes.turnIntoIncident(
                noteID,
                NoteIncidentInput(kind: values["kind"], severity: values["severity"]),
                by: principal,
                on: req.application
            )
            if let incident = note.incidentID {
                return req.redirect(
                    to: .incident(incident),
                    flash: Flash(kind: .success, message: req.pageLanguage("Đã tạo vụ việc.", "Incident created."))
                )
            }
        } catch AppError.invalidFields(let errors) {
            let form = "incident-\(noteID.uuidString.lowercased())"
            return try await render(req, failed: FormFailure(form: form, errors: errors, values: values))
        }
        return req.redirect(to: .tips(.notes))
    }
}
