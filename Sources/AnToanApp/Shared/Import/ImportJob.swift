import Fluent
import Foundation

/// A spreadsheet import running in the background, with how far it got and what it found.
/// `@unchecked Sendable`: Fluent model.
final class ImportJob: Model, @unchecked Sendable {
    static let schema = "import_jobs"

    /// queued → checking → writing → done; or problems (nothing written), failed (error, nothing written).
    enum Status: String, Sendable {
        case queued
        case checking
        case writing
        case done
        case problems
        case failed

        var isRunning: Bool { [.queued, .checking, .writing].contains(self) }
    }

    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    @Field(key: "kind") var kind: String
    @Field(key: "filename") var filename: String
    @Field(key: "user_id") var userID: UUID
    @Field(key: "status") var status: String
    @Field(key: "total") var total: Int
    @Field(key: "done") var done: Int
    @Field(key: "created") var created: Int
    @Field(key: "updated") var updated: Int
    @Field(key: "problem_count") var problemCount: Int
    /// JSON array of the first problems: `[{"row","column","vi","en"}]`.
    @Field(key: "problems") var problems: String

    init() {}

    init(kind: ImportKind, filename: String, userID: UUID, total: Int) {
        self.kind = kind.id
        self.filename = filename
        self.userID = userID
        self.status = Status.queued.rawValue
        self.total = total
        self.done = 0
        self.created = 0
        self.updated = 0
        self.problemCount = 0
        self.problems = "[]"
    }

    var state: Status { Status(rawValue: status) ?? .failed }
}

/// The stored form of an import problem, in both languages, so the job page can show either.
struct StoredImportProblem: Codable, Sendable {
    var row: Int
    var column: String
    var vi: String
    var en: String

    /// The job row keeps this many problems; the count says how many there were.
    static let kept = 1_000

    static func encode(_ problems: [ImportProblem]) -> String {
        let stored = problems.prefix(kept).map {
            StoredImportProblem(row: $0.row, column: $0.column, vi: $0.message(.vi), en: $0.message(.en))
        }
        let data = (try? JSONEncoder().encode(Array(stored))) ?? Data("[]".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    static func decode(_ text: String) -> [StoredImportProblem] {
        (try? JSONDecoder().decode([StoredImportProblem].self, from: Data(text.utf8))) ?? []
    }
}
