import Foundation
import OpenAPIKit
import Vapor

/// A background import as the API shows it (`GET /api/v1/import-jobs/{id}`): its state, how far it got, and
/// its report once it has finished.
struct ImportJobDTO: Content {
    var id: UUID
    var kind: String
    var status: String
    var done: Int
    var total: Int
    /// Present once the job is `done` or found `problems`; at most the first 1,000 problems are kept.
    var report: ImportReportDTO?

    init(_ job: ImportJob, live: ImportJobBoard.Live?, lang: Language) throws {
        id = try job.requireID()
        kind = job.kind
        let state = live?.status ?? job.state
        status = state.rawValue
        done = live?.done ?? job.done
        total = job.total
        report =
            [.done, .problems].contains(state)
            ? ImportReportDTO(
                kind: job.kind,
                rows: job.total,
                problems: StoredImportProblem.decode(job.problems).map {
                    ImportReportDTO.Problem(row: $0.row, column: $0.column, reason: lang($0.vi, $0.en))
                },
                applied: state == .done,
                created: job.created,
                updated: job.updated
            ) : nil
    }
}

extension ImportReportDTO {
    init(kind: String, rows: Int, problems: [Problem], applied: Bool, created: Int, updated: Int) {
        self.kind = kind
        self.rows = rows
        self.problems = problems
        self.applied = applied
        self.created = created
        self.updated = updated
    }
}

extension ImportJobDTO: APISchema {
    static let schemaName = "ImportJob"
    static var schema: JSONSchema {
        .record([
            "id": .uuid, "kind": .component(ImportKindSchema.self),
            "status": .string(
                description:
                    "queued → checking → writing → done; or problems (nothing written), failed (nothing written)",
                allowedValues: "queued",
                "checking",
                "writing",
                "done",
                "problems",
                "failed"
            ),
            "done": .integer(description: "Rows checked or written so far"), "total": .integer,
            "report": .component(ImportReportDTO.self).optional,
        ])
    }
    static var components: [any APISchema.Type] { [ImportReportDTO.self] }
}
