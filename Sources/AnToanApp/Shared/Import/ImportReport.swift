import Foundation
import OpenAPIKit
import Vapor

/// One problem of an import: the row as Excel numbers it (header = 1), the column as the file names it.
struct ImportProblem: Sendable, Equatable {
    var row: Int
    var column: String
    var reason: FieldError.Reason

    func message(_ lang: Language) -> String {
        FieldError(field: column, reason: reason).message(lang)
    }
}

/// What a dry run found, or what an import wrote.
struct ImportReport: Sendable {
    var kind: String
    var rows: Int
    var problems: [ImportProblem]
    var applied: Bool
    var created: Int
    /// Records already there that the import changed (rows that changed nothing count in neither).
    var updated: Int
}

/// The JSON body of an import: `{"kind","rows","problems":[{"row","column","reason"}],"applied","created",
/// "updated"}`.
struct ImportReportDTO: Content {
    struct Problem: Content, Equatable {
        var row: Int
        var column: String
        var reason: String
    }

    var kind: String
    var rows: Int
    var problems: [Problem]
    var applied: Bool
    var created: Int
    var updated: Int

    init(_ report: ImportReport, lang: Language) {
        kind = report.kind
        rows = report.rows
        problems = report.problems.map { Problem(row: $0.row, column: $0.column, reason: $0.message(lang)) }
        applied = report.applied
        created = report.created
        updated = report.updated
    }
}

extension ImportReportDTO: APISchema {
    static let schemaName = "ImportReport"
    static var schema: JSONSchema {
        .record([
            "kind": .component(ImportKindSchema.self), "rows": .integer(description: "Data rows in the file"),
            "problems": .list(
                .record([
                    "row": .integer(description: "Row as Excel numbers it; the header is row 1"),
                    "column": .string(description: "Column header as written in the file"),
                    "reason": .string(description: "Vietnamese, or English with Accept-Language: en"),
                ])
            ),
            "applied": .boolean, "created": .integer(description: "Records created; 0 in a dry run"),
            "updated": .integer(
                description: "Records already there that the import changed (a staff code already in its unit); "
                    + "0 in a dry run"
            ),
        ])
    }
}

/// An import kind in the OpenAPI document: one of the kinds the modules registered, which `APIDocument.build`
/// always adds and lists as the schema's values.
enum ImportKindSchema: APISchema {
    static let schemaName = "ImportKind"
    static var schema: JSONSchema { .string(description: "One of the registered import kinds") }
}

/// Where an import says how far it got: every 1,000 rows while checking, every chunk while writing.
struct ImportProgress: Sendable {
    enum Phase: String, Sendable {
        case checking
        case writing
    }

    var report: @Sendable (Phase, _ done: Int, _ total: Int) async -> Void

    static let none = ImportProgress { _, _, _ in }
    static let interval = 1_000
}

/// The reasons an import gives beyond the API's own field rules.
enum ImportReason {
    static let missingColumn = FieldError.Reason.invalid(
        vi: "thiếu cột bắt buộc này",
        en: "this required column is missing"
    )
    static let unknownColumn = FieldError.Reason.invalid(
        vi: "không phải cột của mẫu nhập: hãy đổi tên theo mẫu hoặc bỏ cột này",
        en: "is not a column of the template: rename it as in the template or remove it"
    )
    static let repeatedColumn = FieldError.Reason.invalid(vi: "cột bị lặp lại", en: "the column appears twice")
    static let untitledColumn = FieldError.Reason.invalid(
        vi: "cột có dữ liệu nhưng không có tiêu đề",
        en: "the column holds data but has no header"
    )
    static let exists = FieldError.Reason.invalid(vi: "đã có trong hệ thống", en: "already exists")
    static let outsideScope = FieldError.Reason.invalid(vi: "nằm ngoài phạm vi của bạn", en: "is outside your scope")
    static let ownAncestor = FieldError.Reason.invalid(
        vi: "làm cho đơn vị thành cấp trên của chính nó",
        en: "would make it its own ancestor"
    )
    static let yesNo = FieldError.Reason.invalid(
        vi: "chỉ nhận Có/Không (hoặc x, yes/no, true/false, 1/0)",
        en: "must be yes/no (or Có/Không, x, true/false, 1/0)"
    )

    static func repeats(_ row: Int) -> FieldError.Reason {
        .invalid(vi: "trùng với dòng \(row) trong tệp", en: "repeats row \(row) of the file")
    }

    static func unknownCode(_ code: String) -> FieldError.Reason {
        .invalid(
            vi: "không tìm thấy mã \"\(code)\" trong hệ thống hay trong tệp",
            en: "no code \"\(code)\" in the system or the file"
        )
    }

    static func choice(_ words: ImportWords) -> FieldError.Reason {
        .invalid(vi: "chỉ nhận: \(words.accepted)", en: "must be one of: \(words.accepted)")
    }
}
