import AnToanCore
import Foundation
import Vapor

/// The incident pages: the list of the reader's scope, a unit's report form (from a phone, with photos), an
/// incident with its timeline, the acknowledgement and steps, the biên bản to print, and the photos themselves.
struct IncidentsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.route(.incidents), use: list)
        routes.get(SiteURL.route(.incidentNew(unit: .placeholder)), use: form)
        routes.on(.POST, SiteURL.route(.incidentNew(unit: .placeholder)), body: .stream, use: create)
        routes.get(SiteURL.route(.incident(.placeholder)), use: show)
        routes.post(SiteURL.route(.incidentAcknowledge(.placeholder)), use: acknowledge)
        routes.post(SiteURL.route(.incidentStep(.placeholder)), use: step)
        routes.get(SiteURL.route(.incidentMinutes(.placeholder)), use: minutes)
        routes.get(SiteURL.route(.incidentPhoto(.placeholder, photo: .placeholder)), use: photo)
    }

    /// What the report form posts.
    struct ReportForm: Decodable {
        var kind: String?
        var severity: String?
        var site: String?
        var place: String?
        var occurredAt: String?
        var description: String?
        var peopleInvolved: String?
        var damageVnd: String?
        var keepLocation: String?
        var photos: [File]?

        // The multipart decoder takes the names as they are: the form's are snake_case.
        enum CodingKeys: String, CodingKey {
            case kind, severity, site, place, description, photos
            case occurredAt = "occurred_at"
            case peopleInvolved = "people_involved"
            case damageVnd = "damage_vnd"
            case keepLocation = "keep_location"
        }
    }

    @Sendable func list(req: Request) async throws -> Response {
        let principal = try req.principal(allowedTo: .reportIncident)
        var errors = FieldChecker()
        var filter = IncidentFilter()
        do {
            filter = try IncidentFilter(query: req)
        } catch AppError.invalidFields(let problems) {
            errors = FieldChecker(problems)
        }
        let model = IncidentsPage.Model(
            list: try await IncidentQueries.list(filter, in: principal.scope, on: req.db),
            filter: filter,
            units: principal.scope.kind == .unit
                ? [] : try await IncidentQueries.units(in: principal.scope, on: req.db),
            reportUnit: Self.ownUnit(principal),
            errors: errors
        )
        return req.page(
            req.pageLanguage("Vụ việc", "Incidents"),
            status: errors.errors.isEmpty ? .ok : .unprocessableEntity
        ) { IncidentsPage.view(model, $0) }
    }

    /// The unit a unit's account reports for.
    static func ownUnit(_ principal: Principal) -> UUID? {
        if case .unit(let unit, _) = principal.scope { return unit }
        return nil
    }

    @Sendable func form(req: Request) async throws -> Response {
        let principal = try req.principal(allowedTo: .reportIncident)
        return try await renderForm(req, principal: principal, unitID: try req.idParameter(), failed: nil)
    }

    private func renderForm(
        _ req: Request,
        principal: Principal,
        unitID: UUID,
        failed: FormFailure?
    ) async throws -> Response {
        let unit = try await OrganisationQueries.unit(unitID, in: principal.scope, on: req.db)
        let sites = try await IncidentQueries.sites(of: try unit.requireID(), on: req.db)
        let model = IncidentFormPage.Model(
            unitID: try unit.requireID(),
            unitName: unit.name,
            sites: sites.compactMap { site in site.id.map { ($0, site.name) } },
            now: IncidentTime.local(req.application.clock.now()),
            failed: failed
        )
        return req.page(
            req.pageLanguage("Báo cáo vụ việc", "Report an incident"),
            status: failed == nil ? .ok : .unprocessableEntity
        ) { IncidentFormPage.view(model, $0) }
    }

    @Sendable func create(req: Request) async throws -> Response {
        let principal = try req.principal(allowedTo: .reportIncident)
        let unitID = try req.idParameter()
        do {
            _ = try await ImportUpload.collect(req, max: SpreadsheetLimits.maxBytes + ImportUpload.formOverhead)
        } catch is ImportUpload.TooLarge {
            throw AppError.tooLarge(megabytes: SpreadsheetLimits.maxBytes / 1_048_576)
        }
        // Taking apart a form of several photos and stripping their metadata is CPU work: off the event loops.
        let (input, values) = try await req.application.offLoop { () -> (IncidentInput, [String: String]) in
            let form = try req.content.decode(ReportForm.self)
            return (Self.input(form, unitID: unitID), Self.values(form))
        }
        do {
            let incident = try await IncidentService.report(input, by: principal, on: req.application)
            let flash = Flash(
                kind: .success,
                message: req.pageLanguage(
                    "Đã gửi báo cáo. Lãnh đạo đơn vị và cơ quan quản lý đã được báo.",
                    "Report sent. The unit's leaders and the supervising authority have been told."
                )
            )
            return req.redirect(to: .incident(try incident.requireID()), flash: flash)
        } catch AppError.invalidFields(let errors) {
            let failed = FormFailure(form: IncidentFormPage.formName, errors: errors, values: values)
            return try await renderForm(req, principal: principal, unitID: unitID, failed: failed)
        }
    }

    /// The form's values as the service takes them; what cannot be read is a problem of its field.
    static func input(_ form: ReportForm, unitID: UUID) -> IncidentInput {
        var checker = FieldChecker()
        let keep = form.keepLocation == "on"
        let photos = PhotoUpload.check(
            form.photos,
            field: "photos",
            keep: keep ? .everything : .allButLocation,
            into: &checker
        )
        var occurredAt: Date?
        if let text = form.occurredAt, !text.isEmpty {
            occurredAt = IncidentTime.parse(text)
            if occurredAt == nil {
                checker.add(
                    "occurred_at",
                    .invalid(vi: "cần ngày giờ dạng dd/MM/yyyy HH:mm", en: "needs a date and time as dd/MM/yyyy HH:mm")
                )
            }
        }
        var damage: Int64?
        if let text = form.damageVnd?.replacingOccurrences(of: ".", with: ""), !text.isEmpty {
            damage = Int64(text)
            if damage == nil {
                checker.add("damage_vnd", .invalid(vi: "cần một số đồng", en: "needs an amount in VND"))
            }
        }
        var siteID: UUID?
        if let site = form.site, !site.isEmpty {
            siteID = UUID(uuidString: site)
            if siteID == nil { checker.add("site", .notFound) }
        }
        return IncidentInput(
            unitID: unitID,
            kind: form.kind,
            severity: form.severity,
            siteID: siteID,
            place: form.place,
            occurredAt: occurredAt,
            description: form.description,
            peopleInvolved: form.peopleInvolved,
            damageVND: damage,
            keepsLocation: keep,
            photos: photos,
            problems: checker.errors
        )
    }

    /// What was typed, to show again with the errors (never the photos: a browser cannot be given files back).
    static func values(_ form: ReportForm) -> [String: String] {
        [
            "kind": form.kind ?? "", "severity": form.severity ?? "", "site": form.site ?? "",
            "place": form.place ?? "", "occurred_at": form.occurredAt ?? "", "description": form.description ?? "",
            "people_involved": form.peopleInvolved ?? "", "damage_vnd": form.damageVnd ?? "",
        ]
    }

    @Sendable func show(req: Request) async throws -> Response {
        try await renderIncident(req, failed: nil)
    }

    private func renderIncident(_ req: Request, failed: FormFailure?) async throws -> Response {
        let principal = try req.principal(allowedTo: .reportIncident)
        let detail = try await IncidentQueries.detail(
            try req.idParameter(),
            in: principal.scope,
            reader: principal.id,
            on: req.db
        )
        let model = IncidentPage.Model(detail: detail, canHandle: principal.can(.handleIncidents), failed: failed)
        let title = IncidentWords.kind(detail.incident.kindValue, req.pageLanguage)
        return req.page(title, status: failed == nil ? .ok : .unprocessableEntity) { IncidentPage.view(model, $0) }
    }

    @Sendable func acknowledge(req: Request) async throws -> Response {
        let principal = try req.principal(allowedTo: .handleIncidents)
        let id = try req.idParameter()
        let done = try await IncidentResponse.acknowledge(id, by: principal, on: req.application)
        let message =
            done
            ? req.pageLanguage("Đã xác nhận nhận tin.", "Acknowledged.")
            : req.pageLanguage("Bạn đã xác nhận trước đó.", "You had already acknowledged.")
        return req.redirect(to: .incident(id), flash: Flash(kind: .success, message: message))
    }

    @Sendable func step(req: Request) async throws -> Response {
        let principal = try req.principal(allowedTo: .handleIncidents)
        let id = try req.idParameter()
        let values = req.formValues
        let input = IncidentStepInput(
            stage: values["stage"],
            note: values["note"],
            skipReason: values["skip_reason"],
            qualification: values["qualification"].flatMap { $0.isEmpty ? nil : $0 },
            crimeSeverity: values["crime_severity"].flatMap { $0.isEmpty ? nil : $0 },
            forceMajeure: values["force_majeure"] == "on",
            detectedPromptly: values["detected_promptly"] == "on",
            damageLimited: values["damage_limited"] == "on",
            reportedToAuthorityAt: values["reported_to_authority_at"]
        )
        do {
            try await IncidentResponse.step(id, input, by: principal, on: req.application)
        } catch AppError.invalidFields(let errors) {
            let failed = FormFailure(form: IncidentPage.stepForm, errors: errors, values: values)
            return try await renderIncident(req, failed: failed)
        }
        let flash = Flash(kind: .success, message: req.pageLanguage("Đã ghi nhận bước xử lý.", "Step recorded."))
        return req.redirect(to: .incident(id), flash: flash)
    }

    @Sendable func minutes(req: Request) async throws -> Response {
        let principal = try req.principal(allowedTo: .reportIncident)
        let detail = try await IncidentQueries.detail(
            try req.idParameter(),
            in: principal.scope,
            reader: principal.id,
            on: req.db
        )
        let model = IncidentMinutesPage.Model(detail: detail)
        return req.page(req.pageLanguage("Biên bản sự việc", "Incident minutes")) {
            IncidentMinutesPage.view(model, $0)
        }
    }

    /// A photo of an incident the reader may see, as it was stored; 404 otherwise.
    @Sendable func photo(req: Request) async throws -> Response {
        let principal = try req.principal(allowedTo: .reportIncident)
        guard let photoID = req.parameters.get("photo").flatMap(UUID.init(uuidString:)) else { throw AppError.notFound }
        let photo = try await IncidentQueries.photo(photoID, of: try req.idParameter(), in: principal.scope, on: req.db)
        return Response(
            status: .ok,
            headers: [
                "Content-Type": photo.contentType, "Cache-Control": "private, max-age=86400",
                "X-Content-Type-Options": "nosniff",
            ],
            body: .init(data: photo.bytes)
        )
    }
}
