import AnToanCore
import Fluent
import Vapor

/// One thing a spreadsheet can bring in, defined by the module that owns it: its columns, who may import and
/// export it, how a sheet is checked and written (`plan`), and how the current data is listed (`export`).
/// Modules register their kinds in `app.importKinds` where they register their routes.
struct ImportKind: Sendable {
    typealias Plan = @Sendable (ImportSheet, Principal, any Database, ImportProgress) async throws -> any ImportPlan
    /// The rows of an export within the principal's scope, in `columns`' order. `revealIdentity` asks for identity
    /// numbers in full (the caller has checked the right to see them); the export records that in the audit trail.
    typealias Export = @Sendable (Principal, _ revealIdentity: Bool, Application) async throws -> [[String]]

    /// The kind in URLs, on the command line and in the API's reports: `staff`, `units`.
    var id: String
    var name: (vi: String, en: String)
    /// The sheet name of templates and exports.
    var sheetName: String
    /// The template's columns, in order; exports use the same order so that they can be imported again.
    var columns: [ImportColumn]
    /// Who may import; templates and exports need `viewPermission`.
    var permission: Action
    var viewPermission: Action
    /// The tables an import writes, analysed after a large import so that the planner knows their new shape.
    var tables: [String] = []
    /// What the template's guide says a column accepts ("Ngày dd/MM/yyyy"); empty when nothing to say.
    var accepted: @Sendable (_ column: String) -> String = { _ in "" }
    var plan: Plan
    var export: Export
    /// How many identity numbers an export with `reveal=identity` would show this reader in full, so that the page
    /// can say so before; nil for a kind whose export shows none.
    var identityCount: (@Sendable (Principal, Application) async throws -> Int)? = nil

    func title(_ lang: Language) -> String { lang(name.vi, name.en) }
}

/// One column of an import: its English name (also the API's field name) and its Vietnamese header.
struct ImportColumn: Sendable, Equatable {
    var key: String
    var vi: String
    var required = false

    init(_ key: String, _ vi: String, required: Bool = false) {
        self.key = key
        self.vi = vi
        self.required = required
    }

    /// Headers are matched without diacritics or case: "ho va ten", "HỌ VÀ TÊN", "full_name", "Full name".
    var acceptedHeaders: Set<String> {
        [Folding.fold(vi), Folding.fold(key), Folding.fold(key.replacingOccurrences(of: "_", with: " "))]
    }

    func header(_ lang: Language) -> String { lang(vi, key) }
}

/// The import kinds of every module, in the order they were registered (for the registry: the order a province
/// is built). The page's list, the API's `{kind}`, the OpenAPI enum and the command all read it.
struct ImportKinds: Sendable {
    private(set) var all: [ImportKind] = []
    /// The kind the import page offers first (the one imported most often); the first registered otherwise.
    var preselected: String?

    var ids: [String] { all.map(\.id) }

    subscript(_ id: String) -> ImportKind? { all.first { $0.id == id.lowercased() } }

    mutating func register(_ kinds: ImportKind...) {
        for kind in kinds {
            precondition(self[kind.id] == nil, "import kind \(kind.id) registered twice")
            all.append(kind)
        }
    }

    /// The kind named in a URL or on the command line; a clear 400 listing the kinds otherwise.
    func parse(_ text: String?) throws -> ImportKind {
        guard let text, let kind = self[text] else {
            let accepted = ids.joined(separator: ", ")
            throw AppError.badRequest(
                vi: "Không có loại dữ liệu nhập \"\(text ?? "")\". Chỉ nhận: \(accepted).",
                en: "There is no import kind \"\(text ?? "")\". Accepted: \(accepted)."
            )
        }
        return kind
    }
}

extension Application {
    /// The registered import kinds; modules add theirs in `routes`, before the server starts.
    var importKinds: ImportKinds {
        get { storage[ImportKindsKey.self] ?? ImportKinds() }
        set { storage[ImportKindsKey.self] = newValue }
    }

    private struct ImportKindsKey: StorageKey {
        typealias Value = ImportKinds
    }
}
