import AnToanCore
import Foundation
import Vapor

/// Observations at checkpoints: the form a guard opens from the scan page (with the camera), the observation with
/// its photo, and turning it into an incident.
struct PatrolObservationsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.route(.patrols(.observe)), use: form)
        routes.on(.POST, SiteURL.route(.patrols(.observe)), body: .stream, use: create)
        routes.get(SiteURL.route(.patrols(.observation(.placeholder))), use: show)
        routes.get(SiteURL.route(.patrols(.observationPhoto(.placeholder))), use: photo)
        routes.post(SiteURL.route(.patrols(.observationIncident(.placeholder))), use: incident)
    }

    struct ObservationForm: Decodable {
        var checkpoint: String?
        var round: String?
        var text: String?
        var photo: [File]?
    }

    @Sendable func form(req: Request) async throws -> Response {
        let principal = try req.principal(allowedTo: .walkPatrols)
        let checkpoint = try req.query.get(String.self, at: "checkpoint")
        let round = try? req.query.get(String.self, at: "round")
        return try await render(req, principal: principal, checkpoint: checkpoint, round: round, failed: nil)
    }

    private func render(
        _ req: Request,
        principal: Principal,
        checkpoint: String?,
        round: String?,
        failed: FormFailure?
    ) async throws -> Response {
        guard let id = checkpoint.flatMap(UUID.init(uuidString:)) else { throw AppError.notFound }
        let found = try await PatrolQueries.checkpoint(id, in: principal.scope, on: req.db)
        let model = PatrolObservationPage.FormModel(
            checkpointID: id,
            checkpointName: found.name,
            roundID: round.flatMap(UUID.init(uuidString:)),
            failed: failed
        )
        return req.page(
            req.pageLanguage("Ghi nhận bất thường", "Note something seen"),
            status: failed == nil ? .ok : .unprocessableEntity
        ) { PatrolObservationPage.form(model, $0) }
    }

    @Sendable func create(req: Request) async throws -> Response {
        let principal = try req.principal(allowedTo: .walkPatrols)
        do {
            _ = try await ImportUpload.collect(req, max: PhotoUpload.maxBytes + ImportUpload.formOverhead)
        } catch is ImportUpload.TooLarge {
            throw AppError.tooLarge(megabytes: PhotoUpload.maxBytes / 1_048_576)
        }
        let (form, photos, problems) = try await req.application.offLoop {
            () -> (ObservationForm, [PhotoUpload], [FieldError]) in
            let form = try req.content.decode(ObservationForm.self)
            var checker = FieldChecker()
            let photos = PhotoUpload.check(form.photo, field: "photo", keep: .allButLocation, into: &checker)
            return (form, photos, checker.errors)
        }
        guard let checkpointID = form.checkpoint.flatMap(UUID.init(uuidString:)) else { throw AppError.notFound }
        do {
            let observation = try await PatrolObservations.note(
                checkpoint: checkpointID,
                round: form.round.flatMap { $0.isEmpty ? nil : UUID(uuidString: $0) },
                text: form.text,
                photos: photos,
                problems: problems,
                by: principal,
                on: req.application
            )
            let flash = Flash(kind: .success, message: req.pageLanguage("Đã ghi nhận.", "Noted."))
            return req.redirect(to: .patrols(.observation(try observation.requireID())), flash: flash)
        } catch AppError.invalidFields(let errors) {
            let failed = FormFailure(
                form: PatrolObservationPage.formName,
                errors: errors,
                values: ["text": form.text ?? ""]
            )
            return try await render(
                req,
                principal: principal,
                checkpoint: form.checkpoint,
                round: form.round,
                failed: failed
            )
        }
    }

    @Sendable func show(req: Request) async throws -> Response {
        try await renderObservation(req, failed: nil)
    }

    private func renderObservation(_ req: Request, failed: FormFailure?) async throws -> Response {
        let principal = try req.principal(allowedTo: .viewPatrols)
        let observation = try await PatrolQueries.observation(try req.idParameter(), in: principal.scope, on: req.db)
        let checkpoint = try? await PatrolQueries.checkpoint(observation.checkpointID, in: principal.scope, on: req.db)
        let model = PatrolObservationPage.Model(
            observation: observation,
            checkpointName: checkpoint?.name ?? "",
            canReport: principal.can(.reportIncident) && observation.incidentID == nil,
            failed: failed
        )
        return req.page(
            req.pageLanguage("Ghi nhận bất thường", "Observation"),
            status: failed == nil ? .ok : .unprocessableEntity
        ) { PatrolObservationPage.view(model, $0) }
    }

    @Sendable func photo(req: Request) async throws -> Response {
        let principal = try req.principal(allowedTo: .viewPatrols)
        let observation = try await PatrolQueries.observation(try req.idParameter(), in: principal.scope, on: req.db)
        guard let bytes = observation.photo, let type = observation.photoType else { throw AppError.notFound }
        return Response(
            status: .ok,
            headers: [
                "Content-Type": type, "Cache-Control": "private, max-age=86400", "X-Content-Type-Options": "nosniff",
            ],
            body: .init(data: bytes)
        )
    }

    @Sendable func incident(req: Request) async throws -> Response {
        let principal = try req.principal(allowedTo: .reportIncident)
        let values = req.formValues
        do {
            let incident = try await PatrolObservations.turnIntoIncident(
                try req.idParameter(),
                kind: values["kind"],
                severity: values["severity"],
                by: principal,
                on: req.application
            )
            let flash = Flash(
                kind: .success,
                message: req.pageLanguage("Đã chuyển thành vụ việc.", "Turned into an incident.")
            )
            return req.redirect(to: .incident(try incident.requireID()), flash: flash)
        } catch AppError.invalidFields(let errors) {
            let failed = FormFailure(
                form: PatrolObservationPage.incidentForm,
                errors: errors,
                values: values
            )
            return try await renderObservation(req, failed: failed)
        }
    }
}
