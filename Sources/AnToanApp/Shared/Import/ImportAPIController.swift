import AnToanCore
import Foundation
import Vapor

/// Import, templates and export of every registered import kind (`app.importKinds`) under /api/v1.
struct ImportAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        // The body is collected by the handler, so that a file over 10 MB gets a 413 naming the real limit.
        routes.on(.POST, "import", ":kind", body: .stream, use: importFile)
        routes.get("import", ":kind", "template", use: template)
        routes.get("export", ":kind", use: export)
        routes.get("import-jobs", ":id", use: job)
    }

    static let acceptedTypes: Set<String> = [
        "text/csv", "application/csv", "text/plain", "application/vnd.ms-excel", "application/octet-stream",
        ImportFileFormat.xlsxType,
    ]

    /// `?dry_run=true` (the default) checks and writes nothing; `false` imports every row or, on any problem,
    /// none and answers 422 with the same list. An import of more than `ImportJobs.apiBackgroundRows` rows runs in
    /// the background: 202 with the job, and its `Location` to follow.
    @Sendable func importFile(req: Request) async throws -> Response {
        let principal = try req.principal()
        let kind = try req.application.importKinds.parse(req.parameters.get("kind"))
        guard principal.can(kind.permission) else { throw AppError.forbidden }
        let dryRun = try Self.dryRun(req)
        guard let type = req.headers.contentType, Self.acceptedTypes.contains("\(type.type)/\(type.subType)")
        else { throw Abort(.unsupportedMediaType) }
        let body: ByteBuffer
        do {
            body = try await ImportUpload.collect(req)
        } catch is ImportUpload.TooLarge {
            return ImportUpload.tooLargeResponse(req)
        }
        let filename = try? req.query.get(String.self, at: "filename")
        // Reading 10 MB of spreadsheet is CPU work: on the thread pool, not on an event loop.
        let sheet = try await req.application.offLoop {
            try ImportSheet.read(Data(body.readableBytesView), filename: filename, kind: kind)
        }
        if !dryRun, sheet.records.count > ImportJobs.apiBackgroundRows {
            let id = try await ImportJobs.start(sheet, by: principal, app: req.application)
            let job = try await ImportJobQueries.job(id, of: principal, on: req.db)
            let live = await req.application.importJobs.progress(of: id)
            let response = try await ImportJobDTO(job, live: live, lang: req.apiLanguage)
                .encodeResponse(status: .accepted, for: req)
            response.headers.replaceOrAdd(name: .location, value: "/api/v1/import-jobs/\(id)")
            return response
        }
        let report = try await ImportService.run(sheet, by: principal, apply: !dryRun, app: req.application)
        let status: HTTPResponseStatus = !dryRun && !report.applied ? .unprocessableEntity : .ok
        return try await ImportReportDTO(report, lang: req.apiLanguage).encodeResponse(status: status, for: req)
    }

    /// A background import of the caller's; another account's job is a 404.
    @Sendable func job(req: Request) async throws -> ImportJobDTO {
        let principal = try req.principal()
        let job = try await ImportJobQueries.job(try req.idParameter(), of: principal, on: req.db)
        let live = job.state.isRunning ? await req.application.importJobs.progress(of: try job.requireID()) : nil
        return try ImportJobDTO(job, live: live, lang: req.apiLanguage)
    }

    /// A blank template with Vietnamese headers (English headers are accepted on import too).
    @Sendable func template(req: Request) async throws -> Response {
        let principal = try req.principal()
        let kind = try req.application.importKinds.parse(req.parameters.get("kind"))
        guard principal.can(kind.viewPermission) else { throw AppError.forbidden }
        let format = try ImportFileFormat.parse(try? req.query.get(String.self, at: "format"))
        return try format.response(ImportTemplate.tables(kind), filename: "mau-nhap-\(kind.id)")
    }

    /// The list within the caller's scope, in the template's columns; identity numbers in full only with
    /// `reveal=identity` and the right to see them (and then audited), masked otherwise.
    @Sendable func export(req: Request) async throws -> Response {
        let principal = try req.principal()
        let kind = try req.application.importKinds.parse(req.parameters.get("kind"))
        guard principal.can(kind.viewPermission) else { throw AppError.forbidden }
        let format = try ImportFileFormat.parse(try? req.query.get(String.self, at: "format"))
        let reveal = try Self.revealIdentity(req)
        if reveal, !principal.can(.viewStaffIdentity) { throw AppError.forbidden }
        // Building 10,000 rows and zipping them are CPU work: on the thread pool, not on an event loop.
        return try await req.application.offLoop {
            let table = try await ImportExport.table(kind, for: principal, revealIdentity: reveal, app: req.application)
            return try format.response([table], filename: "\(kind.id)-\(req.today)")
        }
    }

    private static func revealIdentity(_ req: Request) throws -> Bool {
        guard let text = try? req.query.get(String.self, at: "reveal"), !text.isEmpty else { return false }
        guard text == "identity" else {
            throw AppError.invalidFields([
                FieldError(field: "reveal", reason: .invalid(vi: "chỉ nhận identity", en: "must be identity"))
            ])
        }
        return true
    }

    private static func dryRun(_ req: Request) throws -> Bool {
        guard let text = try? req.query.get(String.self, at: "dry_run") else { return true }
        switch text.lowercased() {
        case "true", "1", "yes": return true
        case "false", "0", "no": return false
        default:
            throw AppError.invalidFields([
                FieldError(
                    field: "dry_run",
                    reason: .invalid(vi: "chỉ nhận true hoặc false", en: "must be true or false")
                )
            ])
        }
    }
}
