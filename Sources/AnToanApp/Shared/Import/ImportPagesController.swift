import Fluent
import Foundation
import Vapor

/// The import page: check or import a file, and follow a large import in the background.
struct ImportPagesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("import", use: form)
        // Collected by the handler, so that a file over 10 MB gets its error beside the file field.
        routes.on(.POST, "import", body: .stream, use: submit)
        routes.get(ImportURL.jobRoute, use: job)
        // The API's files, for the page's links: the same handlers, signed in by the session.
        routes.get(ImportURL.templateRoute, use: ImportAPIController().template)
        routes.get(ImportURL.exportRoute, use: ImportAPIController().export)
    }

    /// The multipart form as posted; `mode` is the submit button pressed.
    struct Form: Decodable {
        var kind: String?
        var mode: String?
        var file: File?
    }

    @Sendable func form(req: Request) async throws -> Response {
        var model = try await Self.model(req)
        if let kind = try? req.query.get(String.self, at: "kind"), model.kinds.contains(where: { $0.id == kind }) {
            model.kind = kind
        }
        return render(model, status: .ok, req)
    }

    /// The kinds the signed-in account may import, the registry's preselected one first chosen; 403 when none.
    /// With the right to see identity numbers, the exports that can show them in full and how many they would show.
    private static func model(_ req: Request) async throws -> ImportPage.Model {
        let principal = try req.principal()
        let registry = req.application.importKinds
        let kinds = registry.all.filter { principal.can($0.permission) }
        guard let first = kinds.first else { throw AppError.forbidden }
        let preselected = kinds.first { $0.id == registry.preselected } ?? first
        var model = ImportPage.Model(kinds: kinds, kind: preselected.id)
        guard principal.can(.viewStaffIdentity) else { return model }
        for kind in kinds where principal.can(kind.viewPermission) {
            guard let count = kind.identityCount else { continue }
            model.reveals.append(ImportPage.Reveal(kind: kind, count: try await count(principal, req.application)))
        }
        return model
    }

    @Sendable func submit(req: Request) async throws -> Response {
        var model = try await Self.model(req)
        let principal = try req.principal()
        do {
            _ = try await ImportUpload.collect(req, max: SpreadsheetLimits.maxBytes + ImportUpload.formOverhead)
        } catch is ImportUpload.TooLarge {
            let message = ImportUpload.tooLargeMessage
            model.errors.add("file", .invalid(vi: message.vi, en: message.en))
            return render(model, status: .payloadTooLarge, req)
        }
        // Taking apart a 10 MB form and reading its spreadsheet are CPU work: on the thread pool, not on a loop.
        let form = try await req.application.offLoop { try req.content.decode(Form.self) }
        let kind = form.kind.flatMap { id in model.kinds.first { $0.id == id } }
        if let kind { model.kind = kind.id } else { model.errors.add("kind", .required) }
        guard let file = form.file, file.data.readableBytes > 0 else {
            model.errors.add(
                "file",
                .invalid(
                    vi: "Hãy chọn tệp bảng tính (.xlsx hoặc .csv).",
                    en: "Choose a spreadsheet file (.xlsx or .csv)."
                )
            )
            return render(model, status: .unprocessableEntity, req)
        }
        guard let kind else { return render(model, status: .unprocessableEntity, req) }
        let sheet: ImportSheet
        do {
            sheet = try await req.application.offLoop {
                try ImportSheet.read(Data(file.data.readableBytesView), filename: file.filename, kind: kind)
            }
        } catch AppError.badRequest(let vi, let en) {
            model.errors.add("file", .invalid(vi: vi, en: en))
            let tooLarge = file.data.readableBytes > SpreadsheetLimits.maxBytes
            return render(model, status: tooLarge ? .payloadTooLarge : .unprocessableEntity, req)
        }
        let apply = form.mode == "apply"
        if apply, sheet.records.count >= ImportJobs.backgroundRows {
            let id = try await ImportJobs.start(sheet, by: principal, app: req.application)
            return req.redirect(to: ImportURL.job(id).path, redirectType: .normal)
        }
        let report = try await ImportService.run(sheet, by: principal, apply: apply, app: req.application)
        let lang = req.pageLanguage
        model.result = ImportPage.Result(
            kind: kind,
            rows: report.rows,
            applied: report.applied,
            created: report.created,
            updated: report.updated,
            dryRun: !apply,
            problems: report.problems.prefix(ImportProblemTable.shown).map {
                ImportProblemRow(row: $0.row, column: $0.column, reason: $0.message(lang))
            },
            problemCount: report.problems.count
        )
        return render(model, status: apply && !report.applied ? .unprocessableEntity : .ok, req)
    }

    /// A background import of the signed-in account; another account's job is a 404.
    @Sendable func job(req: Request) async throws -> Response {
        let principal = try req.principal()
        let job = try await ImportJobQueries.job(try req.idParameter(), of: principal, on: req.db)
        let id = try job.requireID()
        let live = job.state.isRunning ? await req.application.importJobs.progress(of: id) : nil
        // Fluent stamps `created_at` from the system clock, so staleness is measured on the same clock.
        let stale = Date().timeIntervalSince(job.createdAt ?? Date()) > ImportJobs.staleAfter
        let lang = req.pageLanguage
        let model = ImportJobPage.Model(
            kindTitle: req.application.importKinds[job.kind]?.title(lang) ?? job.kind,
            filename: job.filename,
            status: live?.status ?? job.state,
            interrupted: job.state.isRunning && live == nil && stale,
            done: live?.done ?? job.done,
            total: job.total,
            created: job.created,
            updated: job.updated,
            problems: StoredImportProblem.decode(job.problems).map {
                ImportProblemRow(row: $0.row, column: $0.column, reason: lang($0.vi, $0.en))
            },
            problemCount: job.problemCount
        )
        let response = req.page(lang("Nhập dữ liệu", "Import")) { ImportJobPage.view(model, $0) }
        if model.isRunning { response.headers.replaceOrAdd(name: "Refresh", value: "1") }
        return response
    }

    private func render(_ model: ImportPage.Model, status: HTTPResponseStatus, _ req: Request) -> Response {
        req.page(req.pageLanguage("Nhập dữ liệu", "Import"), status: status) { ImportPage.view(model, $0) }
    }
}
